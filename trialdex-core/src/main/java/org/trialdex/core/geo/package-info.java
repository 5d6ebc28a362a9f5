/**
 * Offline geocoding of trial sites. {@link org.trialdex.core.geo.Gazetteer} reads a compact GeoNames
 * extract shipped as a resource ({@code gazetteer.tsv.gz}: about 119,000 cities, 3,719 first-level
 * regions, 246 countries; built by {@code tools/gazetteer/build.py}) and puts a location given as city,
 * state and country, or as free text, on the map. Each answer is a {@link org.trialdex.core.geo.Geocode}
 * whose {@link org.trialdex.core.geo.Precision} says whether it is the city itself or only the centroid
 * of the region or country: an unknown city never gets a guessed city point.
 *
 * <p>This package owns the place data and the matching rules ({@code docs/geo.md}). It does not read
 * records, store points or draw maps; coordinates a record already carries are the caller's
 * ({@link org.trialdex.core.geo.Precision#SOURCE}). No network is used.
 */
package org.trialdex.core.geo;
