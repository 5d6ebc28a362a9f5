package org.trialdex.app.service;

import java.util.List;
import java.util.Objects;

/**
 * The landscape of the cell-therapy trials a search matches: how many there are, and one
 * {@link Chart} per view (start year by phase, tissue source, donor, route, condition group,
 * country, dose per kilogram and in all). Made by {@link Landscapes}.
 *
 * @param trials how many trials match
 * @param charts the charts, in {@link Landscapes#CHARTS} order
 */
public record Landscape(long trials, List<Chart> charts) {

  public Landscape {
    charts = List.copyOf(charts);
  }

  /** The chart with this id. */
  public java.util.Optional<Chart> chart(String id) {
    return charts.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * One chart: rows (bars) of counts, one count per series (a single series for a plain bar
   * chart; phases for start years).
   *
   * @param id stable id, used in URLs ({@code start-year-phase})
   * @param title what it shows, as a heading
   * @param category what the rows are ({@code Start year}, {@code Tissue source})
   * @param series the series, in stacking order
   * @param rows the rows, in display order
   * @param note how trials are counted (a trial in several rows, trials left out), for people
   */
  public record Chart(String id, String title, String category, List<Series> series, List<Row> rows, String note) {
    public Chart {
      Objects.requireNonNull(id, "id");
      series = List.copyOf(series);
      rows = List.copyOf(rows);
      for (Row r : rows) {
        if (r.counts().size() != series.size()) {
          throw new IllegalArgumentException("row " + r.key() + " of chart " + id + " has " + r.counts().size()
              + " counts for " + series.size() + " series");
        }
      }
    }

    /** True when no row counts anything. */
    public boolean empty() {
      return rows.stream().allMatch(r -> r.total() == 0);
    }

    /** The largest row total (0 when empty). */
    public long max() {
      return rows.stream().mapToLong(Row::total).max().orElse(0);
    }
  }

  /** One series: a stable key and a label. */
  public record Series(String key, String label) {}

  /**
   * One row: a stable key ({@code 2015}, {@code bone-marrow}), its label, and a count per series.
   */
  public record Row(String key, String label, List<Long> counts) {
    public Row {
      counts = List.copyOf(counts);
    }

    /** The sum of the counts: the bar's length. */
    public long total() {
      return counts.stream().mapToLong(Long::longValue).sum();
    }
  }
}
