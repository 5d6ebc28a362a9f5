package org.trialdex.app.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address clients reach the server at, such as {@code https://trials.example.org}: the base of
 * every absolute link the server writes (the Atom feed's). Given with {@code serve --public-url} or
 * {@code TRIALDEX_PUBLIC_URL} when a reverse proxy stands in front; without it, links use the
 * address and port the request reached on this server. The request's {@code Host} header is never
 * used: a client writes it, and a cache could keep its links for everyone (issue #12).
 */
public final class PublicUrl {

  private final String base;

  private PublicUrl(String base) {
    this.base = base;
  }

  /** Scheme, host and port, without a trailing slash ({@code https://trials.example.org}). */
  public String base() {
    return base;
  }

  @Override
  public String toString() {
    return base;
  }

  /**
   * The public URL {@code text} names: {@code http} or {@code https}, a host, an optional port, and
   * no path (but {@code /}), query, fragment or user.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static PublicUrl of(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the public URL '" + text + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("the public URL '" + text + "' must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the public URL '" + text + "' must name a host (and no user), "
          + "such as https://trials.example.org");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the public URL '" + text + "' must be scheme://host[:port] only: "
          + "the portal's links start at /, so a path, query or fragment cannot be honoured");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return new PublicUrl(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
  }

  /** The base of the address {@code ctx} reached on this server: its local address and port, not the Host header. */
  static String reached(Context ctx) {
    String address = ctx.req().getLocalAddr();
    String host = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    return "http://" + host + ":" + ctx.req().getLocalPort();
  }
}
