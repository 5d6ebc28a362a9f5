package org.trialdex.app.web;

import gg.jte.TemplateOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An answer's body built in memory in chunks of at most {@value #MAX_CHUNK} bytes, then sent as a
 * stream. Also a jte {@link TemplateOutput}, so a page renders straight into it as UTF-8.
 *
 * <p>Why not one array: a record with results makes a page or a JSON answer of megabytes, and each
 * whole copy of it (a {@code StringBuilder} as it grows, the {@code String}, its bytes) is larger
 * than half a G1 region, so G1 allocates it as a humongous object and starts a concurrent cycle for
 * it. Under a flood those pauses came every few tens of milliseconds and stopped every thread,
 * {@code /health}'s too (docs/benchmarks.md, "Humongous answers"). Chunks are ordinary young objects.
 * The first chunk is small ({@value #FIRST_CHUNK} bytes), so a short answer costs no more than before.
 */
public final class ChunkedBody extends OutputStream implements TemplateOutput {

  static final int FIRST_CHUNK = 1024;
  static final int MAX_CHUNK = 32 * 1024;
  /** The largest body {@link #small()} sends as one array. */
  public static final int ONE_ARRAY_AT_MOST = 128 * 1024;
  /** Text is encoded this many chars at a time, so a long text never becomes one large array. */
  private static final int TEXT_SLICE = 8 * 1024;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] chunk = new byte[FIRST_CHUNK];
  private int used;
  private long size;

  @Override
  public void write(int b) {
    if (used == chunk.length) {
      next();
    }
    chunk[used++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    while (length > 0) {
      if (used == chunk.length) {
        next();
      }
      int n = Math.min(length, chunk.length - used);
      System.arraycopy(bytes, offset, chunk, used, n);
      used += n;
      offset += n;
      length -= n;
      size += n;
    }
  }

  private void next() {
    full.add(chunk);
    chunk = new byte[Math.min(MAX_CHUNK, chunk.length * 2)];
    used = 0;
  }

  @Override
  public void writeContent(String value) {
    writeContent(value, 0, value.length());
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    int from = beginIndex;
    while (from < endIndex) {
      int to = Math.min(endIndex, from + TEXT_SLICE);
      if (to < endIndex && Character.isHighSurrogate(value.charAt(to - 1))) {
        to--; // keep a surrogate pair in one slice: encoded apart, each half would become '?'
      }
      byte[] bytes = value.substring(from, to).getBytes(StandardCharsets.UTF_8);
      write(bytes, 0, bytes.length);
      from = to;
    }
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    write(value, 0, value.length);
  }

  /** The bytes written so far. */
  public long size() {
    return size;
  }

  /**
   * The body as a stream over the chunks (not copied); write nothing more once it is read. A read
   * fills as much of the caller's buffer as the body holds, across chunks: whoever writes the
   * answer decides on its first write whether to compress (Javalin: at 1,500 bytes or more), and
   * must see a whole buffer, not a small first chunk.
   */
  public InputStream stream() {
    List<byte[]> chunks = new ArrayList<>(full);
    chunks.add(java.util.Arrays.copyOf(chunk, used));
    return new InputStream() {
      private int index;
      private int at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
          return 0;
        }
        int copied = 0;
        while (copied < length && index < chunks.size()) {
          byte[] c = chunks.get(index);
          int n = Math.min(length - copied, c.length - at);
          System.arraycopy(c, at, into, offset + copied, n);
          copied += n;
          at += n;
          if (at == c.length) {
            index++;
            at = 0;
          }
        }
        return copied == 0 ? -1 : copied;
      }
    };
  }

  /**
   * The body in one array: for a small one (an answer under {@link #ONE_ARRAY_AT_MOST} goes out in
   * one write, with its length, as before), for tests.
   */
  public byte[] bytes() {
    byte[] all = new byte[Math.toIntExact(size)];
    int at = 0;
    for (byte[] c : full) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    System.arraycopy(chunk, 0, all, at, used);
    return all;
  }

  /** The body decoded as UTF-8, in one string: for tests. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /**
   * Whether to send the body as one array rather than as a stream: when it is well under half of
   * G1's smallest region (1 MB), so never a humongous object.
   */
  public boolean small() {
    return size <= ONE_ARRAY_AT_MOST;
  }
}
