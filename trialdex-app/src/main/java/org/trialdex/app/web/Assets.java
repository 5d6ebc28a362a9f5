package org.trialdex.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The portal's static files, its style sheet and its one script, served at {@code /static/{name}}.
 * They are files rather than inline {@code <style>} and {@code <script>} elements so the
 * Content-Security-Policy can allow this server's own files only (issue #12). Each page links a
 * file with its version, a hash of its bytes ({@code /static/trialdex.css?v=1a2b3c4d5e6f}), so a
 * browser may keep it for a year and still fetches a changed file at once.
 */
public final class Assets {

  /** The files, read once from the classpath beside this class. */
  private static final Map<String, Asset> FILES = List.of(
          load("trialdex.css", "text/css; charset=utf-8"),
          load("match-marks.js", "text/javascript; charset=utf-8"),
          load("portal.js", "text/javascript; charset=utf-8"))
      .stream().collect(Collectors.toUnmodifiableMap(Asset::name, Function.identity()));

  private Assets() {}

  /**
   * One static file.
   *
   * @param name its name under {@code /static/}
   * @param contentType its media type with charset
   * @param bytes its content
   * @param version the first 12 hex digits of the SHA-256 of its content
   */
  public record Asset(String name, String contentType, byte[] bytes, String version) {}

  /** The file called {@code name}, if there is one. */
  public static Optional<Asset> get(String name) {
    return Optional.ofNullable(FILES.get(name));
  }

  /** The address a page links {@code name} at, with its version. */
  public static String href(String name) {
    Asset a = get(name).orElseThrow(() -> new IllegalArgumentException("no static file '" + name + "'"));
    return "/static/" + a.name() + "?v=" + a.version();
  }

  private static Asset load(String name, String type) {
    String resource = "static/" + name;
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the static file " + resource + " is missing from the classpath beside "
            + Assets.class.getName());
      }
      byte[] bytes = in.readAllBytes();
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Asset(name, type, bytes, HexFormat.of().formatHex(hash, 0, 6));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the static file " + resource, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
