package org.trialdex.ingest.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.StudyReader;

/** Reads every XML entry of a tar.gz archive of legacy records with one reader, in archive order (evaluation harnesses, tests). */
public final class LegacyArchive {

  private LegacyArchive() {}

  /** Every result of {@code reader} over the XML entries of {@code archive}, in archive order. */
  public static void readAll(Path archive, StudyReader reader, Consumer<ReadResult> sink) {
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.isDirectory() || !e.getName().endsWith(".xml")) {
          continue;
        }
        SourceEntry entry = new SourceEntry(archive.getFileName() + "!" + e.getName(), e.getSize(), tar);
        try (var results = reader.read(entry, ReadOptions.defaults())) {
          results.forEach(sink);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
