package org.trialdex.bench.lct;

import org.trialdex.core.eligibility.Criterion;

/**
 * Maps offsets in a criterion's text back to the document it was cut from. The item text differs
 * from the document only where the splitter joined wrapped lines (a run of whitespace becomes one
 * space) or dropped a marker before the item, so the two are walked side by side: equal characters
 * map to each other, a space of the item maps to the start of the document's whitespace run. Should
 * a character not be found where expected, the walk resynchronizes on the next few characters
 * within a short distance and counts the miss.
 */
final class ItemAligner {

  private static final int RESYNC_WINDOW = 200;

  private ItemAligner() {}

  /**
   * Document offsets of an item's characters.
   *
   * @param map {@code map[i]} is the document offset of item character {@code i}; {@code
   *     map[text.length()]} is one past the last
   * @param misses item characters not found in order in the document (0 when the item is a faithful
   *     copy)
   */
  record Alignment(int[] map, int misses) {

    /** The document span of the item span [start, end). */
    int[] span(int start, int end) {
      if (end <= start) {
        return new int[] {map[start], map[start]};
      }
      return new int[] {map[start], map[end - 1] + 1};
    }
  }

  static Alignment align(String document, Criterion item) {
    String text = item.text();
    int n = text.length();
    int[] map = new int[n + 1];
    int misses = 0;
    int j = Math.min(item.start(), document.length());
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch)) {
        map[i] = j;
        while (j < document.length() && Character.isWhitespace(document.charAt(j))) {
          j++;
        }
        continue;
      }
      while (j < document.length() && Character.isWhitespace(document.charAt(j))) {
        j++;
      }
      if (j < document.length() && document.charAt(j) == ch) {
        map[i] = j++;
        continue;
      }
      String next = text.substring(i, Math.min(n, i + 8)).strip();
      int k = document.indexOf(next, j);
      if (k >= 0 && k - j <= RESYNC_WINDOW) {
        j = k;
        map[i] = j++;
      } else {
        map[i] = Math.min(j, document.length());
        misses++;
      }
    }
    map[n] = n == 0 ? j : Math.min(document.length(), map[n - 1] + 1);
    return new Alignment(map, misses);
  }
}
