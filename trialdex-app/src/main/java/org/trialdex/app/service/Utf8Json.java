package org.trialdex.app.service;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text held as the UTF-8 bytes it was stored as, written as a raw value: a UTF-8 generator
 * copies the bytes as they are, without a {@code String} of them (UTF-16 beyond Latin-1: twice the
 * bytes, and for a record with results a humongous array, see {@code web.ChunkedBody}). A generator
 * of characters, and the quoted forms, decode it once, when asked.
 */
final class Utf8Json implements SerializableString {

  private final byte[] utf8;
  private SerializedString decoded;

  Utf8Json(byte[] utf8) {
    this.utf8 = utf8;
  }

  private SerializedString decoded() {
    if (decoded == null) {
      decoded = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
    }
    return decoded;
  }

  @Override
  public String getValue() {
    return decoded().getValue();
  }

  @Override
  public int charLength() {
    return decoded().charLength();
  }

  @Override
  public char[] asQuotedChars() {
    return decoded().asQuotedChars();
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return utf8;
  }

  @Override
  public byte[] asQuotedUTF8() {
    return decoded().asQuotedUTF8();
  }

  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    return decoded().appendQuotedUTF8(buffer, offset);
  }

  @Override
  public int appendQuoted(char[] buffer, int offset) {
    return decoded().appendQuoted(buffer, offset);
  }

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    if (offset + utf8.length > buffer.length) {
      return -1;
    }
    System.arraycopy(utf8, 0, buffer, offset, utf8.length);
    return utf8.length;
  }

  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    return decoded().appendUnquoted(buffer, offset);
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    return decoded().writeQuotedUTF8(out);
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(utf8);
    return utf8.length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
    return decoded().putQuotedUTF8(buffer);
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer buffer) {
    if (utf8.length > buffer.remaining()) {
      return -1;
    }
    buffer.put(utf8);
    return utf8.length;
  }

  @Override
  public String toString() {
    return getValue();
  }
}
