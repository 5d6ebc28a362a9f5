package org.trialdex.store;

import java.util.Objects;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;

/**
 * A record offered to {@link StudyStore#putAll}: the study and where it came from.
 *
 * @param study the study; its {@code protocolSection.identificationModule.nctId} must be present
 * @param provenance the source format, file and position
 */
public record Incoming(Study study, Provenance provenance) {
  public Incoming {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(provenance, "provenance");
  }
}
