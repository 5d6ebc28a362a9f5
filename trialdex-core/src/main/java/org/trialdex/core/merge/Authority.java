package org.trialdex.core.merge;

import java.util.Objects;
import org.trialdex.core.source.Provenance;

/**
 * How much a source's word counts when sources disagree. Declared strongest first: a registry
 * record ({@code ctgov-*} formats, as submitted and quality-checked by ClinicalTrials.gov)
 * outranks a page that shows the trial (a portal's rendering, typed or scraped by someone else).
 */
public enum Authority {
  /** The registry's own record, in any of its formats. */
  REGISTRY,
  /** A web page that shows the trial, read from its text. */
  PAGE;

  /** The source format that marks a registry page (see {@code Provenance#format()}). */
  public static final String PAGE_FORMAT = "registry-page";

  /**
   * The authority of a source, from its format: {@code registry-page} (or a format under it, as
   * {@code registry-page:portal-list}) is a {@link #PAGE}, everything else a {@link #REGISTRY}.
   */
  public static Authority of(Provenance provenance) {
    String format = Objects.requireNonNull(provenance, "provenance").format();
    return format.equals(PAGE_FORMAT) || format.startsWith(PAGE_FORMAT + ":") ? PAGE : REGISTRY;
  }

  /** True when this authority outranks {@code other}. */
  public boolean outranks(Authority other) {
    return compareTo(other) < 0;
  }
}
