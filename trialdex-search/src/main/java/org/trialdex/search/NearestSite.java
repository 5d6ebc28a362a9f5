package org.trialdex.search;

import java.util.Objects;

/**
 * The site of a hit nearest to a geographic search's centre.
 *
 * @param facility the facility, or "" when the record names none
 * @param city the city as the record writes it
 * @param state the state or region, or ""
 * @param country the country as the record writes it
 * @param latitude the site's latitude
 * @param longitude the site's longitude
 * @param distanceMeters its distance from the centre
 * @param precision {@code source} when the record gave the coordinates, {@code city} when they are
 *     the centre of the site's city (the gazetteer's)
 */
public record NearestSite(String facility, String city, String state, String country, double latitude,
    double longitude, double distanceMeters, String precision) {
  public NearestSite {
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(precision, "precision");
  }

  /** "Dana-Farber Cancer Institute, Boston, Massachusetts, United States". */
  public String place() {
    return String.join(", ", java.util.stream.Stream.of(facility, city, state, country)
        .filter(s -> !s.isBlank()).toList());
  }
}
