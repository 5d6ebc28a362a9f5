package org.trialdex.store;

import java.util.Objects;

/**
 * A token just issued, with its secret: the only time the secret exists outside its holder. Show
 * it once and forget it; the store keeps only its hash.
 *
 * @param token the token as the store knows it
 * @param secret the whole bearer string, {@code tdx_<id>_<43 characters of base64url>}
 */
public record IssuedToken(ApiToken token, String secret) {

  public IssuedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(secret, "secret");
  }

  /** Without the secret, so that a log line or an assertion message never shows it. */
  @Override
  public String toString() {
    return "IssuedToken[" + token + ", secret=(hidden)]";
  }
}
