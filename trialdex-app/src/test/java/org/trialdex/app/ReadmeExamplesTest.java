package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.Main;
import org.trialdex.store.testing.TestPostgres;
import org.trialdex.testing.SharedData;

/**
 * Every {@code ./trialdex} command in the README's shell blocks, run in order as written, each as
 * its own process from a folder laid out like a checkout ({@code repo/} beside {@code shared/}).
 * Three things differ from a user's run, and only these: {@code ./trialdex} is the built classes
 * rather than the launcher (which would build), a {@code serve} listens on a free port and is
 * stopped once its portal, {@code /health} and the README's {@code curl} URL answer, and the
 * PostgreSQL URL names a throwaway database instead of {@code trialdex}.
 */
class ReadmeExamplesTest {

  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CURL = Pattern.compile("curl '(http://127\\.0\\.0\\.1:8080[^']*)'");
  private static final String README_DB = "jdbc:postgresql://127.0.0.1:5432/trialdex?user=postgres";

  @TempDir Path dir;

  /** The README's {@code ./trialdex} commands, in order: continuation lines joined, comments and {@code &&} split off. */
  static List<String> commands(String readme) {
    List<String> commands = new ArrayList<>();
    Matcher m = SH_BLOCK.matcher(readme);
    while (m.find()) {
      for (String line : m.group(1).replace("\\\n", " ").split("\n")) {
        for (String part : stripComment(line).split("&&")) {
          if (part.strip().startsWith("./trialdex ")) {
            commands.add(part.strip());
          }
        }
      }
    }
    return commands;
  }

  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Splits a command as a POSIX shell would (single and double quotes, no expansion). */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  @Test
  void theCommandParserReadsTheReadmesShapes() {
    assertEquals(List.of("./trialdex import a   b", "./trialdex serve"),
        commands("```sh\n./trialdex import a \\\n b && ./trialdex serve   # then stop it\n```\n"));
    assertEquals(List.of("link", "TDX-1", "NCT1", "--reason", "same trial, checked"),
        words("link TDX-1 NCT1 --reason \"same trial, checked\"").subList(0, 5));
    assertEquals(List.of("search", "--advanced", "AREA[Phase]PHASE2 AND x # y"),
        words(stripComment("search --advanced 'AREA[Phase]PHASE2 AND x # y'  # comment")));
  }

  @Test
  void everyCommandOfTheReadmeRunsAsWritten() throws Exception {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    List<String> commands = commands(readme);
    assertTrue(commands.size() >= 20, "the README's commands: " + commands);
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(dir.resolve("shared"), SharedData.require("data").getParent());
    Matcher curl = CURL.matcher(readme);
    assertTrue(curl.find(), "the README shows a curl of the API");
    String apiExample = curl.group(1).substring("http://127.0.0.1:8080".length());

    try (TestPostgres pg = TestPostgres.create()) {
      for (String command : commands) {
        List<String> args = words(command.replace(README_DB, pg.jdbcUrl()));
        args.removeFirst(); // ./trialdex
        if (args.getFirst().equals("serve")) {
          serve(repo, args, apiExample);
          continue;
        }
        run(repo, command, args);
      }
    }
    assertTrue(Files.size(repo.resolve("studies.ndjson")) > 0);
    assertTrue(Files.size(repo.resolve("studies.fhir.ndjson")) > 0);
  }

  private void run(Path repo, String command, List<String> args) throws IOException, InterruptedException {
    List<String> process = new ArrayList<>(List.of(ServerProcess.javaBin(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    process.addAll(args);
    Path log = Files.createTempFile(dir, "command-", ".log");
    Process p = new ProcessBuilder(process).directory(repo.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in 10 minutes:\n" + Files.readString(log));
    }
    assertEquals(0, p.exitValue(), () -> command + " failed:\n" + read(log));
  }

  private void serve(Path repo, List<String> args, String apiExample) throws IOException, InterruptedException {
    List<String> free = new ArrayList<>(args);
    int port = free.indexOf("--port");
    if (port >= 0) {
      free.set(port + 1, "0");
    } else {
      free.addAll(List.of("--port", "0"));
    }
    try (ServerProcess server = ServerProcess.start(dir.resolve("logs"), repo, free)) {
      assertEquals("UP", server.health().path("status").asText());
      assertEquals(200, server.get("/").status());
      ServerProcess.Answer api = server.get(apiExample);
      // While the index is rebuilt (PostgreSQL, a new node) the API says so with 503, else it answers.
      assertTrue(api.status() == 200 || (api.status() == 503 && api.body().contains("rebuilt")), api.toString());
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
