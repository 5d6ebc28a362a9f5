package org.trialdex.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Optional;
import org.trialdex.core.normalize.PartialDate;

/**
 * One source with its JSON tree and its own date, in the order sources count: authority first,
 * then the record's own date (newest first, an undated record last), then when the store recorded
 * it (latest first), then source key and version, so that any input order gives the same ranking.
 */
record Ranked(SourceRecord source, JsonNode tree, Optional<PartialDate> date, java.util.Set<String> weak) {

  static final Comparator<Ranked> ORDER = Comparator
      .comparing((Ranked r) -> r.source().authority())
      .thenComparing(Ranked::date, Comparator.comparing(
          (Optional<PartialDate> d) -> d.orElse(null), Comparator.nullsLast(Comparator.reverseOrder())))
      .thenComparing(r -> r.source().recordedAt(), Comparator.reverseOrder())
      .thenComparing(r -> r.source().sourceKey())
      .thenComparing(r -> r.source().version(), Comparator.reverseOrder());

  /** A source with its tree; {@code weak} are the paths it read on weak evidence, read once from its provenance. */
  static Ranked of(SourceRecord source, JsonNode tree) {
    return new Ranked(source, tree, ownDate(tree), source.provenance().lowConfidencePaths());
  }

  /** The record's own last-update date: posted, else submitted, else verified. */
  static Optional<PartialDate> ownDate(JsonNode tree) {
    JsonNode status = tree.path("protocolSection").path("statusModule");
    for (JsonNode d : new JsonNode[] {
        status.path("lastUpdatePostDateStruct").path("date"), status.path("lastUpdateSubmitDate"),
        status.path("statusVerifiedDate")}) {
      Optional<PartialDate> date = d.isTextual() ? PartialDate.parse(d.asText()) : Optional.empty();
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  /** Why {@code this} (ranked first) outranks {@code lower}, in words. */
  String whyOver(Ranked lower) {
    SourceRecord a = source;
    SourceRecord b = lower.source();
    if (a.authority() != b.authority()) {
      return "a " + name(a.authority()) + " outranks a " + name(b.authority());
    }
    if (!date.equals(lower.date())) {
      return lower.date().isEmpty() ? "it is dated (" + date.get() + ") and the other is not"
          : "its record is newer (" + date.get() + " against " + lower.date().get() + ")";
    }
    if (!a.recordedAt().equals(b.recordedAt())) {
      return "it was recorded later (" + a.recordedAt() + " against " + b.recordedAt() + ")";
    }
    return "the sources tie, and source keys decide";
  }

  private static String name(Authority authority) {
    return authority == Authority.REGISTRY ? "registry record" : "page";
  }
}
