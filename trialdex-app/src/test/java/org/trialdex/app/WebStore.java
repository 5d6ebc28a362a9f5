package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * A store for page tests, built through the command line as a user would: the v2 sample, PALLAS,
 * the five seed pages and the MSC classic set, plus one record the tests wrote (a title with markup).
 */
public final class WebStore {

  /** The test-written record whose title carries a script element. */
  public static final String SCRIPT_ID = "NCT09999990";
  public static final String SCRIPT_TITLE = "<script>alert('x')</script> & \"quoted\" trial";

  private WebStore() {}

  /**
   * A store holding only the records of {@code json} (a JSON array of v2 studies), imported through
   * the command line as {@link #build(Path)} does, for pages of hand-made records.
   */
  public static Trialdex of(Path dir, String json) {
    Path file = dir.resolve("records.json");
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path data = dir.resolve("data");
    Cli imported = Cli.run(List.of("import", "--data", data.toString(), file.toString()));
    assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
    return Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
  }

  /**
   * One page-test store ({@link #build}) per test run, for the classes that only read it: built when
   * first asked for, closed and deleted when the JVM ends. Callers must not close it.
   */
  public static Trialdex shared() {
    return Shared.STORE;
  }

  /** The holder idiom: the store is built on first use, once. */
  private static final class Shared {
    static final Trialdex STORE;

    static {
      Path dir;
      try {
        dir = Files.createTempDirectory("trialdex-web-store");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      STORE = build(dir);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        STORE.close();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
          // a temporary folder left behind
        }
      }, "shared-web-store"));
    }
  }

  public static Trialdex build(Path dir) {
    List<String> files = new ArrayList<>();
    files.add(SharedData.v2Sample().toString());
    files.add(SharedData.pallasV2().toString());
    for (String seed : List.of("000_5042584f5d40f206", "001_cd453c2458656e53", "002_af3d16ab93fc7196",
        "003_0d3af347639acb8b", "004_0041cbfd29221786")) {
      files.add(SharedData.require("seeds/" + seed + ".txt").toString());
    }
    files.add(SharedData.mscClassic().toString());
    Path own = dir.resolve("escaping.json");
    try {
      Files.writeString(own, """
          [{"protocolSection":{"identificationModule":{"nctId":"%s","briefTitle":%s},
            "statusModule":{"overallStatus":"RECRUITING"},
            "conditionsModule":{"conditions":["<b>Bold</b> condition"]}}}]
          """.formatted(SCRIPT_ID, com.fasterxml.jackson.databind.node.TextNode.valueOf(SCRIPT_TITLE).toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(own.toString());
    Path data = dir.resolve("data");
    // Two runs, as a user would: one import holds one version per trial, and the seed pages and
    // the MSC set hold the same trials (issue #3 merges them).
    List<String> seeds = files.stream().filter(f -> f.endsWith(".txt")).toList();
    List<String> rest = files.stream().filter(f -> !f.endsWith(".txt")).toList();
    for (List<String> batch : List.of(seeds, rest)) {
      List<String> args = new ArrayList<>(List.of("import", "--data", data.toString()));
      args.addAll(batch);
      Cli imported = Cli.run(args);
      assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
    }
    return Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
  }
}
