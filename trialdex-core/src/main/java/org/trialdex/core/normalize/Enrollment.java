package org.trialdex.core.normalize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.EnrollmentInfo;
import org.trialdex.core.model.EnrollmentType;

/**
 * Reads an enrollment as pages and exports write it: {@code 100}, {@code 100 (Actual)},
 * {@code 1,200 participants (Anticipated)}, {@code Estimated: 40}. Anticipated and expected counts
 * are v2's {@link EnrollmentType#ESTIMATED}.
 */
public final class Enrollment {

  private static final Pattern COUNT = Pattern.compile("(-?\\d{1,3}(?:,\\d{3})+|-?\\d+)");

  private Enrollment() {}

  /** The count and, when the text says it, its type; empty when the text holds no number. */
  public static Optional<EnrollmentInfo> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = COUNT.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    long count = Long.parseLong(m.group(1).replace(",", ""));
    if (count > Integer.MAX_VALUE || count < Integer.MIN_VALUE) {
      return Optional.empty();
    }
    EnrollmentType type = type(text).orElse(null);
    return Optional.of(new EnrollmentInfo((int) count, type, java.util.Map.of()));
  }

  /** The enrollment type a text names: {@code Actual}, {@code Anticipated}, {@code Estimated}, {@code Expected}. */
  public static Optional<EnrollmentType> type(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("actual")) {
      return Optional.of(EnrollmentType.ACTUAL);
    }
    if (lower.contains("anticipated") || lower.contains("estimated") || lower.contains("expected")) {
      return Optional.of(EnrollmentType.ESTIMATED);
    }
    return Optional.empty();
  }
}
