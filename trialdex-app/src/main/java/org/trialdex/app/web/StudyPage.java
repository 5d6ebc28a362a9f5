package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;

/**
 * Everything the study page shows, in the order it shows it. Empty lists and empty optionals are
 * sections the record lacks; the template leaves them out, headings included. The summary,
 * description, arms and interventions carry the cell-therapy panel's evidence as highlights; the
 * trust signals (as of today, by the application's clock) follow the cell-therapy panel.
 */
public record StudyPage(
    String nctId, String title, Optional<String> officialTitle, Optional<String> acronym,
    List<Parts.Row> overview,
    Optional<CellPanel> cellTherapy,
    Optional<TrustPanel> trustSignals,
    List<Rich> summary, List<Rich> description,
    List<String> conditions, List<String> keywords,
    List<Parts.Row> design,
    List<Arm> arms, List<Treatment> interventions,
    List<OutcomeItem> primaryOutcomes, List<OutcomeItem> secondaryOutcomes, List<OutcomeItem> otherOutcomes,
    Optional<Eligibility> eligibility,
    List<Person> centralContacts, List<Site> sites,
    Optional<String> leadSponsor, List<String> collaborators, Optional<String> responsibleParty,
    List<Person> investigators,
    List<Citation> references, List<Parts.Link> seeAlso,
    List<Parts.Row> identifiers,
    List<Parts.Row> recordDates,
    Optional<Results> results,
    List<Related> related,
    List<ConflictItem> conflicts, List<FindingItem> findings,
    int versionCount, List<String> sources, String historyHref) {

  /** An arm with its description as written (doses typeset) and the interventions it gets. */
  public record Arm(String label, Optional<String> type, Optional<Rich> description, List<String> interventions) {}

  /** An intervention. */
  public record Treatment(Rich name, Optional<String> type, Optional<Rich> description, List<String> otherNames,
      List<String> arms) {}

  /** A planned outcome measure. */
  public record OutcomeItem(String measure, Optional<String> description, Optional<String> timeFrame) {}

  /** Who may take part: the facts, then the criteria as lists. */
  public record Eligibility(List<Parts.Row> facts, Optional<String> studyPopulation, Criteria criteria) {}

  /** A person: contact, investigator or site contact. {@code details} is role, affiliation, phone, email as present. */
  public record Person(String name, List<String> details) {}

  /** A site with its recruitment status. */
  public record Site(String facility, String place, Optional<String> status, List<Person> contacts) {}

  /** A reference; {@code pubmed} links to PubMed when the record gives a PMID. */
  public record Citation(String citation, Optional<String> type, Optional<Parts.Link> pubmed) {}

  /** Posted results, each part as tables. */
  public record Results(List<Parts.Table> participantFlow, List<Parts.Table> baseline,
      List<Parts.Table> outcomeMeasures, List<Parts.Table> adverseEvents) {}

  /** A similar trial and what it shares with this one. */
  public record Related(String id, String href, String title, List<String> shared) {}

  /** Where this trial's sources disagree: the value kept and the others. */
  public record ConflictItem(String path, String message, String kept, List<String> others) {}

  /** A data-quality finding of the validator. */
  public record FindingItem(String severity, String rule, String path, String message) {}
}
