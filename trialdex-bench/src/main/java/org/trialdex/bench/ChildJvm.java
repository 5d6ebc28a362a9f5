package org.trialdex.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for a {@code trialdex} jar run as a child process by the java running this bench. */
final class ChildJvm {

  private ChildJvm() {}

  /** The java executable of this JVM, so that children run on the same JDK (and its jcmd is beside it). */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** A JDK tool beside {@link #java()} ({@code jcmd}, {@code jstat}). */
  static String tool(String name) {
    Path java = Path.of(java());
    Path bin = java.getParent();
    return bin == null ? name : bin.resolve(name).toString();
  }

  /**
   * {@code java [-Xmx heap] --enable-native-access=ALL-UNNAMED -jar jar args...}; a heap of
   * {@code "none"} leaves the JVM's default limit.
   */
  static List<String> command(Path jar, String heap, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    if (!heap.equals("none")) {
      cmd.add("-Xmx" + heap);
    }
    cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
    cmd.addAll(args);
    return cmd;
  }
}
