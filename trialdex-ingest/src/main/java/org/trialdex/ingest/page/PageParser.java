package org.trialdex.ingest.page;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.model.DesignAllocation;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.EnrollmentInfo;
import org.trialdex.core.model.InterventionalAssignment;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.PrimaryPurpose;
import org.trialdex.core.model.StandardAge;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.Enrollment;
import org.trialdex.core.normalize.Phases;
import org.trialdex.core.normalize.V2Enums;
import org.trialdex.ingest.page.Segmenter.Block;

/**
 * Reads one page's text into a {@link Draft}: the header, then each labelled block by its field,
 * then what the page says about itself (ids, URL, layout).
 */
final class PageParser {

  final String page;
  final List<Line> lines;
  final Draft d = new Draft();
  final Lists lists;
  String layout = "generic";
  String url;
  final List<RegistryIds.Id> ownIds = new ArrayList<>();
  /** Own ids found in the text without a label (a footer, a sentence), not shown as the page's id. */
  final List<RegistryIds.Id> foundInText = new ArrayList<>();
  private final Map<Field, List<Line>> criteria = new LinkedHashMap<>();
  private final List<List<Line>> unlabeledCriteria = new ArrayList<>();
  private final List<Val> basicDates = new ArrayList<>();
  final java.util.TreeMap<Phase, Val> phases = new java.util.TreeMap<>();
  private boolean headerSummaryAllowed = true;
  private final boolean dayFirst;

  /** The URL the page gives itself (a saved page's canonical link), or null. */
  private final String ownUrl;
  /** The URL the page was saved from, as the import was told ({@code --url}), or null. */
  private final String givenUrl;
  private final Titles titles;
  private final Unlabelled unlabelled = new Unlabelled(this);
  private Segmenter.Segments seg;

  PageParser(String page) {
    this(page, null, null, List.of());
  }

  PageParser(String page, String ownUrl, String givenUrl, List<String> headings) {
    this.page = page;
    this.ownUrl = ownUrl;
    this.givenUrl = givenUrl;
    this.dayFirst = Values.dayFirst(page);
    this.lines = PageText.lines(page);
    this.titles = new Titles(page, lines, headings);
    this.lists = new Lists(this);
  }

  Draft parse() {
    seg = Segmenter.segment(page, lines);

    layout = Layouts.name(page, lines, seg);
    for (Block b : seg.blocks()) {
      if (b.field() == Field.BRIEF_SUMMARY || b.field() == Field.BRIEF_TITLE) {
        headerSummaryAllowed = false;
      }
    }
    // Interventions first: arms refer to them by name.
    for (Block b : seg.blocks()) {
      if (b.field() == Field.INTERVENTIONS) {
        block(b);
      }
    }
    for (Block b : seg.blocks()) {
      if (b.field() != Field.INTERVENTIONS) {
        block(b);
      }
    }
    header(seg.header());
    if (phases.isEmpty()) {
      unlabelled.phaseInProse();
    }
    unlabelled.sponsorInProse();
    writePhases();
    criteria();
    basicDates();
    lists.finish();
    ids();
    return d;
  }

  // ---------------------------------------------------------------- header

  private void header(List<Line> header) {
    List<Line> candidates = new ArrayList<>();
    List<Line> prose = new ArrayList<>();
    List<Line> all = new ArrayList<>(header);
    int inHeader = header.size();
    all.addAll(loose);
    for (int i = 0; i < all.size(); i++) {
      Line l = all.get(i);
      String c = l.text();
      if (unlabelled.typedLine(l)) {
        continue;
      }
      if (i >= inHeader) {
        // Below the first label only titles are looked for.
        if (Titles.titleLike(c) && !l.listItem() && !c.endsWith(".") && !Titles.gluedLabelLine(c) && !Values.definition(c) && !Vocabulary.chrome(c) && !Vocabulary.blurb(c) && !Vocabulary.filler(c) && !Vocabulary.navigation(c)
            && !Titles.labelLine(c)) {
          candidates.add(l);
        }
        continue;
      }
      if (Vocabulary.chrome(c) || Vocabulary.blurb(c) || Vocabulary.filler(c) || Vocabulary.navigation(c)) {
        continue;
      }
      Optional<RegistryIds.Id> own = RegistryIds.find(c);
      if (own.isPresent() && own.get().start() == 0 && own.get().end() == c.length()) {
        // A registry id alone on a line above every label is the page's own id (ISRCTN, ChiCTR pages open with it).
        ownIds.add(new RegistryIds.Id(own.get().id(), own.get().domain(), l.from(), l.from() + c.length()));
        continue;
      }
      if (prose.isEmpty() && Titles.titleLike(c) && !Values.definition(c) && !Values.noName(c)) {
        candidates.add(l);
        continue;
      }
      if (!candidates.isEmpty() && Values.prose(c) && !c.contains("disclaimer") && !c.contains("responsibility of the")) {
        prose.add(l);
      }
    }
    title(candidates);
    if (!prose.isEmpty() && headerSummaryAllowed) {
      d.put("descriptionModule.briefSummary", text(prose, false));
    }
  }

  /**
   * Chooses the trial's title among the lines above the first label, by evidence: a line that
   * repeats a labelled title, or the document's title or h1 heading, or another line of the page,
   * and that reads as a trial's title (long enough, with the words titles use) wins. A labelled
   * title always stands: lines above it that differ from it are the site's, not the trial's. A
   * title chosen on weak evidence is marked as such, and none is chosen on none.
   */
  private void title(List<Line> candidates) {
    String brief = d.text("identificationModule.briefTitle");
    String official = d.text("identificationModule.officialTitle");
    if (brief != null) {
      // The labelled title is the page's; a line above that repeats it only confirms it, and one that
      // differs is the site's (its name, a banner).
      return;
    }
    // The first line that reads as a title (lines above the first label before those below it).
    Line best = null;
    int bestScore = Integer.MIN_VALUE;
    for (Line l : candidates) {
      int score = titles.score(l.text());
      if (score >= 2) {
        best = l;
        bestScore = score;
        break;
      }
      if (score > bestScore) {
        best = l;
        bestScore = score;
      }
    }
    if (best == null || bestScore < 1) {
      return;
    }
    unlabelled.diseaseHeading(best);
    titleLine = best;
    Val v = titles.withoutSiteName(Val.of(page, best));
    Optional<RegistryIds.Id> lead = RegistryIds.find(v.text()).filter(i -> i.start() == 0);
    if (lead.isPresent() && v.text().length() > lead.get().end() + 10) {
      v = v.part(page, v.text().substring(lead.get().end()).strip());
    }
    String shown = v.text().replaceFirst("\\s{0,2}(?:\\.\\.\\.|…)$", "");
    if (!shown.equals(v.text()) && official != null && Values.normText(official).startsWith(Values.normText(shown))) {
      // A title cut short by the site ("… chronic di...") of the labelled title: the labelled one is the title.
      return;
    }
    if (d.put("identificationModule.briefTitle", v)) {
      if (bestScore < 3) {
        d.low("identificationModule.briefTitle");
      }
    }
    // A second title line right after the first, reading as a title too, is the official title.
    int at = candidates.indexOf(best);
    for (int i = at + 1; i < candidates.size() && official == null && candidates.get(i).index() <= best.index() + 5; i++) {
      Line next = candidates.get(i);
      if (titles.score(next.text()) >= 3 && !Values.sameText(next.text(), best.text())) {
        if (d.put("identificationModule.officialTitle", titles.withoutSiteName(Val.of(page, next)))) {
          d.low("identificationModule.officialTitle");
        }
        break;
      }
    }
  }










  /** The line the title was chosen from, or null. */
  Line titleLine;
  /** Lines near the top that no label took: title candidates and values shown without labels. */
  final List<Line> loose = new ArrayList<>();






  private static final List<String> TRIAL_VALUES = List.of("statusModule.overallStatus", "designModule.phases",
      "designModule.enrollmentInfo.count", "designModule.studyType", "statusModule.startDateStruct",
      "statusModule.primaryCompletionDateStruct", "statusModule.completionDateStruct", "eligibilityModule.minimumAge",
      "eligibilityModule.maximumAge", "eligibilityModule.sex", "eligibilityModule.healthyVolunteers",
      "conditionsModule.conditions", "sponsorCollaboratorsModule.leadSponsor.name", "armsInterventionsModule.interventions");

  /**
   * How sure this reading is: {@code high} with a registry id, a title on good evidence and four
   * trial values read by their labels; {@code low} with at most a title and one value, or a title
   * chosen on weak evidence and no registry id; else {@code medium}.
   */
  String confidence() {
    int values = trialValues();
    int labelled = 0;
    for (String path : TRIAL_VALUES) {
      labelled += d.has(path) && !d.low.contains(Draft.PS + path) ? 1 : 0;
    }
    boolean title = d.has("identificationModule.briefTitle") || d.has("identificationModule.officialTitle");
    boolean weakTitle = d.low.contains(Draft.PS + "identificationModule.briefTitle");
    if (!ownIds.isEmpty() && title && !weakTitle && labelled >= 4) {
      return "high";
    }
    if (values <= 1 || weakTitle && ownIds.isEmpty() || !title && labelled < 3) {
      return "low";
    }
    return "medium";
  }

  /** How many of the fields that make a trial (status, phase, enrollment, dates, ages, conditions…) were read. */
  int trialValues() {
    int n = 0;
    for (String path : TRIAL_VALUES) {
      n += d.has(path) ? 1 : 0;
    }
    return n;
  }


  // ---------------------------------------------------------------- blocks

  private void block(Block b) {
    switch (b.field().kind) {
      case VALUE -> value(b);
      case BLOCK -> blockField(b);
      case SECTION -> {
        if (b.inline() != null && !b.inline().isEmpty()) {
          // "Eligibility: 18 Years and older, Female": values on the heading's own line.
          unlabelled.typedLine(b.inline());
        }
        section(b.field(), content(b.lines()), b);
      }
      case IGNORED -> {
        if (b.inline() != null || b.field() == Field.OTHER) {
          // A labelled value the record has no place for ("IRB Number: 2019-0227"): the lines after it are not its.
          for (Line l : b.lines()) {
            if (!l.empty() && l.index() < 80) {
              loose.add(l);
            }
          }
        }
      }
    }
  }

  /** The lines of a block without blanks, leading blurbs and fillers. */
  List<Line> content(List<Line> in) {
    List<Line> out = new ArrayList<>();
    boolean leading = true;
    for (Line l : in) {
      if (l.empty()) {
        continue;
      }
      if (leading && Vocabulary.blurb(l.text()) || Vocabulary.navigation(l.text())) {
        continue;
      }
      leading = false;
      if (Vocabulary.filler(l.text()) || Vocabulary.chrome(l.text())) {
        continue;
      }
      out.add(l);
    }
    return out;
  }

  private void value(Block b) {
    List<Line> rest = content(b.lines());
    Val v = b.inline();
    if (v == null || v.isEmpty()) {
      if (rest.isEmpty()) {
        return;
      }
      if (choices(b.field(), rest)) {
        d.warn(label(b), "the label is followed by a list of choices (" + shorten(rest.get(0).text()) + ", "
            + shorten(rest.get(1).text()) + "…), as a form describes it, not by a value; left out");
        return;
      }
      v = Val.of(page, rest.remove(0));
    }
    v = new Val(v.text().replaceAll("^[*_]+\\s*|\\s*[*_]+$", "")
        // A control drawn after the value ("… Hodgkin Lymphoma ^", "… ›"): a glyph, not text.
        .replaceAll("\\s+[\\^›»↑↓▲▼▾▸×+]{1,3}$", ""), v.start(), v.end());
    if ((Values.definition(v.text()) || Values.noName(v.text())) && (b.field() == Field.BRIEF_TITLE || b.field() == Field.OFFICIAL_TITLE
        || b.field() == Field.ACRONYM || b.field() == Field.LEAD_SPONSOR || b.field() == Field.ORG_STUDY_ID)) {
      d.warn(label(b), "the text \"" + shorten(v.text()) + "\" defines the field rather than giving its value; left out");
      return;
    }
    String q = b.match() == null ? "" : b.match().qualifier().toLowerCase(Locale.ROOT);
    Field f = b.field();
    boolean ok = switch (f) {
      case BRIEF_TITLE -> d.put("identificationModule.briefTitle", v) || true;
      case OFFICIAL_TITLE -> d.put("identificationModule.officialTitle", v) || true;
      case ACRONYM -> d.put("identificationModule.acronym", v) || true;
      case OWN_ID -> ownId(v);
      case ORG_STUDY_ID -> orgIds(v, q, b) && moreIds(rest, b);
      case STATUS -> status(v, b);
      case LAST_KNOWN_STATUS -> enumValue("statusModule.lastKnownStatus", Values.status(v.text()), v);
      case PHASE -> phases(v, rest);
      case ENROLLMENT -> enrollment(v, q);
      case STUDY_TYPE -> enumValue("designModule.studyType", Values.studyType(v.text()), v);
      case ALLOCATION -> enumValue("designModule.designInfo.allocation", Values.enumOf(DesignAllocation.class, v.text()), v);
      case INTERVENTION_MODEL -> enumValue("designModule.designInfo.interventionModel",
          Values.enumOf(InterventionalAssignment.class, v.text()), v);
      case MASKING -> enumValue("designModule.designInfo.maskingInfo.masking", Values.enumOf(DesignMasking.class, v.text()), v);
      case PRIMARY_PURPOSE -> enumValue("designModule.designInfo.primaryPurpose", Values.enumOf(PrimaryPurpose.class, v.text()), v)
          // "Purpose: This randomized phase III trial studies…": what the trial is for, in words.
          || v.text().length() > 60 && v.text().contains(" ") && d.put("descriptionModule.briefSummary", v);
      case START -> dateStruct("statusModule.startDateStruct", v, q);
      case PRIMARY_COMPLETION -> dateStruct("statusModule.primaryCompletionDateStruct", v, q);
      case COMPLETION -> dateStruct("statusModule.completionDateStruct", v, q);
      case FIRST_POSTED -> dateStruct("statusModule.studyFirstPostDateStruct", v, q);
      case LAST_UPDATE_POSTED -> dateStruct("statusModule.lastUpdatePostDateStruct", v, q);
      case FIRST_SUBMITTED -> date("statusModule.studyFirstSubmitDate", v, false);
      case FIRST_SUBMITTED_QC -> date("statusModule.studyFirstSubmitQcDate", v, false);
      case LAST_UPDATE_SUBMITTED -> date("statusModule.lastUpdateSubmitDate", v, false);
      case VERIFIED -> date("statusModule.statusVerifiedDate", v, true);
      case AGES -> ages(v.text().matches("\\d{1,3}\\s{0,2}[-–]\\s{0,2}\\d{1,3}") ? new Val(v.text() + " years", v.start(), v.end()) : v, true, true);
      case MIN_AGE -> Age.meansNoLimit(v.text()) || ages(v, true, false);
      case MAX_AGE -> Age.meansNoLimit(v.text()) || ages(v, false, true);
      case SEX -> enumValue("eligibilityModule.sex", Values.sex(v.text()), v);
      case HEALTHY_VOLUNTEERS -> healthy(v);
      case LEAD_SPONSOR -> leadSponsor(v, rest);
      case URL -> {
        url = v.text();
        yield true;
      }
      default -> false;
    };
    if (!ok) {
      d.warn(label(b), "the value \"" + shorten(v.text()) + "\" could not be read as " + what(f) + "; left out");
    }
    if (!rest.isEmpty() && b.section() != null) {
      section(b.section(), rest, b);
    } else {
      for (Line l : rest) {
        if (l.index() < 80) {
          loose.add(l);
        }
      }
    }
  }

  /** Two or more list items each a value of the label's type ("• Interventional • Non-interventional"): a form's choices. */
  private static boolean choices(Field f, List<Line> rest) {
    if (rest.size() < 2 || !rest.get(0).listItem() || !rest.get(1).listItem()) {
      return false;
    }
    int typed = 0;
    for (int i = 0; i < Math.min(rest.size(), 4) && rest.get(i).listItem(); i++) {
      String t = rest.get(i).text();
      if (Segmenter.acceptsWithoutColon(f, t) || Values.yesNo(t) != null
          || t.matches("(?i)non-?\\s?\\w{3,20}|other|none|not applicable|free text")) {
        typed++;
      }
    }
    return typed >= 2;
  }

  static String label(Block b) {
    String c = b.label().text();
    int colon = c.indexOf(':');
    return (colon > 0 && colon < 80 ? c.substring(0, colon) : c.length() > 60 ? c.substring(0, 60) : c).strip();
  }

  private static String what(Field f) {
    return switch (f) {
      case STATUS, LAST_KNOWN_STATUS -> "a recruitment status";
      case PHASE -> "a phase";
      case ENROLLMENT -> "an enrollment count";
      case AGES, MIN_AGE, MAX_AGE -> "an age";
      case SEX -> "a sex";
      case HEALTHY_VOLUNTEERS -> "yes or no";
      case OWN_ID -> "a registry id";
      default -> f.name().contains("DATE") || f == Field.START || f.name().contains("COMPLETION")
          || f.name().contains("POSTED") || f.name().contains("SUBMITTED") || f == Field.VERIFIED
          ? "a date" : "a value of " + f.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  <E extends Enum<E>> boolean enumValue(String path, Optional<E> e, Val v) {
    e.ifPresent(x -> d.put(path, x.name(), v));
    return e.isPresent();
  }

  private boolean ownId(Val v) {
    // An id inside a sentence ("The format is NCT12345678.") is an example, not the page's id.
    boolean sentence = v.text().length() > 40 && v.text().split("\\s+").length >= 8;
    Optional<RegistryIds.Id> id = RegistryIds.find(v.text()).filter(i -> !sentence);
    id.ifPresent(i -> ownIds.add(new RegistryIds.Id(i.id(), i.domain(), v.start() + offset(v, i.start()),
        v.start() + offset(v, i.start()) + i.id().length())));
    return id.isPresent();
  }

  /** The page offset of the cleaned text's character {@code i}, assuming cleaning kept it in place. */
  private int offset(Val v, int i) {
    int at = page.indexOf(v.text().substring(i, Math.min(v.text().length(), i + 8)), v.start());
    return at >= 0 && at < v.end() ? at - v.start() : i;
  }

  private boolean orgIds(Val v, String qualifier, Block b) {
    boolean secondary = label(b).toLowerCase(Locale.ROOT).contains("secondary")
        || label(b).toLowerCase(Locale.ROOT).startsWith("other id");
    for (String part : v.text().split("\\s*[;,]\\s+|\\s{2,}")) {
      if (part.isBlank() || part.equals("-") || part.equalsIgnoreCase("none") || part.equalsIgnoreCase("n/a")) {
        continue;
      }
      // "2023-001234-56 (EudraCT Number)": the id's kind in brackets after it is not part of the id.
      part = part.replaceFirst("\\s{1,3}\\([^()]{1,40}\\)$", "");
      Val p = v.part(page, part);
      if (!secondary && !d.has("identificationModule.orgStudyIdInfo.id")) {
        d.put("identificationModule.orgStudyIdInfo.id", p);
      } else {
        lists.secondaryId(p, null);
      }
    }
    return true;
  }

  /** Further ids on the lines after an id label, one a line, up to the first line that is not an id. */
  private boolean moreIds(List<Line> rest, Block b) {
    while (!rest.isEmpty() && idLike(rest.get(0).text())) {
      orgIds(Val.of(page, rest.remove(0)), "", b);
    }
    return true;
  }

  /** A short token with a digit, optionally followed by its kind in brackets: {@code ABC-123-201}, {@code U1111-1234-5678}. */
  static boolean idLike(String t) {
    return t.length() <= 80 && t.matches("[A-Za-z0-9][A-Za-z0-9./_-]{0,39}\\d[A-Za-z0-9./_-]{0,39}(\\s{1,3}\\([^()]{1,40}\\))?")
        || t.length() <= 80 && t.matches("\\d[A-Za-z0-9./_-]{0,39}(\\s{1,3}\\([^()]{1,40}\\))?");
  }

  boolean phases(Val v, List<Line> rest) {
    if (Values.definition(v.text()) || v.text().length() > 60 && v.text().matches(".{0,2000}?[a-z][.!?](?: .{0,2000})?")) {
      // A sentence about phases ("Phase 4 trials are done after…"), not the trial's phase.
      return false;
    }
    List<Val> vals = new ArrayList<>(List.of(v));
    while (!rest.isEmpty() && Values.isPhase(rest.get(0).text())) {
      vals.add(Val.of(page, rest.remove(0)));
    }
    boolean any = false;
    for (Val x : vals) {
      Optional<List<Phase>> ps = Phases.parse(Unlabelled.phaseText(x.text().matches("(?i)[0-4]|i{1,3}|iv|[0-4]\\s{0,2}/\\s{0,2}[0-4]")
          ? "Phase " + x.text() : x.text()));
      if (ps.isPresent()) {
        any = true;
        for (Phase p : ps.get()) {
          phases.putIfAbsent(p, x);
        }
      }
    }
    return any;
  }

  void phase(Val v) {
    phases(v, new ArrayList<>());
  }



  boolean phasesInferred;


  /** Phases a page lists one per line ("Phase 2", "Phase 1") in v2 order. */
  private void writePhases() {
    int i = 0;
    for (var e : phases.entrySet()) {
      d.put("designModule.phases[" + i++ + "]", e.getKey().name(), e.getValue().end() > 0 ? e.getValue() : null);
    }
    if (phasesInferred) {
      d.low("designModule.phases");
    }
  }

  boolean enrollment(Val v, String qualifier) {
    Optional<EnrollmentInfo> e = Enrollment.parse(v.text());
    if (e.isEmpty()) {
      return false;
    }
    int at = v.text().indexOf(String.valueOf(e.get().count()));
    Val num = at >= 0 ? v.part(page, String.valueOf(e.get().count())) : v;
    d.put("designModule.enrollmentInfo.count", IntNode.valueOf(e.get().count()), num);
    var type = e.get().type() != null ? Optional.of(e.get().type()) : Enrollment.type(qualifier);
    type.ifPresent(t -> d.put("designModule.enrollmentInfo.type", t.name(), v));
    return true;
  }

  boolean dateStruct(String path, Val v, String qualifier) {
    Optional<Values.Found> f = Values.date(v.text(), dayFirst);
    if (f.isEmpty()) {
      return false;
    }
    Val at = v.part(page, v.text().substring(f.get().start(), f.get().end()));
    String t = (qualifier + " " + v.text().substring(f.get().end())).toLowerCase(Locale.ROOT);
    String type = t.contains("actual") ? "ACTUAL" : t.contains("anticipated") || t.contains("estimate") || t.contains("expected")
        || t.contains("est.") || t.contains("planned") ? "ESTIMATED" : null;
    if ("ACTUAL".equals(type) && "ESTIMATED".equals(d.text(path + ".type"))) {
      // "Anticipated trial start date 05/06/2023" then "Actual trial start date 18/07/2023": what happened counts.
      d.replace(path + ".date", f.get().value(), at);
      d.replace(path + ".type", type, v);
      return true;
    }
    if (d.put(path + ".date", f.get().value(), at)) {
      if (type != null) {
        d.put(path + ".type", type, v);
      }
    }
    return true;
  }

  private boolean date(String path, Val v, boolean monthOnly) {
    Optional<Values.Found> f = Values.date(v.text(), dayFirst);
    if (f.isEmpty()) {
      return false;
    }
    String date = f.get().value();
    if (monthOnly && date.length() > 7) {
      // v2 gives the verification date as a month.
      date = date.substring(0, 7);
    }
    d.put(path, date, v.part(page, v.text().substring(f.get().start(), f.get().end())));
    return true;
  }

  boolean ages(Val v, boolean min, boolean max) {
    Values.Ages a = Values.ages(v.text());
    if (min != max && a.min() == null && a.max() == null) {
      // "Minimum Age: 18 Years": the label says which limit a single age is.
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\d{1,3}\\s{0,3}[a-z]{1,7}").matcher(v.text());
      while (m.find()) {
        Optional<String> age = Age.normalize(m.group());
        if (age.isPresent()) {
          d.put(min ? "eligibilityModule.minimumAge" : "eligibilityModule.maximumAge", age.get(), v.part(page, m.group()));
          return true;
        }
      }
    }
    boolean any = false;
    if (min && a.min() != null) {
      d.put("eligibilityModule.minimumAge", a.min().value(), v.part(page, v.text().substring(a.min().start(), a.min().end())));
      any = true;
    }
    if (max && a.max() != null) {
      d.put("eligibilityModule.maximumAge", a.max().value(), v.part(page, v.text().substring(a.max().start(), a.max().end())));
      any = true;
    }
    if (!min && a.min() != null && a.max() == null) {
      d.put("eligibilityModule.maximumAge", a.min().value(), v);
      any = true;
    }
    stdAges(v);
    return any;
  }

  private void stdAges(Val v) {
    int open = v.text().indexOf('(');
    int close = v.text().indexOf(')', open + 1);
    if (open < 0 || close < 0) {
      return;
    }
    int i = 0;
    for (String part : v.text().substring(open + 1, close).split(",")) {
      Optional<StandardAge> sa = V2Enums.parse(StandardAge.class, part);
      if (sa.isPresent()) {
        d.put("eligibilityModule.stdAges[" + i++ + "]", sa.get().name(), v.part(page, part));
      }
    }
  }

  /**
   * A status. A page that shows a recruitment status and an overall status ({@code No longer
   * recruiting}, then {@code Overall study status: Completed}) is read by the overall one when it says
   * the trial ended.
   */
  private boolean status(Val v, Block b) {
    Optional<Status> s = Values.status(v.text());
    if (s.isEmpty()) {
      return false;
    }
    String label = label(b).toLowerCase(Locale.ROOT);
    boolean overall = label.contains("overall") || label.matches("(?:study|trial) status|status of the trial");
    boolean ended = s.get() == Status.COMPLETED || s.get() == Status.TERMINATED || s.get() == Status.WITHDRAWN
        || s.get() == Status.SUSPENDED;
    if (overall && ended && d.has("statusModule.overallStatus")) {
      d.replace("statusModule.overallStatus", s.get().name(), v);
    } else {
      d.put("statusModule.overallStatus", s.get().name(), v);
    }
    return true;
  }

  /** A heading or a role word where a sponsor's name belongs ("All Listed Sponsors", "lead"). */
  private static boolean notAName(String t) {
    return t.matches("(?i)(?:all |listed |other )*(?:listed )?(?:lead |primary )?(?:sponsors?|collaborators?)(?: list)?|lead|collaborator|role|sponsor role");
  }

  private boolean leadSponsor(Val v, List<Line> rest) {
    while (notAName(v.text()) && !rest.isEmpty()) {
      v = Val.of(page, rest.remove(0));
    }
    if (notAName(v.text())) {
      return false;
    }
    // "Name  Central Council…": a form's sub-label before the name (CTRI).
    String raw = v.end() <= page.length() && v.start() < v.end() ? page.substring(v.start(), v.end()) : v.text();
    java.util.regex.Matcher sub = java.util.regex.Pattern.compile("^(?i:name(?: of (?:the )?(?:primary )?sponsor)?)(?:[ \\t]{2,}|[ \\t]{0,2}:[ \\t]{0,2})(?=\\S)").matcher(raw);
    Values.Sponsor s = Values.sponsor(sub.find() ? Val.clean(raw.substring(sub.end())) : v.text());
    if (d.put("sponsorCollaboratorsModule.leadSponsor.name", v.part(page, s.name())) && s.agencyClass() != null) {
      d.put("sponsorCollaboratorsModule.leadSponsor.class", s.agencyClass().name(), v);
    }
    return true;
  }

  private boolean healthy(Val v) {
    Boolean b = Values.yesNo(v.text());
    if (b == null) {
      return false;
    }
    d.put("eligibilityModule.healthyVolunteers", BooleanNode.valueOf(b), v);
    return true;
  }

  // ---------------------------------------------------------------- block fields

  private void blockField(Block b) {
    List<Line> c = content(b.lines());
    if (b.inline() != null && !b.inline().isEmpty()) {
      c.add(0, inlineLine(b));
    }
    switch (b.field()) {
      case BRIEF_SUMMARY -> {
        if (!c.isEmpty() && b.inline() == null && c.size() > 1 && Titles.titleLike(c.get(0).text())
            && !c.get(0).text().endsWith(".") && !c.get(0).listItem() && titles.score(c.get(0).text()) >= 3) {
          // "About the Study" over the trial's name and then its description: the name is a title candidate.
          loose.add(c.remove(0));
        }
        if (!c.isEmpty()) {
          d.put("descriptionModule.briefSummary", text(c, false));
        }
      }
      case DETAILED_DESCRIPTION -> {
        if (!c.isEmpty()) {
          d.put("descriptionModule.detailedDescription", text(c, false));
        }
      }
      case INCLUSION, EXCLUSION -> criteria.merge(b.field(), allLines(b), (x, y) -> {
        x.addAll(y);
        return x;
      });
      case CONDITIONS -> lists.conditions(c, b);
      case CONDITIONS_TABLE -> lists.conditionsTable(c, b);
      case KEYWORDS -> lists.keywords(c);
      case INTERVENTIONS -> lists.interventions(c);
      case ARMS -> lists.arms(c);
      case PRIMARY_OUTCOMES -> lists.outcomes("primaryOutcomes", b);
      case SECONDARY_OUTCOMES -> lists.outcomes("secondaryOutcomes", b);
      case OTHER_OUTCOMES -> lists.outcomes("otherOutcomes", b);
      case SPONSORS -> lists.sponsors(c, false);
      case COLLABORATORS -> lists.sponsors(c, true);
      case RESPONSIBLE_PARTY -> lists.responsibleParty(c);
      case OFFICIALS -> lists.officials(c, label(b));
      case LOCATIONS -> lists.locations(c);
      case CENTRAL_CONTACTS -> lists.contacts(c, "contactsLocationsModule.centralContacts");
      case FACILITY_CONTACTS -> lists.facilityContacts(c);
      case REFERENCES -> lists.references(c);
      case OTHER_IDS -> lists.otherIds(c);
      default -> { }
    }
  }

  /** The label line itself, reduced to its inline value, as a line of content. */
  private Line inlineLine(Block b) {
    Val v = b.inline();
    Line l = b.label();
    return new Line(l.index(), l.start(), l.end(), v.start(), v.end(), l.indent(), Line.Marker.NONE, 0, page.substring(v.start(), v.end()));
  }

  private List<Line> allLines(Block b) {
    List<Line> out = new ArrayList<>();
    if (b.inline() != null && !b.inline().isEmpty()) {
      out.add(inlineLine(b));
    }
    for (Line l : b.lines()) {
      if (!l.empty() && !Vocabulary.chrome(l.text())) {
        out.add(l);
      }
    }
    return out;
  }

  /** Prose lines as one text: paragraphs kept, list items as v2's {@code * item}. */
  Val text(List<Line> ls, boolean keepNumbers) {
    StringBuilder sb = new StringBuilder();
    Line prev = null;
    for (Line l : ls) {
      String t = Val.clean(l.text());
      if (t.isEmpty()) {
        continue;
      }
      if (prev != null) {
        sb.append(l.listItem() && prev.listItem() ? "\n" : "\n\n");
      }
      if (l.listItem()) {
        sb.append(l.indent() > 4 && prev != null && prev.listItem() && l.indent() > prev.indent() ? "  * " : "* ");
      }
      sb.append(t);
      prev = l;
    }
    return new Val(sb.toString(), ls.get(0).from(), ls.get(ls.size() - 1).to());
  }

  // ---------------------------------------------------------------- sections

  private static final java.util.regex.Pattern AGES_FIRST = java.util.regex.Pattern.compile(
      "(?i)(?:ages?\\s{0,3}:?\\s{0,3})?\\d{1,3}\\s{0,3}(?:years?|yrs?|months?)?\\s{0,3}(?:old\\s{0,3})?"
      + "(?:to|-|–|and older|and over|or older|and up|\\+|through)\\b?");

  /** Lines under a section heading that carry no label: read by the type of their value. */
  private void section(Field section, List<Line> ls, Block b) {
    List<Line> criteriaRun = new ArrayList<>();
    int ages = 0;
    for (Line l : ls) {
      String c = l.text();
      Val v = Val.of(page, l);
      boolean used = false;
      if (section != Field.IGNORED && !l.listItem() && unlabelled.typedLine(l)) {
        continue;
      }
      if (section == Field.ELIGIBILITY) {
        if (ages == 0 && !d.has("eligibilityModule.minimumAge") && !d.has("eligibilityModule.maximumAge")
            && AGES_FIRST.matcher(c).lookingAt()) {
          // "1 to 45 years old (without diabetes)…", "18 and older", "Ages 18-75": who can join, by age first.
          used = ages(new Val(c.replaceFirst("(?i)^(\\d{1,3})\\s{0,3}(and older|and over|or older|and up|\\+)", "$1 years $2"),
              v.start(), v.end()), true, true);
          if (used) {
            ages = 2;
            d.low("eligibilityModule.minimumAge");
            d.low("eligibilityModule.maximumAge");
            continue;
          }
        }
        if (c.length() < 40 && Values.isAge(c)) {
          // Ages without labels: the first is the minimum, the second the maximum.
          String path = ages++ == 0 ? "eligibilityModule.minimumAge" : "eligibilityModule.maximumAge";
          used = d.put(path, Age.normalize(c.replaceAll("(?i)\\s+old$", "")).orElse(c), v) || true;
        } else if (c.length() < 30 && Values.yesNo(c) != null) {
          used = healthy(v);
        } else if (c.length() < 30 && Values.sex(c).isPresent()) {
          used = enumValue("eligibilityModule.sex", Values.sex(c), v);
        } else if (!Vocabulary.blurb(c) && !Values.prose(c) || l.listItem() || criteriaRun.size() > 0) {
          if (!criteriaRun.isEmpty() && criteriaRun.get(criteriaRun.size() - 1).marker() != l.marker()) {
            unlabeledCriteria.add(criteriaRun);
            criteriaRun = new ArrayList<>();
          }
          criteriaRun.add(l);
          used = true;
        }
      } else if (section == Field.BASIC || section == Field.DESIGN) {
        used = typed(v, section);
        if (!used && section == Field.BASIC && l.index() < 80) {
          loose.add(l);
          used = true;
        }
      } else if (section == Field.GROUP || section == Field.IGNORED) {
        used = true;
      }
      if (!used && !Vocabulary.blurb(c) && !Values.prose(c) && section != null && section.kind == Field.Kind.SECTION) {
        d.warn(label(b), "the line \"" + shorten(c) + "\" under this heading has no label and no value type this reader knows; left out");
      }
    }
    if (!criteriaRun.isEmpty()) {
      unlabeledCriteria.add(criteriaRun);
    }
  }

  /** A value shown without a label, placed by its type: status, phase, enrollment, study type, design enums, dates. */
  private boolean typed(Val v, Field section) {
    String c = v.text();
    if (c.length() > 80) {
      return false;
    }
    String design = Values.designPath(c);
    if (section == Field.DESIGN && design != null) {
      return d.put(design, Values.designValue(design, c), v) || true;
    }
    Optional<Status> status = c.strip().contains(" ") ? Values.status(c) : V2Enums.status(c);
    if (status.isPresent()) {
      return d.put("statusModule.overallStatus", status.get().name(), v) || true;
    }
    if (Values.isPhase(c) || c.matches("(?i)early_?phase1|phase\\d(/phase\\d)?")) {
      return phases(v, new ArrayList<>());
    }
    if (Values.isEnrollment(c)) {
      return enrollment(v, "");
    }
    String path = Values.designPath(c);
    if (path != null) {
      return d.put(path, Values.designValue(path, c), v) || true;
    }
    if (Values.date(c).map(f -> f.start() == 0 && f.end() == c.length()).orElse(false)) {
      basicDates.add(v);
      return true;
    }
    return false;
  }

  /** Dates without labels in an overview: the order the portal gives them (start, then completion). */
  private void basicDates() {
    if (basicDates.isEmpty()) {
      return;
    }
    String[] order = basicDates.size() >= 3
        ? new String[] {"startDateStruct", "primaryCompletionDateStruct", "completionDateStruct"}
        : new String[] {"startDateStruct", "completionDateStruct"};
    for (int i = 0; i < Math.min(order.length, basicDates.size()); i++) {
      if (!d.has("statusModule." + order[i])) {
        dateStruct("statusModule." + order[i], basicDates.get(i), "");
      }
    }
    d.warn("statusModule", basicDates.size() + " dates are shown without labels; read in the order start, "
        + (basicDates.size() >= 3 ? "primary completion, " : "") + "completion");
  }

  // ---------------------------------------------------------------- eligibility criteria




  private void criteria() {
    List<Line> inc = criteria.get(Field.INCLUSION);
    List<Line> exc = criteria.get(Field.EXCLUSION);
    unlabelled.agesFromCriteria(inc != null ? inc : unlabeledCriteria.isEmpty() ? null : unlabeledCriteria.get(0));
    if (inc == null && exc == null && unlabeledCriteria.size() == 2) {
      inc = unlabeledCriteria.get(0);
      exc = unlabeledCriteria.get(1);
      d.warn("eligibilityModule.eligibilityCriteria", "criteria are shown without Inclusion/Exclusion headings;"
          + " the first list was read as inclusion and the second as exclusion criteria");
    }
    StringBuilder sb = new StringBuilder();
    int start = Integer.MAX_VALUE;
    int end = 0;
    for (var part : new Object[][] {{"Inclusion Criteria:", inc}, {"Exclusion Criteria:", exc}}) {
      @SuppressWarnings("unchecked")
      List<Line> ls = (List<Line>) part[1];
      if (ls == null || ls.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append("\n\n");
      }
      sb.append(part[0]).append("\n\n").append(Criteria.items(ls));
      start = Math.min(start, ls.get(0).from());
      end = Math.max(end, ls.get(ls.size() - 1).to());
    }
    if (sb.isEmpty() && unlabeledCriteria.size() == 1) {
      List<Line> ls = unlabeledCriteria.get(0);
      sb.append(Criteria.items(ls));
      start = ls.get(0).from();
      end = ls.get(ls.size() - 1).to();
    }
    if (!sb.isEmpty()) {
      d.put("eligibilityModule.eligibilityCriteria", sb.toString(), new Val(sb.toString(), start, end));
    }
  }

  // ---------------------------------------------------------------- ids

  /** The trial's acronyms: the acronym read, and a bracketed last word of its titles ("… (MissionAD1)"). */
  private List<String> acronyms() {
    List<String> out = new ArrayList<>();
    if (d.text("identificationModule.acronym") != null) {
      out.add(d.text("identificationModule.acronym"));
    }
    for (String path : new String[] {"identificationModule.briefTitle", "identificationModule.officialTitle"}) {
      String t = d.text(path);
      java.util.regex.Matcher m = t == null ? null : java.util.regex.Pattern.compile("\\(([A-Za-z][A-Za-z0-9-]{2,20})\\)\\s*$").matcher(t);
      if (m != null && m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /**
   * Registry ids the page shows outside labels: in a footer, an identifiers block, a sentence. The
   * NCT id counts as the page's own when it is the only one the page shows outside related-trial
   * lists, or the only one shown twice or more (a page names itself in its header and footer); ids
   * of other registries, three at most of each, become the trial's secondary ids.
   */
  private void anywhere() {
    List<int[]> skipped = new ArrayList<>();
    for (Block b : seg.blocks()) {
      if (b.field().kind == Field.Kind.IGNORED) {
        int end = b.lines().isEmpty() ? b.label().to() : b.lines().get(b.lines().size() - 1).to();
        skipped.add(new int[] {b.label().from(), end});
      }
    }
    Map<String, Integer> ncts = new LinkedHashMap<>();
    Map<String, RegistryIds.Id> first = new LinkedHashMap<>();
    Map<String, Integer> perRegistry = new java.util.HashMap<>();
    for (RegistryIds.Id id : RegistryIds.findAll(page)) {
      if (RegistryIds.example(id.id())) {
        continue;
      }
      if (skipped.stream().anyMatch(r -> id.start() >= r[0] && id.start() < r[1])) {
        continue;
      }
      first.putIfAbsent(id.id(), id);
      if (id.nct()) {
        ncts.merge(id.id(), 1, Integer::sum);
      }
    }
    if (ownIds.stream().noneMatch(RegistryIds.Id::nct) && !ncts.isEmpty()) {
      String own = null;
      if (ncts.size() == 1) {
        own = ncts.keySet().iterator().next();
      } else {
        List<String> repeated = ncts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        own = repeated.size() == 1 ? repeated.get(0) : null;
        if (own == null) {
          // Several ids once each: the one written next to the trial's acronym ("(NCT02956486, MissionAD1)").
          List<String> near = new ArrayList<>();
          for (String acronym : acronyms()) {
            for (String id : ncts.keySet()) {
              int at = first.get(id).start();
              String around = page.substring(Math.max(0, at - 25), Math.min(page.length(), at + id.length() + 25));
              if (around.contains(acronym) && !near.contains(id)) {
                near.add(id);
              }
            }
          }
          own = near.size() == 1 ? near.get(0) : null;
        }
      }
      if (own != null) {
        ownIds.add(first.get(own));
        foundInText.add(first.get(own));
      }
    }
    for (RegistryIds.Id id : first.values()) {
      if (id.nct() || ownIds.stream().anyMatch(o -> o.id().equals(id.id()))) {
        continue;
      }
      if (perRegistry.merge(id.domain(), 1, Integer::sum) <= 3) {
        lists.secondaryId(new Val(id.id(), id.start(), id.end()), id);
      }
    }
  }

  private void ids() {
    // "Identifier: NCT…" inside other lines (the classic site's disclaimer and footer).
    if (ownIds.isEmpty()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          "(?i)(?:identifier|nct (?:id|number)|registration number|trial id)\\s{0,3}(?:\\([^)\\n]{0,30}\\))?\\s{0,3}:\\s{0,5}")
          .matcher(page);
      while (m.find() && ownIds.isEmpty()) {
        String after = page.substring(m.end(), Math.min(page.length(), m.end() + 40));
        RegistryIds.find(after).filter(id -> id.start() == 0)
            .ifPresent(id -> ownIds.add(new RegistryIds.Id(id.id(), id.domain(), m.end(), m.end() + id.id().length())));
      }
    }
    url = ownUrl != null ? ownUrl : url != null ? url : givenUrl;
    if (url != null) {
      // The page's address names the trial: isrctn.com/ISRCTN…, …/study/NCT…, ctri.nic.in/…?trialid=…
      for (RegistryIds.Id id : RegistryIds.findAll(url)) {
        if (ownIds.stream().noneMatch(o -> o.domain().equals(id.domain()))) {
          ownIds.add(new RegistryIds.Id(id.id(), id.domain(), -1, -1));
        }
      }
    }
    anywhere();
    for (RegistryIds.Id id : ownIds) {
      Val at = id.start() < 0 ? null : new Val(id.id(), id.start(), id.end());
      if (id.nct()) {
        d.put("identificationModule.nctId", id.id(), at);
      } else {
        lists.secondaryId(at == null ? new Val(id.id(), 0, 0) : at, id);
      }
    }
  }
}
