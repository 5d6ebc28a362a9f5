package org.trialdex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.trialdex.bench.lct.LctEvaluation;
import org.trialdex.bench.lct.LctReport;
import org.trialdex.core.terms.Vocabulary;

/**
 * The eligibility parser measured on the Leaf Clinical Trials corpus (issue #10): splits and parses
 * every document the primary annotator annotated ({@value LctEvaluation#PRIMARY} under the shared
 * folder, 763 documents), compares the constraints with the corpus's annotations, prints a Markdown
 * table of precision, recall and F1 per constraint type, and writes it to {@code --out}; every false
 * positive and false negative goes to {@code --findings} (tab-separated) for reading. The mapping from
 * LCT annotations to our constraint types is documented in {@code LctGold} and
 * {@code docs/benchmarks.md}.
 *
 * <pre>
 * /tmp/mvnc . -pl trialdex-bench -am package -DskipTests     # or: mvn -DskipTests -pl trialdex-bench -am package
 * java -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*" org.trialdex.bench.LctEval \
 *     --shared ../shared [--out trialdex-bench/target/lct-eval.md] [--findings trialdex-bench/target/lct-findings.tsv]
 * </pre>
 */
public final class LctEval {

  private LctEval() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = BenchArgs.parse("LctEval [--shared DIR] [--out FILE.md] [--findings FILE.tsv]", args);
    Path shared = Path.of(opts.getOrDefault("--shared", "../shared"));
    Path out = Path.of(opts.getOrDefault("--out", "trialdex-bench/target/lct-eval.md"));
    Path findings = Path.of(opts.getOrDefault("--findings", "trialdex-bench/target/lct-findings.tsv"));

    long started = System.nanoTime();
    Vocabulary vocabulary = Vocabulary.load(shared.resolve("data/terms"));
    System.out.println("vocabulary: " + vocabulary.description());
    LctReport report = LctEvaluation.run(shared.resolve(LctEvaluation.PRIMARY), vocabulary);
    String table = report.markdown();
    System.out.print(table);
    write(out, table);
    write(findings, report.findingsTsv());
    System.out.printf(Locale.ROOT, "%nwrote %s and %s (%,d findings) in %.1f s%n", out, findings, report.findings().size(),
        (System.nanoTime() - started) / 1e9);
  }

  private static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content);
  }
}
