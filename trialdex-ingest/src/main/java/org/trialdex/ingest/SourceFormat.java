package org.trialdex.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.ingest.ctgov.V2JsonReader;
import org.trialdex.ingest.legacy.LegacyXmlReader;
import org.trialdex.ingest.page.PageReader;

/**
 * The source formats trialdex reads, each with its reader: the one place where formats are
 * registered. {@link #detect} tells them apart from a file's first bytes, so {@code trialdex import}
 * needs no format flag.
 */
public enum SourceFormat {

  /** ClinicalTrials.gov API v2 JSON: one study, an array, NDJSON or an API page. */
  CTGOV_V2_JSON(V2JsonReader.FORMAT, V2JsonReader::new),

  /** Legacy ClinicalStudy XML (AllPublicXML): one study per file. */
  LEGACY_XML(LegacyXmlReader.FORMAT, LegacyXmlReader::new),

  /** Classic field records: one JSON object of piece-name lists per line. */
  CLASSIC_FIELDS(ClassicFieldsReader.FORMAT, ClassicFieldsReader::new),

  /** A registry record page: text copied from a registry's web page, or the page's HTML. */
  REGISTRY_PAGE(PageReader.FORMAT, PageReader::new);

  private final String id;
  private final StudyReader reader;

  SourceFormat(String id, Supplier<StudyReader> reader) {
    this.id = id;
    this.reader = reader.get();
  }

  /** The id written into provenance, as {@code ctgov-v2-json}. */
  public String id() {
    return id;
  }

  /** The reader of this format; readers are thread-safe and shared. */
  public StudyReader reader() {
    return reader;
  }

  /** What {@link #detect} concluded: a format, or why none fits. */
  public sealed interface Detection {
    /** The bytes are in {@code format}. */
    record Known(SourceFormat format) implements Detection {}

    /** No format fits; {@code reason} says what the bytes look like and what is accepted. */
    record Unknown(String reason) implements Detection {}
  }

  /** The first member of a classic field record: a piece name with a list value. */
  private static final java.util.regex.Pattern CLASSIC_START =
      java.util.regex.Pattern.compile("\\[?\\s*\\{\\s*\"[A-Z][A-Za-z0-9]*\"\\s*:\\s*\\[");

  static final String ACCEPTED = "accepted: ClinicalTrials.gov API v2 JSON (study, array, NDJSON, API page), "
      + "legacy ClinicalStudy XML, classic field records (NDJSON of piece-name lists), "
      + "registry record pages (text or HTML with trial labels), "
      + "and .zip/.tar.gz/.tgz/.gz archives of these";

  /** Detects the format from the first bytes of a file or archive entry (64 KiB is plenty). */
  public static Detection detect(byte[] head, int length) {
    int i = 0;
    // A UTF-8 byte order mark is allowed before any format.
    if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < length && isSpace(head[i])) {
      i++;
    }
    if (i >= length) {
      return new Detection.Unknown(length == 0 ? "the file is empty" : "the file holds only white space");
    }
    if (looksBinary(head, length)) {
      return new Detection.Unknown("binary data, not text; " + ACCEPTED);
    }
    char first = (char) head[i];
    if (first == '{' || first == '[') {
      String text = new String(head, i, length - i, StandardCharsets.UTF_8);
      if (text.contains("\"protocolSection\"") || text.contains("\"studies\"")) {
        return known("CTGOV_V2_JSON");
      }
      if (CLASSIC_START.matcher(text.substring(0, Math.min(text.length(), 512))).lookingAt() && text.contains("\"NCTId\"")) {
        return known("CLASSIC_FIELDS");
      }
      return new Detection.Unknown("JSON, but neither ClinicalTrials.gov API v2 (no \"protocolSection\") "
          + "nor classic field records (no \"NCTId\" list); " + ACCEPTED);
    }
    if (first == '<') {
      // The root element comes after at most an XML declaration, comments and a doctype.
      String prolog = new String(head, i, Math.min(length - i, 4096), StandardCharsets.UTF_8);
      if (prolog.contains("<clinical_study")) {
        return known("LEGACY_XML");
      }
      if (PageReader.looksLikePage(prolog)) {
        return known("REGISTRY_PAGE");
      }
      return new Detection.Unknown("XML or HTML without a <clinical_study> root; " + ACCEPTED);
    }
    if (PageReader.looksLikePage(new String(head, i, length - i, StandardCharsets.UTF_8))) {
      return known("REGISTRY_PAGE");
    }
    return new Detection.Unknown("text that is neither JSON nor XML; " + ACCEPTED);
  }

  private static Detection known(String name) {
    for (SourceFormat f : values()) {
      if (f.name().equals(name)) {
        return new Detection.Known(f);
      }
    }
    return new Detection.Unknown("looks like " + name.toLowerCase(Locale.ROOT).replace('_', ' ')
        + ", which this build cannot read");
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** NUL bytes or many control characters in the first 8 KiB: not a text format. */
  public static boolean looksBinary(byte[] head, int length) {
    int control = 0;
    int n = Math.min(length, 8192);
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control > n / 20;
  }
}
