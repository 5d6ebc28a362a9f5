package org.trialdex.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link ApiTokens} in table {@code api_token} (migration V6), written through the store's one
 * writer connection and write lock, read on its reader connections.
 */
final class JdbcApiTokens implements ApiTokens {

  /** {@code tdx_<id>_<secret>}: the secret is 32 bytes in unpadded base64url, 43 characters. */
  static final Pattern TOKEN = Pattern.compile("tdx_([1-9][0-9]{0,17})_([A-Za-z0-9_-]{43})");
  private static final Pattern ID = Pattern.compile("#?([0-9]{1,18})");
  private static final int SECRET_BYTES = 32;
  private static final String COLUMNS = "id, name, scopes, created_micros, expires_micros, last_used_micros,"
      + " revoked_micros";

  private final JdbcStudyStore store;
  private final Clock clock;
  private final SecureRandom random;
  private final TokenHash hasher;

  JdbcApiTokens(JdbcStudyStore store, Clock clock, SecureRandom random, TokenHash hasher) {
    this.store = store;
    this.clock = clock;
    this.random = random;
    this.hasher = hasher;
  }

  @Override
  public IssuedToken issue(String name, Set<ApiToken.Scope> scopes, Optional<Instant> expiresAt) {
    Objects.requireNonNull(name, "name");
    if (!ApiToken.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' cannot name a token: start with a letter, then letters,"
          + " digits, '.', '_' or '-', at most 64 in all");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one scope: import, link or sync");
    }
    Instant now = Micros.truncate(clock.instant());
    Optional<Instant> expires = expiresAt.map(Micros::truncate);
    if (expires.isPresent() && !expires.get().isAfter(now)) {
      throw new IllegalArgumentException("the expiry " + expires.get() + " is not in the future (now " + now + ")");
    }
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Arrays.fill(bytes, (byte) 0);
    String hash = hasher.hash(secret); // slow on purpose: outside the write lock
    String scopeText = EnumSet.copyOf(scopes).stream().map(ApiToken.Scope::code).collect(Collectors.joining(" "));
    ApiToken token = store.inWriteTransaction("issuing API token '" + name + "'", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM api_token WHERE name = ? AND revoked_micros IS NULL")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            throw new IllegalArgumentException("token #" + rs.getLong(1) + " is already named '" + name
                + "'; choose another name, or revoke that token first ('trialdex token revoke " + name + "')");
          }
        }
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM api_token");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1) + 1;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (id, name, scopes, secret_hash,"
          + " created_micros, expires_micros, last_used_micros, revoked_micros) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)")) {
        ps.setLong(1, id);
        ps.setString(2, name);
        ps.setString(3, scopeText);
        ps.setString(4, hash);
        ps.setLong(5, Micros.of(now));
        Micros.bind(ps, 6, expires);
        ps.executeUpdate();
      }
      return new ApiToken(id, name, scopes, now, expires, Optional.empty(), Optional.empty());
    });
    return new IssuedToken(token, "tdx_" + token.id() + "_" + secret);
  }

  @Override
  public List<ApiToken> list() {
    return store.read("listing API tokens", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        List<ApiToken> all = new ArrayList<>();
        while (rs.next()) {
          all.add(token(rs));
        }
        return all;
      }
    });
  }

  @Override
  public Optional<ApiToken> find(long id) {
    return store.read("reading API token #" + id, c -> byId(c, id));
  }

  @Override
  public Optional<ApiToken> find(String idOrName) {
    Objects.requireNonNull(idOrName, "idOrName");
    return store.read("finding API token " + idOrName, c -> find(c, idOrName.strip()));
  }

  private static Optional<ApiToken> find(Connection c, String idOrName) throws SQLException {
    Matcher id = ID.matcher(idOrName);
    if (id.matches()) {
      return byId(c, Long.parseLong(id.group(1)));
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE name = ? ORDER BY id DESC")) {
      ps.setString(1, idOrName);
      try (ResultSet rs = ps.executeQuery()) {
        List<ApiToken> named = new ArrayList<>();
        while (rs.next()) {
          named.add(token(rs));
        }
        return named.stream().filter(t -> !t.revoked()).findFirst().or(() -> named.stream().findFirst());
      }
    }
  }

  @Override
  public ApiToken revoke(String idOrName) {
    Objects.requireNonNull(idOrName, "idOrName");
    long now = Micros.of(clock.instant());
    return store.inWriteTransaction("revoking API token " + idOrName, c -> {
      ApiToken token = find(c, idOrName.strip()).orElseThrow(() -> new IllegalArgumentException(
          "there is no API token '" + idOrName + "'; 'trialdex token list' shows them"));
      if (token.revoked()) {
        return token;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET revoked_micros = ? WHERE id = ?")) {
        ps.setLong(1, now);
        ps.setLong(2, token.id());
        ps.executeUpdate();
      }
      return byId(c, token.id()).orElseThrow();
    });
  }

  @Override
  public TokenCheck verify(String presented) {
    if (presented == null || presented.isBlank()) {
      return new TokenCheck.Refused(TokenCheck.Refusal.MISSING, "no token was given");
    }
    Matcher m = TOKEN.matcher(presented.strip());
    if (!m.matches()) {
      return new TokenCheck.Refused(TokenCheck.Refusal.UNKNOWN,
          "unknown token: not a trialdex API token (they look like tdx_<id>_<secret>)");
    }
    long id = Long.parseLong(m.group(1));
    record Row(ApiToken token, String hash) {}
    Optional<Row> row = store.read("reading API token #" + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", secret_hash FROM api_token WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Row(token(rs), rs.getString(8))) : Optional.<Row>empty();
        }
      }
    });
    // An unknown id and a wrong secret read alike: neither says which tokens exist.
    if (row.isEmpty() || !TokenHash.matches(m.group(2), row.get().hash())) {
      return new TokenCheck.Refused(TokenCheck.Refusal.UNKNOWN, "unknown token: no API token of this server matches it");
    }
    return TokenCheck.of(row.get().token(), clock.instant());
  }

  @Override
  public void markUsed(long id, Instant at) {
    long micros = Micros.of(at);
    store.inWriteTransaction("recording the use of API token #" + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_token SET last_used_micros = ? WHERE id = ? AND (last_used_micros IS NULL OR last_used_micros < ?)")) {
        ps.setLong(1, micros);
        ps.setLong(2, id);
        ps.setLong(3, micros);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static Optional<ApiToken> byId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(token(rs)) : Optional.empty();
      }
    }
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    Set<ApiToken.Scope> scopes = EnumSet.noneOf(ApiToken.Scope.class);
    for (String code : rs.getString(3).trim().split(" +")) {
      scopes.add(ApiToken.Scope.of(code));
    }
    return new ApiToken(rs.getLong(1), rs.getString(2), scopes, Micros.toInstant(rs.getLong(4)), Micros.read(rs, 5),
        Micros.read(rs, 6), Micros.read(rs, 7));
  }

}
