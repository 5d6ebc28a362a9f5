package org.trialdex.app.service.alerts;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alerts for machines: a JSON POST to the subscriber's URL, signed with HMAC-SHA256 under the
 * subscription's secret. The header {@value #SIGNATURE_HEADER} reads {@code t=<unix seconds>,v1=<hex>},
 * where the hex is the HMAC of {@code <t>.<body>}: a receiver recomputes it, compares in constant
 * time, and refuses a {@code t} more than a few minutes old, so a captured request cannot be replayed
 * later (docs/alerts.md shows how).
 *
 * <p>URLs must be http or https. Unless the operator allows it, a URL whose host is (or resolves to)
 * a loopback, private, link-local or otherwise internal address is refused, when subscribing and
 * again before each POST, so that a webhook cannot make the server reach into its own network.
 */
final class Webhooks {

  static final String SIGNATURE_HEADER = "Trialdex-Signature";
  static final String DELIVERY_HEADER = "Trialdex-Delivery";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final boolean allowInternal;
  private final HttpClient client;

  Webhooks(boolean allowInternal) {
    this.allowInternal = allowInternal;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * {@code text} as a webhook URL.
   *
   * @throws IllegalArgumentException saying why it cannot be one
   */
  URI check(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("give the URL the alerts should be posted to");
    }
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + t + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("a webhook URL must start with https:// (or http://), got '" + t + "'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("the webhook URL '" + t + "' names no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the webhook URL must not carry a user or password; the signature"
          + " header tells the receiver the alert is from this server");
    }
    if (t.length() > 2000) {
      throw new IllegalArgumentException("the webhook URL is " + t.length() + " characters long; at most 2000");
    }
    checkReachable(uri);
    return uri;
  }

  private void checkReachable(URI uri) {
    if (allowInternal) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("the webhook's host '" + uri.getHost() + "' could not be found");
    }
    for (InetAddress a : addresses) {
      if (internal(a)) {
        throw new IllegalArgumentException("the webhook's host '" + uri.getHost() + "' is an internal address ("
            + a.getHostAddress() + "); this server posts only to public addresses");
      }
    }
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
    }
    return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
  }

  /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<seconds>.<body>">}. */
  static String signature(String secret, Instant at, byte[] body) {
    long t = at.getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }

  /**
   * Posts {@code body}, signed at {@code at}.
   *
   * @throws DeliveryFailed when the receiver cannot be reached or does not answer 2xx
   */
  void post(String url, String secret, String deliveryId, byte[] body, Instant at) {
    URI uri;
    try {
      uri = check(url);
    } catch (IllegalArgumentException e) {
      throw new DeliveryFailed(e.getMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "trialdex-alerts")
        .header(SIGNATURE_HEADER, signature(secret, at, body))
        .header(DELIVERY_HEADER, deliveryId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryFailed("the receiver answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new DeliveryFailed("the receiver could not be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted while posting");
    }
  }

  /** A webhook not taken by its receiver. */
  static final class DeliveryFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeliveryFailed(String message) {
      super(message);
    }
  }
}
