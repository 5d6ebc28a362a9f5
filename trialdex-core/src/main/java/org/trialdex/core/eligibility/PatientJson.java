package org.trialdex.core.eligibility;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trialdex.core.eligibility.Patient.Condition;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.eligibility.Patient.Observation;
import org.trialdex.core.eligibility.Patient.Performance;
import org.trialdex.core.eligibility.Patient.Response;
import org.trialdex.core.eligibility.Patient.Sex;
import org.trialdex.core.eligibility.Patient.Status;
import org.trialdex.core.eligibility.Patient.Therapy;
import org.trialdex.core.eligibility.Patient.TherapyKind;

/**
 * trialdex's own JSON form of a {@link Patient}: what a user types into the portal or sends to the
 * API. Every field is optional; {@code null} is the same as absent.
 *
 * <pre>{@code
 * {"asOf": "2026-11-30", "age": 45, "birthDate": "1981-05-02", "sex": "female",
 *  "conditions": [{"name": "Crohn disease", "codes": ["mesh|D003424"], "status": "active", "onset": "2019-04"}],
 *  "observations": [{"name": "creatinine", "code": "http://loinc.org|2160-0", "value": 1.1, "unit": "mg/dL",
 *                    "low": 0.6, "high": 1.2, "date": "2026-11-01"}],
 *  "medications": [{"name": "prednisone", "codes": [], "status": "past", "start": "2026-09",
 *                   "end": "2026-10-15", "response": "refractory"}],
 *  "procedures": [ same fields as medications ],
 *  "performance": {"scale": "ECOG", "value": 1},
 *  "pregnant": false, "lactating": false, "facts": ["free text"]}
 * }</pre>
 *
 * <ul>
 *   <li>Dates are {@code YYYY-MM-DD}, or partial {@code YYYY-MM} / {@code YYYY}, read as the first day.
 *       {@code asOf}, the date the facts describe, is today when absent.
 *   <li>Words ({@code sex}, {@code status}, {@code response}, {@code scale}) are case-insensitive:
 *       sex {@code female|male}; status {@code active|past|absent} (default {@code active}: what is listed
 *       holds); response {@code refractory|responsive}; scale {@code ECOG|Karnofsky|Lansky}.
 *   <li>Codes are {@code system|code} ({@code mesh|D003424}, {@code http://loinc.org|2160-0}).
 *   <li>{@code name} is required in every list entry, and {@code value} in every observation;
 *       {@code age} is 0 to 130 years; the performance value is an integer on its scale.
 *   <li>An unknown field at any level is an error naming it, so a typo is never silently ignored.
 *   <li>Input over {@value #MAX_BYTES} bytes (1 MB) is refused before parsing.
 * </ul>
 *
 * <p>Each fact's evidence is its place in the form: {@code form: conditions[0]}, {@code form: sex}.
 * {@link #write} writes the values, not the evidence (the form has no place for it), so a patient read
 * from this form reads back equal to itself; one from another source reads back with form evidence.
 * See {@code docs/matching.md}, "Patient JSON".
 */
public final class PatientJson {

  /** The largest input accepted, in bytes. A patient's form is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final String EVIDENCE = "form: ";
  private static final List<String> TOP = List.of("asOf", "age", "birthDate", "sex", "conditions", "observations",
      "medications", "procedures", "performance", "pregnant", "lactating", "facts");
  private static final List<String> CONDITION = List.of("name", "codes", "status", "onset");
  private static final List<String> OBSERVATION = List.of("name", "code", "value", "unit", "low", "high", "date");
  private static final List<String> THERAPY = List.of("name", "codes", "status", "start", "end", "response");
  private static final List<String> PERFORMANCE = List.of("scale", "value");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  private static final Pattern CODE = Pattern.compile("[^|\\s][^|]*\\|[^|\\s][^|]*");

  // The form is three levels deep; anything much deeper is not a patient and is refused early.
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private PatientJson() {}

  /**
   * Reads a patient from its JSON form.
   *
   * @throws PatientFormatException when the text is not JSON, is over 1 MB, or a value is wrong; the
   *     message names the path ({@code observations[2].value}) and what was expected
   */
  public static Patient read(String json) {
    Objects.requireNonNull(json, "json");
    // A char is at most 3 UTF-8 bytes: only count bytes when the length leaves doubt.
    if (json.length() > MAX_BYTES || (json.length() * 3L > MAX_BYTES
        && json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)) {
      throw tooLarge();
    }
    // A byte-order mark left by an editor is not content.
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try {
      return fromTree(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw notJson(e);
    }
  }

  /**
   * Reads a patient from its JSON form in UTF-8. Reads at most 1 MB and one byte; does not close the stream.
   *
   * @throws PatientFormatException when the input is not JSON, is over 1 MB, or a value is wrong
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static Patient read(InputStream in) {
    Objects.requireNonNull(in, "in");
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the patient JSON: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    try {
      return fromTree(MAPPER.readTree(bytes));
    } catch (IOException e) {
      throw notJson(e);
    }
  }

  /** Writes a patient in the JSON form {@link #read} reads: values only, absent facts left out. */
  public static String write(Patient p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("asOf", p.asOf().toString());
    if (p.age() != null) {
      putNumber(o, "age", p.age().value());
    }
    if (p.birthDate() != null) {
      o.put("birthDate", p.birthDate().toString());
    }
    if (p.sex() != null) {
      o.put("sex", word(p.sex().value()));
    }
    if (!p.conditions().isEmpty()) {
      ArrayNode a = o.putArray("conditions");
      for (Condition c : p.conditions()) {
        ObjectNode e = a.addObject().put("name", c.name());
        putCodes(e, c.codes());
        e.put("status", word(c.status()));
        putDate(e, "onset", c.onset());
      }
    }
    if (!p.observations().isEmpty()) {
      ArrayNode a = o.putArray("observations");
      for (Observation ob : p.observations()) {
        ObjectNode e = a.addObject().put("name", ob.name());
        if (ob.code() != null) {
          e.put("code", ob.code());
        }
        putNumber(e, "value", ob.value());
        if (!ob.unit().isEmpty()) {
          e.put("unit", ob.unit());
        }
        if (ob.low() != null) {
          putNumber(e, "low", ob.low());
        }
        if (ob.high() != null) {
          putNumber(e, "high", ob.high());
        }
        putDate(e, "date", ob.date());
      }
    }
    writeTherapies(o, "medications", p.therapies(), TherapyKind.MEDICATION);
    writeTherapies(o, "procedures", p.therapies(), TherapyKind.PROCEDURE);
    if (p.performance() != null) {
      String scale = switch (p.performance().scale()) {
        case ECOG -> "ECOG";
        case KARNOFSKY -> "Karnofsky";
        case LANSKY -> "Lansky";
      };
      o.putObject("performance").put("scale", scale).put("value", p.performance().value());
    }
    if (p.pregnant() != null) {
      o.put("pregnant", p.pregnant().value());
    }
    if (p.lactating() != null) {
      o.put("lactating", p.lactating().value());
    }
    if (!p.facts().isEmpty()) {
      ArrayNode a = o.putArray("facts");
      p.facts().forEach(a::add);
    }
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers could not be written", e);
    }
  }

  private static void writeTherapies(ObjectNode o, String field, List<Therapy> all, TherapyKind kind) {
    List<Therapy> these = all.stream().filter(t -> t.kind() == kind).toList();
    if (these.isEmpty()) {
      return;
    }
    ArrayNode a = o.putArray(field);
    for (Therapy t : these) {
      ObjectNode e = a.addObject().put("name", t.name());
      putCodes(e, t.codes());
      e.put("status", word(t.status()));
      putDate(e, "start", t.start());
      putDate(e, "end", t.end());
      if (t.response() != Response.UNSTATED) {
        e.put("response", word(t.response()));
      }
    }
  }

  private static void putCodes(ObjectNode e, List<String> codes) {
    if (!codes.isEmpty()) {
      ArrayNode a = e.putArray("codes");
      codes.forEach(a::add);
    }
  }

  private static void putDate(ObjectNode e, String field, LocalDate d) {
    if (d != null) {
      e.put(field, d.toString());
    }
  }

  private static void putNumber(ObjectNode e, String field, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      e.put(field, (long) v);
    } else {
      e.put(field, v);
    }
  }

  private static String word(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  // ---- reading

  private static Patient fromTree(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new PatientFormatException("", "the input is empty; expected a JSON object such as {\"age\": 45}");
    }
    if (!root.isObject()) {
      throw new PatientFormatException("", "expected a JSON object, got " + describe(root));
    }
    knownFields(root, "", TOP, "the form");
    LocalDate asOf = present(root, "asOf") ? date(root.get("asOf"), "asOf") : LocalDate.now();
    Patient p = Patient.empty(asOf);

    if (present(root, "age")) {
      double age = number(root.get("age"), "age");
      if (age < 0 || age > 130) {
        throw new PatientFormatException("age", number(age) + " is not a human age in years (0 to 130)");
      }
      p = p.withAge(new Fact<>(age, EVIDENCE + "age"));
    }
    if (present(root, "birthDate")) {
      LocalDate born = date(root.get("birthDate"), "birthDate");
      if (born.isAfter(asOf)) {
        throw new PatientFormatException("birthDate", born + " is after asOf " + asOf);
      }
      if (p.age() != null) {
        int years = Period.between(born, asOf).getYears();
        if (Math.abs(Math.floor(p.age().value()) - years) > 1) {
          throw new PatientFormatException("age", number(p.age().value()) + " does not agree with birthDate " + born
              + " (" + years + " years on " + asOf + "); give one of them or correct it");
        }
      }
      p = p.withBirthDate(born);
    }
    if (present(root, "sex")) {
      p = p.withSex(new Fact<>(word(root.get("sex"), "sex", Sex.class), EVIDENCE + "sex"));
    }
    p = p.withConditions(list(root, "conditions", (n, path) -> condition(n, path)));
    p = p.withObservations(list(root, "observations", (n, path) -> observation(n, path)));
    List<Therapy> therapies = new ArrayList<>(list(root, "medications",
        (n, path) -> therapy(n, path, TherapyKind.MEDICATION)));
    therapies.addAll(list(root, "procedures", (n, path) -> therapy(n, path, TherapyKind.PROCEDURE)));
    p = p.withTherapies(therapies);
    if (present(root, "performance")) {
      p = p.withPerformance(performance(root.get("performance"), "performance"));
    }
    Fact<Boolean> pregnant = present(root, "pregnant")
        ? new Fact<>(bool(root.get("pregnant"), "pregnant"), EVIDENCE + "pregnant") : null;
    Fact<Boolean> lactating = present(root, "lactating")
        ? new Fact<>(bool(root.get("lactating"), "lactating"), EVIDENCE + "lactating") : null;
    p = p.withPregnancy(pregnant, lactating);
    return p.withFacts(list(root, "facts", PatientJson::text));
  }

  private interface Entry<T> {
    T read(JsonNode node, String path);
  }

  private static <T> List<T> list(JsonNode parent, String field, Entry<T> entry) {
    if (!present(parent, field)) {
      return List.of();
    }
    JsonNode a = parent.get(field);
    if (!a.isArray()) {
      throw new PatientFormatException(field, "expected an array, got " + describe(a));
    }
    List<T> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(entry.read(a.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  private static Condition condition(JsonNode n, String path) {
    object(n, path, CONDITION, "a condition");
    return new Condition(name(n, path, "condition"), codes(n, path),
        present(n, "status") ? word(n.get("status"), path + ".status", Status.class) : Status.ACTIVE,
        present(n, "onset") ? date(n.get("onset"), path + ".onset") : null, EVIDENCE + path);
  }

  private static Observation observation(JsonNode n, String path) {
    object(n, path, OBSERVATION, "an observation");
    String name = name(n, path, "observation");
    String code = present(n, "code") ? code(n.get("code"), path + ".code") : null;
    if (!present(n, "value")) {
      throw new PatientFormatException(path + ".value", "missing; every observation needs a numeric value");
    }
    double value = number(n.get("value"), path + ".value");
    String unit = present(n, "unit") ? text(n.get("unit"), path + ".unit") : "";
    Double low = present(n, "low") ? number(n.get("low"), path + ".low") : null;
    Double high = present(n, "high") ? number(n.get("high"), path + ".high") : null;
    if (low != null && high != null && low > high) {
      throw new PatientFormatException(path, "the range's low " + number(low) + " is above its high " + number(high));
    }
    LocalDate date = present(n, "date") ? date(n.get("date"), path + ".date") : null;
    return new Observation(name, code, value, unit, low, high, date, EVIDENCE + path);
  }

  private static Therapy therapy(JsonNode n, String path, TherapyKind kind) {
    object(n, path, THERAPY, kind == TherapyKind.MEDICATION ? "a medication" : "a procedure");
    String name = name(n, path, kind == TherapyKind.MEDICATION ? "medication" : "procedure");
    List<String> codes = codes(n, path);
    Status status = present(n, "status") ? word(n.get("status"), path + ".status", Status.class) : Status.ACTIVE;
    LocalDate start = present(n, "start") ? date(n.get("start"), path + ".start") : null;
    LocalDate end = present(n, "end") ? date(n.get("end"), path + ".end") : null;
    if (start != null && end != null && end.isBefore(start)) {
      throw new PatientFormatException(path + ".end", end + " is before start " + start);
    }
    Response response = Response.UNSTATED;
    if (present(n, "response")) {
      response = word(n.get("response"), path + ".response", Response.class);
      if (response == Response.UNSTATED) {
        throw new PatientFormatException(path + ".response",
            "expected one of refractory, responsive, got \"unstated\"; leave the field out when it is not known");
      }
    }
    return new Therapy(name, codes, kind, status, start, end, response, EVIDENCE + path);
  }

  private static Performance performance(JsonNode n, String path) {
    object(n, path, PERFORMANCE, "a performance status");
    if (!present(n, "scale")) {
      throw new PatientFormatException(path + ".scale", "missing; expected one of ECOG, Karnofsky, Lansky");
    }
    PerformanceScale scale = word(n.get("scale"), path + ".scale", PerformanceScale.class);
    if (!present(n, "value")) {
      throw new PatientFormatException(path + ".value", "missing; expected the " + scale + " score");
    }
    double v = number(n.get("value"), path + ".value");
    if (v != Math.rint(v) || !scale.valid((int) v)) {
      throw new PatientFormatException(path + ".value", number(v) + " is not a score on the " + scale + " scale (an integer, "
          + scale.range() + ")");
    }
    return new Performance(scale, (int) v, EVIDENCE + path);
  }

  private static String name(JsonNode n, String path, String what) {
    if (!present(n, "name")) {
      throw new PatientFormatException(path + ".name", "missing; every " + what + " needs a name");
    }
    String name = text(n.get("name"), path + ".name").strip();
    if (name.isEmpty()) {
      throw new PatientFormatException(path + ".name", "is blank; every " + what + " needs a name");
    }
    return name;
  }

  private static List<String> codes(JsonNode n, String path) {
    return list(n, "codes", (c, p) -> code(c, path + "." + p));
  }

  private static String code(JsonNode n, String path) {
    String s = text(n, path);
    if (!CODE.matcher(s).matches()) {
      throw new PatientFormatException(path, "expected system|code (\"mesh|D003424\", \"http://loinc.org|2160-0\"), got "
          + describe(n));
    }
    return s;
  }

  private static void object(JsonNode n, String path, List<String> fields, String what) {
    if (!n.isObject()) {
      throw new PatientFormatException(path, "expected " + what + " (an object), got " + describe(n));
    }
    knownFields(n, path, fields, what);
  }

  private static void knownFields(JsonNode n, String path, List<String> known, String what) {
    for (Map.Entry<String, JsonNode> property : n.properties()) {
      String field = property.getKey();
      if (!known.contains(field)) {
        String at = path.isEmpty() ? field : path + "." + field;
        String hint = known.stream().filter(k -> k.equalsIgnoreCase(field) || close(k, field)).findFirst()
            .map(k -> " (did you mean \"" + k + "\"?)").orElse("");
        throw new PatientFormatException(at, "unknown field" + hint + "; the fields of " + what + " are "
            + String.join(", ", known));
      }
    }
  }

  /** Edit distance at most 2, for "did you mean". */
  private static boolean close(String a, String b) {
    a = a.toLowerCase(Locale.ROOT);
    b = b.toLowerCase(Locale.ROOT);
    if (Math.abs(a.length() - b.length()) > 2 || b.length() > 40) {
      return false;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] <= 2;
  }

  private static boolean present(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    return v != null && !v.isNull();
  }

  private static String text(JsonNode n, String path) {
    if (!n.isTextual()) {
      throw new PatientFormatException(path, "expected a string, got " + describe(n));
    }
    return n.textValue();
  }

  private static double number(JsonNode n, String path) {
    if (!n.isNumber()) {
      throw new PatientFormatException(path, "expected a number, got " + describe(n));
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v)) {
      throw new PatientFormatException(path, "expected a finite number, got one too large for a double");
    }
    return v;
  }

  private static boolean bool(JsonNode n, String path) {
    if (!n.isBoolean()) {
      throw new PatientFormatException(path, "expected true or false, got " + describe(n));
    }
    return n.booleanValue();
  }

  private static LocalDate date(JsonNode n, String path) {
    String s = text(n, path);
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      throw new PatientFormatException(path, "expected a date YYYY-MM-DD, YYYY-MM or YYYY, got " + describe(n));
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw new PatientFormatException(path, describe(n) + " is not a calendar date (" + e.getMessage() + ")", e);
    }
  }

  private static <E extends Enum<E>> E word(JsonNode n, String path, Class<E> type) {
    String s = text(n, path);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(s.strip())) {
        return e;
      }
    }
    String words = Stream.of(type.getEnumConstants()).filter(e -> e != Response.UNSTATED)
        .map(e -> e instanceof PerformanceScale ps ? scaleName(ps) : word(e)).collect(Collectors.joining(", "));
    throw new PatientFormatException(path, "expected one of " + words + ", got " + describe(n));
  }

  private static String scaleName(PerformanceScale s) {
    return s == PerformanceScale.ECOG ? "ECOG" : s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
  }

  /** A value as a message shows it: strings quoted and cut at 40 characters, containers by kind. */
  private static String describe(JsonNode n) {
    if (n.isTextual()) {
      String s = n.textValue();
      s = s.length() > 40 ? s.substring(0, 40) + "…" : s;
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static PatientFormatException tooLarge() {
    return new PatientFormatException("", "the patient JSON is over 1 MB (" + MAX_BYTES
        + " bytes); a patient's form is a few kilobytes: send one patient, without attachments");
  }

  private static PatientFormatException notJson(IOException e) {
    String where = "";
    String reason = e.getMessage();
    if (e instanceof JsonProcessingException p) {
      reason = p.getOriginalMessage();
      if (p.getLocation() != null && p.getLocation().getLineNr() > 0) {
        where = " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
      }
    }
    reason = reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse("");
    return new PatientFormatException("", "not valid JSON" + where + ": " + reason, e);
  }
}
