package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the {@code ./trialdex} launcher rebuilds: its rule ({@code scripts/build-state.sh}) run by
 * bash on a small copy of the project's layout whose files carry set times, an hour before the
 * last build; a test moves one file after it. Nothing is built.
 */
class LauncherRebuildTest {

  private static final Path SCRIPT = Path.of("").toAbsolutePath().resolveSibling("scripts").resolve("build-state.sh");
  private static final Instant BEFORE = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant BUILT = Instant.parse("2026-01-01T11:00:00Z");
  private static final Instant AFTER = Instant.parse("2026-01-01T12:00:00Z");

  /** The project's layout: build inputs, then what the launcher must not look at. */
  private static final List<String> FILES = List.of(
      "pom.xml",
      "trialdex-core/pom.xml",
      "trialdex-core/src/main/java/org/trialdex/core/model/Study.java",
      "trialdex-search/src/main/resources/org/trialdex/search/condition-synonyms.txt",
      "trialdex-app/pom.xml",
      "trialdex-app/src/main/java/org/trialdex/app/Main.java",
      "trialdex-app/src/main/jte/search.jte",
      "trialdex-app/src/main/jte/tag/facet.jte",
      "trialdex-app/src/main/resources/simplelogger.properties",
      "trialdex-app/src/test/java/org/trialdex/app/HttpApiTest.java",
      "trialdex-app/target/trialdex-app.jar",
      "trialdex-app/target/classes/org/trialdex/app/Main.class",
      "tools/generate-model.py",
      "trialdex-data/trialdex.db",
      ".git/HEAD",
      "README.md");

  @TempDir
  Path root;

  @BeforeEach
  void project() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "skipped: the launcher's rule is a bash script and bash is absent on this machine");
    assertEquals(true, Files.isRegularFile(SCRIPT), () -> SCRIPT + " is missing; run the tests from trialdex-app");
    for (String file : FILES) {
      Path p = root.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, file);
    }
    Files.writeString(root.resolve("trialdex-app/target/.trialdex-built"), "");
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(BEFORE));
      }
    }
    Files.setLastModifiedTime(root.resolve("trialdex-app/target/.trialdex-built"), FileTime.from(BUILT));
  }

  /** What the launcher says before it builds, or "" when it runs the jar as built. */
  private String reason() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c",
        ". \"$1\"; if reason=$(trialdex_build_reason \"$2\"); then echo \"$reason\"; fi", "build-state", SCRIPT.toString(),
        root.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(true, p.waitFor(30, TimeUnit.SECONDS), "bash ended");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private void touch(String file) throws IOException {
    Files.setLastModifiedTime(root.resolve(file), FileTime.from(AFTER));
  }

  @Test
  void nothingChangedSinceTheLastBuildRunsTheJarAsBuilt() throws Exception {
    assertEquals("", reason());
  }

  @Test
  void aChangedTemplateRebuilds() throws Exception {
    touch("trialdex-app/src/main/jte/search.jte");
    assertEquals("trialdex-app/src/main/jte/search.jte changed", reason());
  }

  @Test
  void aChangedTemplateInASubfolderRebuilds() throws Exception {
    touch("trialdex-app/src/main/jte/tag/facet.jte");
    assertEquals("trialdex-app/src/main/jte/tag/facet.jte changed", reason());
  }

  @Test
  void aChangedJavaSourceResourceOrPomRebuilds() throws Exception {
    for (String input : List.of("trialdex-core/src/main/java/org/trialdex/core/model/Study.java",
        "trialdex-search/src/main/resources/org/trialdex/search/condition-synonyms.txt",
        "trialdex-app/src/main/resources/simplelogger.properties", "trialdex-core/pom.xml", "pom.xml")) {
      project();
      touch(input);
      assertEquals(input + " changed", reason());
    }
  }

  @Test
  void aDeletedSourceRebuildsThroughItsFolder() throws Exception {
    Files.delete(root.resolve("trialdex-app/src/main/jte/tag/facet.jte"));
    touch("trialdex-app/src/main/jte/tag");
    assertEquals("trialdex-app/src/main/jte/tag changed (a file in it was added, removed or renamed)", reason());
  }

  @Test
  void mavenSettingsInDotMvnRebuild() throws Exception {
    Files.createDirectories(root.resolve(".mvn"));
    Files.writeString(root.resolve(".mvn/jvm.config"), "-Xmx1g");
    touch(".mvn/jvm.config");
    assertEquals(".mvn changed (a file in it was added, removed or renamed)", reason());
  }

  @Test
  void testsBuildOutputDataGitAndDocsDoNotRebuild() throws Exception {
    for (String notInput : List.of("trialdex-app/src/test/java/org/trialdex/app/HttpApiTest.java",
        "trialdex-app/target/classes/org/trialdex/app/Main.class", "trialdex-app/target/trialdex-app.jar",
        "trialdex-data/trialdex.db", ".git/HEAD", "README.md", "tools/generate-model.py")) {
      touch(notInput);
    }
    assertEquals("", reason());
  }

  @Test
  void aMissingJarOrStampBuilds() throws Exception {
    Files.delete(root.resolve("trialdex-app/target/.trialdex-built"));
    assertEquals("not built yet", reason());
    project();
    Files.delete(root.resolve("trialdex-app/target/trialdex-app.jar"));
    assertEquals("not built yet", reason());
  }
}
