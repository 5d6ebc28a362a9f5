package org.trialdex.core.merge;

import java.util.Objects;
import org.trialdex.core.source.Provenance;

/**
 * What one source says about one merged unit, for people to read.
 *
 * @param sourceKey the source
 * @param version its record's version
 * @param provenance where that record was read
 * @param value a readable rendering of the value: the text of a field ({@code 15 Years}), the
 *     elements of a list joined by {@code "; "}, and for a list of objects the elements concerned
 */
public record Claim(String sourceKey, int version, Provenance provenance, String value) {

  /** @throws NullPointerException when any part is null */
  public Claim {
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(value, "value");
  }

  static Claim of(SourceRecord source, String value) {
    return new Claim(source.sourceKey(), source.version(), source.provenance(), value);
  }
}
