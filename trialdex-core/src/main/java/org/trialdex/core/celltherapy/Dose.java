package org.trialdex.core.celltherapy;

import java.util.Objects;

/**
 * One stated dose, normalized: a number of cells per kilogram of body weight or in all, as a value
 * ({@code min == max}) or a range. Several cohorts or arms give several doses.
 *
 * @param basis per kilogram or in all
 * @param min the value, or the low end of the range
 * @param max the value, or the high end of the range
 * @param unit what is counted: {@link #CELLS}, {@link #PARTICLES} (exosomes, vesicles) or {@link #MICROGRAMS}
 * @param perInfusion true when stated per infusion/injection, false when stated as a total over the
 *     course, null when the record does not say
 * @param upTo true when stated as a maximum ("up to")
 * @param arm the arm or cohort label the dose belongs to, or null
 * @param evidence where it is stated
 */
public record Dose(Basis basis, double min, double max, String unit, Boolean perInfusion, boolean upTo,
    String arm, Evidence evidence) {

  /** Counted in cells. */
  public static final String CELLS = "cells";
  /** Counted in particles: exosomes, extracellular vesicles. */
  public static final String PARTICLES = "particles";
  /** A mass of protein, as exosome doses are often given. */
  public static final String MICROGRAMS = "ug";

  /** Per kilogram of body weight, or in all. */
  public enum Basis { PER_KG, TOTAL }

  public Dose {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(evidence, "evidence");
    if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("bad dose range " + min + ".." + max + " in " + evidence.text());
    }
  }

  /** True for a single value. */
  public boolean isValue() {
    return min == max;
  }

  /** True for a number of cells per kilogram. */
  public boolean isCellsPerKg() {
    return basis == Basis.PER_KG && CELLS.equals(unit);
  }
}
