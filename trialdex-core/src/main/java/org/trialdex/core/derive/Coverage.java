package org.trialdex.core.derive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.geo.Gazetteer;
import org.trialdex.core.geo.Geocode;
import org.trialdex.core.geo.Precision;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * How much of a set of records search can use: sites on the map by precision, and the fields
 * {@link Derivation} derived. Add records one at a time ({@link #add}); not thread-safe.
 */
public final class Coverage {

  private final Derivation derivation;
  private final StudyJson json = StudyJson.standard();
  private long records;
  private long withCitySites;
  private long onMap;
  private final Map<Precision, Long> sites = new EnumMap<>(Precision.class);
  private long sitesUnknown;
  private final Map<String, Long> derived = new LinkedHashMap<>();

  /** Counts with what {@code derivation} derives. */
  public Coverage(Derivation derivation) {
    this.derivation = derivation;
  }

  /** Counts one record. */
  public void add(Study study) {
    records++;
    ObjectNode tree = json.mapper().valueToTree(study);
    boolean hasCitySite = false;
    boolean hasPoint = false;
    for (JsonNode site : tree.path("protocolSection").path("contactsLocationsModule").path("locations")) {
      String city = site.path("city").asText("");
      String country = site.path("country").asText("");
      if (!city.isBlank() && !country.isBlank()) {
        hasCitySite = true;
      }
      if (site.has("geoPoint")) {
        sites.merge(Precision.SOURCE, 1L, Long::sum);
        hasPoint = true;
        continue;
      }
      Optional<Geocode> g = Gazetteer.standard().locate(city, site.path("state").asText(null), country);
      if (g.isEmpty()) {
        sitesUnknown++;
      } else {
        sites.merge(g.get().precision(), 1L, Long::sum);
        hasPoint |= g.get().precision() == Precision.CITY;
      }
    }
    if (hasCitySite) {
      withCitySites++;
      if (hasPoint) {
        onMap++;
      }
    }
    for (String path : derivation.apply(tree)) {
      derived.merge(path, 1L, Long::sum);
    }
  }

  /** Records counted. */
  public long records() {
    return records;
  }

  /** Records with at least one site that names a city and a country. */
  public long recordsWithCitySites() {
    return withCitySites;
  }

  /** Of those, the records with at least one site on the map (its own point or its city's centre). */
  public long recordsOnMap() {
    return onMap;
  }

  /** Sites by how precisely they are placed: their own point, city, region or country centre. */
  public Map<Precision, Long> sitesByPrecision() {
    return Map.copyOf(sites);
  }

  /** Sites the gazetteer could not place at all (no known country). */
  public long sitesUnknown() {
    return sitesUnknown;
  }

  /** Records by derived path ({@link Derivation#STD_AGES}...): how many records had it derived. */
  public Map<String, Long> derived() {
    return java.util.Collections.unmodifiableMap(derived);
  }
}
