package org.trialdex.core.source;

import java.util.Objects;

/**
 * Where one record came from: the source format, the file (with the archive entry when there is
 * one, as {@code archive.tar.gz!NCT0000xxxx/NCT00000102.xml}), and the position of the record in
 * that file ({@code record 3}, {@code line 17}).
 *
 * @param format the source format's id, as {@code ctgov-v2-json}
 * @param file the file and, inside an archive, the entry
 * @param position the record's place in the file, for people to find it again
 */
public record Provenance(String format, String file, String position) {

  public Provenance {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String toString() {
    return format + " " + file + (position.isEmpty() ? "" : " (" + position + ")");
  }
}
