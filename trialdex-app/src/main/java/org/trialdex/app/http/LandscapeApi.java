package org.trialdex.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Landscape;

/**
 * The landscape of cell-therapy trials as data: {@code GET /api/landscape?…} answers every chart as
 * JSON, {@code GET /api/landscape/{chart}.csv?…} one chart as CSV; both take the search's query and
 * filter parameters ({@link org.trialdex.app.service.Landscapes#request}). Bad parameters are 400
 * with the search's own message; an unknown chart is 404 naming the charts.
 */
final class LandscapeApi {

  private LandscapeApi() {}

  static void routes(Javalin app, Trialdex trialdex, Admission admission) {
    Duration searchLimit = admission.limits().timeLimit();
    app.get("/api/landscape", admission.guard(ctx -> Render.json(ctx, json(landscape(ctx, trialdex, searchLimit)))));
    app.get("/api/landscape/{file}", admission.guard(ctx -> csv(ctx, trialdex, searchLimit)));
  }

  private static Landscape landscape(Context ctx, Trialdex trialdex, Duration limit) {
    return trialdex.landscapes().of(org.trialdex.app.service.Landscapes.request(ctx.queryParamMap()), limit);
  }

  private static void csv(Context ctx, Trialdex trialdex, Duration limit) {
    String file = ctx.pathParam("file");
    String id = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : "";
    if (!org.trialdex.app.service.Landscapes.CHARTS.contains(id)) {
      throw new HttpServer.NotFound("no chart '" + file + "'; the landscape's charts are "
          + String.join(", ", org.trialdex.app.service.Landscapes.CHARTS.stream().map(c -> c + ".csv").toList()));
    }
    Landscape.Chart chart = landscape(ctx, trialdex, limit).chart(id).orElseThrow();
    ctx.header("Content-Disposition", "attachment; filename=\"landscape-" + id + ".csv\"");
    Render.csv(ctx, csv(chart));
  }

  /**
   * One chart as CSV (RFC 4180, CRLF): the row label under the chart's category, its code, a count
   * per series and, with several series, their sum.
   */
  static String csv(Landscape.Chart chart) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of(chart.category(), "code"));
    chart.series().forEach(s -> header.add(s.label()));
    boolean several = chart.series().size() > 1;
    if (several) {
      header.add("All");
    }
    line(sb, header);
    for (Landscape.Row row : chart.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.label(), row.key()));
      row.counts().forEach(c -> cells.add(Long.toString(c)));
      if (several) {
        cells.add(Long.toString(row.total()));
      }
      line(sb, cells);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    sb.append(String.join(",", cells.stream().map(Render::csvField).toList())).append("\r\n");
  }

  static ObjectNode json(Landscape landscape) {
    ObjectNode root = HttpServer.json().createObjectNode();
    root.put("trials", landscape.trials());
    ArrayNode charts = root.putArray("charts");
    for (Landscape.Chart c : landscape.charts()) {
      ObjectNode chart = charts.addObject();
      chart.put("id", c.id());
      chart.put("title", c.title());
      chart.put("category", c.category());
      chart.put("note", c.note());
      ArrayNode series = chart.putArray("series");
      c.series().forEach(s -> series.addObject().put("key", s.key()).put("label", s.label()));
      ArrayNode rows = chart.putArray("rows");
      for (Landscape.Row r : c.rows()) {
        ObjectNode row = rows.addObject();
        row.put("key", r.key());
        row.put("label", r.label());
        ArrayNode counts = row.putArray("counts");
        r.counts().forEach(counts::add);
        row.put("total", r.total());
      }
    }
    return root;
  }
}
