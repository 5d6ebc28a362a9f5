package org.trialdex.ingest;

import java.util.List;
import java.util.Objects;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.FieldSpan;
import org.trialdex.core.source.Provenance;

/**
 * What a reader made of one record: the study with any warnings, or the reason it could not be read.
 * Readers never throw for bad input; they return {@link Failed} and go on with the next record.
 */
public sealed interface ReadResult {

  /** Provenance attribute: the registry id of a record that shows no NCT id (ChiCTR..., ISRCTN...). */
  String REGISTRY_ID = "registryId";
  /** Provenance attribute: the stable id a reader derived from a record that shows no registry id. */
  String CONTENT_ID = "contentId";

  /**
   * A record read into the model; {@code warnings} name what was odd or could not be mapped;
   * {@code spans} say where in the source text each field was read (readers of free text give
   * them, others give none).
   */
  record Read(Study study, Provenance provenance, List<ReadWarning> warnings, List<FieldSpan> spans)
      implements ReadResult {
    public Read {
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(provenance, "provenance");
      warnings = List.copyOf(warnings);
      spans = List.copyOf(spans);
    }

    /** A record without spans, as structured formats give it. */
    public Read(Study study, Provenance provenance, List<ReadWarning> warnings) {
      this(study, provenance, warnings, List.of());
    }

    /**
     * The id the record is stored under: its NCT id; for a record without one (a registry page),
     * the other registry id or the content id its reader gave in provenance attributes
     * {@code registryId} / {@code contentId}; "" when it has none of these.
     */
    public String recordId() {
      String nct = nctId();
      if (!nct.isEmpty()) {
        return nct;
      }
      String registryId = provenance.attribute(REGISTRY_ID);
      return registryId.isEmpty() ? provenance.attribute(CONTENT_ID) : registryId;
    }

    /** The record's NCT id, or "" when it has none. */
    public String nctId() {
      var ps = study.protocolSection();
      if (ps == null || ps.identificationModule() == null || ps.identificationModule().nctId() == null) {
        return "";
      }
      return ps.identificationModule().nctId();
    }
  }

  /** A record, or a whole file, that could not be read. */
  record Failed(ReadProblem problem) implements ReadResult {
    public Failed {
      Objects.requireNonNull(problem, "problem");
    }
  }

  static Failed failed(String file, String record, String reason) {
    return new Failed(new ReadProblem(file, record, reason));
  }
}
