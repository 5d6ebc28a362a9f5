package org.trialdex.core.geo;

/** How precisely a {@link Geocode} places a site, best first. */
public enum Precision {
  /** Coordinates the record itself carried (a v2 {@code geoPoint}); the gazetteer never returns this. */
  SOURCE,
  /** A gazetteer city, town or village that the site's city names within its country. */
  CITY,
  /** The centroid of a first-level region (state, province) when the city is unknown. */
  REGION,
  /** The centroid of a country when neither the city nor the region is known. */
  COUNTRY
}
