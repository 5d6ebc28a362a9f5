package org.trialdex.app.web;

import java.util.List;

/**
 * The study page's "Cell therapy" panel: one row per kind of fact, in a fixed order, each with the
 * values the record states and, for each value, where it states it. A row without values is a fact
 * the record does not state; the page says so rather than guess.
 *
 * @param rows cell type, tissue source, donor, dose, schedule, route, products, manufacturing
 */
public record CellPanel(List<Row> rows) {

  public CellPanel {
    rows = List.copyOf(rows);
  }

  /** A kind of fact and the values stated; {@code values} is empty when the record does not say. */
  public record Row(String label, List<Value> values) {
    public Row {
      values = List.copyOf(values);
    }
  }

  /**
   * One stated value.
   *
   * @param text the value for people ({@code 1 × 10⁶ cells/kg})
   * @param detail a qualifier shown after it (the arm a dose belongs to), or empty
   * @param quotes where the record states it
   */
  public record Value(String text, String detail, List<Quote> quotes) {
    public Value {
      quotes = List.copyOf(quotes);
    }
  }

  /**
   * The sentence that states a value, the stating words highlighted, and the field it is in.
   *
   * @param field the field in words: {@code Intervention 2 description}
   * @param sentence the sentence, shortened with ellipses when long
   */
  public record Quote(String field, Rich sentence) {}
}
