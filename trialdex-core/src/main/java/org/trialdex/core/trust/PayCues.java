package org.trialdex.core.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a record's text says that participants pay for the study treatment or for taking part.
 * A cue is one of the phrasings below, read in the sentence (or criteria line) that holds it; the
 * sentence is skipped when it says the opposite or speaks of something else:
 *
 * <ul>
 *   <li><b>cues</b>: "patient-funded", "self-funded", "self-pay", "private-pay", "privately financed" ...; "pay to
 *       participate"; participants/patients/subjects/you "will|must|are required to ... pay|be
 *       charged|bear|cover"; a cost, fee or expense "borne|paid|covered|payable by" the patient,
 *       participant, you or the family; "paid for by you|the patient"; "financial means|funds|ability
 *       ... to pay|cover"; a treatment/procedure/participation fee, or such a fee or cost with a
 *       dollar amount; "out-of-pocket";
 *   <li><b>the opposite</b>: a negation before the cue in its sentence ("no", "not", "never",
 *       "without", "n't", "nor") or just after it ("nothing", "not", "no");
 *   <li><b>something else</b>: the sentence says free of charge, at no cost/charge/expense, no
 *       fee/cost/charge, "free of/to", "for free", speaks of reimbursement, compensation or a stipend (money paid to
 *       participants), or of standard, routine or usual care (billed as care outside the study); a "pay" that is not money
 *       ("ability to pay attention").
 * </ul>
 *
 * <p>Background text about costs ("high cost of transplantation", "reduce the cost of treatment")
 * has no payer and is no cue. The rules err towards no signal.
 */
final class PayCues {

  private static final String WHO = "(?:patients?|participants?|subjects?|you|volunteers?|families|family|parents?"
      + "|the\\s+patient|the\\s+participant|the\\s+subject)";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  /**
   * A phrasing of a cue, and words one of which every match holds (case-folded, see {@link #fold}):
   * a text without any of them is not matched against the pattern, which is most of the time spent.
   */
  private record Phrasing(Pattern pattern, List<String> words) {

    Phrasing(String regex, String... words) {
      this(Pattern.compile(regex, FLAGS), List.of(words));
    }

    boolean mayMatch(String folded) {
      for (String w : words) {
        if (folded.contains(w)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<Phrasing> CUES = List.of(
      new Phrasing("\\b(?:patients?|self|privately|personally)[- ]?(?:funded|financed)\\b"
          + "|\\bself[- ]?(?:pay|paying|paid|payment)\\b|\\b(?:patient|private)[- ]pay(?:ing)?\\b",
          "funded", "financed", "pay", "paid"),
      new Phrasing("\\bpay(?:ing|s)?\\s+to\\s+(?:participate|take\\s+part|enrol+|join)\\b", "pay"),
      new Phrasing("\\b" + WHO + "\\s+(?:will|must|shall|would|should|are\\s+(?:required|expected|asked)\\s+to"
          + "|is\\s+(?:required|expected|asked)\\s+to|need\\s+to|needs\\s+to|have\\s+to|has\\s+to|agree\\s+to)"
          + "\\s+(?:be\\s+)?(?:pay|charged|billed|bear|cover|fund)\\b",
          "pay", "charged", "billed", "bear", "cover", "fund"),
      new Phrasing("\\b(?:costs?|expenses?|fees?|charges?|price)\\b[^.;\\n]{0,80}?\\b(?:borne|paid|covered|payable"
          + "|funded)\\s+by\\s+" + WHO + "\\b", "borne", "paid", "covered", "payable", "funded"),
      new Phrasing("\\bpaid\\s+for\\s+by\\s+" + WHO + "\\b", "paid"),
      new Phrasing("\\b(?:financial\\s+means|funds|ability|able|willing(?:ness)?|afford)\\s+to\\s+(?:pay|cover)\\b",
          "pay", "cover"),
      new Phrasing("\\b(?:treatment|procedure|participation|study|therapy|program(?:me)?|enrol(?:l)?ment"
          + "|registration|cell|injection|infusion)\\s+(?:fees?|charges?)\\b", "fee", "charge"),
      new Phrasing("\\b(?:treatment|procedure|participation|therapy|program(?:me)?)\\s+(?:costs?|price)\\b"
          + "[^.;\\n]{0,30}?(?:US\\s?|USD\\s?)?\\$\\s?\\d", "$"),
      new Phrasing("\\b(?:fee|charge|price)\\s+(?:of|is|will\\s+be|:)\\s+(?:US\\s?|USD\\s?)?\\$\\s?\\d", "$"),
      new Phrasing("\\bout[- ]of[- ]pocket\\b", "pocket"));
  private static final Pattern NEGATION_BEFORE =
      Pattern.compile("\\b(?:no|not|never|without|none|nor)\\b|n't\\b", FLAGS);
  private static final Pattern NEGATION_AFTER = Pattern.compile("^\\W*(?:\\w+\\W+){0,3}?(?:nothing|not|no)\\b", FLAGS);
  /** "pay attention", "pay heed": paying that is not money. */
  private static final Pattern NOT_MONEY = Pattern.compile("^\\s*(?:close\\s+|special\\s+|more\\s+)?(?:attention|heed|tribute|"
      + "respect|a\\s+visit)\\b", FLAGS);
  private static final Pattern OTHER_MATTER = Pattern.compile("free\\s+of\\s+(?:any\\s+)?charge|at\\s+no\\s+(?:\\w+\\s+)?"
      + "(?:cost|charge|expense)|\\bno\\s+(?:\\w+\\s+)?(?:fees?|costs?|charges?)\\b|reimburs|compensat|stipend"
      + "|standard\\s+(?:of\\s+)?(?:medical\\s+)?care|routine\\s+(?:medical\\s+|clinical\\s+)?(?:care|procedures?|"
      + "treatment|tests?|visits?)|usual\\s+care|\\bfree\\s+(?:of|to)\\b|\\bfor\\s+free\\b", FLAGS);

  /** A cue: where in the text, and the sentence it sits in. */
  record Cue(int start, int end) {}

  private PayCues() {}

  /** The cues in {@code text}, in order, at most one per sentence; none for null or blank text. */
  static List<Cue> find(String text) {
    List<Cue> cues = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return cues;
    }
    int lastSentenceEnd = -1;
    List<int[]> hits = new ArrayList<>();
    String folded = fold(text);
    for (Phrasing p : CUES) {
      if (!p.mayMatch(folded)) {
        continue;
      }
      Matcher m = p.pattern().matcher(text);
      while (m.find()) {
        hits.add(new int[] {m.start(), m.end()});
      }
    }
    hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    for (int[] h : hits) {
      int sStart = sentenceStart(text, h[0]);
      int sEnd = sentenceEnd(text, h[1]);
      if (sStart < lastSentenceEnd) {
        continue;
      }
      if (accepted(text, h[0], h[1], sStart, sEnd)) {
        cues.add(new Cue(h[0], h[1]));
        lastSentenceEnd = sEnd;
      }
    }
    return cues;
  }

  /**
   * The text as case-insensitive Unicode matching compares it, character by character: lower case
   * of upper case, so that "ſ" reads "s" and "ı" reads "i", as they match those letters in the patterns.
   */
  static String fold(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
    }
    return new String(c);
  }

  /** The first cue of {@code text}. */
  static Optional<Cue> first(String text) {
    List<Cue> cues = find(text);
    return cues.isEmpty() ? Optional.empty() : Optional.of(cues.get(0));
  }

  private static boolean accepted(String text, int start, int end, int sStart, int sEnd) {
    String before = text.substring(sStart, start);
    String sentence = text.substring(sStart, sEnd);
    String after = text.substring(end, Math.min(sEnd, end + 40));
    return !NEGATION_BEFORE.matcher(before).find() && !NEGATION_AFTER.matcher(after).find()
        && !NOT_MONEY.matcher(after).find()
        && !OTHER_MATTER.matcher(sentence).find();
  }

  /** After the last '.', '!', '?', ';' followed by a space, or line break, before {@code i}. */
  private static int sentenceStart(String text, int i) {
    for (int j = i - 1; j >= 0; j--) {
      char c = text.charAt(j);
      if (c == '\n' || c == '\r' || ((c == '.' || c == '!' || c == '?' || c == ';')
          && j + 1 < text.length() && Character.isWhitespace(text.charAt(j + 1)))) {
        return j + 1;
      }
    }
    return 0;
  }

  /** Up to and including the next sentence end at or after {@code i}. */
  private static int sentenceEnd(String text, int i) {
    for (int j = i; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\n' || c == '\r') {
        return j;
      }
      if ((c == '.' || c == '!' || c == '?' || c == ';') && (j + 1 == text.length()
          || Character.isWhitespace(text.charAt(j + 1)))) {
        return j + 1;
      }
    }
    return text.length();
  }
}
