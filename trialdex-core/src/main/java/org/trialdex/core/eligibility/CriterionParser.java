package org.trialdex.core.eligibility;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.eligibility.Constraint.Span;
import org.trialdex.core.eligibility.Constraint.Window;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;

/**
 * Reads typed constraints out of eligibility criteria: age, sex, conditions (vocabulary concepts,
 * with negation and time), measurements and labs (comparator, value, UCUM unit, or a multiple of the
 * limit of normal), performance status, pregnancy and lactation, life expectancy, therapies (with
 * refractoriness, lines and windows), infections, and consent items (assumed). Each constraint keeps
 * the span of the item's text it was read from. What is not recognized is left out: an item with no
 * constraint is free text.
 *
 * <p>Rules, not a trained model: each reads one way registries write a kind of limit, checked on the
 * criteria of the shared records and measured on the LCT corpus ({@code docs/benchmarks.md}).
 */
public final class CriterionParser {

  private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?|\\.\\d+)";
  private static final String GE = "≥|>=|=>|≧|⩾|> ?or ?=|greater than or equal to|more than or equal to|equal to or greater than"
      + "|equal to or more than|at least|minimum(?: of)?|no less than|not less than|not lower than|no lower than|no fewer than|not fewer than|not below|min\\.?|more or equal(?: to)?|greater or equal(?: to)?";
  private static final String GT = ">|greater than|more than|higher than|above|over|exceeding|exceeds?|in excess of";
  private static final String LE = "≤|<=|=<|≦|⩽|< ?or ?=|less than or equal to|equal to or less than|up to|maximum(?: of)?"
      + "|no more than|not more than|not greater than|no greater than|not higher than|no higher than|not above|not exceeding|not to exceed|not exceed|max\\.?|less or equal(?: to)?|lower or equal(?: to)?";
  private static final String LT = "<|less than|lower than|below|under|fewer than";
  private static final Pattern COMPARATOR = Pattern.compile(
      "(?i)^[\\s:,(=]*(?:(?:is|are|be|was|were|of|must be|should be|value of|level of|levels?|count of|values?)\\s+)*(" + GE + ")|^[\\s:,(=]*(?:(?:is|are|be|of|must be)\\s+)*(" + LE
          + ")|^[\\s:,(=]*(?:(?:is|are|be|of|must be)\\s+)*(" + GT + ")|^[\\s:,(=]*(?:(?:is|are|be|of|must be)\\s+)*(" + LT + ")");
  private static final Pattern NUMBER = Pattern.compile("^\\s*" + NUM);
  private static final Pattern RANGE = Pattern.compile("(?i)^[\\s:,(=]*(?:(?:of|is|be|between|from|in the range(?: of)?|range)\\s*)*" + NUM
      + "\\s*(?:-|–|—|to|and)\\s*" + NUM);
  private static final Pattern ULN = Pattern.compile("(?i)^\\s*(?:x|×|\\*|times|fold|-fold)?\\s*(?:the\\s+)?(?:institutional\\s+|upper\\s+)?"
      + "(?:uln|u\\.l\\.n\\.?|upper limits? of (?:the )?normal(?: range| limit)?|upper (?:limit of )?normal(?: limit| range)?|upper normal limit"
      + "|(?:institutional )?normal upper limit|times normal|x normal|ul of normal|upper limit)(?:\\s+\\(uln\\))?");
  private static final Pattern LLN = Pattern.compile("(?i)^\\s*(?:x|×|\\*|times)?\\s*(?:the\\s+)?(?:institutional\\s+)?"
      + "(?:lln|lower limits? of (?:the )?normal(?: range)?|lower normal limit)");
  private static final Pattern BARE_ULN = Pattern.compile("(?i)^[\\s:,(=]*(?:(?:is|be|of)\\s+)*(?:" + LE + "|" + LT + ")\\s*(?:the\\s+)?"
      + "(?:institutional\\s+)?(?:uln|upper limits? of (?:the )?normal)");
  private static final Pattern NORMAL = Pattern.compile("(?i)^[\\s:,(]*(?:(?:is|are|be|must be|within)\\s+)*(?:within (?:the )?normal (?:limits|range)"
      + "|wnl|normal\\b)");
  private static final Pattern AFTER_NUMBER_COMPARATOR = Pattern.compile(
      "(?i)^\\s*(?:or|and)\\s+(?:(greater|more|higher|above|over)|(less|lower|below|fewer|under))\\b");

  private static final Pattern AGE_WORD = Pattern.compile("(?i)(?<![\\p{L}])(?:age[ds]?|years? old|yrs? old|y/?o|years? of age|yrs? of age)(?![\\p{L}])");
  private static final String YEARS = "(?:years?(?:[- ]old)?|yrs?|y\\b|yo\\b|y/o)";
  private static final String MONTHS = "(?:months?|mos?\\b)";
  private static final Pattern AGE_RANGE = Pattern.compile("(?i)(?:between\\s+|from\\s+)?" + NUM + "\\s*(" + YEARS + "|" + MONTHS
      + ")?\\s*(?:\\(\\s*inclusive\\s*\\)\\s*)?(?:-|–|—|~|to|and|an|through)\\s*" + NUM + "\\s*(" + YEARS + "|" + MONTHS + ")");
  private static final Pattern AGE_RANGE_AFTER_WORD = Pattern.compile("(?i)(?<![\\p{L}])age[ds]?\\s*(?:of|between|from|range|:|is|must be)?\\s*"
      + NUM + "\\s*(?:-|–|—|~|to|and|through)\\s*" + NUM + "(?!\\s*(?:%|mg|kg|cm))");
  private static final Pattern BARE_AGE_RANGE = Pattern.compile("(?i)^\\s*(?:between\\s+|from\\s+)?" + NUM + "\\s*(?:-|–|—|~|to|and|through)\\s*" + NUM + "(?!\\s*(?:%|mg|kg|cm|weeks|months|days))");
  private static final Pattern YEARS_NUMBER = Pattern.compile("(?i)\\d\\s*(?:years?|yrs?)(?![\\p{L}])");
  private static final Pattern GESTATIONAL = Pattern.compile("(?i)gestation|corrected age|post-?menstrual|hours? (?:of )?age");
  private static final Pattern AGE_LOWER = Pattern.compile("(?i)(?:(" + GE + ")|(" + GT + "))\\s*(?:the\\s+age\\s+of\\s+)?" + NUM + "\\s*(" + YEARS + "|" + MONTHS + ")?");
  private static final Pattern AGE_UPPER = Pattern.compile("(?i)(?:(" + LE + ")|(" + LT + "))\\s*(?:the\\s+age\\s+of\\s+)?" + NUM + "\\s*(" + YEARS + "|" + MONTHS + ")?");
  private static final Pattern AGE_OR_MORE = Pattern.compile("(?i)" + NUM + "\\s*(" + YEARS + "|" + MONTHS + ")?\\s*(?:of age|old|of age or)?\\s*(?:or|and|&)\\s*"
      + "(?:(older|over|above|greater|more|up|higher)|(younger|under|below|less|lower))(?!\\s+than)");
  private static final Pattern AGE_WORD_NUMBER = Pattern.compile("(?i)(?<![\\p{L}])age[ds]?\\s*(?:of|:|is|must be)?\\s*(?:(" + GE + ")|(" + GT + ")|(" + LE + ")|(" + LT + "))\\s*" + NUM
      + "|(?:(" + GE + ")|(" + GT + ")|(" + LE + ")|(" + LT + "))\\s*(?:the\\s+)?age\\s*(?:of\\s*)?" + NUM);

  private static final Pattern FEMALE = Pattern.compile("(?i)(?<![\\p{L}])(?:female|females|women|woman|girls?)(?![\\p{L}])");
  private static final Pattern MALE = Pattern.compile("(?i)(?<![\\p{L}])(?:male|males|men|man|boys?)(?![\\p{L}])");
  private static final Pattern SEX_ITEM = Pattern.compile("(?i)^\\s*(?:(?:sex|gender)\\s*:?\\s*)?(?:(?:only|healthy|adult|postmenopausal|post-menopausal|premenopausal|pre-menopausal|ambulatory|non-pregnant|nonpregnant)\\s+)*"
      + "(female|females|women|woman|girls|male|males|men|man|boys)(?![\\p{L}])(?!\\s+(?:of|with|who|and|or)\\s+(?:child|reproductive|fertil|partner|potential))");

  private static final Pattern ECOG = Pattern.compile("(?i)(?<![\\p{L}])(?:ecog|zubrod|who|gog|who/ecog|ecog/who|ecog-acrin|eastern cooperative oncology group)"
      + "(?:[\\s/-]*(?:performance|ps|p\\.s\\.|status|score|scale|grade|of|\\((?:ecog|ps|ecog ps|ecog-ps|who|eastern cooperative oncology group)\\)|:))*\\s*");
  private static final Pattern KARNOFSKY = Pattern.compile("(?i)(?<![\\p{L}])(karnofsky|kps|lansky|lps)(?:[\\s/-]*(?:performance|ps|status|score|scale|index|of|\\(kps\\)|\\(lps\\)|:))*\\s*");
  private static final Pattern GENERIC_PS = Pattern.compile("(?i)(?<![\\p{L}])(?:performance status|performance score|\\bps\\b)(?:\\s*(?:\\(ps\\)|of|:|score|grade))*\\s*");
  private static final Pattern DIGIT_LIST = Pattern.compile("^\\s*([0-5])\\s*(?:(?:-|–|~|～|to)\\s*([0-5])|((?:\\s*(?:,|or|and|/)\\s*[0-5])+))?(?![\\d%]|\\.\\d)");
  private static final Pattern LEAD_WORD = Pattern.compile("(?i)^\\s*(?:of|is|be|score|grade|:)\\s*");
  private static final Pattern PERCENT_RANGE = Pattern.compile("^\\s*(\\d{2,3})\\s*%?\\s*(?:-|–|to)\\s*(\\d{2,3})\\s*%?");
  private static final Pattern PERCENT = Pattern.compile("^\\s*(\\d{2,3})\\s*%?(?:\\s*(?:or|and)\\s+(?:(greater|more|higher|above|over)|(less|lower|below)))?");

  private static final Pattern LIFE = Pattern.compile("(?i)(?:life expectancy|expected survival|estimated survival|survival expectancy|expected to live|prognosis)"
      + "[^.;]{0,25}?");
  private static final Pattern DURATION = Pattern.compile("(?i)" + NUM + "\\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?)(?![\\p{L}])");

  private static final Pattern PREG_OR_LACT = Pattern.compile("(?i)(?<![\\p{L}])(?:pregnan(?:t|cy)|gestation)(?:\\s*(?:,|or|and|/|and/or)\\s*(?:currently\\s+|are\\s+)?(?:breast[- ]?feeding|breastfeeding|lactating|lactation|nursing(?! home)|planning))+");
  private static final Pattern PREGNANT = Pattern.compile("(?i)(?<![\\p{L}])(?:pregnan(?:t|cy)(?!\\s*(?:test|tests|testing|screen)))(?![\\p{L}])");
  private static final Pattern LACTATING = Pattern.compile("(?i)(?<![\\p{L}])(?:breast[- ]?feeding|breastfeeding|lactating|lactation|nursing(?!\\s+(?:home|facility|staff|care|infants?|bab(?:y|ies)|child(?:ren)?|students?)))(?![\\p{L}])");
  private static final Pattern PREG_TEST = Pattern.compile("(?i)(?:negative\\s+(?:(?:serum|urine|urinary|blood|β-?hcg|beta-?hcg|b-?hcg)\\s+)*(?:pregnancy|hcg|β-?hcg|beta-?hcg)(?:\\s+test)?"
      + "|pregnancy\\s+test[^.;]{0,40}?negative)");
  private static final Pattern CHILDBEARING = Pattern.compile("(?i)(?:women|woman|females?|patients?|participants?|subjects?|girls?)?\\s*(?:of|with)\\s+(?:child[- ]?bearing|reproductive|childbearing)\\s+(?:potential|age)|\\bwocbp\\b|\\bfcbp\\b");
  private static final Pattern MEN_OF_POTENTIAL = Pattern.compile("(?i)^\\s*(?:sexually active\\s+)?(?:male|men|males)\\b(?!\\s+(?:and|or)\\s+(?:fe)?m)");
  private static final Pattern BOTH_SEXES_POTENTIAL = Pattern.compile("(?i)(?:(?:men|males?) and (?:women|females?)|(?:women|females?) and (?:men|males?)|sexually active|fertile|patients?|participants?|subjects?)\\s+(?:\\w+\\s+){0,3}?(?:of (?:child[- ]?bearing|reproductive) potential|who are sexually active|with (?:child[- ]?bearing|reproductive) potential)|^\\s*(?:sexually active|fertile) (?:men|males|women|females|patients|participants|subjects)");
  private static final Pattern CONTRACEPTION = Pattern.compile("(?i)contracepti(?:on|ve)|birth control|barrier method|abstinen(?:ce|t)|intrauterine device");

  private static final Pattern HIV = Pattern.compile("(?i)(?<![\\p{L}])(?:hiv(?:-?[12])?|human immunodeficiency virus|aids|hiv/aids)(?![\\p{L}])");
  private static final Pattern HBV = Pattern.compile("(?i)(?<![\\p{L}])(?:hepatitis[- ]b(?:\\s*(?:virus|infection|surface antigen|core antibod(?:y|ies)|sag))?|hbv|hbsag|hbs ag|hbs-ag|hbcab|anti-hbc|hepatitis b/c|hep b)(?![\\p{L}])");
  private static final Pattern HCV = Pattern.compile("(?i)(?<![\\p{L}])(?:hepatitis[- ]c(?:\\s*(?:virus|infection|antibod(?:y|ies)))?|hcv|anti-hcv|hep c|hepatitis (?:b|a) (?:or|and|and/or|,|/) c|hepatitis b/c|hepatitis b, c)(?![\\p{L}])");
  private static final Pattern TB = Pattern.compile("(?i)(?<![\\p{L}])(?:tuberculosis|tb|ltbi|latent tb|quantiferon|mycobacterium tuberculosis|ppd|mantoux|interferon[- ]gamma release assay|igra)(?![\\p{L}])");

  private static final Pattern ASSUMED = Pattern.compile("(?i)informed consent|consent form|(?:sign|give|provide|obtain)(?:ed|s|ing)? (?:written )?(?:the )?(?:informed )?consent|\\bconsent\\b|\\bassent\\b"
      + "|willing(?:ness)?(?: and able)? to|able and willing|able to (?:comply|understand|follow|attend|complete|read|give|provide|sign|adhere|return|participate)"
      + "|comply with|compliance with|\\bcompliant\\b|adhere to|adherence to|follow-?up (?:visits|schedule|procedures)|available for (?:follow-?up|the duration)"
      + "|agree(?:s|d)? to|understand(?:s)? and (?:sign|voluntarily)|geographic(?:al)?(?:ly)? (?:proximity|accessible)|live within|reside within|\\bcooperat(?:e|ive)\\b(?!\\s+oncology)");
  private static final Pattern REFUSAL = Pattern.compile("(?i)unable|unwilling|not willing|not able|inability|incapable|refus|cannot|can ?not|lack of|failure to|not (?:be )?available|unlikely to");

  private static final Pattern REFRACTORY = Pattern.compile("(?i)refractory|resistant|resistance|failed|failure of|failing|intoleran(?:t|ce)|inadequate(?:ly)? respon|unresponsive"
      + "|non-?responsive|non-?response|no response|not respond(?:ed|ing)?|lack of response|loss of response|relapsed (?:after|on|following)|progressed (?:on|after|following|despite|during)"
      + "|progression (?:on|after|following|during)|dependen(?:t|ce)|insufficient response|suboptimal response");
  private static final Pattern LINES = Pattern.compile("(?i)(?:(?:at least|≥|>=|a minimum of|minimum of|more than|>)\\s*)(\\d|one|two|three|four|five)\\s*(?:or more\\s+)?"
      + "(?:prior\\s+|previous\\s+|standard\\s+|systemic\\s+|(?:therapy|treatment|chemotherapy)\\s+(?=lines?))*"
      + "(?:lines?|regimens?|courses?|treatments?|therapies|cycles?)|(\\d|one|two|three|four)\\s*(?:or more|\\+)\\s*(?:prior\\s+|previous\\s+)*(?:lines?|regimens?)|(second|third|fourth)[- ]line"
      + "|(\\d|one|two|three|four|five)\\s+(?:prior\\s+|previous\\s+)?lines?\\s+of\\s+(?:systemic\\s+)?(?:therapy|therapies|treatments?|chemotherapy)");
  private static final Pattern WITHIN = Pattern.compile("(?i)(?:within|in|during|for)\\s+(?:the\\s+)?(?:last|past|previous|prior|preceding)?\\s*" + NUM
      + "\\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?)(?![\\p{L}])|(?:within|in|during)\\s+(?:the\\s+)?(?:last|past|previous|prior|preceding)\\s+(day|week|month|year)(?![\\p{L}])"
      + "|" + NUM + "\\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\\s+(?:prior to|before|preceding)");
  /** A condition's duration: "duration of disease less than 12 months", "diagnosis of PD between 4 to 7 years", "stroke history of more than 3 months". */
  private static final Pattern DURATION_LIMIT = Pattern.compile("(?i)(?:duration|history|diagnos\\w*|period|onset|disease for|since diagnosis|present for|lasting)[^.;]{0,45}?"
      + "(?:(?:between|from)\\s+" + NUM + "\\s*(?:-|–|to|and)\\s*" + NUM + "\\s*(days?|weeks?|months?|years?)"
      + "|(?:(less than|<|≤|<=|at most|no more than|not more than|up to|within|under|shorter than)|(more than|>|≥|>=|at least|over|longer than|greater than))\\s*"
      + NUM + "\\s*(days?|weeks?|months?|years?))");
  private static final Pattern DURATION_LIMIT_MORE = Pattern.compile("(?i)^[\\s,]*(?:and|but|,)?\\s*(?:(less than|<|≤|at most|no more than|up to|under)|(?:more than|>|≥|at least|over))\\s*"
      + NUM + "\\s*(days?|weeks?|months?|years?)");
  private static final Pattern AT_LEAST_SINCE = Pattern.compile("(?i)(?:at least|≥|>=|more than|>|minimum of|a minimum of)\\s*" + NUM
      + "\\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\\s+(?:must have )?(?:since|from|after|elapsed|passed|between|have elapsed|washout|wash-out|off|previously|ago|before|prior)");
  private static final Pattern CURRENT = Pattern.compile("(?i)(?<![\\p{L}])(?:current(?:ly)?|concurrent(?:ly)?|concomitant(?:ly)?|ongoing|active|uncontrolled|receiving|require(?:s|d)?|requiring|on (?:stable|chronic|systemic)|taking|in use|daily|regular(?:ly)?|chronic use)(?![\\p{L}])");
  private static final Pattern HISTORY = Pattern.compile("(?i)(?<![\\p{L}])(?:history of|prior|previous(?:ly)?|past|had|ever|known)(?![\\p{L}])");
  private static final Pattern THERAPY_CUE = Pattern.compile("(?i)(?<![\\p{L}])(?:prior|previous(?:ly)?|received|receiving|receipt|treated|treatment|therapy|therapies|taking|take|use|used|using|exposure|exposed|administration|administered|resistance|refractoriness"
      + "|current(?:ly)?|concurrent|concomitant|on|naive|naïve|refractory|resistant|failed|failure|dose|doses|course|courses|regimen|infusion|injection|vaccin\\w*|transplant\\w*|undergone|underwent)(?![\\p{L}])");
  private static final Pattern ALLERGY = Pattern.compile("(?i)(?:allerg\\w*|hypersensitiv\\w*|intoleran\\w*|contraindicat\\w*|anaphyla\\w*|sensitivity)\\s*(?:reaction\\s*)?(?:to|of|against)?\\s*(?:\\w+\\s+){0,3}$");
  private static final Pattern NAIVE_AFTER = Pattern.compile("(?i)^[\\s-]*(?:na[iï]ve|free)");

  /** Concepts too general to be a criterion's condition ("disease", "disorder"). */
  private static final Set<String> TOO_GENERAL = Set.of("disease", "diseases", "disorder", "disorders", "condition", "conditions",
      "syndrome", "syndromes", "illness", "illnesses", "sickness", "problem", "abnormality", "abnormalities", "complication", "complications",
      "pathologic process", "lesion", "lesions", "injury", "injuries", "finding", "symptom", "symptoms", "sign", "signs", "medical history",
      "history", "event", "events", "adverse event", "toxicity", "toxicities", "pain", "death", "recurrence", "relapse", "remission",
      "progression", "response", "severe", "chronic", "acute", "control", "patient", "patients", "primary",
      "secondary", "stage", "grade", "status", "function", "normal", "positive", "negative", "pregnancy", "lactation", "age", "ages",
      "body weight", "weight", "stable", "female", "females", "male", "males", "women", "woman", "men", "man", "human", "humans",
      "person", "persons", "people", "adult", "adults", "child", "children", "volunteer", "volunteers", "healthy", "smoker", "smokers",
      "risk", "risk factor", "risk factors", "diagnosis", "ability", "consent", "test", "evidence");

  private final Vocabulary vocabulary;
  private final Analytes analytes;
  private volatile String fingerprint;

  /** A parser that names conditions and drugs through {@code vocabulary}. */
  public CriterionParser(Vocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.analytes = Analytes.standard();
  }

  /**
   * Identifies this parser's output: changes with its code, the analyte table and its vocabulary
   * ({@link ParsedCriteriaCodec#fingerprint(Vocabulary)}), so that a cache of parses kept under it never
   * serves what another parser made.
   */
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = ParsedCriteriaCodec.fingerprint(vocabulary);
      fingerprint = f;
    }
    return f;
  }

  /** Splits {@code criteriaText} into items and parses each. */
  public List<ParsedCriterion> parseAll(String criteriaText) {
    return CriteriaSplitter.split(criteriaText).stream().map(this::parse).toList();
  }

  /** The constraints of one item. */
  public ParsedCriterion parse(Criterion criterion) {
    String text = criterion.text();
    if (text.strip().endsWith(":")) {
      // A header of the items below it ("Age 65-70 years:", "Any of the following:"): their context, not a criterion.
      return new ParsedCriterion(criterion, List.of(), ParsedCriterion.AppliesTo.EVERYONE, false);
    }
    String lead = String.join(" ", criterion.context()).toLowerCase(Locale.ROOT);
    BitSet taken = new BitSet(text.length());
    List<Constraint> out = new ArrayList<>();
    Timed window = window(text);

    readAge(text, lead, taken, out);
    readPerformance(text, lead, taken, out);
    readLifeExpectancy(text, taken, out);
    readMeasurements(text, taken, out);
    readReproductive(text, taken, out);
    readInfections(text, taken, out);
    readAssumed(text, taken, out);
    readTherapies(text, lead, taken, window, out);
    readConditions(text, taken, window, out);
    readSex(text, criterion.section() == Criterion.Section.EXCLUSION, out);
    if (criterion.section() == Criterion.Section.INCLUSION && NOT_ELIGIBLE.matcher(text).find() && !text.matches("(?is).*\\b(?:unless|except)\\b.*")) {
      // "Patients with ... infectious diseases are not eligible": an exclusion written among the inclusions
      out.replaceAll(CriterionParser::turned);
    }

    out.sort(Comparator.comparingInt((Constraint c) -> c.span().start()).thenComparingInt(c -> c.span().end()));
    ParsedCriterion.AppliesTo appliesTo = appliesTo(text, lead);
    // "No serious infection or acute hemorrhage": the shared "no" makes the "or" a "nor", and both must hold
    boolean allNegated = out.size() > 1 && out.stream().allMatch(CriterionParser::negatedStatement);
    boolean anyOf = criterion.section() == Criterion.Section.EXCLUSION || joinedByOr(text, out) && !allNegated;
    return new ParsedCriterion(criterion, out, appliesTo, anyOf);
  }

  private static final Pattern NOT_ELIGIBLE = Pattern.compile("(?i)\\b(?:are|is|will be|shall be)\\s+(?:not eligible|ineligible|excluded|not allowed|not permitted)\\b"
      + "|\\b(?:can ?not|may not|must not|should not|will not)\\s+(?:participate|be (?:included|enrolled|eligible))\\b");

  private static boolean negatedStatement(Constraint c) {
    return switch (c) {
      case Constraint.HasCondition h -> h.negated();
      case Constraint.Therapy t -> t.negated();
      case Constraint.Infection i -> i.negated();
      case Constraint.Reproductive r -> r.negated();
      default -> false;
    };
  }

  /** The statement turned round, for the kinds that can be; others as they are. */
  private static Constraint turned(Constraint c) {
    return switch (c) {
      case Constraint.HasCondition h -> new Constraint.HasCondition(h.span(), h.mention(), h.conceptIds(), !h.negated(), h.window(), h.qualified());
      case Constraint.Therapy t -> new Constraint.Therapy(t.span(), t.mention(), t.therapy(), t.conceptIds(), !t.negated(), t.refractory(), t.minLines(), t.window());
      case Constraint.Infection i -> new Constraint.Infection(i.span(), i.agent(), !i.negated());
      case Constraint.Reproductive r -> new Constraint.Reproductive(r.span(), r.what(), !r.negated());
      default -> c;
    };
  }

  // ---- age and sex

  private void readAge(String text, String lead, BitSet taken, List<Constraint> out) {
    boolean ageItem = AGE_WORD.matcher(text).find() || lead.contains("age") || YEARS_NUMBER.matcher(text).find();
    if (!ageItem || GESTATIONAL.matcher(text).find() || LIFE.matcher(text).find() && !AGE_WORD.matcher(text).find()) {
      return; // "reduces life expectancy to less than 2 years" is no age
    }
    if (text.matches("(?is)^\\W*(?:any age|all ages|no age (?:limit|restriction)s?|not specified)\\W*$") && lead.contains("age")
        || text.matches("(?is)^\\W*(?:any age|all ages)\\W*$")) {
      add(out, taken, new Constraint.Age(new Span(0, text.length()), null, true, null, true));
      return;
    }
    if (lead.contains("age")) {
      Matcher bare = BARE_AGE_RANGE.matcher(text);
      if (bare.lookingAt()) {
        double lo = number(bare.group(1));
        double hi = number(bare.group(2));
        if (plausibleAge(lo) && plausibleAge(hi) && lo < hi) {
          add(out, taken, new Constraint.Age(new Span(bare.start(), bare.end()), lo, true, hi, true));
          return;
        }
      }
    }
    Matcher m = AGE_RANGE_AFTER_WORD.matcher(text);
    if (m.find()) {
      double lo = number(m.group(1));
      double hi = number(m.group(2));
      if (plausibleAge(lo) && plausibleAge(hi) && lo < hi) {
        add(out, taken, new Constraint.Age(new Span(m.start(), m.end()), lo, true, hi, true));
        return;
      }
    }
    m = AGE_RANGE.matcher(text);
    while (m.find()) {
      double lo = years(number(m.group(1)), m.group(2) != null ? m.group(2) : m.group(4));
      double hi = years(number(m.group(3)), m.group(4));
      if (plausibleAge(lo) && plausibleAge(hi) && lo < hi && !timeContext(text, m.start())) {
        add(out, taken, new Constraint.Age(new Span(m.start(), m.end()), lo, true, hi, true));
        return;
      }
    }
    Double min = null;
    Double max = null;
    boolean minIncl = true;
    boolean maxIncl = true;
    Span span = null;
    m = AGE_WORD_NUMBER.matcher(text);
    while (m.find()) {
      int g = m.group(5) != null ? 0 : 5;
      double v = number(m.group(5 + g));
      if (!plausibleAge(v)) {
        continue;
      }
      Span s = new Span(m.start(), m.end());
      span = span == null ? s : span.union(s);
      if (m.group(1 + g) != null || m.group(2 + g) != null) {
        min = v;
        minIncl = m.group(1 + g) != null;
      } else {
        max = v;
        maxIncl = m.group(3 + g) != null;
      }
    }
    m = AGE_OR_MORE.matcher(text);
    while (m.find()) {
      double v = years(number(m.group(1)), m.group(2));
      if (!plausibleAge(v) || timeContext(text, m.start()) || (m.group(2) == null && !AGE_WORD.matcher(text).find() && !lead.contains("age"))) {
        continue;
      }
      Span s = new Span(m.start(), m.end());
      span = span == null ? s : span.union(s);
      if (m.group(3) != null) {
        min = v;
        minIncl = true;
      } else {
        max = v;
        maxIncl = true;
      }
    }
    if (min == null) {
      m = AGE_LOWER.matcher(text);
      while (m.find()) {
        if (ageContext(text, lead, m) && !timeContext(text, m.start())) {
          double v = years(number(m.group(3)), m.group(4));
          if (plausibleAge(v) && !ageOfOnset(text, m.start())) {
            min = v;
            minIncl = m.group(1) != null;
            Span s = new Span(m.start(), m.end());
            span = span == null ? s : span.union(s);
            break;
          }
        }
      }
    }
    if (max == null) {
      m = AGE_UPPER.matcher(text);
      while (m.find()) {
        if (ageContext(text, lead, m) && !timeContext(text, m.start())) {
          double v = years(number(m.group(3)), m.group(4));
          if (plausibleAge(v) && !ageOfOnset(text, m.start()) && (min == null || v > min)) {
            max = v;
            maxIncl = m.group(1) != null;
            Span s = new Span(m.start(), m.end());
            span = span == null ? s : span.union(s);
            break;
          }
        }
      }
    }
    if (span != null && (min != null || max != null)) {
      add(out, taken, new Constraint.Age(span, min, minIncl, max, maxIncl));
    }
  }

  /**
   * Whether a bound ("over 18 years", "≤ 75") is an age: under an "Age:" lead-in, at the head of the
   * item, or with "of age", "old" or "age" right beside it; not "up to 3 years" in a sentence about
   * something else.
   */
  private static boolean ageContext(String text, String lead, Matcher m) {
    if (lead.contains("age")) {
      return true;
    }
    String after = text.substring(m.end(), Math.min(text.length(), m.end() + 14)).toLowerCase(Locale.ROOT);
    String before = text.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.ROOT);
    boolean unit = m.group(4) != null;
    return unit && !after.matches("(?s)\\s*(?:ago|since|after|before|prior|of (?:treatment|therapy|follow|disease|diagnosis|smoking|education|experience)|duration|from|in duration).*")
        && !before.matches("(?s).*\\b(?:for|since|within|during|duration|lasting|history)\\b[^,;]*$")
        || before.matches("(?s).*\\bage[ds]?\\s*(?:of|:|is|must be|between)?\\s*$") || after.matches("(?s)\\s*(?:years?|yrs?)?\\s*(?:of age|old).*");
  }

  private static boolean nearAgeWord(String text, int start, int end) {
    int from = Math.max(0, start - 30);
    int to = Math.min(text.length(), end + 30);
    return AGE_WORD.matcher(text.substring(from, to)).find();
  }

  /** "diagnosed before age 40", "onset after age 50": an age, but not the patient's present age. */
  private static boolean ageOfOnset(String text, int at) {
    String before = text.substring(Math.max(0, at - 40), at).toLowerCase(Locale.ROOT);
    return before.matches(".*\\b(?:onset|diagnos\\w*|developed|began|started|menopause|since)\\b.*");
  }

  /** "within 2 to 5 years", "for 1-3 years": a duration, not an age. */
  private static boolean timeContext(String text, int at) {
    String before = text.substring(Math.max(0, at - 25), at).toLowerCase(Locale.ROOT);
    return before.matches(".*\\b(?:within|for|past|last|previous|prior|since|duration|during|after|ago|history of|at least|disease|diagnosis|treated|smok\\w*|pack)\\s*(?:the\\s+)?(?:last\\s+|past\\s+)?$");
  }

  private static boolean plausibleAge(double v) {
    return v >= 0 && v <= 120;
  }

  private static double years(double v, String unit) {
    return unit != null && unit.toLowerCase(Locale.ROOT).startsWith("mo") ? v / 12.0 : v;
  }

  private static void readSex(String text, boolean exclusion, List<Constraint> out) {
    Matcher m = SEX_ITEM.matcher(text);
    boolean atHead = m.find();
    if (!atHead) {
      if (exclusion) {
        return;
      }
      // In an inclusion item the sex may stand anywhere: "Subject is an ambulatory female at least 18 years of age".
      m = SEX_ANYWHERE.matcher(text);
      if (!m.find()) {
        return;
      }
    }
    if (exclusion && !out.isEmpty()) {
      return; // "Female patients who are pregnant": in an exclusion the sex qualifies the rest, it is not a reason of its own
    }
    boolean female = FEMALE.matcher(m.group(1)).matches();
    boolean otherSex = female ? MALE.matcher(text).find() : FEMALE.matcher(text).find();
    if (otherSex || CHILDBEARING.matcher(text).find() || PREGNANT.matcher(text).find() || LACTATING.matcher(text).find()
        || text.substring(m.end(1)).matches("(?is)\\s*(?:partners?|spouses?|sexual partners?|children|offspring|relatives?)\\b.*")
        || text.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:transgender|partner|couples?|for (?:wo)?men|in the case of)\\b.*")) {
      return;
    }
    out.add(new Constraint.SexIs(new Span(m.start(1), m.end(1)), female ? Patient.Sex.FEMALE : Patient.Sex.MALE));
  }

  private static final Pattern SEX_ANYWHERE = Pattern.compile("(?i)(?<![\\p{L}-])(female|females|women|woman|girls|male|males|men|boys)(?![\\p{L}])");

  // ---- performance status and life expectancy

  private void readPerformance(String text, String lead, BitSet taken, List<Constraint> out) {
    Matcher k = KARNOFSKY.matcher(text);
    List<int[]> waiting = new ArrayList<>(); // "Karnofsky or Lansky score < 70": both scales share the limit
    List<PerformanceScale> waitingScales = new ArrayList<>();
    while (k.find()) {
      PerformanceScale scale = k.group(1).toLowerCase(Locale.ROOT).startsWith("l") ? PerformanceScale.LANSKY : PerformanceScale.KARNOFSKY;
      String rest = text.substring(k.end());
      int[] range = percentRange(rest);
      if (range != null) {
        for (int i = 0; i < waiting.size(); i++) {
          add(out, taken, new Constraint.Performance(new Span(waiting.get(i)[0], waiting.get(i)[1]), waitingScales.get(i), range[0], range[1]));
        }
        add(out, taken, new Constraint.Performance(new Span(k.start(), k.end() + range[2]), scale, range[0], range[1]));
        waiting.clear();
        waitingScales.clear();
      } else if (rest.matches("(?is)^\\s*(?:or|and|/|and/or)\\s*(?:karnofsky|kps|lansky|lps).*") && scale != waitingScales.stream().findFirst().orElse(null)) {
        waiting.add(new int[] {k.start(), k.end()});
        waitingScales.add(scale);
      }
    }
    Matcher e = ECOG.matcher(text);
    boolean found = false;
    while (e.find()) {
      String word = text.substring(e.start(), Math.min(text.length(), e.start() + 3)).toLowerCase(Locale.ROOT);
      if (word.startsWith("who") && !text.substring(e.start()).toLowerCase(Locale.ROOT).matches("(?s)who\\s*(?:/ecog\\s*)?(?:performance|ps|p\\.s\\.).*")) {
        continue; // "who" the pronoun
      }
      int[] range = digitRange(text.substring(e.end()));
      if (range != null && !taken.get(e.start())) {
        add(out, taken, new Constraint.Performance(new Span(e.start(), e.end() + range[2]), PerformanceScale.ECOG, range[0], range[1]));
        found = true;
      }
    }
    if (!found && out.stream().noneMatch(c -> c instanceof Constraint.Performance)) {
      Matcher g = GENERIC_PS.matcher(text);
      int from = -1;
      if (g.find()) {
        from = g.end();
      } else if (lead.contains("performance status")) {
        from = 0;
      }
      if (from >= 0) {
        String rest = text.substring(from);
        int[] range = digitRange(rest);
        int start = from == 0 ? 0 : g.start();
        if (range != null) {
          add(out, taken, new Constraint.Performance(new Span(start, from + range[2]), PerformanceScale.ECOG, range[0], range[1]));
        } else if ((range = percentRange(rest)) != null && range[0] >= 10) {
          add(out, taken, new Constraint.Performance(new Span(start, from + range[2]), PerformanceScale.KARNOFSKY, range[0], range[1]));
        }
      }
    }
  }

  /** {min, max, length consumed} of an ECOG grade spec ("0-2", "0, 1 or 2", "≤ 2", "of 0 or 1"). */
  private static int[] digitRange(String rest) {
    Matcher c = COMPARATOR.matcher(rest);
    if (c.lookingAt()) {
      Matcher n = Pattern.compile("^\\s*([0-5])(?![\\d%]|\\.\\d)").matcher(rest.substring(c.end()));
      if (n.lookingAt()) {
        int v = Integer.parseInt(n.group(1));
        int len = c.end() + n.end();
        if (c.group(1) != null) {
          return new int[] {v, 5, len};
        }
        if (c.group(2) != null) {
          return new int[] {0, v, len};
        }
        if (c.group(3) != null) {
          return new int[] {Math.min(5, v + 1), 5, len};
        }
        return new int[] {0, Math.max(0, v - 1), len};
      }
      return null;
    }
    Matcher lead = LEAD_WORD.matcher(rest);
    String blanked = lead.lookingAt() ? " ".repeat(lead.end()) + rest.substring(lead.end()) : rest;
    Matcher d = DIGIT_LIST.matcher(blanked);
    if (!d.lookingAt()) {
      return null;
    }
    int a = Integer.parseInt(d.group(1));
    int b = a;
    if (d.group(2) != null) {
      b = Integer.parseInt(d.group(2));
    } else if (d.group(3) != null) {
      for (String part : d.group(3).split("[^0-5]+")) {
        if (!part.isEmpty()) {
          b = Math.max(b, Integer.parseInt(part));
        }
      }
    } else {
      String after = rest.substring(d.end()).toLowerCase(Locale.ROOT);
      if (after.matches("(?s)\\s*(?:or (?:less|lower|better|below)|or under).*")) {
        return new int[] {0, a, d.end() + after.indexOf('r') + 6};
      }
      if (after.matches("(?s)\\s*(?:or (?:more|higher|greater|worse|above)).*")) {
        return new int[] {a, 5, d.end()};
      }
    }
    return new int[] {Math.min(a, b), Math.max(a, b), d.end()};
  }

  /** {min, max, length consumed} of a Karnofsky or Lansky spec ("≥ 70%", "60-100", "of at least 70"). */
  private static int[] percentRange(String rest) {
    Matcher c = COMPARATOR.matcher(rest);
    int offset = 0;
    Boolean lower = null;
    boolean strict = false;
    if (c.lookingAt()) {
      lower = c.group(1) != null || c.group(3) != null;
      strict = c.group(3) != null || c.group(4) != null;
      offset = c.end();
    } else {
      Matcher of = Pattern.compile("(?i)^\\s*(?:of|is|score|:)\\s*").matcher(rest);
      if (of.lookingAt()) {
        offset = of.end();
      }
    }
    String tail = rest.substring(offset);
    Matcher r = PERCENT_RANGE.matcher(tail);
    if (lower == null && r.lookingAt()) {
      int a = Integer.parseInt(r.group(1));
      int b = Integer.parseInt(r.group(2));
      if (a <= 100 && b <= 100) {
        return new int[] {Math.min(a, b), Math.max(a, b), offset + r.end()};
      }
    }
    Matcher p = PERCENT.matcher(tail);
    if (p.lookingAt()) {
      int v = Integer.parseInt(p.group(1));
      if (v > 100) {
        return null;
      }
      if (lower == null) {
        lower = p.group(3) == null; // "70 or less" is an upper limit; a bare "70" in an inclusion reads as a minimum
      }
      if (lower) {
        return new int[] {strict ? v + 10 : v, 100, offset + p.end()};
      }
      return new int[] {0, strict ? v - 10 : v, offset + p.end()};
    }
    return null;
  }

  private void readLifeExpectancy(String text, BitSet taken, List<Constraint> out) {
    Matcher m = LIFE.matcher(text);
    if (!m.find()) {
      return;
    }
    String rest = text.substring(m.end());
    Matcher c = COMPARATOR.matcher(rest);
    Constraint.Comparator cmp = Constraint.Comparator.GE;
    int at = 0;
    if (c.lookingAt()) {
      cmp = comparator(c);
      at = c.end();
    }
    Matcher d = DURATION.matcher(rest.substring(at));
    if (d.lookingAt() || (d.find() && d.start() < 25)) {
      if (cmp == Constraint.Comparator.GE && rest.substring(at, at + d.start()).matches("(?is).*\\b(?:within|shorter than|under)\\b.*")) {
        cmp = Constraint.Comparator.LE; // "expected survival period within 3 months"
      }
      double weeks = days(number(d.group(1)), d.group(2)) / 7.0;
      String after = rest.substring(at + d.end()).toLowerCase(Locale.ROOT);
      if (after.matches("(?s)\\s*(?:or (?:more|longer|greater)).*")) {
        cmp = Constraint.Comparator.GE;
      } else if (after.matches("(?s)\\s*or less.*")) {
        cmp = Constraint.Comparator.LE;
      }
      add(out, taken, new Constraint.LifeExpectancy(new Span(m.start(), m.end() + at + d.end()), cmp, weeks));
    }
  }

  // ---- measurements

  private void readMeasurements(String text, BitSet taken, List<Constraint> out) {
    Matcher names = analytes.matcher(text);
    List<int[]> pending = new ArrayList<>(); // analytes named in a list before one limit: "AST and ALT ≤ 2.5 × ULN"
    List<Analytes.Analyte> pendingAnalytes = new ArrayList<>();
    while (names.find()) {
      if (taken.get(names.start())) {
        continue;
      }
      Analytes.Analyte analyte = analytes.named(names.group()).orElse(null);
      if (analyte == null || pendingAnalytes.contains(analyte)) {
        continue; // "Aspartate aminotransferase (AST) and ...": the abbreviation names the analyte already waiting for its limit
      }
      pending.add(new int[] {names.start(), names.end()});
      pendingAnalytes.add(analyte);
      String rest = text.substring(names.end());
      String rest2 = skipQualifiers(rest);
      int skipped = rest.length() - rest2.length();
      Limit limit = limit(rest2, analyte);
      if (limit == null) {
        if (!rest2.matches("(?is)^\\s*(?:,|and|or|/|&|and/or)\\s*.*")) {
          pending.clear();
          pendingAnalytes.clear();
        }
        continue;
      }
      int end = names.end() + skipped + limit.length();
      for (int i = 0; i < pending.size(); i++) {
        Span span = new Span(pending.get(i)[0], end);
        Analytes.Analyte a = pendingAnalytes.get(i);
        if (a.unit().equals(analyte.unit()) || limit.reference() != Constraint.Reference.ABSOLUTE) {
          add(out, taken, new Constraint.Measurement(span, a, limit.comparator(), limit.value(), limit.upper(), limit.unit(), limit.reference()));
        }
      }
      taken.set(names.start(), Math.min(text.length(), end));
      pending.clear();
      pendingAnalytes.clear();
    }
  }

  /** Words between an analyte's name and its limit: "(ALT)", "level", "of the patient", ", serum". */
  private static String skipQualifiers(String rest) {
    return rest.replaceFirst("(?i)^(?:\\s*(?:\\([^)]{1,25}\\)|levels?|values?|counts?|concentrations?|results?|ratio|serum|plasma|blood|total|absolute|fasting"
        + "|measured|calculated|estimated|rate|by cockcroft[- ]gault(?: formula)?|\\(cockcroft[- ]gault\\)|according to [\\w -]{1,30}?(?=\\s*(?:[<>≤≥=]|of|must))|using [\\w -]{1,30}?(?=\\s*(?:[<>≤≥=]|of|must))|at screening|at baseline|should be|must be|:|-(?!\\s*\\d)))+", "");
  }

  /** A limit read right after an analyte. */
  private record Limit(Constraint.Comparator comparator, double value, double upper, String unit,
      Constraint.Reference reference, int length) {}

  private Limit limit(String rest, Analytes.Analyte analyte) {
    Matcher bare = BARE_ULN.matcher(rest);
    if (bare.lookingAt()) {
      boolean strict = bare.group().matches("(?is).*(?:<|less than|lower than|below|under|fewer than)(?!\\s*or).*") && !bare.group().matches("(?is).*(?:≤|<=|=<|or equal).*");
      return new Limit(strict ? Constraint.Comparator.LT : Constraint.Comparator.LE, 1, Double.NaN, "", Constraint.Reference.ULN, bare.end());
    }
    Matcher normal = NORMAL.matcher(rest);
    if (normal.lookingAt()) {
      return new Limit(Constraint.Comparator.BETWEEN, 1, 1, "", Constraint.Reference.NORMAL, normal.end());
    }
    Matcher range = RANGE.matcher(rest);
    if (range.lookingAt() && !rest.substring(0, range.end()).matches("(?is).*(?:" + GE + "|" + LE + "|" + GT + "|" + LT + ").*")) {
      double lo = number(range.group(1));
      double hi = number(range.group(2));
      Unit unit = unit(rest.substring(range.end()), analyte, hi);
      if (unit != null && lo < hi) {
        return new Limit(Constraint.Comparator.BETWEEN, lo, hi, unit.ucum(), Constraint.Reference.ABSOLUTE, range.end() + unit.length());
      }
    }
    Matcher c = COMPARATOR.matcher(rest);
    Constraint.Comparator cmp = null;
    int at = 0;
    if (c.lookingAt()) {
      cmp = comparator(c);
      at = c.end();
    }
    Matcher n = NUMBER.matcher(rest.substring(at));
    if (!n.lookingAt()) {
      // "more than twice the upper limit of normal", "three times the ULN"
      Matcher word = WORD_MULTIPLE.matcher(rest.substring(at));
      if (cmp != null && word.lookingAt()) {
        Matcher uln = ULN.matcher(rest.substring(at + word.end()));
        if (uln.lookingAt()) {
          double times = switch (word.group(1).toLowerCase(Locale.ROOT)) {
            case "twice", "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            default -> 5;
          };
          return new Limit(cmp, times, Double.NaN, "", Constraint.Reference.ULN, at + word.end() + uln.end());
        }
      }
      return null;
    }
    double value = number(n.group(1));
    int afterNumber = at + n.end();
    String tail = rest.substring(afterNumber);
    Matcher uln = ULN.matcher(tail);
    if (uln.lookingAt()) {
      int len = afterNumber + uln.end();
      cmp = cmp == null ? trailing(rest.substring(len), Constraint.Comparator.LE) : cmp;
      return cmp == null ? null : new Limit(cmp, value, Double.NaN, "", Constraint.Reference.ULN, len + trailingLength(rest.substring(len)));
    }
    Matcher lln = LLN.matcher(tail);
    if (lln.lookingAt()) {
      int len = afterNumber + lln.end();
      cmp = cmp == null ? trailing(rest.substring(len), Constraint.Comparator.GE) : cmp;
      return cmp == null ? null : new Limit(cmp, value, Double.NaN, "", Constraint.Reference.LLN, len + trailingLength(rest.substring(len)));
    }
    Unit unit = unit(tail, analyte, value);
    if (unit == null) {
      return null;
    }
    int len = afterNumber + unit.length();
    if (cmp == null) {
      cmp = trailing(rest.substring(len), null);
      if (cmp == null) {
        return null;
      }
    }
    return new Limit(cmp, unit.scale() * value, Double.NaN, unit.ucum(), Constraint.Reference.ABSOLUTE, len + trailingLength(rest.substring(len)));
  }

  private static final Pattern WORD_MULTIPLE = Pattern.compile("(?i)^\\s*(twice|two|three|four|five)\\b");

  /** "1.5 mg/dL or less": a comparator after the value. */
  private static Constraint.Comparator trailing(String after, Constraint.Comparator otherwise) {
    Matcher m = AFTER_NUMBER_COMPARATOR.matcher(after);
    if (m.lookingAt()) {
      return m.group(1) != null ? Constraint.Comparator.GE : Constraint.Comparator.LE;
    }
    return otherwise;
  }

  private static int trailingLength(String after) {
    Matcher m = AFTER_NUMBER_COMPARATOR.matcher(after);
    return m.lookingAt() ? m.end() : 0;
  }

  /**
   * The unit after a value: written, or the analyte's own when none is written and the value is on
   * its scale (a count over 1000 is per µL; a creatinine over 20 is µmol/L).
   */
  private record Unit(String ucum, double scale, int length) {}

  private static Unit unit(String tail, Analytes.Analyte analyte, double value) {
    Matcher u = Units.WRITTEN_UNIT.matcher(tail);
    if (u.lookingAt()) {
      Optional<String> code = Units.ucum(u.group());
      if (code.isPresent()) {
        return new Unit(code.get(), 1, u.end());
      }
    }
    if (tail.matches("(?s)^\\s*(?:x|×)\\s*(?:the\\s+)?(?:normal|uln).*")) {
      return null;
    }
    String own = analyte.unit();
    if (own.equals("10*3/uL") && value >= 1000) {
      return new Unit("/uL", 1, 0);
    }
    if (own.equals("mg/dL") && analyte.id().equals("creatinine") && value > 20) {
      return new Unit("umol/L", 1, 0);
    }
    if (own.equals("g/dL") && value > 25) {
      return new Unit("g/L", 1, 0);
    }
    return new Unit(own, 1, 0);
  }

  // ---- reproductive, infections, consent

  private void readReproductive(String text, BitSet taken, List<Constraint> out) {
    Matcher test = PREG_TEST.matcher(text);
    if (test.find()) {
      add(out, taken, new Constraint.Reproductive(new Span(test.start(), test.end()), Constraint.Reproductive.What.NEGATIVE_PREGNANCY_TEST, false));
    }
    Matcher both = PREG_OR_LACT.matcher(text);
    if (both.find() && !taken.get(both.start())) {
      add(out, taken, new Constraint.Reproductive(new Span(both.start(), both.end()), Constraint.Reproductive.What.PREGNANT_OR_LACTATING,
          negated(text, both.start(), both.end())));
    }
    Matcher p = PREGNANT.matcher(text);
    while (p.find()) {
      if (!taken.get(p.start()) && !text.substring(Math.max(0, p.start() - 12), p.start()).toLowerCase(Locale.ROOT).matches(".*(?:non|not|avoid|prevent|plan\\w*|becoming|become)[\\s-]*$|.*\\bnon-$")) {
        add(out, taken, new Constraint.Reproductive(new Span(p.start(), p.end()), Constraint.Reproductive.What.PREGNANT, negated(text, p.start(), p.end())));
      } else if (!taken.get(p.start()) && text.substring(Math.max(0, p.start() - 5), p.start()).toLowerCase(Locale.ROOT).matches(".*\\bno[nt][\\s-]*$")) {
        // "non-pregnant", "not pregnant": the negation is part of the words
        int from = text.substring(0, p.start()).toLowerCase(Locale.ROOT).lastIndexOf("no");
        add(out, taken, new Constraint.Reproductive(new Span(from, p.end()), Constraint.Reproductive.What.PREGNANT, true));
      }
    }
    Matcher l = LACTATING.matcher(text);
    while (l.find()) {
      if (!taken.get(l.start())) {
        add(out, taken, new Constraint.Reproductive(new Span(l.start(), l.end()), Constraint.Reproductive.What.LACTATING, negated(text, l.start(), l.end())));
      }
    }
    Matcher c = CONTRACEPTION.matcher(text);
    if (c.find() && !taken.get(c.start())) {
      add(out, taken, new Constraint.Assumed(new Span(c.start(), c.end()), "contraception", REFUSAL.matcher(text).find()));
    }
  }

  private void readInfections(String text, BitSet taken, List<Constraint> out) {
    infection(text, HIV, Constraint.Infection.Agent.HIV, taken, out);
    infection(text, HBV, Constraint.Infection.Agent.HBV, taken, out);
    infection(text, HCV, Constraint.Infection.Agent.HCV, taken, out);
    infection(text, TB, Constraint.Infection.Agent.TB, taken, out);
  }

  private static void infection(String text, Pattern p, Constraint.Infection.Agent agent, BitSet taken, List<Constraint> out) {
    Matcher m = p.matcher(text);
    if (m.find()) {
      if (agent == Constraint.Infection.Agent.TB && m.group().equalsIgnoreCase("tb") && text.matches("(?s).*\\b(?:tbi|TB\\s*/\\s*kg)\\b.*")) {
        return;
      }
      Span span = new Span(m.start(), m.end());
      boolean negated = negated(text, m.start(), m.end());
      out.add(new Constraint.Infection(span, agent, negated));
      taken.set(m.start(), m.end());
      while (m.find()) {
        taken.set(m.start(), m.end()); // "Human immunodeficiency virus (HIV)": one infection, not a condition besides
      }
    }
  }

  private static void readAssumed(String text, BitSet taken, List<Constraint> out) {
    Matcher m = ASSUMED.matcher(text);
    if (m.find() && !taken.get(m.start())) {
      String what = text.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:consent|assent)\\b.*")
          ? "consent" : "compliance";
      boolean refusal = REFUSAL.matcher(text).find();
      out.add(new Constraint.Assumed(new Span(m.start(), m.end()), what, refusal));
      taken.set(m.start(), m.end());
    }
  }

  // ---- therapies and conditions

  private void readTherapies(String text, String lead, BitSet taken, Timed window, List<Constraint> out) {
    boolean cue = THERAPY_CUE.matcher(text).find() || lead.contains("therapy") || lead.contains("treatment");
    // Without a cue word a therapy named at the head of the item or given a time ("Chemotherapy within the
    // past 12 months", "Any surgery during last 6 months") is still one; elsewhere it may only describe.
    boolean timed = window.window().withinDays() != null || window.window().atLeastDaysAgo() != null;
    if (window.window().current() && !timed && window.start() >= 0
        && text.substring(window.start(), window.end()).matches("(?i)active|uncontrolled")) {
      window = Timed.NONE; // "active", "uncontrolled" speak of a disease, not of a therapy being given now
    }
    List<Vocabulary.Match> diseases = vocabulary.find(Vocabulary.Area.CONDITION, text).stream().filter(d -> disease(d.concept())).toList();
    int lines = lines(text);
    int before = out.size();
    for (Therapies.Found f : Therapies.find(text)) {
      if (taken.get(f.start()) || ALLERGY.matcher(text.substring(0, f.start())).find()) {
        continue;
      }
      if (!cue && !timed && !atHead(text, f.start())) {
        continue;
      }
      if (allowed(text, f.start(), f.end())) {
        continue; // "(Prednisone for patients with PCP is allowed.)", "except topical steroids": an exception
      }
      if (f.kind() == Therapies.Kind.ANY && STUDY_TREATMENT.matcher(text.substring(0, f.start())).find()) {
        continue; // "within 72 hours prior to initiation of treatment": the trial's own treatment
      }
      if (f.kind() == Therapies.Kind.ANY && (lines == 0 && !text.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:prior|previous|no|any|systemic|naive)\\b.*")
          || !genericTherapy(text, f.start()))) {
        continue;
      }
      int from = f.start();
      if (f.kind() == Therapies.Kind.SURGERY) {
        Matcher site = SURGICAL_SITE.matcher(text.substring(0, f.start()));
        if (site.find()) {
          from = site.start(1); // "major cardiac surgery": surgery of the heart, not any surgery
        }
      }
      out.add(therapy(text, new Span(from, f.end()), f.kind(), List.of(), lines, local(window, text, from, f.end())));
      taken.set(f.start(), f.end());
    }
    for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.INTERVENTION, text)) {
      if (m.start() < 0 || m.end() > text.length() || taken.get(m.start(), m.end()).cardinality() > 0) {
        continue;
      }
      Concept c = m.concept();
      boolean drug = c.treeNumbers().stream().anyMatch(t -> t.startsWith("D")) && c.treeNumbers().stream().noneMatch(t -> t.startsWith("D12.776") || t.startsWith("D23"));
      if (!drug || m.text().length() < 4 || ALLERGY.matcher(text.substring(0, m.start())).find() || analytes.named(m.text()).isPresent()
          || !cue && !timed && !atHead(text, m.start()) || NOT_A_DRUG.contains(m.text().toLowerCase(Locale.ROOT))
          || diseases.stream().anyMatch(d -> d.start() < m.end() && m.start() < d.end()) || allowed(text, m.start(), m.end())) {
        continue; // "drug abuse", "alcohol dependence": the words of a disorder, not a therapy
      }
      out.add(therapy(text, new Span(m.start(), m.end()), Therapies.Kind.NAMED, List.of(c.id()), lines, local(window, text, m.start(), m.end())));
      taken.set(m.start(), m.end());
    }
    // "Prior treatment with mesenchymal stem cells": the generic head names the specific therapy after it, not any therapy
    List<Constraint> found = new ArrayList<>(out.subList(before, out.size()));
    for (Constraint c : found) {
      if (c instanceof Constraint.Therapy t && t.therapy() == Therapies.Kind.ANY) {
        boolean specific = found.stream().anyMatch(o -> o instanceof Constraint.Therapy s && s.therapy() != Therapies.Kind.ANY
            && s.span().start() >= t.span().end() && SPECIFIED_BY.matcher(text.substring(t.span().end(), s.span().start())).matches());
        if (specific) {
          out.remove(c);
        }
      }
    }
  }

  private static final Pattern SURGICAL_SITE = Pattern.compile("(?i)(?<![\\p{L}])(cardiac|heart|cardiothoracic|thoracic|chest|abdominal|pelvic|spinal|spine"
      + "|brain|cranial|intracranial|neurosurgical|joint|knee|hip|eye|ocular|gastric|bariatric|intestinal|bowel|colorectal|lung|pulmonary"
      + "|vascular|orthopedic|orthopaedic|pituitary|thyroid|breast|liver|hepatic|renal|kidney|cataract|dental|oral)\\s+$");

  /** A therapy named as an exception: after "except", "other than"..., or in a clause that says it "is allowed". */
  private static boolean allowed(String text, int start, int end) {
    if (EXCEPTION.matcher(text.substring(Math.max(0, start - 60), start)).find()) {
      return true;
    }
    Matcher clauseEnd = Pattern.compile("[.;)]").matcher(text);
    int to = clauseEnd.find(end) ? clauseEnd.start() : text.length();
    int from = Math.max(Math.max(text.lastIndexOf('.', start), text.lastIndexOf(';', start)), text.lastIndexOf('(', start)) + 1;
    return ALLOWED.matcher(text.substring(end, to)).find() || ALLOWED.matcher(text.substring(Math.min(from, start), start)).find();
  }

  private static final Pattern ALLOWED = Pattern.compile("(?i)(?<![\\p{L}])(?:allowed|permitted|acceptable|is ok|are ok)(?![\\p{L}])");

  /** Intervention concepts whose names are everyday words more often than a therapy given to the patient. */
  private static final Set<String> NOT_A_DRUG = Set.of("drug", "drugs", "alcohol", "medication", "medications", "medicine", "medicines",
      "regimen", "regimens", "hormone", "hormones", "metal", "metals", "plastic", "plastics", "lead", "water", "food", "oxygen", "tobacco", "nicotine", "caffeine");

  private static final Pattern REFRACTORY_AFTER = Pattern.compile("(?i)^[\\s-]*(?:\\([^)]{0,20}\\)\\s*)?(?:(?:hormone|therapy|treatment|drug|agent)s?\\s+)?(?:refractory|resistant|resistance|dependent|dependence|intolerant|intolerance"
      + "|failure|unresponsive|non-?responsive)\\b|^\\s+(?:has|have|had)\\s+failed\\b|^\\s+(?:was|were|has been|have been)\\s+(?:ineffective|unsuccessful)");
  private static final Pattern REFRACTORY_BEFORE = Pattern.compile("(?i)(?:" + REFRACTORY.pattern().substring(4) + ")(?:\\s*/\\s*[\\p{L}-]+)?"
      + "\\s+(?:to\\s+|with\\s+|of\\s+|on\\s+|after\\s+)?(?:[\\p{L}\\d-]+\\s+){0,4}$");

  private static final Pattern STUDY_TREATMENT = Pattern.compile("(?i)(?:\\b(?:this|study|trial|protocol|the study|the trial)\\s+|\\b(?:initiation|start|beginning|end|completion) of (?:the )?(?:study )?"
      + "|\\b(?:following|after|during|until|throughout)\\s+(?:the\\s+)?(?:study\\s+)?)$");

  private static final Pattern SPECIFIED_BY = Pattern.compile("(?is)\\s*(?:with|of|using|by|including|such as|consisting of|containing)\\s+(?:an?\\s+|the\\s+|any\\s+)?[^,;.]{0,30}?");

  /** A therapy named first in the item, perhaps after "any", "prior" or a list number: "Chemotherapy within...", "Any surgery...". */
  private static boolean atHead(String text, int at) {
    return text.substring(0, at).matches("(?is)\\s*(?:(?:any|prior|previous|recent|current|concurrent|concomitant|major|minor|other|history of)\\s+){0,2}")
        || AFTER_THERAPY.matcher(text.substring(0, at)).find();
  }

  /** "developing after allo-HSCT", "following chemotherapy", "post-transplant": a therapy given before. */
  private static final Pattern AFTER_THERAPY = Pattern.compile("(?i)\\b(?:after|following|post|since)[\\s-]+(?:(?:an?|the|first|second|prior|previous|allogeneic|autologous)\\s+)?$");

  /** "No prior therapy" is any therapy; "no prior photodynamic therapy" names one the classes do not know. */
  private static boolean genericTherapy(String text, int at) {
    Matcher w = Pattern.compile("(?i)([\\p{L}-]+)\\W*$").matcher(text.substring(0, at));
    if (!w.find()) {
      return true;
    }
    return GENERIC_BEFORE.matcher(w.group(1)).matches();
  }

  private static final Pattern GENERIC_BEFORE = Pattern.compile("(?i)prior|previous|previously|any|other|no|systemic|anticancer|anti-cancer|antitumou?r|concurrent|concomitant|"
      + "of|for|with|standard|first|second|third|one|two|three|line|lines|cancer|current|received|receive|receiving|had|have|has|naive|the|active|ongoing|disease|specific|investigational");

  private static Constraint.Therapy therapy(String text, Span span, Therapies.Kind kind, List<String> concepts, int lines, Window window) {
    boolean negated = negated(text, span.start(), span.end()) || NAIVE_AFTER.matcher(text.substring(span.end())).lookingAt();
    // Refractory to this therapy: "steroid-refractory", "refractory to steroids", "failed two lines of treatment";
    // not "allogeneic HSCT and steroid-refractory GVHD", where the word belongs to the steroid.
    boolean refractory = REFRACTORY_AFTER.matcher(text.substring(span.end())).lookingAt()
        || REFRACTORY_BEFORE.matcher(text.substring(Math.max(0, span.start() - 60), span.start())).find();
    return new Constraint.Therapy(span, span.of(text), kind, concepts, negated, refractory, lines, window);
  }

  private void readConditions(String text, BitSet taken, Timed timed, List<Constraint> out) {
    List<Vocabulary.Match> found = new ArrayList<>(vocabulary.find(Vocabulary.Area.CONDITION, text));
    found.sort(Comparator.comparingInt(Vocabulary.Match::start).thenComparingInt(m -> -m.end()));
    List<Constraint.HasCondition> conditions = new ArrayList<>();
    for (Vocabulary.Match m : found) {
      if (m.start() < 0 || m.end() > text.length() || taken.get(m.start(), m.end()).cardinality() > 0) {
        continue;
      }
      String mention = text.substring(m.start(), m.end());
      if (!conditionWorthy(mention) || !disease(m.concept())) {
        continue;
      }
      Constraint.HasCondition previous = conditions.isEmpty() ? null : conditions.getLast();
      if (previous != null && m.start() < previous.span().end()) {
        // overlapping names ("acute and chronic GVHD" and "chronic GVHD"): one condition, any of their concepts
        List<String> ids = new ArrayList<>(previous.conceptIds());
        if (!ids.contains(m.concept().id())) {
          ids.add(m.concept().id());
        }
        Span span = previous.span().union(new Span(m.start(), m.end()));
        conditions.set(conditions.size() - 1, new Constraint.HasCondition(span, span.of(text), ids, previous.negated(),
            previous.window(), previous.qualified()));
        continue;
      }
      if (therapyTarget(text, m.start(), out)) {
        continue; // "no prior chemotherapy for breast cancer": the condition the therapy was for
      }
      if (EXCEPTION.matcher(text.substring(Math.max(0, m.start() - 60), m.start())).find()
          || CAUSE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
        continue; // "(unless Gilbert's syndrome)", "other than basal cell carcinoma": an exception, which a constraint cannot say
      }
      Window window = local(timed, text, m.start(), m.end());
      Window w = window;
      String before = text.substring(Math.max(0, m.start() - 30), m.start());
      // "tumors must overexpress HER2": a property of the disease is asked, which having it does not settle
      boolean qualified = QUALIFIED.matcher(before).find() || PROPERTY_ASKED.matcher(text.substring(m.end())).lookingAt();
      if (CURRENT.matcher(before).find()) {
        w = new Window(window.withinDays(), window.atLeastDaysAgo(), true);
      } else if (HISTORY.matcher(before).find() && window.withinDays() == null) {
        w = window.atLeastDaysAgo() == null ? Window.ANY_TIME : new Window(null, window.atLeastDaysAgo(), false);
      }
      List<String> ids = new ArrayList<>(List.of(m.concept().id()));
      int from = m.start();
      // "acute or chronic GVHD": the first adjective names a condition of its own
      Matcher co = COORDINATED.matcher(text.substring(0, m.start()));
      int space = mention.indexOf(' ');
      if (co.find() && space > 0) {
        String other = co.group(1) + mention.substring(space);
        for (Concept c : vocabulary.lookup(Vocabulary.Area.CONDITION, other)) {
          if (disease(c) && !ids.contains(c.id())) {
            ids.add(c.id());
            from = co.start(1);
          }
        }
      }
      conditions.add(new Constraint.HasCondition(new Span(from, m.end()), text.substring(from, m.end()), ids,
          negated(text, from, m.end()), w, qualified));
    }
    for (Constraint.HasCondition c : conditions) {
      out.add(c);
      taken.set(c.span().start(), c.span().end());
    }
  }

  private static final Pattern EXCEPTION = Pattern.compile("(?i)(?<![\\p{L}])(?:unless|except(?: for)?|excluding|other than|apart from|with the exception of|besides)"
      + "(?![\\p{L}])[^;.:()]{0,40}$");

  /** "symptoms not caused by GVHD": a cause ruled out for another finding, not a statement of its own. */
  private static final Pattern CAUSE = Pattern.compile("(?i)(?<![\\p{L}])(?:not|nor|never|other than)\\s+(?:(?:be|been|being)\\s+)?(?:caused by|due to|secondary to|attributable to|attributed to|induced by|related to)\\s+(?:\\w+\\s+){0,2}$");

  private static final Pattern PROPERTY_ASKED = Pattern.compile("(?i)^\\s+(?:must|should|shall|has to|have to|needs? to)\\s+(?!have\\b|be (?:present|diagnosed|confirmed|documented))");

  private static final Pattern COORDINATED = Pattern.compile("(?i)(?<![\\p{L}])([\\p{L}-]{3,})\\s+(?:or|and|and/or|/)\\s*$");

  /**
   * Whether a concept names a disease, mental disorder, behavioural symptom or finding (MeSH trees C, F03
   * and F01.145.126, or a curated or Disease Ontology concept whose nearest MeSH descriptors are), not a
   * check tag ("Female"), a drug or a word like "contraindication" that MeSH lists without a disease tree.
   */
  private boolean disease(Concept c) {
    List<Concept> mesh = vocabulary.mesh(c.id());
    if (mesh.isEmpty()) {
      return c.source() != Concept.Source.MESH;
    }
    // C diseases, F03 mental disorders, F01.145.126 behavioural symptoms ("depression", "anxiety")
    return mesh.stream().flatMap(d -> d.treeNumbers().stream()).anyMatch(t -> t.startsWith("C") || t.startsWith("F03") || t.startsWith("F01.145.126"));
  }

  /** Whether a condition is what a therapy read earlier in the item was for ("therapy for X"). */
  private static boolean therapyTarget(String text, int at, List<Constraint> found) {
    for (Constraint c : found) {
      if (c instanceof Constraint.Therapy && c.span().end() <= at
          && THERAPY_TARGET.matcher(text.substring(c.span().end(), at)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern THERAPY_TARGET = Pattern.compile("(?is)[^.;]{0,40}?\\b(?:for|of|in|against|to treat|treating|targeting)\\b[^.;]{0,30}");
  private static final Pattern QUALIFIED = Pattern.compile("(?i)(?<![\\p{L}])(?:uncontrolled|poorly controlled|not (?:well )?controlled|unstable|severe|significant"
      + "|clinically (?:significant|relevant|important)|decompensated|serious|major|life-threatening|other|another|second|additional|residual"
      + "|stage\\s+(?:[0-4]|i{1,3}|iv|[iv]+[abc]?)[abc]?|grade\\s+(?:[0-4]|i{1,3}|iv))(?![\\p{L}])");

  // ---- shared pieces

  /**
   * Whether a vocabulary match is worth a condition: not a word too general to name one ("disease",
   * "stage"), and not a short lower-case English word that a terminology also lists as an
   * abbreviation ("can", "all", "aid").
   */
  static boolean conditionWorthy(String mention) {
    String m = mention.strip();
    return !TOO_GENERAL.contains(m.toLowerCase(Locale.ROOT)) && m.length() >= 3
        && (m.length() > 4 || m.equals(m.toUpperCase(Locale.ROOT)));
  }

  private static boolean negated(String text, int start, int end) {
    return Negation.negated(text, start, end);
  }

  /** The window an item's words give, and where those words are ({@code start} -1 when none). */
  private record Timed(Window window, int start, int end) {
    static final Timed NONE = new Timed(Window.ANY_TIME, -1, -1);
  }

  private static Timed window(String text) {
    Matcher d = DURATION_LIMIT.matcher(text);
    if (d.find()) {
      if (d.group(1) != null) {
        double lo = days(number(d.group(1)), d.group(3));
        double hi = days(number(d.group(2)), d.group(3));
        return new Timed(new Window(hi, lo, false), d.start(), d.end());
      }
      double v = days(number(d.group(6)), d.group(7));
      Matcher second = DURATION_LIMIT_MORE.matcher(text.substring(d.end()));
      if (d.group(4) != null) {
        Double atLeast = second.lookingAt() ? days(number(second.group(2)), second.group(3)) : null;
        return new Timed(new Window(v, atLeast, false), d.start(), d.end());
      }
      Double within = second.lookingAt() && second.group(1) != null ? days(number(second.group(2)), second.group(3)) : null;
      return new Timed(new Window(within, v, false), d.start(), d.end());
    }
    Matcher w = WITHIN.matcher(text);
    Matcher a = AT_LEAST_SINCE.matcher(text);
    boolean within = w.find();
    boolean atLeast = a.find();
    // "at least 4 weeks prior to enrollment" is a washout, though "4 weeks prior to" alone reads as a window
    if (atLeast && (!within || w.group(4) != null && w.start() >= a.start() && w.start() < a.end())) {
      return new Timed(new Window(null, days(number(a.group(1)), a.group(2)), false), a.start(), a.end());
    }
    if (within) {
      if (w.group(1) != null) {
        return new Timed(new Window(days(number(w.group(1)), w.group(2)), null, false), w.start(), w.end());
      }
      if (w.group(3) != null) {
        return new Timed(new Window(days(1, w.group(3)), null, false), w.start(), w.end());
      }
      return new Timed(new Window(days(number(w.group(4)), w.group(5)), null, false), w.start(), w.end());
    }
    Matcher c = CURRENT.matcher(text);
    if (c.find() && !HISTORY.matcher(text).find()) {
      return new Timed(Window.NOW, c.start(), c.end());
    }
    return Timed.NONE;
  }

  /**
   * The item's window as it bears on one mention: a time phrase holds for what it follows in the same
   * sentence ("MI, stroke or TIA within 6 months"), and for what it precedes only at the head of the
   * item or right beside it; a "current" cue holds at the head of the item or beside the mention. So
   * "Surgery within 30 days or known intestinal strictures" does not put the strictures in the window.
   */
  private static Window local(Timed t, String text, int start, int end) {
    if (t.start() < 0) {
      return Window.ANY_TIME;
    }
    Window w = t.window();
    if (start < t.end() && end > t.start()) {
      return w;
    }
    // a time of its own right after the mention: "MI within 6 months, major cardiac surgery within the last 6 months"
    String after = text.substring(end, Math.min(text.length(), end + 45));
    Matcher own = WITHIN.matcher(after);
    if (own.find() && own.start() > 0 && !after.substring(0, own.start()).matches("(?s).*[,;.].*") && own.start() != t.start() - end) {
      Timed mine = window(text.substring(end + own.start()));
      if (mine.start() == 0) {
        return mine.window();
      }
    }
    boolean cueOnly = w.current() && w.withinDays() == null && w.atLeastDaysAgo() == null;
    if (end <= t.start()) {
      String between = text.substring(end, t.start());
      if (SENTENCE_BREAK.matcher(between).find()) {
        return Window.ANY_TIME;
      }
      return !cueOnly || between.length() <= 20 ? w : Window.ANY_TIME;
    }
    String between = text.substring(t.end(), start);
    if (SENTENCE_BREAK.matcher(between).find()) {
      return Window.ANY_TIME;
    }
    boolean head = text.substring(0, t.start()).matches("(?is)\\s*(?:\\S+\\s+){0,2}");
    boolean beside = between.length() <= 40 && !between.matches("(?is).*(?:\\bor\\b|\\band\\b|,).*");
    return head || beside ? w : Window.ANY_TIME;
  }

  private static final Pattern SENTENCE_BREAK = Pattern.compile(";|\\.(?:\\s|$)");

  private static int lines(String text) {
    Matcher m = LINES.matcher(text);
    if (!m.find()) {
      return 0;
    }
    if (m.group(3) != null) {
      return switch (m.group(3).toLowerCase(Locale.ROOT)) {
        case "second" -> 1;
        case "third" -> 2;
        default -> 3;
      };
    }
    String n = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
    int v = switch (n) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      default -> Integer.parseInt(n);
    };
    return m.group().matches("(?is).*(?:more than|>)(?!=).*") ? v + 1 : v;
  }

  private static double days(double n, String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.startsWith("h")) {
      return n / 24.0;
    }
    if (u.startsWith("d")) {
      return n;
    }
    if (u.startsWith("w")) {
      return n * 7;
    }
    if (u.startsWith("m")) {
      return n * 30.4375;
    }
    return n * 365.25;
  }

  private static Constraint.Comparator comparator(Matcher c) {
    if (c.group(1) != null) {
      return Constraint.Comparator.GE;
    }
    if (c.group(2) != null) {
      return Constraint.Comparator.LE;
    }
    if (c.group(3) != null) {
      return Constraint.Comparator.GT;
    }
    return Constraint.Comparator.LT;
  }

  /** A number as criteria write it: "1,500" is fifteen hundred, "1,5" one and a half. */
  static double number(String s) {
    String t = s.strip();
    if (t.matches("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?")) {
      return Double.parseDouble(t.replace(",", ""));
    }
    return Double.parseDouble(t.replace(',', '.'));
  }

  /** Words that make an item a requirement on some patients ("women of childbearing potential must use..."). */
  private static final Pattern MODAL = Pattern.compile("(?i)(?<![\\p{L}])(?:must|should|shall|will|required?|need(?:s)? to|have to|has to|agree\\w*|willing|use|using|practice|practicing|consent)(?![\\p{L}])");

  private static ParsedCriterion.AppliesTo appliesTo(String text, String lead) {
    if (!MODAL.matcher(text).find()) {
      return ParsedCriterion.AppliesTo.EVERYONE; // a description ("pregnant or nursing females") is judged, not conditioned
    }
    String head = text.length() > 120 ? text.substring(0, 120) : text;
    if (head.matches("(?is)^\\s*(?:for\\s+)?(?:if\\s+)?(?:female|women|woman)s?\\s*(?:patients?|participants?|subjects?)?\\s*(?:[:,]|who|that|must|should).*")) {
      return ParsedCriterion.AppliesTo.FEMALE;
    }
    if (BOTH_SEXES_POTENTIAL.matcher(head).find() && !head.matches("(?is)^\\s*(?:female|women|woman|wocbp|fcbp).*")) {
      return ParsedCriterion.AppliesTo.OF_REPRODUCTIVE_POTENTIAL;
    }
    Matcher cb = CHILDBEARING.matcher(head);
    if (cb.find() && cb.start() < 40) {
      return ParsedCriterion.AppliesTo.FEMALE_OF_CHILDBEARING_POTENTIAL;
    }
    if (MEN_OF_POTENTIAL.matcher(head).find() && CONTRACEPTION.matcher(text).find()) {
      return ParsedCriterion.AppliesTo.MALE;
    }
    if (lead.matches(".*\\b(?:women|female)s? of child.*")) {
      return ParsedCriterion.AppliesTo.FEMALE_OF_CHILDBEARING_POTENTIAL;
    }
    return ParsedCriterion.AppliesTo.EVERYONE;
  }

  /** An inclusion item whose constraints are joined by "or" ("creatinine ≤ 1.5 mg/dL or CrCl ≥ 60 mL/min"). */
  private static boolean joinedByOr(String text, List<Constraint> constraints) {
    for (int i = 1; i < constraints.size(); i++) {
      int from = constraints.get(i - 1).span().end();
      int to = constraints.get(i).span().start();
      if (from < to) {
        String between = text.substring(from, to).toLowerCase(Locale.ROOT)
            .replaceAll("\\b(?:male|man|men|female|woman|women|boys?|girls?)\\s+(?:or|and/or)\\s+(?:male|man|men|female|woman|women|boys?|girls?)\\b", " ");
        if (between.matches("(?s).*\\bor\\b.*") && !between.matches("(?s).*\\band\\b(?!/or).*")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void add(List<Constraint> out, BitSet taken, Constraint c) {
    out.add(c);
    taken.set(c.span().start(), c.span().end());
  }
}
