package org.trialdex.bench.lct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.trialdex.bench.brat.BratDocument;
import org.trialdex.bench.brat.BratException;
import org.trialdex.bench.brat.BratReader;
import org.trialdex.bench.lct.LctGold.Category;
import org.trialdex.bench.lct.LctGold.Gold;
import org.trialdex.bench.lct.LctReport.Finding;
import org.trialdex.bench.lct.LctReport.Row;
import org.trialdex.core.eligibility.Constraint;
import org.trialdex.core.eligibility.CriteriaSplitter;
import org.trialdex.core.eligibility.Criterion;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.ParsedCriterion;
import org.trialdex.core.terms.Vocabulary;

/**
 * Runs {@link CriteriaSplitter} and {@link CriterionParser} over the LCT corpus and compares the
 * constraints with the gold annotations ({@link LctGold} gives the mapping). Each document's text is
 * the criteria text as the registry gave it; each item's constraints are mapped back to document
 * offsets with {@link ItemAligner}. Deterministic; reads the corpus once per run.
 */
public final class LctEvaluation {

  /** The primary annotator's documents, under the shared folder (the second annotator's are in {@code ner/archive/tony}). */
  public static final String PRIMARY = "data/lct-corpus/ner/nic";

  private LctEvaluation() {}

  /** A predicted constraint placed in its document. */
  record Predicted(Constraint constraint, int start, int end, String text, String item) {}

  /** The span rows: our kinds against the gold categories. */
  private record SpanRow(String type, String goldDefinition, Set<Category> gold, Predicate<Constraint> predicted, String note) {}

  private static final Set<Constraint.Reproductive.What> PREGNANT_OR_LACTATING = EnumSet.of(Constraint.Reproductive.What.PREGNANT,
      Constraint.Reproductive.What.LACTATING, Constraint.Reproductive.What.PREGNANT_OR_LACTATING);

  private static final List<SpanRow> SPAN_ROWS = List.of(
      new SpanRow("AGE", "`Age` + Numeric-Filter", EnumSet.of(Category.AGE), c -> c instanceof Constraint.Age, ""),
      new SpanRow("SEX", "`Life-Stage-And-Gender` female/male, one sex, not about pregnancy", EnumSet.of(Category.SEX), c -> c instanceof Constraint.SexIs, ""),
      new SpanRow("CONDITION + INFECTION", "`Condition` (not pregnancy/lactation) + `Allergy`", EnumSet.of(Category.CONDITION),
          c -> c instanceof Constraint.HasCondition || c instanceof Constraint.Infection, ""),
      new SpanRow("REPRODUCTIVE (pregnant, lactating)", "`Condition` naming pregnancy/lactation", EnumSet.of(Category.REPRODUCTIVE),
          c -> c instanceof Constraint.Reproductive r && PREGNANT_OR_LACTATING.contains(r.what()), ""),
      new SpanRow("MEASUREMENT", "`Observation` + valued Numeric-Filter, other", EnumSet.of(Category.MEASUREMENT),
          c -> c instanceof Constraint.Measurement m && m.reference() != Constraint.Reference.NORMAL,
          "limits relative to the normal range (\"normal renal function\") are left out: LCT gives them no value"),
      new SpanRow("PERFORMANCE", "`Observation` + Numeric-Filter, named ECOG/Karnofsky/…", EnumSet.of(Category.PERFORMANCE),
          c -> c instanceof Constraint.Performance, ""),
      new SpanRow("LIFE_EXPECTANCY", "`Observation` + Numeric-Filter, named life expectancy", EnumSet.of(Category.LIFE_EXPECTANCY),
          c -> c instanceof Constraint.LifeExpectancy, ""),
      new SpanRow("numeric (MEASUREMENT + PERFORMANCE + LIFE_EXPECTANCY)", "`Observation` + valued Numeric-Filter",
          EnumSet.of(Category.MEASUREMENT, Category.PERFORMANCE, Category.LIFE_EXPECTANCY),
          c -> c instanceof Constraint.Measurement m && m.reference() != Constraint.Reference.NORMAL
              || c instanceof Constraint.Performance || c instanceof Constraint.LifeExpectancy,
          "the three rows above together, whatever the type each side gave"),
      new SpanRow("THERAPY", "`Drug` + `Procedure`", EnumSet.of(Category.DRUG, Category.PROCEDURE), c -> c instanceof Constraint.Therapy,
          "LCT procedures include diagnostic ones (biopsy, MRI), which are not therapies"),
      new SpanRow("THERAPY (drugs only)", "`Drug`", EnumSet.of(Category.DRUG), c -> c instanceof Constraint.Therapy, ""));

  private static final Set<Category> PAIRED = EnumSet.of(Category.CONDITION, Category.DRUG, Category.PROCEDURE);

  /** Counts of one span row. */
  private static final class Tally {
    int gold;
    int predicted;
    int goldFound;
    int predictedRight;
    int goldExact;
    int predictedExact;
  }

  /** Counts of an attribute row: positives on each side among matched pairs. */
  private static final class Pairs {
    int pairs;
    int gold;
    int predicted;
    int both;
    int kindAgrees;
  }

  /**
   * Evaluates the parser on every document under {@code corpusDir} (at any depth).
   *
   * @throws BratException when a document cannot be read, or the folder holds none
   */
  public static LctReport run(Path corpusDir, Vocabulary vocabulary) {
    if (!Files.isDirectory(corpusDir)) {
      throw new BratException("no LCT corpus folder at " + corpusDir + " (expected the shared folder's " + PRIMARY + ")");
    }
    List<Path> files = BratReader.annotationFiles(corpusDir);
    if (files.isEmpty()) {
      throw new BratException("no .ann files under " + corpusDir);
    }
    CriterionParser parser = new CriterionParser(vocabulary);
    Tally[] tallies = new Tally[SPAN_ROWS.size()];
    for (int i = 0; i < tallies.length; i++) {
      tallies[i] = new Tally();
    }
    Pairs negation = new Pairs();
    Pairs window = new Pairs();
    List<Finding> findings = new ArrayList<>();
    int items = 0;
    int misaligned = 0;
    int outside = 0;
    for (Path file : files) {
      BratDocument doc = BratReader.read(file);
      List<Criterion> criteria = CriteriaSplitter.split(doc.text());
      items += criteria.size();
      List<Predicted> predicted = new ArrayList<>();
      for (Criterion item : criteria) {
        ItemAligner.Alignment alignment = ItemAligner.align(doc.text(), item);
        if (alignment.misses() > 0) {
          misaligned++;
        }
        ParsedCriterion parsed = parser.parse(item);
        for (Constraint c : parsed.constraints()) {
          int[] span = alignment.span(Math.min(c.span().start(), item.text().length()), Math.min(c.span().end(), item.text().length()));
          predicted.add(new Predicted(c, span[0], span[1], doc.text().substring(span[0], span[1]), item.text()));
        }
      }
      List<Gold> gold = oneSexPerItem(doc, LctGold.of(doc), criteria);
      for (Gold g : gold) {
        if (itemOf(criteria, g.start()) == null) {
          outside++;
        }
      }
      for (int r = 0; r < SPAN_ROWS.size(); r++) {
        SpanRow row = SPAN_ROWS.get(r);
        List<Gold> g = gold.stream().filter(x -> row.gold().contains(x.category())).toList();
        List<Predicted> p = predicted.stream().filter(x -> row.predicted().test(x.constraint())).toList();
        count(row.type(), doc, criteria, g, p, tallies[r], findings);
      }
      pairs(doc, criteria, gold, predicted, negation, window, findings);
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < SPAN_ROWS.size(); r++) {
      SpanRow row = SPAN_ROWS.get(r);
      Tally t = tallies[r];
      rows.add(new Row(row.type(), row.goldDefinition(), t.gold, t.predicted, t.goldFound, t.predictedRight, t.goldExact, t.predictedExact, row.note()));
    }
    rows.add(new Row("negated", "`Negation` over a matched Condition/Drug/Procedure", negation.gold, negation.predicted, negation.both, negation.both,
        -1, -1, "over " + negation.pairs + " gold conditions, drugs and procedures overlapped by one of our conditions, infections or therapies"));
    rows.add(new Row("window (non-default)", "`Temporality`: within N / at least N / present", window.gold, window.predicted, window.both, window.both,
        -1, -1, "over the same " + window.pairs + " pairs; of the " + window.both + " found, " + window.kindAgrees
            + " have the same kind (within, at least, current)"));
    return new LctReport(files.size(), items, misaligned, outside, rows, findings);
  }

  private static void count(String type, BratDocument doc, List<Criterion> criteria, List<Gold> gold, List<Predicted> predicted, Tally t,
      List<Finding> findings) {
    t.gold += gold.size();
    t.predicted += predicted.size();
    for (Gold g : gold) {
      boolean found = predicted.stream().anyMatch(p -> overlaps(p.start(), p.end(), g.start(), g.end()));
      if (found) {
        t.goldFound++;
      } else {
        findings.add(new Finding(type, "FN", doc.name(), g.start(), g.text(), itemText(criteria, g.start())));
      }
      if (predicted.stream().anyMatch(p -> p.start() == g.start() && p.end() == g.end())) {
        t.goldExact++;
      }
    }
    for (Predicted p : predicted) {
      boolean right = gold.stream().anyMatch(g -> overlaps(p.start(), p.end(), g.start(), g.end()));
      if (right) {
        t.predictedRight++;
      } else {
        findings.add(new Finding(type, "FP", doc.name(), p.start(), p.text() + " [" + detail(p.constraint()) + "]", p.item()));
      }
      if (gold.stream().anyMatch(g -> p.start() == g.start() && p.end() == g.end())) {
        t.predictedExact++;
      }
    }
  }

  /** Negation and window agreement over gold conditions, drugs and procedures and the prediction overlapping each most. */
  private static void pairs(BratDocument doc, List<Criterion> criteria, List<Gold> gold, List<Predicted> predicted, Pairs negation, Pairs window,
      List<Finding> findings) {
    for (Gold g : gold) {
      if (!PAIRED.contains(g.category())) {
        continue;
      }
      Predicted best = null;
      int bestOverlap = 0;
      for (Predicted p : predicted) {
        Constraint c = p.constraint();
        if (!(c instanceof Constraint.HasCondition || c instanceof Constraint.Infection || c instanceof Constraint.Therapy)) {
          continue;
        }
        int overlap = Math.min(p.end(), g.end()) - Math.max(p.start(), g.start());
        if (overlap > bestOverlap) {
          best = p;
          bestOverlap = overlap;
        }
      }
      if (best == null) {
        continue;
      }
      boolean ourNegated = switch (best.constraint()) {
        case Constraint.HasCondition h -> h.negated();
        case Constraint.Infection i -> i.negated();
        case Constraint.Therapy th -> th.negated();
        default -> false;
      };
      tallyPair(negation, g.negated(), ourNegated, true, "negated", doc, criteria, g, best, findings);
      LctGold.Window ours = switch (best.constraint()) {
        case Constraint.HasCondition h -> kind(h.window());
        case Constraint.Therapy th -> kind(th.window());
        default -> LctGold.Window.NONE;
      };
      boolean bothLimit = g.window().limits() && ours.limits();
      tallyPair(window, g.window().limits(), ours.limits(), !bothLimit || g.window() == ours, "window (non-default)", doc, criteria, g, best, findings);
    }
  }

  private static void tallyPair(Pairs pairs, boolean gold, boolean ours, boolean sameKind, String type, BratDocument doc, List<Criterion> criteria,
      Gold g, Predicted p, List<Finding> findings) {
    pairs.pairs++;
    if (gold) {
      pairs.gold++;
    }
    if (ours) {
      pairs.predicted++;
    }
    if (gold && ours) {
      pairs.both++;
      if (sameKind) {
        pairs.kindAgrees++;
      }
    } else if (gold) {
      findings.add(new Finding(type, "FN", doc.name(), g.start(), g.text() + " [" + g.window() + "]", itemText(criteria, g.start())));
    } else if (ours) {
      findings.add(new Finding(type, "FP", doc.name(), p.start(), p.text() + " [" + describe(p.constraint()) + "]", p.item()));
    }
  }

  private static String describe(Constraint c) {
    return switch (c) {
      case Constraint.HasCondition h -> (h.negated() ? "negated, " : "") + h.window().describe();
      case Constraint.Therapy t -> (t.negated() ? "negated, " : "") + t.window().describe();
      case Constraint.Infection i -> i.negated() ? "negated" : "";
      default -> c.kind().name();
    };
  }

  /** What was read, briefly, for the findings file. */
  private static String detail(Constraint c) {
    return switch (c) {
      case Constraint.HasCondition h -> String.join(",", h.conceptIds());
      case Constraint.Therapy t -> t.therapy() + (t.conceptIds().isEmpty() ? "" : " " + String.join(",", t.conceptIds()));
      case Constraint.Measurement m -> m.describe();
      case Constraint.Age a -> a.describe();
      case Constraint.Infection i -> i.agent().name();
      case Constraint.Reproductive r -> r.what().name();
      default -> c.kind().name();
    };
  }

  static LctGold.Window kind(Constraint.Window w) {
    if (w.current()) {
      return LctGold.Window.CURRENT;
    }
    if (w.withinDays() != null) {
      return LctGold.Window.WITHIN;
    }
    if (w.atLeastDaysAgo() != null) {
      return LctGold.Window.AT_LEAST;
    }
    return LctGold.Window.NONE;
  }

  /** Drops the SEX gold of items that name both sexes or are about pregnancy, lactation or childbearing (see {@link LctGold}). */
  private static List<Gold> oneSexPerItem(BratDocument doc, List<Gold> gold, List<Criterion> criteria) {
    List<Gold> out = new ArrayList<>();
    for (Gold g : gold) {
      if (g.category() == Category.SEX) {
        Criterion item = itemOf(criteria, g.start());
        if (item != null && LctGold.REPRODUCTIVE_ITEM.matcher(item.text()).find()) {
          continue;
        }
        boolean female = LctGold.female(doc, g);
        boolean otherSexToo = gold.stream().anyMatch(o -> o.category() == Category.SEX && LctGold.female(doc, o) != female
            && (item == null ? sameLine(doc.text(), o.start(), g.start()) : itemOf(criteria, o.start()) == item));
        if (otherSexToo) {
          continue;
        }
      }
      out.add(g);
    }
    return out;
  }

  private static boolean sameLine(String text, int a, int b) {
    return text.substring(Math.min(a, b), Math.max(a, b)).indexOf('\n') < 0;
  }

  private static Criterion itemOf(List<Criterion> criteria, int offset) {
    for (Criterion c : criteria) {
      if (offset >= c.start() && offset < Math.max(c.end(), c.start() + 1)) {
        return c;
      }
    }
    return null;
  }

  private static String itemText(List<Criterion> criteria, int offset) {
    Criterion c = itemOf(criteria, offset);
    return c == null ? "(outside any item)" : c.text();
  }

  private static boolean overlaps(int s1, int e1, int s2, int e2) {
    return s1 < e2 && s2 < e1;
  }
}
