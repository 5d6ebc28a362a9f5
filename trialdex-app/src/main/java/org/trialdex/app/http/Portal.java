package org.trialdex.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;
import org.trialdex.app.Trialdex;
import org.trialdex.app.web.Assets;
import org.trialdex.app.web.ChunkedBody;
import org.trialdex.app.web.NotFound;
import org.trialdex.app.web.WebPages;

/**
 * The web portal's routes: thin handlers that hand the parameters to {@link WebPages} and send
 * the HTML it renders. Unknown studies and versions are 404 pages that say where to look instead.
 */
final class Portal {

  private Portal() {}

  /** The page's study id, an NCT number in either case ({@code /study/nct02513394}) upper-cased. */
  private static String studyId(io.javalin.http.Context ctx) {
    String id = ctx.pathParam("id");
    return id.matches("(?i)nct\\d{8}") ? id.toUpperCase(java.util.Locale.ROOT) : id;
  }

  static void routes(Javalin app, Trialdex trialdex, Admission admission) {
    Duration searchLimit = admission.limits().timeLimit();
    app.get("/", admission.light(ctx -> html(ctx, WebPages.home(trialdex))));
    app.get("/search", admission.guard(ctx -> html(ctx, WebPages.searchAnswer(trialdex, ctx.queryParamMap(), searchLimit))));
    app.get("/search/download.csv", admission.guard(ctx -> SearchDownload.csv(ctx, trialdex, searchLimit)));
    app.get("/study/{id}", admission.light(ctx -> html(ctx, WebPages.study(trialdex, studyId(ctx)))));
    app.get("/landscape", admission.guard(ctx -> html(ctx, WebPages.landscapeAnswer(trialdex, ctx.queryParamMap(), searchLimit))));
    app.get("/match", ctx -> html(ctx, WebPages.match()));
    // A form post: the patient stays out of the address bar, the browser history and the request log.
    app.post("/match", admission.guardAfterBody(ctx -> html(ctx.header("Cache-Control", "no-store"),
        WebPages.match(trialdex, ctx.formParamMap()))));
    app.get("/study/{id}/history", admission.light(ctx -> html(ctx, WebPages.history(trialdex, studyId(ctx),
        version(ctx, "from"), version(ctx, "to")))));
    // The style sheet and script the pages link, with their version (web.Assets).
    app.get("/static/{name}", ctx -> {
      Assets.Asset a = Assets.get(ctx.pathParam("name"))
          .orElseThrow(() -> new HttpServer.NotFound("no static file '" + ctx.pathParam("name") + "'"));
      ctx.header("Cache-Control", a.version().equals(ctx.queryParam("v")) ? SafeResponses.IMMUTABLE : SafeResponses.REVALIDATE);
      ctx.contentType(a.contentType()).result(a.bytes());
    });
    app.exception(NotFound.class, (e, ctx) -> {
      ctx.status(HttpStatus.NOT_FOUND);
      html(ctx, WebPages.error("Trial not found", e.getMessage()));
    });
  }

  private static Optional<Integer> version(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      throw new HttpServer.BadRequest(name + " takes a version number, got '" + value + "'");
    }
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private static void html(Context ctx, WebPages.Answer answer) {
    ctx.status(answer.status());
    html(ctx, answer.body());
  }

  static void html(Context ctx, ChunkedBody page) {
    Render.send(ctx, "text/html; charset=utf-8", page);
  }

}
