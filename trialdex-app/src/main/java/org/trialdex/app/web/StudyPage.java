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
    TakePart takePart,
    List<Parts.Row> overview,
    Optional<CellPanel> cellTherapy,
    Optional<TrustPanel> trustSignals,
    List<Rich> summary, List<Rich> description,
    List<String> conditions, List<String> keywords,
    List<Parts.Row> design, List<Parts.Row> oversight,
    List<Arm> arms, List<Treatment> interventions,
    List<OutcomeItem> primaryOutcomes, List<OutcomeItem> secondaryOutcomes, List<OutcomeItem> otherOutcomes,
    Optional<Eligibility> eligibility,
    List<Person> centralContacts, List<Site> sites,
    Optional<String> leadSponsor, List<String> collaborators, Optional<String> responsibleParty,
    List<Person> investigators,
    List<Citation> references, List<Parts.Link> seeAlso,
    List<Parts.Row> identifiers,
    List<Parts.Row> recordDates,
    Optional<Results> results, List<Document> documents,
    List<Related> related,
    List<String> notes,
    List<ConflictItem> conflicts, List<FindingItem> findings, List<SourceItem> sourceViews,
    int versionCount, List<String> sources, String historyHref,
    PrintInfo print) {

  /** How many sites the page lists before folding the rest under their count. */
  public static final int SITES_OPEN = 10;

  /**
   * The "Can I take part?" box: the status and phases with what they mean, who can join, where,
   * whom to ask, in words.
   *
   * @param status "Recruiting: the trial is enrolling participants now.", when the record gives a status
   * @param recruiting whether the status says the trial takes participants now (the box is then marked open)
   * @param whyStopped the sponsor's reason for stopping, when given
   * @param phases one sentence per phase
   * @param ages the age range in words
   * @param sex who can join by sex, when the record says
   * @param healthyVolunteers whether healthy volunteers can join, in words
   * @param places the nearest sites (to {@code near}) or the first few
   * @param placesNote how the places were chosen ("Nearest to Boston", "3 of 437 sites")
   * @param contacts whom to contact, with tel: and mailto: links
   * @param contactNote what to do when the record names no central contact
   * @param hasCriteria whether the page lists eligibility criteria to link to
   */
  public record TakePart(Optional<String> status, boolean recruiting, Optional<String> whyStopped, List<String> phases,
      String ages, Optional<String> sex, String healthyVolunteers, List<Site> places, String placesNote,
      List<Reach> contacts, Optional<String> contactNote, boolean hasCriteria) {}

  /** A contact with links: {@code tel:} for the phone, {@code mailto:} for the email. */
  public record Reach(String name, Optional<String> role, Optional<Parts.Link> phone, Optional<Parts.Link> email) {}

  /** A posted document (protocol, analysis plan, consent form). */
  public record Document(String label, Optional<String> href, String about) {}

  /** One source's view of the trial, for researchers: what kind of source, which file (name only), which version. */
  public record SourceItem(String kind, String file, int version, String recordedAt, boolean authoritative) {}

  /**
   * What a printed copy says about itself: where it was printed from, when, and how fresh the record is.
   *
   * @param url the page's address
   * @param printedOn the date the page was made (UTC), e.g. 2026-12-01
   * @param lastUpdated the registry's last update date, when the record gives one
   * @param retrieved when trialdex last stored a version of the record (UTC date)
   */
  public record PrintInfo(String url, String printedOn, Optional<String> lastUpdated, String retrieved) {}

  /** An arm with its description as written (doses typeset) and the interventions it gets. */
  public record Arm(String label, Optional<String> type, Optional<Rich> description, List<String> interventions) {}

  /** An intervention. */
  public record Treatment(Rich name, Optional<String> type, Optional<Rich> description, List<String> otherNames,
      List<String> arms) {}

  /** A planned outcome measure. */
  public record OutcomeItem(String measure, Optional<String> description, Optional<String> timeFrame) {}

  /** Who may take part: the facts, then the criteria as lists (nested as the record nests them). */
  public record Eligibility(List<Parts.Row> facts, Optional<String> studyPopulation, Criteria criteria) {}

  /** A person: contact, investigator or site contact. {@code details} is role, affiliation, phone, email as present. */
  public record Person(String name, List<String> details) {}

  /** A site with its recruitment status, and its distance when the page was asked for sites near a place. */
  public record Site(String facility, String place, Optional<String> status, List<Person> contacts,
      Optional<String> distance) {}

  /** A reference; {@code pubmed} links to PubMed when the record gives a PMID. */
  public record Citation(String citation, Optional<String> type, Optional<Parts.Link> pubmed) {}

  /**
   * Posted results: participant flow, baseline, each outcome with its analyses, the adverse-event
   * counts (the lists of events folded under their counts), limitations and the results contact.
   */
  public record Results(List<Parts.Table> participantFlow, List<Parts.Table> baseline,
      List<OutcomeResult> outcomeMeasures, List<Parts.Table> adverseEvents, List<Folded> eventLists,
      Optional<String> limitations, List<Parts.Row> pointOfContact) {}

  /**
   * One outcome's results: the table (number analysed first), what it measures, in whom, and the
   * statistical analyses.
   */
  public record OutcomeResult(boolean primary, Parts.Table table, Optional<String> description,
      Optional<String> population, Optional<String> reportingStatus, List<Analysis> analyses) {}

  /** A statistical analysis: the groups it compares and its figures (method, estimate, CI, p-value...). */
  public record Analysis(String groups, List<Parts.Row> rows) {}

  /** A long table shown folded: the summary says what and how many. */
  public record Folded(String summary, Parts.Table table) {}

  /** A similar trial and what it shares with this one. */
  public record Related(String id, String href, String title, List<String> shared) {}

  /** Where this trial's sources disagree: the value kept and the others; {@code field} is the path in words. */
  public record ConflictItem(String path, String field, String message, String kept, List<String> others) {}

  /** A data-quality finding of the validator; {@code field} is its path in words. */
  public record FindingItem(String severity, String rule, String path, String field, String message) {}
}
