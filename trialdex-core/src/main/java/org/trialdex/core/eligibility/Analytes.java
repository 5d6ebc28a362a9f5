package org.trialdex.core.eligibility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements and labs eligibility criteria set limits on, from the team's table
 * {@code analytes.tsv}: names, the unit values are compared in, LOINC codes, molar mass and a typical
 * reference range. Both criteria and patients name analytes through this one table.
 */
public final class Analytes {

  /**
   * One analyte.
   *
   * @param id a short stable id ({@code alt}, {@code creatinine})
   * @param names its names, lower case, the first for display
   * @param unit the UCUM unit values are compared in ("" for unitless)
   * @param loinc LOINC codes that report it
   * @param molarMass g/mol for converting between mass and amount units, or NaN
   * @param low a typical lower reference limit in {@code unit}, or NaN
   * @param high a typical upper reference limit in {@code unit}, or NaN
   */
  public record Analyte(String id, List<String> names, String unit, List<String> loinc, double molarMass,
      double low, double high) {
    public Analyte {
      names = List.copyOf(names);
      loinc = List.copyOf(loinc);
    }

    /** The display name. */
    public String name() {
      return names.getFirst();
    }
  }

  private static final Analytes STANDARD = load();

  private final List<Analyte> all;
  private final Map<String, Analyte> byName;
  private final Map<String, Analyte> byLoinc;
  private final Pattern names;

  private Analytes(List<Analyte> all) {
    this.all = List.copyOf(all);
    Map<String, Analyte> n = new HashMap<>();
    Map<String, Analyte> l = new HashMap<>();
    List<String> alternatives = new ArrayList<>();
    for (Analyte a : all) {
      for (String name : a.names()) {
        if (n.putIfAbsent(name, a) == null) {
          alternatives.add(name);
        }
      }
      for (String code : a.loinc()) {
        l.putIfAbsent(code, a);
      }
    }
    byName = Map.copyOf(n);
    byLoinc = Map.copyOf(l);
    alternatives.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder regex = new StringBuilder("(?i)(?<![\\p{L}\\p{N}])(?:");
    for (int i = 0; i < alternatives.size(); i++) {
      regex.append(i == 0 ? "" : "|").append(Pattern.quote(alternatives.get(i)).replace(" ", "\\E[\\s-]+\\Q"));
    }
    regex.append(")(?![\\p{L}\\p{N}])");
    names = Pattern.compile(regex.toString());
  }

  /** The team's table. */
  public static Analytes standard() {
    return STANDARD;
  }

  /** Every analyte, in table order. */
  public List<Analyte> all() {
    return all;
  }

  /** The analyte with this id. */
  public Optional<Analyte> byId(String id) {
    return all.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The analyte this name stands for ("SGPT" is ALT), case and spacing aside. */
  public Optional<Analyte> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", " ")))
        .or(() -> Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT))));
  }

  /** The analyte a LOINC code reports ({@code 1742-6} is ALT); the code may carry a system prefix. */
  public Optional<Analyte> forLoinc(String code) {
    if (code == null) {
      return Optional.empty();
    }
    int bar = code.lastIndexOf('|');
    return Optional.ofNullable(byLoinc.get(bar >= 0 ? code.substring(bar + 1) : code));
  }

  /** A matcher of every analyte name in {@code text}, longest names first at each place. */
  public Matcher matcher(CharSequence text) {
    return names.matcher(text);
  }

  private static Analytes load() {
    InputStream in = Analytes.class.getResourceAsStream("analytes.tsv");
    if (in == null) {
      throw new IllegalStateException("analytes.tsv is missing from the trialdex-core jar");
    }
    List<Analyte> list = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 7) {
          throw new IllegalStateException("analytes.tsv line " + n + ": expected 7 tab-separated fields, got " + f.length);
        }
        list.add(new Analyte(f[0], List.of(f[1].toLowerCase(Locale.ROOT).split("\\|")), f[2],
            List.of(f[3].split("\\|")), number(f[4]), number(f[5]), number(f[6])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Analytes(list);
  }

  private static double number(String field) {
    return field.equals("-") ? Double.NaN : Double.parseDouble(field);
  }
}
