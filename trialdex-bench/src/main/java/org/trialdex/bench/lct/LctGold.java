package org.trialdex.bench.lct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.trialdex.bench.brat.BratDocument;
import org.trialdex.bench.brat.BratDocument.Event;
import org.trialdex.bench.brat.BratDocument.TextBound;

/**
 * Which LCT annotations count as which of our constraints. The mapping, decided once and written
 * down here (and in {@code docs/benchmarks.md}):
 *
 * <ul>
 *   <li><b>AGE</b>: an {@code Age} event with a {@code Numeric-Filter}; its span runs from the trigger
 *       ("Age", "aged", "old") over the comparison ("≥ 18", "18 to 24 years").
 *   <li><b>SEX</b>: a {@code Life-Stage-And-Gender} entity typed female, male, girl or boy, unless its
 *       item names both sexes ("male or female" limits nothing) or is about pregnancy, lactation or
 *       childbearing potential ("pregnant women", "women of childbearing potential": the sex is the
 *       subject of a REPRODUCTIVE statement or of whom the item applies to, not a limit of its own);
 *       the evaluation applies both filters, since they need the items.
 *   <li><b>CONDITION</b>: a {@code Condition} event (its trigger span), except those naming pregnancy
 *       or lactation, which are <b>REPRODUCTIVE</b>; and an {@code Allergy} event (hypersensitivity is
 *       a condition, MeSH C20).
 *   <li><b>MEASUREMENT</b>, <b>PERFORMANCE</b>, <b>LIFE_EXPECTANCY</b>: an {@code Observation} event
 *       with a {@code Numeric-Filter} comparison that has a {@code Value} (trigger to comparison);
 *       performance when the observation names ECOG (or Eastern Cooperative Oncology Group), Karnofsky, Lansky,
 *       Zubrod, WHO or performance status, life expectancy when it names life expectancy or survival, else a measurement.
 *   <li><b>DRUG</b>, <b>PROCEDURE</b>: {@code Drug} and {@code Procedure} events (trigger spans), for
 *       our therapies.
 * </ul>
 *
 * A condition, drug or procedure is <em>negated</em> when a {@code Negation} event negates it, or
 * negates an {@code Assertion} or {@code Coreference} over it, or negates an event before it joined to
 * it by {@code Or} relations ("no X or Y"), or a general term it is an {@code Example-Of} ("no
 * neurological disorders, including dementia"). Its <em>window</em> comes from its {@code Temporality}
 * comparisons: a comparison with a temporal unit is {@link Window#WITHIN} ("within 3 months", "past 6
 * months", "less than 24 hours") or {@link Window#AT_LEAST} (operator ≥ or &gt;: "at least 3 months");
 * the period {@code present} is {@link Window#CURRENT}; {@code past}, {@code anytime} and no
 * temporality are {@link Window#NONE}; {@code future}, {@code recent}, dates and unit-less
 * comparisons are {@link Window#OTHER}, which our windows cannot say and which count as no window.
 */
final class LctGold {

  /** Gold constraint categories. */
  enum Category {
    AGE, SEX, CONDITION, REPRODUCTIVE, MEASUREMENT, PERFORMANCE, LIFE_EXPECTANCY, DRUG, PROCEDURE
  }

  /** Time windows as both sides can say them. */
  enum Window {
    NONE, CURRENT, WITHIN, AT_LEAST, OTHER;

    boolean limits() {
      return this == CURRENT || this == WITHIN || this == AT_LEAST;
    }
  }

  /**
   * One gold constraint.
   *
   * @param id the annotation it comes from (an event id, or a text-bound id for SEX)
   * @param start where it starts in the document
   * @param end where it ends (exclusive)
   */
  record Gold(Category category, String id, int start, int end, String text, boolean negated, Window window) {}

  /** Items about pregnancy, lactation or childbearing potential, whose sex words are no SEX limit. */
  static final Pattern REPRODUCTIVE_ITEM = Pattern.compile("(?i)pregnan|lactat|breast[- ]?feed|nursing|child[- ]?bearing|reproductive (?:potential|age)");
  static final Pattern REPRODUCTIVE = Pattern.compile("(?i)pregnan|lactat|breast[- ]?feed|nursing|gestation");
  static final Pattern PERFORMANCE = Pattern.compile("(?i)\\b(?:ecog|karnofsky|kps|lansky|zubrod|who|ps)\\b|performance (?:status|scale|score)|eastern cooperative");
  static final Pattern LIFE = Pattern.compile("(?i)life expectancy|survival|expected to live|prognosis|lifespan");
  private static final Set<String> SEXES = Set.of("female", "male", "girl", "boy");

  private LctGold() {}

  /** The gold constraints of a document, in annotation order; SEX before its both-sexes filter. */
  static List<Gold> of(BratDocument doc) {
    List<Gold> out = new ArrayList<>();
    Set<String> negated = negated(doc);
    for (Event e : doc.events()) {
      TextBound trigger = doc.trigger(e);
      switch (e.type()) {
        case "Age" -> {
          if (!e.targets("Numeric-Filter").isEmpty()) {
            out.add(spanning(Category.AGE, e, trigger, comparisons(doc, e.targets("Numeric-Filter")), doc));
          }
        }
        case "Allergy" -> out.add(new Gold(Category.CONDITION, e.id(), trigger.start(), trigger.end(), trigger.text(),
            negated.contains(e.id()), window(doc, e)));
        case "Condition" -> {
          Category c = REPRODUCTIVE.matcher(trigger.text()).find() ? Category.REPRODUCTIVE : Category.CONDITION;
          out.add(new Gold(c, e.id(), trigger.start(), trigger.end(), trigger.text(), negated.contains(e.id()), window(doc, e)));
        }
        case "Drug", "Procedure" -> out.add(new Gold(e.type().equals("Drug") ? Category.DRUG : Category.PROCEDURE, e.id(),
            trigger.start(), trigger.end(), trigger.text(), negated.contains(e.id()), window(doc, e)));
        case "Observation" -> {
          List<Event> filters = valued(doc, e.targets("Numeric-Filter"));
          if (!filters.isEmpty()) {
            String name = e.targets("Name").stream().map(doc::anchor).flatMap(Optional::stream).map(TextBound::text).findFirst().orElse(trigger.text());
            Category c = PERFORMANCE.matcher(name).find() ? Category.PERFORMANCE
                : LIFE.matcher(name).find() ? Category.LIFE_EXPECTANCY : Category.MEASUREMENT;
            out.add(spanning(c, e, trigger, filters, doc));
          }
        }
        default -> { }
      }
    }
    for (TextBound t : doc.entities()) {
      if (t.type().equals("Life-Stage-And-Gender")
          && doc.attribute(t.id(), "Life-Stage-And-Gender-Type").filter(SEXES::contains).isPresent()) {
        out.add(new Gold(Category.SEX, t.id(), t.start(), t.end(), t.text(), false, Window.NONE));
      }
    }
    return out;
  }

  /** Whether a SEX gold names the female sex. */
  static boolean female(BratDocument doc, Gold sex) {
    return doc.attribute(sex.id(), "Life-Stage-And-Gender-Type").map(v -> v.equals("female") || v.equals("girl")).orElse(false);
  }

  private static Gold spanning(Category c, Event e, TextBound trigger, List<Event> comparisons, BratDocument doc) {
    int start = trigger.start();
    int end = trigger.end();
    for (Event cmp : comparisons) {
      TextBound t = doc.trigger(cmp);
      start = Math.min(start, t.start());
      end = Math.max(end, t.end());
    }
    return new Gold(c, e.id(), start, end, doc.text().substring(start, end), false, Window.NONE);
  }

  private static List<Event> comparisons(BratDocument doc, List<String> ids) {
    return ids.stream().map(doc::event).flatMap(Optional::stream).toList();
  }

  /** The comparisons among {@code ids} that carry a {@code Value}. */
  private static List<Event> valued(BratDocument doc, List<String> ids) {
    return comparisons(doc, ids).stream().filter(c -> !c.targets("Value").isEmpty()).toList();
  }

  private static Set<String> negated(BratDocument doc) {
    Set<String> out = new HashSet<>();
    for (Event e : doc.events()) {
      if (e.type().equals("Negation")) {
        for (String target : e.targets("Negates")) {
          out.add(target);
          doc.event(target).ifPresent(inner -> {
            if (inner.type().equals("Assertion")) {
              out.addAll(inner.targets("Asserted"));
            } else if (inner.type().equals("Coreference")) {
              out.addAll(inner.targets("Refers-To"));
            }
          });
        }
      }
    }
    // "No history of X or Y": an Or relation carries the negation on to Y, forward in the text only (a
    // list "A, B, untreated C" is Or-joined too, and "untreated" negates none of A and B). "No
    // neurological disorders (including dementia)": Example-Of carries it from the general to the example.
    Map<String, List<String>> carries = new HashMap<>();
    for (BratDocument.Relation r : doc.relations()) {
      String a = r.first().target();
      String b = r.second().target();
      if (r.type().equals("Or")) {
        int sa = doc.anchor(a).map(TextBound::start).orElse(-1);
        int sb = doc.anchor(b).map(TextBound::start).orElse(-1);
        carries.computeIfAbsent(sa <= sb ? a : b, k -> new ArrayList<>()).add(sa <= sb ? b : a);
      } else if (r.type().equals("Example-Of")) {
        carries.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
      }
    }
    Deque<String> todo = new ArrayDeque<>(out);
    while (!todo.isEmpty()) {
      for (String next : carries.getOrDefault(todo.pop(), List.of())) {
        if (out.add(next)) {
          todo.push(next);
        }
      }
    }
    return out;
  }

  static Window window(BratDocument doc, Event e) {
    Window found = Window.NONE;
    for (String id : e.targets("Temporality")) {
      Optional<Event> cmp = doc.event(id);
      if (cmp.isEmpty()) {
        continue;
      }
      Window w = comparisonWindow(doc, cmp.get());
      if (w.limits()) {
        return w;
      }
      if (w == Window.OTHER) {
        found = Window.OTHER;
      }
    }
    return found;
  }

  private static Window comparisonWindow(BratDocument doc, Event cmp) {
    String period = cmp.targets("Temporal-Period").stream().map(t -> doc.attribute(t, "Eq-Temporal-Period-Value")).flatMap(Optional::stream).findFirst().orElse("");
    String op = cmp.targets("Operator").stream().map(t -> doc.attribute(t, "Eq-Operator-Value")).flatMap(Optional::stream).findFirst().orElse("");
    boolean unit = !cmp.targets("Temporal-Unit").isEmpty();
    if (period.equals("future") || period.equals("recent")) {
      return Window.OTHER;
    }
    if (unit) {
      return switch (op) {
        case "GT", "GTEQ" -> Window.AT_LEAST;
        case "BETWEEN" -> Window.OTHER;
        default -> Window.WITHIN;
      };
    }
    if (period.equals("present")) {
      return Window.CURRENT;
    }
    if (period.equals("past") || period.equals("anytime")) {
      return Window.NONE;
    }
    return Window.OTHER;
  }
}
