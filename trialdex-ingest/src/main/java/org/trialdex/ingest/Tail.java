package org.trialdex.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes an archive reader takes from its source, with the last few kept, to tell an archive that
 * ends properly from one cut short. Archive readers stop quietly when the data ends between two
 * entries, as if the archive were complete; only its end record tells the two apart: a tar ends with
 * blocks of zeros, a zip with its end-of-central-directory record.
 */
final class Tail extends FilterInputStream {

  /** How a format's end looks. */
  enum End {
    /** A tar ends with (at least) one 512-byte block of zeros. */
    TAR(512),
    /** A zip ends with its end-of-central-directory record, followed by a comment of up to 65,535 bytes. */
    ZIP(22 + 65_535);

    final int keep;

    End(int keep) {
      this.keep = keep;
    }
  }

  static final End TAR_END = End.TAR;
  static final End ZIP_END = End.ZIP;

  private final End end;
  private final byte[] ring;
  /** Bytes read so far. */
  private long seen;
  /** Where the next byte goes in {@link #ring}; the last byte read is just before it. */
  private int next;
  private final byte[] scratch = new byte[8192];

  Tail(InputStream in, End end) {
    super(in);
    this.end = end;
    this.ring = new byte[end.keep];
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      ring[next] = (byte) b;
      next = next + 1 == ring.length ? 0 : next + 1;
      seen++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      keep(b, off, n);
    }
    return n;
  }

  /** Copies the last bytes of {@code b[off, off + n)} into the ring, a block at a time. */
  private void keep(byte[] b, int off, int n) {
    seen += n;
    if (n >= ring.length) {
      System.arraycopy(b, off + n - ring.length, ring, 0, ring.length);
      next = 0;
      return;
    }
    int first = Math.min(n, ring.length - next);
    System.arraycopy(b, off, ring, next, first);
    System.arraycopy(b, off + first, ring, 0, n - first);
    next = (next + n) % ring.length;
  }

  /** Skips by reading, so that the skipped bytes count as seen. */
  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Whether the bytes read so far end as the format requires of a complete archive. */
  boolean endedProperly() {
    int kept = (int) Math.min(seen, ring.length);
    return switch (end) {
      case TAR -> kept == ring.length && allZero();
      case ZIP -> hasZipEnd(kept);
    };
  }

  private byte at(int fromEnd) {
    return ring[Math.floorMod(next - fromEnd, ring.length)];
  }

  private boolean allZero() {
    for (byte b : ring) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** An end-of-central-directory signature (PK 5 6) at least 22 bytes before the end. */
  private boolean hasZipEnd(int kept) {
    for (int fromEnd = 22; fromEnd <= kept; fromEnd++) {
      if (at(fromEnd) == 'P' && at(fromEnd - 1) == 'K' && at(fromEnd - 2) == 5 && at(fromEnd - 3) == 6) {
        return true;
      }
    }
    return false;
  }
}
