package org.trialdex.ingest.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.catalog.Pieces.ValueType;
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
final class Conversions {

  private static final Pattern US_DATE_TIME =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+(\\d{1,2}):(\\d{2})");

  private Conversions() {}

  /**
   * The v2 value of {@code text} for a piece of core's value type: {@code June 2009} gives
   * {@code 2009-06} for a date, {@code Yes} gives {@code true} for a boolean, {@code Samples With
   * DNA} gives {@code SAMPLES_WITH_DNA} for a constant, an outcome dispersion the constant where one
   * exists; empty when the text cannot be read as that type (and always for phases, which the
   * mapper reads as a list, and for pieces not mapped).
   */
  static Optional<JsonNode> convert(ValueType type, String text, Class<? extends Enum<?>> enumType) {
    String s = text.strip();
    return switch (type) {
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
