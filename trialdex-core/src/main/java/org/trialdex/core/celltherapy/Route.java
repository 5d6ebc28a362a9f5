package org.trialdex.core.celltherapy;

/** How the product is given. */
public enum Route implements Coded {
  INTRAVENOUS("Intravenous"),
  /** Into an artery, intracoronary included. */
  INTRA_ARTERIAL("Intra-arterial"),
  INTRATHECAL("Intrathecal"),
  INTRAMUSCULAR("Intramuscular"),
  INTRA_ARTICULAR("Intra-articular"),
  INTRADISCAL("Intradiscal"),
  /** Catheter injection into the heart muscle from inside. */
  TRANSENDOCARDIAL("Transendocardial"),
  SUBCONJUNCTIVAL("Subconjunctival"),
  /** Applied on a surface: sheets, dressings, gels, sprays, drops. */
  TOPICAL("Topical"),
  /** Injection into a named tissue or lesion: fistula, corpus cavernosum, gland, kidney, tendon... */
  LOCAL_INJECTION("Local injection"),
  /** Surgical implantation, scaffolds, intraperitoneal, intratracheal or inhaled, intravitreal... */
  OTHER("Other route");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
