package org.trialdex.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.diff.FieldDiff;
import org.trialdex.core.diff.ModuleDiff;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.merge.FieldOrigin;
import org.trialdex.core.model.Study;
import org.trialdex.core.validate.StudyValidator;
import org.trialdex.core.validate.ValidationReport;
import org.trialdex.store.Link;
import org.trialdex.store.MergeView;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;

/**
 * What the faces tell about one record beyond its content, as JSON: its history, the diff of two
 * versions, and its quality (sources, conflicts, field origins, data-quality findings). Shared by
 * the HTTP API and {@code trialdex show --conflicts} so both say the same thing.
 */
public final class RecordReports {

  private static final StudyValidator VALIDATOR = new StudyValidator();

  private RecordReports() {}

  /** Versions oldest first, each with the modules it changed since the previous version of its source, and the links. */
  public static Optional<ObjectNode> history(Trialdex t, String requestedId) {
    Optional<String> resolved = t.store().resolve(requestedId);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    String id = resolved.get();
    ObjectMapper mapper = StudyJson.standard().mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("id", id);
    ArrayNode versions = root.putArray("versions");
    Map<String, Study> previous = new HashMap<>();
    for (VersionInfo v : t.store().versions(id)) {
      Study study = t.store().version(id, v.version()).map(StoredStudy::study).orElseThrow();
      ObjectNode node = versions.addObject();
      node.put("version", v.version());
      node.put("recordedAt", v.recordedAt().toString());
      node.put("sourceKey", v.sourceKey());
      node.set("provenance", mapper.valueToTree(v.provenance()));
      node.put("importRunId", v.importRunId());
      Study before = previous.put(v.sourceKey(), study);
      node.set("changedModules", mapper.valueToTree(before == null ? List.of() : ModuleDiff.changedModules(before, study)));
      node.put("firstFromSource", before == null);
    }
    ArrayNode links = root.putArray("links");
    for (Link link : t.store().links(id)) {
      links.addObject().put("alias", link.alias()).put("reason", link.reason()).put("linkedAt", link.linkedAt().toString());
    }
    return Optional.of(root);
  }

  /**
   * The field-level differences between two versions; empty when the record or either version
   * does not exist.
   */
  public static Optional<ObjectNode> diff(Trialdex t, String requestedId, int from, int to) {
    Optional<String> id = t.store().resolve(requestedId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredStudy> a = t.store().version(id.get(), from);
    Optional<StoredStudy> b = t.store().version(id.get(), to);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    StudyJson json = StudyJson.standard();
    ObjectNode root = json.mapper().createObjectNode();
    root.put("id", id.get()).put("from", from).put("to", to);
    ArrayNode changes = root.putArray("changes");
    for (FieldDiff.Change c : FieldDiff.between(json.tree(a.get().study()), json.tree(b.get().study()))) {
      ObjectNode row = changes.addObject().put("path", c.path());
      c.before().ifPresent(v -> row.put("from", v));
      c.after().ifPresent(v -> row.put("to", v));
    }
    return Optional.of(root);
  }

  /** Sources (most authoritative first), conflicts, field origins and data-quality findings of the current record. */
  public static Optional<ObjectNode> quality(Trialdex t, String requestedId) {
    Optional<StoredStudy> current = t.store().current(requestedId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    String id = current.get().nctId();
    MergeView merge = t.store().merge(id).orElseThrow();
    ValidationReport findings = VALIDATOR.validate(current.get().study());
    ObjectMapper mapper = StudyJson.standard().mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("id", id);
    ArrayNode sources = root.putArray("sources");
    for (VersionInfo v : merge.sources()) {
      ObjectNode s = sources.addObject();
      s.put("sourceKey", v.sourceKey());
      s.put("version", v.version());
      s.put("recordedAt", v.recordedAt().toString());
      s.set("provenance", mapper.valueToTree(v.provenance()));
    }
    root.set("conflicts", mapper.valueToTree(merge.conflicts()));
    ArrayNode origins = root.putArray("origins");
    for (FieldOrigin o : merge.origins()) {
      origins.add(mapper.valueToTree(o));
    }
    root.set("findings", mapper.valueToTree(findings.findings()));
    return Optional.of(root);
  }
}
