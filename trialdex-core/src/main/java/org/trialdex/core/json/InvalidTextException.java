package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A string or member name that is not valid Unicode text. A mapping error rather than a syntax
 * error: the JSON around it is sound, so a reader can skip the one record and go on.
 */
final class InvalidTextException extends JsonMappingException {

  private final String path;

  InvalidTextException(JsonParser parser, String message, String path) {
    super(parser, message);
    this.path = path;
  }

  String path() {
    return path;
  }
}
