package org.trialdex.store;

import java.util.Objects;

/** What a presented API token turned out to be: accepted, or refused with the reason. */
public sealed interface TokenCheck {

  /** The token is known, its secret matches, and it is neither revoked nor expired. */
  record Accepted(ApiToken token) implements TokenCheck {
    public Accepted {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * The token does not open anything.
   *
   * @param refusal why, as a code the HTTP answer names
   * @param message why, for the person who sent it; never the secret
   */
  record Refused(Refusal refusal, String message) implements TokenCheck {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a token was refused. */
  enum Refusal {
    /** No token was presented. */
    MISSING,
    /** Not a trialdex token, no such token, or the secret does not match (not told apart, on purpose). */
    UNKNOWN,
    /** The secret matches but the token has expired. */
    EXPIRED,
    /** The secret matches but the token has been revoked. */
    REVOKED;

    /** The code in answers: {@code missing}, {@code unknown}, {@code expired}, {@code revoked}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
