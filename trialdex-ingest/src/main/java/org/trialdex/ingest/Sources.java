package org.trialdex.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Turns files (and the archives among them) into the records they hold, in order: opens
 * {@code .zip}, {@code .tar}, {@code .tar.gz} and {@code .gz} by their magic bytes, detects each
 * entry's format and hands it to that format's reader.
 *
 * <p>Everything streams: one file and one archive entry are open at a time. Entries of formats that
 * hold one record each (legacy XML) are the exception that makes imports fast: up to
 * {@link #WINDOW} of them, and at most {@link #WINDOW_BYTES}, are read ahead into memory and mapped
 * on all cores, and their results still come out in source order. An entry of a streaming format
 * (a JSON array, NDJSON) is read in place, after every entry before it.
 *
 * <p>Not thread-safe: one import uses one {@code Sources}; {@link #close} stops its mapping threads.
 */
final class Sources implements AutoCloseable {

  private static final int SNIFF = 64 * 1024;
  /** One-record entries read ahead and mapped in parallel... */
  static final int WINDOW = 64;
  /** ...as long as they hold at most this many bytes together (one oversized entry still fits). */
  static final long WINDOW_BYTES = 64L * 1024 * 1024;

  private final ReadOptions options;
  private final AtomicLong bytesDone;
  private final ExecutorService mappers;
  private volatile String currentFile = "";

  Sources(ReadOptions options, AtomicLong bytesDone) {
    this.options = options;
    this.bytesDone = bytesDone;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.mappers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "trialdex-import-mapper");
      t.setDaemon(true);
      return t;
    });
  }

  String currentFile() {
    return currentFile;
  }

  /** The files the paths name, folders walked in name order; missing paths become failures. */
  static List<Path> expand(List<Path> paths, List<ReadProblem> missing) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
        } catch (IOException e) {
          missing.add(new ReadProblem(p.toString(), "", "cannot list the folder: " + ReadProblem.reasonOf(e)));
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        missing.add(new ReadProblem(p.toString(), "", Files.exists(p) ? "not a regular file or folder" : "no such file or folder"));
      }
    }
    return files;
  }

  /** Every record of every file, in order. Iterate it on one thread; close this Sources after. */
  Iterator<ReadResult> records(List<Path> files) {
    return new Records(new Entries(files));
  }

  @Override
  public void close() {
    mappers.shutdownNow();
  }

  // ---- records: ordered results over a window of pending entries ----

  /** The results of one entry: ready, being mapped on another thread, or to be read in place. */
  private sealed interface Pending {
    /** The file or archive entry the results are of. */
    String name();

    record Ready(String name, List<ReadResult> results) implements Pending {}

    record Mapping(Future<List<ReadResult>> results, String name, long bytes) implements Pending {}

    record InPlace(String name, Stream<ReadResult> results) implements Pending {}
  }

  private final class Records implements Iterator<ReadResult> {
    private final Entries entries;
    private final Deque<Pending> window = new ArrayDeque<>();
    private long windowBytes;
    private Iterator<ReadResult> current = List.<ReadResult>of().iterator();
    private Stream<ReadResult> currentStream;
    private String currentName = "";
    private String lastRecord = "";
    private ReadResult ahead;

    Records(Entries entries) {
      this.entries = entries;
    }

    @Override
    public boolean hasNext() {
      while (ahead == null) {
        ReadResult r = fromCurrent();
        if (r != null) {
          ahead = r;
          break;
        }
        if (!nextEntry()) {
          return false;
        }
      }
      return true;
    }

    /**
     * The next result of the current entry, or null at its end. A reader that throws (it should
     * return a failure instead) costs the rest of its entry, never the other entries and files:
     * the exception becomes a failure naming the entry and the last record read before it.
     */
    private ReadResult fromCurrent() {
      try {
        if (!current.hasNext()) {
          return null;
        }
        ReadResult r = current.next();
        if (r instanceof ReadResult.Read read) {
          lastRecord = read.provenance().position();
        } else if (r instanceof ReadResult.Failed f && !f.problem().record().isEmpty()) {
          lastRecord = f.problem().record();
        }
        return r;
      } catch (RuntimeException | StackOverflowError e) {
        current = List.<ReadResult>of().iterator();
        return failure(currentName, lastRecord.isEmpty() ? "" : "after " + lastRecord,
            "reading stopped: " + ReadProblem.reasonOf(e) + "; the rest of this file was not read"
                + " (a reader bug; please report it with the file)");
      }
    }

    private boolean nextEntry() {
      if (currentStream != null) {
        try {
          currentStream.close();
        } catch (RuntimeException ignored) {
          // the entry is done either way
        }
        currentStream = null;
      }
      fill();
      Pending next = window.pollFirst();
      if (next == null) {
        entries.close();
        return false;
      }
      lastRecord = "";
      currentName = next.name();
      current = switch (next) {
        case Pending.Ready r -> r.results().iterator();
        case Pending.Mapping m -> {
          windowBytes -= m.bytes();
          yield await(m);
        }
        case Pending.InPlace p -> {
          currentStream = p.results();
          yield p.results().iterator();
        }
      };
      return true;
    }

    /** Reads ahead until the window is full or an entry must be read in place (it is last then). */
    private void fill() {
      while (window.size() < WINDOW && windowBytes < WINDOW_BYTES
          && !(window.peekLast() instanceof Pending.InPlace) && entries.hasNext()) {
        Pending p = entries.next();
        if (p instanceof Pending.Mapping m) {
          windowBytes += m.bytes();
        }
        window.addLast(p);
      }
    }

    private Iterator<ReadResult> await(Pending.Mapping m) {
      try {
        return m.results().get().iterator();
      } catch (ExecutionException e) {
        return List.<ReadResult>of(failure(m.name(), "reading stopped: " + ReadProblem.reasonOf(e.getCause())
            + " (a reader bug; please report it with the file)")).iterator();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.<ReadResult>of(failure(m.name(), "interrupted")).iterator();
      }
    }

    @Override
    public ReadResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ReadResult r = ahead;
      ahead = null;
      return r;
    }
  }

  // ---- entries: files and archive entries, one open at a time ----

  private final class Entries implements Iterator<Pending>, AutoCloseable {
    private final Iterator<Path> files;
    private InputStream openFile;
    private Iterator<Pending> inFile = List.<Pending>of().iterator();

    Entries(List<Path> files) {
      this.files = files.iterator();
    }

    @Override
    public boolean hasNext() {
      while (!inFile.hasNext()) {
        close();
        if (!files.hasNext()) {
          return false;
        }
        inFile = open(files.next());
      }
      return true;
    }

    @Override
    public Pending next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return inFile.next();
    }

    private Iterator<Pending> open(Path file) {
      currentFile = file.toString();
      try {
        Counting counted = new Counting(Files.newInputStream(file), bytesDone);
        openFile = new BufferedInputStream(counted, 1 << 16);
        return openArchiveOrFile(file.toString(), (BufferedInputStream) openFile, counted);
      } catch (IOException | RuntimeException | StackOverflowError e) {
        return List.<Pending>of(ready(failure(file.toString(), "cannot read: " + ReadProblem.reasonOf(e)))).iterator();
      }
    }

    @Override
    public void close() {
      if (openFile != null) {
        try {
          openFile.close();
        } catch (IOException ignored) {
          // read-only file: nothing was lost
        }
        openFile = null;
      }
    }
  }

  private Iterator<Pending> openArchiveOrFile(String name, BufferedInputStream in, Counting compressed) throws IOException {
    byte[] magic = peek(in, 512);
    if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      Tail tail = new Tail(in, Tail.ZIP_END);
      ZipArchiveInputStream zip = new ZipArchiveInputStream(tail);
      return archiveEntries(name, zip, tail, new Expansion(name, compressed, false, options));
    }
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      Expansion expansion = new Expansion(name, compressed, true, options);
      BufferedInputStream gz = new BufferedInputStream(expansion.wrap(new GzipCompressorInputStream(in, true)), 1 << 16);
      byte[] inner;
      try {
        inner = peek(gz, 512);
      } catch (IOException e) {
        return List.<Pending>of(ready(failure(name, "not a readable gzip file: " + ReadProblem.reasonOf(e)))).iterator();
      }
      if (isTar(inner)) {
        Tail tail = new Tail(gz, Tail.TAR_END);
        return archiveEntries(name, new TarArchiveInputStream(tail), tail, expansion);
      }
      String innerName = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
      return List.of(entry(new SourceEntry(innerName, -1, gz))).iterator();
    }
    if (isTar(magic)) {
      Tail tail = new Tail(in, Tail.TAR_END);
      return archiveEntries(name, new TarArchiveInputStream(tail), tail, null);
    }
    return List.of(entry(new SourceEntry(name, -1, in))).iterator();
  }

  /**
   * The entries of an archive, one at a time. Stops with a failure naming the archive when it is
   * truncated (it ends without its end record), corrupt, holds more entries than
   * {@link ReadOptions#maxArchiveEntries()}, or expands past {@link ReadOptions#maxExpansion()}.
   *
   * @param expansion the expansion check of a compressed archive; null for a plain tar
   */
  private Iterator<Pending> archiveEntries(String archive, ArchiveInputStream<?> in, Tail tail, Expansion expansion) {
    return new Iterator<>() {
      private Pending next;
      private boolean done;
      private String lastEntry = "";
      private long entries;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          ArchiveEntry e;
          try {
            e = in.getNextEntry();
            if (expansion != null) {
              expansion.check();
            }
          } catch (Expansion.TooLarge ex) {
            done = true;
            next = ready(failure(archive, ex.getMessage()));
            break;
          } catch (java.io.EOFException ex) {
            done = true;
            next = ready(failure(archive, "the archive is truncated" + after() + ": its data ends early; the entries"
                + " before the break were read, check that the file is complete"));
            break;
          } catch (IOException | RuntimeException | StackOverflowError ex) {
            done = true;
            next = ready(failure(archive, "the archive is truncated or corrupt" + after() + " ("
                + ReadProblem.reasonOf(ex) + "); the entries before it were read"));
            break;
          }
          if (e == null) {
            done = true;
            if (!tail.endedProperly()) {
              next = ready(failure(archive, "the archive is truncated: it ends" + after() + " without the end"
                  + " record its format requires; the entries before it were read, check that the file is complete"));
            }
            break;
          }
          if (e.isDirectory() || skipped(e.getName())) {
            continue;
          }
          if (++entries > options.maxArchiveEntries()) {
            done = true;
            next = ready(failure(archive, String.format(Locale.ROOT, "the archive holds more than %,d entries, the"
                + " limit (--max-archive-entries raises it); the entries after %s were not read",
                options.maxArchiveEntries(), lastEntry)));
            break;
          }
          lastEntry = e.getName();
          String name = archive + "!" + e.getName();
          currentFile = name;
          if (!in.canReadEntryData(e)) {
            next = ready(failure(name, "this archive entry cannot be read (encrypted or an unsupported compression method)"));
            break;
          }
          InputStream data = new NonClosing(in);
          next = entry(new SourceEntry(name, e.getSize(), expansion == null || expansion.wrapsSource() ? data : expansion.wrap(data)));
        }
        return next != null;
      }

      private String after() {
        return lastEntry.isEmpty() ? "" : " after entry " + lastEntry;
      }

      @Override
      public Pending next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Pending p = next;
        next = null;
        return p;
      }
    };
  }

  /**
   * Detects the entry's format; maps a one-record entry on the pool, reads others in place. An
   * exception here costs this entry only.
   */
  private Pending entry(SourceEntry entry) {
    try {
      return detectAndRead(entry);
    } catch (RuntimeException | StackOverflowError e) {
      return ready(failure(entry.name(), "cannot read: " + ReadProblem.reasonOf(e)));
    }
  }

  private Pending detectAndRead(SourceEntry entry) {
    BufferedInputStream in = entry.in() instanceof BufferedInputStream b ? b : new BufferedInputStream(entry.in(), 1 << 16);
    byte[] head;
    try {
      head = peek(in, SNIFF);
    } catch (IOException e) {
      return ready(failure(entry.name(), "cannot read: " + ReadProblem.reasonOf(e)));
    }
    return switch (SourceFormat.detect(head, head.length)) {
      case SourceFormat.Detection.Unknown unknown -> ready(failure(entry.name(), "unknown format: " + unknown.reason()));
      case SourceFormat.Detection.Known known -> {
        StudyReader reader = known.format().reader();
        if (!reader.oneRecordPerEntry()) {
          yield new Pending.InPlace(entry.name(), reader.read(new SourceEntry(entry.name(), entry.size(), in), options));
        }
        if (entry.size() > options.maxRecordBytes()) {
          yield ready(failure(entry.name(), options.tooLarge(entry.size())));
        }
        byte[] bytes;
        try {
          // One byte over the limit is enough to know the record is too large.
          bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxRecordBytes() + 1));
        } catch (IOException e) {
          yield ready(failure(entry.name(), "reading stopped: " + ReadProblem.reasonOf(e)));
        }
        if (bytes.length > options.maxRecordBytes()) {
          yield ready(failure(entry.name(), options.tooLarge(bytes.length) + " (stopped reading at this size)"));
        }
        SourceEntry inMemory = new SourceEntry(entry.name(), bytes.length, new ByteArrayInputStream(bytes));
        yield new Pending.Mapping(mappers.submit(() -> {
          try (Stream<ReadResult> results = reader.read(inMemory, options)) {
            return results.toList();
          }
        }), entry.name(), bytes.length);
      }
    };
  }

  private static Pending ready(ReadResult.Failed result) {
    return new Pending.Ready(result.problem().file(), List.of(result));
  }

  private static boolean isTar(byte[] head) {
    return head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't'
        && head[260] == 'a' && head[261] == 'r';
  }

  private static byte[] peek(BufferedInputStream in, int n) throws IOException {
    in.mark(n);
    try {
      return in.readNBytes(n);
    } finally {
      in.reset();
    }
  }

  /** Archive noise that is never a record: macOS resource forks and hidden files. */
  private static boolean skipped(String entryName) {
    String base = entryName.substring(entryName.lastIndexOf('/') + 1);
    return entryName.startsWith("__MACOSX/") || base.startsWith(".");
  }

  private static ReadResult.Failed failure(String file, String reason) {
    return failure(file, "", reason);
  }

  private static ReadResult.Failed failure(String file, String record, String reason) {
    return new ReadResult.Failed(new ReadProblem(file, record, reason));
  }

  /** Counts bytes read from the file on disk: for progress, and for each file on its own. */
  static final class Counting extends FilterInputStream {
    private final AtomicLong counter;
    private long count;

    Counting(InputStream in, AtomicLong counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.incrementAndGet();
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counter.addAndGet(n);
        count += n;
      }
      return n;
    }

    /** Bytes read from this file so far. */
    long count() {
      return count;
    }
  }

  /** An archive entry's stream: readers may close it, the archive stays open for the next entry. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the archive is closed by its opener
    }
  }
}
