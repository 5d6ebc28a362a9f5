package org.trialdex.core.source;

/**
 * Which source a version belongs to. A record's current content is the merge of the newest version
 * of each of its sources, and a version adds nothing when it equals the newest of its own source.
 *
 * <p>The key is the source format ({@code ctgov-v2-json}, {@code ctgov-legacy-xml},
 * {@code ctgov-classic-fields}) and, for registry pages, the recognised layout
 * ({@code registry-page:portal-list}): each portal is its own source.
 */
public final class SourceKeys {

  private SourceKeys() {}

  /** The source key of a version with this provenance. */
  public static String of(Provenance provenance) {
    String layout = provenance.attribute(Provenance.LAYOUT);
    return layout.isEmpty() ? provenance.format() : provenance.format() + ":" + layout;
  }
}
