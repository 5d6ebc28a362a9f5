package org.trialdex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.ingest.ctgov.V2JsonReader;
import org.trialdex.ingest.legacy.LegacyArchive;
import org.trialdex.ingest.legacy.LegacyXmlReader;
import org.trialdex.testing.SharedData;

/**
 * Test helper: every record of the three shared record sets, read by the readers as an import
 * reads them: the legacy XML archive, the classic MSC records and the API v2 sample. A set that is
 * absent makes the calling test skip (SharedData).
 */
public final class SharedRecords {

  private SharedRecords() {}

  /** Calls {@code sink} with the set's name ({@code legacy-xml}, {@code classic-msc}, {@code v2-sample}) and each result. */
  public static void readAll(BiConsumer<String, ReadResult> sink) {
    Path legacy = SharedData.legacyArchive();
    Path classic = SharedData.mscClassic();
    Path v2 = SharedData.v2Sample();
    LegacyArchive.readAll(legacy, new LegacyXmlReader(), read -> sink.accept("legacy-xml", read));
    readFile(classic, new ClassicFieldsReader(), "classic-msc", sink);
    readFile(v2, new V2JsonReader(), "v2-sample", sink);
  }

  private static void readFile(Path path, StudyReader reader, String set, BiConsumer<String, ReadResult> sink) {
    try (InputStream in = Files.newInputStream(path);
        var results = reader.read(new SourceEntry(path.getFileName().toString(), Files.size(path), in),
            ReadOptions.defaults())) {
      results.forEach(r -> sink.accept(set, r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
