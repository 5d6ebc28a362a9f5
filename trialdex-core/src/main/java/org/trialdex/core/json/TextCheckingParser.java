package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * A parser that refuses text which is not valid Unicode: a name or string value holding a lone
 * surrogate, which JSON's {@code \}{@code uDFFF} escapes can spell but no UTF-8 file can hold. Such
 * text stored in a record cannot be written back out as UTF-8 (issue #12), so the door refuses it.
 *
 * <p>Every token passes through {@link #nextToken()}: the shortcuts a parser offers
 * ({@code nextFieldName}, {@code nextTextValue}) default to it, and {@link #nextValue()} is routed
 * through it here.
 */
final class TextCheckingParser extends JsonParserDelegate {

  TextCheckingParser(JsonParser d) {
    super(d);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
      check(t);
    }
    return t;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken t = nextToken();
    return t == JsonToken.FIELD_NAME ? nextToken() : t;
  }

  private void check(JsonToken t) throws IOException {
    char[] chars = delegate.getTextCharacters();
    int offset = delegate.getTextOffset();
    int at = ValidText.firstLoneSurrogate(chars, offset, delegate.getTextLength());
    if (at < 0) {
      return;
    }
    String path = pathOf(delegate.getParsingContext());
    String what = t == JsonToken.FIELD_NAME ? "the member name" : "the text";
    throw new InvalidTextException(this, what + " at " + (path.isEmpty() ? "the top level" : path)
        + " holds a lone surrogate (\\u" + String.format(java.util.Locale.ROOT, "%04X", (int) chars[offset + at])
        + " at character " + (at + 1) + "), which is not Unicode text; fix the escape in the source", path);
  }

  /** The dotted path of the current token: {@code protocolSection.conditionsModule.keywords[2]}. */
  static String pathOf(JsonStreamContext context) {
    StringBuilder sb = new StringBuilder();
    append(sb, context);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonStreamContext c) {
    if (c == null || c.inRoot()) {
      return;
    }
    append(sb, c.getParent());
    if (c.inObject()) {
      if (c.getCurrentName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(c.getCurrentName());
      }
    } else if (c.inArray()) {
      sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
    }
  }
}
