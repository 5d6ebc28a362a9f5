package org.trialdex.core.celltherapy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A profile as JSON, the one shape the command line and the API give. Facts are {@code {"value":
 * "bone-marrow", "label": "Bone marrow", "evidence": [{"field", "start", "end", "text"}]}}; a dose
 * is {@code {"perKg": 1000000}} or {@code {"perKgMin", "perKgMax"}}, {@code {"total"}} or {@code
 * {"totalMin", "totalMax"}}, numbers of cells (or particles when {@code unit} says so). Unknown facts
 * are empty arrays or {@code null}.
 */
public final class ProfileJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ProfileJson() {}

  /** The profile of {@code nctId} as a JSON object. */
  public static ObjectNode of(String nctId, CellTherapyProfile p) {
    ObjectNode o = F.objectNode();
    if (nctId != null) {
      o.put("nctId", nctId);
    }
    o.put("cellTherapy", p.hasProduct());
    o.set("cellType", coded(p.cellTypes()));
    o.set("source", coded(p.sources()));
    if (p.clonal() == null) {
      o.putNull("clonal");
    } else {
      ObjectNode c = F.objectNode();
      c.put("value", p.clonal().value());
      c.set("evidence", evidence(p.clonal().evidence()));
      o.set("clonal", c);
    }
    o.set("donor", coded(p.donors()));
    ArrayNode doses = o.putArray("dose");
    for (Dose d : p.doses()) {
      doses.add(dose(d));
    }
    ObjectNode s = o.putObject("schedule");
    if (p.schedule().administrations() == null) {
      s.putNull("administrations");
    } else {
      s.put("administrations", p.schedule().administrations());
    }
    s.set("phrases", plain(p.schedule().phrases()));
    o.set("route", coded(p.routes()));
    o.set("products", plain(p.products()));
    o.set("manufacturing", plain(p.manufacturing()));
    return o;
  }

  /** One dose as JSON. */
  public static ObjectNode dose(Dose d) {
    ObjectNode o = F.objectNode();
    String base = d.basis() == Dose.Basis.PER_KG ? "perKg" : "total";
    if (d.isValue()) {
      o.put(base, d.min());
    } else {
      o.put(base + "Min", d.min());
      o.put(base + "Max", d.max());
    }
    o.put("unit", d.unit());
    if (d.perInfusion() == null) {
      o.putNull("perInfusion");
    } else {
      o.put("perInfusion", d.perInfusion());
    }
    o.put("upTo", d.upTo());
    if (d.arm() != null) {
      o.put("arm", d.arm());
    }
    o.set("evidence", evidence(List.of(d.evidence())));
    return o;
  }

  private static <T extends Coded> ArrayNode coded(List<Fact<T>> facts) {
    ArrayNode a = F.arrayNode();
    for (Fact<T> f : facts) {
      ObjectNode o = a.addObject();
      o.put("value", f.value().code());
      o.put("label", f.value().label());
      o.set("evidence", evidence(f.evidence()));
    }
    return a;
  }

  private static ArrayNode plain(List<Fact<String>> facts) {
    ArrayNode a = F.arrayNode();
    for (Fact<String> f : facts) {
      ObjectNode o = a.addObject();
      o.put("value", f.value());
      o.set("evidence", evidence(f.evidence()));
    }
    return a;
  }

  private static JsonNode evidence(List<Evidence> evidence) {
    ArrayNode a = F.arrayNode();
    for (Evidence e : evidence) {
      ObjectNode o = a.addObject();
      o.put("field", e.field());
      o.put("start", e.start());
      o.put("end", e.end());
      o.put("text", e.text());
    }
    return a;
  }
}
