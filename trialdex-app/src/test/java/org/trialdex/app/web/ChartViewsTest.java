package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.app.service.Landscape;

/** {@link ChartViews}: bars whose lengths are their counts to scale, axis steps, labels that fit. */
class ChartViewsTest {

  private static Landscape.Chart chart(List<Landscape.Series> series, Landscape.Row... rows) {
    return new Landscape.Chart("c", "Title", "Thing", series, List.of(rows), "note");
  }

  @Test
  void barsAreDrawnToScaleWithTheirTotalWrittenAfterThem() {
    // 40 trials is the longest bar; the axis runs to 40 in steps of 10.
    LandscapePage.ChartView v = ChartViews.of(chart(List.of(new Landscape.Series("trials", "Trials")),
        new Landscape.Row("a", "Bone marrow", List.of(40L)), new Landscape.Row("b", "Adipose tissue", List.of(10L)),
        new Landscape.Row("c", "Placenta", List.of(0L))), "/x.csv");
    int plot = v.plotRight() - v.plotLeft();
    assertEquals(plot, v.bars().get(0).segments().getFirst().width());
    assertEquals(Math.round(plot * 10 / 40.0), v.bars().get(1).segments().getFirst().width());
    assertTrue(v.bars().get(2).segments().isEmpty(), "no segment for 0");
    assertEquals(List.of("40", "10", "0"), v.bars().stream().map(LandscapePage.Bar::total).toList());
    assertEquals(List.of("0", "10", "20", "30", "40"), v.ticks().stream().map(LandscapePage.Tick::label).toList());
    assertEquals("Bone marrow: 40 trials", v.bars().get(0).segments().getFirst().title());
    assertTrue(v.legend().isEmpty(), "one series needs no legend");
  }

  @Test
  void stackedSegmentsFollowEachOtherWithAPatternPerSeriesAndALegend() {
    LandscapePage.ChartView v = ChartViews.of(chart(List.of(new Landscape.Series("PHASE1", "Phase 1"),
        new Landscape.Series("PHASE2", "Phase 2"), new Landscape.Series("none", "Phase not stated")),
        new Landscape.Row("2015", "2015", List.of(2L, 0L, 1L))), "/x.csv");
    List<LandscapePage.Segment> s = v.bars().getFirst().segments();
    assertEquals(2, s.size());
    assertEquals(s.get(0).x() + s.get(0).width(), s.get(1).x());
    assertEquals("2015, Phase not stated: 1 trial", s.get(1).title());
    assertEquals(3, v.legend().size());
    assertEquals(3, v.fills().stream().map(LandscapePage.Fill::kind).distinct().count());
    assertEquals(List.of("Thing", "Phase 1", "Phase 2", "Phase not stated", "All"), v.header());
    assertEquals(List.of("2015", "2", "0", "1", "3"), v.table().getFirst());
  }

  @Test
  void axisStepsAreRoundAndFew() {
    assertEquals(1, ChartViews.step(1));
    assertEquals(1, ChartViews.step(6));
    assertEquals(2, ChartViews.step(7));
    assertEquals(5, ChartViews.step(26));
    assertEquals(100, ChartViews.step(512));
    assertEquals(200, ChartViews.step(1250));
  }

  @Test
  void aLongLabelIsShortenedToItsColumnWithAnEllipsis() {
    String label = ChartViews.label("Female urogenital diseases and pregnancy complications, and more words");
    assertTrue(label.endsWith("…") && label.length() <= (ChartViews.LABEL_WIDTH - 12) / 7, label);
    assertEquals("Neoplasms", ChartViews.label("Neoplasms"));
  }
}
