package org.trialdex.ingest.classic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.json.StudyJsonException;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ByteLines;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.StudyReader;

/**
 * Reads ClinicalTrials.gov classic-API study fields: one JSON object per line whose keys are
 * classic field ("piece") names and whose values are lists of text, as the retired
 * {@code study_fields} endpoint returned them ({@code {"NCTId": ["NCT00081055"], "LocationCity":
 * ["Boston", "Houston"], ...}}).
 *
 * <p>Each line is one record, read lazily. A line that is not UTF-8, not a JSON object, longer
 * than {@link ReadOptions#maxRecordBytes()}, or without one valid NCT number fails alone, and
 * reading goes on with the next line. Blank lines are skipped; a file with no record fails as a
 * whole. Keys starting with {@code _} are the collector's own metadata (such as {@code _queries})
 * and are ignored.
 *
 * <p>Pieces map onto v2 paths by one table. The classic export drops empty values, so parallel
 * lists (the n-th {@code LocationCity} with the n-th {@code LocationFacility}) only line up when
 * they have equal length; a shorter list that is not empty is left out with a warning naming the
 * list and the lengths, and lists nested in a list of more than one element (a location's
 * contacts, a measure's classes) are reported, never guessed. Arm ↔ intervention links, which the
 * export writes from both sides, are rebuilt only when the two flattened lists split in exactly one
 * way. See
 * {@code docs/classic-fields-mapping.md}.
 */
public final class ClassicFieldsReader implements StudyReader {

  /** The source format id, as written in {@link Provenance#format()}. */
  public static final String FORMAT = "ctgov-classic-fields";

  // The import door: nesting and text that is not Unicode are refused with their place (issue #12).
  private final StudyJson json = StudyJson.importing();

  /** A reader; it holds no state between calls and may be shared. */
  public ClassicFieldsReader() {}

  @Override
  public Stream<ReadResult> read(org.trialdex.ingest.SourceEntry entry, ReadOptions options) {
    return StreamSupport.stream(new Lines(entry.name(), new ByteLines(entry.in(), options.maxRecordBytes()), options),
        false);
  }

  /** The records of one file, one line at a time. */
  private final class Lines extends Spliterators.AbstractSpliterator<ReadResult> {
    private final String file;
    private final ByteLines lines;
    private final ReadOptions options;
    private final RecordMapper mapper;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long records;
    private boolean done;

    Lines(String file, ByteLines lines, ReadOptions options) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.file = file;
      this.lines = lines;
      this.options = options;
      this.mapper = new RecordMapper(file);
    }

    @Override
    public boolean tryAdvance(Consumer<? super ReadResult> action) {
      if (done) {
        return false;
      }
      ReadResult result;
      try {
        result = nextResult();
      } catch (IOException e) {
        done = true;
        result = ReadResult.failed(file, "",
            "could not read the file after " + records + " records: " + ReadProblem.reasonOf(e)
                + "; check that the file is complete and readable, then import it again");
      }
      if (result == null) {
        done = true;
        return false;
      }
      action.accept(result);
      return true;
    }

    private ReadResult nextResult() throws IOException {
      while (true) {
        ByteLines.Line line = lines.next();
        if (line == null) {
          done = true;
          return records == 0 ? ReadResult.failed(file, "",
              "the file holds no records: it is empty or has only blank lines") : null;
        }
        String position = "line " + line.number();
        if (line.tooLong()) {
          records++;
          return ReadResult.failed(file, position, options.tooLarge(line.tooLongBytes()));
        }
        if (isBlank(line)) {
          continue;
        }
        records++;
        try {
          return record(line, position);
        } catch (RuntimeException | StackOverflowError e) {
          // The per-record boundary: whatever breaks on one line costs that line, never the file.
          return ReadResult.failed(file, position, "could not read the line: " + ReadProblem.reasonOf(e)
              + "; this is a reader bug, please report it with the line");
        }
      }
    }

    private ReadResult record(ByteLines.Line line, String position) {
      String text;
      ByteBuffer bytes = ByteBuffer.wrap(line.bytes(), 0, line.length());
      try {
        CharBuffer chars = utf8.reset().decode(bytes);
        text = chars.toString();
      } catch (CharacterCodingException e) {
        // decode leaves the buffer at the first byte it could not read.
        return ReadResult.failed(file, position, String.format(java.util.Locale.ROOT,
            "the line is not valid UTF-8: byte 0x%02X at byte %d of the line starts no character;"
                + " save the file as UTF-8 and import it again", bytes.get(bytes.position()), bytes.position() + 1));
      }
      JsonNode tree;
      try {
        tree = json.readTree(text);
      } catch (StudyJsonException e) {
        // Not JSON, nested too deep, or text that is not Unicode (the reason names the field: BriefTitle[0]).
        String where = e.column() > 0 ? " (column " + e.column() + ")" : "";
        return ReadResult.failed(file, position, e.notJson()
            ? "the line is not JSON: " + e.reason() + where + "; each line must be one JSON object"
            : "the line is refused: " + e.reason() + where);
      }
      try {
        return switch (mapper.map(tree)) {
          case RecordMapper.Outcome.Mapped m ->
              new ReadResult.Read(m.study(), new Provenance(FORMAT, file, position), m.warnings());
          case RecordMapper.Outcome.Rejected r -> ReadResult.failed(file, position, r.reason());
        };
      } catch (RuntimeException e) {
        // The per-record boundary: a mapping bug costs this record, never the batch.
        return ReadResult.failed(file, position, "could not map the record (" + e
            + "); this is a reader bug, please report it with the line");
      }
    }

    private static boolean isBlank(ByteLines.Line line) {
      for (int i = 0; i < line.length(); i++) {
        byte b = line.bytes()[i];
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }
}
