package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.List;
import org.trialdex.core.eligibility.CriteriaSplitter;
import org.trialdex.core.eligibility.Criterion;

/**
 * Eligibility criteria text as lists for the study page: the items of core's
 * {@link CriteriaSplitter}, by section, each lead-in ("Age:", "as defined by:") shown once as an
 * item of its own before the first item under it, so that the page loses nothing of the text.
 *
 * <p>Each criterion carries its place among the splitter's items, which is also its place among a
 * match's criteria: the page marks the verdicts of a match by it, in the browser, from the link's
 * fragment, so that the patient's data never reaches the server.
 *
 * @param other items before (or without) an inclusion or exclusion heading
 * @param inclusion inclusion criteria, one item per bullet
 * @param exclusion exclusion criteria, one item per bullet
 */
public record Criteria(List<Item> other, List<Item> inclusion, List<Item> exclusion) {

  /**
   * One line of a list.
   *
   * @param text the criterion or lead-in
   * @param index the criterion's place among the splitter's items, or -1 for a lead-in
   * @param level how deep the record nests it: 0 at the top, 1 under a lead-in or another item...
   */
  public record Item(String text, int index, int level) {
    /** A top-level item. */
    public Item(String text, int index) {
      this(text, index, 0);
    }

    /** True for a lead-in ("Age:"), which is context, not a criterion. */
    public boolean leadIn() {
      return index < 0;
    }
  }

  public Criteria {
    other = List.copyOf(other);
    inclusion = List.copyOf(inclusion);
    exclusion = List.copyOf(exclusion);
  }

  /** Reads criteria text as the registry writes it. */
  public static Criteria parse(String text) {
    List<Item> other = new ArrayList<>();
    List<Item> inclusion = new ArrayList<>();
    List<Item> exclusion = new ArrayList<>();
    List<String> shownContext = List.of();
    Criterion.Section shownSection = null;
    int index = 0;
    List<Criterion> criteria = CriteriaSplitter.split(text);
    List<Lost> lost = lostLines(text, criteria);
    int nextLost = 0;
    // Lead-ins the splitter read as headings ("Patients are required to meet the following inclusion
    // criteria:") stay on the page, and the items indented under them nest under them (issue #15).
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (Criterion c : criteria) {
      List<Item> list = switch (c.section()) {
        case INCLUSION -> inclusion;
        case EXCLUSION -> exclusion;
        case UNSPECIFIED -> other;
      };
      if (c.section() != shownSection) {
        shownContext = List.of();
        shownSection = c.section();
        open.clear();
      }
      int indent = indent(text, c.start());
      while (nextLost < lost.size() && lost.get(nextLost).start() < c.start()) {
        Lost l = lost.get(nextLost++);
        while (!open.isEmpty() && l.indent() <= open.peek()) {
          open.pop();
        }
        list.add(new Item(l.text(), -1, open.size()));
        open.push(l.indent());
      }
      while (!open.isEmpty() && indent <= open.peek()) {
        open.pop();
      }
      int under = open.size();
      for (int i = 0; i < c.context().size(); i++) {
        if (i >= shownContext.size() || !shownContext.get(i).equals(c.context().get(i))) {
          list.add(new Item(c.context().get(i), -1, under + i));
        }
      }
      shownContext = c.context();
      list.add(new Item(c.text(), index++, under + Math.max(c.context().size(), c.depth())));
    }
    // Lines after the last criterion (a closing note) go to the end of the last list.
    List<Item> last = shownSection == null ? other : switch (shownSection) {
      case INCLUSION -> inclusion;
      case EXCLUSION -> exclusion;
      case UNSPECIFIED -> other;
    };
    while (nextLost < lost.size()) {
      last.add(new Item(lost.get(nextLost++).text(), -1, 0));
    }
    return new Criteria(other, inclusion, exclusion);
  }

  private record Lost(int start, int indent, String text) {}

  private static final java.util.regex.Pattern MARKER =
      java.util.regex.Pattern.compile("^\\s*(?:[*•\\-–○◦▪]|\\d{1,3}[.)]|\\(\\d{1,3}\\))\\s*");
  private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile(
      "(?i)(?:key |main |general )?(?:inclusion|exclusion|eligibility)(?: criteria)?\\s*:?");

  /**
   * The lines of the text no criterion covers that say more than a heading: lead-ins the splitter
   * took for a section heading. Bare headings ("Exclusion Criteria:") are the page's own headings.
   */
  private static List<Lost> lostLines(String text, List<Criterion> criteria) {
    List<Lost> out = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(at, end);
      String bare = MARKER.matcher(line).replaceFirst("").strip();
      final int from = at;
      final int to = end;
      boolean covered = criteria.stream().anyMatch(c -> c.start() < to && c.end() > from || c.context().contains(bare));
      if (bare.codePoints().anyMatch(Character::isLetter) && !covered && !HEADING.matcher(bare).matches()) {
        out.add(new Lost(at, indent(text, at), bare));
      }
      at = end + 1;
    }
    return out;
  }

  /** The blanks before the first mark of the line that holds {@code offset}. */
  private static int indent(String text, int offset) {
    int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    if (offset == 0) {
      lineStart = 0;
    }
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i - lineStart;
  }

  /**
   * A list item with the items nested under it, as the record nests them (a lead-in such as "Patients
   * are required to meet the following:" holds the items that follow it).
   */
  public record Node(Item item, List<Node> children) {
    public Node {
      children = List.copyOf(children);
    }
  }

  /** The items of a list as a tree by their levels; an item deeper than the one before nests under it. */
  public static List<Node> nest(List<Item> items) {
    record Open(Item item, List<Node> children) {}
    List<Node> top = new ArrayList<>();
    java.util.ArrayDeque<Open> stack = new java.util.ArrayDeque<>();
    java.util.function.Consumer<Open> close = o -> {
      Node n = new Node(o.item(), o.children());
      Open parent = stack.peek();
      (parent == null ? top : parent.children()).add(n);
    };
    for (Item item : items) {
      while (!stack.isEmpty() && stack.peek().item().level() >= item.level()) {
        close.accept(stack.pop());
      }
      stack.push(new Open(item, new ArrayList<>()));
    }
    while (!stack.isEmpty()) {
      close.accept(stack.pop());
    }
    return top;
  }

  /** The texts of a list, lead-ins included. */
  public static List<String> texts(List<Item> items) {
    return items.stream().map(Item::text).toList();
  }
}
