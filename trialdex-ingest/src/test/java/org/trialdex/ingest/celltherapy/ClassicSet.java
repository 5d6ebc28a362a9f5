package org.trialdex.ingest.celltherapy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialdex.core.model.Study;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.classic.ClassicFieldsReader;

/** The MSC set's studies by NCT id, read as an import reads them. */
final class ClassicSet {

  private ClassicSet() {}

  static Map<String, Study> read(Path file) {
    Map<String, Study> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
        var results = new ClassicFieldsReader().read(new SourceEntry(file.getFileName().toString(), Files.size(file), in),
            ReadOptions.defaults())) {
      results.forEach(r -> {
        if (r instanceof ReadResult.Read read) {
          out.put(read.nctId(), read.study());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
