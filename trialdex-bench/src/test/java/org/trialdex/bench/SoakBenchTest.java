package org.trialdex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the soak bench: the trend of a figure, and reading what /proc and jcmd print. */
class SoakBenchTest {

  @Test
  void trendIsTheLeastSquaresLineThroughTheSamplesPerHour() {
    // x in hours 0, 0.5, 1; y 10, 12, 17: mean x 0.5, mean y 13,
    // Sxy = (-0.5)(-3) + 0(-1) + (0.5)(4) = 3.5, Sxx = 0.25 + 0 + 0.25 = 0.5, slope 7 per hour.
    // Line 9.5 + 7x: residuals 0.5, -1, 0.5, sum of squares 1.5; standard error sqrt(1.5 / (3 - 2) / 0.5) = sqrt(3).
    Trend trend = Trend.fit(new double[] {0, 1800, 3600}, new double[] {10, 12, 17});
    assertEquals(7.0, trend.perHour(), 1e-9);
    assertEquals(Math.sqrt(3), trend.standardError(), 1e-9);
    assertEquals(3, trend.samples());
  }

  @Test
  void trendLeavesOutSamplesWithoutAValue() {
    // 15-second samples rising 1 MB each: 240 MB per hour, exactly (no residuals); the NaN (a jcmd that
    // could not attach) is skipped.
    Trend trend = Trend.fit(new double[] {900, 915, 930, 945}, new double[] {100, 101, Double.NaN, 103});
    assertEquals(240.0, trend.perHour(), 1e-9);
    assertEquals(0.0, trend.standardError(), 1e-9);
    assertEquals(3, trend.samples());
  }

  @Test
  void aFlatFigureHasSlopeZeroAndOneSampleHasNone() {
    assertEquals(0.0, Trend.fit(new double[] {0, 15, 30}, new double[] {42, 42, 42}).perHour(), 0);
    assertTrue(Double.isNaN(Trend.fit(new double[] {0}, new double[] {42}).perHour()));
  }

  @Test
  void aSlopeIsFlatOrGrowingOnlyWhenTwoStandardErrorsDoNotReachTheThreshold() {
    assertEquals(Trend.Verdict.FLAT, new Trend(5, 2, 60).against(10)); // 5 + 4 < 10
    assertEquals(Trend.Verdict.UNCLEAR, new Trend(5, 3, 60).against(10)); // 5 + 6 >= 10
    assertEquals(Trend.Verdict.UNCLEAR, new Trend(12, 2, 60).against(10)); // 12 - 4 < 10
    assertEquals(Trend.Verdict.GROWING, new Trend(18, 4, 60).against(10)); // 18 - 8 >= 10
    assertEquals(Trend.Verdict.FLAT, new Trend(-30, 1, 60).against(10)); // shrinking is flat enough
    assertEquals(Trend.Verdict.UNCLEAR, new Trend(7, Double.NaN, 2).against(10)); // two samples tell nothing
  }

  @Test
  void readsTheNumericFieldsOfProcStatus() {
    // Lines of a real /proc/PID/status (Linux 6.x), abridged.
    String status = """
        Name:\tjava
        State:\tS (sleeping)
        Pid:\t9221
        VmHWM:\t  231548 kB
        VmRSS:\t  198112 kB
        Threads:\t41
        SigQ:\t0/94412
        Cpus_allowed_list:\t0-1
        """;
    ProcStatus s = ProcStatus.parse(status);
    assertEquals(198_112, s.rssKb());
    assertEquals(231_548, s.hwmKb());
    assertEquals(41, s.threads());
    assertEquals(OptionalLong.of(9221), s.get("Pid"));
    assertEquals(OptionalLong.empty(), s.get("Name"));
    assertEquals(OptionalLong.empty(), s.get("VmSwap"));
  }

  @Test
  void countsTheOpenDescriptorsOfThisProcess() throws IOException {
    long before = ProcStatus.openFds(ProcessHandle.current().pid());
    try (var in = Files.newInputStream(Path.of("/proc/self/status"))) {
      assertEquals(before + 1, ProcStatus.openFds(ProcessHandle.current().pid()));
    }
  }

  @Test
  void readsHeapAndMetaspaceUsedFromJcmd() {
    // What `jcmd PID -f FILE` printed for GC.run, GC.heap_info and VM.metaspace basic (Temurin 25, G1), abridged.
    String jcmd = """
        9374:
        Command executed successfully
        garbage-first heap   total reserved 262144K, committed 14336K, used 2926K [0x00000000f0000000, 0x0000000100000000)
         region size 1024K, 0 young (0K), 0 survivors (0K)
        Metaspace        used 9264K, committed 9408K, reserved 1114112K
         class space     used 1126K, committed 1216K, reserved 1048576K

        Usage:
          Non-class:      7.95 MB used.
        """;
    double[] heap = SoakBench.parseHeapInfo(jcmd);
    assertEquals(2926 / 1024.0, heap[0], 1e-9);
    assertEquals(9264 / 1024.0, heap[1], 1e-9);
    double[] failed = SoakBench.parseHeapInfo("9374:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file\n");
    assertTrue(Double.isNaN(failed[0]) && Double.isNaN(failed[1]));
  }

  @Test
  void theRetitledCopyDiffersOnlyInItsBriefTitle(@TempDir Path dir) throws IOException {
    Path original = dir.resolve("NCT00000001.v2.json");
    Files.writeString(original, """
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001","briefTitle":"A Study"},
        "statusModule":{"overallStatus":"RECRUITING"}}}""");
    Path copy = SoakBench.retitled(original, dir.resolve("copy.json"), 3);
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001","briefTitle":"A Study soakrev3"},
        "statusModule":{"overallStatus":"RECRUITING"}}}"""), json.readTree(copy.toFile()));
  }
}
