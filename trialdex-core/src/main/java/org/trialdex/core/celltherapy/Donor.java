package org.trialdex.core.celltherapy;

/** Whose cells: the patient's own or another person's, with the details records give. */
public enum Donor implements Coded {
  AUTOLOGOUS("Autologous"),
  ALLOGENEIC("Allogeneic"),
  /** Detail of allogeneic: a donor other than the patient and the patient's transplant donor. */
  THIRD_PARTY("Third-party donor"),
  RELATED("Related donor"),
  UNRELATED("Unrelated donor"),
  HLA_MATCHED("HLA-matched"),
  HAPLOIDENTICAL("Haploidentical");

  private final String label;

  Donor(String label) {
    this.label = label;
  }

  /** True for the two kinds (autologous, allogeneic); false for the details. */
  public boolean isKind() {
    return this == AUTOLOGOUS || this == ALLOGENEIC;
  }

  @Override
  public String label() {
    return label;
  }
}
