package org.trialdex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines for the line-per-record readers (NDJSON of v2 studies, classic
 * field records) without decoding it, so that one line of bad bytes fails alone. Holds one line at
 * a time, and never more than the record limit: a longer line is skipped to its end and reported by
 * its length. Not thread-safe; the returned line's bytes are reused by the next call.
 */
public final class ByteLines {

  /**
   * One line: its 1-based number and its first {@code length} bytes (without the line end), or,
   * when it was over the limit, its length in {@code tooLongBytes}.
   */
  public record Line(long number, byte[] bytes, int length, long tooLongBytes) {
    /** The line was over the limit; its bytes were not kept. */
    public boolean tooLong() {
      return tooLongBytes >= 0;
    }
  }

  private final InputStream in;
  private final long max;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int end;
  private byte[] line = new byte[8 * 1024];
  private long number;

  /** Lines of {@code in}, each at most {@code maxBytes} long. */
  public ByteLines(InputStream in, long maxBytes) {
    this.in = in;
    this.max = Math.min(maxBytes, Integer.MAX_VALUE - 8);
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    int length = 0;
    long total = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      total += n;
      if (total <= max) {
        if (length + n > line.length) {
          line = Arrays.copyOf(line, (int) Math.min(Math.max(line.length * 2L, length + n), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(buffer, start, line, length, n);
        length += n;
      }
      if (pos < end) {
        pos++; // the '\n'
        break;
      }
    }
    number++;
    if (total > max) {
      return new Line(number, line, 0, total);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new Line(number, line, length, -1);
  }
}
