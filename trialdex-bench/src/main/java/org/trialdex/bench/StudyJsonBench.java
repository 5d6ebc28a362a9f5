package org.trialdex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * Per-record costs of the v2 JSON path that every import pays: parse into the model, write the
 * compact form, hash it. One operation handles all 100 records of the API v2 sample, so
 * {@code ops/s × 100} is records per second on one core.
 *
 * <pre>
 * java -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*" org.openjdk.jmh.Main StudyJsonBench \
 *     -p shared=../shared
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StudyJsonBench {

  @Param("../shared")
  public String shared;

  private final StudyJson json = StudyJson.standard();
  private final List<byte[]> lines = new ArrayList<>();
  private final List<Study> studies = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    Path sample = Path.of(shared, "data/ctgov-api-v2/nsclcbench-100/ctg-studies.json");
    for (var node : json.mapper().readTree(Files.readAllBytes(sample))) {
      byte[] bytes = json.mapper().writeValueAsBytes(node);
      lines.add(bytes);
      studies.add(json.read(bytes));
    }
  }

  @Benchmark
  public void parse(Blackhole bh) {
    for (byte[] line : lines) {
      bh.consume(json.read(line));
    }
  }

  @Benchmark
  public void write(Blackhole bh) {
    for (Study s : studies) {
      bh.consume(json.writeBytes(s));
    }
  }

  @Benchmark
  public void writeAndHash(Blackhole bh) {
    for (Study s : studies) {
      bh.consume(json.contentHash(s));
    }
  }
}
