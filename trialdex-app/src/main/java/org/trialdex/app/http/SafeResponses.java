package org.trialdex.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * What every response carries and every request is checked for, whatever route answers it (issue
 * #12): the security headers, a {@code Cache-Control}, {@code HEAD} answered by the {@code GET}
 * route without its body, a path whose percent-escapes do not decode to UTF-8 refused with 400,
 * and Jetty's own refusals (a request it cannot parse) in the same JSON with the same headers.
 */
final class SafeResponses {

  /**
   * This server's own files only: scripts and style sheets from {@code /static/}, forms posted
   * back here, no frames, no plugins, no inline script or style (the pages have none).
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /**
   * On every response: the policy; no guessing a type other than the one sent; no page of this
   * server inside another's frame (for browsers without frame-ancestors); no address (which may
   * hold a search) sent to the sites a page links to.
   */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer");

  /**
   * The public read APIs a web page on another origin may call, as programs written for
   * ClinicalTrials.gov's API do from a browser: the v2 API and the website's version API. Not
   * trialdex's own endpoints, the portal or the admin API.
   */
  static boolean crossOrigin(String path) {
    return path.startsWith("/api/v2/") || path.startsWith("/api/int/");
  }

  /** Any origin may read them (no credentials), and the headers clients page and count with. */
  static final Map<String, String> CROSS_ORIGIN_HEADERS = Map.of(
      "Access-Control-Allow-Origin", "*",
      "Access-Control-Expose-Headers", "x-total-count, x-next-page-token, X-Trialdex-Derived, Content-Disposition");

  /** Answers that change with the store: a cache may keep them but must ask again before each use. */
  static final String REVALIDATE = "no-cache";

  /** Answers nobody should keep: errors, {@code /health}, a patient's matches. */
  static final String NO_STORE = "no-store";

  /** A static file linked with its version: the same address always has the same bytes. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private SafeResponses() {}

  /** Installs the filter and Jetty's error answers on a Javalin being configured. */
  static void configure(JavalinConfig config) {
    config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(new HeadersFilter()),
        "/*", EnumSet.of(DispatcherType.REQUEST)));
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
  }

  /**
   * Before every route: a path whose percent-escapes are malformed ({@code %zz}, {@code %u0041}, a
   * trailing {@code %A}) or do not decode to UTF-8 ({@code %E0%A4}) is a 400 naming the fault;
   * Javalin would otherwise fail decoding it as a path parameter and answer 500.
   */
  static void checkPath(Context ctx) {
    String path = ctx.req().getRequestURI();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
        String escape = path.substring(i, Math.min(i + 3, path.length()));
        throw new HttpServer.BadRequest("the path '" + path + "' has a malformed percent-escape '" + escape
            + "' at character " + (i + 1) + ": each % takes two hex digits (%25 for % itself)");
      }
      bytes.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
      i += 2;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
    } catch (CharacterCodingException e) {
      throw new HttpServer.BadRequest("the path '" + path + "' is not UTF-8 once its percent-escapes are decoded; "
          + "encode each character as the percent-escapes of its UTF-8 bytes");
    }
  }

  /** After every route: an error is not to be kept by any cache. */
  static void noStoreErrors(Context ctx) {
    if (ctx.statusCode() >= 400) {
      ctx.header(HttpHeader.CACHE_CONTROL.asString(), NO_STORE);
    }
  }

  /** The request's method as the client sent it ({@code HEAD} reaches the routes as {@code GET}). */
  static String method(Context ctx) {
    return ctx.req() instanceof HeadAsGet ? "HEAD" : ctx.method().name();
  }

  /**
   * Sets the headers before any route runs, so a route, an error mapping or a streamed answer all
   * carry them; and hands a {@code HEAD} to the routes as a {@code GET}: Jetty, which still knows the
   * request is a {@code HEAD}, sends the status and headers and drops the body.
   */
  private static final class HeadersFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest req = (HttpServletRequest) request;
      HttpServletResponse res = (HttpServletResponse) response;
      SECURITY_HEADERS.forEach(res::setHeader);
      res.setHeader("Cache-Control", req.getRequestURI().equals("/health") ? NO_STORE : REVALIDATE);
      if (crossOrigin(req.getRequestURI())) {
        CROSS_ORIGIN_HEADERS.forEach(res::setHeader);
        if ("OPTIONS".equals(req.getMethod())) {
          // A browser's preflight: the reads are open to every origin, without credentials.
          res.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
          res.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
          res.setHeader("Access-Control-Max-Age", "86400");
          res.setStatus(HttpServletResponse.SC_NO_CONTENT);
          return;
        }
      }
      chain.doFilter("HEAD".equals(req.getMethod()) ? new HeadAsGet(req) : req, res);
    }
  }

  private static final class HeadAsGet extends HttpServletRequestWrapper {
    HeadAsGet(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }
  }

  /**
   * Jetty's answer to a request it refuses before any route (a request line or header it cannot
   * parse, a URI too long): JSON {@code {"message": ...}} like every other error, with the headers.
   */
  private static final class JsonErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      SECURITY_HEADERS.forEach(fields::put);
      fields.put(HttpHeader.CACHE_CONTROL, NO_STORE);
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      String message = "the request could not be read (" + (reason == null ? "status " + status : reason)
          + "): check the request line and headers, e.g. that each % in the path is followed by two hex digits";
      var body = HttpServer.json().createObjectNode().put("message", message);
      return ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
