package org.trialdex.ingest.ctgov;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that one line of bad bytes fails alone
 * and a line over the size limit is skipped without being held in memory.
 */
final class LineSplitter {

  /** One line: its 1-based number, its bytes (without the line break), or its size when too long. */
  record Line(long number, byte[] bytes, long skippedBytes) {
    boolean tooLong() {
      return bytes == null;
    }
  }

  private final InputStream in;
  private final long maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;
  private long lineNumber;
  private boolean eof;

  LineSplitter(InputStream in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (eof && pos >= limit) {
      return null;
    }
    byte[] line = new byte[256];
    int len = 0;
    long total = 0;
    boolean sawAny = false;
    while (true) {
      if (pos >= limit) {
        limit = in.read(buffer);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          eof = true;
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      total += n;
      if (total <= maxBytes) {
        if (len + n > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
        }
        System.arraycopy(buffer, start, line, len, n);
        len += n;
      }
      if (pos < limit) {
        pos++; // the '\n'
        break;
      }
    }
    lineNumber++;
    if (total > maxBytes) {
      return new Line(lineNumber, null, total);
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    return new Line(lineNumber, Arrays.copyOf(line, len), 0);
  }
}
