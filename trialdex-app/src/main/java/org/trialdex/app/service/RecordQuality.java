package org.trialdex.app.service;

import java.util.Objects;
import org.trialdex.core.validate.ValidationReport;
import org.trialdex.store.MergeView;
import org.trialdex.store.StoredStudy;

/**
 * How far a current record can be trusted: where its sources disagree and what is wrong within it.
 *
 * @param current the current record
 * @param merge its sources (most authoritative first), field origins and conflicts
 * @param findings the data-quality findings of the validator on the current record
 */
public record RecordQuality(StoredStudy current, MergeView merge, ValidationReport findings) {

  public RecordQuality {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(merge, "merge");
    Objects.requireNonNull(findings, "findings");
  }

  /** The record's id. */
  public String id() {
    return current.nctId();
  }
}
