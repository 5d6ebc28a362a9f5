package org.trialdex.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code gazetteer.tsv.gz} into the tables {@link Gazetteer} looks up. Rows are tab-separated;
 * lists inside a field are separated by {@code |}; lines starting with {@code #} are comments:
 *
 * <pre>
 * C  iso2  iso3    lat  lon  name  aliases
 * R  iso2  admin1  lat  lon  name  aliases
 * P  iso2  admin1  lat  lon  population  name  asciiName  alternateNames
 * </pre>
 *
 * Countries and regions come before the cities that refer to them.
 */
final class GazetteerFile {

  /** Words a region's name may carry or lack: "Hubei Province", "Gyeonggi-do", "State of Berlin". */
  static final Set<String> REGION_WORDS = Set.of("province", "provincia", "provincie", "state", "region", "regione",
      "municipality", "prefecture", "oblast", "county", "district", "voivodeship", "governorate", "department",
      "departement", "autonomous", "special", "administrative", "sar", "of", "the", "shi", "sheng", "do", "ken",
      "krai", "kray", "republic", "canton", "land", "capital", "territory", "community", "city", "metropolitan");

  private static final Set<String> GLOBAL_CODES = Set.of("US", "CA", "AU");

  record Country(String iso2, String iso3, String name, double latitude, double longitude) {}

  record Region(Country country, String code, String name, double latitude, double longitude) {}

  /** What the file holds, indexed by folded names. */
  record Tables(
      Map<String, Country> countries,
      int countryCount,
      Map<String, Region> regions,
      Map<String, List<Region>> regionsByName,
      int regionCount,
      Cities cities,
      Map<String, int[]> cityNames,
      Map<Region, Integer> largestCity) {}

  /** The cities as parallel arrays; entries of {@code cityNames} are {@code index << 1 | alternate}. */
  record Cities(float[] latitude, float[] longitude, int[] population, Country[] country, Region[] region,
      String[] name) {
    int size() {
      return name.length;
    }
  }

  private GazetteerFile() {}

  static Tables read(InputStream gz, String source) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(gz, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      return new Builder(source).read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer " + source + ": " + e.getMessage(), e);
    }
  }

  /** The bare form of a folded region name: without the {@link #REGION_WORDS}; empty when nothing remains. */
  static String bareRegion(String folded) {
    StringBuilder out = new StringBuilder();
    for (String t : folded.split(" ")) {
      if (!REGION_WORDS.contains(t)) {
        out.append(out.isEmpty() ? "" : " ").append(t);
      }
    }
    return out.toString();
  }

  private static final class Builder {
    private final String source;
    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, Country> countryByCode = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final Map<String, Region> regionByCode = new HashMap<>();
    private final Map<String, List<Region>> regionsByName = new HashMap<>();
    private final Map<String, int[]> cityNames = new HashMap<>(1 << 19);
    private int countryCount;
    private int regionCount;
    private float[] lat = new float[1 << 17];
    private float[] lon = new float[1 << 17];
    private int[] pop = new int[1 << 17];
    private Country[] cityCountry = new Country[1 << 17];
    private Region[] cityRegion = new Region[1 << 17];
    private String[] cityName = new String[1 << 17];
    private int size;
    private int lineNumber;

    Builder(String source) {
      this.source = source;
    }

    Tables read(BufferedReader in) throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "C" -> country(f);
          case "R" -> region(f);
          case "P" -> city(f);
          default -> throw bad("unknown row kind " + f[0]);
        }
      }
      Cities cities = new Cities(Arrays.copyOf(lat, size), Arrays.copyOf(lon, size), Arrays.copyOf(pop, size),
          Arrays.copyOf(cityCountry, size), Arrays.copyOf(cityRegion, size), Arrays.copyOf(cityName, size));
      for (Map.Entry<String, int[]> e : cityNames.entrySet()) {
        e.setValue(sorted(e.getValue(), cities));
      }
      Map<Region, Integer> largest = new HashMap<>();
      for (int i = 0; i < size; i++) {
        if (cityRegion[i] != null) {
          largest.merge(cityRegion[i], i, (a, b) -> pop[b] > pop[a] ? b : a);
        }
      }
      return new Tables(Map.copyOf(countries), countryCount, Map.copyOf(regions), Map.copyOf(regionsByName),
          regionCount, cities, cityNames, Map.copyOf(largest));
    }

    private void country(String[] f) {
      need(f, 7);
      Country c = new Country(f[1], f[2], f[5], number(f[3]), number(f[4]));
      countryByCode.put(c.iso2(), c);
      countryCount++;
      // Names and aliases first, then codes, so that a code never hides a name ("IN" is India, "in" is not a word).
      List<String> keys = new ArrayList<>();
      keys.add(f[5]);
      keys.addAll(list(f[6]));
      for (String k : keys) {
        countries.putIfAbsent(Fold.fold(k), c);
      }
      countries.putIfAbsent(Fold.fold(c.iso2()), c);
      if (!c.iso3().isEmpty()) {
        countries.putIfAbsent(Fold.fold(c.iso3()), c);
      }
    }

    private void region(String[] f) {
      need(f, 7);
      Country c = countryByCode.get(f[1]);
      if (c == null) {
        throw bad("region of unknown country " + f[1]);
      }
      Region r = new Region(c, f[2], f[5], number(f[3]), number(f[4]));
      regionByCode.put(f[1] + "." + f[2], r);
      regionCount++;
      List<String> names = new ArrayList<>();
      names.add(f[5]);
      names.addAll(list(f[6]));
      if (f[2].chars().allMatch(Character::isLetter)) {
        names.add(f[2]);  // US states (MA), Swiss cantons (ZH), British nations (ENG) use letter codes
      }
      for (String n : names) {
        index(c, Fold.fold(n), r, global(c, n));
      }
      for (String n : names) {
        index(c, bareRegion(Fold.fold(n)), r, global(c, n));
      }
    }

    /**
     * Whether free text without a country may name the region this way. Short codes are, in free text,
     * the US, Canadian and Australian postal ones ("Boston, MA", "London, ON"); Brazil's MA (Maranhão)
     * or Switzerland's GE (Geneva) count only within their country.
     */
    private static boolean global(Country c, String name) {
      boolean code = name.length() <= 3 && name.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z');
      return !code || GLOBAL_CODES.contains(c.iso2());
    }

    private void index(Country c, String key, Region r, boolean global) {
      if (key.isEmpty()) {
        return;
      }
      if (regions.putIfAbsent(c.iso2() + " " + key, r) == null && global) {
        regionsByName.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }

    private void city(String[] f) {
      need(f, 9);
      Country c = countryByCode.get(f[1]);
      if (c == null) {
        throw bad("city of unknown country " + f[1]);
      }
      if (size == lat.length) {
        int n = size * 2;
        lat = Arrays.copyOf(lat, n);
        lon = Arrays.copyOf(lon, n);
        pop = Arrays.copyOf(pop, n);
        cityCountry = Arrays.copyOf(cityCountry, n);
        cityRegion = Arrays.copyOf(cityRegion, n);
        cityName = Arrays.copyOf(cityName, n);
      }
      int i = size++;
      lat[i] = (float) number(f[3]);
      lon[i] = (float) number(f[4]);
      pop[i] = (int) number(f[5]);
      cityCountry[i] = c;
      cityRegion[i] = f[2].isEmpty() ? null : regionByCode.get(f[1] + "." + f[2]);
      cityName[i] = f[6];
      String name = Fold.fold(f[6]);
      add(name, i << 1);
      // The file keeps an ASCII name only where it differs from the name after folding, and then it is
      // some other name ("Buchholz" for Französisch Buchholz): an alternate.
      add(Fold.fold(f[7]), i << 1 | 1);
      int bracket = f[6].indexOf('(');
      if (bracket > 0) {
        add(Fold.fold(f[6].substring(0, bracket)), i << 1);
      }
      for (String alt : list(f[8])) {
        String key = Fold.fold(alt);
        add(key, shortForm(name, key) ? i << 1 : i << 1 | 1);
      }
    }

    /**
     * Whether an alternate name is the name in use with the qualifier left off, and so ranks as a primary
     * name: "Frankfurt" of "Frankfurt am Main", "Halle" of "Halle an der Saale", "New York" of "New York
     * City". Population then decides against Frankfurt (Oder). Only German river and "upon" qualifiers and
     * "city" count: "Saint-Pierre" is no short form of Saint-Pierre-des-Corps.
     */
    private static boolean shortForm(String name, String alt) {
      if (!name.startsWith(alt + " ")) {
        return false;
      }
      String rest = name.substring(alt.length() + 1);
      return rest.equals("city") || rest.startsWith("am ") || rest.startsWith("an ") || rest.startsWith("im ")
          || rest.startsWith("in der ") || rest.startsWith("ob ") || rest.startsWith("upon ");
    }

    private void add(String key, int entry) {
      if (key.isEmpty()) {
        return;
      }
      int[] old = cityNames.get(key);
      if (old == null) {
        cityNames.put(key, new int[] {entry});
        return;
      }
      for (int e : old) {
        if (e >>> 1 == entry >>> 1) {
          return;  // the same city under a second spelling that folds alike
        }
      }
      int[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = entry;
      cityNames.put(key, grown);
    }

    /** Primary names before alternate names, then larger population first. */
    private static int[] sorted(int[] entries, Cities cities) {
      if (entries.length < 2) {
        return entries;
      }
      return Arrays.stream(entries).boxed()
          .sorted((a, b) -> (a & 1) != (b & 1) ? Integer.compare(a & 1, b & 1)
              : Integer.compare(cities.population()[b >>> 1], cities.population()[a >>> 1]))
          .mapToInt(Integer::intValue).toArray();
    }

    private static List<String> list(String field) {
      return field.isEmpty() ? List.of() : List.of(field.split("\\|"));
    }

    private double number(String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw bad("not a number: " + s);
      }
    }

    private void need(String[] f, int n) {
      if (f.length < n) {
        throw bad("expected " + n + " tab-separated fields, found " + f.length);
      }
    }

    private IllegalStateException bad(String what) {
      return new IllegalStateException("gazetteer " + source + " line " + lineNumber + ": " + what
          + "; rebuild it with tools/gazetteer/build.py");
    }
  }
}
