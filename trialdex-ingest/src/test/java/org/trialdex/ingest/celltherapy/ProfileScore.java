package org.trialdex.ingest.celltherapy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Donor;
import org.trialdex.core.celltherapy.Dose;

/**
 * Scores extracted profiles against the hand labels of {@code celltherapy/profile-labels.json}
 * (made without the extractor; see {@code tools/celltherapy-labels/README.md}). A fact is correct
 * when the set of values read equals the set labelled; it is scored only where the label states it,
 * and separately counted as "said where the label says unknown" otherwise.
 */
final class ProfileScore {

  /** One label, as read from the fixture. */
  record Label(String nctId, JsonNode json) {
    boolean noProduct() {
      return set(json.get("cellType")).equals(Set.of("NONE"));
    }
  }

  /** Correct / scored, and statements where the label is unknown. */
  static final class Tally {
    int correct;
    int scored;
    int saidWhereUnknown;
    int unknownInLabel;
    final List<String> misses = new ArrayList<>();

    double accuracy() {
      return scored == 0 ? Double.NaN : (double) correct / scored;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d/%d = %.1f%% (said %d of %d label-unknown)", correct, scored,
          100 * accuracy(), saidWhereUnknown, unknownInLabel);
    }
  }

  /** The first 100 labels: the extractor was developed against these. */
  static final String DEVELOPMENT = "/celltherapy/profile-labels.json";
  /** 50 more, drawn and labelled afterwards and scored once the extractor was done. */
  static final String HELD_OUT = "/celltherapy/profile-labels-heldout.json";

  static List<Label> labels() {
    return labels(DEVELOPMENT);
  }

  static List<Label> labels(String resource) {
    try (InputStream in = ProfileScore.class.getResourceAsStream(resource)) {
      JsonNode all = new ObjectMapper().readTree(in);
      List<Label> out = new ArrayList<>();
      all.forEach(n -> out.add(new Label(n.get("nctId").asText(), n)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  final Tally cellType = new Tally();
  final Tally source = new Tally();
  final Tally donor = new Tally();
  final Tally dose = new Tally();
  final Tally route = new Tally();
  final Tally schedule = new Tally();

  void add(Label label, CellTherapyProfile p) {
    JsonNode j = label.json();
    Set<String> types = label.noProduct() ? Set.of() : set(j.get("cellType"));
    score(cellType, label, types, codes(p.cellTypeValues()), false);
    if (label.noProduct()) {
      return;
    }
    score(source, label, set(j.get("source")), codes(p.sourceValues()), true);
    String donorType = j.get("donor").get("type").asText();
    Set<String> kinds = p.donorValues().stream().filter(Donor::isKind).map(Enum::name).collect(Collectors.toSet());
    score(donor, label, donorType.equals("UNKNOWN") ? Set.of("UNKNOWN") : Set.of(donorType), kinds, true);
    score(route, label, set(j.get("route")), codes(p.routeValues()), true);
    Set<String> labelled = new TreeSet<>();
    if (j.get("dose").isArray()) {
      j.get("dose").forEach(d -> labelled.addAll(doseKeys(d)));
    } else {
      labelled.add("UNKNOWN");
    }
    Set<String> read = new TreeSet<>();
    for (Dose d : p.doses()) {
      read.add(key(d.basis() == Dose.Basis.PER_KG ? "kg" : "total", d.min(), d.max(),
          d.unit().equals(Dose.CELLS) ? "cells" : "EVs"));
    }
    score(dose, label, labelled, read, true);
    boolean scheduleStated = !j.get("schedule").asText().equals("UNKNOWN");
    score(schedule, label, Set.of(scheduleStated ? "stated" : "UNKNOWN"),
        p.schedule().isUnknown() ? Set.of() : Set.of("stated"), true);
  }

  private static void score(Tally t, Label label, Set<String> truth, Set<String> read, boolean unknownMeansEmpty) {
    Set<String> want = unknownMeansEmpty && truth.equals(Set.of("UNKNOWN")) ? Set.of() : truth;
    if (unknownMeansEmpty && want.isEmpty()) {
      t.unknownInLabel++;
      if (!read.isEmpty()) {
        t.saidWhereUnknown++;
        t.misses.add(label.nctId() + " label UNKNOWN, read " + read);
      }
      return;
    }
    Set<String> w = new TreeSet<>(want);
    w.remove("UNKNOWN");
    t.scored++;
    if (w.equals(new TreeSet<>(read))) {
      t.correct++;
    } else {
      t.misses.add(label.nctId() + " label " + w + ", read " + new TreeSet<>(read));
    }
  }

  private static List<String> doseKeys(JsonNode d) {
    String unit = d.has("unit") ? d.get("unit").asText() : "cells";
    List<String> out = new ArrayList<>();
    for (String base : new String[] {"perKg", "total"}) {
      String name = base.equals("perKg") ? "kg" : "total";
      if (d.has(base)) {
        out.add(key(name, d.get(base).asDouble(), d.get(base).asDouble(), unit));
      }
      if (d.has(base + "Min")) {
        out.add(key(name, d.get(base + "Min").asDouble(), d.get(base + "Max").asDouble(), unit));
      }
    }
    return out;
  }

  private static String key(String basis, double min, double max, String unit) {
    return basis + " " + (min == max ? fmt(min) : fmt(min) + ".." + fmt(max)) + " " + unit;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static <E extends Enum<E>> Set<String> codes(Set<E> values) {
    return values.stream().map(Enum::name).collect(Collectors.toSet());
  }

  static Set<String> set(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  Map<String, Tally> tallies() {
    return Map.of("cellType", cellType, "source", source, "donor", donor, "dose", dose, "route", route,
        "schedule", schedule);
  }
}
