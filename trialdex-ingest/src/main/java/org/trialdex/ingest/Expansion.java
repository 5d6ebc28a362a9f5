package org.trialdex.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The expansion check of one compressed archive: reading stops once the archive has expanded to
 * more than {@link ReadOptions#maxExpansion()} times the compressed bytes read so far (and past
 * {@link ReadOptions#EXPANSION_ALLOWANCE}), so that a small zip bomb never turns into gigabytes of
 * work. Checked on every read, so it trips early, not after the whole archive.
 */
final class Expansion {

  /** The archive expanded past the limit. Once thrown, every later read throws it again. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final String archive;
  private final Sources.Counting compressed;
  private final ReadOptions options;
  /** Whether {@link #wrap} wraps the decompressor itself (gzip) rather than each entry (zip). */
  private final boolean wholeStream;
  private long counted;
  private TooLarge tripped;

  /**
   * @param wholeStream true when {@link #wrap} will wrap the decompressed stream as a whole (gzip,
   *     where a tar's skipped entries are counted too), false when it wraps each entry (zip, which
   *     decompresses inside the archive reader; bytes of an entry no reader reads are not counted)
   */
  Expansion(String archive, Sources.Counting compressed, boolean wholeStream, ReadOptions options) {
    this.archive = archive;
    this.compressed = compressed;
    this.wholeStream = wholeStream;
    this.options = options;
  }

  /**
   * The decompressed stream, counted and checked on every read. When it is the decompressor itself
   * (gzip), a read error of the compressed data says the archive is truncated or corrupt.
   */
  InputStream wrap(InputStream in) {
    boolean source = wholeStream;
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        int b = source ? guarded(() -> super.read()) : super.read();
        if (b >= 0) {
          counted++;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = source ? guarded(() -> super.read(b, off, len)) : super.read(b, off, len);
        if (n > 0) {
          counted += n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Read rather than skip, so that skipped bytes are counted and checked.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
          int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
          if (r < 0) {
            break;
          }
          skipped += r;
        }
        return skipped;
      }
    };
  }

  /** Whether {@link #wrap} wraps the decompressor itself, so the archive's entries are checked already. */
  boolean wrapsSource() {
    return wholeStream;
  }

  /** @throws TooLarge when the archive has expanded past the limit */
  void check() throws TooLarge {
    if (tripped != null) {
      throw tripped;
    }
    long expanded = counted;
    long in = Math.max(1, compressed.count());
    if (expanded > ReadOptions.EXPANSION_ALLOWANCE && expanded / in >= options.maxExpansion()) {
      tripped = new TooLarge(String.format(Locale.ROOT, "the archive expands to more than %,d times its compressed"
          + " size (%,d bytes from the first %,d), the limit (--max-expansion raises it); reading it stopped here",
          options.maxExpansion(), expanded, in));
      throw tripped;
    }
  }

  private interface Read {
    int run() throws IOException;
  }

  private int guarded(Read read) throws IOException {
    try {
      return read.run();
    } catch (TooLarge e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("the compressed data of " + archive + " is truncated or corrupt ("
          + ReadProblem.reasonOf(e) + ")", e);
    }
  }
}
