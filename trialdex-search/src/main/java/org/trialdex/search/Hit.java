package org.trialdex.search;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * One study found: its id, score, derived paths and the JSON the index stores for it, with the
 * model read from that JSON on first ask. An answer that sends studies as stored (API v2 JSON, CSV
 * from a tree) never builds the model, which for a page of 1,000 studies is most of the work.
 */
public final class Hit {
  private final String id;
  private final float score;
  private final Optional<NearestSite> nearest;
  private final List<String> derived;
  private final byte[] json;
  /** Read from {@link #json} on first ask; a race reads it twice, to equal values. */
  private volatile Study study;

  /**
   * @param id the record id it was indexed under (NCT id, or another record id)
   * @param score its relevance score ({@code NaN} when the search was sorted by fields only)
   * @param study the study as indexed, already read from {@code json}
   * @param nearest the site nearest to the geo filter's point, when the request had a geo filter
   * @param derived the paths of the fields trialdex derived for the record ({@code hasResults}...)
   * @param json the study as the index stores it: compact v2 JSON in UTF-8, derived fields
   *     included, for answers that send the study as it is without writing it anew (compared by
   *     content; not to be changed)
   */
  public Hit(String id, float score, Study study, Optional<NearestSite> nearest, List<String> derived,
      byte[] json) {
    this(id, score, nearest, derived, json, Objects.requireNonNull(study, "study"));
  }

  /** A hit whose JSON is {@code study} written as compact v2 JSON. */
  public Hit(String id, float score, Study study, Optional<NearestSite> nearest, List<String> derived) {
    this(id, score, study, nearest, derived, StudyJson.standard().writeBytes(study));
  }

  private Hit(String id, float score, Optional<NearestSite> nearest, List<String> derived, byte[] json,
      Study study) {
    this.id = Objects.requireNonNull(id, "id");
    this.score = score;
    this.nearest = Objects.requireNonNull(nearest, "nearest");
    this.derived = List.copyOf(derived);
    this.json = Objects.requireNonNull(json, "json");
    this.study = study;
  }

  /** A hit whose model is read from {@code json} only when {@link #study()} is first called. */
  static Hit stored(String id, float score, Optional<NearestSite> nearest, List<String> derived, byte[] json) {
    return new Hit(id, score, nearest, derived, json, null);
  }

  /** The record id it was indexed under (NCT id, or another record id). */
  public String id() {
    return id;
  }

  /** Its relevance score ({@code NaN} when the search was sorted by fields only). */
  public float score() {
    return score;
  }

  /** The study as indexed, read from {@link #json()} the first time it is asked for. */
  public Study study() {
    Study s = study;
    if (s == null) {
      s = StudyJson.standard().read(json);
      study = s;
    }
    return s;
  }

  /** The site nearest to the geo filter's point, when the request had a geo filter. */
  public Optional<NearestSite> nearest() {
    return nearest;
  }

  /** The paths of the fields trialdex derived for the record ({@code hasResults}...). */
  public List<String> derived() {
    return derived;
  }

  /** The study as the index stores it: compact v2 JSON in UTF-8, derived fields included (not to be changed). */
  public byte[] json() {
    return json;
  }

  /** The distance from the geo filter's point to the nearest site, when the request had a geo filter. */
  public OptionalDouble distanceMeters() {
    return nearest.map(n -> OptionalDouble.of(n.distanceMeters())).orElse(OptionalDouble.empty());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hit h && id.equals(h.id) && Float.compare(score, h.score) == 0
        && nearest.equals(h.nearest) && derived.equals(h.derived) && Arrays.equals(json, h.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, score, nearest, derived, Arrays.hashCode(json));
  }

  @Override
  public String toString() {
    return "Hit[id=" + id + ", score=" + score + ", derived=" + derived + ", " + json.length + " bytes of JSON]";
  }
}
