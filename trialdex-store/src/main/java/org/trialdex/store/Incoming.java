package org.trialdex.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.FieldSpan;
import org.trialdex.core.source.Provenance;

/**
 * A record offered to {@link StudyStore#putAll}: its id, the study, where it came from and, for
 * records read from free text, where in that text each field was read.
 *
 * @param id the record's id: its NCT id, or for a record without one (a registry page) the other
 *     registry id or content id it is known by until it is linked to an NCT id
 * @param study the study
 * @param provenance the source format, file and position
 * @param spans the text spans of the fields, or none
 */
public record Incoming(String id, Study study, Provenance provenance, List<FieldSpan> spans) {

  public Incoming {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a record's id must not be blank (" + provenance + ")");
    }
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(provenance, "provenance");
    spans = List.copyOf(spans);
  }

  /**
   * A record keyed by its own NCT id.
   *
   * @throws IllegalArgumentException when the study has no
   *     {@code protocolSection.identificationModule.nctId}
   */
  public Incoming(Study study, Provenance provenance) {
    this(nctIdOf(study, provenance), study, provenance, List.of());
  }

  private static String nctIdOf(Study study, Provenance provenance) {
    return Optional.ofNullable(study).map(Study::protocolSection)
        .map(ProtocolSection::identificationModule)
        .map(IdentificationModule::nctId)
        .filter(id -> !id.isBlank())
        .orElseThrow(() -> new IllegalArgumentException("the record from " + provenance
            + " has no protocolSection.identificationModule.nctId; give its id explicitly"));
  }
}
