package org.trialdex.core.celltherapy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trial's cell-therapy profile. Each list is empty when the record does not say; {@link
 * #cellTypes()} is empty when no cell product is given at all.
 *
 * @param cellTypes kinds of cell product given
 * @param sources tissues the cells come from
 * @param clonal stated clonal ({@code true}) or stated not clonal; null when not said
 * @param donors autologous or allogeneic, with the details stated (third-party, related...)
 * @param doses doses, one per arm or cohort
 * @param schedule number and timing of administrations
 * @param routes routes of administration
 * @param products named products as the record writes them
 * @param manufacturing manufacturing notes (passage, culture, cryopreserved or fresh...)
 */
public record CellTherapyProfile(List<Fact<CellType>> cellTypes, List<Fact<TissueSource>> sources,
    Fact<Boolean> clonal, List<Fact<Donor>> donors, List<Dose> doses, Schedule schedule,
    List<Fact<Route>> routes, List<Fact<String>> products, List<Fact<String>> manufacturing) {

  /** The profile of a record that gives no cell product. */
  public static final CellTherapyProfile NONE = new CellTherapyProfile(List.of(), List.of(), null, List.of(),
      List.of(), Schedule.UNKNOWN, List.of(), List.of(), List.of());

  public CellTherapyProfile {
    cellTypes = List.copyOf(cellTypes);
    sources = List.copyOf(sources);
    donors = List.copyOf(donors);
    doses = List.copyOf(doses);
    Objects.requireNonNull(schedule, "schedule");
    routes = List.copyOf(routes);
    products = List.copyOf(products);
    manufacturing = List.copyOf(manufacturing);
  }

  /** True when the record gives a cell product (or a cell-derived one). */
  public boolean hasProduct() {
    return !cellTypes.isEmpty();
  }

  public Set<CellType> cellTypeValues() {
    return values(cellTypes);
  }

  public Set<TissueSource> sourceValues() {
    return values(sources);
  }

  public Set<Donor> donorValues() {
    return values(donors);
  }

  public Set<Route> routeValues() {
    return values(routes);
  }

  /** Doses in cells per kilogram. */
  public List<Dose> cellsPerKg() {
    return doses.stream().filter(Dose::isCellsPerKg).toList();
  }

  private static <T> Set<T> values(List<Fact<T>> facts) {
    return facts.stream().map(Fact::value).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

}
