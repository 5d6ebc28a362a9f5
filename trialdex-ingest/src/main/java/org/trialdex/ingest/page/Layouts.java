package org.trialdex.ingest.page;

import java.util.List;
import java.util.Locale;

/**
 * Names the layout a page was recognised as, for provenance and for the few rules that depend on
 * it. The parser reads every layout with the same vocabulary; the name says which family of site
 * the page came from:
 *
 * <ul>
 *   <li>{@code ctgov-classic}: the classic ClinicalTrials.gov record page ("Layout table for…",
 *       "Recruitment Status :", "Information provided by (Responsible Party)").
 *   <li>{@code portal-section-blurbs}: a portal that puts an explaining sentence under each heading.
 *   <li>{@code portal-list}: a portal that writes labels and values as dashed list items.
 *   <li>{@code portal-study-plan}: a portal with the modern ClinicalTrials.gov sections ("Study
 *       Overview", "Participation Criteria", "Study Plan", "Study record dates").
 *   <li>{@code generic}: anything else; labels are read all the same.
 * </ul>
 */
final class Layouts {

  static final String CLASSIC = "ctgov-classic";
  static final String BLURBS = "portal-section-blurbs";
  static final String LIST = "portal-list";
  static final String STUDY_PLAN = "portal-study-plan";
  static final String GENERIC = "generic";

  private Layouts() {}

  static String name(String page, List<Line> lines, Segmenter.Segments seg) {
    int classic = 0;
    for (String mark : new String[] {"Layout table for", "Recruitment Status :", "Information provided by (Responsible Party)",
        "Other Study ID Numbers:", "Ages Eligible for Study:", "Estimated Enrollment :", "Actual Enrollment :"}) {
      if (page.contains(mark)) {
        classic++;
      }
    }
    if (classic >= 2) {
      return CLASSIC;
    }
    int studyPlan = 0;
    int blurbs = 0;
    int dashedLabels = 0;
    int labels = 0;
    for (Segmenter.Block b : seg.blocks()) {
      String l = b.label().text().toLowerCase(Locale.ROOT);
      if (l.equals("study overview") || l.equals("participation criteria") || l.equals("study plan")
          || l.equals("study record dates") || l.equals("contacts and locations")) {
        studyPlan++;
      }
      labels++;
      if (b.label().marker() == Line.Marker.BULLET) {
        dashedLabels++;
      }
      for (Line x : b.lines()) {
        if (!x.empty()) {
          if (Vocabulary.blurb(x.text())) {
            blurbs++;
          }
          break;
        }
      }
    }
    if (studyPlan >= 2) {
      return STUDY_PLAN;
    }
    if (blurbs >= 3) {
      return BLURBS;
    }
    if (dashedLabels >= 4 && dashedLabels * 3 >= labels) {
      return LIST;
    }
    return GENERIC;
  }
}
