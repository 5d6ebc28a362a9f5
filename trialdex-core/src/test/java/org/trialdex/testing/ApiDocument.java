package org.trialdex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ClinicalTrials.gov's own API document ({@code ctg-oas-v2.yaml} in the shared folder) says,
 * read from the file for tests that check our tables against it: the {@code aggFilters} codes it
 * names, and the member tree of its study data model. The document's layout is regular (two-space
 * indents, one key a line), so a few lines read it; no YAML library is needed.
 */
public final class ApiDocument {

  private static final String FILE = "data/ctgov-api-v2/ctg-oas-v2.yaml";
  private static final Pattern VALUE = Pattern.compile("^\\s+value: \"(.*)\"\\s*$");

  /** A schema member: whether it is a list, and the schema it refers to (for objects). */
  public record Member(String name, boolean list, Optional<String> ref) {}

  private final List<String> lines;

  private ApiDocument(List<String> lines) {
    this.lines = lines;
  }

  /** The document, or a skipped test when the shared folder is absent. */
  public static ApiDocument read() {
    try {
      return new ApiDocument(Files.readAllLines(SharedData.require(FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every {@code filter_id:option} pair the {@code aggFilters} parameter's examples use, in order
   * ({@code results:with}, {@code status:com}, {@code status:not}...).
   */
  public List<String> aggFilterCodes() {
    int start = lines.indexOf("      - name: \"aggFilters\"");
    if (start < 0) {
      throw new IllegalStateException(FILE + " has no aggFilters parameter");
    }
    Set<String> codes = new LinkedHashSet<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("      - name:"); i++) {
      Matcher m = VALUE.matcher(lines.get(i));
      if (m.matches()) {
        for (String entry : m.group(1).split("[,|]")) {
          String[] nameAndOptions = entry.split(":", 2);
          for (String option : nameAndOptions[1].strip().split("\\s+")) {
            codes.add(nameAndOptions[0].strip() + ":" + option);
          }
        }
      }
    }
    return List.copyOf(codes);
  }

  /** The members of a schema under {@code components.schemas}, by name; empty when it has none. */
  public Map<String, Member> members(String schema) {
    int start = lines.indexOf("    " + schema + ":");
    Map<String, Member> members = new LinkedHashMap<>();
    if (start < 0) {
      return members;
    }
    int props = -1;
    for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("     "); i++) {
      if (lines.get(i).equals("      properties:")) {
        props = i;
        break;
      }
    }
    if (props < 0) {
      return members;
    }
    List<String> names = new ArrayList<>();
    for (int i = props + 1; i < lines.size() && lines.get(i).startsWith("        "); i++) {
      String line = lines.get(i);
      if (line.matches("^ {8}\\S.*:$")) {
        names.add(line.strip().replace(":", ""));
        members.put(names.get(names.size() - 1), new Member(names.get(names.size() - 1), false, Optional.empty()));
      } else {
        String name = names.get(names.size() - 1);
        Member m = members.get(name);
        if (line.strip().equals("type: \"array\"")) {
          m = new Member(name, true, m.ref());
        }
        Matcher ref = Pattern.compile("\\$ref: \"#/components/schemas/(\\w+)\"").matcher(line);
        if (ref.find() && m.ref().isEmpty()) {
          m = new Member(name, m.list(), Optional.of(ref.group(1)));
        }
        members.put(name, m);
      }
    }
    return members;
  }
}
