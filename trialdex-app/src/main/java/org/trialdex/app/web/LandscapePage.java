package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The landscape page: the search form, then one chart per view of the matching cell-therapy trials,
 * each an SVG with its table and CSV link; or the reason there is none.
 *
 * @param error the message of a request the landscape could not take, shown instead of charts
 * @param trials how many cell-therapy trials match, when counted
 * @param charts the charts
 * @param json the same landscape as JSON
 * @param search the same search as a list of trials
 */
public record LandscapePage(Parts.SearchForm form, Optional<String> error, OptionalLong trials, List<ChartView> charts,
    String json, String search) {

  public LandscapePage {
    charts = List.copyOf(charts);
  }

  /**
   * One chart, laid out as horizontal bars in SVG user units: a row label left of each bar, the
   * bar's total right of it, segments filled with a pattern per series so the chart reads without
   * colour, a legend above when there are several series, and an axis of trials below.
   */
  public record ChartView(String id, String title, String category, String note, String csv, boolean empty,
      int width, int height, int plotLeft, int plotRight, int axisY, List<Fill> fills, List<Swatch> legend,
      List<Bar> bars, List<Tick> ticks, List<String> header, List<List<String>> table) {
    public ChartView {
      fills = List.copyOf(fills);
      legend = List.copyOf(legend);
      bars = List.copyOf(bars);
      ticks = List.copyOf(ticks);
      header = List.copyOf(header);
      table = table.stream().map(List::copyOf).toList();
    }

    /** The id of the SVG title element, for aria-labelledby. */
    public String titleId() {
      return "t-" + id;
    }

    /** The id of the SVG description element. */
    public String descId() {
      return "d-" + id;
    }
  }

  /**
   * A series' fill: a pattern of {@code kind} (solid, diagonal, dots, cross, horizontal, vertical,
   * back-diagonal, grid, open) in {@code background} with {@code ink} lines.
   */
  public record Fill(String id, String kind, String background, String ink) {
    /** The SVG paint that uses it. */
    public String paint() {
      return "url(#" + id + ")";
    }
  }

  /** A legend entry: the series' fill in a square, then its label. */
  public record Swatch(int x, int y, Fill fill, String label) {}

  /** One bar: its label, its segments, its total written after it. */
  public record Bar(String label, int y, int height, int textY, List<Segment> segments, String total, int totalX) {
    public Bar {
      segments = List.copyOf(segments);
    }
  }

  /** One series' part of a bar; {@code title} says it in words (hover, screen readers). */
  public record Segment(int x, int width, Fill fill, String title) {}

  /** An axis tick. */
  public record Tick(int x, String label) {}
}
