package org.trialdex.core.celltherapy;

/** What kind of cell product a trial gives. */
public enum CellType implements Coded {
  /** Mesenchymal stem/stromal/progenitor cells, culture-expanded, from any tissue. */
  MSC("Mesenchymal stem/stromal cells"),
  /** Haematopoietic stem cells: marrow, peripheral-blood or cord-blood grafts, CD34+ selections. */
  HSC("Haematopoietic stem cells"),
  CAR_T("CAR-T cells"),
  NK("NK cells"),
  TREG("Regulatory T cells"),
  DENDRITIC("Dendritic cells"),
  /** Exosomes, extracellular vesicles, secretome, conditioned medium: derived from cells, not cells. */
  EXOSOMES_SECRETOME("Exosomes / secretome (cell-derived)"),
  /**
   * Other cell products: unexpanded mixtures (marrow concentrate, mononuclear cells, stromal
   * vascular fraction, micro-fragmented fat) and other cells (chondrocytes, myoblasts, fibroblasts...).
   */
  OTHER_CELLS("Other cell products");

  private final String label;

  CellType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
