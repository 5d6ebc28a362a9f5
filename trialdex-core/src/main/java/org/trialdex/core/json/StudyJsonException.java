package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * A study's JSON could not be read: not JSON, or a value that does not fit the v2 model (an unknown
 * enum value, text where a number belongs). The message names the JSON path and the line and column
 * where reading stopped, so a reader can report it against the source file and record.
 */
public final class StudyJsonException extends RuntimeException {

  private final String path;

  private StudyJsonException(String message, String path, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** The JSON path of the offending value ({@code protocolSection.statusModule.overallStatus}), or "" when unknown. */
  public String path() {
    return path;
  }

  static StudyJsonException of(IOException e) {
    String path = "";
    if (e instanceof JsonMappingException m) {
      path = pathOf(m);
    }
    String where = "";
    if (e instanceof JsonProcessingException p && p.getLocation() != null
        && p.getLocation() != JsonLocation.NA && p.getLocation().getLineNr() > 0) {
      where = " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
    }
    String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    reason = reason == null ? e.getClass().getSimpleName() : firstLine(reason);
    String message = (path.isEmpty() ? "invalid study JSON" : "invalid value at " + path) + where + ": " + reason;
    return new StudyJsonException(message, path, e);
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
