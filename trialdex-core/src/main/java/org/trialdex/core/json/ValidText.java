package org.trialdex.core.json;

/**
 * Whether text is valid Unicode: every surrogate char is half of a pair. Java strings can hold a
 * lone surrogate (JSON's {@code \}{@code uDFFF} escape makes one) that no UTF-8 output can encode.
 */
public final class ValidText {

  private ValidText() {}

  /** The index of the first lone surrogate in {@code s}, or -1 when the text is valid. */
  public static int firstLoneSurrogate(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The index, from {@code offset}, of the first lone surrogate in the range, or -1. */
  static int firstLoneSurrogate(char[] chars, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i - offset;
      }
    }
    return -1;
  }

  /** {@code s} with each lone surrogate replaced by U+FFFD, the replacement character. */
  public static String replaceLoneSurrogates(String s) {
    int first = firstLoneSurrogate(s);
    if (first < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
    int n = s.length();
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }
}
