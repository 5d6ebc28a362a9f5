package org.trialdex.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} pairs of a bench main's arguments; anything else is a usage error naming the main. */
final class BenchArgs {

  private BenchArgs() {}

  static Map<String, String> parse(String main, String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(main + " takes --name value pairs; got " + String.join(" ", args));
      }
      opts.put(args[i], args[i + 1]);
    }
    return opts;
  }
}
