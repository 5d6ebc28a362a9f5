package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import org.trialdex.ingest.Importer;

/**
 * A one-line progress bar on standard error, shown only when it is a terminal; elsewhere (pipes,
 * CI logs) it prints nothing. Redraws at most ten times a second.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ProgressBar forTerminal(PrintWriter err, boolean wanted) {
    return new ProgressBar(err, wanted && isTerminal());
  }

  /** JDK 22 and later tell a real terminal by Console.isTerminal(); on 21 a console means one. */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method m = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  synchronized void update(Importer.Progress p) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    double fraction = p.bytesTotal() <= 0 ? 0 : Math.min(1.0, (double) p.bytesDone() / p.bytesTotal());
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = (now - started) / 1e9;
    String file = p.currentFile();
    if (file.length() > 40) {
      file = "..." + file.substring(file.length() - 37);
    }
    err.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %,d records  %,.0f/s  %d failed  %s\u001b[K",
        "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, p.records(),
        seconds > 0 ? p.records() / seconds : 0, p.failed(), file);
    err.flush();
  }

  synchronized void finish() {
    if (enabled && drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
