package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A study's JSON could not be read: not JSON, nested too deep, text that is not Unicode, or a value
 * that does not fit the v2 model (an unknown enum value, text where a number belongs). The message
 * names the JSON path and the line and column where reading stopped, so a reader can report it
 * against the source file and record.
 */
public final class StudyJsonException extends RuntimeException {

  private final String path;
  private final String reason;
  private final int column;

  private StudyJsonException(String message, String path, String reason, int column, Throwable cause) {
    super(message, cause);
    this.path = path;
    this.reason = reason;
    this.column = column;
  }

  /** What was wrong, without the path and place the message starts with. */
  public String reason() {
    return reason;
  }

  /** The column where reading stopped (1-based), or 0 when unknown (a JSON tree has no columns). */
  public int column() {
    return column;
  }

  /** Whether the text is not JSON at all (a syntax error, not UTF-8), as opposed to JSON that is refused. */
  public boolean notJson() {
    for (Throwable c = getCause(); c != null; c = c.getCause()) {
      if (c instanceof com.fasterxml.jackson.core.exc.StreamReadException) {
        return true;
      }
    }
    return false;
  }

  /** The JSON path of the offending value ({@code protocolSection.statusModule.overallStatus}), or "" when unknown. */
  public String path() {
    return path;
  }

  /**
   * Whether the JSON text itself is broken (a syntax error, not UTF-8) or over a limit (nesting),
   * so that a streaming reader cannot find the next record after it; false when the JSON is sound
   * and only this value is wrong.
   */
  public boolean endsTheDocument() {
    for (Throwable c = getCause(); c != null; c = c.getCause()) {
      if (c instanceof com.fasterxml.jackson.core.exc.StreamReadException
          || c instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param parser the parser that was reading, for the location when the error carries none (a
   *     nesting limit does not); may be null
   */
  static StudyJsonException of(IOException e, JsonParser parser) {
    String path = "";
    if (e instanceof InvalidTextException t) {
      path = t.path();
    } else if (e instanceof JsonMappingException m) {
      path = pathOf(m);
    }
    JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
    if (!known(location) && parser != null && !parser.isClosed()) {
      location = parser.currentLocation();
    }
    String where = known(location)
        ? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
    String message;
    String reason;
    if (e instanceof InvalidTextException t) {
      reason = t.getOriginalMessage();
      message = "invalid text" + where + ": " + reason;
    } else {
      reason = reason(e);
      message = (path.isEmpty() ? "invalid study JSON" : "invalid value at " + path) + where + ": " + reason;
    }
    return new StudyJsonException(message, path, reason, known(location) ? location.getColumnNr() : 0, e);
  }

  private static boolean known(JsonLocation l) {
    return l != null && l != JsonLocation.NA && l.getLineNr() > 0;
  }

  private static String reason(IOException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StreamConstraintsException && c.getMessage() != null && c.getMessage().contains("nesting depth")) {
        return "nested deeper than " + StudyJson.MAX_NESTING_DEPTH + " levels of objects and arrays";
      }
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String wrongType = wrongType(m);
      if (wrongType != null) {
        return wrongType;
      }
    }
    String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : firstLine(reason);
  }

  /** "expected a whole number, found the text "12"", or null when the JSON type was right. */
  private static String wrongType(MismatchedInputException m) {
    Class<?> target = m.getTargetType();
    String expected = expected(target);
    JsonToken token = m.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
    if (expected == null || token == null || fits(target, token)) {
      return null;
    }
    String given = switch (token) {
      case VALUE_STRING -> "the text " + quoted(m);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + valueOf(m);
      case VALUE_TRUE -> "the boolean true";
      case VALUE_FALSE -> "the boolean false";
      case START_OBJECT, FIELD_NAME -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
    return "expected " + expected + ", found " + given;
  }

  private static String expected(Class<?> t) {
    if (t == Integer.class || t == Long.class || t == Short.class || t == int.class || t == long.class) {
      return "a whole number";
    }
    if (t == BigDecimal.class || t == Double.class || t == Float.class || t == double.class) {
      return "a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (t.isEnum()) {
      String names = Arrays.stream(t.getEnumConstants()).limit(8).map(c -> ((Enum<?>) c).name())
          .collect(Collectors.joining(", "));
      return "text, one of " + names + (t.getEnumConstants().length > 8 ? ", ..." : "");
    }
    if (t == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "a list";
    }
    return null;
  }

  private static boolean fits(Class<?> t, JsonToken token) {
    if (t.isEnum() || t == String.class) {
      return token == JsonToken.VALUE_STRING;
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return token == JsonToken.START_ARRAY;
    }
    if (t == Boolean.class || t == boolean.class) {
      return token.isBoolean();
    }
    if (expected(t).equals("a whole number")) {
      return token == JsonToken.VALUE_NUMBER_INT;
    }
    return token.isNumeric();
  }

  private static String quoted(MismatchedInputException m) {
    String v = valueOf(m);
    return v.isEmpty() && !(m instanceof InvalidFormatException) ? "" : "\"" + v + "\"";
  }

  private static String valueOf(MismatchedInputException m) {
    if (m instanceof InvalidFormatException f && f.getValue() != null) {
      return String.valueOf(f.getValue());
    }
    try {
      return m.getProcessor() instanceof JsonParser p ? p.getText() : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String pathOf(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : m.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

}
