package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Eligibility criteria text as lists: the registry writes them as free text with "Inclusion
 * Criteria:" and "Exclusion Criteria:" headings and bulleted or numbered lines. Lines outside any
 * heading are kept as {@code other}; a line that continues a bullet is joined to it.
 *
 * @param other items before (or without) an inclusion or exclusion heading
 * @param inclusion inclusion criteria, one item per bullet
 * @param exclusion exclusion criteria, one item per bullet
 */
public record Criteria(List<String> other, List<String> inclusion, List<String> exclusion) {

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[*•·\\-–]|\\d{1,2}[.)]|[a-z][.)])\\s+");
  private static final Pattern HEADING = Pattern.compile("^\\s*(?:key\\s+)?(inclusion|exclusion)\\s+criteria\\b.*$",
      Pattern.CASE_INSENSITIVE);

  public Criteria {
    other = List.copyOf(other);
    inclusion = List.copyOf(inclusion);
    exclusion = List.copyOf(exclusion);
  }

  /** Reads criteria text as the registry writes it. */
  public static Criteria parse(String text) {
    List<String> other = new ArrayList<>();
    List<String> inclusion = new ArrayList<>();
    List<String> exclusion = new ArrayList<>();
    List<String> current = other;
    boolean continuing = false;
    for (String raw : text.replace("\r", "").split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continuing = false;
        continue;
      }
      var heading = HEADING.matcher(line);
      if (heading.matches() && line.length() < 60) {
        current = heading.group(1).toLowerCase(Locale.ROOT).equals("inclusion") ? inclusion : exclusion;
        continuing = false;
        continue;
      }
      var bullet = BULLET.matcher(raw);
      if (bullet.find()) {
        current.add(raw.substring(bullet.end()).strip());
        continuing = true;
      } else if (continuing && !current.isEmpty() && Character.isLowerCase(line.charAt(0))) {
        current.set(current.size() - 1, current.getLast() + " " + line);
      } else {
        current.add(line);
        continuing = true;
      }
    }
    return new Criteria(other, inclusion, exclusion);
  }
}
