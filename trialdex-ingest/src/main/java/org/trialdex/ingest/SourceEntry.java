package org.trialdex.ingest;

import java.io.InputStream;
import java.util.Objects;

/**
 * One stream of bytes to read: a file, or one entry of an archive. The opener of the entry closes
 * it; readers only read.
 *
 * @param name the file, with the archive entry when there is one ({@code a.zip!b/c.json})
 * @param size the size in bytes when known, else -1
 * @param in the bytes
 */
public record SourceEntry(String name, long size, InputStream in) {

  public SourceEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
  }
}
