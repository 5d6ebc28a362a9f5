package org.trialdex.core.eligibility;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * Units of measure: the ways criteria and notes write them, read to UCUM codes, and conversion
 * between UCUM units through {@code org.fhir:ucum} (which ships the UCUM essence table), including
 * between mass and amount of substance when the analyte's molar mass is known (creatinine in µmol/L
 * against a limit in mg/dL).
 */
public final class Units {

  private static final UcumService UCUM = load();

  /** Written forms, folded (lower case, no spaces, µ as u, superscripts as ^), to UCUM. */
  private static final Map<String, String> WRITTEN = Map.ofEntries(
      Map.entry("mg/dl", "mg/dL"), Map.entry("mg%", "mg/dL"), Map.entry("g/dl", "g/dL"), Map.entry("g/l", "g/L"),
      Map.entry("mg/l", "mg/L"), Map.entry("ug/l", "ug/L"), Map.entry("ng/ml", "ng/mL"), Map.entry("ng/dl", "ng/dL"),
      Map.entry("pg/ml", "pg/mL"), Map.entry("ug/ml", "ug/mL"), Map.entry("ug/dl", "ug/dL"),
      Map.entry("umol/l", "umol/L"), Map.entry("mmol/l", "mmol/L"), Map.entry("mmol/mol", "mmol/mol"),
      Map.entry("nmol/l", "nmol/L"), Map.entry("meq/l", "meq/L"),
      Map.entry("ml/min", "mL/min"), Map.entry("ml/mn", "mL/min"), Map.entry("cc/min", "mL/min"),
      Map.entry("ml/min/1.73m2", "mL/min/{1.73_m2}"), Map.entry("ml/min/1.73m^2", "mL/min/{1.73_m2}"),
      Map.entry("ml/min/1.73", "mL/min/{1.73_m2}"), Map.entry("ml/min/m2", "mL/min/{1.73_m2}"),
      Map.entry("u/l", "U/L"), Map.entry("iu/l", "U/L"), Map.entry("units/l", "U/L"), Map.entry("iu/ml", "[IU]/mL"),
      Map.entry("miu/l", "m[IU]/L"), Map.entry("uiu/ml", "m[IU]/L"), Map.entry("miu/ml", "m[IU]/mL"),
      Map.entry("/mm3", "/uL"), Map.entry("/mm^3", "/uL"), Map.entry("cells/mm3", "/uL"), Map.entry("cells/mm^3", "/uL"),
      Map.entry("/ul", "/uL"), Map.entry("cells/ul", "/uL"), Map.entry("/cmm", "/uL"), Map.entry("/cumm", "/uL"),
      Map.entry("mm3", "/uL"), Map.entry("/mcl", "/uL"), Map.entry("cells/mcl", "/uL"), Map.entry("/mcl.", "/uL"),
      Map.entry("x10^9/l", "10*9/L"), Map.entry("10^9/l", "10*9/L"), Map.entry("x109/l", "10*9/L"),
      Map.entry("109/l", "10*9/L"), Map.entry("x10e9/l", "10*9/L"), Map.entry("giga/l", "10*9/L"), Map.entry("g/l(giga)", "10*9/L"),
      Map.entry("x10^3/ul", "10*3/uL"), Map.entry("10^3/ul", "10*3/uL"), Map.entry("x103/ul", "10*3/uL"),
      Map.entry("x10^3/mm3", "10*3/uL"), Map.entry("x103/mm3", "10*3/uL"), Map.entry("k/ul", "10*3/uL"),
      Map.entry("k/mm3", "10*3/uL"), Map.entry("x10^3/mcl", "10*3/uL"), Map.entry("thou/ul", "10*3/uL"),
      Map.entry("x10^12/l", "10*12/L"), Map.entry("x10^6/ul", "10*6/uL"),
      Map.entry("%", "%"), Map.entry("percent", "%"), Map.entry("mmhg", "mm[Hg]"), Map.entry("mm/hg", "mm[Hg]"),
      Map.entry("ms", "ms"), Map.entry("msec", "ms"), Map.entry("milliseconds", "ms"), Map.entry("millisecond", "ms"),
      Map.entry("s", "s"), Map.entry("sec", "s"), Map.entry("seconds", "s"),
      Map.entry("kg/m2", "kg/m2"), Map.entry("kg/m^2", "kg/m2"), Map.entry("kg", "kg"), Map.entry("kgs", "kg"),
      Map.entry("lb", "[lb_av]"), Map.entry("lbs", "[lb_av]"), Map.entry("pounds", "[lb_av]"),
      Map.entry("mm/h", "mm/h"), Map.entry("mm/hr", "mm/h"), Map.entry("mm/hour", "mm/h"),
      Map.entry("copies/ml", "{copies}/mL"), Map.entry("g/24h", "g/(24.h)"), Map.entry("g/24hours", "g/(24.h)"),
      Map.entry("g/24hrs", "g/(24.h)"), Map.entry("mg/24h", "mg/(24.h)"), Map.entry("mg/24hours", "mg/(24.h)"),
      Map.entry("g/day", "g/d"), Map.entry("mg/day", "mg/d"), Map.entry("mg/g", "mg/g"), Map.entry("mg/mmol", "mg/mmol"),
      Map.entry("bpm", "/min"), Map.entry("beats/min", "/min"), Map.entry("/min", "/min"), Map.entry("l", "L"),
      Map.entry("ml", "mL"), Map.entry("cm", "cm"), Map.entry("m", "m"));

  /** A written unit right after a number: the longest that reads as one of {@link #WRITTEN}. */
  public static final Pattern WRITTEN_UNIT = Pattern.compile(
      "(?i)\\s*(?:(?:[x×*]\\s*)?10\\s*(?:\\^|e|\\*|\\*\\*)?\\s*\\(?[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}\\)?\\s*/\\s*(?:l|µl|μl|ul|mcl|mm3|mm\\^3|mm³)"
          + "|(?:cells|cell)?\\s*/\\s*(?:mm3|mm\\^3|mm³|µl|μl|ul|mcl|cmm|cumm)"
          + "|ml/min(?:ute)?(?:\\s*(?:per|/)\\s*1[.,]73\\s*(?:m2|m\\^2|m²|sq\\.?\\s*m)?)?"
          + "|ml/min/m2|[mµμun]?mol/l|m?eq/l|[mµμunp]?g\\s*/\\s*(?:dl|l|ml|24\\s*h(?:ours?|rs?)?|day|g|mmol)|mg%"
          + "|(?:m|µ|μ|u)?iu/(?:l|ml)|u/l|units/l|k/(?:µl|μl|ul|mm3)|giga/l|thou/ul|copies/ml"
          + "|mm\\s*hg|mm/h(?:r|our)?|kg/m2|kg/m\\^2|kg/m²|kgs?\\b|lbs?\\b|pounds\\b|msecs?\\b|milliseconds?\\b|ms\\b"
          + "|seconds?\\b|secs?\\b|bpm\\b|beats/min|percent\\b|%)");

  private Units() {}

  /** The UCUM code for a written unit ("µmol/l", "x 10^9/L", "/mm3", "mmHg"), if it is one we read. */
  public static Optional<String> ucum(String written) {
    if (written == null) {
      return Optional.empty();
    }
    String folded = written.strip().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u')
        .replace("×", "x").replace("⁹", "^9").replace("³", "^3").replace("²", "^2").replace("¹²", "^12")
        .replace("mcg", "ug").replace("cells", "cells").replaceAll("\\s+", "").replace("*", "^").replace("^^", "^")
        .replace("e9/", "^9/").replace("(9)", "^9").replace("(3)", "^3").replace("(12)", "^12").replace("10^9", "10^9").replace("minute", "min").replace("per1.73", "/1.73")
        .replace("sq.m", "m2").replace("sqm", "m2").replace("1,73", "1.73");
    if (folded.startsWith("10^") || folded.startsWith("10e")) {
      folded = "x" + folded;
    }
    String code = WRITTEN.get(folded);
    if (code == null && folded.startsWith("ml/min/1.73")) {
      code = "mL/min/{1.73_m2}";
    }
    if (code == null && UCUM.validate(written.strip()) == null) {
      code = written.strip();
    }
    return Optional.ofNullable(code);
  }

  /**
   * {@code value} in {@code from} expressed in {@code to}, or empty when they do not convert; mass
   * and amount units convert through {@code molarMass} (g/mol, NaN when unknown).
   */
  public static Optional<Double> convert(double value, String from, String to, double molarMass) {
    String a = from == null ? "" : from;
    String b = to == null ? "" : to;
    if (a.equals(b)) {
      return Optional.of(value);
    }
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    // UCUM's arithmetic is in decimal strings and costs tens of microseconds a conversion; a match
    // converts the same few unit pairs thousands of times. Linear conversions (all but UCUM's special
    // units) are kept as their two coefficients, found once per pair.
    String key = a + '\u0000' + b + '\u0000' + molarMass;
    Linear known = LINEAR.get(key);
    if (known == null) {
      if (LINEAR.size() > MAX_PAIRS) {
        LINEAR.clear();
      }
      known = linear(a, b, molarMass);
      LINEAR.put(key, known);
    }
    if (known == Linear.NONE) {
      return Optional.empty();
    }
    return known == Linear.NOT_LINEAR ? slowConvert(value, a, b, molarMass) : Optional.of(known.scale() * value + known.offset());
  }

  /** A conversion {@code scale × value + offset}; or none, or one that is not linear (computed each time). */
  private record Linear(double scale, double offset) {
    static final Linear NONE = new Linear(Double.NaN, Double.NaN);
    static final Linear NOT_LINEAR = new Linear(Double.NaN, 0);
  }

  private static final Map<String, Linear> LINEAR = new ConcurrentHashMap<>();
  private static final int MAX_PAIRS = 10_000;

  private static Linear linear(String a, String b, double molarMass) {
    Optional<Double> zero = slowConvert(0, a, b, molarMass);
    Optional<Double> one = slowConvert(1, a, b, molarMass);
    Optional<Double> thousand = slowConvert(1000, a, b, molarMass);
    if (one.isEmpty()) {
      return Linear.NONE;
    }
    if (zero.isEmpty() || thousand.isEmpty()) {
      return Linear.NOT_LINEAR;
    }
    double offset = zero.get();
    double scale = one.get() - offset;
    double expected = scale * 1000 + offset;
    return Math.abs(expected - thousand.get()) <= 1e-9 * Math.max(1, Math.abs(thousand.get())) ? new Linear(scale, offset) : Linear.NOT_LINEAR;
  }

  private static Optional<Double> slowConvert(double value, String a, String b, double molarMass) {
    try {
      if (UCUM.isComparable(a, b)) {
        return Optional.of(ucumConvert(value, a, b));
      }
      if (!Double.isNaN(molarMass)) {
        // amount per volume to mass per volume, or back: mol/L × g/mol = g/L
        if (UCUM.isComparable(a, "mol/L") && UCUM.isComparable(b, "g/L")) {
          return Optional.of(ucumConvert(ucumConvert(value, a, "mol/L") * molarMass, "g/L", b));
        }
        if (UCUM.isComparable(a, "g/L") && UCUM.isComparable(b, "mol/L")) {
          return Optional.of(ucumConvert(ucumConvert(value, a, "g/L") / molarMass, "mol/L", b));
        }
      }
    } catch (UcumException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static double ucumConvert(double value, String from, String to) throws UcumException {
    return Double.parseDouble(UCUM.convert(new Decimal(Double.toString(value)), from, to).asDecimal());
  }

  private static UcumService load() {
    try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
      if (in == null) {
        throw new IllegalStateException("ucum-essence.xml is missing from the org.fhir:ucum jar");
      }
      return new UcumEssenceService(in);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the UCUM table: " + e.getMessage(), e);
    }
  }
}
