package org.trialdex.core.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Trust signals as JSON, the one shape the API gives: an array of {@code {"kind": "results-overdue",
 * "label": "No results posted by the FDAAA due date", "statement": "...", "evidence": [{"field",
 * "value", "start", "end"}]}}, in {@link TrustSignal.Kind} order. {@code start} and {@code end} are
 * the quote's character span in the field for a text cue, {@code null} for a structured value.
 */
public final class TrustSignalsJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TrustSignalsJson() {}

  /** The signals as a JSON array; empty for none. */
  public static ArrayNode of(List<TrustSignal> signals) {
    ArrayNode a = F.arrayNode();
    for (TrustSignal s : signals) {
      ObjectNode o = a.addObject();
      o.put("kind", s.kind().code());
      o.put("label", s.kind().label());
      o.put("statement", s.statement());
      ArrayNode ev = o.putArray("evidence");
      for (TrustSignal.Evidence e : s.evidence()) {
        ObjectNode x = ev.addObject();
        x.put("field", e.field());
        x.put("value", e.value());
        if (e.hasSpan()) {
          x.put("start", e.start());
          x.put("end", e.end());
        } else {
          x.putNull("start");
          x.putNull("end");
        }
      }
    }
    return a;
  }
}
