package org.trialdex.core.merge;

import java.util.Objects;

/**
 * Which source one merged unit came from.
 *
 * @param path v2 path of the unit, as {@code protocolSection.eligibilityModule.minimumAge} or
 *     {@code protocolSection.contactsLocationsModule.locations} (a list is one unit)
 * @param sourceKey the source whose value the merged record holds
 * @param version that source record's version
 */
public record FieldOrigin(String path, String sourceKey, int version) {

  /** @throws NullPointerException when path or sourceKey is null */
  public FieldOrigin {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sourceKey, "sourceKey");
  }
}
