package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordHistory;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Study;
import org.trialdex.store.StoredStudy;

/**
 * A trial's sources as the pages show them (issue #15): each source is another view of the trial
 * (the registry record, a registry page), named in words, with its file by name only (never a
 * server path). The record page also takes from the other views what the merged record lost in
 * presentation only: a site's state the registry's export leaves out, and the list nesting of
 * criteria text that says the same as the kept text.
 */
final class SourceViews {

  private static final Pattern MARKER = Pattern.compile("(?m)^[ \\t]*(?:[*•\\-–○◦▪]|\\d{1,3}[.)]|\\(\\d{1,3}\\))[ \\t]+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SourceViews() {}

  /** The newest version of each source of the record, the kept record's own content left out. */
  static List<Study> others(Trialdex t, String id, StoredStudy current) {
    Optional<RecordHistory> history = t.history().of(id);
    if (history.isEmpty()) {
      return List.of();
    }
    Map<String, Study> newest = new LinkedHashMap<>();
    for (RecordHistory.Version v : history.get().versions()) {
      newest.put(v.info().sourceKey(), v.study());
    }
    List<Study> out = new ArrayList<>(newest.values());
    out.remove(current.study());
    return out;
  }

  /** A source key in words: "ClinicalTrials.gov record (API v2 JSON)", "Registry page (classic layout)". */
  static String kind(String sourceKey) {
    String format = sourceKey.contains(":") ? sourceKey.substring(0, sourceKey.indexOf(':')) : sourceKey;
    String layout = sourceKey.contains(":") ? sourceKey.substring(sourceKey.indexOf(':') + 1) : "";
    return switch (format) {
      case "ctgov-v2-json" -> "ClinicalTrials.gov record (API v2 JSON)";
      case "ctgov-legacy-xml" -> "ClinicalTrials.gov record (legacy XML)";
      case "ctgov-classic-fields" -> "ClinicalTrials.gov classic study fields";
      case "registry-page" -> "Registry page" + switch (layout) {
        case "ctgov-classic" -> " (ClinicalTrials.gov classic site)";
        case "portal-study-plan" -> " (ClinicalTrials.gov site)";
        case "portal-section-blurbs" -> " (portal with section notes)";
        case "portal-list" -> " (portal with listed fields)";
        case "" -> "";
        default -> " (" + layout.replace('-', ' ') + ")";
      };
      default -> sourceKey;
    };
  }

  /**
   * A file's name without its folders, inside an archive the entry's name: what a reader can find
   * again without learning the server's layout.
   */
  static String fileName(String file) {
    if (file == null || file.isBlank()) {
      return "";
    }
    String f = file;
    int bang = f.lastIndexOf('!');
    if (bang >= 0) {
      String archive = f.substring(0, bang);
      String entry = f.substring(bang + 1);
      return last(archive) + ", entry " + last(entry);
    }
    return last(f);
  }

  private static String last(String path) {
    String p = path.replace('\\', '/');
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /**
   * The criteria text to show: the kept text, or another source's text that says the same words but
   * keeps the record's list markers (bullets, numbers, nesting) where the kept one lost them.
   */
  static String bestCriteria(String kept, List<Study> others) {
    String best = kept;
    int bestMarkers = markers(kept);
    String words = words(kept);
    for (Study s : others) {
      var p = s.protocolSection();
      String text = p == null || p.eligibilityModule() == null ? null : p.eligibilityModule().eligibilityCriteria();
      if (text != null && markers(text) > bestMarkers && words(text).equals(words)) {
        best = text;
        bestMarkers = markers(text);
      }
    }
    return best;
  }

  private static int markers(String text) {
    var m = MARKER.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String words(String text) {
    return NOT_WORD.matcher(MARKER.matcher(text).replaceAll(" ")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }

  /** The state another source gives for the same site (same facility and city), when the record leaves it out. */
  static Optional<String> state(Location l, List<Study> others) {
    if (l.facility() == null || l.city() == null) {
      return Optional.empty();
    }
    for (Study s : others) {
      var p = s.protocolSection();
      if (p == null || p.contactsLocationsModule() == null || p.contactsLocationsModule().locations() == null) {
        continue;
      }
      for (Location o : p.contactsLocationsModule().locations()) {
        if (o.state() != null && !o.state().isBlank() && same(o.facility(), l.facility()) && same(o.city(), l.city())) {
          return Optional.of(o.state());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && words(a).equals(words(b));
  }
}
