package org.trialdex.core.celltherapy;

/** The tissue the cells (for exosomes, the parent cells) come from. */
public enum TissueSource implements Coded {
  BONE_MARROW("Bone marrow"),
  /** Cord tissue, cord lining, Wharton's jelly; not cord blood. */
  UMBILICAL_CORD("Umbilical cord"),
  CORD_BLOOD("Cord blood"),
  ADIPOSE("Adipose tissue"),
  PLACENTA("Placenta"),
  AMNION("Amnion / amniotic"),
  DENTAL_PULP("Dental pulp"),
  MENSTRUAL_BLOOD("Menstrual blood"),
  FETAL("Fetal tissue"),
  IPSC("iPSC-derived"),
  ESC("ESC-derived"),
  /** A named tissue outside the list (olfactory mucosa, skeletal muscle, synovium...). */
  OTHER("Other tissue");

  private final String label;

  TissueSource(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
