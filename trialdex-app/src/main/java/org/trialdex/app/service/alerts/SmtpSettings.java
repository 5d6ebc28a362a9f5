package org.trialdex.app.service.alerts;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How alert mail leaves the server: an SMTP server ({@code serve --smtp-host} and friends).
 *
 * @param host the SMTP server's host
 * @param port its port (25, 465 for TLS, 587 for STARTTLS)
 * @param user the login, if the server wants one
 * @param password its password (from an environment variable or a file, never the command line)
 * @param from the sender address of every alert mail
 * @param security how the connection is protected
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, String from,
    Security security) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(security, "security");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host is empty; name the mail server, e.g. smtp.example.org");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the SMTP port must be 1 to 65535, got " + port);
    }
    if (!Addresses.valid(from)) {
      throw new IllegalArgumentException("the sender address '" + from + "' is not an e-mail address");
    }
  }

  /** Protection of the connection to the SMTP server. */
  public enum Security {
    /** Plain SMTP (a relay on the same host or network only). */
    NONE,
    /** Plain connection upgraded with STARTTLS, which must succeed (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS;

    /** The security named {@code text}: none, starttls or tls. */
    public static Security of(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the SMTP security must be none, starttls or tls, got '" + text + "'");
      }
    }
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", user=" + user.orElse("(none)") + ", from=" + from + ", "
        + security + "]";
  }
}
