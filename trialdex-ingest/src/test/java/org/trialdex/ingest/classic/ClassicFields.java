package org.trialdex.ingest.classic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;

/** Given/then helpers for the classic reader tests. */
final class ClassicFields {

  private ClassicFields() {}

  static List<ReadResult> readFile(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(new SourceEntry(path.getFileName().toString(), Files.size(path), in), ReadOptions.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ReadResult> readText(String text) {
    return readBytes(text.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults());
  }

  static List<ReadResult> readBytes(byte[] bytes, ReadOptions options) {
    return read(new SourceEntry("test.jsonl", bytes.length, new ByteArrayInputStream(bytes)), options);
  }

  private static List<ReadResult> read(SourceEntry entry, ReadOptions options) {
    try (var results = new ClassicFieldsReader().read(entry, options)) {
      return results.toList();
    }
  }

  static ReadResult.Read only(List<ReadResult> results) {
    if (results.size() != 1 || !(results.get(0) instanceof ReadResult.Read read)) {
      throw new AssertionError("expected one Read, got " + results);
    }
    return read;
  }
}
