package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Sha256;

/**
 * The ClinicalTrials.gov API v2 JSON form of a {@link Study}: read, write, and the content hash
 * that tells whether two records say the same thing.
 *
 * <p>Reading then writing a v2 record gives the same JSON, key order and whitespace aside;
 * members the model does not know are kept. Instances are immutable and thread-safe; share
 * {@link #standard()}.
 */
public final class StudyJson {

  private static final StudyJson STANDARD = new StudyJson();

  private final ObjectMapper mapper;
  private final ObjectReader studyReader;
  private final ObjectReader embeddedStudyReader;
  private final ObjectWriter compactWriter;
  private final ObjectWriter prettyWriter;

  private StudyJson() {
    JsonFactory factory = JsonFactory.builder()
        // Some registry records (large result sets, long documents) exceed Jackson's defaults.
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(64 * 1024 * 1024)
            .maxDocumentLength(-1)
            .build())
        .build();
    this.mapper = JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // Keep numbers as written: 0.0 stays 0.0 when a record passes through a JSON tree.
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
    this.studyReader = mapper.readerFor(Study.class);
    // A study inside a larger document (an array, an API page) is followed by more tokens.
    this.embeddedStudyReader = studyReader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.compactWriter = mapper.writerFor(Study.class);
    this.prettyWriter = mapper.writerFor(Study.class).withDefaultPrettyPrinter();
  }

  /** The shared instance. */
  public static StudyJson standard() {
    return STANDARD;
  }

  /** The mapper configured for v2 JSON, for readers that stream many records from one source. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads one study object.
   *
   * @throws StudyJsonException when the text is not JSON or does not fit the v2 model; the message
   *     names the JSON path and line where reading stopped
   */
  public Study read(String json) {
    try {
      return studyReader.readValue(json);
    } catch (JsonProcessingException e) {
      throw StudyJsonException.of(e);
    }
  }

  /** Reads one study object from UTF-8 bytes; same errors as {@link #read(String)}. */
  public Study read(byte[] utf8) {
    try {
      return studyReader.readValue(utf8);
    } catch (IOException e) {
      throw StudyJsonException.of(e);
    }
  }

  /** Maps a parsed JSON tree onto the model; same errors as {@link #read(String)}. */
  public Study read(JsonNode tree) {
    try {
      return studyReader.readValue(tree);
    } catch (IOException e) {
      throw StudyJsonException.of(e);
    }
  }

  /** Reads the study object the parser is positioned on (its START_OBJECT token). */
  public Study read(JsonParser parser) {
    try {
      return embeddedStudyReader.readValue(parser);
    } catch (IOException e) {
      throw StudyJsonException.of(e);
    }
  }

  /** Compact v2 JSON, as stored and exported. */
  public String write(Study study) {
    try {
      return compactWriter.writeValueAsString(study);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write study as JSON", e);
    }
  }

  /** Compact v2 JSON as UTF-8 bytes. */
  public byte[] writeBytes(Study study) {
    try {
      return compactWriter.writeValueAsBytes(study);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write study as JSON", e);
    }
  }

  /** Indented v2 JSON, for people. */
  public String writePretty(Study study) {
    try {
      return prettyWriter.writeValueAsString(study);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write study as JSON", e);
    }
  }

  /** The study as a JSON tree, e.g. to compare two records module by module. */
  public JsonNode tree(Study study) {
    return mapper.valueToTree(study);
  }

  /**
   * The SHA-256 of the study's compact JSON in the model's member order, hex encoded. Two records
   * with the same content have the same hash whatever the key order of their sources.
   */
  public String contentHash(Study study) {
    return Sha256.hex(writeBytes(study));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
