package org.trialdex.app.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.trialdex.store.ApiToken;
import org.trialdex.store.ApiTokens;
import org.trialdex.store.IssuedToken;
import org.trialdex.store.StoreException;
import org.trialdex.store.TokenCheck;

/**
 * API tokens for the command line (issue, list, revoke) and for the server, which checks the
 * token of every admin request with {@link #authenticate}.
 *
 * <p>Verifying a secret costs an Argon2id hash (tens of milliseconds and 19 MiB), so a token that
 * was accepted is remembered for {@link #ACCEPTED_FOR}, keyed by the SHA-256 of the presented string
 * (never the string itself). While it is remembered, the token is read again from the store at most
 * every {@link #RECHECK_EVERY}: a revoke, made by any process on any node sharing the store, is
 * refused within that time. At most {@link #VERIFYING_AT_ONCE} hashes run at once, so a flood of
 * wrong tokens costs bounded memory.
 */
public final class Tokens {

  /** How long an accepted secret is not hashed again. */
  public static final Duration ACCEPTED_FOR = Duration.ofSeconds(60);
  /** How often a remembered token is read again for revocation and expiry. */
  public static final Duration RECHECK_EVERY = Duration.ofSeconds(2);
  /** Last use is recorded at most this often per token (a write to the store). */
  public static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
  /** Argon2id hashes running at once (each takes 19 MiB). */
  public static final int VERIFYING_AT_ONCE = 2;
  /** Remembered tokens; past it the expired entries go, then all of them. */
  static final int MAX_REMEMBERED = 10_000;

  private final ApiTokens tokens;
  private final Clock clock;
  private final Semaphore verifying = new Semaphore(VERIFYING_AT_ONCE, true);
  private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

  /** A token that was accepted: when its secret was verified, when it was last read, when its use was recorded. */
  private record Remembered(ApiToken token, Instant verifiedAt, Instant checkedAt, Instant useRecordedAt) {}

  /** Tokens of {@code tokens}, time from {@code clock}. */
  public Tokens(ApiTokens tokens, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Issues a token (see {@link ApiTokens#issue}); its secret is in the answer and nowhere else.
   *
   * @throws IllegalArgumentException when the name is malformed or taken, or the expiry has passed
   */
  public IssuedToken issue(String name, Set<ApiToken.Scope> scopes, Optional<Instant> expiresAt) {
    return tokens.issue(name, scopes, expiresAt);
  }

  /** Every token by id, without secrets or hashes. */
  public List<ApiToken> list() {
    return tokens.list();
  }

  /** The token an id ({@code 3}, {@code #3}) or a name names. */
  public Optional<ApiToken> find(String idOrName) {
    return tokens.find(idOrName);
  }

  /**
   * Revokes a token; every server refuses it within {@link #RECHECK_EVERY}.
   *
   * @throws IllegalArgumentException when there is no such token
   */
  public ApiToken revoke(String idOrName) {
    return tokens.revoke(idOrName);
  }

  /**
   * The token {@code presented} (the bearer string of a request) opens, or why none: missing,
   * unknown (not a token, no such token, wrong secret), expired or revoked. Records the token's use
   * at most every {@link #USE_RECORDED_EVERY}.
   *
   * @throws StoreException when the store cannot be read
   */
  public TokenCheck authenticate(String presented) throws InterruptedException {
    if (presented == null || presented.isBlank()) {
      return tokens.verify("");
    }
    String key = sha256(presented.strip());
    Instant now = clock.instant();
    Remembered known = remembered.get(key);
    if (known == null || !now.isBefore(known.verifiedAt().plus(ACCEPTED_FOR))) {
      remembered.remove(key);
      TokenCheck check;
      verifying.acquire();
      try {
        check = tokens.verify(presented.strip());
      } finally {
        verifying.release();
      }
      if (!(check instanceof TokenCheck.Accepted accepted)) {
        return check;
      }
      known = new Remembered(accepted.token(), now, now, Instant.EPOCH);
    } else if (!now.isBefore(known.checkedAt().plus(RECHECK_EVERY))) {
      Optional<ApiToken> fresh = tokens.find(known.token().id());
      if (fresh.isEmpty()) {
        remembered.remove(key);
        return new TokenCheck.Refused(TokenCheck.Refusal.UNKNOWN, "unknown token: no API token of this server matches it");
      }
      known = new Remembered(fresh.get(), known.verifiedAt(), now, known.useRecordedAt());
    }
    TokenCheck state = TokenCheck.of(known.token(), now);
    if (!(state instanceof TokenCheck.Accepted)) {
      remembered.remove(key);
      return state;
    }
    remember(key, recordUse(known, now));
    return state;
  }

  private Remembered recordUse(Remembered known, Instant now) {
    if (now.isBefore(known.useRecordedAt().plus(USE_RECORDED_EVERY))) {
      return known;
    }
    try {
      tokens.markUsed(known.token().id(), now);
    } catch (StoreException e) {
      // Last use is a convenience for people; a store that cannot take it fails the write itself.
      System.getLogger(Tokens.class.getName()).log(System.Logger.Level.WARNING,
          "cannot record the use of " + known.token().label() + ": " + e.getMessage());
    }
    return new Remembered(known.token(), known.verifiedAt(), known.checkedAt(), now);
  }

  private void remember(String key, Remembered entry) {
    if (remembered.size() >= MAX_REMEMBERED) {
      Instant now = clock.instant();
      remembered.values().removeIf(r -> !now.isBefore(r.verifiedAt().plus(ACCEPTED_FOR)));
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
    }
    remembered.put(key, entry);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
