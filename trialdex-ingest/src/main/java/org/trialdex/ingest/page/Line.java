package org.trialdex.ingest.page;

/**
 * One line of page text: where it is, how far it is indented, and the list marker it starts with.
 *
 * @param index the line number, from 0
 * @param start offset of the first character of the line
 * @param end offset one past its last character (line break excluded)
 * @param from offset of the content, after indentation and list marker
 * @param to offset one past the content, trailing blanks excluded
 * @param indent columns of indentation (a tab counts 4)
 * @param marker the list marker: {@code NONE}, {@code BULLET} or {@code NUMBER}
 * @param number the item number for {@code NUMBER} markers, else 0
 */
record Line(int index, int start, int end, int from, int to, int indent, Marker marker, int number, String text) {

  enum Marker { NONE, BULLET, NUMBER }

  static Line of(String page, int index, int start, int end) {
    int i = start;
    int indent = 0;
    while (i < end && isBlank(page.charAt(i))) {
      indent += page.charAt(i) == '\t' ? 4 : 1;
      i++;
    }
    int to = end;
    while (to > i && isBlank(page.charAt(to - 1))) {
      to--;
    }
    Marker marker = Marker.NONE;
    int number = 0;
    // A markdown heading ("## Conditions") is a line like any other: its hashes are not content.
    int hashes = i;
    while (hashes < to && hashes - i < 6 && page.charAt(hashes) == '#') {
      hashes++;
    }
    if (hashes > i && hashes < to && page.charAt(hashes) == ' ') {
      i = hashes + 1;
    }
    if (i < to) {
      char c = page.charAt(i);
      if ("-–—•*○◦▪·‣●■□➢►>".indexOf(c) >= 0 && i + 1 < to && isBlank(page.charAt(i + 1))) {
        marker = Marker.BULLET;
        i += 2;
      } else if ("•○◦▪‣●■".indexOf(c) >= 0) {
        marker = Marker.BULLET;
        i += 1;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < to && j - i < 3 && Character.isDigit(page.charAt(j))) {
          j++;
        }
        // "1." "1)" "(1)" followed by a blank or a letter; "1.5 mg" is not a marker.
        if (j < to && (page.charAt(j) == '.' || page.charAt(j) == ')') && j + 1 < to
            && (isBlank(page.charAt(j + 1)) || Character.isLetter(page.charAt(j + 1)))) {
          marker = Marker.NUMBER;
          number = Integer.parseInt(page.substring(i, j));
          i = j + 1;
        }
      } else if (c == '(' && i + 2 < to && Character.isDigit(page.charAt(i + 1)) && page.charAt(i + 2) == ')') {
        marker = Marker.NUMBER;
        number = page.charAt(i + 1) - '0';
        i += 3;
      }
      while (i < to && isBlank(page.charAt(i))) {
        i++;
      }
    }
    return new Line(index, start, end, i, Math.max(i, to), indent, marker, number, page.substring(i, Math.max(i, to)));
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u3000' || c == '\f' || c == '\r';
  }

  boolean empty() {
    return text.isEmpty();
  }

  boolean listItem() {
    return marker != Marker.NONE;
  }
}
