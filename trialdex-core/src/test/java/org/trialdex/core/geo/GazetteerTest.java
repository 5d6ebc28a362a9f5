package org.trialdex.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped gazetteer against hand-labelled places ({@code sites.tsv} beside this class: city, state,
 * country, the expected point with a tolerance, the expected precision and why), free text, country
 * names as ClinicalTrials.gov writes them, and hostile input.
 */
class GazetteerTest {

  private static final Gazetteer G = Gazetteer.standard();

  private record Row(int line, String city, String state, String country, double lat, double lon, double km,
      String precision, String reason) {}

  @Test
  void handLabelledSitesResolveToTheirPlaceAndPrecision() throws IOException {
    List<String> failures = new ArrayList<>();
    List<Row> rows = fixture();
    assertTrue(rows.size() >= 60, "fixture has " + rows.size() + " rows");
    for (Row r : rows) {
      Optional<Geocode> got = G.locate(r.city(), r.state(), r.country());
      String what = "line " + r.line() + " (" + r.reason() + "): " + got;
      if (r.precision().equals("EMPTY")) {
        if (got.isPresent()) {
          failures.add(what);
        }
        continue;
      }
      if (got.isEmpty() || !got.get().precision().name().equals(r.precision())
          || km(got.get(), r.lat(), r.lon()) > r.km()) {
        failures.add(what + String.format(" expected %s within %.0f km of %.2f,%.2f", r.precision(), r.km(),
            r.lat(), r.lon()) + got.map(g -> String.format(", %.0f km off", km(g, r.lat(), r.lon()))).orElse(""));
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void freeTextResolvesWithAndWithoutContext() {
    assertNear("Boston, MA", 42.36, -71.06, 10, Precision.CITY);
    assertNear("Boston", 42.36, -71.06, 10, Precision.CITY);  // Lincolnshire's Boston is much smaller
    assertNear("Boston, Massachusetts, United States", 42.36, -71.06, 10, Precision.CITY);
    assertNear("Paris, France", 48.86, 2.35, 15, Precision.CITY);
    assertNear("Paris, TX", 33.66, -95.56, 15, Precision.CITY);
    assertNear("Paris", 48.86, 2.35, 15, Precision.CITY);
    assertNear("Beijing", 39.90, 116.40, 30, Precision.CITY);
    assertNear("Cambridge, UK", 52.21, 0.12, 15, Precision.CITY);
    // Cambridge, England (145,700 people in the 2021 census) is larger than Cambridge, MA (118,400 in 2020).
    assertNear("Cambridge", 52.21, 0.12, 15, Precision.CITY);
    assertNear("Springfield, IL", 39.80, -89.65, 15, Precision.CITY);  // IL is also Israel's code
    assertNear("Portland, ME", 43.66, -70.26, 15, Precision.CITY);  // ME is also Montenegro's code
    assertNear("London, ON", 42.98, -81.25, 15, Precision.CITY);
    assertNear("Atlanta, Georgia", 33.75, -84.39, 20, Precision.CITY);  // Georgia the state, not the country
    assertNear("Tbilisi, Georgia", 41.72, 44.79, 20, Precision.CITY);  // Georgia the country
    assertNear("Mayo Clinic, Rochester, MN", 44.02, -92.47, 15, Precision.CITY);
    assertNear("Massachusetts", 42.30, -71.50, 150, Precision.REGION);
    assertNear("Germany", 51.0, 10.0, 350, Precision.COUNTRY);
    assertNear("Georgia", 42.0, 43.8, 250, Precision.COUNTRY);  // a bare country name wins over the state
    assertNear("Nowhereville, Texas", 30.5, -97.0, 350, Precision.REGION);
    assertNear("Nowhereville, France", 47.0, 2.5, 350, Precision.COUNTRY);
  }

  @Test
  void freeTextThatNamesNoPlaceIsEmpty() {
    for (String text : new String[] {null, "", "   ", ",,,", "N/A", "Multiple Locations", "Unknown", "Xyzzyplugh",
        "\u0000\u0001", "北京"}) {
      assertEquals(Optional.empty(), G.resolve(text), String.valueOf(text));
    }
  }

  @Test
  void clinicalTrialsGovCountryNamesAllHaveCodes() {
    Map<String, String> names = Map.ofEntries(
        Map.entry("Korea, Republic of", "KR"), Map.entry("Korea, Democratic People's Republic of", "KP"),
        Map.entry("Iran, Islamic Republic of", "IR"), Map.entry("Russian Federation", "RU"),
        Map.entry("Taiwan", "TW"), Map.entry("Macedonia, The Former Yugoslav Republic of", "MK"),
        Map.entry("North Macedonia", "MK"), Map.entry("Congo, The Democratic Republic of the", "CD"),
        Map.entry("Congo", "CG"), Map.entry("Moldova, Republic of", "MD"), Map.entry("Tanzania", "TZ"),
        Map.entry("Viet Nam", "VN"), Map.entry("Former Serbia and Montenegro", "RS"), Map.entry("Czechia", "CZ"),
        Map.entry("Czech Republic", "CZ"), Map.entry("Turkey", "TR"), Map.entry("Türkiye", "TR"),
        Map.entry("Turkey (Türkiye)", "TR"), Map.entry("Hong Kong", "HK"), Map.entry("Puerto Rico", "PR"),
        Map.entry("Syrian Arab Republic", "SY"), Map.entry("Libyan Arab Jamahiriya", "LY"),
        Map.entry("Lao People's Democratic Republic", "LA"), Map.entry("Côte D'Ivoire", "CI"),
        Map.entry("Cote d'Ivoire", "CI"), Map.entry("Netherlands Antilles", "CW"),
        Map.entry("Palestinian Territory, occupied", "PS"), Map.entry("Holy See (Vatican City State)", "VA"),
        Map.entry("United States", "US"), Map.entry("United Kingdom", "GB"), Map.entry("Germany", "DE"),
        Map.entry("Former Yugoslavia", "RS"), Map.entry("Swaziland", "SZ"), Map.entry("Eswatini", "SZ"),
        Map.entry("Myanmar", "MM"), Map.entry("Burma", "MM"), Map.entry("Bolivia", "BO"),
        Map.entry("Venezuela", "VE"), Map.entry("Kosovo", "XK"), Map.entry("Réunion", "RE"),
        Map.entry("UNITED STATES", "US"), Map.entry("us", "US"), Map.entry("USA", "US"), Map.entry("DEU", "DE"),
        Map.entry("  korea,   republic OF ", "KR"));
    names.forEach((name, code) -> assertEquals(Optional.of(code), G.countryCode(name), name));
    for (String notACountry : new String[] {null, "", "Atlantis", "N/A", "Europe"}) {
      assertEquals(Optional.empty(), G.countryCode(notACountry), String.valueOf(notACountry));
    }
  }

  @Test
  void sizesAreThoseOfTheShippedResource() {
    // 246 countries and territories with at least one city; GeoNames' first-level regions; cities1000.
    assertTrue(G.countries() > 240 && G.countries() < 260, "countries " + G.countries());
    assertTrue(G.regions() > 3000 && G.regions() < 4500, "regions " + G.regions());
    assertTrue(G.cities() > 100_000 && G.cities() < 150_000, "cities " + G.cities());
  }

  @Test
  void placeNamesTheCityItsRegionAndItsCountry() {
    assertEquals("Boston, Massachusetts, United States",
        G.locate("Boston", "MA", "United States").orElseThrow().place());
    assertEquals("Massachusetts, United States",
        G.locate("Nowhereville", "MA", "United States").orElseThrow().place());
    assertEquals("Germany", G.locate(null, null, "DE").orElseThrow().place());
  }

  @Test
  void randomAndOversizedInputReturnsWithoutThrowing() {
    Random random = new Random(20261130L);
    String alphabet = "aeiouBCDFGSt .,-'()/\\|\t\n\u0000\u0301éüßø北京Кк0123456789";
    for (int i = 0; i < 5_000; i++) {
      String[] s = new String[4];
      for (int j = 0; j < s.length; j++) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(12) == 0 ? 100_000 : random.nextInt(30);
        for (int k = 0; k < n; k++) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        s[j] = random.nextInt(10) == 0 ? null : b.toString();
      }
      try {
        G.locate(s[0], s[1], s[2]).ifPresent(GazetteerTest::valid);
        G.resolve(s[3]).ifPresent(GazetteerTest::valid);
        G.countryCode(s[0]);
      } catch (RuntimeException e) {
        fail("input " + List.of(String.valueOf(s[0]), String.valueOf(s[1]), String.valueOf(s[2])) + " threw " + e);
      }
    }
    String huge = "Boston ".repeat(200_000);
    assertTrue(G.locate(huge, huge, "United States").map(g -> g.precision() != Precision.CITY).orElse(true),
        "a 1.4 MB city field is no city");
  }

  private static void valid(Geocode g) {
    assertTrue(Math.abs(g.latitude()) <= 90 && Math.abs(g.longitude()) <= 180 && !g.place().isBlank(), g.toString());
  }

  private static void assertNear(String text, double lat, double lon, double km, Precision precision) {
    Geocode g = G.resolve(text).orElseThrow(() -> new AssertionError(text + ": empty"));
    assertEquals(precision, g.precision(), text + " -> " + g);
    assertTrue(km(g, lat, lon) <= km, text + " -> " + g + " is " + Math.round(km(g, lat, lon)) + " km off");
  }

  /** Great-circle distance (haversine, mean Earth radius 6,371 km). */
  static double km(Geocode g, double lat, double lon) {
    double p1 = Math.toRadians(g.latitude());
    double p2 = Math.toRadians(lat);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon - g.longitude());
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private static List<Row> fixture() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = GazetteerTest.class.getResourceAsStream("sites.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank() || lines[i].startsWith("#")) {
          continue;
        }
        String[] f = lines[i].split("\t", -1);
        if (f.length != 8) {
          throw new IllegalStateException("sites.tsv line " + (i + 1) + ": expected 8 tab-separated fields");
        }
        boolean empty = f[6].equals("EMPTY");
        rows.add(new Row(i + 1, unescape(f[0]), unescape(f[1]), unescape(f[2]), empty ? 0 : Double.parseDouble(f[3]),
            empty ? 0 : Double.parseDouble(f[4]), empty ? 0 : Double.parseDouble(f[5]), f[6], f[7]));
      }
    }
    return rows;
  }

  private static String unescape(String s) {
    Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
    return m.replaceAll(r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1), 16))));
  }
}
