package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.FieldSpan;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.testing.SharedData;

/** Reading seed pages, synthetic pages and registry records for the page tests. */
final class PageFixtures {

  static final String SEED_000 = "seeds/000_5042584f5d40f206.txt";
  static final String SEED_001 = "seeds/001_cd453c2458656e53.txt";
  static final String SEED_002 = "seeds/002_af3d16ab93fc7196.txt";
  static final String SEED_003 = "seeds/003_0d3af347639acb8b.txt";
  static final String SEED_004 = "seeds/004_0041cbfd29221786.txt";

  private PageFixtures() {}

  static String seedText(String seed) {
    try {
      return Files.readString(SharedData.require(seed), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ReadResult> read(String name, String text) {
    return read(name, text.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults());
  }

  static List<ReadResult> read(String name, byte[] bytes, ReadOptions options) {
    try (Stream<ReadResult> s = new PageReader().read(new SourceEntry(name, bytes.length, new ByteArrayInputStream(bytes)), options)) {
      return s.toList();
    }
  }

  /** The one record of a page that must read. */
  static ReadResult.Read one(String name, String text) {
    List<ReadResult> rs = read(name, text);
    assertEquals(1, rs.size(), rs.toString());
    return assertInstanceOf(ReadResult.Read.class, rs.get(0), rs.get(0).toString());
  }

  static ReadResult.Read seed(String seed) {
    return one(seed, seedText(seed));
  }

  /** The classic registry record of {@code nctId} in the MSC data set, read with {@link ClassicFieldsReader}. */
  static Study registry(String nctId) {
    Path file = SharedData.mscClassic();
    String line;
    try (Stream<String> lines = Files.lines(file)) {
      line = lines.filter(l -> l.contains("\"NCTId\": [\"" + nctId + "\"]")).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    try (Stream<ReadResult> s = new ClassicFieldsReader().read(new SourceEntry(file + "!" + nctId, b.length,
        new ByteArrayInputStream(b)), ReadOptions.defaults())) {
      return assertInstanceOf(ReadResult.Read.class, s.findFirst().orElseThrow()).study();
    }
  }

  /** The text of the page at the span of {@code path}. */
  static String spanText(ReadResult.Read r, String text, String path) {
    FieldSpan span = r.spans().stream().filter(s -> s.path().equals("protocolSection." + path)).findFirst()
        .orElseThrow(() -> new AssertionError("no span for " + path + " in " + r.spans()));
    return text.substring(span.start(), span.end());
  }
}
