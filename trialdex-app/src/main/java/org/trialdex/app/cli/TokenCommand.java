package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Tokens;
import org.trialdex.store.ApiToken;
import org.trialdex.store.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex token create|list|revoke}: the API tokens that open the server's writes
 * ({@code /api/admin}). The store keeps a hash of each secret, never the secret: {@code create}
 * shows it once.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = {"Creates, lists and revokes the API tokens that open the server's writes (/api/admin:",
        "import, link, sync). The store keeps only an Argon2id hash of each secret."},
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return TrialdexCommand.USAGE;
  }

  /** The default lifetime of a token. */
  static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d|w|y)", Pattern.CASE_INSENSITIVE);

  /**
   * When a token given {@code --expires text} expires: empty for {@code never}; a duration from now
   * ({@code 90d}, {@code 12h}, {@code 30min}, {@code 2w}, {@code 1y}, or ISO-8601 {@code P90D}); a date
   * ({@code 2026-12-31}: the start of that day, UTC) or an instant ({@code 2026-12-31T18:00:00Z}).
   */
  static Optional<Instant> expiry(String text, Instant now) {
    String t = text.strip();
    if (t.equalsIgnoreCase("never")) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "m", "min" -> now.plus(Duration.ofMinutes(n));
        case "h" -> now.plus(Duration.ofHours(n));
        case "d" -> now.plus(Duration.ofDays(n));
        case "w" -> now.plus(Duration.ofDays(7 * n));
        default -> now.plus(Duration.ofDays(365 * n));
      });
    }
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Optional.of(now.plus(Duration.parse(t)));
      }
      if (t.contains("T")) {
        return Optional.of(Instant.parse(t));
      }
      return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new TrialdexCommand.UsageError("--expires takes 'never', a duration such as 90d, 12h or 2w, a date such as"
          + " 2026-12-31 or an instant such as 2026-12-31T18:00:00Z; got '" + text + "'");
    }
  }

  private static String when(Optional<Instant> instant) {
    return instant.map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-");
  }

  /** {@code trialdex token create --name NAME [--scope ...] [--expires ...]}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Creates an API token and prints its secret once: keep it now, it cannot be shown again.",
          "Send it as 'Authorization: Bearer <secret>' to /api/admin/..."})
  static final class Create implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME",
        description = "Who or what the token is for (a letter, then letters, digits, '.', '_', '-'), e.g. ci.")
    String name;

    @Option(names = "--scope", split = ",", paramLabel = "SCOPE",
        description = "What it may do: import, link, sync, separated by commas (default: all three).")
    List<String> scopes;

    @Option(names = "--expires", defaultValue = "90d", paramLabel = "WHEN",
        description = "When it stops working: a duration (90d, 12h, 2w, 1y), a date (2026-12-31, UTC), an instant, "
            + "or never (default: ${DEFAULT-VALUE}).")
    String expires;

    @Override
    public Integer call() {
      Set<ApiToken.Scope> wanted = EnumSet.noneOf(ApiToken.Scope.class);
      try {
        for (String s : scopes == null ? List.of("import", "link", "sync") : scopes) {
          wanted.add(ApiToken.Scope.of(s));
        }
      } catch (IllegalArgumentException e) {
        throw new TrialdexCommand.UsageError("--scope: " + e.getMessage());
      }
      Optional<Instant> expiresAt = expiry(expires, Clock.systemUTC().instant());
      PrintWriter out = spec.commandLine().getOut();
      try (Trialdex trialdex = storeOptions.open()) {
        IssuedToken issued;
        try {
          issued = trialdex.tokens().issue(name, wanted, expiresAt);
        } catch (IllegalArgumentException e) {
          throw new TrialdexCommand.UsageError(e.getMessage());
        }
        ApiToken t = issued.token();
        out.println("Created token #" + t.id() + " '" + t.name() + "' (scopes " + ApiToken.Scope.codes(t.scopes())
            + "; expires " + t.expiresAt().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("never") + ").");
        out.println("Its secret is shown this once; keep it now, it cannot be shown again:");
        out.println(issued.secret());
        return TrialdexCommand.OK;
      }
    }
  }

  /** {@code trialdex token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists every API token: id, name, scopes, state, created, expires, last used, revoked. Never a secret.")
  static final class ListTokens implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Trialdex trialdex = storeOptions.open()) {
        List<ApiToken> all = trialdex.tokens().list();
        if (all.isEmpty()) {
          out.println("No API tokens; 'trialdex token create --name NAME' creates one.");
          return TrialdexCommand.OK;
        }
        Instant now = trialdex.clock().instant();
        String format = "%-5s %-20s %-17s %-8s %-20s %-20s %-20s %-20s%n";
        out.printf(Locale.ROOT, format, "ID", "NAME", "SCOPES", "STATE", "CREATED", "EXPIRES", "LAST USED", "REVOKED");
        for (ApiToken t : all) {
          String state = t.revoked() ? "revoked" : t.expiredAt(now) ? "expired" : "active";
          out.printf(Locale.ROOT, format, "#" + t.id(), t.name(), ApiToken.Scope.codes(t.scopes()), state,
              when(Optional.of(t.createdAt())), t.expiresAt().isPresent() ? when(t.expiresAt()) : "never",
              when(t.lastUsedAt()), when(t.revokedAt()));
        }
        return TrialdexCommand.OK;
      }
    }
  }

  /** {@code trialdex token revoke ID|NAME}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revokes an API token: every server refuses it within seconds.")
  static final class Revoke implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID|NAME", description = "The token's id (3 or #3) or name.")
    String token;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Trialdex trialdex = storeOptions.open()) {
        Optional<ApiToken> before = trialdex.tokens().find(token);
        if (before.isEmpty()) {
          throw new TrialdexCommand.CommandFailure("there is no API token '" + token + "'; 'trialdex token list' shows them");
        }
        if (before.get().revoked()) {
          out.println(before.get().label() + " was already revoked at " + when(before.get().revokedAt()));
          return TrialdexCommand.OK;
        }
        ApiToken revoked = trialdex.tokens().revoke("#" + before.get().id());
        out.println("Revoked " + revoked.label() + "; servers refuse it within " + Tokens.RECHECK_EVERY.toSeconds()
            + " s.");
        return TrialdexCommand.OK;
      }
    }
  }
}
