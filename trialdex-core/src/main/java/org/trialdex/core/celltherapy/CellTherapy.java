package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.celltherapy.Lexicon.Entry;
import org.trialdex.core.celltherapy.Texts.Section;
import org.trialdex.core.celltherapy.Texts.Sentence;
import org.trialdex.core.model.Study;
import org.trialdex.core.model.StudyType;

/**
 * Reads a record's {@link CellTherapyProfile}. The one entry point is {@link #profile(Study)}.
 *
 * <p>How: every cell-product word, tissue, donor word, route and dose is found in the record's
 * texts ({@link Texts}, {@link Lexicon}, {@link DoseReader}). A mention counts only when it belongs to
 * the product: in the same sentence as a cell-product word, or in an intervention or arm that gives
 * cells, and not qualifying something else ("after allogeneic HSCT", "autologous platelet-rich
 * plasma", "bone marrow transplantation"). Then the closest tier wins: what the interventions, arms
 * and titles say, else the summary, else the detailed description, because descriptions tell
 * background ("MSCs can be isolated from bone marrow, adipose tissue and cord") as well as the trial.
 * Thread-safe and stateless.
 */
public final class CellTherapy {

  /** Words before a mention that make it the patients' history or the setting, not the product. */
  private static final Pattern CONTEXT_BEFORE = Pattern.compile(
      "\\b(?:after|following|post|undergo\\w*|underwent|received|receiving|recipients?\\s+of|prior|previous(?:ly)?"
          + "|history\\s+of|candidates?\\s+for|eligible\\s+for|planned|before|scheduled\\s+for|failure\\s+of"
          + "|complications?\\s+of|treated\\s+with\\s+(?:an?\\s+)?(?:allogeneic\\s+)?|in\\s+patients\\s+with)\\b[^.;]{0,45}$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DIFFERENTIATE = Pattern.compile(
      "\\b(?:differentiat\\w*|transdifferentiat\\w*|such\\s+as|including|like|e\\.g\\.|into|toward\\w*)\\b[^.;]{0,40}$",
      Pattern.CASE_INSENSITIVE);
  /** Sentences of background: what other studies found, what MSCs are in general. */
  private static final Pattern BACKGROUND = Pattern.compile(
      "\\b(?:ha(?:s|ve)\\s+(?:been|shown|demonstrated|proven)|it\\s+is\\s+(?:known|believed|reported)|studies|stud(?:y|ies)"
          + "\\s+(?:have|has)|previous(?:ly)?\\s+(?:stud|report|trial|publish)|pre-?clinical|animal|mice|murine|rats?\\b"
          + "|literature|reported|(?:ongoing|other|previous|several|many|recent)\\s+(?:clinical\\s+)?(?:trials|studies)"
          + "|(?:are|is)\\s+(?:found|present)"
          + "\\s+in|such\\s+as|various\\s+(?:tissues|sources)|sources?\\s+(?:of|for|such)|in\\s+vitro|in\\s+recent\\s+years)\\b",
      Pattern.CASE_INSENSITIVE);
  /** A sentence that lists kinds of cells or tissues in general. */
  private static final Pattern LISTING = Pattern.compile(
      "\\b(?:types?\\s+of|kinds?\\s+of|such\\s+as|including|sources?|various|different|several|a\\s+variety\\s+of"
          + "|like|e\\.g\\.|isolated\\s+from|derived\\s+from\\s+(?:many|multiple|various))\\b",
      Pattern.CASE_INSENSITIVE);
  /** Words that say a product is given, for records that list no intervention. */
  private static final Pattern GIVEN = Pattern.compile(
      "\\b(?:infus\\w*|inject\\w*|administ\\w*|transplant(?:ed|ation)|implanted|treated|given|receiv\\w*|dos(?:e|es|ing)"
          + "|applied)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Cell words that name a cell product even without a type: "stem cells", "cell therapy". */
  private static final Pattern STRONG_GENERIC = Pattern.compile("(?i)stem|progenitor|precursor|stromal|regenerative|cell"
      + "(?:ular)?[\\s-]+(?:therapy|product|transplant|suspension|injection|infusion|implant)");
  private static final Pattern OBSERVED_ONLY = Pattern.compile(
      "\\b(?:isolat\\w*|characteri[sz]\\w*|harvest\\w*\\s+for\\s+research|in\\s+vitro|biopsy|sampl\\w*|collect\\w*)\\b",
      Pattern.CASE_INSENSITIVE);

  private CellTherapy() {}

  /** The profile of a record; {@link CellTherapyProfile#NONE} when it gives no cell product. */
  public static CellTherapyProfile profile(Study study) {
    List<Section> sections = Texts.of(study);
    if (sections.isEmpty()) {
      return CellTherapyProfile.NONE;
    }
    List<Fact<String>> products = Products.read(sections);
    var design = study.protocolSection().designModule();
    boolean observational = design != null && design.studyType() == StudyType.OBSERVATIONAL;
    Reading r = new Reading(sections, products, observational);
    boolean productNamed = Products.namesCellProduct(products, sections);
    List<Fact<CellType>> types = r.cellTypes(productNamed);
    if (types.isEmpty()) {
      return CellTherapyProfile.NONE;
    }
    return new CellTherapyProfile(types, r.sources(), r.clonal(), r.donors(), r.doses(types), r.schedule(),
        r.routes(), products, Manufacturing.read(r.productSentences()));
  }

  /** A word found in a sentence: {@code [start, end)} in the section's text. */
  record Mention<T>(Sentence sentence, int start, int end, T value) {
    Evidence evidence() {
      String text = sentence.section().text();
      return new Evidence(sentence.section().field(), start, end, text.substring(start, end));
    }

    int tier() {
      return sentence.section().tier();
    }
  }

  /** All mentions of one record, and the rules that decide which belong to the product. */
  private static final class Reading {
    final List<Section> sections;
    /** An observational study that lists no intervention speaks of cells it studies, not gives, unless it says so. */
    final boolean observational;
    /** Starts of the record's words, to skip patterns that cannot match ({@link Entry#mayMatch}). */
    final Set<String> wordStarts;
    /** Where each section's words start, to try patterns only there ({@link Lexicon#matches}). */
    final Map<Section, Lexicon.WordStarts> words = new java.util.IdentityHashMap<>();
    final List<Sentence> sentences = new ArrayList<>();
    /** Cell-product mentions that name a type, context ones removed. */
    final List<Mention<CellType>> cells = new ArrayList<>();
    /** Any cell word, typed or generic, for tying other facts to the product. */
    final List<Mention<Object>> anchors = new ArrayList<>();
    final Set<Section> productSections = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private List<Sentence> productSentences;
    private final Map<Sentence, Boolean> background = new java.util.IdentityHashMap<>();

    Reading(List<Section> sections, List<Fact<String>> products, boolean observational) {
      this.sections = sections;
      this.observational = observational;
      for (Section s : sections) {
        words.put(s, Lexicon.WordStarts.of(s.lower()));
      }
      this.wordStarts = Lexicon.wordStarts(List.copyOf(words.values()));
      for (Section s : sections) {
        sentences.addAll(Texts.sentences(s));
      }
      for (Sentence s : sentences) {
        findCells(s);
      }
      // a named product ("The intra-articular injection of JOINTSTEM") ties facts as a cell word does
      for (Fact<String> p : products) {
        Pattern name = Pattern.compile("\\b" + Pattern.quote(Texts.lower(p.value())) + "\\b");
        for (Sentence s : sentences) {
          Matcher m = name.matcher(s.section().lower()).region(s.start(), s.end());
          while (m.find()) {
            anchors.add(new Mention<>(s, m.start(), m.end(), null));
          }
        }
      }
      Set<String> productGroups = new java.util.HashSet<>();
      Set<String> productNames = new java.util.HashSet<>();
      for (Mention<Object> a : anchors) {
        Section s = a.sentence().section();
        if (a.tier() == Texts.PRODUCT && s.group() != null) {
          productGroups.add(s.group());
        }
      }
      for (Section s : sections) {
        if (s.group() != null && productGroups.contains(s.group()) && s.field().endsWith(".name")) {
          productNames.add(s.text().strip().toLowerCase(Locale.ROOT));
        }
      }
      // an arm that gives a cell intervention is about the product, whatever its own words
      for (Section s : sections) {
        if (s.group() != null && (productGroups.contains(s.group())
            || s.gives().stream().anyMatch(n -> productNames.contains(n.toLowerCase(Locale.ROOT))))) {
          productSections.add(s);
        }
      }
    }

    private void findCells(Sentence s) {
      String text = s.section().text();
      List<int[]> taken = new ArrayList<>();
      for (Entry<CellType> e : Lexicon.CELLS) {
        if (!e.mayMatch(wordStarts)) {
          continue;
        }
        for (int[] m : e.matches(s.section(), words.get(s.section()), s.start(), s.end())) {
          int start = m[0];
          int end = m[1];
          if (overlaps(taken, start, end)) {
            continue;
          }
          taken.add(m);
          String before = text.substring(Math.max(s.start(), start - 60), start);
          boolean derivedProduct = e.value() == CellType.MSC && (Lexicon.DERIVED_PRODUCT.matcher(
              text.substring(end, Math.min(s.end(), end + 60))).find()
              || Lexicon.DERIVED_FROM.matcher(before).find());
          boolean context = derivedProduct || CONTEXT_BEFORE.matcher(before).find()
              || e.value() != CellType.MSC && e.value() != CellType.EXOSOMES_SECRETOME
                  && DIFFERENTIATE.matcher(before).find();
          anchors.add(new Mention<>(s, start, end, e.value()));
          if (!context) {
            cells.add(new Mention<>(s, start, end, e.value()));
          }
        }
      }
      for (int[] g : Lexicon.GENERIC.matches(s.section(), words.get(s.section()), s.start(), s.end())) {
        if (!overlaps(taken, g[0], g[1])) {
          anchors.add(new Mention<>(s, g[0], g[1], null));
        }
      }
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
      for (int[] t : taken) {
        if (start < t[1] && end > t[0]) {
          return true;
        }
      }
      return false;
    }

    /** Types named where the product is described: interventions and arms, else titles, else text. */
    List<Fact<CellType>> cellTypes(boolean productNamed) {
      boolean listsInterventions = sentences.stream().anyMatch(s -> s.section().tier() == Texts.PRODUCT);
      // interventions and arms are listed, and none of them gives cells: sampling, in-vitro or device studies
      boolean cellsInArms = cells.stream().anyMatch(m -> m.tier() == Texts.PRODUCT && !onlyObserved(m))
          || sentences.stream().anyMatch(s -> s.section().tier() == Texts.PRODUCT
              && DoseReader.read(s.text(), s.start()).stream().anyMatch(r -> r.unit().equals(Dose.CELLS)))
          || anchors.stream().anyMatch(a -> a.tier() == Texts.PRODUCT && a.value() == null
              && STRONG_GENERIC.matcher(a.evidence().text()).find());
      if (listsInterventions && !cellsInArms && !productNamed) {
        return List.of();
      }
      for (int[] tiers : new int[][] {{Texts.PRODUCT}, {Texts.TITLE}, {Texts.SUMMARY, Texts.DESCRIPTION}}) {
        List<Mention<CellType>> found = new ArrayList<>();
        for (Mention<CellType> m : cells) {
          if (contains(tiers, m.tier()) && !onlyObserved(m) && (listsInterventions || !observational || givenNear(m))) {
            found.add(m);
          }
        }
        // a haematopoietic transplant in the arms is the setting unless a cell product is named with it
        if (!found.isEmpty()) {
          boolean others = found.stream().anyMatch(m -> m.value() != CellType.HSC);
          if (others) {
            found.removeIf(m -> m.value() == CellType.HSC && isTransplantWord(m));
          }
          List<Fact<CellType>> facts = facts(found);
          if (tiers[0] == Texts.SUMMARY && facts.stream().allMatch(f -> f.value() == CellType.HSC)) {
            return List.of();
          }
          return facts;
        }
      }
      return List.of();
    }

    /** With no intervention listed, cells count only where the text says patients were given them. */
    private static boolean givenNear(Mention<CellType> m) {
      String text = m.sentence().section().text();
      int from = Math.max(m.sentence().start(), m.start() - 60);
      int to = Math.min(m.sentence().end(), m.end() + 60);
      return GIVEN.matcher(text.substring(from, to)).find();
    }

    private static boolean onlyObserved(Mention<CellType> m) {
      return OBSERVED_ONLY.matcher(m.sentence().text()).find()
          && !Pattern.compile("\\b(?:infus|inject|administ|transplant|treat|given|receiv)", Pattern.CASE_INSENSITIVE)
              .matcher(m.sentence().text()).find();
    }

    private static boolean isTransplantWord(Mention<CellType> m) {
      String w = m.evidence().text().toLowerCase(Locale.ROOT);
      return w.contains("transplant") || w.equals("hsct") || w.equals("bmt") || w.contains("hct");
    }


    List<Fact<TissueSource>> sources() {
      List<Mention<TissueSource>> all = new ArrayList<>();
      for (Sentence s : productSentences()) {
        List<Mention<TissueSource>> here = find(s, Lexicon.SOURCES);
        // background: "MSCs can be derived from bone marrow, adipose tissue, umbilical cord..."
        long distinct = here.stream().map(Mention::value).distinct().count();
        if (s.section().tier() >= Texts.SUMMARY
            && (distinct >= 3 || distinct == 2 && LISTING.matcher(s.text()).find())) {
          continue;
        }
        for (Mention<TissueSource> m : here) {
          if (tiedToProduct(m, 90)) {
            all.add(m);
          }
        }
      }
      List<Fact<TissueSource>> chosen = byTier(all);
      // "MSCs combined with cord blood": the graft's source is named in the arms, the MSCs' only further down
      if (!chosen.isEmpty() && chosen.stream().allMatch(f -> f.value() == TissueSource.CORD_BLOOD)
          && cells.stream().anyMatch(c -> c.value() == CellType.HSC)
          && cells.stream().anyMatch(c -> c.value() != CellType.HSC)) {
        int tier = chosen.get(0).evidence().isEmpty() ? 0 : tierOf(chosen.get(0).evidence().get(0));
        List<Mention<TissueSource>> further = all.stream()
            .filter(m -> m.tier() > Math.max(tier, Texts.TITLE) && m.value() != TissueSource.CORD_BLOOD).toList();
        List<Fact<TissueSource>> more = byTier(further);
        if (!more.isEmpty()) {
          List<Fact<TissueSource>> both = new ArrayList<>(more);
          both.addAll(chosen);
          both.sort(Comparator.comparingInt(f -> f.value().ordinal()));
          return both;
        }
      }
      return chosen;
    }

    private int tierOf(Evidence e) {
      return sentences.stream().filter(s -> s.section().field().equals(e.field())).mapToInt(s -> s.section().tier())
          .findFirst().orElse(Texts.DESCRIPTION);
    }

    Fact<Boolean> clonal() {
      Pattern p = Pattern.compile("\\b(?:non-?)?clonal(?:ly)?\\b|\\bsingle[\\s-]+cell[\\s-]+derived", Pattern.CASE_INSENSITIVE);
      List<Mention<Boolean>> found = new ArrayList<>();
      for (Sentence s : productSentences()) {
        Matcher m = p.matcher(s.section().text()).region(s.start(), s.end());
        while (m.find()) {
          String w = m.group().toLowerCase(Locale.ROOT);
          if (w.startsWith("clonal") && s.text().toLowerCase(Locale.ROOT).contains("clonal expansion")) {
            continue;
          }
          found.add(new Mention<>(s, m.start(), m.end(), !w.startsWith("non")));
        }
      }
      return found.isEmpty() ? null : new Fact<>(found.get(0).value(), found.stream().map(Mention::evidence).toList());
    }

    List<Fact<Donor>> donors() {
      List<Mention<Donor>> all = new ArrayList<>();
      for (Sentence s : productSentences()) {
        for (Mention<Donor> m : find(s, Lexicon.DONORS)) {
          if (donorQualifiesProduct(m)) {
            all.add(m);
          }
        }
      }
      List<Fact<Donor>> facts = byTier(all);
      boolean allogeneic = facts.stream().anyMatch(f -> f.value() == Donor.ALLOGENEIC);
      // a detail (third-party, related...) implies allogeneic; say so with the detail's evidence
      if (!allogeneic) {
        for (Fact<Donor> f : facts) {
          if (!f.value().isKind()) {
            List<Fact<Donor>> withKind = new ArrayList<>();
            withKind.add(new Fact<>(Donor.ALLOGENEIC, f.evidence()));
            withKind.addAll(facts);
            return withKind;
          }
        }
      }
      return facts;
    }

    /** A donor word qualifies the product when the next thing it names is cells, not a transplant or plasma. */
    private boolean donorQualifiesProduct(Mention<Donor> d) {
      if (d.tier() >= Texts.SUMMARY && background(d.sentence())) {
        return false;
      }
      String text = d.sentence().section().text();
      int sentenceEnd = d.sentence().end();
      int limit = Math.min(sentenceEnd, d.end() + 80);
      Mention<Object> nextCell = null;
      for (Mention<Object> a : anchors) {
        if (a.sentence() == d.sentence() && a.start() >= d.end() && a.start() <= limit
            && (nextCell == null || a.start() < nextCell.start())) {
          nextCell = a;
        }
      }
      Matcher block = Lexicon.NOT_PRODUCT.matcher(text).region(d.end(), limit);
      int blockAt = block.find() ? block.start() : Integer.MAX_VALUE;
      if (nextCell != null && nextCell.value() != CellType.HSC && nextCell.start() <= blockAt) {
        return true;
      }
      // "allogeneic HSCT", "autologous platelet-rich plasma": the word qualifies what follows it
      int qualified = Math.min(blockAt, nextCell == null ? Integer.MAX_VALUE : nextCell.start());
      if (qualified - d.end() <= 25) {
        return false;
      }
      // "MSCs from healthy donors", "cells ... autologous": a cell word shortly before
      for (Mention<Object> a : anchors) {
        if (a.sentence() == d.sentence() && a.end() <= d.start() && d.start() - a.end() <= 80
            && a.value() != CellType.HSC) {
          Matcher between = Lexicon.NOT_PRODUCT.matcher(text).region(a.end(), d.start());
          if (!between.find()) {
            return true;
          }
        }
      }
      return false;
    }

    List<Fact<Route>> routes() {
      List<Mention<Route>> all = new ArrayList<>();
      for (Sentence s : productSentences()) {
        for (Mention<Route> m : find(s, Lexicon.ROUTES)) {
          if (tiedToProduct(m, 150)) {
            all.add(m);
          }
        }
      }
      List<Fact<Route>> facts = byTier(all);
      // "implanted" and "sheets" are weak: drop OTHER when a specific route is stated
      if (facts.size() > 1 && facts.stream().anyMatch(f -> f.value() != Route.OTHER)) {
        facts = facts.stream().filter(f -> f.value() != Route.OTHER || strongOther(f)).toList();
      }
      if (!facts.isEmpty()) {
        return facts;
      }
      // a systemic infusion with no site named is intravenous, unless a heart or artery is in view
      List<Mention<Route>> infusions = new ArrayList<>();
      boolean heart = false;
      for (Sentence s : productSentences()) {
        if (s.section().tier() <= Texts.SUMMARY && Lexicon.HEART.matcher(s.text()).find()) {
          heart = true;
        }
        Matcher m = Lexicon.INFUSION.matcher(s.section().text()).region(s.start(), s.end());
        while (m.find()) {
          Mention<Route> r = new Mention<>(s, m.start(), m.end(), Route.INTRAVENOUS);
          if (tiedToProduct(r, 80)) {
            infusions.add(r);
          }
        }
      }
      return heart ? List.of() : byTier(infusions);
    }

    private static boolean strongOther(Fact<Route> f) {
      return f.evidence().stream().anyMatch(e -> !e.text().toLowerCase(Locale.ROOT).startsWith("implant"));
    }

    List<Dose> doses(List<Fact<CellType>> types) {
      List<Mention<DoseReader.Read>> all = new ArrayList<>();
      for (Sentence s : productSentences()) {
        for (DoseReader.Read read : DoseReader.read(s.text(), s.start())) {
          Mention<DoseReader.Read> m = new Mention<>(s, read.start(), read.end(), read);
          if (tiedToProduct(m, 200)) {
            all.add(m);
          }
        }
      }
      int best = all.stream().mapToInt(Mention::tier).map(t -> t == Texts.TITLE ? Texts.PRODUCT : t).min().orElse(-1);
      Map<String, Dose> unique = new LinkedHashMap<>();
      for (Mention<DoseReader.Read> m : all) {
        int tier = m.tier() == Texts.TITLE ? Texts.PRODUCT : m.tier();
        if (tier != best) {
          continue;
        }
        DoseReader.Read r = m.value();
        String key = r.basis() + " " + r.min() + " " + r.max() + " " + r.unit();
        if (unique.containsKey(key)) {
          continue;
        }
        String sentence = m.sentence().text().toLowerCase(Locale.ROOT);
        Boolean perInfusion = Pattern.compile("\\b(?:per|each|every|single)\\s+(?:infusion|injection|dose|administration"
            + "|session|time|treatment|application|implantation)").matcher(sentence).find() ? Boolean.TRUE
            : Pattern.compile("\\b(?:in\\s+total|total\\s+dose|cumulative)").matcher(sentence).find() ? Boolean.FALSE : null;
        unique.put(key, new Dose(r.basis(), r.min(), r.max(), r.unit(), perInfusion, r.upTo(),
            m.sentence().section().arm(), m.evidence()));
      }
      List<Dose> doses = new ArrayList<>(unique.values());
      // "200 million on days 0, 3 and 6, a total of 600 million": the course total is not a dose
      List<Dose> totals = new ArrayList<>();
      for (Mention<DoseReader.Read> m : all) {
        if (m.value().courseTotal()) {
          doses.stream().filter(d -> d.evidence().start() == m.start() && d.evidence().field().equals(
              m.sentence().section().field())).forEach(totals::add);
        }
      }
      if (totals.size() < doses.size()) {
        doses.removeAll(totals);
      }
      // a per-kg dose and the same number written as a total in another sentence are one dose
      doses.removeIf(d -> d.basis() == Dose.Basis.TOTAL && doses.stream().anyMatch(
          o -> o.basis() == Dose.Basis.PER_KG && o.min() == d.min() && o.max() == d.max()));
      return doses;
    }

    Schedule schedule() {
      return Schedules.read(productSentences());
    }

    /** Sentences that speak of the product: those with a cell word, and intervention/arm texts that give cells. */
    List<Sentence> productSentences() {
      if (productSentences == null) {
        Set<Sentence> anchored = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        anchors.forEach(a -> anchored.add(a.sentence()));
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : sentences) {
          if (anchored.contains(s) || productSections.contains(s.section())) {
            out.add(s);
          }
        }
        productSentences = out;
      }
      return productSentences;
    }

    private boolean background(Sentence s) {
      return background.computeIfAbsent(s, x -> BACKGROUND.matcher(x.text()).find());
    }

    /**
     * True when a mention belongs to the product: in an intervention or arm text that names cells,
     * or within {@code reach} characters of a cell word in the same sentence.
     */
    private boolean tiedToProduct(Mention<?> m, int reach) {
      if (m.tier() >= Texts.SUMMARY && background(m.sentence())) {
        return false;
      }
      if (m.tier() == Texts.PRODUCT && productSections.contains(m.sentence().section())) {
        // an arm may give other things too ("plus calcipotriol ointment for topical use"): stay near the cells
        boolean anchored = anchors.stream().anyMatch(a -> a.sentence() == m.sentence());
        return !anchored || m.sentence().section().name() || sameSentenceAnchor(m, 200);
      }
      return sameSentenceAnchor(m, reach);
    }

    private boolean sameSentenceAnchor(Mention<?> m, int reach) {
      for (Mention<Object> a : anchors) {
        if (a.sentence() == m.sentence()) {
          int gap = a.start() >= m.end() ? a.start() - m.end() : a.end() <= m.start() ? m.start() - a.end() : 0;
          if (gap <= reach && !(a.value() == CellType.HSC && m.value() instanceof TissueSource t
              && t != TissueSource.CORD_BLOOD && t != TissueSource.BONE_MARROW)) {
            return true;
          }
        }
      }
      return false;
    }

    private <T> List<Mention<T>> find(Sentence s, List<Entry<T>> entries) {
      List<Mention<T>> out = new ArrayList<>();
      List<int[]> taken = new ArrayList<>();
      String text = s.section().text();
      for (Entry<T> e : entries) {
        if (!e.mayMatch(wordStarts)) {
          continue;
        }
        for (int[] m : e.matches(s.section(), words.get(s.section()), s.start(), s.end())) {
          boolean detail = e.value() instanceof Donor d && !d.isKind();
          if (!detail && overlaps(taken, m[0], m[1])) {
            continue;
          }
          if (!detail) {
            taken.add(m);
          }
          out.add(new Mention<>(s, m[0], m[1], e.value()));
        }
      }
      out.sort(Comparator.comparingInt(Mention::start));
      return out;
    }

    /** The values of the closest tier that has any: interventions, arms and titles; else summary; else description. */
    private static <T> List<Fact<T>> byTier(List<Mention<T>> mentions) {
      for (int[] tiers : new int[][] {{Texts.PRODUCT, Texts.TITLE}, {Texts.SUMMARY}, {Texts.DESCRIPTION}}) {
        List<Mention<T>> found = mentions.stream().filter(m -> contains(tiers, m.tier())).toList();
        if (!found.isEmpty()) {
          return facts(found);
        }
      }
      return List.of();
    }

    private static <T> List<Fact<T>> facts(List<Mention<T>> mentions) {
      Map<T, List<Evidence>> byValue = new LinkedHashMap<>();
      for (Mention<T> m : mentions) {
        List<Evidence> ev = byValue.computeIfAbsent(m.value(), v -> new ArrayList<>());
        if (ev.size() < 5) {
          ev.add(m.evidence());
        }
      }
      List<Fact<T>> out = new ArrayList<>();
      byValue.forEach((v, ev) -> out.add(new Fact<>(v, ev)));
      if (!out.isEmpty() && out.get(0).value() instanceof Enum<?>) {
        out.sort(Comparator.comparingInt(f -> ((Enum<?>) f.value()).ordinal()));
      }
      return out;
    }

    private static boolean contains(int[] tiers, int tier) {
      for (int t : tiers) {
        if (t == tier) {
          return true;
        }
      }
      return false;
    }
  }

}
