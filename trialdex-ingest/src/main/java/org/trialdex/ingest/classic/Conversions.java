package org.trialdex.ingest.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.MeasureDispersionType;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.normalize.V2Enums;

/**
 * How one classic value becomes a v2 JSON value. Classic exports write display forms
 * ({@code Unknown status}, {@code June 2009}, {@code Yes}); v2 writes constants, ISO dates and
 * booleans. Every conversion returns empty for text it cannot read; the mapper then warns with the
 * piece and the value.
 */
enum Kind {
  /** Free text, kept as written. */
  TEXT,
  /** A date: {@code June 2009} gives {@code 2009-06}, {@code August 24, 2021} gives {@code 2021-08-24}. */
  DATE,
  /** A date that may be {@code Unknown}, which v2 writes as a flag beside the date ({@code dateUnknown: true}). */
  DATE_OR_UNKNOWN,
  /** A date and time as the classic export writes document uploads: {@code 06/17/2021 03:40}. */
  DATE_TIME,
  /** A v2 enum constant, read by {@link V2Enums} into the enum class of the piece. */
  ENUM,
  /** A v2 text member that holds constants ({@code bioSpec.retention}): {@code Samples With DNA} gives {@code SAMPLES_WITH_DNA}. */
  CONSTANT,
  /**
   * An outcome measure's dispersion type, text in v2: the constant where one exists
   * ({@code STANDARD_DEVIATION}), else the display text as v2 itself keeps it
   * ({@code 95% Confidence Interval}).
   */
  OUTCOME_DISPERSION,
  /** {@code Yes}/{@code No}; eligibility writes {@code Accepts Healthy Volunteers} for yes. */
  BOOLEAN,
  /** A whole number. */
  INTEGER,
  /** An age limit: {@code 18 Years}. */
  AGE,
  /** Phases: {@code Phase 1}, {@code Not Applicable}, {@code Early Phase 1}; handled by the mapper as a list. */
  PHASE,
  /** A known piece with no faithful place in v2 here; reported, never mapped. */
  NOT_MAPPED;

  /** The conversion of core's value type of the same name. */
  static Kind of(org.trialdex.core.catalog.Pieces.ValueType type) {
    return valueOf(type.name());
  }

  private static final Pattern US_DATE_TIME =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+(\\d{1,2}):(\\d{2})");

  /** The v2 value of {@code text}, or empty when it cannot be read as this kind. */
  Optional<JsonNode> convert(String text, Class<? extends Enum<?>> enumType) {
    String s = text.strip();
    return switch (this) {
      case TEXT -> Optional.of(TextNode.valueOf(text));
      case DATE, DATE_OR_UNKNOWN -> PartialDate.normalize(s).map(TextNode::valueOf);
      case DATE_TIME -> dateTime(s);
      case ENUM -> enumConstant(enumType, s).map(TextNode::valueOf);
      case CONSTANT -> constant(s);
      case OUTCOME_DISPERSION -> Optional.of(TextNode.valueOf(
          enumConstant(MeasureDispersionType.class, s).filter(c -> !c.startsWith("CONFIDENCE")).orElse(s)));
      case BOOLEAN -> bool(s);
      case INTEGER -> integer(s);
      case AGE -> Age.normalize(s).map(TextNode::valueOf);
      case PHASE, NOT_MAPPED -> Optional.empty();
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Optional<String> enumConstant(Class<? extends Enum<?>> type, String text) {
    return V2Enums.parse((Class) type, text).map(e -> ((Enum<?>) e).name());
  }

  private static Optional<JsonNode> constant(String s) {
    String c = s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    return c.isEmpty() ? Optional.empty() : Optional.of(TextNode.valueOf(c));
  }

  private static Optional<JsonNode> bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "accepts healthy volunteers" -> Optional.of(BooleanNode.TRUE);
      case "no", "false" -> Optional.of(BooleanNode.FALSE);
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> integer(String s) {
    try {
      return Optional.of(IntNode.valueOf(Integer.parseInt(s.replace(",", ""))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> dateTime(String s) {
    Matcher m = US_DATE_TIME.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    String date = m.group(3) + "-" + m.group(1) + "-" + m.group(2);
    return PartialDate.normalize(date)
        .filter(d -> Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60)
        .map(d -> TextNode.valueOf(String.format(Locale.ROOT, "%sT%02d:%s", d,
            Integer.parseInt(m.group(4)), m.group(5))));
  }
}
