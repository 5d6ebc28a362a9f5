package org.trialdex.app.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trialdex.core.diff.FieldDiff;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.merge.FieldOrigin;
import org.trialdex.store.Link;
import org.trialdex.store.VersionInfo;

/**
 * What the faces tell about one record beyond its content, as JSON: its history, the diff of two
 * versions, its quality (sources, conflicts, field origins, data-quality findings) and its related
 * trials. One writer for the HTTP API and the commands ({@code trialdex show --conflicts --format json},
 * {@code trialdex related --format json}), so both say the same thing.
 */
public final class RecordReports {

  private RecordReports() {}

  /** Related trials, closest first: each one's id, brief title, score and the features it shares. */
  public static ArrayNode related(java.util.List<org.trialdex.search.RelatedTrial> related) {
    ObjectMapper mapper = StudyJson.standard().mapper();
    ArrayNode array = mapper.createArrayNode();
    for (org.trialdex.search.RelatedTrial r : related) {
      ObjectNode node = array.addObject();
      node.put("nctId", r.id());
      node.put("briefTitle", r.briefTitle().orElse(null));
      node.put("score", r.score());
      node.set("sharedFeatures", mapper.valueToTree(r.sharedFeatures()));
    }
    return array;
  }

  /** Versions oldest first, each with the modules it changed since the previous version of its source, and the links. */
  public static ObjectNode history(RecordHistory history) {
    ObjectMapper mapper = StudyJson.standard().mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("id", history.id());
    ArrayNode versions = root.putArray("versions");
    for (RecordHistory.Version version : history.versions()) {
      VersionInfo v = version.info();
      ObjectNode node = versions.addObject();
      node.put("version", v.version());
      node.put("recordedAt", v.recordedAt().toString());
      node.put("sourceKey", v.sourceKey());
      node.set("provenance", mapper.valueToTree(v.provenance()));
      node.put("importRunId", v.importRunId());
      node.set("changedModules", mapper.valueToTree(version.changedModules()));
      node.put("firstFromSource", version.firstFromSource());
    }
    ArrayNode links = root.putArray("links");
    for (Link link : history.links()) {
      links.addObject().put("alias", link.alias()).put("reason", link.reason()).put("linkedAt", link.linkedAt().toString());
    }
    return root;
  }

  /** The field-level differences between two versions. */
  public static ObjectNode diff(VersionDiff diff) {
    ObjectNode root = StudyJson.standard().mapper().createObjectNode();
    root.put("id", diff.id()).put("from", diff.from()).put("to", diff.to());
    ArrayNode changes = root.putArray("changes");
    for (FieldDiff.Change c : diff.changes()) {
      ObjectNode row = changes.addObject().put("path", c.path());
      c.before().ifPresent(v -> row.put("from", v));
      c.after().ifPresent(v -> row.put("to", v));
    }
    return root;
  }

  /** Sources (most authoritative first), conflicts, field origins and data-quality findings of the current record. */
  public static ObjectNode quality(RecordQuality quality) {
    ObjectMapper mapper = StudyJson.standard().mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("id", quality.id());
    ArrayNode sources = root.putArray("sources");
    for (VersionInfo v : quality.merge().sources()) {
      ObjectNode s = sources.addObject();
      s.put("sourceKey", v.sourceKey());
      s.put("version", v.version());
      s.put("recordedAt", v.recordedAt().toString());
      s.set("provenance", mapper.valueToTree(v.provenance()));
    }
    root.set("conflicts", mapper.valueToTree(quality.merge().conflicts()));
    ArrayNode origins = root.putArray("origins");
    for (FieldOrigin o : quality.merge().origins()) {
      origins.add(mapper.valueToTree(o));
    }
    root.set("findings", mapper.valueToTree(quality.findings().findings()));
    return root;
  }
}
