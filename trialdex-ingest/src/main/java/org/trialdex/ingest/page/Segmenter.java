package org.trialdex.ingest.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a page's lines into blocks, each a label or heading with the lines that belong to it. The
 * lines before the first label form the header (title, official title, a summary paragraph).
 */
final class Segmenter {

  /**
   * One label and its content.
   *
   * @param field what the label stands for
   * @param match how the label was matched (qualifier, colon)
   * @param label the line the label is on
   * @param inline the value on the label's own line, or null
   * @param lines the lines after the label line, up to the next label
   * @param section the enclosing section heading when the label was seen, or null
   */
  record Block(Field field, Vocabulary.Match match, Line label, Val inline, List<Line> lines, Field section) {}

  record Segments(List<Line> header, List<Block> blocks) {}

  /** A form's item number before its label: {@code E.2.1 }, {@code A.3 }, {@code 3.2.1 }. */
  private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile(
      "(?:[A-Z]\\.\\d{1,2}(?:\\.\\d{1,2}){0,3}|\\d{1,2}(?:\\.\\d{1,2}){1,3})\\.?\\s{1,3}[A-Z][a-z]");

  private Segmenter() {}

  static Segments segment(String page, List<Line> lines) {
    List<Line> header = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    Block cur = null;
    Field section = null;
    for (int li = 0; li < lines.size(); li++) {
      Line line = lines.get(li);
      if (line.empty()) {
        if (cur != null) {
          cur.lines().add(line);
        }
        continue;
      }
      String c = line.text();
      Vocabulary.Match bare = Vocabulary.bare(c);
      if (li + 1 < lines.size() && !lines.get(li + 1).empty() && c.length() < 80 && lines.get(li + 1).text().length() < 40
          && !line.listItem() && Vocabulary.bare(lines.get(li + 1).text()) == null) {
        // A label broken over two lines by a narrow column ("Health condition(s) or problem(s)" / "studied",
        // "Primary Completion" / "Date:"): the two lines are one label.
        String next = lines.get(li + 1).text().strip();
        Vocabulary.Match joined = Vocabulary.bare(c + " " + next);
        // When the first line is a label already, only a single word completes it ("Date:", "Status").
        if (joined != null && (bare == null || joined.field() == bare.field() && next.matches("[A-Za-z]{2,12}:?"))) {
          bare = new Vocabulary.Match(joined.field(), joined.qualifier(), c.length(), joined.colon(), true);
          li++;
        }
      }
      if (cur != null && cur.field() == Field.IGNORED && cur.inline() == null && bare == null) {
        // Inside a section of the site's own (related trials, results teasers) only a heading counts.
        continue;
      }
      if (cur != null && cur.field().textBlock()) {
        boolean criteria = cur.field() == Field.INCLUSION || cur.field() == Field.EXCLUSION;
        boolean ends = bare != null && !(criteria && weak(bare.field()) && c.strip().split("\\s+").length <= 1);
        if (!ends && criteria) {
          Vocabulary.Match lead = Vocabulary.leading(c);
          if (lead != null && (lead.field() == Field.INCLUSION || lead.field() == Field.EXCLUSION) && c.endsWith(":")
              && cur.field() != lead.field()) {
            bare = new Vocabulary.Match(lead.field(), "", c.length(), true, true);
            ends = true;
          } else if (lead != null && !line.listItem() && lead.colon() && lead.field().kind == Field.Kind.VALUE
              && c.length() - lead.valueFrom() <= 40 && acceptsWithoutColon(lead.field(), c.substring(lead.valueFrom()))
              && (lead.field() == Field.SEX || lead.field() == Field.HEALTHY_VOLUNTEERS || lead.field() == Field.MIN_AGE
              || lead.field() == Field.MAX_AGE || lead.field() == Field.STATUS || lead.field() == Field.PHASE)) {
            // "Sex: FEMALE" after a criteria text written on one line: a field of its own, not a criterion.
            for (Block b : inline(page, line, lead, section)) {
              blocks.add(b);
              cur = b;
            }
            continue;
          } else if (!line.listItem() && eligibilityValue(c) && section == Field.ELIGIBILITY) {
            cur = new Block(Field.ELIGIBILITY, null, line, null, new ArrayList<>(List.of(line)), section);
            blocks.add(cur);
            continue;
          }
        }
        if (!ends && !criteria) {
          Vocabulary.Match end = summaryEnd(c, line);
          if (end != null) {
            for (Block b : inline(page, line, end, section)) {
              blocks.add(b);
              cur = b;
            }
            continue;
          }
        }
        if (!ends) {
          cur.lines().add(line);
          continue;
        }
      }
      if (bare != null) {
        cur = new Block(bare.field(), bare, line, null, new ArrayList<>(), section);
        blocks.add(cur);
        if (bare.field().kind == Field.Kind.SECTION || bare.field() == Field.IGNORED) {
          section = bare.field();
        }
        continue;
      }
      Vocabulary.Match lead = Vocabulary.leading(c);
      if (lead != null && (lead.colon() || acceptsWithoutColon(lead.field(), c.substring(lead.valueFrom(), gluedCut(c, lead.valueFrom())))
          || namedWithoutColon(lead.field(), c.substring(0, lead.valueFrom()), c.substring(lead.valueFrom())))) {
        for (Block b : inline(page, line, lead, section)) {
          blocks.add(b);
          cur = b;
        }
        continue;
      }
      Vocabulary.Match glued = lead == null || !lead.colon() ? Vocabulary.glued(c) : null;
      if (glued != null && (lead == null || glued.valueFrom() > lead.valueFrom())) {
        for (Block b : inline(page, line, glued, section)) {
          blocks.add(b);
          cur = b;
        }
        continue;
      }
      if (lead != null && lead.field().kind == Field.Kind.BLOCK && c.endsWith(":") && c.length() < 160) {
        cur = new Block(lead.field(), lead, line, null, new ArrayList<>(), section);
        blocks.add(cur);
        continue;
      }
      List<Block> flat = flattened(page, line, section);
      if (!flat.isEmpty()) {
        blocks.addAll(flat);
        cur = flat.get(flat.size() - 1);
        continue;
      }
      if (NUMBERED.matcher(c).lookingAt() && cur != null) {
        // A numbered item of a form the vocabulary does not know ("E.2.1 Main objective of the trial",
        // "F.1.1 Trial has subjects under 18"): it ends the block before it and is left out.
        Vocabulary.Match unknown = new Vocabulary.Match(Field.IGNORED, "", c.length(), false, false);
        cur = new Block(Field.IGNORED, unknown, line, Val.of(page, line), new ArrayList<>(), section);
        blocks.add(cur);
        continue;
      }
      if (cur == null) {
        header.add(line);
      } else {
        cur.lines().add(line);
      }
    }
    return new Segments(header, blocks);
  }

  /**
   * The blocks of a line with a label and value, cut where another label with a colon follows on
   * the same line ({@code Responsible Party: Lung-Ji Chang, … Identifier: NCT03123458}).
   */
  private static List<Block> inline(String page, Line line, Vocabulary.Match lead, Field section) {
    List<Block> out = new ArrayList<>();
    String c = line.text();
    int from = lead.valueFrom();
    Vocabulary.Match m = lead;
    int guard = 0;
    while (m != null && guard++ < 8) {
      int cut = c.length();
      Vocabulary.Match next = null;
      int nextAt = -1;
      if (c.length() - from < 2000) {
        for (int i = c.indexOf(':', from); i >= 0 && next == null; i = c.indexOf(':', i + 1)) {
          // Look back up to five words before the colon for a label that starts after a blank.
          int wordStart = i;
          for (int w = 0; w < 5 && wordStart > from; w++) {
            int sp = c.lastIndexOf(' ', wordStart - 2);
            if (sp < from) {
              break;
            }
            wordStart = sp + 1;
            Vocabulary.Match cand = Vocabulary.bare(c.substring(wordStart, i));
            if (cand != null && cand.field().kind != Field.Kind.SECTION && cand.field().kind != Field.Kind.IGNORED
                && Character.isUpperCase(c.charAt(wordStart))) {
              next = new Vocabulary.Match(cand.field(), cand.qualifier(), i + 1, true, false);
              nextAt = wordStart;
            }
          }
        }
      }
      if (next == null && c.length() - from < 300) {
        // A value run together with the next label: "Phase 1Accepts Healthy Volunteers?".
        int at = gluedCut(c, from);
        if (at < c.length()) {
          String tail = c.substring(at);
          Vocabulary.Match cand = gluedLabel(tail);
          if (cand != null && cand.field() != m.field()) {
            next = new Vocabulary.Match(cand.field(), cand.qualifier(), at + Math.min(cand.valueFrom(), tail.length()),
                cand.colon(), cand.bare());
            nextAt = at;
          }
        }
      }
      if (next != null) {
        cut = nextAt;
      }
      Val v = Val.of(page, line.from() + from, line.from() + cut);
      out.add(new Block(m.field(), m, line, v, new ArrayList<>(), section));
      m = next;
      if (next != null) {
        from = next.valueFrom();
      }
    }
    return out;
  }

  /**
   * The label that ends a summary on this line, or null: a label of two or more words run together
   * with its value ("Health condition(s) or problem(s) studiedRectal cancer", as copied two-column
   * pages give it); a field's label with a colon ("EudraCT Number:2011-002362-21" under a *Summary*
   * heading); or a label of two or more words without a colon before a value of its type or a name
   * ("Anticipated start date 01/02/1998", "Status of trial Completed").
   */
  private static Vocabulary.Match summaryEnd(String c, Line line) {
    Vocabulary.Match g = Vocabulary.glued(c);
    Vocabulary.Match l = Vocabulary.leading(c);
    boolean typedWithoutColon = l != null && !l.colon() && labelWords(c, l) >= 2
        && (l.field().kind == Field.Kind.VALUE && acceptsWithoutColon(l.field(), c.substring(l.valueFrom()))
            || namedWithoutColon(l.field(), c.substring(0, l.valueFrom()), c.substring(l.valueFrom())));
    if (g != null) {
      return labelWords(c, g) >= 2 || typedWithoutColon ? g : null;
    }
    if (l == null || line.listItem()) {
      return null;
    }
    if (l.colon() && l.field().kind == Field.Kind.VALUE
        && (labelWords(c, l) >= 2 || acceptsWithoutColon(l.field(), c.substring(l.valueFrom())))) {
      return l;
    }
    return typedWithoutColon ? l : null;
  }

  private static int labelWords(String c, Vocabulary.Match m) {
    return key(c, m).split(" ").length;
  }

  /**
   * Where a label of two or more words starts run together with the value before it (a lower-case
   * letter or digit, then the label's upper-case first letter), or the line's length when none does.
   */
  static int gluedCut(String c, int from) {
    if (c.length() - from >= 300) {
      return c.length();
    }
    for (int i = from + 1; i < c.length() - 3; i++) {
      char before = c.charAt(i - 1);
      if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(c.charAt(i))
          && gluedLabel(c.substring(i)) != null) {
        return i;
      }
    }
    return c.length();
  }

  /** A label of two or more words at the start of {@code tail}: bare, with a colon, or run into its value. */
  private static Vocabulary.Match gluedLabel(String tail) {
    Vocabulary.Match cand = Vocabulary.bare(tail);
    if (cand == null) {
      Vocabulary.Match l = Vocabulary.leading(tail);
      cand = l != null && l.colon() ? l : Vocabulary.glued(tail);
    }
    if (cand == null || cand.field().kind == Field.Kind.IGNORED || cand.field().kind == Field.Kind.SECTION
        || labelWords(tail, cand) < 2) {
      return null;
    }
    return cand;
  }

  /**
   * A record flattened onto one long line, its labels without colons between the values ("SWOG S1418
   * Trial Clinical Trial Title Pembrolizumab in … Trial Status Open to Enrollment Start Date October 15,
   * 2017 …"), as a table copied without its cells comes: cut at each label of two to six words that
   * starts with a capital, when three different fields' labels are found. Empty for any other line.
   */
  static List<Block> flattened(String page, Line line, Field section) {
    String c = line.text();
    if (c.length() < 120 || c.length() > 3000) {
      return List.of();
    }
    List<Integer> starts = new ArrayList<>();
    List<Vocabulary.Match> found = new ArrayList<>();
    java.util.Set<Field> fields = java.util.EnumSet.noneOf(Field.class);
    int i = 0;
    while (i < c.length()) {
      if ((i == 0 || c.charAt(i - 1) == ' ') && Character.isUpperCase(c.charAt(i))) {
        List<Integer> ends = new ArrayList<>();
        int e = i;
        while (ends.size() < 6 && e < c.length()) {
          int sp = c.indexOf(' ', e);
          int end = sp < 0 ? c.length() : sp;
          ends.add(end);
          e = end + 1;
        }
        Vocabulary.Match hit = null;
        int hitEnd = -1;
        for (int w = ends.size() - 1; w >= 1 && hit == null; w--) {
          Vocabulary.Match m = Vocabulary.bare(c.substring(i, ends.get(w)));
          if (m != null && (m.field().kind == Field.Kind.VALUE || m.field().kind == Field.Kind.BLOCK)) {
            hit = m;
            hitEnd = ends.get(w);
          }
        }
        if (hit != null) {
          starts.add(i);
          found.add(new Vocabulary.Match(hit.field(), hit.qualifier(), Math.min(hitEnd + 1, c.length()), false, false));
          fields.add(hit.field());
          i = hitEnd + 1;
          continue;
        }
      }
      i++;
    }
    if (fields.size() < 3) {
      return List.of();
    }
    List<Block> out = new ArrayList<>();
    for (int k = 0; k < found.size(); k++) {
      int from = found.get(k).valueFrom();
      int to = k + 1 < found.size() ? starts.get(k + 1) : c.length();
      if (to > from) {
        out.add(new Block(found.get(k).field(), found.get(k), line, Val.of(page, line.from() + from, line.from() + to),
            new ArrayList<>(), section));
      }
    }
    return out;
  }

  /** The label words of a matched label at the start of {@code text}. */
  private static String key(String text, Vocabulary.Match m) {
    return Vocabulary.key(text.substring(0, Math.min(text.length(), m.valueFrom())), null);
  }

  /** Labels that also start criteria items ("Age: 18 or older"), so they do not end a criteria list. */
  private static boolean weak(Field f) {
    return f.kind == Field.Kind.VALUE || f == Field.CONDITIONS || f == Field.INTERVENTIONS || f == Field.DESIGN
        || f == Field.ELIGIBILITY || f == Field.BASIC || f == Field.OFFICIALS;
  }

  /** An age, a sex or a yes/no alone on a line: a value of an eligibility section. */
  static boolean eligibilityValue(String c) {
    return c.length() < 40 && (Values.isAge(c) || Values.yesNo(c) != null
        || (c.matches("(?i)all|male|female|both|males|females") && Values.sex(c).isPresent()));
  }

  /**
   * A label of two or more words, written as the registry writes it (its first letter upper case),
   * followed on the same line by a name or title without a colon: {@code Public title CHILD Malaria},
   * {@code Scientific Title Exploratory Clinical Study…}, {@code Unique ID issued by UMIN UMIN000032238}
   * (UMIN, PACTR and WHO-portal pages). Prose that merely starts with such words does not count.
   */
  static boolean namedWithoutColon(Field f, String label, String rest) {
    String l = label.strip();
    String v = rest.strip();
    if (v.isEmpty() || v.length() > 600 || l.split("\\s+").length < 2 || !Character.isUpperCase(l.charAt(0))
        || !(Character.isUpperCase(v.charAt(0)) || Character.isDigit(v.charAt(0)))) {
      return false;
    }
    return switch (f) {
      case BRIEF_TITLE, OFFICIAL_TITLE, ACRONYM -> !v.matches(".{0,600}?[a-z][.!?] [A-Z].{0,600}");
      case LEAD_SPONSOR, CONDITIONS -> v.length() <= 200 && !Values.prose(v);
      case IGNORED -> v.length() <= 200;
      case ORG_STUDY_ID -> PageParser.idLike(v);
      default -> false;
    };
  }

  /** A label without a colon counts only when what follows is a value of its type ({@code Phase 2}). */
  static boolean acceptsWithoutColon(Field f, String rest) {
    String v = rest.strip();
    if (v.isEmpty() || v.length() > 120) {
      return false;
    }
    return switch (f) {
      case STATUS, LAST_KNOWN_STATUS -> Values.status(v).isPresent();
      case PHASE -> Values.isPhase("Phase " + v) && org.trialdex.core.normalize.Phases.parse(v).isPresent()
          || Values.isPhase(Unlabelled.phaseText(v)) && v.toLowerCase(java.util.Locale.ROOT).startsWith("phase");
      case ENROLLMENT -> v.matches("\\d[\\d,]{0,9}(\\s.{0,40})?") && org.trialdex.core.normalize.Enrollment.parse(v).isPresent();
      case STUDY_TYPE -> Values.studyType(v).isPresent();
      case SEX -> Values.sex(v).isPresent();
      case HEALTHY_VOLUNTEERS -> Values.yesNo(v) != null;
      case START, PRIMARY_COMPLETION, COMPLETION, FIRST_POSTED, FIRST_SUBMITTED, LAST_UPDATE_POSTED,
          LAST_UPDATE_SUBMITTED, VERIFIED, FIRST_SUBMITTED_QC -> Values.date(v).map(d -> d.start() == 0).orElse(false)
          // A day-first date ("18/07/2023") is a date too, whichever way the page writes them.
          || Values.date(v, true).map(d -> d.start() == 0).orElse(false);
      case AGES, MIN_AGE, MAX_AGE -> Values.ages(v).min() != null || Values.ages(v).max() != null
          || f == Field.AGES && v.matches("\\d{1,3}\\s{0,2}[-–]\\s{0,2}\\d{1,3}");
      case OWN_ID -> RegistryIds.find(v).map(id -> id.start() == 0).orElse(false);
      default -> false;
    };
  }
}
