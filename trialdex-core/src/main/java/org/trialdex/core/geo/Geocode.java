package org.trialdex.core.geo;

import java.util.Objects;

/**
 * A point on the map for a site and how precise it is.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 * @param precision what the point stands for: the city itself or a region's or country's centroid
 * @param place the resolved name, most specific first, e.g. {@code "Boston, Massachusetts, United States"}
 */
public record Geocode(double latitude, double longitude, Precision precision, String place) {

  /** @throws IllegalArgumentException when a coordinate is out of range or a member is null */
  public Geocode {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("coordinates out of range: " + latitude + ", " + longitude + " for " + place);
    }
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(place, "place");
  }
}
