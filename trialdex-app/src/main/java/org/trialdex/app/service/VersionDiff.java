package org.trialdex.app.service;

import java.util.List;
import java.util.Objects;
import org.trialdex.core.diff.FieldDiff;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * The field-level differences between two versions of a record, on their v2 JSON.
 *
 * @param id the record's id
 * @param from the older version compared
 * @param to the newer version compared
 * @param changes each field path whose value differs, with its value before and after
 */
public record VersionDiff(String id, int from, int to, List<FieldDiff.Change> changes) {

  public VersionDiff {
    Objects.requireNonNull(id, "id");
    changes = List.copyOf(changes);
  }

  static VersionDiff between(String id, int from, Study before, int to, Study after) {
    StudyJson json = StudyJson.standard();
    return new VersionDiff(id, from, to, FieldDiff.between(json.tree(before), json.tree(after)));
  }
}
