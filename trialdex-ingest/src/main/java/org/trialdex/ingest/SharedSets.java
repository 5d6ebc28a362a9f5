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

/**
 * The public record sets of the project's shared data folder ({@code ../shared/data}, see its
 * README), read as an import reads them: the legacy XML archive, the classic MSC study fields and the
 * API v2 sample. For evaluation harnesses and tests; a serving node imports through {@link Importer}.
 */
public final class SharedSets {

  /** The legacy ClinicalStudy XML archive, relative to the data folder. */
  public static final String LEGACY = "ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz";
  /** The classic study fields of the MSC trials. */
  public static final String CLASSIC_MSC = "msc-trials-2022/msc_studyfields_2022-10.jsonl";
  /** The API v2 sample of 100 NSCLC studies. */
  public static final String V2_SAMPLE = "ctgov-api-v2/nsclcbench-100/ctg-studies.json";

  private SharedSets() {}

  /**
   * Calls {@code sink} with the set's name ({@code legacy-xml}, {@code classic-msc}, {@code
   * v2-sample}) and each result, for the three sets under {@code dataDir}.
   */
  public static void readAll(Path dataDir, BiConsumer<String, ReadResult> sink) {
    readAll(dataDir.resolve(LEGACY), dataDir.resolve(CLASSIC_MSC), dataDir.resolve(V2_SAMPLE), sink);
  }

  /** As {@link #readAll(Path, BiConsumer)}, with each set's file given. */
  public static void readAll(Path legacy, Path classic, Path v2, BiConsumer<String, ReadResult> sink) {
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
