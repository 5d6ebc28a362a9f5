package org.trialdex.bench.lct;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * What {@link LctEvaluation} measured: one row per constraint type, plus every false positive and
 * false negative for reading.
 *
 * @param documents documents read
 * @param items criteria items the splitter cut them into
 * @param misalignedItems items whose text could not be walked back onto the document character for
 *     character (their spans are approximate)
 * @param goldOutsideItems gold annotations in no item (headings, lead-in lines); they stay in the
 *     gold and count as misses
 * @param rows the figures, in table order
 * @param findings the errors behind the figures
 */
public record LctReport(int documents, int items, int misalignedItems, int goldOutsideItems, List<Row> rows, List<Finding> findings) {

  public LctReport {
    rows = List.copyOf(rows);
    findings = List.copyOf(findings);
  }

  /**
   * One row of the table. For span rows, a gold annotation is found when a predicted constraint of
   * the row overlaps it by at least one character, and a prediction is right when it overlaps a gold
   * annotation of the row ({@code exact*}: same start and end). For attribute rows (negation,
   * window), {@code gold} and {@code predicted} count the positives among matched pairs and the
   * {@code exact*} fields are -1.
   *
   * @param type our constraint type(s)
   * @param goldDefinition which LCT annotations are the gold
   * @param gold gold annotations (positives, for attribute rows)
   * @param predicted predicted constraints (positives, for attribute rows)
   * @param goldFound gold annotations found (true positives for recall)
   * @param predictedRight predictions that are right (true positives for precision)
   * @param goldExact gold annotations found with exact boundaries, or -1
   * @param predictedExact predictions with exactly a gold annotation's boundaries, or -1
   * @param note what else to know, or ""
   */
  public record Row(String type, String goldDefinition, int gold, int predicted, int goldFound, int predictedRight,
      int goldExact, int predictedExact, String note) {

    public double precision() {
      return predicted == 0 ? 0 : (double) predictedRight / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) goldFound / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double exactPrecision() {
      return predicted == 0 || predictedExact < 0 ? 0 : (double) predictedExact / predicted;
    }

    public double exactRecall() {
      return gold == 0 || goldExact < 0 ? 0 : (double) goldExact / gold;
    }
  }

  /**
   * One error: a false positive (FP: predicted, not in the gold) or a false negative (FN: in the
   * gold, not predicted), with the item it sits in.
   */
  public record Finding(String type, String kind, String document, int start, String text, String item) {}

  /** The row of this type. */
  public Row row(String type) {
    return rows.stream().filter(r -> r.type().equals(type)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no row " + type + "; rows are " + rows.stream().map(Row::type).toList()));
  }

  /** The table in Markdown, with a line on what was read. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%,d documents, %,d items (%d not aligned character for character), %,d gold annotations outside any item.%n%n",
        documents, items, misalignedItems, goldOutsideItems));
    sb.append("| type | LCT gold | gold n | predicted n | TP (gold found) | TP (predicted right) | precision | recall | F1 | exact P | exact R |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      boolean attribute = r.goldExact() < 0;
      sb.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s |%n", r.type(), r.goldDefinition(),
          r.gold(), r.predicted(), r.goldFound(), r.predictedRight(), pct(r.precision()), pct(r.recall()), pct(r.f1()),
          attribute ? "–" : pct(r.exactPrecision()), attribute ? "–" : pct(r.exactRecall())));
    }
    List<Row> noted = rows.stream().filter(r -> !r.note().isEmpty()).toList();
    if (!noted.isEmpty()) {
      sb.append('\n');
      noted.forEach(r -> sb.append("- ").append(r.type()).append(": ").append(r.note()).append('\n'));
    }
    return sb.toString();
  }

  /** Every finding as a tab-separated line: type, FP/FN, document, offset, text, item. */
  public String findingsTsv() {
    StringBuilder sb = new StringBuilder("type\tkind\tdocument\toffset\ttext\titem\n");
    for (Finding f : findings) {
      sb.append(f.type()).append('\t').append(f.kind()).append('\t').append(f.document()).append('\t').append(f.start()).append('\t')
          .append(clean(f.text())).append('\t').append(clean(f.item())).append('\n');
    }
    return sb.toString();
  }

  private static String clean(String s) {
    return s.replaceAll("\\s+", " ");
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
