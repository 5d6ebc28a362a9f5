package org.trialdex.core.derive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trialdex.core.geo.Gazetteer;
import org.trialdex.core.geo.Geocode;
import org.trialdex.core.geo.Precision;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.core.terms.Vocabulary.Area;

/**
 * Derives what ClinicalTrials.gov derives, where a record lacks it; a value the record has is never
 * replaced. Thread-safe.
 *
 * <ul>
 *   <li>{@code protocolSection.eligibilityModule.stdAges}: CHILD when the minimum age is under 18
 *       years, ADULT when the ages include any of 18 to 64, OLDER_ADULT when the maximum age is 65 or
 *       more (no minimum is 0, no maximum is no limit), as ClinicalTrials.gov groups them.
 *   <li>{@code hasResults}: whether the record has a results section.
 *   <li>{@code derivedSection.conditionBrowseModule}: the MeSH descriptors the conditions name and
 *       their ancestors, as ClinicalTrials.gov maps them (descriptor and ancestors); a condition that
 *       names a narrower concept (a Disease Ontology term, a curated concept) gives its nearest
 *       descriptors.
 *   <li>{@code derivedSection.interventionBrowseModule}: the same for intervention names and other
 *       names, over chemicals, drugs and procedures.
 *   <li>{@code ...BrowseModule.meshes[].id} and {@code .ancestors}: for a module whose source named
 *       descriptors without ids (the legacy XML), the ids of the names that are MeSH descriptors'
 *       and, when it had none, their ancestors.
 *   <li>{@code locations[].geoPoint}: the city centre from the {@link Gazetteer}, for sites whose city
 *       it knows (never a region's or a country's centre).
 *   <li>{@code leadSponsor.class}, {@code collaborators[].class}: the agency class the name gives
 *       away ({@link AgencyClasses}), {@code UNKNOWN} when it gives none, as ClinicalTrials.gov
 *       says of organizations it cannot class.
 *   <li>{@code identificationModule.organization}: the lead sponsor's name and class when the record
 *       names no organization (ClinicalTrials.gov's organization is the one that registered the
 *       study, most often its lead sponsor); its class alone when the record names one without a
 *       class: the lead sponsor's when it is the same organization, else read from its name.
 * </ul>
 */
public final class Derivation {

  /** Paths of the fields this class derives, as {@link Derived#paths()} lists them. */
  public static final String STD_AGES = "protocolSection.eligibilityModule.stdAges";
  public static final String HAS_RESULTS = "hasResults";
  public static final String CONDITION_BROWSE = "derivedSection.conditionBrowseModule";
  public static final String INTERVENTION_BROWSE = "derivedSection.interventionBrowseModule";
  /** The organization's name and class, from the lead sponsor (and its name) when the source had none. */
  public static final String ORGANIZATION = "protocolSection.identificationModule.organization";
  /** The lead sponsor's agency class, read from its name ({@link AgencyClasses}). */
  public static final String LEAD_SPONSOR_CLASS = "protocolSection.sponsorCollaboratorsModule.leadSponsor.class";
  /** The collaborators' agency classes, read from their names. */
  public static final String COLLABORATOR_CLASS = "protocolSection.sponsorCollaboratorsModule.collaborators.class";
  /** Sites' coordinates: the city centre, for sites with a known city and no coordinates of their own. */
  public static final String SITE_POINTS = "protocolSection.contactsLocationsModule.locations.geoPoint";

  private static final double ADULT_DAYS = new Age(18, Age.Unit.YEARS).days();
  private static final double OLDER_DAYS = new Age(65, Age.Unit.YEARS).days();

  private final Vocabulary vocabulary;
  private final StudyJson json = StudyJson.standard();

  /** Derives with this vocabulary for the browse modules. */
  public Derivation(Vocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /** The vocabulary the browse modules come from. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * A record with the derived fields it lacked.
   *
   * @param study the record, derived fields added
   * @param paths the paths derived, in {@link Derivation}'s order; empty when nothing was
   */
  public record Derived(Study study, List<String> paths) {
    public Derived {
      Objects.requireNonNull(study, "study");
      paths = List.copyOf(paths);
    }
  }

  /** {@code study} with what it lacked derived. */
  public Derived apply(Study study) {
    ObjectNode tree = json.mapper().valueToTree(study);
    List<String> paths = apply(tree);
    return new Derived(paths.isEmpty() ? study : json.read(tree), paths);
  }

  /** Adds what the record lacked to its v2 JSON tree, in place; the paths derived. */
  public List<String> apply(ObjectNode study) {
    List<String> paths = new ArrayList<>();
    JsonNode protocol = study.path("protocolSection");
    if (stdAges(protocol)) {
      paths.add(STD_AGES);
    }
    if (!study.hasNonNull("hasResults")) {
      study.put("hasResults", study.has("resultsSection") && !study.get("resultsSection").isEmpty());
      paths.add(HAS_RESULTS);
    }
    if (browse(study, "conditionBrowseModule", Area.CONDITION, texts(protocol.path("conditionsModule"), "conditions"))) {
      paths.add(CONDITION_BROWSE);
    } else {
      paths.addAll(completeBrowse(study, "conditionBrowseModule", Area.CONDITION));
    }
    List<String> interventions = new ArrayList<>();
    for (JsonNode i : protocol.path("armsInterventionsModule").path("interventions")) {
      interventions.addAll(texts(i, "name"));
      interventions.addAll(texts(i, "otherNames"));
    }
    if (browse(study, "interventionBrowseModule", Area.INTERVENTION, interventions)) {
      paths.add(INTERVENTION_BROWSE);
    } else {
      paths.addAll(completeBrowse(study, "interventionBrowseModule", Area.INTERVENTION));
    }
    if (sitePoints(protocol.path("contactsLocationsModule").path("locations"))) {
      paths.add(SITE_POINTS);
    }
    organizations(protocol, paths);
    return paths;
  }

  /** The agency classes of the lead sponsor, collaborators and organization, where they lack one. */
  private static void organizations(JsonNode protocol, List<String> paths) {
    JsonNode sponsors = protocol.path("sponsorCollaboratorsModule");
    if (sponsors.path("leadSponsor") instanceof ObjectNode lead && lead.hasNonNull("name") && !lead.hasNonNull("class")) {
      lead.put("class", agencyClass(lead.get("name").asText()));
      paths.add(LEAD_SPONSOR_CLASS);
    }
    boolean collaborators = false;
    for (JsonNode c : sponsors.path("collaborators")) {
      if (c instanceof ObjectNode collaborator && collaborator.hasNonNull("name") && !collaborator.hasNonNull("class")) {
        collaborator.put("class", agencyClass(collaborator.get("name").asText()));
        collaborators = true;
      }
    }
    if (collaborators) {
      paths.add(COLLABORATOR_CLASS);
    }
    if (!(protocol.path("identificationModule") instanceof ObjectNode identification)) {
      return;
    }
    JsonNode lead = sponsors.path("leadSponsor");
    JsonNode organization = identification.path("organization");
    String leadName = lead.path("name").asText("");
    if (!organization.hasNonNull("fullName")) {
      if (leadName.isBlank()) {
        return;
      }
      ObjectNode o = organization instanceof ObjectNode existing ? existing : identification.putObject("organization");
      o.put("fullName", leadName);
      if (!o.hasNonNull("class")) {
        o.put("class", lead.path("class").asText(agencyClass(leadName)));
      }
      paths.add(ORGANIZATION);
    } else if (!organization.hasNonNull("class") && organization instanceof ObjectNode o) {
      String name = o.get("fullName").asText();
      o.put("class", name.equalsIgnoreCase(leadName) && lead.hasNonNull("class") ? lead.get("class").asText()
          : agencyClass(name));
      paths.add(ORGANIZATION + ".class");
    }
  }

  private static String agencyClass(String name) {
    return AgencyClasses.of(name).orElse(org.trialdex.core.model.AgencyClass.UNKNOWN).name();
  }

  /**
   * Gives each site without coordinates its city's centre, when the gazetteer knows the city; a
   * region or country centre would be a point the site is not at, so those sites stay without one.
   */
  private static boolean sitePoints(JsonNode locations) {
    boolean any = false;
    for (JsonNode location : locations) {
      if (location instanceof ObjectNode site && !site.has("geoPoint") && site.hasNonNull("city")
          && site.hasNonNull("country")) {
        Optional<Geocode> place = Gazetteer.standard().locate(site.path("city").asText(),
            site.path("state").asText(null), site.path("country").asText());
        if (place.isPresent() && place.get().precision() == Precision.CITY) {
          site.putObject("geoPoint").put("lat", place.get().latitude()).put("lon", place.get().longitude());
          any = true;
        }
      }
    }
    return any;
  }

  private static boolean stdAges(JsonNode protocol) {
    if (!(protocol.path("eligibilityModule") instanceof ObjectNode eligibility)
        || (eligibility.has("stdAges") && !eligibility.get("stdAges").isEmpty())) {
      return false;
    }
    Optional<Double> min = limit(eligibility.path("minimumAge"), 0);
    Optional<Double> max = limit(eligibility.path("maximumAge"), Double.POSITIVE_INFINITY);
    if (min.isEmpty() || max.isEmpty() || min.get() > max.get()) {
      return false; // an age that cannot be read, or limits that contradict: groups would be guesses
    }
    ArrayNode groups = eligibility.putArray("stdAges");
    if (min.get() < ADULT_DAYS) {
      groups.add("CHILD");
    }
    if (min.get() < OLDER_DAYS && max.get() >= ADULT_DAYS) {
      groups.add("ADULT");
    }
    if (max.get() >= OLDER_DAYS) {
      groups.add("OLDER_ADULT");
    }
    return true;
  }

  private static Optional<Double> limit(JsonNode value, double none) {
    String text = value.isTextual() ? value.asText() : null;
    if (Age.meansNoLimit(text)) {
      return Optional.of(none);
    }
    return Age.parse(text).map(Age::days);
  }

  /**
   * Completes a browse module whose source gave descriptor names without ids (the legacy XML's
   * {@code <mesh_term>}): each name that is a MeSH descriptor's gets its id, and the ancestors,
   * when the module has none, are those of the ids. Returns the paths completed.
   */
  private List<String> completeBrowse(ObjectNode study, String module, Area area) {
    if (!(study.path("derivedSection").path(module) instanceof ObjectNode browse)) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    Map<String, Concept> known = new LinkedHashMap<>();
    boolean ids = false;
    for (JsonNode m : browse.path("meshes")) {
      if (m instanceof ObjectNode mesh && !mesh.hasNonNull("id") && mesh.hasNonNull("term")) {
        String term = mesh.get("term").asText();
        Optional<Concept> descriptor = vocabulary.lookup(area, term).stream()
            .filter(c -> c.mesh() && c.name().equalsIgnoreCase(term)).findFirst();
        if (descriptor.isPresent()) {
          mesh.put("id", descriptor.get().id());
          ids = true;
        }
      }
      String id = m.path("id").asText("");
      vocabulary.concept(id).filter(Concept::mesh).ifPresent(c -> known.putIfAbsent(c.id(), c));
    }
    if (ids) {
      paths.add("derivedSection." + module + ".meshes.id");
    }
    if (ids && browse.path("ancestors").isEmpty() && !known.isEmpty()) {
      Map<String, Concept> ancestors = ancestors(known);
      if (!ancestors.isEmpty()) {
        ArrayNode array = browse.putArray("ancestors");
        ancestors.values().forEach(c -> array.addObject().put("id", c.id()).put("term", c.name()));
        paths.add("derivedSection." + module + ".ancestors");
      }
    }
    return paths;
  }

  private Map<String, Concept> ancestors(Map<String, Concept> meshes) {
    Map<String, Concept> ancestors = new LinkedHashMap<>();
    for (String id : meshes.keySet()) {
      for (String up : vocabulary.closure(id)) {
        Concept c = vocabulary.concept(up).orElseThrow();
        if (c.mesh() && !meshes.containsKey(c.id())) {
          ancestors.putIfAbsent(c.id(), c);
        }
      }
    }
    return ancestors;
  }

  private boolean browse(ObjectNode study, String module, Area area, List<String> texts) {
    JsonNode existing = study.path("derivedSection").path(module);
    if (existing.path("meshes").size() > 0 || texts.isEmpty()) {
      return false;
    }
    Map<String, Concept> meshes = new LinkedHashMap<>();
    for (String text : texts) {
      for (Vocabulary.Match m : vocabulary.find(area, text)) {
        for (Concept d : vocabulary.mesh(m.concept().id())) {
          meshes.putIfAbsent(d.id(), d);
        }
      }
    }
    if (meshes.isEmpty()) {
      return false;
    }
    Map<String, Concept> ancestors = ancestors(meshes);
    ObjectNode derived = study.has("derivedSection") && study.get("derivedSection") instanceof ObjectNode d ? d
        : study.putObject("derivedSection");
    ObjectNode browse = derived.putObject(module);
    ArrayNode meshArray = browse.putArray("meshes");
    meshes.values().forEach(c -> meshArray.addObject().put("id", c.id()).put("term", c.name()));
    ArrayNode ancestorArray = browse.putArray("ancestors");
    ancestors.values().forEach(c -> ancestorArray.addObject().put("id", c.id()).put("term", c.name()));
    return true;
  }

  private static List<String> texts(JsonNode node, String field) {
    JsonNode value = node.path(field);
    List<String> texts = new ArrayList<>();
    if (value.isTextual() && !value.asText().isBlank()) {
      texts.add(value.asText());
    } else if (value.isArray()) {
      value.forEach(v -> {
        if (v.isTextual() && !v.asText().isBlank()) {
          texts.add(v.asText());
        }
      });
    }
    return texts;
  }
}
