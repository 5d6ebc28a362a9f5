package org.trialdex.store;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An API token as the store knows it: who it is for, what it may do and how long. Never its secret,
 * which the store does not keep (only an Argon2id hash of it); see {@link ApiTokens}.
 *
 * @param id the token's number, also the public part of the token ({@code tdx_<id>_<secret>})
 * @param name a name for people ({@code ci}, {@code nightly-sync}); unique among tokens not revoked
 * @param scopes what it may do; never empty
 * @param createdAt when it was issued (store clock)
 * @param expiresAt when it stops working; empty: never
 * @param lastUsedAt when it was last accepted, to the minute; empty: never
 * @param revokedAt when it was revoked; empty: not revoked
 */
public record ApiToken(long id, String name, Set<Scope> scopes, Instant createdAt, Optional<Instant> expiresAt,
    Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

  /** A token's name: a letter, then letters, digits, {@code .}, {@code _} or {@code -}; at most 64. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  /** What a token may do over HTTP. */
  public enum Scope {
    /** {@code POST /api/admin/import}: import records. */
    IMPORT,
    /** {@code POST /api/admin/link}: link a record without an NCT id to its NCT record. */
    LINK,
    /** {@code POST /api/admin/sync}: start a sync from the registry. */
    SYNC;

    /** The scope's code as written on the command line and in the store: {@code import}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scope named {@code code} ({@code import}, {@code link}, {@code sync}; any case).
     *
     * @throws IllegalArgumentException naming the code and the scopes there are
     */
    public static Scope of(String code) {
      for (Scope s : values()) {
        if (s.code().equalsIgnoreCase(code.strip())) {
          return s;
        }
      }
      throw new IllegalArgumentException("no scope '" + code + "'; the scopes are " + codes(EnumSet.allOf(Scope.class)));
    }

    /** The codes of {@code scopes} in declaration order, separated by commas: {@code import,link}. */
    public static String codes(Collection<Scope> scopes) {
      return EnumSet.copyOf(scopes).stream().map(Scope::code).collect(Collectors.joining(","));
    }
  }

  public ApiToken {
    Objects.requireNonNull(name, "name");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one scope");
    }
    scopes = Set.copyOf(EnumSet.copyOf(scopes));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Whether the token has expired at {@code now} (it works up to, not at, its expiry). */
  public boolean expiredAt(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }

  /** Whether it has been revoked. */
  public boolean revoked() {
    return revokedAt.isPresent();
  }

  /** Whether it may do what {@code scope} allows. */
  public boolean allows(Scope scope) {
    return scopes.contains(scope);
  }

  /** How people read it in run lists and logs: {@code token 'ci' (#3)}. */
  public String label() {
    return "token '" + name + "' (#" + id + ")";
  }
}
