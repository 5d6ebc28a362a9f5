package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.List;
import org.trialdex.app.service.Landscape;
import org.trialdex.app.web.LandscapePage.Bar;
import org.trialdex.app.web.LandscapePage.ChartView;
import org.trialdex.app.web.LandscapePage.Fill;
import org.trialdex.app.web.LandscapePage.Segment;
import org.trialdex.app.web.LandscapePage.Swatch;
import org.trialdex.app.web.LandscapePage.Tick;

/**
 * Lays a {@link Landscape.Chart} out as horizontal bars: the geometry the {@code tag/barchart.jte}
 * template draws as SVG. Server-side, no script: numbers in, coordinates out.
 */
final class ChartViews {

  static final int WIDTH = 760;
  static final int LABEL_WIDTH = 230;
  static final int VALUE_WIDTH = 60;
  static final int ROW = 22;
  static final int BAR = 16;
  static final int LEGEND_ROW = 20;
  static final int AXIS = 40;

  /** Pattern kinds, one per series in turn: distinct without colour. */
  private static final String[] KINDS = {"solid", "diagonal", "dots", "open", "cross", "horizontal", "vertical",
      "back", "grid"};
  /** Backgrounds, light except the first (solid) one; the ink is dark. */
  private static final String[] BACKGROUNDS = {"#1f4e79", "#f4b183", "#a9d18e", "#ffffff", "#9dc3e6", "#ffd966",
      "#c9c9c9", "#b4a7d6", "#d5a6bd"};

  private ChartViews() {}

  static ChartView of(Landscape.Chart chart, String csv) {
    List<Fill> fills = new ArrayList<>();
    for (int i = 0; i < chart.series().size(); i++) {
      fills.add(new Fill("f-" + chart.id() + "-" + i, KINDS[i % KINDS.length], BACKGROUNDS[i % BACKGROUNDS.length],
          "#1a1a1a"));
    }
    List<Swatch> legend = new ArrayList<>();
    int top = 8;
    if (chart.series().size() > 1) {
      int x = LABEL_WIDTH;
      int y = top;
      for (int i = 0; i < chart.series().size(); i++) {
        String label = chart.series().get(i).label();
        int w = 26 + 7 * label.length() + 16;
        if (x + w > WIDTH && x > LABEL_WIDTH) {
          x = LABEL_WIDTH;
          y += LEGEND_ROW;
        }
        legend.add(new Swatch(x, y, fills.get(i), label));
        x += w;
      }
      top = y + LEGEND_ROW + 8;
    }
    int plotLeft = LABEL_WIDTH;
    int plotRight = WIDTH - VALUE_WIDTH;
    long max = Math.max(1, chart.max());
    long step = step(max);
    long axisMax = ((max + step - 1) / step) * step;
    double scale = (plotRight - plotLeft) / (double) axisMax;
    List<Bar> bars = new ArrayList<>();
    int y = top;
    for (Landscape.Row row : chart.rows()) {
      List<Segment> segments = new ArrayList<>();
      long before = 0;
      for (int i = 0; i < row.counts().size(); i++) {
        long n = row.counts().get(i);
        if (n > 0) {
          int x0 = plotLeft + (int) Math.round(before * scale);
          int x1 = plotLeft + (int) Math.round((before + n) * scale);
          String series = chart.series().size() > 1 ? ", " + chart.series().get(i).label() : "";
          segments.add(new Segment(x0, Math.max(1, x1 - x0), fills.get(i),
              row.label() + series + ": " + n + " trial" + (n == 1 ? "" : "s")));
          before += n;
        }
      }
      int end = plotLeft + (int) Math.round(before * scale);
      bars.add(new Bar(label(row.label()), y + (ROW - BAR) / 2, BAR, y + ROW / 2 + 5, segments,
          Long.toString(row.total()), end + 4));
      y += ROW;
    }
    int axisY = y + 4;
    List<Tick> ticks = new ArrayList<>();
    for (long v = 0; v <= axisMax; v += step) {
      ticks.add(new Tick(plotLeft + (int) Math.round(v * scale), Long.toString(v)));
    }
    List<String> header = new ArrayList<>();
    header.add(chart.category());
    chart.series().forEach(s -> header.add(s.label()));
    if (chart.series().size() > 1) {
      header.add("All");
    }
    List<List<String>> table = new ArrayList<>();
    for (Landscape.Row row : chart.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.label());
      row.counts().forEach(c -> cells.add(Long.toString(c)));
      if (chart.series().size() > 1) {
        cells.add(Long.toString(row.total()));
      }
      table.add(cells);
    }
    return new ChartView(chart.id(), chart.title(), chart.category(), chart.note(), csv, chart.empty(), WIDTH,
        axisY + AXIS, plotLeft, plotRight, axisY, fills, legend, bars, ticks, header, table);
  }

  /** A round tick step giving at most about six ticks. */
  static long step(long max) {
    long step = 1;
    while (max / step > 6) {
      long next = step * 2;
      if (max / next <= 6) {
        return next;
      }
      next = step * 5;
      if (max / next <= 6) {
        return next;
      }
      step *= 10;
    }
    return step;
  }

  /** A row label short enough for the label column (the table below has it whole). */
  static String label(String text) {
    int room = (LABEL_WIDTH - 12) / 7;
    return text.length() <= room ? text : text.substring(0, room - 1).strip() + "…";
  }

}
