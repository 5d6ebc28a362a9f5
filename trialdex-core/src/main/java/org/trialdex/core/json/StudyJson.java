package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
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
 *
 * <p>Types are strict (issue #12): a number, a boolean and an enum constant are read only from
 * their own JSON type, so {@code "overallStatus": 7} or {@code "enrollmentInfo": {"count": "12"}}
 * fails naming the path, the expected and the given type, rather than becoming {@code WITHDRAWN} or
 * 12 without a word. Text members still take a number or a boolean as written. Nesting deeper than
 * {@value #MAX_NESTING_DEPTH} levels fails with the line and column where it happened.
 *
 * <p>{@link #importing()} is the door for records coming in from outside: it also refuses text that
 * is not valid Unicode (a lone surrogate such as {@code "\udfff"}), which could be stored but never
 * written out as UTF-8. {@link #standard()} reads such text, so records stored before the rule
 * still read back.
 */
public final class StudyJson {

  /** How deep objects and arrays may nest: Jackson's default, named here so messages can say it. */
  public static final int MAX_NESTING_DEPTH = 1000;

  private static final StudyJson STANDARD = new StudyJson(newMapper(), false);
  private static final StudyJson IMPORTING = new StudyJson(STANDARD.mapper, true);

  private final ObjectMapper mapper;
  private final boolean refuseInvalidText;
  private final ObjectReader embeddedStudyReader;
  private final ObjectWriter compactWriter;
  private final ObjectWriter prettyWriter;

  private StudyJson(ObjectMapper mapper, boolean refuseInvalidText) {
    this.mapper = mapper;
    this.refuseInvalidText = refuseInvalidText;
    // Reads from a parser; readWhole checks what follows the study itself.
    this.embeddedStudyReader = mapper.readerFor(Study.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.compactWriter = mapper.writerFor(Study.class);
    this.prettyWriter = mapper.writerFor(Study.class).withDefaultPrettyPrinter();
  }

  private static ObjectMapper newMapper() {
    JsonFactory factory = JsonFactory.builder()
        // Some registry records (large result sets, long documents) exceed Jackson's defaults.
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(64 * 1024 * 1024)
            .maxDocumentLength(-1)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .build())
        .build();
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // Types are strict (issue #12): no ordinal for an enum, no "12" for 12, no 1.5 for 1, no 1 for true;
        // 20.0 is the whole number 20, as JSON has it (WholeNumbers).
        .addModule(WholeNumbers.module())
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(LogicalType.Integer, c -> refuse(c, CoercionInputShape.String,
            CoercionInputShape.EmptyString, CoercionInputShape.Float, CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Float, c -> refuse(c, CoercionInputShape.String,
            CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Boolean, c -> refuse(c, CoercionInputShape.String,
            CoercionInputShape.EmptyString, CoercionInputShape.Integer, CoercionInputShape.Float))
        .withCoercionConfig(LogicalType.Enum, c -> refuse(c, CoercionInputShape.Integer,
            CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
        // Keep numbers as written: 0.0 stays 0.0 when a record passes through a JSON tree.
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  private static void refuse(com.fasterxml.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** The shared instance. */
  public static StudyJson standard() {
    return STANDARD;
  }

  /**
   * The door for records from outside: reads as {@link #standard()} does and also refuses a name or
   * text value that is not valid Unicode (a lone surrogate), naming its path. Writing is the same.
   */
  public static StudyJson importing() {
    return IMPORTING;
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
    JsonParser parser;
    try {
      parser = mapper.getFactory().createParser(json);
    } catch (IOException e) {
      throw StudyJsonException.of(e, null);
    }
    return readWhole(parser);
  }

  /** Reads one study object from UTF-8 bytes; same errors as {@link #read(String)}. */
  public Study read(byte[] utf8) {
    JsonParser parser;
    try {
      parser = mapper.getFactory().createParser(utf8);
    } catch (IOException e) {
      throw StudyJsonException.of(e, null);
    }
    return readWhole(parser);
  }

  /** Maps a parsed JSON tree onto the model; same errors as {@link #read(String)}. */
  public Study read(JsonNode tree) {
    return readWhole(mapper.treeAsTokens(tree));
  }

  /** Reads the study object the parser is positioned on (its START_OBJECT token). */
  public Study read(JsonParser parser) {
    try {
      return embeddedStudyReader.readValue(checked(parser));
    } catch (IOException e) {
      throw StudyJsonException.of(e, parser);
    }
  }

  /**
   * Reads any JSON value as a tree, with the same limits as a study: nesting, and (for
   * {@link #importing()}) valid text. For sources whose records are JSON but not v2 studies.
   *
   * @throws StudyJsonException when the text is not one JSON value; the message names the line,
   *     column and (for invalid text) the path
   */
  public JsonNode readTree(String json) {
    JsonParser parser;
    try {
      parser = mapper.getFactory().createParser(json);
    } catch (IOException e) {
      throw StudyJsonException.of(e, null);
    }
    JsonParser p = checked(parser);
    try {
      JsonNode tree = mapper.readTree(p);
      if (tree == null) {
        throw MismatchedInputException.from(p, JsonNode.class, "no JSON value: the text is empty");
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        throw MismatchedInputException.from(p, JsonNode.class,
            "more after the JSON value: " + after.asString() + "; give one value only");
      }
      return tree;
    } catch (IOException e) {
      throw StudyJsonException.of(e, parser);
    } finally {
      closeQuietly(p);
    }
  }

  private Study readWhole(JsonParser parser) {
    JsonParser p = checked(parser);
    try {
      Study study = embeddedStudyReader.readValue(p);
      if (study == null) {
        throw MismatchedInputException.from(p, Study.class, "no study object: the text is empty or null");
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        throw MismatchedInputException.from(p, Study.class,
            "more after the study object: " + after.asString() + "; give one study only");
      }
      return study;
    } catch (IOException e) {
      throw StudyJsonException.of(e, parser);
    } finally {
      closeQuietly(p);
    }
  }

  private static void closeQuietly(JsonParser p) {
    try {
      p.close();
    } catch (IOException ignored) {
      // an in-memory source: nothing to release
    }
  }

  private JsonParser checked(JsonParser parser) {
    return refuseInvalidText ? new TextCheckingParser(parser) : parser;
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
