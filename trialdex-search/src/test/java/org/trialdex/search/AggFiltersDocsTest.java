package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.AggFilters;

/** {@code docs/search.md}'s aggFilters table lists the codes of core's table, no more, no fewer. */
class AggFiltersDocsTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void theDocsTableHoldsEveryCodeOfCoresTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "search.md"));
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## aggFilters");
      } else if (inSection && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        Matcher name = CODE.matcher(cells[1]);
        name.find();
        Set<String> codes = documented.computeIfAbsent(name.group(1), k -> new java.util.TreeSet<>());
        Matcher code = CODE.matcher(cells[2]);
        while (code.find()) {
          codes.add(code.group(1));
        }
      }
    }
    Map<String, Set<String>> table = new LinkedHashMap<>();
    AggFilters.codes().forEach((name, codes) -> table.put(name, new java.util.TreeSet<>(codes)));
    assertEquals(table, documented);
  }
}
