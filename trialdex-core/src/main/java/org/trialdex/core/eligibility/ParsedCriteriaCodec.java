package org.trialdex.core.eligibility;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.trialdex.core.source.Sha256;
import org.trialdex.core.terms.Vocabulary;

/**
 * The parses of a criteria text as compact bytes and back, for a cache of parses kept beside the
 * search index (issue #10: "parses are derived data: recomputed from the stored record, cached beside
 * the index"). A leading format version byte, then each criterion and its constraints, field by field;
 * no Java serialization. An analyte is written as its id and read back through {@link
 * Analytes#standard()}, the table the parser names analytes with.
 *
 * <p>Bytes are only good for the parser that made them: {@link #fingerprint(Vocabulary)} changes
 * whenever the format, any class of this package, the analyte table or the vocabulary changes, so a
 * cache keyed by it never serves a parse an older parser made.
 */
public final class ParsedCriteriaCodec {

  /** The format version, the first byte of every encoding. */
  public static final byte VERSION = 1;

  private static final String PACKAGE_PATH = "org/trialdex/core/eligibility/";
  /** A list or string longer than this is not one the parser made: refuse it before allocating. */
  private static final int MAX_LENGTH = 1 << 24;

  private ParsedCriteriaCodec() {}

  /** Bytes that cannot be decoded: truncated, altered, of another format version, or naming an unknown analyte. */
  public static final class DecodeException extends RuntimeException {
    DecodeException(String message) {
      super(message);
    }

    DecodeException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The parses as bytes. */
  public static byte[] encode(List<ParsedCriterion> parses) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 256 * parses.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeCount(out, parses.size());
      for (ParsedCriterion pc : parses) {
        writeCriterion(out, pc.criterion());
        writeCount(out, pc.constraints().size());
        for (Constraint c : pc.constraints()) {
          writeConstraint(out, c);
        }
        out.writeByte(pc.appliesTo().ordinal());
        out.writeBoolean(pc.anyOf());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e); // a ByteArrayOutputStream does not throw
    }
    return bytes.toByteArray();
  }

  /**
   * The parses {@link #encode} wrote.
   *
   * @throws DecodeException when the bytes are truncated or altered, of another format version, or
   *     name an analyte the table does not hold; the message says which
   */
  public static List<ParsedCriterion> decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      if (bytes.length == 0) {
        throw new DecodeException("no bytes: not an encoding of parses");
      }
      byte version = in.get();
      if (version != VERSION) {
        throw new DecodeException("format version " + version + ", this codec reads version " + VERSION);
      }
      int n = readCount(in, "criteria");
      List<ParsedCriterion> parses = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Criterion criterion = readCriterion(in);
        int k = readCount(in, "constraints");
        List<Constraint> constraints = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
          constraints.add(readConstraint(in));
        }
        ParsedCriterion.AppliesTo appliesTo = readEnum(in, ParsedCriterion.AppliesTo.values(), "appliesTo");
        parses.add(new ParsedCriterion(criterion, constraints, appliesTo, readBoolean(in)));
      }
      if (in.hasRemaining()) {
        throw new DecodeException(in.remaining() + " bytes after the last criterion");
      }
      return List.copyOf(parses);
    } catch (BufferUnderflowException e) {
      throw new DecodeException("truncated: the bytes end inside a criterion (" + bytes.length + " bytes)", e);
    } catch (IllegalArgumentException | NullPointerException e) {
      // A record's compact constructor refused a value (a span ending before it starts).
      throw new DecodeException("a value out of range at byte " + in.position() + ": " + e.getMessage(), e);
    }
  }

  // Constraint tags: stable numbers, never reused (a change is a new VERSION).
  private static final int AGE = 1;
  private static final int SEX = 2;
  private static final int CONDITION = 3;
  private static final int MEASUREMENT = 4;
  private static final int PERFORMANCE = 5;
  private static final int REPRODUCTIVE = 6;
  private static final int LIFE_EXPECTANCY = 7;
  private static final int THERAPY = 8;
  private static final int INFECTION = 9;
  private static final int ASSUMED = 10;

  private static void writeCriterion(DataOutputStream out, Criterion c) throws IOException {
    out.writeByte(c.section().ordinal());
    writeString(out, c.text());
    writeCount(out, c.start());
    writeCount(out, c.end());
    writeCount(out, c.depth());
    writeStrings(out, c.context());
  }

  private static Criterion readCriterion(ByteBuffer in) {
    Criterion.Section section = readEnum(in, Criterion.Section.values(), "section");
    String text = readString(in);
    int start = readCount(in, null);
    int end = readCount(in, null);
    int depth = readCount(in, null);
    return new Criterion(section, text, start, end, depth, readStrings(in));
  }

  private static void writeConstraint(DataOutputStream out, Constraint c) throws IOException {
    switch (c) {
      case Constraint.Age a -> {
        out.writeByte(AGE);
        writeSpan(out, a.span());
        writeNullableDouble(out, a.min());
        out.writeBoolean(a.minInclusive());
        writeNullableDouble(out, a.max());
        out.writeBoolean(a.maxInclusive());
      }
      case Constraint.SexIs s -> {
        out.writeByte(SEX);
        writeSpan(out, s.span());
        out.writeByte(s.sex() == null ? 0 : s.sex().ordinal() + 1);
      }
      case Constraint.HasCondition h -> {
        out.writeByte(CONDITION);
        writeSpan(out, h.span());
        writeString(out, h.mention());
        writeStrings(out, h.conceptIds());
        out.writeBoolean(h.negated());
        writeWindow(out, h.window());
        out.writeBoolean(h.qualified());
      }
      case Constraint.Measurement m -> {
        out.writeByte(MEASUREMENT);
        writeSpan(out, m.span());
        writeString(out, m.analyte().id());
        out.writeByte(m.comparator().ordinal());
        out.writeDouble(m.value());
        out.writeDouble(m.upper());
        writeString(out, m.unit());
        out.writeByte(m.reference().ordinal());
      }
      case Constraint.Performance p -> {
        out.writeByte(PERFORMANCE);
        writeSpan(out, p.span());
        out.writeByte(p.scale().ordinal());
        out.writeInt(p.min());
        out.writeInt(p.max());
      }
      case Constraint.Reproductive r -> {
        out.writeByte(REPRODUCTIVE);
        writeSpan(out, r.span());
        out.writeByte(r.what().ordinal());
        out.writeBoolean(r.negated());
      }
      case Constraint.LifeExpectancy l -> {
        out.writeByte(LIFE_EXPECTANCY);
        writeSpan(out, l.span());
        out.writeByte(l.comparator().ordinal());
        out.writeDouble(l.weeks());
      }
      case Constraint.Therapy t -> {
        out.writeByte(THERAPY);
        writeSpan(out, t.span());
        writeString(out, t.mention());
        out.writeByte(t.therapy().ordinal());
        writeStrings(out, t.conceptIds());
        out.writeBoolean(t.negated());
        out.writeBoolean(t.refractory());
        out.writeInt(t.minLines());
        writeWindow(out, t.window());
      }
      case Constraint.Infection i -> {
        out.writeByte(INFECTION);
        writeSpan(out, i.span());
        out.writeByte(i.agent().ordinal());
        out.writeBoolean(i.negated());
      }
      case Constraint.Assumed a -> {
        out.writeByte(ASSUMED);
        writeSpan(out, a.span());
        writeString(out, a.what());
        out.writeBoolean(a.negated());
      }
    }
  }

  private static Constraint readConstraint(ByteBuffer in) {
    int tag = in.get();
    return switch (tag) {
      case AGE -> new Constraint.Age(readSpan(in), readNullableDouble(in), readBoolean(in), readNullableDouble(in), readBoolean(in));
      case SEX -> {
        Constraint.Span span = readSpan(in);
        int sex = in.get();
        if (sex < 0 || sex > Patient.Sex.values().length) {
          throw new DecodeException("sex " + sex + " at byte " + (in.position() - 1) + " is not one of 0.." + Patient.Sex.values().length);
        }
        yield new Constraint.SexIs(span, sex == 0 ? null : Patient.Sex.values()[sex - 1]);
      }
      case CONDITION -> new Constraint.HasCondition(readSpan(in), readString(in), readStrings(in), readBoolean(in), readWindow(in),
          readBoolean(in));
      case MEASUREMENT -> {
        Constraint.Span span = readSpan(in);
        String id = readString(in);
        Analytes.Analyte analyte = Analytes.standard().byId(id)
            .orElseThrow(() -> new DecodeException("unknown analyte id \"" + id + "\": not in this build's analytes.tsv"));
        yield new Constraint.Measurement(span, analyte, readEnum(in, Constraint.Comparator.values(), "comparator"), in.getDouble(),
            in.getDouble(), readString(in), readEnum(in, Constraint.Reference.values(), "reference"));
      }
      case PERFORMANCE -> new Constraint.Performance(readSpan(in), readEnum(in, PerformanceScale.values(), "scale"), in.getInt(), in.getInt());
      case REPRODUCTIVE -> new Constraint.Reproductive(readSpan(in), readEnum(in, Constraint.Reproductive.What.values(), "what"),
          readBoolean(in));
      case LIFE_EXPECTANCY -> new Constraint.LifeExpectancy(readSpan(in), readEnum(in, Constraint.Comparator.values(), "comparator"),
          in.getDouble());
      case THERAPY -> new Constraint.Therapy(readSpan(in), readString(in), readEnum(in, Therapies.Kind.values(), "therapy"),
          readStrings(in), readBoolean(in), readBoolean(in), in.getInt(), readWindow(in));
      case INFECTION -> new Constraint.Infection(readSpan(in), readEnum(in, Constraint.Infection.Agent.values(), "agent"), readBoolean(in));
      case ASSUMED -> new Constraint.Assumed(readSpan(in), readString(in), readBoolean(in));
      default -> throw new DecodeException("unknown constraint tag " + tag + " at byte " + (in.position() - 1));
    };
  }

  private static void writeSpan(DataOutputStream out, Constraint.Span s) throws IOException {
    writeCount(out, s.start());
    writeCount(out, s.end());
  }

  private static Constraint.Span readSpan(ByteBuffer in) {
    return new Constraint.Span(readCount(in, null), readCount(in, null));
  }

  private static void writeWindow(DataOutputStream out, Constraint.Window w) throws IOException {
    writeNullableDouble(out, w.withinDays());
    writeNullableDouble(out, w.atLeastDaysAgo());
    out.writeBoolean(w.current());
  }

  private static Constraint.Window readWindow(ByteBuffer in) {
    return new Constraint.Window(readNullableDouble(in), readNullableDouble(in), readBoolean(in));
  }

  private static void writeNullableDouble(DataOutputStream out, Double d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      out.writeDouble(d);
    }
  }

  private static Double readNullableDouble(ByteBuffer in) {
    return readBoolean(in) ? in.getDouble() : null;
  }

  private static boolean readBoolean(ByteBuffer in) {
    byte b = in.get();
    if (b != 0 && b != 1) {
      throw new DecodeException("a boolean of " + b + " at byte " + (in.position() - 1));
    }
    return b == 1;
  }

  private static <E extends Enum<E>> E readEnum(ByteBuffer in, E[] values, String what) {
    int i = in.get();
    if (i < 0 || i >= values.length) {
      throw new DecodeException(what + " " + i + " at byte " + (in.position() - 1) + " is not one of 0.." + (values.length - 1));
    }
    return values[i];
  }

  /** A string as its UTF-8 length plus one (0 for null), then the bytes. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      writeCount(out, 0);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeCount(out, utf8.length + 1);
    out.write(utf8);
  }

  private static String readString(ByteBuffer in) {
    int at = in.position();
    int n = readCount(in, null) - 1;
    if (n < 0) {
      return null;
    }
    if (n > in.remaining()) {
      throw new DecodeException("a string of " + n + " bytes at byte " + at + ", but only " + in.remaining() + " bytes follow");
    }
    byte[] utf8 = new byte[n];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    writeCount(out, list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  private static List<String> readStrings(ByteBuffer in) {
    int n = readCount(in, "strings");
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /** A non-negative int in 7-bit groups, low first (one byte below 128). */
  private static void writeCount(DataOutputStream out, int n) throws IOException {
    if (n < 0) {
      throw new IllegalArgumentException("a count or offset below zero: " + n);
    }
    while (n >= 0x80) {
      out.writeByte((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.writeByte(n);
  }

  /**
   * Reads what {@link #writeCount} wrote. When {@code elements} names a length, it is checked against
   * the bytes left (every element takes at least one), so altered bytes never allocate a huge array.
   */
  private static int readCount(ByteBuffer in, String elements) {
    int at = in.position();
    long n = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 28) {
        throw new DecodeException("a number longer than 5 bytes at byte " + at);
      }
      int b = in.get() & 0xff;
      n |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (n > Integer.MAX_VALUE) {
      throw new DecodeException("a number above " + Integer.MAX_VALUE + " at byte " + at);
    }
    if (elements != null && (n > in.remaining() || n > MAX_LENGTH)) {
      throw new DecodeException(n + " " + elements + " at byte " + at + ", but only " + in.remaining() + " bytes follow");
    }
    return (int) n;
  }

  /**
   * Identifies the parser behind an encoding: the SHA-256 of the format version, the bytes of every
   * class of this package, the analyte table and {@code vocabulary}'s fingerprint. Parses cached under
   * another fingerprint were made by another parser (or read other words) and must be parsed again.
   */
  public static String fingerprint(Vocabulary vocabulary) {
    MessageDigest sha = Sha256.digest();
    sha.update(CodeFingerprint.VALUE.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(vocabulary.fingerprint().getBytes(StandardCharsets.UTF_8));
    return Sha256.hex(sha);
  }

  /** The names of the class files the fingerprint covers (for tests: nested classes included). */
  static java.util.Set<String> fingerprintedClasses() {
    return CodeFingerprint.classFiles().keySet();
  }

  /** The code part of the fingerprint, computed once, when first asked for. */
  private static final class CodeFingerprint {
    static final String VALUE = compute();

    private static String compute() {
      MessageDigest sha = Sha256.digest();
      sha.update(VERSION);
      for (var e : classFiles().entrySet()) {
        sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(e.getValue());
      }
      sha.update(resource("analytes.tsv"));
      return Sha256.hex(sha);
    }

    /** The package's class files by name, in name order: from the classes folder or jar it was loaded from. */
    private static TreeMap<String, byte[]> classFiles() {
      TreeMap<String, byte[]> files = new TreeMap<>();
      try {
        CodeSource source = ParsedCriteriaCodec.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        Path path = location == null || !"file".equals(location.getProtocol()) ? null : Path.of(location.toURI());
        if (path != null && Files.isDirectory(path)) {
          try (Stream<Path> list = Files.list(path.resolve(PACKAGE_PATH))) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
              files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
          }
        } else if (path != null && Files.isRegularFile(path)) {
          try (JarFile jar = new JarFile(path.toFile())) {
            for (JarEntry e : jar.stream().toList()) {
              String name = e.getName();
              if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class") && name.indexOf('/', PACKAGE_PATH.length()) < 0) {
                try (InputStream in = jar.getInputStream(e)) {
                  files.put(name.substring(PACKAGE_PATH.length()), in.readAllBytes());
                }
              }
            }
          }
        }
      } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
        files.clear(); // fall back to the known classes below
      }
      if (files.isEmpty()) {
        for (Class<?> c : List.of(Analytes.class, Constraint.class, CriteriaSplitter.class, Criterion.class, CriterionParser.class,
            Negation.class, ParsedCriterion.class, ParsedCriteriaCodec.class, Patient.class, PerformanceScale.class, Therapies.class,
            Units.class)) {
          files.put(c.getSimpleName() + ".class", resource(c.getSimpleName() + ".class"));
        }
      }
      return files;
    }

    private static byte[] resource(String name) {
      try (InputStream in = ParsedCriteriaCodec.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is missing beside " + ParsedCriteriaCodec.class.getName()
              + "; the trialdex-core jar is incomplete");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + " of the trialdex-core jar", e);
      }
    }
  }
}
