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
