package org.trialdex.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The process that runs an import: its host, its process id and when that process started (so a
 * process id reused by a later process is not taken for the owner), with the owner's last sign of
 * life. Several nodes may share one PostgreSQL store: a node judges a RUNNING run by its own
 * process table only when the run is its own host's, and by the heartbeat otherwise.
 *
 * @param host the host name of the owner
 * @param pid the owner's process id
 * @param processStartedAt when the owner process started, when the system says
 * @param heartbeatAt the owner's last heartbeat (store clock)
 */
public record RunOwner(String host, long pid, Optional<Instant> processStartedAt, Instant heartbeatAt) {

  /**
   * How old a heartbeat may be before its run is taken for interrupted whatever its host: ten
   * times the interval at which a running import beats ({@link #HEARTBEAT_INTERVAL}).
   */
  public static final Duration HEARTBEAT_LIMIT = Duration.ofMinutes(10);

  /** How often a running import updates its heartbeat. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

  public RunOwner {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(processStartedAt, "processStartedAt");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
  }

  /** This process, beating now. */
  static RunOwner current(Instant now) {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(thisHost(), self.pid(), self.info().startInstant(), now);
  }

  /** The host name of this machine, read without a name lookup when the system allows. */
  static String thisHost() {
    Path kernel = Path.of("/proc/sys/kernel/hostname");
    try {
      if (Files.isReadable(kernel)) {
        String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
    } catch (IOException e) {
      // Fall through to the other ways.
    }
    for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String name = System.getenv(variable);
      if (name != null && !name.isBlank()) {
        return name.strip();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  /**
   * Why the run this owner holds is over, seen from this process at {@code now}, or empty while
   * the owner may still be running it: this host's process is gone (or its id now belongs to a
   * later process), or the heartbeat is older than {@link #HEARTBEAT_LIMIT}.
   */
  Optional<String> goneAt(Instant now) {
    if (host.equals(thisHost())) {
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (process.isEmpty()) {
        return Optional.of("its process (pid " + pid + " on " + host + ") ended without finishing it;"
            + " last heartbeat " + heartbeatAt);
      }
      Optional<Instant> started = process.get().info().startInstant();
      if (started.isPresent() && processStartedAt.isPresent()
          && Duration.between(started.get(), processStartedAt.get()).abs().toMillis() > 1_000) {
        return Optional.of("its process (pid " + pid + " on " + host + ", started "
            + processStartedAt.get() + ") ended without finishing it; that pid is now another"
            + " process; last heartbeat " + heartbeatAt);
      }
    }
    if (heartbeatAt.plus(HEARTBEAT_LIMIT).isBefore(now)) {
      return Optional.of("no heartbeat from its process (pid " + pid + " on " + host + ") since "
          + heartbeatAt + ", more than " + HEARTBEAT_LIMIT.toMinutes() + " minutes before " + now);
    }
    return Optional.empty();
  }
}
