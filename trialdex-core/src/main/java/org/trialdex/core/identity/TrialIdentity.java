package org.trialdex.core.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.SecondaryIdInfo;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.RecordIds;

/**
 * The rules that say which stored records are the same trial as a record coming in. They decide
 * from values only; the store finds the candidates and makes the links.
 *
 * <ul>
 *   <li>A record without an NCT id is the NCT record whose titles match its own
 *       ({@link TitleKeys#match}), when exactly one NCT record does: two NCT records with the
 *       same titles are two trials as far as we can tell, and linking either would be a guess.
 *   <li>A registry record (with an NCT id) is joined by every stored record without an NCT id that
 *       it lists among its identifiers (its organization's study id and its secondary ids), then by
 *       every one whose titles match its own; each record once.
 * </ul>
 */
public final class TrialIdentity {

  private TrialIdentity() {}

  /**
   * The NCT record that an incoming record without an NCT id is the same trial as.
   *
   * @param id the incoming record's id; an NCT id joins no other record, so gives empty
   * @param titles the incoming record's title keys
   * @param candidates stored records, as found by the incoming record's brief title key; those
   *     whose titles do not match and those without an NCT id are ignored
   * @return the link to the one matching NCT record, or empty when none or several match
   */
  public static Optional<SameTrial> registryRecordOf(String id, TitleKeys titles, List<Candidate> candidates) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(titles, "titles");
    if (RecordIds.isNctId(id)) {
      return Optional.empty();
    }
    List<String> matching = candidates.stream()
        .filter(c -> RecordIds.isNctId(c.id()) && titles.match(c.titles()))
        .map(Candidate::id)
        .toList();
    return matching.size() == 1 ? Optional.of(SameTrial.byTitles(id, matching.getFirst())) : Optional.empty();
  }

  /**
   * The stored records without an NCT id that are the same trial as a registry record.
   *
   * @param registry the registry record; its NCT id is {@code protocolSection.identificationModule.nctId}
   * @param nctId the id the registry record is stored under
   * @param storedListedIds which of {@link #otherIdsListedBy(Study) the ids it lists} are stored
   *     records now
   * @param titleCandidates stored records, as found by the registry record's brief title key; NCT
   *     records and those whose titles do not match are ignored
   * @return the links, those by listed id first in the order the record lists them, then those by
   *     titles in the order of the candidates; each alias once
   * @throws IllegalArgumentException when {@code nctId} is not an NCT id
   */
  public static List<SameTrial> recordsJoining(Study registry, String nctId, Set<String> storedListedIds,
      List<Candidate> titleCandidates) {
    Objects.requireNonNull(registry, "registry");
    if (!RecordIds.isNctId(nctId)) {
      throw new IllegalArgumentException("'" + nctId + "' is not an NCT id: only a registry record is joined"
          + " by records without one");
    }
    TitleKeys titles = TitleKeys.of(registry);
    Set<String> joined = new LinkedHashSet<>();
    List<SameTrial> links = new ArrayList<>();
    for (String id : otherIdsListedBy(registry)) {
      if (storedListedIds.contains(id) && joined.add(id)) {
        links.add(SameTrial.byListedId(id, nctId));
      }
    }
    for (Candidate c : titleCandidates) {
      if (!RecordIds.isNctId(c.id()) && titles.match(c.titles()) && joined.add(c.id())) {
        links.add(SameTrial.byTitles(c.id(), nctId));
      }
    }
    return links;
  }

  /**
   * The ids other than NCT ids that a record lists among its identifiers: its organization's study
   * id, then its secondary ids, stripped, each once, in that order.
   */
  public static List<String> otherIdsListedBy(Study study) {
    var ps = Objects.requireNonNull(study, "study").protocolSection();
    IdentificationModule ident = ps == null ? null : ps.identificationModule();
    if (ident == null) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    if (ident.orgStudyIdInfo() != null && ident.orgStudyIdInfo().id() != null) {
      ids.add(ident.orgStudyIdInfo().id().strip());
    }
    if (ident.secondaryIdInfos() != null) {
      for (SecondaryIdInfo info : ident.secondaryIdInfos()) {
        if (info.id() != null) {
          ids.add(info.id().strip());
        }
      }
    }
    ids.removeIf(RecordIds::isNctId);
    return List.copyOf(ids);
  }
}
