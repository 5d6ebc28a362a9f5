package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

  @Test
  void whatIsWrittenIsWhatTheStreamGivesBackAcrossChunkAndSliceBoundaries() throws IOException {
    // Text long enough for many chunks, with a surrogate pair (an emoji) straddling the 8,192-char
    // slice boundary, CJK, accents, and raw bytes and single bytes in between. The truth is the
    // JDK's own encoding of the whole concatenation, done in one piece.
    StringBuilder text = new StringBuilder();
    text.append("a".repeat(8191)).append("\uD83D\uDE00").append("间充质干细胞 é ".repeat(5000));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ChunkedBody body = new ChunkedBody();

    body.writeContent(text.toString());
    expected.write(text.toString().getBytes(StandardCharsets.UTF_8));
    byte[] raw = new byte[70_000];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 31);
    }
    body.write(raw, 5, 69_000);
    expected.write(raw, 5, 69_000);
    body.write('!');
    expected.write('!');
    body.writeContent("<p>tail</p>", 3, 7);
    expected.write("tail".getBytes(StandardCharsets.UTF_8));

    assertEquals(expected.size(), body.size());
    assertArrayEquals(expected.toByteArray(), body.stream().readAllBytes());
    assertEquals(expected.toString(StandardCharsets.UTF_8), body.text());
    assertArrayEquals(expected.toByteArray(), body.bytes());
    assertEquals(false, body.small());
    // The stream can be read again (a HEAD, then a GET, never share one; a test may read it twice).
    assertArrayEquals(expected.toByteArray(), body.stream().readAllBytes());
  }

  @Test
  void aReadFillsTheWholeBufferAcrossChunks() throws IOException {
    // Javalin decides on its first write whether to compress (1,500 bytes or more): a read that
    // stopped at the small first chunk would turn compression off for every answer.
    ChunkedBody body = new ChunkedBody();
    body.write(new byte[100_000], 0, 100_000);
    byte[] buffer = new byte[8192];
    assertEquals(8192, body.stream().read(buffer, 0, buffer.length));
    var in = body.stream();
    long total = 0;
    for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
      total += n;
    }
    assertEquals(100_000, total);
    assertEquals(-1, in.read());
  }

  @Test
  void anEmptyBodyIsAnEmptyStream() throws IOException {
    ChunkedBody body = new ChunkedBody();
    assertEquals(0, body.size());
    assertEquals(0, body.stream().readAllBytes().length);
    assertEquals("", body.text());
    assertEquals(true, body.small());
  }

  @Test
  void outOfRangeWritesAreRefused() {
    ChunkedBody body = new ChunkedBody();
    assertThrows(IndexOutOfBoundsException.class, () -> body.write(new byte[4], 3, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> body.write(new byte[4], -1, 1));
    assertEquals(0, body.size());
  }
}
