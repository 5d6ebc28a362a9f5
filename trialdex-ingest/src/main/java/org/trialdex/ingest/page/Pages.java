package org.trialdex.ingest.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where pages start in a file that holds more than one (pages copied one after another). A
 * new page starts at the title block before a labelled registry id that differs from the ids seen
 * so far, or where the first page's title line appears again as a line of its own.
 */
final class Pages {

  private static final Pattern ID_LABEL = Pattern.compile(
      "(?im)^[ \\t\\-•*]{0,6}(?:nct id|nct number|identifier|clinicaltrials\\.gov (?:id|identifier)|registration number"
          + "|trial id|registry id|main id|trial registration number)\\s{0,3}:?[ \\t]{0,5}\\n?[ \\t\\-•*]{0,6}");

  private Pages() {}

  /** The start offsets of the pages in {@code text}; the first is always 0. */
  static List<Integer> starts(String text, List<Line> lines) {
    Set<Integer> starts = new java.util.TreeSet<>();
    starts.add(0);
    Set<String> seen = new LinkedHashSet<>();
    Matcher m = ID_LABEL.matcher(text);
    while (m.find()) {
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
      var id = RegistryIds.find(after).filter(x -> x.start() == 0);
      if (id.isEmpty()) {
        continue;
      }
      if (seen.add(id.get().id()) && seen.size() > 1) {
        starts.add(titleBefore(text, lines, m.start()));
      }
    }
    // The first page's title again, alone on a line.
    Line title = null;
    for (Line l : lines) {
      if (!l.empty() && !Vocabulary.chrome(l.text()) && Titles.titleLike(l.text()) && !l.listItem()) {
        title = l;
        break;
      }
      if (!l.empty() && (Vocabulary.bare(l.text()) != null || Vocabulary.leading(l.text()) != null)) {
        break;
      }
    }
    if (title != null) {
      for (Line l : lines) {
        if (l.index() > title.index() + 5 && l.text().equals(title.text()) && l.indent() == title.indent()) {
          boolean near = starts.stream().anyMatch(s -> Math.abs(s - l.start()) < 600);
          if (!near) {
            starts.add(l.start());
          }
        }
      }
    }
    return new ArrayList<>(starts);
  }

  /** The title line a page's id label belongs to: the nearest title-like line at most 12 lines up. */
  private static int titleBefore(String text, List<Line> lines, int at) {
    int idx = lineAt(lines, at);
    for (int i = idx - 1; i >= Math.max(0, idx - 12); i--) {
      Line l = lines.get(i);
      if (!l.empty() && !l.listItem() && Titles.titleLike(l.text()) && Vocabulary.bare(l.text()) == null
          && !Vocabulary.chrome(l.text())) {
        return l.start();
      }
    }
    return lines.get(idx).start();
  }

  private static int lineAt(List<Line> lines, int offset) {
    int lo = 0;
    int hi = lines.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lines.get(mid).start() <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
