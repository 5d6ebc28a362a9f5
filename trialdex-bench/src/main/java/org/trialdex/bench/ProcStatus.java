package org.trialdex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Figures of a Linux process read from {@code /proc} without attaching to it: the numeric fields of
 * {@code /proc/PID/status} ({@code VmRSS}, {@code VmHWM} in KiB, {@code Threads}) and the count of
 * {@code /proc/PID/fd}. Linux only.
 */
final class ProcStatus {

  private final Map<String, Long> fields;

  private ProcStatus(Map<String, Long> fields) {
    this.fields = fields;
  }

  /** The status of process {@code pid}, read now. */
  static ProcStatus of(long pid) throws IOException {
    return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
  }

  /**
   * The fields of a {@code /proc/PID/status} text whose value starts with a number ({@code "VmRSS:  1234 kB"}
   * gives {@code VmRSS = 1234}); the other lines ({@code Name}, {@code State}, masks) are left out.
   */
  static ProcStatus parse(String text) {
    Map<String, Long> fields = new HashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] value = line.substring(colon + 1).strip().split("\\s+");
      if (value.length > 0 && value[0].matches("[0-9]{1,18}")) {
        fields.put(line.substring(0, colon), Long.parseLong(value[0]));
      }
    }
    return new ProcStatus(fields);
  }

  /** The number at the start of field {@code name} (KiB for the {@code Vm*} fields), if the text had it. */
  OptionalLong get(String name) {
    Long v = fields.get(name);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** Resident memory in KiB ({@code VmRSS}), or -1 if absent. */
  long rssKb() {
    return get("VmRSS").orElse(-1);
  }

  /** Peak resident memory in KiB ({@code VmHWM}), or -1 if absent. */
  long hwmKb() {
    return get("VmHWM").orElse(-1);
  }

  /** Threads of the process, or -1 if absent. */
  long threads() {
    return get("Threads").orElse(-1);
  }

  /** How many file descriptors process {@code pid} has open (entries of {@code /proc/PID/fd}). */
  static long openFds(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    }
  }

  /** Resets the process's {@code VmHWM} to its current resident memory (writes 5 to {@code clear_refs}). */
  static void resetHwm(long pid) throws IOException {
    Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
  }
}
