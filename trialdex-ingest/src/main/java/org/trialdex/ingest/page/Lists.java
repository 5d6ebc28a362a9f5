package org.trialdex.ingest.page;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.ArmGroupType;
import org.trialdex.core.model.ContactRole;
import org.trialdex.core.model.InterventionType;
import org.trialdex.core.model.OfficialRole;
import org.trialdex.core.model.RecruitmentStatus;
import org.trialdex.core.model.ResponsiblePartyType;
import org.trialdex.core.normalize.V2Enums;
import org.trialdex.ingest.page.Segmenter.Block;

/**
 * The list sections of a page: conditions, keywords, interventions, arms, outcomes, sponsors,
 * officials, locations with their contacts, central contacts, references and other identifiers.
 * Each reads the lines of its section by their shape (a {@code Type: name} line, a
 * {@code Role: …} line, an address ending in a country, a phone, an e-mail address).
 */
final class Lists {

  private static final String CL = "contactsLocationsModule.";
  private static final String AI = "armsInterventionsModule.";
  private static final Pattern TYPE_PREFIX = Pattern.compile(
      "(Drug|Device|Biological|Biological/Vaccine|Procedure|Procedure/Surgery|Radiation|Behavioral|Genetic"
          + "|Dietary Supplement|Combination Product|Diagnostic Test|Other)\\s?:\\s?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARM_PREFIX = Pattern.compile(
      "(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other)\\s?:\\s?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SUB = Pattern.compile(
      "(?i)(group type|arm type|intervention type|type|role|sponsor role|responsibility role|identifier type"
          + "|identifier source|site status|status|phone|telephone|tel|email|e-mail|mail|name|affiliation)\\s{0,2}:?\\s{0,3}(.*)");
  private static final Pattern TIME_FRAME = Pattern.compile("(?i)[\\[(]\\s{0,3}time ?frame\\s{0,2}:\\s{0,3}([^\\])]{0,400})[\\])]");
  private static final Pattern TIME_START = Pattern.compile(
      "\\s(From|Up to|up to|Within|At|Through|Until|Baseline|Day|Days|Week|Weeks|Month|Months|Year|Years|Monthly|Weekly"
          + "|Daily|Every|During|\\d{1,4}(?:\\.\\d)?\\s?(?:-|to)?\\s?\\d{0,4}\\s?(?:hours?|days?|weeks?|months?|years?))\\b");
  private static final Pattern DEGREE = Pattern.compile(
      "(?i)(md|m\\.d\\.?|phd|ph\\.d\\.?|ph\\.d|msc|ms|mph|mbbs|do|rn|bsc|bachelor|master|doctor|prof\\.?|professor|mbchb"
          + "|frcp|frcpc|drph|pharmd|dds|dmd|ma|mba|np|pa-c|dr\\.?|mmed|md phd|md, phd|bs|ba)");

  private final PageParser p;
  private final List<String[]> interventions = new ArrayList<>(); // type, name
  private final List<String[]> sponsors = new ArrayList<>(); // name, class, role
  private final List<Val> sponsorVals = new ArrayList<>();
  private int secondaryIds;
  private int collaborators;

  Lists(PageParser p) {
    this.p = p;
  }

  private Val v(Line l) {
    return Val.of(p.page, l);
  }

  // ------------------------------------------------------------ conditions, keywords

  void conditions(List<Line> ls, Block b) {
    int i = p.d.size("conditionsModule.conditions");
    for (Line l : ls) {
      for (Val part : split(v(l), l.listItem() ? "[;]" : "[;]|,\\s(?=[A-Z])")) {
        // A registry's codes after the name ("Low Back Pain 311509 0", ANZCTR) are not part of it.
        String name = part.text()
            .replaceFirst("(?:\\s+\\d{5,}(?:\\s+\\d{1,3})?|\\s+\\d{3,}\\s+\\d{1,4})$", "")
            // A further label run into the name ("Type 2MedDRA version: 18.0…") ends it.
            .replaceFirst("(?<=[a-z0-9)])[A-Z][A-Za-z ]{2,30}:.{0,2000}$", "")
            // The block's own label repeated before the value ("Condition Systemic Sclerosis").
            .replaceFirst("^(?i:conditions?|diseases?)\\s+(?=[A-Z])", "").strip();
        if (!name.equals(part.text()) && !name.isEmpty()) {
          part = part.part(p.page, name);
        }
        if (p.d.put("conditionsModule.conditions[" + i + "]", part)) {
          i++;
        }
      }
    }
  }

  void keywords(List<Line> ls) {
    int i = p.d.size("conditionsModule.keywords");
    for (Line l : ls) {
      for (Val part : split(v(l), "[;,]")) {
        if (p.d.put("conditionsModule.keywords[" + i + "]", part)) {
          i++;
        }
      }
    }
  }

  private List<Val> split(Val v, String regex) {
    List<Val> out = new ArrayList<>();
    if (v.text().length() > 400) {
      out.add(v);
      return out;
    }
    for (String s : v.text().split(regex)) {
      if (!s.isBlank()) {
        out.add(v.part(p.page, s));
      }
    }
    return out;
  }

  /** The classic site's "Condition or disease | Intervention/treatment | Phase" row, run together. */
  void conditionsTable(List<Line> ls, Block b) {
    if (ls.isEmpty()) {
      return;
    }
    Val row = v(ls.get(0));
    String t = row.text();
    Matcher type = TYPE_PREFIX.matcher(t);
    int interventionsAt = type.find() ? type.start() : -1;
    Matcher phase = Pattern.compile("(?i)(early phase 1|phase [1-4](?:/phase [1-4])?|not applicable|n/a)\\s*$").matcher(t);
    int phaseAt = phase.find() ? phase.start() : t.length();
    if (interventionsAt >= 0) {
      String names = t.substring(interventionsAt, phaseAt);
      Matcher m = TYPE_PREFIX.matcher(names);
      List<Integer> starts = new ArrayList<>();
      while (m.find()) {
        starts.add(m.start());
      }
      for (int k = 0; k < starts.size(); k++) {
        String one = names.substring(starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : names.length()).strip();
        intervention(row.part(p.page, one), one);
      }
    }
    if (phaseAt < t.length()) {
      p.phase(row.part(p.page, t.substring(phaseAt)));
    }
    String conds = t.substring(0, interventionsAt >= 0 ? interventionsAt : phaseAt).strip();
    if (!conds.isEmpty() && !p.d.has("conditionsModule.conditions")) {
      p.d.warn("conditionsModule.conditions", "the conditions \"" + PageParser.shorten(conds)
          + "\" are run together in one table cell and cannot be told apart; left out");
    }
  }

  // ------------------------------------------------------------ interventions and arms

  /** A {@code Type: name} intervention; returns its v2 arm reference ("Biological: name"). */
  private String intervention(Val at, String text) {
    Matcher m = TYPE_PREFIX.matcher(text);
    String type = null;
    String name = text;
    if (m.lookingAt()) {
      type = V2Enums.parse(InterventionType.class, m.group(1)).map(Enum::name).orElse(null);
      name = text.substring(m.end()).strip();
    }
    int i = indexOf(name);
    if (i < 0) {
      i = interventions.size();
      interventions.add(new String[] {type, name});
      p.d.put(AI + "interventions[" + i + "].name", name, at.part(p.page, name));
      if (type != null) {
        p.d.put(AI + "interventions[" + i + "].type", type, at);
      }
    } else if (interventions.get(i)[0] == null && type != null) {
      interventions.get(i)[0] = type;
      p.d.put(AI + "interventions[" + i + "].type", type, at);
    }
    return reference(i);
  }

  private String reference(int i) {
    String type = interventions.get(i)[0];
    String name = interventions.get(i)[1];
    if (type == null) {
      return name;
    }
    String display = switch (type) {
      case "DIETARY_SUPPLEMENT" -> "Dietary Supplement";
      case "COMBINATION_PRODUCT" -> "Combination Product";
      case "DIAGNOSTIC_TEST" -> "Diagnostic Test";
      default -> type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
    };
    return display + ": " + name;
  }

  /** Sets the type of intervention {@code i} from display text such as {@code Drug} or {@code Biological/Vaccine}. */
  private boolean setType(int i, String text, Val at) {
    Optional<InterventionType> type = V2Enums.parse(InterventionType.class, text);
    if (type.isEmpty() && text.contains("/")) {
      type = V2Enums.parse(InterventionType.class, text.substring(0, text.indexOf('/')));
    }
    if (type.isEmpty() || i < 0) {
      return false;
    }
    if (interventions.get(i)[0] == null) {
      interventions.get(i)[0] = type.get().name();
      p.d.put(AI + "interventions[" + i + "].type", type.get().name(), at);
    }
    return true;
  }

  private int indexOf(String name) {
    for (int i = 0; i < interventions.size(); i++) {
      if (interventions.get(i)[1] != null && interventions.get(i)[1].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  void interventions(List<Line> ls) {
    int cur = -1;
    boolean typeNext = false;
    for (Line l : ls) {
      Val v = v(l);
      String t = v.text();
      Matcher sub = SUB.matcher(t);
      if (sub.matches() && sub.group(1).toLowerCase(Locale.ROOT).contains("type") && cur >= 0) {
        if (sub.group(2).isBlank()) {
          typeNext = true; // "Intervention type" on its own line: the type is on the next
          continue;
        }
        setType(cur, sub.group(2), v);
        continue;
      }
      if (typeNext) {
        typeNext = false;
        if (setType(cur, t, v)) {
          continue;
        }
      }
      if (cur < 0 && !TYPE_PREFIX.matcher(t).lookingAt() && (Values.prose(t) || t.length() > 120 || t.endsWith("."))) {
        // A block that opens with prose describes the intervention without naming it (ISRCTN's
        // "Intervention" field): keep it as the description, invent no name.
        interventions.add(new String[] {null, null});
        cur = interventions.size() - 1;
        p.d.put(AI + "interventions[" + cur + "].description", v);
        continue;
      }
      if (TYPE_PREFIX.matcher(t).lookingAt() || cur < 0) {
        intervention(v, t);
        cur = interventions.size() - 1;
        cur = indexOf(TYPE_PREFIX.matcher(t).lookingAt() ? t.substring(t.indexOf(':') + 1).strip() : t);
        continue;
      }
      boolean shortLine = t.length() <= 120 && !Values.prose(t) && !t.endsWith(".");
      String path = AI + "interventions[" + cur + "].description";
      if (shortLine && p.d.has(path)) {
        intervention(v, t);
        cur = indexOf(t);
      } else if (!p.d.put(path, v)) {
        p.d.warn(path, "a further description line was left out: \"" + PageParser.shorten(t) + "\"");
      }
    }
  }

  void arms(List<Line> ls) {
    int arm = p.d.size(AI + "armGroups") - 1;
    boolean inIntervention = false;
    for (Line l : ls) {
      Val v = v(l);
      String t = v.text();
      String base = AI + "armGroups[" + arm + "]";
      Matcher sub = SUB.matcher(t);
      if (sub.matches() && arm >= 0 && sub.group(1).toLowerCase(Locale.ROOT).contains("type")) {
        if (sub.group(1).toLowerCase(Locale.ROOT).startsWith("intervention")) {
          continue;
        }
        V2Enums.parse(ArmGroupType.class, sub.group(2)).ifPresent(at -> p.d.put(base + ".type", at.name(), v));
        continue;
      }
      Matcher armPrefix = ARM_PREFIX.matcher(t);
      if (armPrefix.lookingAt() && !TYPE_PREFIX.matcher(t).lookingAt() || armPrefix.lookingAt() && arm < 0) {
        arm++;
        String b = AI + "armGroups[" + arm + "]";
        String label = t.substring(armPrefix.end()).strip();
        p.d.put(b + ".label", label, v.part(p.page, label));
        V2Enums.parse(ArmGroupType.class, armPrefix.group(1)).ifPresent(at -> p.d.put(b + ".type", at.name(), v));
        inIntervention = false;
        continue;
      }
      if (arm >= 0 && TYPE_PREFIX.matcher(t).lookingAt()) {
        link(arm, intervention(v, t), v);
        inIntervention = false;
        continue;
      }
      if (arm >= 0 && indexOf(t) >= 0 && p.d.has(base + ".label")
          && (p.d.has(base + ".description") || !t.equalsIgnoreCase(p.d.text(base + ".label")))) {
        link(arm, reference(indexOf(t)), v);
        inIntervention = true;
        continue;
      }
      boolean shortLine = t.length() <= 120 && !Values.prose(t);
      if (arm < 0 || (shortLine && (inIntervention || p.d.has(base + ".description")))) {
        arm++;
        p.d.put(AI + "armGroups[" + arm + "].label", v);
        inIntervention = false;
        continue;
      }
      if (inIntervention) {
        continue; // the linked intervention's description, shown again under the arm
      }
      if (!p.d.put(base + ".description", v)) {
        p.d.warn(base + ".description", "a further description line was left out: \"" + PageParser.shorten(t) + "\"");
      }
    }
  }

  private void link(int arm, String reference, Val at) {
    String base = AI + "armGroups[" + arm + "]";
    int n = p.d.size(base + ".interventionNames");
    p.d.put(base + ".interventionNames[" + n + "]", reference, at);
    String label = p.d.text(base + ".label");
    String name = reference.contains(": ") && TYPE_PREFIX.matcher(reference).lookingAt()
        ? reference.substring(reference.indexOf(": ") + 2) : reference;
    int i = indexOf(name);
    if (i >= 0 && label != null) {
      String ip = AI + "interventions[" + i + "].armGroupLabels";
      p.d.put(ip + "[" + p.d.size(ip) + "]", label, at);
    }
  }

  // ------------------------------------------------------------ outcomes

  void outcomes(String list, Block b) {
    String path = "outcomesModule." + list;
    int n = p.d.size(path) - 1;
    boolean runTogether = false;
    boolean itemWasListed = false;
    int itemIndent = 0;
    List<Line> ls = new ArrayList<>();
    if (b.inline() != null && !b.inline().isEmpty()) {
      Line l = b.label();
      ls.add(new Line(l.index(), l.start(), l.end(), b.inline().start(), b.inline().end(), 0, Line.Marker.NONE, 0,
          p.page.substring(b.inline().start(), b.inline().end())));
    }
    boolean leading = true;
    for (Line l : b.lines()) {
      if (l.empty() || leading && Vocabulary.blurb(l.text())) {
        continue;
      }
      leading = false;
      ls.add(l);
    }
    String[] columns = null;
    int rowEnd = -1;
    for (Line l : ls) {
      if (l.start() < rowEnd) {
        continue;
      }
      int rowStart = l.start();
      while (rowStart > 0 && p.page.charAt(rowStart - 1) != '\n') {
        rowStart--;
      }
      int end = l.end();
      while (end < p.page.length() && p.page.charAt(end) != '\n') {
        end++;
      }
      if (p.page.substring(rowStart, end).indexOf('\t') >= 0) {
        // A table copied from the browser: a header row names the columns, each further row is one outcome.
        if (l.text().indexOf('\t') >= 0) {
          columns = l.text().toLowerCase(Locale.ROOT).split("\t+");
          continue;
        }
        if (columns != null) {
          n++;
          tabRow(path + "[" + n + "]", columns, rowStart, end);
          rowEnd = end;
          continue;
        }
      }
      Val v = v(l);
      String t = v.text();
      Matcher header = TABLE_HEADER.matcher(t);
      if (header.lookingAt()) {
        // The column names of a table whose cells run together; the first row may follow on the same line.
        runTogether = true;
        if (header.end() >= t.length()) {
          continue;
        }
        v = v.part(p.page, t.substring(header.end()));
        t = v.text();
      }
      if (Vocabulary.filler(t) || Vocabulary.chrome(t)) {
        continue;
      }
      String item = path + "[" + n + "]";
      Matcher tf = SUB_TIME.matcher(t);
      if (n >= 0 && tf.matches()) {
        p.d.put(item + ".timeFrame", v.part(p.page, tf.group(1)));
        continue;
      }
      if (n >= 0 && t.equals(p.d.text(item + ".timeFrame"))) {
        continue;
      }
      Matcher desc = SUB_DESC.matcher(t);
      if (n >= 0 && desc.matches()) {
        p.d.put(item + ".description", v.part(p.page, desc.group(1)));
        continue;
      }
      Matcher bracket = TIME_FRAME.matcher(t);
      boolean deeper = n >= 0 && (l.indent() > itemIndent || itemWasListed && !l.listItem());
      if (n >= 0 && !bracket.find() && deeper && !runTogether) {
        String dp = item + ".description";
        if (!p.d.put(dp, v)) {
          p.d.warn(dp, "a further description line was left out: \"" + PageParser.shorten(t) + "\"");
        }
        continue;
      }
      n++;
      item = path + "[" + n + "]";
      itemWasListed = l.listItem();
      itemIndent = l.indent();
      bracket = TIME_FRAME.matcher(t);
      if (bracket.find()) {
        String measure = t.substring(0, bracket.start()).strip();
        p.d.put(item + ".measure", v.part(p.page, measure));
        p.d.put(item + ".timeFrame", v.part(p.page, bracket.group(1)));
        String after = t.substring(bracket.end()).strip();
        if (!after.isEmpty()) {
          p.d.put(item + ".description", v.part(p.page, after));
        }
      } else if (runTogether) {
        row(item, v);
      } else {
        p.d.put(item + ".measure", v);
      }
    }
  }

  private static final Pattern TABLE_HEADER = Pattern.compile(
      "(?i)(?:name time method|measure time frame description|outcome measure measure description time frame)(?:\\s+|$)");
  private static final Pattern SUB_TIME = Pattern.compile("(?i)time ?frames?\\s{0,2}:\\s{0,3}(.+)");
  private static final Pattern SUB_DESC = Pattern.compile("(?i)(?:measure )?description\\s{0,2}:\\s{0,3}(.+)");

  /** One outcome row of a tab-separated table, each cell placed by its column's name. */
  private void tabRow(String item, String[] columns, int from, int to) {
    int at = from;
    int col = 0;
    for (int i = from; i <= to; i++) {
      if (i == to || p.page.charAt(i) == '\t') {
        Val cell = Val.of(p.page, at, i);
        String name = col < columns.length ? columns[col].strip() : "";
        if (!cell.isEmpty()) {
          String key = name.contains("time") ? ".timeFrame" : name.contains("description") ? ".description"
              : p.d.has(item + ".measure") ? ".description" : ".measure";
          if (!p.d.put(item + key, cell)) {
            p.d.warn(item, "the cell \"" + PageParser.shorten(cell.text()) + "\" has no column of its own; left out");
          }
        }
        at = i + 1;
        col++;
      }
    }
  }

  /** One row of a "Name Time Method" table whose cells ran together: measure, time frame, description. */
  private void row(String item, Val v) {
    String t = v.text();
    Matcher m = TIME_START.matcher(t.length() > 2000 ? t.substring(0, 2000) : t);
    if (!m.find()) {
      p.d.put(item + ".measure", v);
      p.d.warn(item, "the row \"" + PageParser.shorten(t) + "\" has no time frame this reader can find; read whole as the measure");
      return;
    }
    int tfStart = m.start(1);
    // The description starts at the first capitalised word after the time frame's first word.
    int firstSpace = t.indexOf(' ', tfStart);
    int descStart = -1;
    for (int i = firstSpace; i > 0 && i + 2 < t.length(); i = t.indexOf(' ', i + 1)) {
      char c = t.charAt(i + 1);
      char c2 = t.charAt(i + 2);
      String word = t.substring(i + 1).split("[ ,]", 2)[0];
      if (Character.isUpperCase(c) && (Character.isLowerCase(c2) || Character.isUpperCase(c2))
          && !word.matches("(Day|Days|Week|Weeks|Month|Months|Year|Years|Baseline|Visit|Cycle|Hour|Hours)\\b.*")) {
        descStart = i + 1;
        break;
      }
    }
    p.d.put(item + ".measure", v.part(p.page, t.substring(0, tfStart)));
    p.d.put(item + ".timeFrame", v.part(p.page, t.substring(tfStart, descStart < 0 ? t.length() : descStart)));
    if (descStart > 0) {
      p.d.put(item + ".description", v.part(p.page, t.substring(descStart)));
    }
  }

  // ------------------------------------------------------------ sponsors and people

  void sponsors(List<Line> ls, boolean collaboratorsOnly) {
    for (Line l : ls) {
      Val v = v(l);
      String t = v.text();
      Optional<AgencyClass> cls = Values.agencyClass(t);
      Matcher sub = SUB.matcher(t);
      if (cls.isPresent() && !sponsors.isEmpty()) {
        sponsors.get(sponsors.size() - 1)[1] = cls.get().name();
      } else if (sub.matches() && sub.group(1).toLowerCase(Locale.ROOT).contains("role") && !sponsors.isEmpty()) {
        sponsors.get(sponsors.size() - 1)[2] = sub.group(2).toLowerCase(Locale.ROOT).contains("lead") ? "lead" : "collaborator";
      } else {
        Values.Sponsor s = Values.sponsor(t);
        sponsors.add(new String[] {s.name(), s.agencyClass() == null ? null : s.agencyClass().name(),
            collaboratorsOnly ? "collaborator" : null});
        sponsorVals.add(v.part(p.page, s.name()));
      }
    }
  }

  private void placeSponsors() {
    if (sponsors.isEmpty()) {
      return;
    }
    boolean anyLead = sponsors.stream().anyMatch(s -> "lead".equals(s[2]));
    boolean unknown = sponsors.stream().filter(s -> s[2] == null).count() > 1 && !anyLead;
    // The classic site lists the lead sponsor first, then collaborators (its heading says so).
    boolean firstIsLead = p.layout.equals(Layouts.CLASSIC) || sponsors.stream().filter(s -> s[2] == null).count() == 1;
    if (unknown && !firstIsLead) {
      List<String> names = sponsors.stream().map(s -> s[0]).toList();
      p.d.warn("sponsorCollaboratorsModule", names.size() + " sponsors are listed without roles, so which one leads is"
          + " not known; left out: " + String.join("; ", names));
      return;
    }
    boolean leadPlaced = false;
    for (int i = 0; i < sponsors.size(); i++) {
      String[] s = sponsors.get(i);
      Val v = sponsorVals.get(i);
      boolean lead = "lead".equals(s[2]) || (!anyLead && s[2] == null && !leadPlaced);
      if (lead && !p.d.has("sponsorCollaboratorsModule.leadSponsor.name")) {
        p.d.put("sponsorCollaboratorsModule.leadSponsor.name", v);
        if (s[1] != null) {
          p.d.put("sponsorCollaboratorsModule.leadSponsor.class", s[1], v);
        }
        leadPlaced = true;
      } else if (!lead || leadPlaced) {
        String b = "sponsorCollaboratorsModule.collaborators[" + collaborators++ + "]";
        p.d.put(b + ".name", v);
        if (s[1] != null) {
          p.d.put(b + ".class", s[1], v);
        }
      }
    }
  }

  void responsibleParty(List<Line> ls) {
    String rp = "sponsorCollaboratorsModule.responsibleParty.";
    List<Val> parts = new ArrayList<>();
    for (Line l : ls) {
      Val v = v(l);
      Matcher sub = SUB.matcher(v.text());
      if (sub.matches() && sub.group(1).toLowerCase(Locale.ROOT).contains("role")) {
        V2Enums.parse(ResponsiblePartyType.class, sub.group(2)).ifPresent(t -> p.d.put(rp + "type", t.name(), v));
        continue;
      }
      if (v.text().equalsIgnoreCase("sponsor")) {
        p.d.put(rp + "type", "SPONSOR", v);
        continue;
      }
      if (ls.size() == 1 || parts.isEmpty() && v.text().contains(", ")) {
        for (String s : v.text().split(",\\s+", 3)) {
          parts.add(v.part(p.page, s));
        }
      } else {
        parts.add(v);
      }
    }
    if (parts.isEmpty()) {
      return;
    }
    // A later, fuller statement of the responsible party (name, title, affiliation) wins.
    int known = (p.d.has(rp + "investigatorFullName") ? 1 : 0) + (p.d.has(rp + "investigatorTitle") ? 1 : 0)
        + (p.d.has(rp + "investigatorAffiliation") ? 1 : 0);
    if (parts.size() <= known) {
      return;
    }
    var node = p.d.root.with("protocolSection").with("sponsorCollaboratorsModule").with("responsibleParty");
    node.remove(List.of("investigatorFullName", "investigatorTitle", "investigatorAffiliation"));
    p.d.spans.removeIf(s -> s.path().startsWith(Draft.PS + rp + "investigator"));
    p.d.put(rp + "investigatorFullName", parts.get(0));
    boolean jobTitle = parts.size() == 2 && parts.get(1).text().matches(
        "(?i).*\\b(director|professor|president|chief|head|investigator|chair|dean|manager|physician|doctor|md|lecturer|officer)\\b.*");
    if (parts.size() == 2 && jobTitle) {
      p.d.put(rp + "investigatorTitle", parts.get(1));
    } else if (parts.size() == 2) {
      p.d.put(rp + "investigatorAffiliation", parts.get(1));
    } else if (parts.size() >= 3) {
      p.d.put(rp + "investigatorTitle", parts.get(1));
      p.d.put(rp + "investigatorAffiliation", parts.get(2));
    }
  }

  void officials(List<Line> ls, String heading) {
    String base = CL + "overallOfficials";
    int n = p.d.size(base) - 1;
    boolean roleSeen = false;
    Optional<OfficialRole> headingRole = V2Enums.parse(OfficialRole.class, heading.replaceAll("(?i)s$", ""));
    for (Line l : ls) {
      Val v = v(l);
      String t = v.text();
      Matcher sub = SUB.matcher(t);
      if (sub.matches() && sub.group(1).equalsIgnoreCase("role") && n >= 0) {
        int k = n;
        V2Enums.parse(OfficialRole.class, sub.group(2)).ifPresent(r -> p.d.put(base + "[" + k + "].role", r.name(), v));
        roleSeen = true;
        continue;
      }
      int colon = t.indexOf(':');
      Optional<OfficialRole> role = colon > 0 && colon < 40 ? V2Enums.parse(OfficialRole.class, t.substring(0, colon)) : Optional.empty();
      if (role.isPresent()) {
        n++;
        String who = t.substring(colon + 1).strip();
        nameAndAffiliation(base + "[" + n + "]", v, who);
        p.d.put(base + "[" + n + "].role", role.get().name(), v.part(p.page, t.substring(0, colon)));
        roleSeen = false;
        continue;
      }
      if (n >= 0 && roleSeen && !p.d.has(base + "[" + n + "].affiliation")) {
        p.d.put(base + "[" + n + "].affiliation", v);
        continue;
      }
      n++;
      roleSeen = false;
      if (headingRole.isPresent() && ls.size() == 1) {
        nameAndAffiliation(base + "[" + n + "]", v, t);
        p.d.put(base + "[" + n + "].role", headingRole.get().name(), null);
      } else {
        p.d.put(base + "[" + n + "].name", v);
      }
    }
  }

  /** "Lingyun Sun, MD, The Affiliated Drum Tower Hospital": the name with its degrees, then the affiliation. */
  private void nameAndAffiliation(String item, Val v, String who) {
    String[] parts = who.split(",\\s*");
    int k = 1;
    while (k < parts.length && DEGREE.matcher(parts[k].strip()).matches()) {
      k++;
    }
    String name = String.join(", ", java.util.Arrays.copyOfRange(parts, 0, k));
    p.d.put(item + ".name", v.part(p.page, name));
    if (k < parts.length) {
      String aff = String.join(", ", java.util.Arrays.copyOfRange(parts, k, parts.length));
      p.d.put(item + ".affiliation", v.part(p.page, aff));
    }
  }

  // ------------------------------------------------------------ contacts

  /** Contacts: a name line, then role, phone and e-mail lines; or all of it on one line. */
  void contacts(List<Line> ls, String base) {
    int n = p.d.size(base) - 1;
    boolean details = true;
    for (Line l : ls) {
      Val v = v(l);
      String t = v.text();
      Matcher sub = SUB.matcher(t);
      String key = sub.matches() ? sub.group(1).toLowerCase(Locale.ROOT) : "";
      if (n >= 0 && key.equals("role")) {
        int k = n;
        V2Enums.parse(ContactRole.class, sub.group(2)).ifPresent(r -> p.d.put(base + "[" + k + "].role", r.name(), v));
        details = true;
        continue;
      }
      if (n < 0 || details && !isContactDetail(t) && !key.matches("phone|telephone|tel|email|e-mail|mail")) {
        n++;
        details = false;
        contactLine(base + "[" + n + "]", v);
        continue;
      }
      contactLine(base + "[" + n + "]", v);
      details = true;
    }
  }

  private static boolean isContactDetail(String t) {
    return Values.EMAIL.matcher(t).find() || t.matches("(?i)(phone|tel|telephone|e-?mail)\\b.*")
        || Values.PHONE.matcher(t).matches() || t.matches("(?i)contact");
  }

  /** The name, phone and e-mail in one line of a contact. */
  private void contactLine(String item, Val v) {
    String t = v.text();
    String rest = t;
    Matcher email = Values.EMAIL.matcher(rest);
    if (email.find()) {
      p.d.put(item + ".email", v.part(p.page, email.group()));
      rest = rest.substring(0, email.start()) + " " + rest.substring(email.end());
    }
    Matcher phone = Values.PHONE.matcher(rest);
    if (phone.find()) {
      String num = phone.group().strip();
      p.d.put(item + ".phone", v.part(p.page, num));
      rest = rest.substring(0, phone.start()) + " " + rest.substring(phone.end());
    }
    rest = rest.replaceAll("(?i)\\b(phone|telephone|tel|e-?mail|ext)\\b\\.?\\s*:?", " ").replaceAll("\\s+", " ").strip();
    rest = rest.replaceAll("^[,;:\\s]+|[,;:\\s]+$", "");
    if (rest.equalsIgnoreCase("contact")) {
      p.d.put(item + ".role", "CONTACT", v);
    } else if (!rest.isEmpty() && !p.d.has(item + ".name")) {
      p.d.put(item + ".name", v.part(p.page, rest));
    }
  }

  void facilityContacts(List<Line> ls) {
    int locs = p.d.size(CL + "locations");
    if (ls.isEmpty()) {
      return;
    }
    if (locs != 1) {
      p.d.warn(CL + "locations", "facility contacts are shown apart from " + locs + " locations, so which site each"
          + " belongs to is not known; left out");
      return;
    }
    contacts(ls, CL + "locations[0].contacts");
  }

  // ------------------------------------------------------------ locations

  private record Address(String city, String state, String zip, String country) {
    String countryText() {
      return country;
    }
  }

  void locations(List<Line> ls) {
    String base = CL + "locations";
    int n = p.d.size(base) - 1;
    boolean addressFirst = false;
    boolean decided = false;
    List<Val> pending = new ArrayList<>(); // facility candidates waiting for their address
    for (int idx = 0; idx < ls.size(); idx++) {
      Line l = ls.get(idx);
      Val v = v(l);
      String raw = p.page.substring(l.from(), l.to());
      String t = v.text();
      Matcher sub = SUB.matcher(t);
      if (sub.matches() && sub.group(1).toLowerCase(Locale.ROOT).contains("status")) {
        if (n >= 0 && !sub.group(2).isBlank()) {
          int k = n;
          V2Enums.parse(RecruitmentStatus.class, sub.group(2)).ifPresent(s -> p.d.put(base + "[" + k + "].status", s.name(), v));
        }
        continue;
      }
      Optional<RecruitmentStatus> status = t.length() < 40 ? V2Enums.parse(RecruitmentStatus.class, t) : Optional.empty();
      if (status.isPresent() && n >= 0) {
        p.d.put(base + "[" + n + "].status", status.get().name(), v);
        continue;
      }
      int flag = flagIndex(raw);
      if (flag > 0 && n >= 0 && p.d.text(base + "[" + n + "].facility") != null
          && raw.startsWith(p.d.text(base + "[" + n + "].facility"))) {
        // "Facility🇨🇳City, State, CountryName, DegreeContact+86 …": the site again, with its contacts.
        String after = Val.clean(raw.substring(flag));
        String city = p.d.text(base + "[" + n + "].city");
        int cut = countryEnd(after);
        if (cut > 0) {
          contactsRun(base + "[" + n + "].contacts", v, after.substring(cut));
        }
        continue;
      }
      if (flag == 0) {
        t = Val.clean(raw.substring(flag));
      }
      Address a = address(t);
      if (a != null) {
        if (!decided) {
          addressFirst = pending.isEmpty();
          decided = true;
        }
        n++;
        String item = base + "[" + n + "]";
        if (!addressFirst && !pending.isEmpty()) {
          p.d.put(item + ".facility", pending.get(pending.size() - 1));
        }
        pending.clear();
        if (a.city != null) {
          p.d.put(item + ".city", v.part(p.page, a.city));
        }
        if (a.state != null) {
          p.d.put(item + ".state", v.part(p.page, a.state));
        }
        if (a.zip != null) {
          p.d.put(item + ".zip", v.part(p.page, a.zip));
        }
        p.d.put(item + ".country", a.country, v.part(p.page, a.countryText()));
        continue;
      }
      if (isGroupHeader(t)) {
        continue;
      }
      if (addressFirst && n >= 0 && !p.d.has(base + "[" + n + "].facility")) {
        p.d.put(base + "[" + n + "].facility", v);
        continue;
      }
      if (!decided && idx + 1 < ls.size() || !addressFirst) {
        if (isContactDetail(t) && n >= 0 && pending.isEmpty()) {
          contactLine(base + "[" + n + "].contacts[" + p.d.size(base + "[" + n + "].contacts") + "]", v);
        } else {
          pending.add(v);
        }
        continue;
      }
      p.d.warn(base, "the line \"" + PageParser.shorten(t) + "\" is neither a site, an address nor a status; left out");
    }
    if (!pending.isEmpty() && n < 0) {
      // Sites named without addresses.
      for (Val f : pending) {
        n++;
        p.d.put(base + "[" + n + "].facility", f);
      }
    }
  }

  private static int flagIndex(String raw) {
    for (int i = 0; i + 3 < raw.length() && i < 400; i++) {
      if (Countries.flagAt(raw, i) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The end of "City, State, Country" at the start of {@code s}, when the country is followed by more text. */
  private static int countryEnd(String s) {
    int comma = s.lastIndexOf(", ", Math.min(s.length() - 1, 200));
    for (int c = s.indexOf(", "); c >= 0 && c < 200; c = s.indexOf(", ", c + 1)) {
      for (int end = s.length() > c + 60 ? c + 60 : s.length(); end > c + 2; end--) {
        if (Countries.isCountry(s.substring(c + 2, end))) {
          return end;
        }
      }
    }
    return comma < 0 ? -1 : -1;
  }

  private void contactsRun(String base, Val v, String run) {
    Matcher m = Pattern.compile("(Contact|Principal Investigator|Sub-Investigator|Study Chair|Study Director)").matcher(run);
    int from = 0;
    int n = p.d.size(base);
    List<int[]> roles = new ArrayList<>();
    while (m.find()) {
      roles.add(new int[] {m.start(), m.end()});
    }
    for (int k = 0; k < roles.size(); k++) {
      String name = run.substring(from, roles.get(k)[0]).strip();
      int next = k + 1 < roles.size() ? roles.get(k + 1)[0] : run.length();
      String details = run.substring(roles.get(k)[1], next);
      // The next contact's name follows this one's e-mail address directly.
      Matcher email = Values.EMAIL.matcher(details);
      int end = details.length();
      String item = base + "[" + n++ + "]";
      p.d.put(item + ".name", v.part(p.page, name));
      String role = run.substring(roles.get(k)[0], roles.get(k)[1]);
      V2Enums.parse(ContactRole.class, role).ifPresent(r -> p.d.put(item + ".role", r.name(), v.part(p.page, role)));
      Matcher phone = Values.PHONE.matcher(details);
      if (phone.find() && phone.start() < 3) {
        p.d.put(item + ".phone", v.part(p.page, phone.group().strip()));
        email.region(phone.end(), details.length());
      }
      if (email.find()) {
        p.d.put(item + ".email", v.part(p.page, email.group()));
        end = email.end();
      }
      from = roles.get(k)[1] + end;
    }
  }

  private static boolean isGroupHeader(String t) {
    String[] parts = t.split(",\\s*");
    if (parts.length <= 2 && Countries.isCountry(parts[0]) && (parts.length == 1 || !Countries.isCountry(parts[1]))) {
      return true; // "China, Beijing": the classic site's country and state heading
    }
    return parts.length == 1 && t.split("\\s+").length <= 3 && !t.matches(".*\\d.*")
        && !t.toLowerCase(Locale.ROOT).matches(".*(hospital|clinic|universit|center|centre|institut|college|school|medical|health).*");
  }

  /** "City, State, Country, Zip" and shorter forms, or null when the line does not end in a country. */
  private static Address address(String t) {
    if (t.length() > 200) {
      return null;
    }
    String[] parts = t.split(",\\s*");
    int n = parts.length;
    String zip = null;
    int last = n - 1;
    if (last >= 1 && parts[last].matches("[A-Z0-9][A-Z0-9 -]{1,9}") && parts[last].matches(".*\\d.*")) {
      zip = parts[last].strip();
      last--;
    }
    if (last < 1 || !Countries.isCountry(parts[last])) {
      return null;
    }
    String country = parts[last].strip();
    String city = parts[0].strip();
    String state = last >= 2 ? parts[1].strip() : null;
    if (last > 3) {
      return null;
    }
    return new Address(city, state, zip, country);
  }

  // ------------------------------------------------------------ references and ids

  void references(List<Line> ls) {
    int n = p.d.size("referencesModule.references");
    Pattern pmid = Pattern.compile("(?i)\\b(?:PMID|PubMed(?: ID)?)\\s{0,2}:?\\s{0,2}(\\d{5,9})");
    for (Line l : ls) {
      Val v = v(l);
      Matcher m = pmid.matcher(v.text());
      String item = "referencesModule.references[" + n + "]";
      if (v.text().matches("(?i)(pmid|pubmed)\\s*:?\\s*\\d{5,9}") && n > 0) {
        p.d.put("referencesModule.references[" + (n - 1) + "].pmid", v.part(p.page, m.find() ? m.group(1) : v.text()));
        continue;
      }
      if (v.text().length() < 20) {
        continue;
      }
      p.d.put(item + ".citation", v);
      if (m.find()) {
        p.d.put(item + ".pmid", v.part(p.page, m.group(1)));
      }
      n++;
    }
  }

  void otherIds(List<Line> ls) {
    Val current = null;
    String source = null;
    for (Line l : ls) {
      Val v = v(l);
      Matcher sub = SUB.matcher(v.text());
      String key = sub.matches() ? sub.group(1).toLowerCase(Locale.ROOT) : "";
      if (key.equals("identifier source")) {
        source = sub.group(2).strip();
        continue;
      }
      if (key.equals("identifier type")) {
        continue;
      }
      placeId(current, source);
      current = v;
      source = null;
    }
    placeId(current, source);
  }

  private void placeId(Val id, String source) {
    if (id == null) {
      return;
    }
    if ((source == null || source.toLowerCase(Locale.ROOT).contains("org")) && !p.d.has("identificationModule.orgStudyIdInfo.id")) {
      p.d.put("identificationModule.orgStudyIdInfo.id", id);
    } else {
      secondaryId(id, null);
    }
  }

  /** A secondary id; a registry id gets type REGISTRY (EUDRACT_NUMBER for EudraCT) and its registry as domain. */
  void secondaryId(Val id, RegistryIds.Id registry) {
    RegistryIds.Id r = registry != null ? registry : RegistryIds.find(id.text()).filter(x -> x.start() == 0).orElse(null);
    if (id.text().equals(p.d.text("identificationModule.orgStudyIdInfo.id")) && r == null) {
      return;
    }
    for (int i = 0; i < secondaryIds; i++) {
      if (id.text().equals(p.d.text("identificationModule.secondaryIdInfos[" + i + "].id"))) {
        return;
      }
    }
    if (r != null && r.domain().equals("EU CTR")) {
      // An EU CTR id (EUCTR2013-003552-21-PL) holds the trial's EudraCT number: that is its id everywhere else.
      java.util.regex.Matcher eudract = java.util.regex.Pattern.compile("\\d{4}-\\d{6}-\\d{2}").matcher(id.text());
      if (eudract.find()) {
        secondaryId(new Val(eudract.group(), id.start() + eudract.start(), id.start() + eudract.end()),
            new RegistryIds.Id(eudract.group(), "EudraCT", -1, -1));
      }
    }
    String item = "identificationModule.secondaryIdInfos[" + secondaryIds++ + "]";
    p.d.put(item + ".id", id.text(), id.end() > id.start() ? id : null);
    if (r != null && !r.nct()) {
      p.d.put(item + ".type", r.domain().equals("EudraCT") ? "EUDRACT_NUMBER" : "REGISTRY", null);
      p.d.put(item + ".domain", r.domain(), null);
    }
  }

  void finish() {
    placeSponsors();
  }
}
