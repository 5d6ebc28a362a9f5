package org.trialdex.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Turns paths (files, folders, archives) into the records they hold: walks folders, opens
 * {@code .zip}, {@code .tar}, {@code .tar.gz} and {@code .gz} by their magic bytes, detects each
 * entry's format and hands it to that format's reader. Everything streams: one archive entry is
 * open at a time, and its records are read before the next entry is reached.
 */
final class Sources {

  private static final int SNIFF = 64 * 1024;

  private final ReadOptions options;
  private final AtomicLong bytesDone;
  private volatile String currentFile = "";

  Sources(ReadOptions options, AtomicLong bytesDone) {
    this.options = options;
    this.bytesDone = bytesDone;
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
          missing.add(new ReadProblem(p.toString(), "", "cannot list the folder: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        missing.add(new ReadProblem(p.toString(), "", Files.exists(p) ? "not a regular file or folder" : "no such file or folder"));
      }
    }
    return files;
  }

  /** Every record of {@code file}, lazily; the stream's close closes the file. */
  Stream<ReadResult> read(Path file) {
    currentFile = file.toString();
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return Stream.of(failure(file.toString(), "no such file"));
    } catch (IOException e) {
      return Stream.of(failure(file.toString(), "cannot open: " + e.getMessage()));
    }
    BufferedInputStream in = new BufferedInputStream(new Counting(raw, bytesDone), 1 << 16);
    Stream<ReadResult> records;
    try {
      records = open(file.toString(), in);
    } catch (IOException e) {
      records = Stream.of(failure(file.toString(), "cannot read: " + e.getMessage()));
    }
    return records.onClose(() -> {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private Stream<ReadResult> open(String name, BufferedInputStream in) throws IOException {
    byte[] magic = peek(in, 512);
    if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      return entries(name, new ZipArchiveInputStream(in));
    }
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      BufferedInputStream gz = new BufferedInputStream(new GzipCompressorInputStream(in, true), 1 << 16);
      byte[] inner;
      try {
        inner = peek(gz, 512);
      } catch (IOException e) {
        return Stream.of(failure(name, "not a readable gzip file: " + e.getMessage()));
      }
      if (isTar(inner)) {
        return entries(name, new TarArchiveInputStream(gz));
      }
      String innerName = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
      return entry(new SourceEntry(innerName, -1, gz));
    }
    if (isTar(magic)) {
      return entries(name, new TarArchiveInputStream(in));
    }
    return entry(new SourceEntry(name, -1, in));
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

  /** The records of one file or archive entry, read by the reader its first bytes call for. */
  private Stream<ReadResult> entry(SourceEntry entry) {
    BufferedInputStream in = entry.in() instanceof BufferedInputStream b ? b : new BufferedInputStream(entry.in(), 1 << 16);
    byte[] head;
    try {
      head = peek(in, SNIFF);
    } catch (IOException e) {
      return Stream.of(failure(entry.name(), "cannot read: " + e.getMessage()));
    }
    return switch (SourceFormat.detect(head, head.length)) {
      case SourceFormat.Detection.Known known ->
          known.format().reader().read(new SourceEntry(entry.name(), entry.size(), in), options);
      case SourceFormat.Detection.Unknown unknown -> Stream.of(failure(entry.name(), "unknown format: " + unknown.reason()));
    };
  }

  private Stream<ReadResult> entries(String archive, ArchiveInputStream<?> in) {
    Iterator<Stream<ReadResult>> it = new Iterator<>() {
      private Stream<ReadResult> next;
      private boolean done;
      private String lastEntry = "";

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          ArchiveEntry e;
          try {
            e = in.getNextEntry();
          } catch (IOException | RuntimeException ex) {
            done = true;
            next = Stream.of(failure(archive, "the archive is truncated or corrupt"
                + (lastEntry.isEmpty() ? "" : " after entry " + lastEntry) + " (" + ex.getMessage()
                + "); the entries before it were read"));
            break;
          }
          if (e == null) {
            done = true;
            break;
          }
          if (e.isDirectory() || skipped(e.getName())) {
            continue;
          }
          lastEntry = e.getName();
          String name = archive + "!" + e.getName();
          currentFile = name;
          if (!in.canReadEntryData(e)) {
            next = Stream.of(failure(name, "this archive entry cannot be read (encrypted or an unsupported compression method)"));
            break;
          }
          next = entry(new SourceEntry(name, e.getSize(), new NonClosing(in)));
        }
        return next != null;
      }

      @Override
      public Stream<ReadResult> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Stream<ReadResult> s = next;
        next = null;
        return s;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .flatMap(s -> s);
  }

  /** Archive noise that is never a record: macOS resource forks and hidden files. */
  private static boolean skipped(String entryName) {
    String base = entryName.substring(entryName.lastIndexOf('/') + 1);
    return entryName.startsWith("__MACOSX/") || base.startsWith(".");
  }

  private static ReadResult.Failed failure(String file, String reason) {
    return new ReadResult.Failed(new ReadProblem(file, "", reason));
  }

  /** Counts bytes read from the file on disk, for progress. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong counter;

    Counting(InputStream in, AtomicLong counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counter.addAndGet(n);
      }
      return n;
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
