package org.trialdex.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public data sets and seed pages in {@code ../shared} beside the repository. Tests that
 * need them call {@link #require(String)}, which skips the test with a message naming the missing
 * file when the folder is absent, so the project still builds elsewhere. In strict mode
 * ({@code -Dtrialdex.strict=true}, which {@code ./run-tests} sets when the folder exists) that skip
 * is a failure instead: see {@link SkipPolicy}.
 */
public final class SharedData {

  private SharedData() {}

  /**
   * The shared folder: system property {@code trialdex.shared} (the build sets it from the
   * environment variable {@code TRIALDEX_SHARED}, else {@code ../shared} beside the project), else
   * that environment variable, else {@code ../shared} from the working directory up.
   */
  public static Path root() {
    for (String given : new String[] {System.getProperty("trialdex.shared"), System.getenv("TRIALDEX_SHARED")}) {
      if (given != null && !given.isBlank()) {
        return Path.of(given).toAbsolutePath().normalize();
      }
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("data"))) {
        return candidate;
      }
    }
    return dir.resolveSibling("shared");
  }

  /** A file under the shared folder, or a skipped test when it is not there. */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path),
        () -> "needs " + relative + " from the shared data folder, absent at " + path
            + " (point TRIALDEX_SHARED or -Dtrialdex.shared at the folder)");
    return path;
  }

  public static Path v2Sample() {
    return require("data/ctgov-api-v2/nsclcbench-100/ctg-studies.json");
  }

  public static Path pallasV2() {
    return require("data/ctgov-api-v2/NCT02513394.v2.json");
  }

  public static Path pallasXml() {
    return require("data/ctgov-api-v2/NCT02513394.legacy.xml");
  }

  public static Path legacyArchive() {
    return require("data/ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz");
  }

  public static Path mscClassic() {
    return require("data/msc-trials-2022/msc_studyfields_2022-10.jsonl");
  }

  /** The terminology folder (MeSH, Disease Ontology). */
  public static Path terms() {
    require("data/terms/mesh/mesh_id_label_entryterms_2019.tsv");
    return require("data/terms");
  }
}
