package org.trialdex.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API tokens that open the store's writes over HTTP, kept in the store so that every node of a
 * shared PostgreSQL sees the same tokens, and a revoke, at once. A token is {@code tdx_<id>_<secret>}:
 * the id is public (it is how the token is found), the secret is 32 random bytes from
 * {@link java.security.SecureRandom} in base64url. The store keeps an Argon2id hash of the secret
 * with a salt of its own, never the secret; {@link #verify} compares in constant time.
 *
 * <p>Verifying is deliberately slow (tens of milliseconds and 19 MiB): a server caches what it
 * accepted for a short time and reads the token again with {@link #find(long)} every few seconds,
 * so that a revoke takes effect within seconds on every node.
 *
 * <p>Every method throws {@link StoreException} when the database fails.
 */
public interface ApiTokens {

  /**
   * Issues a token.
   *
   * @param name a name matching {@link ApiToken#NAME}, not held by another token that is not revoked
   * @param scopes what it may do; at least one
   * @param expiresAt when it stops working; empty: never
   * @return the token with its secret, which is not kept and cannot be shown again
   * @throws IllegalArgumentException when the name is malformed or held, the scopes are empty, or the
   *     expiry is not in the future; the message says which
   */
  IssuedToken issue(String name, Set<ApiToken.Scope> scopes, Optional<Instant> expiresAt);

  /** Every token, revoked and expired ones too, by id; never a secret or a hash. */
  List<ApiToken> list();

  /** The token numbered {@code id}. */
  Optional<ApiToken> find(long id);

  /**
   * The token {@code idOrName} names: {@code 3} or {@code #3} is an id; anything else a name, which
   * finds the token of that name that is not revoked, else the newest revoked one.
   */
  Optional<ApiToken> find(String idOrName);

  /**
   * Revokes the token {@code idOrName} names ({@link #find(String)}); from then on it is refused as
   * revoked. Revoking a revoked token changes nothing.
   *
   * @return the token as it is now
   * @throws IllegalArgumentException when there is no such token
   */
  ApiToken revoke(String idOrName);

  /**
   * Checks a presented bearer string: its id must name a token and its secret match that token's
   * hash (Argon2id, compared in constant time); only then is a revoked or expired token told as
   * such. Slow on purpose: cache what it accepts.
   */
  TokenCheck verify(String presented);

  /** Records that token {@code id} was accepted at {@code at} (callers do so at most once a minute). */
  void markUsed(long id, Instant at);
}
