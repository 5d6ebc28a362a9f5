package org.trialdex.store;

import java.util.Objects;

/** What a presented API token turned out to be: accepted, or refused with the reason. */
public sealed interface TokenCheck {

  /**
   * What a token whose secret matched is at {@code now}: refused as revoked or as expired, else
   * accepted. For callers that verified the secret earlier and read the token again.
   */
  static TokenCheck of(ApiToken token, java.time.Instant now) {
    if (token.revoked()) {
      return new Refused(Refusal.REVOKED, token.label() + " was revoked at " + token.revokedAt().get()
          + "; ask for a new token");
    }
    if (token.expiredAt(now)) {
      return new Refused(Refusal.EXPIRED, token.label() + " expired at " + token.expiresAt().get()
          + "; ask for a new token ('trialdex token create')");
    }
    return new Accepted(token);
  }

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
