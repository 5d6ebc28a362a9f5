package org.trialdex.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Sha256;

/**
 * Sentence embeddings in process: all-MiniLM-L6-v2 (quantized, 384 dimensions), as packaged by
 * langchain4j with its ONNX model and tokenizer inside the jar, so nothing is downloaded. A record
 * is embedded from its titles, conditions, keywords and the start of its summary; a patient from
 * their note. Vectors are unit length, compared by cosine. Texts seen before come from a cache.
 */
public final class Embeddings {

  /** Dimensions of a vector. */
  public static final int DIMENSIONS = 384;
  /** Characters of a record's summary that go into its text (the model reads 256 word pieces). */
  static final int SUMMARY_CHARS = 700;

  private static final class Holder {
    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  private static final Map<String, float[]> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > 20_000;
    }
  });

  private Embeddings() {}

  /** The model's name, part of every {@link #key}: a vector is reused only for the model that made it. */
  static final String MODEL_NAME = "all-MiniLM-L6-v2-q";

  /** Texts the model embedded in this process (cache misses), for tests and figures. */
  private static final java.util.concurrent.atomic.LongAdder COMPUTED = new java.util.concurrent.atomic.LongAdder();

  /**
   * The key of {@code text}'s vector: a SHA-256 of the model's name and the text. Equal keys mean
   * equal vectors, so a vector kept under its key (in memory, in an index) can stand for running
   * the model again.
   */
  public static String key(String text) {
    return Sha256.hex(MODEL_NAME + "\n" + text);
  }

  /** The unit vector of {@code text}. */
  public static float[] embed(String text) {
    String key = key(text);
    float[] known = CACHE.get(key);
    if (known != null) {
      return known;
    }
    float[] vector = Holder.MODEL.embed(text.isBlank() ? "." : text).content().vector();
    COMPUTED.increment();
    normalize(vector);
    CACHE.put(key, vector);
    return vector;
  }

  /** How many texts the model has embedded in this process: the calls no kept vector answered. */
  static long computed() {
    return COMPUTED.sum();
  }

  /** Forgets the vectors kept in memory, so that the next {@link #embed} of any text runs the model (tests). */
  static void forgetRemembered() {
    CACHE.clear();
  }

  /** The cosine of two unit vectors: their dot product. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  /** The text a record is embedded from: titles, conditions, keywords, the start of the summary. */
  public static String text(Study study) {
    ProtocolSection p = study.protocolSection();
    if (p == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (p.identificationModule() != null) {
      add(parts, p.identificationModule().briefTitle());
      add(parts, p.identificationModule().officialTitle());
    }
    if (p.conditionsModule() != null) {
      if (p.conditionsModule().conditions() != null) {
        parts.add(String.join(", ", p.conditionsModule().conditions()));
      }
      if (p.conditionsModule().keywords() != null) {
        parts.add(String.join(", ", p.conditionsModule().keywords()));
      }
    }
    if (p.descriptionModule() != null && p.descriptionModule().briefSummary() != null) {
      String s = p.descriptionModule().briefSummary().strip();
      parts.add(s.length() > SUMMARY_CHARS ? s.substring(0, SUMMARY_CHARS) : s);
    }
    return String.join(". ", parts);
  }

  private static void add(List<String> parts, String s) {
    if (s != null && !s.isBlank()) {
      parts.add(s.strip());
    }
  }

  private static void normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
  }
}
