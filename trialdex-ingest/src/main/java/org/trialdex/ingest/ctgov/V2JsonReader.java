package org.trialdex.ingest.ctgov;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.json.StudyJsonException;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ByteLines;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.StudyReader;

/**
 * Reads ClinicalTrials.gov API v2 JSON in each shape the site and the API produce: one study
 * object, a JSON array of studies (the site's download), NDJSON (one study per line), and an API
 * page ({@code {"studies": [...], "nextPageToken": "..."}}), or several of these one after the
 * other.
 *
 * <p>Records are read one at a time from a streaming parser; a 100 MB array never sits whole in
 * memory. In NDJSON each line is parsed alone, so a broken line fails alone. In the other shapes a
 * syntax error ends the file (JSON cannot be resynchronised): the records before it are kept and
 * the failure names the line and column.
 */
public final class V2JsonReader implements StudyReader {

  /** The format id written into provenance. */
  public static final String FORMAT = "ctgov-v2-json";

  // The import door: text that is not Unicode (a lone surrogate escape) is refused (issue #12).
  private final StudyJson json = StudyJson.importing();
  // Reads one value from a parser positioned inside a larger document, so trailing tokens are expected.
  private final ObjectReader valueReader =
      json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public Stream<ReadResult> read(SourceEntry entry, ReadOptions options) {
    BufferedInputStream in = new BufferedInputStream(entry.in(), 1 << 16);
    Iterator<ReadResult> it;
    try {
      it = isNdjson(in) ? new NdjsonIterator(entry.name(), in, options) : new StreamingIterator(entry.name(), in, options);
    } catch (IOException e) {
      it = List.<ReadResult>of(failed(entry.name(), "", "cannot read: " + ReadProblem.reasonOf(e))).iterator();
    }
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * NDJSON when the first line alone is a complete JSON object and something follows it (a single
   * pretty-printed study begins with a line that is not a whole object).
   */
  private boolean isNdjson(BufferedInputStream in) throws IOException {
    int window = 1 << 22;
    in.mark(window);
    try {
      byte[] head = in.readNBytes(window);
      int start = 0;
      while (start < head.length && Character.isWhitespace(head[start])) {
        start++;
      }
      int nl = start;
      while (nl < head.length && head[nl] != '\n') {
        nl++;
      }
      if (nl >= head.length || start >= nl || head[start] != '{') {
        return false;
      }
      ObjectMapper mapper = json.mapper();
      try (JsonParser p = mapper.getFactory().createParser(head, start, nl - start)) {
        p.nextToken();
        p.skipChildren();
        if (p.nextToken() != null) {
          return false;
        }
      } catch (IOException notAWholeObject) {
        return false;
      }
      // Something after the first line: another record.
      for (int i = nl; i < head.length; i++) {
        if (!Character.isWhitespace(head[i])) {
          return true;
        }
      }
      return true;
    } finally {
      in.reset();
    }
  }

  private Study toStudy(JsonNode tree) {
    return json.read(tree);
  }

  private static ReadResult.Failed failed(String file, String record, String reason) {
    return new ReadResult.Failed(new ReadProblem(file, record, reason));
  }

  private static String nctOf(Study study) {
    var ps = study.protocolSection();
    return ps == null || ps.identificationModule() == null || ps.identificationModule().nctId() == null
        ? "" : ps.identificationModule().nctId();
  }

  private static String nctOf(JsonNode tree) {
    JsonNode id = tree.path("protocolSection").path("identificationModule").path("nctId");
    return id.isTextual() ? id.asText() : "";
  }

  private static String label(String nct, String position) {
    return nct.isEmpty() ? position : nct + " (" + position + ")";
  }

  /** One study per line. */
  private final class NdjsonIterator implements Iterator<ReadResult> {
    private final String file;
    private final ByteLines lines;
    private ReadResult next;
    private boolean done;

    NdjsonIterator(String file, InputStream in, ReadOptions options) {
      this.file = file;
      this.lines = new ByteLines(in, options.maxRecordBytes());
      this.options = options;
    }

    private final ReadOptions options;

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        ByteLines.Line line;
        try {
          line = lines.next();
        } catch (IOException e) {
          done = true;
          next = failed(file, "", "reading stopped: " + ReadProblem.reasonOf(e));
          break;
        }
        if (line == null) {
          done = true;
          break;
        }
        try {
          next = readLine(line);
        } catch (RuntimeException | StackOverflowError e) {
          // The per-record boundary: whatever breaks on one line costs that line, never the file.
          next = failed(file, "line " + line.number(), "could not read the line: " + ReadProblem.reasonOf(e)
              + "; this is a reader bug, please report it with the line");
        }
      }
      return next != null;
    }

    private ReadResult readLine(ByteLines.Line line) {
      String position = "line " + line.number();
      if (line.tooLong()) {
        return failed(file, position, options.tooLarge(line.tooLongBytes()));
      }
      byte[] bytes = java.util.Arrays.copyOf(line.bytes(), line.length());
      if (isBlank(bytes)) {
        return null;
      }
      try {
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        return failed(file, position, "not UTF-8 text (" + e.getMessage() + "); save the file as UTF-8");
      }
      try {
        // The common case in one pass, straight from bytes into the model.
        return new ReadResult.Read(json.read(bytes), new Provenance(FORMAT, file, position), List.of());
      } catch (StudyJsonException mappingFailed) {
        return explain(bytes, position, mappingFailed);
      }
    }

    /** Why a line did not read: not JSON, not an object, or a value that does not fit the model. */
    private ReadResult explain(byte[] bytes, String position, StudyJsonException e) {
      if (e.endsTheDocument() && !(e.getCause() instanceof StreamReadException)) {
        return failed(file, position, e.getMessage()); // over a limit such as nesting depth: the message says where
      }
      JsonNode tree;
      try {
        tree = json.mapper().readTree(bytes);
      } catch (IOException notJson) {
        return failed(file, position, "not JSON: " + firstLine(notJson.getMessage()));
      }
      if (!tree.isObject()) {
        return failed(file, position, "expected a study object, found " + tree.getNodeType().toString().toLowerCase());
      }
      return failed(file, label(nctOf(tree), position), e.getMessage());
    }

    @Override
    public ReadResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ReadResult r = next;
      next = null;
      return r;
    }
  }

  /** Single object, array, API page, or several of them in a row, read with one streaming parser. */
  private final class StreamingIterator implements Iterator<ReadResult> {
    private final String file;
    private final ReadOptions options;
    private final JsonParser parser;
    /** Open arrays of studies we are inside: 0 at top level. */
    private int arrayDepth;
    /** Inside an API page object, after or around its "studies" array. */
    private boolean inPage;
    private int recordIndex;
    private final List<ReadResult> pending = new ArrayList<>();
    private boolean done;

    StreamingIterator(String file, InputStream in, ReadOptions options) throws IOException {
      this.file = file;
      this.options = options;
      this.parser = json.mapper().getFactory().createParser(in);
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && !done) {
        try {
          step();
        } catch (StreamConstraintsException e) {
          // Over a limit (nesting depth): like a syntax error, the stream cannot be resynchronised.
          done = true;
          var at = parser.currentLocation();
          pending.add(failed(file, "record " + (recordIndex + 1), limitReason(e) + " at line " + at.getLineNr()
              + ", column " + at.getColumnNr() + "; records after this point were not read"));
        } catch (StreamReadException e) {
          done = true;
          String where = "at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
          String what = firstLine(e.getOriginalMessage());
          pending.add(failed(file, "record " + (recordIndex + 1), (what.startsWith("Invalid UTF-8")
              ? "not UTF-8 text " + where + " (" + what + "); save the file as UTF-8"
              : "invalid JSON " + where + ": " + what) + "; records after this point were not read"));
        } catch (IOException | UncheckedIOException e) {
          done = true;
          pending.add(failed(file, "record " + (recordIndex + 1), "reading stopped: " + ReadProblem.reasonOf(e)));
        }
      }
      if (done && pending.isEmpty()) {
        closeQuietly();
      }
      return !pending.isEmpty();
    }

    private void step() throws IOException {
      JsonToken t = parser.nextToken();
      if (t == null) {
        done = true;
        return;
      }
      if (inPage && arrayDepth == 0) {
        // The page's other members (nextPageToken, totalCount) are not records.
        if (t == JsonToken.FIELD_NAME) {
          parser.nextToken();
          parser.skipChildren();
          return;
        }
        if (t == JsonToken.END_OBJECT) {
          inPage = false;
          return;
        }
      }
      switch (t) {
        case START_ARRAY -> arrayDepth++;
        case END_ARRAY -> arrayDepth--;
        case START_OBJECT -> {
          if (arrayDepth > 0) {
            readArrayElement();
          } else {
            readObject();
          }
        }
        default -> {
          if (arrayDepth == 0) {
            done = true;
            pending.add(failed(file, "", "expected a study object, an array of studies or an API page, found "
                + t.asString() + " at line " + parser.currentLocation().getLineNr()));
          } else {
            recordIndex++;
            pending.add(failed(file, "record " + recordIndex, "expected a study object, found " + t.asString()));
          }
        }
      }
    }

    /** At START_OBJECT: a study, or (at top level) an API page whose "studies" we stream. */
    private void readObject() throws IOException {
      long start = parser.currentLocation().getByteOffset();
      ObjectNode tree = json.mapper().createObjectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (arrayDepth == 0 && name.equals("studies") && value == JsonToken.START_ARRAY && !tree.has("protocolSection")) {
          // An API page: the studies follow.
          arrayDepth++;
          inPage = true;
          return;
        }
        tree.set(name, valueReader.readTree(parser));
        long size = parser.currentLocation().getByteOffset() - start;
        if (size > options.maxRecordBytes()) {
          parser.skipChildren();
          skipRestOfObject();
          recordIndex++;
          pending.add(failed(file, "record " + recordIndex, options.tooLarge(size) + " (stopped counting at this size)"));
          return;
        }
      }
      recordIndex++;
      if (arrayDepth == 0 && tree.isEmpty()) {
        return;
      }
      String position = "record " + recordIndex;
      String nct = nctOf(tree);
      try {
        pending.add(new ReadResult.Read(toStudy(tree), new Provenance(FORMAT, file, position), List.of()));
      } catch (StudyJsonException e) {
        pending.add(failed(file, label(nct, position), e.getMessage()));
      }
    }

    /**
     * At START_OBJECT inside an array of studies: read straight into the model (one pass). When the
     * record does not fit the model, skip to its end and go on with the next element.
     */
    private void readArrayElement() throws IOException {
      long start = parser.currentLocation().getByteOffset();
      int depth = parser.getParsingContext().getNestingDepth();
      String position = "record " + (recordIndex + 1);
      Study study;
      try {
        study = json.read(parser);
      } catch (StudyJsonException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
          if (c instanceof StreamReadException syntax) {
            throw syntax; // not JSON: the file cannot be read past this point
          }
        }
        if (e.endsTheDocument()) {
          // Over a limit (nesting depth): the parser cannot find the end of this record.
          done = true;
          pending.add(failed(file, position, e.getMessage() + "; records after this point were not read"));
          return;
        }
        while (parser.getParsingContext().getNestingDepth() >= depth && parser.nextToken() != null) {
          // skip the rest of this record
        }
        recordIndex++;
        pending.add(failed(file, position, e.getMessage()));
        return;
      }
      recordIndex++;
      long size = parser.currentLocation().getByteOffset() - start;
      if (size > options.maxRecordBytes()) {
        pending.add(failed(file, label(nctOf(study), position), options.tooLarge(size)));
        return;
      }
      pending.add(new ReadResult.Read(study, new Provenance(FORMAT, file, position), List.of()));
    }

    private void skipRestOfObject() throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        parser.nextToken();
        parser.skipChildren();
      }
    }

    @Override
    public ReadResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.remove(0);
    }

    private void closeQuietly() {
      try {
        parser.close();
      } catch (IOException ignored) {
        // nothing more to read; the records already read stand
      }
    }
  }

  private static String limitReason(StreamConstraintsException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return m.contains("nesting depth") ? "nested deeper than " + StudyJson.MAX_NESTING_DEPTH + " levels of objects and arrays"
        : firstLine(e.getOriginalMessage());
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
