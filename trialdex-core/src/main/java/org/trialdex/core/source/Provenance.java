package org.trialdex.core.source;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where one record came from: the source format, the file (with the archive entry when there is
 * one, as {@code archive.tar.gz!NCT0000xxxx/NCT00000102.xml}), the position of the record in that
 * file ({@code record 3}, {@code line 17}), and what else the source says about itself.
 *
 * @param format the source format's id, as {@code ctgov-v2-json} or {@code registry-page}
 * @param file the file and, inside an archive, the entry
 * @param position the record's place in the file, for people to find it again
 * @param attributes further facts about the source, sorted by name: for registry pages
 *     {@code layout} (which page layout was recognised) and {@code url} (when the page shows one).
 *     Empty for most formats.
 */
public record Provenance(String format, String file, String position, Map<String, String> attributes) {

  /** Attribute naming the recognised page layout. */
  public static final String LAYOUT = "layout";
  /** Attribute holding the URL a page shows for itself. */
  public static final String URL = "url";
  /**
   * Attribute saying how sure a page's reading is: {@code high} (a registry id and labelled fields),
   * {@code medium}, or {@code low} (little more than a title, or a title chosen on weak evidence).
   */
  public static final String CONFIDENCE = "confidence";
  /**
   * Attribute listing, blank-separated, the v2 paths ({@code protocolSection.designModule.phases}) a
   * page reading placed on weak evidence (by position or by the value's type, not by a label). Such
   * values never replace or fill in a registry record's (see {@code StudyMerger}).
   */
  public static final String LOW_CONFIDENCE = "lowConfidence";

  public Provenance {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    attributes = attributes == null || attributes.isEmpty() ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** Provenance without attributes, as most formats give it. */
  public Provenance(String format, String file, String position) {
    this(format, file, position, Map.of());
  }

  /** The paths of {@link #LOW_CONFIDENCE}, empty when the source names none. */
  public java.util.Set<String> lowConfidencePaths() {
    String v = attribute(LOW_CONFIDENCE).strip();
    return v.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(java.util.List.of(v.split("\\s+")));
  }

  /** An attribute's value, or "" when absent. */
  public String attribute(String name) {
    return attributes.getOrDefault(name, "");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(format).append(' ').append(file);
    if (!position.isEmpty()) {
      sb.append(" (").append(position).append(')');
    }
    attributes.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
    return sb.toString();
  }
}
