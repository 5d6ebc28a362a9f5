package org.trialdex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies the members a record does not model. Kept in insertion order so that a record written
 * back lists them as they came; never {@code null}.
 */
final class UnknownFields {

  private UnknownFields() {}

  static Map<String, JsonNode> copyOf(Map<String, JsonNode> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
