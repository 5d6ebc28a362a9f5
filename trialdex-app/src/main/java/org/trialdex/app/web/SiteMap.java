package org.trialdex.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Study;
import org.trialdex.search.Hit;
import org.trialdex.search.query.SearchRequest;

/**
 * A map of the sites of a page of search results, drawn on the server as SVG: country outlines from
 * Natural Earth (world-atlas 2.0.2, 1:50m, vendored from npm by {@code scripts/vendor-web.sh}; no tile
 * server, no script), the sites as dots numbered by their trial's place in the list, and for a
 * search near a place its centre and radius. The view frames the sites (and the radius), in an
 * equirectangular projection scaled by the cosine of the middle latitude, which keeps a small
 * region's shapes true enough to read.
 */
public final class SiteMap {

  /** Projection units per degree of latitude. */
  private static final double SCALE = 10;
  private static final double KM_PER_DEGREE = 111.32;
  /** The most dots drawn: beyond that a map of a page says nothing more. */
  private static final int MAX_SITES = 400;
  /** The view's width over its height, at least, so a map never becomes a thin strip. */
  private static final double MIN_ASPECT = 1.4;
  private static final double MAX_ASPECT = 2.4;
  /** The smallest view, in degrees of latitude: a single city's sites still show their region. */
  private static final double MIN_SPAN_DEGREES = 1.5;

  private SiteMap() {}

  /** A drawn map: its view box, the outline paths, the dots, the search's circle, and words for it. */
  public record Drawn(String viewBox, List<String> outlines, List<Dot> dots, Optional<Circle> circle, double dotRadius,
      double stroke, String caption) {
    public Drawn {
      outlines = List.copyOf(outlines);
      dots = List.copyOf(dots);
    }
  }

  /** One site: where, the number of its trial in the list, and what it is (for a tooltip). */
  public record Dot(String x, String y, int number, String title) {}

  /** The centre and radius of a search near a place. */
  public record Circle(String x, String y, String r) {}

  /**
   * The map of the sites of {@code hits} (numbered from {@code firstNumber}), only those within the
   * radius of {@code geo} when given; empty when no site of them has a map point.
   */
  static Optional<Drawn> draw(List<Hit> hits, Optional<SearchRequest.GeoFilter> geo, int firstNumber) {
    List<double[]> points = new ArrayList<>();
    List<Dot> pending = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    int trials = 0;
    for (int i = 0; i < hits.size() && points.size() < MAX_SITES; i++) {
      Study s = hits.get(i).study();
      var p = s.protocolSection();
      if (p == null || p.contactsLocationsModule() == null || p.contactsLocationsModule().locations() == null) {
        continue;
      }
      boolean any = false;
      for (Location l : p.contactsLocationsModule().locations()) {
        if (l.geoPoint() == null || l.geoPoint().lat() == null || l.geoPoint().lon() == null) {
          continue;
        }
        double lat = l.geoPoint().lat().doubleValue();
        double lon = l.geoPoint().lon().doubleValue();
        if (geo.isPresent() && kilometres(geo.get().latitude(), geo.get().longitude(), lat, lon) > geo.get().meters() / 1000) {
          continue;
        }
        points.add(new double[] {lat, lon});
        numbers.add(firstNumber + i);
        titles.add((firstNumber + i) + ". " + hits.get(i).id() + ": " + where(l));
        any = true;
        if (points.size() >= MAX_SITES) {
          break;
        }
      }
      trials += any ? 1 : 0;
    }
    if (points.isEmpty()) {
      return Optional.empty();
    }
    double south = 90;
    double north = -90;
    double west = 180;
    double east = -180;
    for (double[] pt : points) {
      south = Math.min(south, pt[0]);
      north = Math.max(north, pt[0]);
      west = Math.min(west, pt[1]);
      east = Math.max(east, pt[1]);
    }
    if (geo.isPresent()) {
      double r = geo.get().meters() / 1000 / KM_PER_DEGREE;
      double rx = r / Math.max(0.2, Math.cos(Math.toRadians(geo.get().latitude())));
      south = Math.min(south, geo.get().latitude() - r);
      north = Math.max(north, geo.get().latitude() + r);
      west = Math.min(west, geo.get().longitude() - rx);
      east = Math.max(east, geo.get().longitude() + rx);
    }
    double midLat = (south + north) / 2;
    double cos = Math.max(0.2, Math.cos(Math.toRadians(midLat)));
    // The frame, in projection units: the points' box, padded, at least the smallest span, within bounds of aspect.
    double x0 = west * cos * SCALE;
    double x1 = east * cos * SCALE;
    double y0 = -north * SCALE;
    double y1 = -south * SCALE;
    double pad = Math.max((x1 - x0), (y1 - y0)) * 0.12 + MIN_SPAN_DEGREES * SCALE * 0.1;
    x0 -= pad;
    x1 += pad;
    y0 -= pad;
    y1 += pad;
    double min = MIN_SPAN_DEGREES * SCALE;
    if (y1 - y0 < min) {
      double c = (y0 + y1) / 2;
      y0 = c - min / 2;
      y1 = c + min / 2;
    }
    double w = x1 - x0;
    double h = y1 - y0;
    if (w / h < MIN_ASPECT) {
      double c = (x0 + x1) / 2;
      w = h * MIN_ASPECT;
      x0 = c - w / 2;
      x1 = c + w / 2;
    } else if (w / h > MAX_ASPECT) {
      double c = (y0 + y1) / 2;
      h = w / MAX_ASPECT;
      y0 = c - h / 2;
      y1 = c + h / 2;
    }
    double detail = w / 600; // about a pixel at the width the page draws the map
    List<String> outlines = Outlines.paths(x0, y0, x1, y1, cos, detail);
    for (int i = 0; i < points.size(); i++) {
      double[] pt = points.get(i);
      pending.add(new Dot(num(pt[1] * cos * SCALE), num(-pt[0] * SCALE), numbers.get(i), titles.get(i)));
    }
    Optional<Circle> circle = geo.map(g -> new Circle(num(g.longitude() * cos * SCALE), num(-g.latitude() * SCALE),
        num(g.meters() / 1000 / KM_PER_DEGREE * SCALE)));
    String caption = points.size() + (points.size() == 1 ? " site" : " sites") + " of " + trials
        + (trials == 1 ? " trial" : " trials") + " on this page"
        + geo.map(g -> String.format(Locale.ROOT, ", within %.0f km of the place searched (the circle)", g.meters() / 1000))
            .orElse("");
    return Optional.of(new Drawn(num(x0) + " " + num(y0) + " " + num(w) + " " + num(h), outlines, pending, circle,
        w / 140, w / 900, caption));
  }

  private static String where(Location l) {
    List<String> parts = new ArrayList<>();
    for (String x : new String[] {l.facility(), l.city(), l.state(), l.country()}) {
      if (x != null && !x.isBlank()) {
        parts.add(x);
      }
    }
    return String.join(", ", parts);
  }

  /** Great-circle distance in kilometres (haversine). */
  static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** The country rings of world-atlas, decoded once from its TopoJSON to longitude/latitude arrays. */
  static final class Outlines {
    private static final String RESOURCE = "/org/trialdex/app/web/vendor/world-atlas/countries-50m.json";
    /** Each ring: longitudes and latitudes interleaved, with its bounding box first (west, south, east, north). */
    private static final List<double[]> RINGS = load();

    private Outlines() {}

    /** The number of rings read: a check that the outlines loaded. */
    static int rings() {
      return RINGS.size();
    }

    /** SVG path data of the rings that cross the frame, points closer than {@code detail} dropped. */
    static List<String> paths(double x0, double y0, double x1, double y1, double cos, double detail) {
      List<String> out = new ArrayList<>();
      double west = x0 / (cos * SCALE);
      double east = x1 / (cos * SCALE);
      double north = -y0 / SCALE;
      double south = -y1 / SCALE;
      for (double[] ring : RINGS) {
        if (ring[2] < west || ring[0] > east || ring[3] < south || ring[1] > north) {
          continue;
        }
        StringBuilder d = new StringBuilder();
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        int points = 0;
        for (int i = 4; i < ring.length; i += 2) {
          double x = ring[i] * cos * SCALE;
          double y = -ring[i + 1] * SCALE;
          boolean end = i + 2 >= ring.length;
          if (points > 0 && !end && Math.abs(x - lastX) < detail && Math.abs(y - lastY) < detail) {
            continue;
          }
          d.append(points == 0 ? 'M' : 'L').append(num(x)).append(' ').append(num(y));
          lastX = x;
          lastY = y;
          points++;
        }
        if (points >= 3) {
          out.add(d.append('Z').toString());
        }
      }
      return out;
    }

    private static List<double[]> load() {
      try (InputStream in = SiteMap.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the country outlines are missing from the jar at " + RESOURCE);
        }
        JsonNode topology = new ObjectMapper().readTree(in);
        double sx = topology.path("transform").path("scale").path(0).asDouble(1);
        double sy = topology.path("transform").path("scale").path(1).asDouble(1);
        double tx = topology.path("transform").path("translate").path(0).asDouble(0);
        double ty = topology.path("transform").path("translate").path(1).asDouble(0);
        // Arcs are quantized and delta-encoded: each position adds to the one before.
        List<double[]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.path("arcs")) {
          double[] xy = new double[arc.size() * 2];
          long x = 0;
          long y = 0;
          int k = 0;
          for (JsonNode pos : arc) {
            x += pos.path(0).asLong();
            y += pos.path(1).asLong();
            xy[k++] = x * sx + tx;
            xy[k++] = y * sy + ty;
          }
          arcs.add(xy);
        }
        List<double[]> rings = new ArrayList<>();
        for (JsonNode g : topology.path("objects").path("countries").path("geometries")) {
          if (g.path("type").asText().equals("Polygon")) {
            ring(g.path("arcs").path(0), arcs, rings); // the outer ring: holes (lakes) are not drawn
          } else {
            for (JsonNode polygon : g.path("arcs")) {
              ring(polygon.path(0), arcs, rings);
            }
          }
        }
        return List.copyOf(rings);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the country outlines " + RESOURCE, e);
      }
    }

    /** Joins a ring's arcs (a negative index {@code ~i} is arc {@code i} reversed), each after the first without its first point. */
    private static void ring(JsonNode indexes, List<double[]> arcs, List<double[]> rings) {
      List<Double> xy = new ArrayList<>();
      for (JsonNode index : indexes) {
        int i = index.asInt();
        double[] arc = arcs.get(i >= 0 ? i : ~i);
        int n = arc.length / 2;
        for (int j = xy.isEmpty() ? 0 : 1; j < n; j++) {
          int at = i >= 0 ? j : n - 1 - j;
          xy.add(arc[at * 2]);
          xy.add(arc[at * 2 + 1]);
        }
      }
      if (xy.size() < 6) {
        return;
      }
      double[] ring = new double[4 + xy.size()];
      ring[0] = 180;
      ring[1] = 90;
      ring[2] = -180;
      ring[3] = -90;
      for (int k = 0; k < xy.size(); k += 2) {
        double lon = xy.get(k);
        double lat = xy.get(k + 1);
        ring[4 + k] = lon;
        ring[5 + k] = lat;
        ring[0] = Math.min(ring[0], lon);
        ring[1] = Math.min(ring[1], lat);
        ring[2] = Math.max(ring[2], lon);
        ring[3] = Math.max(ring[3], lat);
      }
      rings.add(ring);
    }
  }
}
