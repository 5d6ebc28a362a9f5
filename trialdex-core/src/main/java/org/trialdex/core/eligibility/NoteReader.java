package org.trialdex.core.eligibility;

import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;

/**
 * Reads a free-text clinical note ("A 45-year-old man with a history of anaplastic astrocytoma
 * s/p radiation...") into a {@link Patient}: age, sex, conditions with negation and history,
 * family history left out, labs and vitals with values and units, therapies with their status and
 * response, performance status, pregnancy. Sentences come from the JDK's sentence breaker;
 * negation is {@link Negation}'s NegEx-style rules. Each fact's evidence is the sentence words it
 * was read from. Nothing is guessed: what the note does not say stays unknown.
 */
public final class NoteReader {

  /** Longest note read: a clinical note, not a record dump. */
  public static final int MAX_LENGTH = 100_000;

  private static final Pattern AGE = Pattern.compile("(?i)(?<![\\p{L}\\d])(\\d{1,3})[- ]?(?:(years?|yrs?)[- ]?old|(?:yo|y/o|y\\.o\\.)(?![\\p{L}])|(years?|yrs?)(?=,?\\s+(?:of age|male|female|man|woman|boy|girl|patient)))"
      + "|(?<![\\p{L}])aged?\\s+(\\d{1,3})(?![\\d%])|(?<![\\p{L}\\d])(\\d{1,2})[- ](months?|weeks?|days?)[- ]old");
  private static final Pattern FEMALE_NOUN = Pattern.compile("(?i)(?<![\\p{L}])(?:woman|female|lady|girl|mrs|ms|mother of|pregnant|postmenopausal|g\\dp\\d)(?![\\p{L}])");
  private static final Pattern MALE_NOUN = Pattern.compile("(?i)(?<![\\p{L}])(?:man|male|gentleman|boy|mr)(?![\\p{L}])");
  private static final Pattern SHE = Pattern.compile("(?i)(?<![\\p{L}])(?:she|her|hers|herself)(?![\\p{L}])");
  private static final Pattern HE = Pattern.compile("(?i)(?<![\\p{L}])(?:he|him|his|himself)(?![\\p{L}])");
  private static final Pattern FAMILY = Pattern.compile("(?i)(?<![\\p{L}])(?:family history|fh|mother|father|sister|brother|sibling|siblings|parents?|aunt|uncle|grandmother|grandfather|cousin|son|daughter|relatives?|husband|wife|partner)(?![\\p{L}])");
  private static final Pattern PAST = Pattern.compile("(?i)(?<![\\p{L}])(?:history of|hx of|h/o|s/p|status post|previous(?:ly)?|prior|past|former|resolved|treated for|in remission|remote)(?![\\p{L}])");
  private static final Pattern RULE_OUT = Pattern.compile("(?i)(?<![\\p{L}])(?:rule out|r/o|suspected|suspicion of|possible|probable|concern for|worried about|differential|versus|vs\\.?|question of|to exclude|risk of|risk for|at risk)(?![\\p{L}])");
  private static final Pattern VALUE = Pattern.compile("^(?:\\s*(?:\\([^)]{1,20}\\)|level|levels|count|of|is|was|were|at|=|:|-|measured|value|values|elevated|increased|decreased|low|high|reduced|raised|to|from|\\d+(?:\\.\\d+)?\\s*(?:->|→|to))\\s*)*?\\s*(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?!\\s*(?:years?|yo|y/o|months?|weeks?|days?|hours?|times|x\\b|-year))");
  /** "high CRP (145)", "amylase (1200 U/L)": the value in parentheses right after the name. */
  private static final Pattern PARENTHESIZED_VALUE = Pattern.compile("^\\s*\\(\\s*(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?=\\s*(?:\\)|[a-zA-Zµμ/%]))");
  private static final Pattern BLOOD_PRESSURE = Pattern.compile("(?i)(?<![\\p{L}])(?:bp|blood pressure)\\s*(?:of|is|was|:|=)?\\s*(\\d{2,3})\\s*/\\s*(\\d{2,3})");
  private static final Pattern ECOG = Pattern.compile("(?i)(?<![\\p{L}])(?:ecog|zubrod|who performance status)(?:\\s*(?:performance status|ps|score|grade|of|:|is|was))*\\s*([0-5])(?![\\d%])");
  private static final Pattern KPS = Pattern.compile("(?i)(?<![\\p{L}])(karnofsky|kps|lansky)(?:\\s*(?:performance status|performance score|ps|score|index|of|:|is|was))*\\s*(\\d{2,3})\\s*%?");
  private static final Pattern PREGNANT = Pattern.compile("(?i)(?<![\\p{L}])(?:pregnant|pregnancy|gestation|gravid)(?![\\p{L}])");
  private static final Pattern PREGNANT_WEEKS = Pattern.compile("(?i)(\\d{1,2})\\s*weeks?\\s*(?:of\\s+)?(?:pregnant|pregnancy|gestation|gestational)|(?:pregnant|gestation)[^.]{0,20}?(\\d{1,2})\\s*weeks");
  private static final Pattern NOT_PREGNANT = Pattern.compile("(?i)(?:not|non-?)\\s*pregnant|negative (?:urine |serum )?(?:pregnancy test|hcg|β-?hcg|beta-?hcg)|pregnancy test (?:is |was )?negative|post-?menopausal|menopaus(?:e|al)|hysterectomy|bilateral oophorectomy");
  private static final Pattern LACTATING = Pattern.compile("(?i)(?<![\\p{L}])(?:breast-?feeding|breastfeeds|lactating|nursing (?:her|an?) (?:infant|baby|child))(?![\\p{L}])");
  private static final Pattern ONGOING = Pattern.compile("(?i)(?<![\\p{L}])(?:on|currently|current|taking|takes|receiving|maintained on|started on|continues|continuing|ongoing|daily|bid|tid|qd|mg"
      + "|weekly|q\\d+\\s*(?:h|hours?|d|days?|w|wks?|weeks?)|every \\d+ (?:days|weeks)|repeat(?:ed)? cycles?)(?![\\p{L}])");
  private static final Pattern REFRACTORY = Pattern.compile("(?i)refractory|resistant|failed|failure of|no response|not respond|did not improve|unresponsive|progress(?:ed|ion) (?:on|despite|while on)|despite|dependent");
  private static final Pattern AGO = Pattern.compile("(?i)(\\d{1,3}|a|an|one|two|three|four|five|six|several)\\s+(days?|weeks?|months?|years?)\\s+ago|(?:in|since)\\s+((?:19|20)\\d{2})");
  private static final Pattern TREATMENT_CUE = Pattern.compile("(?i)(?<![\\p{L}])(?:s/p|status post|underwent|received|receiving|treated|treatment|therapy|given|started|on|taking|takes|prescribed|completed|course|courses|cycles?|regimen|infusion|injection|dose|mg|medications?|meds)(?![\\p{L}])");

  /** The code of the condition a note's "no past medical history" records as absent. */
  public static final String NO_HISTORY = "trialdex|no-past-medical-history";

  private static final Pattern NO_HISTORY_SAID = Pattern.compile("(?i)(?:no|without|denies(?: any)?|unremarkable)\\s+(?:significant\\s+|other\\s+|relevant\\s+|prior\\s+)?(?:past\\s+|previous\\s+|prior\\s+)?medical history|(?:past\\s+)?medical history (?:is\\s+)?(?:unremarkable|negative|non-?contributory)|previously healthy|otherwise healthy|no significant past history");
  private static final Pattern AGE_SEX_SHORT = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,3})\\s?(?:yo|y/o|y\\.o\\.|year[- ]old|yr)?\\s?([MF])(?![\\p{L}])");
  private static final Pattern DIAGNOSED_AGO = Pattern.compile("(?i)(?:diagnos\\w*|dx|confirmed|detected|discovered|identified|found to have)[^.;]{0,40}?"
      + "(?:(\\d{1,3}|a|an|one|two|three|four|five|six|several)\\s+(days?|weeks?|months?|years?)\\s+ago|(?:in|since)\\s+((?:19|20)\\d{2}))"
      + "|(\\d{1,3}|one|two|three|four|five|six)[- ](?:year|month)s?[- ](?:history|duration)|(recently|newly|just) diagnosed");
  /** "has had type 1 diabetes for 11 years", "has been living with HIV for the past 6 years", "since 2014". */
  private static final Pattern HAD_FOR = Pattern.compile("(?i)(?<![\\p{L}])(?:has|have|had)\\s+(?:had|been\\s+(?:living|diagnosed)\\s+with|suffered\\s+(?:from|with))"
      + "[^.;]{1,60}?\\bfor\\s+(?:the\\s+(?:past|last)\\s+)?(?:about\\s+|over\\s+|almost\\s+|nearly\\s+)?(\\d{1,3}|a|an|one|two|three|four|five|six|several)\\s+(days?|weeks?|months?|years?)"
      + "|(?<![\\p{L}])(?:has|have|had)\\s+(?:had|been\\s+(?:living|diagnosed)\\s+with|suffered\\s+(?:from|with))[^.;]{1,60}?\\bsince\\s+((?:19|20)\\d{2})");
  /** "diagnosed at age 12", "since the age of 30": with the patient's age, when it began. */
  private static final Pattern AT_AGE = Pattern.compile("(?i)(?:diagnos\\w*|dx|onset|began|started|since|developed)[^.;]{0,40}?\\b(?:at|since)\\s+(?:the\\s+)?age\\s+(?:of\\s+)?(\\d{1,3})(?!\\s*(?:months?|weeks?|days?))");

  private final Vocabulary vocabulary;
  private final Analytes analytes = Analytes.standard();

  /** A reader that names conditions and drugs through {@code vocabulary}. */
  public NoteReader(Vocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * The patient a note describes, as of {@code asOf}.
   *
   * @throws IllegalArgumentException when the note is empty or longer than {@link #MAX_LENGTH}
   */
  public Patient read(String note, LocalDate asOf) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("the note is empty: give the patient's description as text");
    }
    if (note.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the note is " + note.length() + " characters long; at most " + MAX_LENGTH + " are read");
    }
    Patient p = Patient.empty(asOf);
    List<String> sentences = sentences(note);
    p = readAgeAndSex(note, sentences, p);
    List<Patient.Condition> conditions = new ArrayList<>();
    List<Patient.Observation> observations = new ArrayList<>();
    List<Patient.Therapy> therapies = new ArrayList<>();
    Fact<Boolean> pregnant = null;
    Fact<Boolean> lactating = null;
    Patient.Performance performance = null;
    for (String s : sentences) {
      BitSet taken = new BitSet(s.length());
      observations.addAll(observations(s, taken, asOf));
      if (performance == null) {
        performance = performance(s);
      }
      therapies.addAll(therapies(s, taken, asOf));
      conditions.addAll(conditions(s, taken, asOf, p.ageYears().map(Fact::value).orElse(null)));
      Matcher nh = NO_HISTORY_SAID.matcher(s);
      if (nh.find()) {
        conditions.add(new Patient.Condition("past medical history", List.of(NO_HISTORY), Patient.Status.ABSENT, null, "note: " + s.strip()));
      }
      Matcher np = NOT_PREGNANT.matcher(s);
      if (np.find()) {
        pregnant = new Fact<>(false, "note: " + s.strip());
      } else {
        Matcher pr = PREGNANT.matcher(s);
        if (pr.find() && !Negation.negated(s, pr.start(), pr.end()) && !RULE_OUT.matcher(s.substring(0, pr.start())).find()
            && !s.substring(0, pr.start()).toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:previous|prior|first|last|past|history of|during|after)\\b[^,;]{0,25}$")) {
          if (PREGNANT_WEEKS.matcher(s).find() || s.substring(Math.max(0, pr.start() - 20), pr.start()).toLowerCase(Locale.ROOT).matches(".*\\b(?:is|currently|now|she's|being)\\s*$")
              || s.toLowerCase(Locale.ROOT).matches("(?s).*\\bpregnant\\b.*")) {
            pregnant = new Fact<>(true, "note: " + s.strip());
          }
        }
      }
      Matcher l = LACTATING.matcher(s);
      if (l.find()) {
        lactating = new Fact<>(!Negation.negated(s, l.start(), l.end()), "note: " + s.strip());
      }
    }
    return p.withConditions(merge(conditions)).withObservations(observations).withTherapies(therapies)
        .withPerformance(performance).withPregnancy(pregnant, lactating).withFacts(sentences.stream().map(String::strip).toList());
  }

  private static List<String> sentences(String note) {
    String text = note.replace("\r\n", "\n");
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end);
      // A sentence breaker keeps "Dr. Smith" together but splits "s/p 2 cycles. No..." as it should;
      // lines of a list are sentences too.
      for (String line : s.split("\\n+")) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }

  private Patient readAgeAndSex(String note, List<String> sentences, Patient p) {
    Matcher a = AGE.matcher(note);
    while (a.find()) {
      double years;
      if (a.group(1) != null) {
        years = Double.parseDouble(a.group(1));
      } else if (a.group(4) != null) {
        years = Double.parseDouble(a.group(4));
      } else {
        double n = Double.parseDouble(a.group(5));
        String unit = a.group(6).toLowerCase(Locale.ROOT);
        years = unit.startsWith("m") ? n / 12 : unit.startsWith("w") ? n / 52.18 : n / 365.25;
      }
      if (years <= 120) {
        p = p.withAge(new Fact<>(years, "note: " + a.group()));
        break;
      }
    }
    Matcher shortForm = AGE_SEX_SHORT.matcher(sentences.isEmpty() ? note : sentences.getFirst());
    if (shortForm.find() && Integer.parseInt(shortForm.group(1)) <= 120) {
      if (p.age() == null) {
        p = p.withAge(new Fact<>(Double.parseDouble(shortForm.group(1)), "note: " + shortForm.group()));
      }
      return p.withSex(new Fact<>(shortForm.group(2).equals("F") ? Patient.Sex.FEMALE : Patient.Sex.MALE, "note: " + shortForm.group()));
    }
    String head = sentences.isEmpty() ? note : sentences.getFirst();
    Matcher f = FEMALE_NOUN.matcher(head);
    Matcher m = MALE_NOUN.matcher(head);
    boolean female = f.find();
    boolean male = m.find();
    if (female && (!male || f.start() < m.start())) {
      return p.withSex(new Fact<>(Patient.Sex.FEMALE, "note: " + f.group()));
    }
    if (male) {
      return p.withSex(new Fact<>(Patient.Sex.MALE, "note: " + m.group()));
    }
    long she = SHE.matcher(note).results().count();
    long he = HE.matcher(note).results().count();
    Matcher anyFemale = FEMALE_NOUN.matcher(note);
    Matcher anyMale = MALE_NOUN.matcher(note);
    if (she > he * 2 && she >= 2 || (she == 0 && he == 0 && anyFemale.find() && !anyMale.find())) {
      return p.withSex(new Fact<>(Patient.Sex.FEMALE, "note: referred to as she"));
    }
    if (he > she * 2 && he >= 2 || (she == 0 && he == 0 && MALE_NOUN.matcher(note).find() && !FEMALE_NOUN.matcher(note).find())) {
      return p.withSex(new Fact<>(Patient.Sex.MALE, "note: referred to as he"));
    }
    return p;
  }

  private List<Patient.Observation> observations(String s, BitSet taken, LocalDate asOf) {
    List<Patient.Observation> out = new ArrayList<>();
    Matcher bp = BLOOD_PRESSURE.matcher(s);
    while (bp.find()) {
      String ev = "note: " + bp.group();
      out.add(new Patient.Observation("systolic blood pressure", "http://loinc.org|8480-6", Double.parseDouble(bp.group(1)), "mm[Hg]", null, null, asOf, ev));
      out.add(new Patient.Observation("diastolic blood pressure", "http://loinc.org|8462-4", Double.parseDouble(bp.group(2)), "mm[Hg]", null, null, asOf, ev));
      taken.set(bp.start(), bp.end());
    }
    Matcher names = analytes.matcher(s);
    while (names.find()) {
      if (taken.get(names.start())) {
        continue;
      }
      Optional<Analytes.Analyte> analyte = analytes.named(names.group());
      if (analyte.isEmpty()) {
        continue;
      }
      String rest = s.substring(names.end());
      Matcher v = PARENTHESIZED_VALUE.matcher(rest);
      if (!v.lookingAt()) {
        v = VALUE.matcher(rest);
      }
      if (!v.lookingAt() || v.end() > 40) {
        continue;
      }
      double value = CriterionParser.number(v.group(1));
      String afterValue = rest.substring(v.end());
      Matcher u = Units.WRITTEN_UNIT.matcher(afterValue);
      String unit = analyte.get().unit();
      int end = names.end() + v.end();
      if (u.lookingAt()) {
        Optional<String> code = Units.ucum(u.group());
        if (code.isPresent()) {
          unit = code.get();
          end += u.end();
        }
      } else if (unit.equals("10*3/uL") && value >= 1000) {
        unit = "/uL";
      }
      out.add(new Patient.Observation(analyte.get().name(), "trialdex|" + analyte.get().id(), value, unit, null, null, asOf,
          "note: " + s.substring(names.start(), Math.min(s.length(), end)).strip()));
      taken.set(names.start(), Math.min(s.length(), end));
    }
    return out;
  }

  private static Patient.Performance performance(String s) {
    Matcher e = ECOG.matcher(s);
    if (e.find()) {
      return new Patient.Performance(PerformanceScale.ECOG, Integer.parseInt(e.group(1)), "note: " + e.group());
    }
    Matcher k = KPS.matcher(s);
    if (k.find()) {
      int v = Integer.parseInt(k.group(2));
      if (v <= 100) {
        PerformanceScale scale = k.group(1).toLowerCase(Locale.ROOT).startsWith("l") ? PerformanceScale.LANSKY : PerformanceScale.KARNOFSKY;
        return new Patient.Performance(scale, v, "note: " + k.group());
      }
    }
    return null;
  }

  private List<Patient.Therapy> therapies(String s, BitSet taken, LocalDate asOf) {
    List<Patient.Therapy> out = new ArrayList<>();
    boolean cue = TREATMENT_CUE.matcher(s).find();
    for (Therapies.Found f : Therapies.find(s)) {
      if (f.kind() == Therapies.Kind.ANY || f.kind() == Therapies.Kind.INVESTIGATIONAL || taken.get(f.start())) {
        continue;
      }
      if (f.kind() == Therapies.Kind.SURGERY && !cue || planned(s, f.start())) {
        continue;
      }
      out.add(therapy(s, f.start(), f.end(), List.of(), f.kind() == Therapies.Kind.SURGERY || f.kind() == Therapies.Kind.RADIOTHERAPY
          || f.kind() == Therapies.Kind.HSCT || f.kind() == Therapies.Kind.TRANSFUSION ? Patient.TherapyKind.PROCEDURE : Patient.TherapyKind.MEDICATION, asOf));
      taken.set(f.start(), f.end());
    }
    if (!cue) {
      return out;
    }
    for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.INTERVENTION, s)) {
      if (m.end() > s.length() || taken.get(m.start(), m.end()).cardinality() > 0 || m.text().length() < 4) {
        continue;
      }
      Concept c = m.concept();
      boolean drug = c.treeNumbers().stream().anyMatch(t -> t.startsWith("D")) && c.treeNumbers().stream().noneMatch(t -> t.startsWith("D12.776") || t.startsWith("D23"));
      if (!drug || analytes.named(m.text()).isPresent() || !ONGOING.matcher(s).find() && !TREATMENT_CUE.matcher(s).find()
          || planned(s, m.start())) {
        continue;
      }
      out.add(therapy(s, m.start(), m.end(), List.of("vocab|" + c.id()), Patient.TherapyKind.MEDICATION, asOf));
      taken.set(m.start(), m.end());
    }
    return out;
  }

  /** "A candidate for resection prior to chemotherapy", "was offered a radical hysterectomy": a plan, not a therapy received. */
  private static boolean planned(String s, int at) {
    String before = s.substring(Math.max(0, at - 45), at).toLowerCase(Locale.ROOT);
    return PLANNED.matcher(before).find();
  }

  private static final Pattern PLANNED = Pattern.compile("(?:prior to|before|candidate for|offered|recommended|planned|plan(?:s|ning)? (?:to|for)|scheduled for"
      + "|will (?:receive|undergo|start|begin|be (?:given|treated|started))|to (?:receive|undergo|start|begin)|considered for|referred for|eligible for|awaiting"
      + "|discussed|options? (?:of|for|include))\\s+(?:\\w+\\s+){0,3}$");

  private static Patient.Therapy therapy(String s, int start, int end, List<String> codes, Patient.TherapyKind kind, LocalDate asOf) {
    String name = s.substring(start, end);
    Patient.Status status;
    String before = s.substring(0, start);
    String around = s.substring(Math.max(0, start - 40), Math.min(s.length(), end + 40));
    boolean refractory = REFRACTORY.matcher(around).find();
    if (Negation.negated(s, start, end) && !refractory) {
      // "did not respond to methylprednisolone" negates the response, not the therapy
      status = Patient.Status.ABSENT;
    } else if (PAST.matcher(before).find() || s.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:completed|underwent|received|was given|were given|had been|s/p|status post|included|was treated|were treated)\\b.*")) {
      status = Patient.Status.PAST;
    } else if (ONGOING.matcher(s.substring(Math.max(0, start - 25), Math.min(s.length(), end + 25))).find()) {
      status = Patient.Status.ACTIVE;
    } else {
      status = Patient.Status.PAST;
    }
    Patient.Response response = refractory ? Patient.Response.REFRACTORY : Patient.Response.UNSTATED;
    LocalDate date = ago(s, asOf);
    return new Patient.Therapy(name, codes, kind, status, date, status == Patient.Status.ACTIVE ? null : date, response, "note: " + s.strip());
  }

  /** "3 weeks ago", "in 2015": when the sentence's events happened, roughly. */
  private static LocalDate ago(String s, LocalDate asOf) {
    Matcher m = AGO.matcher(s);
    if (!m.find()) {
      return null;
    }
    if (m.group(3) != null) {
      return LocalDate.of(Integer.parseInt(m.group(3)), 7, 1);
    }
    return ago(count(m.group(1)), m.group(2), asOf);
  }

  private List<Patient.Condition> conditions(String s, BitSet taken, LocalDate asOf, Double ageYears) {
    LocalDate onset = onset(s, asOf, ageYears);
    List<Patient.Condition> out = new ArrayList<>();
    for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.CONDITION, s)) {
      if (m.end() > s.length() || taken.get(m.start(), m.end()).cardinality() > 0) {
        continue;
      }
      String mention = s.substring(m.start(), m.end());
      if (!CriterionParser.conditionWorthy(mention) || analytes.named(mention).isPresent()) {
        continue; // "high CRP (145)": a lab named, not C-reactive-protein-named disease
      }
      String clause = clauseBefore(s, m.start());
      if (FAMILY.matcher(clause).find() || RULE_OUT.matcher(clause).find()) {
        continue; // a relative's disease, or one only suspected
      }
      Patient.Status status = Negation.negated(s, m.start(), m.end()) ? Patient.Status.ABSENT
          : PAST.matcher(clause).find() && !clause.toLowerCase(Locale.ROOT).contains("recurr") ? Patient.Status.PAST : Patient.Status.ACTIVE;
      if (status == Patient.Status.PAST && !ENDED.matcher(clause.substring(Math.max(0, clause.length() - 25))).find() && chronic(m.concept())) {
        status = Patient.Status.ACTIVE; // "a history of hypertension": a chronic disease once had is still had
      }
      out.add(new Patient.Condition(mention, List.of("vocab|" + m.concept().id()), status, onset, "note: " + s.strip()));
    }
    return out;
  }

  /** Words that say a condition is over, not only that it is in the history. */
  private static final Pattern ENDED = Pattern.compile("(?i)(?<![\\p{L}])(?:resolved|s/p|status post|treated for|in remission|former|remote|cured|previous(?:ly)?|prior)(?![\\p{L}])");

  /**
   * MeSH branches of diseases that last once had: hypertension, diabetes, lipid disorders, obesity,
   * COPD, asthma, chronic kidney disease, heart failure, coronary disease, epilepsy, chronic viral
   * infections, rheumatic and chronic inflammatory diseases.
   */
  private static final List<String> CHRONIC = List.of("C14.907.489", "C18.452.394.750", "C18.452.584.500", "C18.654.726.500",
      "C08.381.495.389", "C08.127.108", "C08.381.495.108", "C12.777.419.780.050", "C12.200.777.419.780.050", "C14.280.434",
      "C14.280.647.250", "C14.907.137.126.339", "C10.228.140.490", "C02.782.815.616.400", "C02.440.435", "C02.440.440",
      "C05.550.114.154", "C17.300.480", "C19.874.482", "C17.800.859.675", "C19.246", "C06.405.205.731.500", "C06.405.205.798", "C10.228.140.380.100", "C10.228.662.600");

  private boolean chronic(Concept concept) {
    for (Concept m : vocabulary.mesh(concept.id())) {
      for (String tree : m.treeNumbers()) {
        if (CHRONIC.stream().anyMatch(tree::startsWith)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * When the conditions a sentence names began: "diagnosed 11 years ago", "recently diagnosed",
   * "confirmed in 2014", "has had type 1 diabetes for 11 years", "diagnosed at age 12" (with the
   * patient's age), or null when the sentence does not say.
   */
  static LocalDate onset(String s, LocalDate asOf, Double ageYears) {
    Matcher had = HAD_FOR.matcher(s);
    if (had.find()) {
      return had.group(3) != null ? LocalDate.of(Integer.parseInt(had.group(3)), 7, 1) : ago(count(had.group(1)), had.group(2), asOf);
    }
    Matcher age = AT_AGE.matcher(s);
    if (ageYears != null && age.find()) {
      int at = Integer.parseInt(age.group(1));
      if (at <= ageYears) {
        return asOf.minusYears((long) Math.floor(ageYears) - at);
      }
    }
    Matcher m = DIAGNOSED_AGO.matcher(s);
    if (!m.find()) {
      return null;
    }
    if (m.group(5) != null) {
      return asOf.minusMonths(1);
    }
    if (m.group(3) != null) {
      return LocalDate.of(Integer.parseInt(m.group(3)), 7, 1);
    }
    if (m.group(4) != null) {
      return asOf.minusYears(count(m.group(4)));
    }
    return ago(count(m.group(1)), m.group(2), asOf);
  }

  private static int count(String n) {
    return switch (n.toLowerCase(Locale.ROOT)) {
      case "a", "an", "one" -> 1;
      case "two" -> 2;
      case "three", "several" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      default -> Integer.parseInt(n);
    };
  }

  private static LocalDate ago(int count, String unit, LocalDate asOf) {
    String u = unit.toLowerCase(Locale.ROOT);
    return u.startsWith("d") ? asOf.minusDays(count) : u.startsWith("w") ? asOf.minusWeeks(count)
        : u.startsWith("m") ? asOf.minusMonths(count) : asOf.minusYears(count);
  }

  private static String clauseBefore(String s, int at) {
    String before = s.substring(0, at);
    int cut = Math.max(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')), before.lastIndexOf(". "));
    int but = before.toLowerCase(Locale.ROOT).lastIndexOf(" but ");
    return before.substring(Math.max(0, Math.max(cut, but)));
  }

  /** One condition per concept: a present mention outweighs a past one, both outweigh an absent one. */
  private static List<Patient.Condition> merge(List<Patient.Condition> conditions) {
    Map<String, Patient.Condition> byCode = new LinkedHashMap<>();
    for (Patient.Condition c : conditions) {
      String key = c.codes().isEmpty() ? c.name().toLowerCase(Locale.ROOT) : c.codes().getFirst();
      Patient.Condition known = byCode.get(key);
      if (known == null || c.status().strength() > known.status().strength()) {
        byCode.put(key, c);
      }
    }
    return List.copyOf(byCode.values());
  }
}
