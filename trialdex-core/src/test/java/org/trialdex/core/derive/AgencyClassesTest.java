package org.trialdex.core.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.testing.SharedData;

/**
 * {@link AgencyClasses} against the classes ClinicalTrials.gov gave real organizations: the lead
 * sponsors and collaborators of the 1,480 MSC trials (classic fields, 2022) and of the 100 NSCLC
 * studies (API v2, 2025). Its rules were written from what the names of each class look like, not
 * fitted to these lists; the figures are printed and held to a floor.
 */
class AgencyClassesTest {

  private record Named(String name, String truth) {}

  @Test
  void handPickedNamesGetTheClassTheirNamesGiveAway() {
    // Each with the words that decide it.
    assertEquals(Optional.of(AgencyClass.INDUSTRY), AgencyClasses.of("Pfizer Inc.")); // company form
    assertEquals(Optional.of(AgencyClass.INDUSTRY), AgencyClasses.of("Mesoblast, Ltd.")); // company form
    assertEquals(Optional.of(AgencyClass.INDUSTRY), AgencyClasses.of("Vertex Pharmaceuticals Incorporated"));
    assertEquals(Optional.of(AgencyClass.INDUSTRY), AgencyClasses.of("RHEACELL GmbH & Co. KG"));
    assertEquals(Optional.of(AgencyClass.NIH), AgencyClasses.of("National Cancer Institute (NCI)"));
    assertEquals(Optional.of(AgencyClass.NIH), AgencyClasses.of("National Institute of Allergy and Infectious Diseases (NIAID)"));
    assertEquals(Optional.of(AgencyClass.FED), AgencyClasses.of("VA Office of Research and Development"));
    assertEquals(Optional.of(AgencyClass.FED), AgencyClasses.of("United States Department of Defense"));
    assertEquals(Optional.of(AgencyClass.OTHER_GOV), AgencyClasses.of("Ministry of Health, Brazil"));
    assertEquals(Optional.of(AgencyClass.OTHER), AgencyClasses.of("University of Texas MD Anderson Cancer Center"));
    assertEquals(Optional.of(AgencyClass.OTHER), AgencyClasses.of("Assistance Publique - Hôpitaux de Paris"));
    assertEquals(Optional.of(AgencyClass.OTHER), AgencyClasses.of("Hebei Medical University"));
    // Names that give nothing away, and no name.
    assertEquals(Optional.empty(), AgencyClasses.of("Isopogen"));
    assertEquals(Optional.empty(), AgencyClasses.of("Quanhai Li"));
    assertEquals(Optional.empty(), AgencyClasses.of(" "));
    assertEquals(Optional.empty(), AgencyClasses.of(null));
  }

  @Test
  void agreesWithClinicalTrialsGovOnNineInTenOrganizationsItClasses() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<Named> all = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(SharedData.mscClassic())) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode r = mapper.readTree(line);
        pairs(r.path("LeadSponsorName"), r.path("LeadSponsorClass"), all);
        pairs(r.path("CollaboratorName"), r.path("CollaboratorClass"), all);
      }
    }
    for (JsonNode s : mapper.readTree(SharedData.require("data/ctgov-api-v2/nsclcbench-100/ctg-studies.json").toFile())) {
      JsonNode sponsors = s.path("protocolSection").path("sponsorCollaboratorsModule");
      List<JsonNode> orgs = new ArrayList<>();
      orgs.add(sponsors.path("leadSponsor"));
      sponsors.path("collaborators").forEach(orgs::add);
      for (JsonNode o : orgs) {
        if (o.hasNonNull("name") && o.hasNonNull("class")) {
          all.add(new Named(o.get("name").asText(), o.get("class").asText()));
        }
      }
    }
    int known = 0;
    int classed = 0;
    int right = 0;
    TreeMap<String, int[]> byClass = new TreeMap<>();
    for (Named n : all) {
      if (n.truth().equals("UNKNOWN")) {
        continue; // ClinicalTrials.gov did not know either
      }
      known++;
      Optional<AgencyClass> c = AgencyClasses.of(n.name());
      if (c.isPresent()) {
        classed++;
        int[] counts = byClass.computeIfAbsent(c.get().name(), k -> new int[2]);
        counts[1]++;
        if (c.get().name().equals(n.truth())) {
          right++;
          counts[0]++;
        }
      }
    }
    double precision = (double) right / classed;
    double coverage = (double) classed / known;
    StringBuilder report = new StringBuilder(String.format(java.util.Locale.ROOT,
        "AgencyClasses: %d organizations with a known class, %d classed (%.1f%%), %d as ClinicalTrials.gov (%.1f%%)",
        known, classed, 100 * coverage, right, 100 * precision));
    byClass.forEach((k, v) -> report.append(String.format(java.util.Locale.ROOT, "; %s %d/%d", k, v[0], v[1])));
    System.out.println(report);
    assertTrue(known > 2000, report::toString);
    assertTrue(precision >= 0.88, report::toString);
    assertTrue(coverage >= 0.75, report::toString);
    // Industry and the NIH are what clients filter on most (sponsor class facets): held higher.
    assertTrue(byClass.get("INDUSTRY")[0] >= 0.9 * byClass.get("INDUSTRY")[1], report::toString);
    assertTrue(byClass.get("NIH")[0] >= 0.9 * byClass.get("NIH")[1], report::toString);
  }

  private static void pairs(JsonNode names, JsonNode classes, List<Named> out) {
    for (int i = 0; i < Math.min(names.size(), classes.size()); i++) {
      out.add(new Named(names.get(i).asText(), classes.get(i).asText()));
    }
  }
}
