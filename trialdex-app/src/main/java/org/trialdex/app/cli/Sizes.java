package org.trialdex.app.cli;

import java.util.Locale;

/** Reads sizes such as {@code 500K}, {@code 32M}, {@code 1G} or plain bytes. */
final class Sizes {

  private Sizes() {}

  static long parse(String text, String option) {
    String s = text.strip().toUpperCase(Locale.ROOT);
    long factor = 1;
    if (s.endsWith("B")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("K")) {
      factor = 1024;
    } else if (s.endsWith("M")) {
      factor = 1024 * 1024;
    } else if (s.endsWith("G")) {
      factor = 1024L * 1024 * 1024;
    }
    if (factor > 1) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      long n = Long.parseLong(s.strip());
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TrialdexCommand.UsageError(option + " takes a positive size such as 500K or 32M, got '" + text + "'");
    }
  }
}
