package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;

/**
 * The match page: the patient form (a short form, a note, or a FHIR bundle), and after a match, how
 * the patient was read and the ranked trials, each criterion marked and explained.
 *
 * @param form what the person entered, given back so that they can change it
 * @param error why the patient could not be read, when it could not
 * @param understood how the patient was read: one line per fact, with its evidence
 * @param question the question that would settle most unknowns, when there is one
 * @param cards the ranked trials
 * @param judged how many trials were judged
 * @param matched true once a patient was matched (an empty result is then a result)
 */
public record MatchPage(Form form, Optional<String> error, List<String> understood, Optional<String> question,
    List<Card> cards, int judged, boolean matched) {

  public MatchPage {
    understood = List.copyOf(understood);
    cards = List.copyOf(cards);
  }

  /**
   * The form's fields.
   *
   * @param mode which tab: form, note or fhir
   */
  public record Form(String mode, String age, String sex, String conditions, String medications, String labs,
      String ecog, String note, String fhir, boolean openOnly) {
    /** An empty form on the short-form tab, open trials only. */
    public static Form empty() {
      return new Form("form", "", "", "", "", "", "", "", "", true);
    }
  }

  /**
   * One ranked trial.
   *
   * @param verdictClass eligible, possibly or ineligible, for the badge's style
   * @param studyHref the trial's page with this match's verdicts in the fragment (the server never sees them)
   */
  public record Card(int rank, String nctId, String title, String status, String verdict, String verdictClass,
      String score, String summary, List<Line> criteria, String studyHref) {
    public Card {
      criteria = List.copyOf(criteria);
    }
  }

  /**
   * One criterion's verdict in plain words.
   *
   * @param mark "Met", "Not met", "Unknown" or "Does not apply"
   * @param markClass met, not-met, unknown or na
   */
  public record Line(String section, String text, String mark, String markClass, String why, boolean decides) {}
}
