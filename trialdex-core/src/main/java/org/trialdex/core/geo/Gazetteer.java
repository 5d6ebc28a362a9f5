package org.trialdex.core.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.geo.GazetteerFile.Cities;
import org.trialdex.core.geo.GazetteerFile.Country;
import org.trialdex.core.geo.GazetteerFile.Region;
import org.trialdex.core.geo.GazetteerFile.Tables;

/**
 * Puts trial sites on the map offline: cities, first-level regions and countries from GeoNames,
 * matched by folded name (see {@code docs/geo.md}). A site whose city is not in the gazetteer gets
 * its region's or country's centroid, never a guessed city. Immutable and thread-safe.
 */
public final class Gazetteer {

  private static final String RESOURCE = "gazetteer.tsv.gz";
  /** Longer text is no place name and matches nothing; so lookups stay cheap whatever the input. */
  private static final int MAX_TEXT = 300;
  /** See {@link #city}: a city outside the given region must be this populous to be taken. */
  private static final int CITY_OUTSIDE_REGION = 100_000;

  private static final Set<String> PLACEHOLDERS = Set.of("n a", "na", "none", "unknown", "tbd", "tba", "null", "nil",
      "not applicable", "not available", "not specified", "other", "any", "all", "test", "xxx", "x");
  private static final Set<String> PLACEHOLDER_WORDS = Set.of("locations", "location", "sites", "multiple", "various",
      "several", "undisclosed", "nationwide", "countrywide", "worldwide", "tbd", "unknown");

  private final Tables tables;

  private Gazetteer(Tables tables) {
    this.tables = tables;
  }

  /**
   * The gazetteer shipped in this jar, read once on first use (about a second).
   *
   * @throws IllegalStateException when the resource is missing or malformed (a broken build)
   */
  public static Gazetteer standard() {
    return Standard.INSTANCE;
  }

  /** Holder idiom: the JVM loads the resource once, lazily and thread-safely. */
  private static final class Standard {
    static final Gazetteer INSTANCE = load();

    private static Gazetteer load() {
      try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("gazetteer resource org/trialdex/core/geo/" + RESOURCE
              + " is missing from the classpath; rebuild it with tools/gazetteer/build.py");
        }
        return new Gazetteer(GazetteerFile.read(in, RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the gazetteer resource " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The point of a site given as a ClinicalTrials.gov location. The country is matched by name, alias or
   * ISO code; the city within that country, preferring the given state or region; ties go to a primary
   * name over an alternate name, then to the larger population. An unknown city gives the region's
   * centroid when the state is known, else the country's. Any argument may be null or blank; a blank
   * country searches the city and state as free text ({@link #resolve}).
   *
   * @return the point, or empty when the country (or, without one, the whole text) is not recognised
   */
  public Optional<Geocode> locate(String city, String state, String country) {
    if (blank(country)) {
      String text = String.join(", ", nonBlank(city, state));
      return text.isEmpty() ? Optional.empty() : resolve(text);
    }
    Country c = country(country);
    if (c == null) {
      return Optional.empty();
    }
    Region r = blank(state) ? null : region(c, state);
    if (!blank(city)) {
      int found = city(city, c, r);
      // "Aichi" is a prefecture and, in some languages, another name of Okazaki: a region named by the
      // city field wins over a city matched only by an alternate name, unless that city is the region's
      // largest ("New York", "Geneva", "Panama City").
      Region named = r == null ? region(c, city) : null;
      if (found >= 0 && (named == null || primaryNamed(Fold.fold(cut(city)), found)
          || tables.largestCity().getOrDefault(named, -1) == found)) {
        return Optional.of(cityGeocode(found));
      }
      if (r == null && blank(state)) {
        // Some records put the region in the city field ("Beijing" is both).
        r = region(c, city);
      }
    }
    return Optional.of(r != null ? regionGeocode(r) : countryGeocode(c));
  }

  /**
   * The point of free text such as {@code "Boston, MA"}, {@code "Paris, France"}, {@code "Cambridge"},
   * {@code "Massachusetts"} or {@code "Germany"}. The text is split on commas; the last parts may name a
   * country and a region (a US state's abbreviation among them), an earlier part the city. Without context
   * the most populous match wins.
   *
   * @return the point, or empty when nothing in the text is recognised
   */
  public Optional<Geocode> resolve(String placeText) {
    List<String> parts = new ArrayList<>();
    if (placeText != null) {
      String text = placeText.length() > MAX_TEXT * 4 ? placeText.substring(0, MAX_TEXT * 4) : placeText;
      for (String p : text.split("[,;]")) {
        if (!blank(p)) {
          parts.add(cut(p).strip());
        }
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    if (parts.size() == 1) {
      return single(parts.get(0));
    }
    String last = parts.get(parts.size() - 1);
    List<String> before = parts.subList(0, parts.size() - 1);
    // "Boston, MA": MA is Massachusetts and Morocco; "Atlanta, Georgia": a state and a country. Every
    // reading is tried; a city beats a centroid. Between centroids a spelled-out country comes first,
    // a two-letter code reads as a US state or other region first.
    Country c = country(last);
    List<Geocode> readings = new ArrayList<>();
    if (c != null && !isCodeOnly(last, c)) {
      readings.add(within(before, c));
    }
    for (Region r : tables.regionsByName().getOrDefault(Fold.fold(last), List.of())) {
      readings.add(withinRegion(before, r));
    }
    if (c != null && isCodeOnly(last, c)) {
      readings.add(within(before, c));
    }
    Geocode best = null;
    for (Geocode g : readings) {
      best = better(best, g);
    }
    if (best != null) {
      return Optional.of(best);
    }
    // The last part is neither a country nor a region: "Mayo Clinic, Rochester" or "Springfield, Nowhere".
    for (int i = parts.size() - 1; i >= 0; i--) {
      int found = city(parts.get(i), null, null);
      if (found >= 0) {
        return Optional.of(cityGeocode(found));
      }
    }
    return Optional.empty();
  }

  /**
   * The ISO 3166-1 alpha-2 code of a country name, alias or code, e.g. {@code "Korea, Republic of"} gives
   * {@code "KR"}; matching ignores case, accents and punctuation.
   */
  public Optional<String> countryCode(String countryName) {
    Country c = country(countryName);
    return c == null ? Optional.empty() : Optional.of(c.iso2());
  }

  /** How many cities the gazetteer holds. */
  public int cities() {
    return tables.cities().size();
  }

  /** How many first-level regions the gazetteer holds. */
  public int regions() {
    return tables.regionCount();
  }

  /** How many countries (and territories with their own ISO code) the gazetteer holds. */
  public int countries() {
    return tables.countryCount();
  }

  // ------------------------------------------------------------------ free text

  private Optional<Geocode> single(String part) {
    Country c = country(part);
    if (c != null) {
      return Optional.of(countryGeocode(c));
    }
    int found = city(part, null, null);
    List<Region> regions = tables.regionsByName().getOrDefault(Fold.fold(part), List.of());
    // A name that is a region's and a city's is the city only when the city carries it as its own name
    // and lies in that region ("Sao Paulo", "Quebec"); "Ontario" is the province, not the Californian
    // city, and "New York" alone the state.
    if (found >= 0 && (regions.isEmpty()
        || primaryNamed(Fold.fold(part), found) && regions.contains(tables.cities().region()[found]))) {
      return Optional.of(cityGeocode(found));
    }
    if (!regions.isEmpty()) {
      return Optional.of(regionGeocode(largest(regions)));
    }
    return Optional.empty();
  }

  /** The parts before a country: "City", "City, Region", "Facility, City, Region". */
  private Geocode within(List<String> parts, Country c) {
    String last = parts.get(parts.size() - 1);
    Region r = parts.size() > 1 ? region(c, last) : null;
    if (r != null) {
      return withinRegion(parts.subList(0, parts.size() - 1), r);
    }
    for (int i = parts.size() - 1; i >= 0; i--) {
      int found = city(parts.get(i), c, null);
      if (found >= 0) {
        return cityGeocode(found);
      }
    }
    r = region(c, last);
    return r != null ? regionGeocode(r) : countryGeocode(c);
  }

  private Geocode withinRegion(List<String> parts, Region r) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      int found = city(parts.get(i), r.country(), r);
      if (found >= 0) {
        return cityGeocode(found);
      }
    }
    return regionGeocode(r);
  }

  /** A more precise point beats a coarser one; at equal precision the earlier reading stays. */
  private Geocode better(Geocode a, Geocode b) {
    if (a == null) {
      return b;
    }
    if (a.precision() != b.precision()) {
      return a.precision().compareTo(b.precision()) <= 0 ? a : b;
    }
    return a;
  }

  private static boolean isCodeOnly(String text, Country c) {
    String f = Fold.fold(text);
    return f.length() == 2 && f.equals(Fold.fold(c.iso2()));
  }

  /** Of regions sharing a name ("Victoria"), the one with the most populous city. */
  private Region largest(List<Region> regions) {
    Region best = regions.get(0);
    for (Region r : regions) {
      if (people(r) > people(best)) {
        best = r;
      }
    }
    return best;
  }

  private int people(Region r) {
    int city = tables.largestCity().getOrDefault(r, -1);
    return city < 0 ? 0 : tables.cities().population()[city];
  }

  // ------------------------------------------------------------------ lookups

  private Country country(String text) {
    if (blank(text)) {
      return null;
    }
    String f = Fold.fold(cut(text));
    Country c = tables.countries().get(f);
    if (c == null && text.indexOf('(') >= 0) {
      // "Turkey (Türkiye)", "Korea (South)": either half may be the name.
      c = tables.countries().get(Fold.fold(text.substring(0, text.indexOf('('))));
    }
    return c;
  }

  private Region region(Country c, String text) {
    String f = Fold.fold(cut(text));
    if (f.isEmpty()) {
      return null;
    }
    Region r = tables.regions().get(c.iso2() + " " + f);
    if (r == null) {
      String bare = GazetteerFile.bareRegion(f);
      r = bare.isEmpty() ? null : tables.regions().get(c.iso2() + " " + bare);
    }
    return r;
  }

  /**
   * The best city named {@code text} in the country (any when null) and region (any when null), or -1.
   * Within a region, a city found only elsewhere in the country counts when it is a primary-name match
   * of at least {@link #CITY_OUTSIDE_REGION} people: records keep old regions ("Hyderabad, Andhra
   * Pradesh" is now in Telangana), but a small town elsewhere is more likely a namesake.
   */
  private int city(String text, Country c, Region r) {
    String cut = cut(text);
    if (blank(cut)) {
      return -1;
    }
    List<String> keys = new ArrayList<>(CityKeys.of(cut));
    for (String key : keys) {
      int found = best(key, c, r);
      if (found >= 0) {
        return found;
      }
    }
    if (c != null) {
      String folded = Fold.fold(cut);
      for (String key : CityKeys.prefixes(folded)) {
        int found = best(key, c, r);
        // An alternate name counts only before a postal district letter ("Aarhus C", "Odense N").
        if (found >= 0 && (primaryNamed(key, found) || folded.length() - key.length() <= 2)) {
          return found;
        }
      }
    }
    if (r != null) {
      for (String key : keys) {
        int found = best(key, c, null);
        if (found >= 0) {
          boolean large = tables.cities().population()[found] >= CITY_OUTSIDE_REGION;
          return large && primaryNamed(key, found) ? found : -1;
        }
      }
    }
    return -1;
  }

  private boolean primaryNamed(String key, int city) {
    for (int e : tables.cityNames().getOrDefault(key, new int[0])) {
      if (e >>> 1 == city) {
        return (e & 1) == 0;
      }
    }
    return false;
  }

  private int best(String key, Country c, Region r) {
    int[] entries = tables.cityNames().get(key);
    if (entries == null) {
      return -1;
    }
    Cities cities = tables.cities();
    for (int e : entries) {
      int i = e >>> 1;
      if ((c == null || cities.country()[i] == c) && (r == null || cities.region()[i] == r)) {
        return i;
      }
    }
    return -1;
  }

  private Geocode cityGeocode(int i) {
    Cities cities = tables.cities();
    Region r = cities.region()[i];
    String name = cities.name()[i];
    String place = r == null || Fold.fold(r.name()).startsWith(Fold.fold(name))
        ? name + ", " + cities.country()[i].name()
        : name + ", " + r.name() + ", " + cities.country()[i].name();
    return new Geocode(cities.latitude()[i], cities.longitude()[i], Precision.CITY, place);
  }

  private static Geocode regionGeocode(Region r) {
    return new Geocode(r.latitude(), r.longitude(), Precision.REGION, r.name() + ", " + r.country().name());
  }

  private static Geocode countryGeocode(Country c) {
    return new Geocode(c.latitude(), c.longitude(), Precision.COUNTRY, c.name());
  }

  /** The text, or nothing when it is too long to be a place name (a pasted paragraph, an attack). */
  private static String cut(String text) {
    return text.length() > MAX_TEXT ? "" : text;
  }

  /**
   * Blank, or a placeholder that names no place: "N/A", "Multiple Locations", "Various sites". Such
   * text must never reach the city index, where "Many" (Louisiana) or "Unknown" could answer it.
   */
  private static boolean blank(String s) {
    if (s == null) {
      return true;
    }
    if (s.length() > MAX_TEXT) {
      return false;  // not blank, but no place either: cut() makes it match nothing
    }
    String f = Fold.fold(cut(s));
    if (f.isEmpty() || PLACEHOLDERS.contains(f)) {
      return true;
    }
    for (String t : f.split(" ")) {
      if (PLACEHOLDER_WORDS.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (!blank(v)) {
        out.add(v.strip());
      }
    }
    return out;
  }
}
