package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequests;

/**
 * The Essie context operators, wildcards, synonym filters and repeated list parameters, searched
 * through the parameters as the API takes them, against sets worked out from the records' JSON by
 * regular expressions (not by the index's analysis).
 */
class EssieOperatorsTest extends IndexedSampleTest {

  private static Set<String> search(String... nameValues) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      params.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
    }
    params.put("pageSize", List.of("1000"));
    return sample.service.search(SearchRequests.parse(params)).hits().stream().map(Hit::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> expected(Predicate<JsonNode> test) {
    return sample.records.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Lower case, every run of other characters one space: how a reader compares words. */
  private static String plain(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  private static List<String> conditions(JsonNode r) {
    return texts(r.path("protocolSection").path("conditionsModule"), "conditions");
  }

  @Test
  void coverageFullMatchStartsWithAndEndsWithReadTheWholeValue() {
    // The sample's conditions: "NSCLC", "NSCLC Stage IV", "Advanced NSCLC", "NSCLC, Recurrent"...
    Set<String> whole = expected(r -> conditions(r).stream().anyMatch(c -> plain(c).equals("nsclc")));
    Set<String> starts = expected(r -> conditions(r).stream().anyMatch(c -> plain(c).matches("nsclc( .*)?")));
    Set<String> ends = expected(r -> conditions(r).stream().anyMatch(c -> plain(c).matches("(.* )?nsclc")));
    Set<String> contains = expected(r -> conditions(r).stream().anyMatch(c -> plain(c).matches("(.* )?nsclc( .*)?")));
    assertTrue(whole.size() > 5 && starts.size() > whole.size() && contains.size() > starts.size()
        && ends.size() > whole.size() && contains.size() > ends.size(),
        "whole " + whole.size() + ", starts " + starts.size() + ", ends " + ends.size() + ", contains " + contains.size());
    assertEquals(whole, search("query.term", "AREA[Condition]COVERAGE[FullMatch]NSCLC"));
    assertEquals(starts, search("query.term", "AREA[Condition]COVERAGE[StartsWith]nsclc"));
    assertEquals(ends, search("query.term", "COVERAGE[EndsWith]AREA[Condition]\"NSCLC\""));
    assertEquals(contains, search("query.term", "AREA[Condition]COVERAGE[Contains]NSCLC"));
    // Values are taken in any case; without quotes the operator takes the run of words as one term.
    Set<String> stage4 = expected(r -> conditions(r).stream().anyMatch(c -> plain(c).equals("nsclc stage iv")));
    assertFalse(stage4.isEmpty());
    assertEquals(stage4, search("query.term", "AREA[Condition]COVERAGE[fullmatch]NSCLC Stage IV"));
  }

  @Test
  void coverageOnAKeywordFieldMatchesTheFirstOrLastWordsOfItsValue() {
    Set<String> cityStartsSan = expected(r -> texts(r.path("protocolSection").path("contactsLocationsModule"),
        "locations", "city").stream().anyMatch(c -> plain(c).equals("san") || plain(c).startsWith("san ")));
    assertTrue(cityStartsSan.size() >= 3, "cities starting San: " + cityStartsSan);
    assertEquals(cityStartsSan, search("query.term", "AREA[LocationCity]COVERAGE[StartsWith]San"));
    Set<String> cityEndsCity = expected(r -> texts(r.path("protocolSection").path("contactsLocationsModule"),
        "locations", "city").stream().anyMatch(c -> plain(c).equals("city") || plain(c).endsWith(" city")));
    assertTrue(cityEndsCity.size() >= 2, "cities ending City: " + cityEndsCity);
    assertEquals(cityEndsCity, search("query.term", "AREA[LocationCity]COVERAGE[EndsWith]city"));
  }

  @Test
  void searchLocationNeedsBothConditionsAtOneSite() {
    // A city and a country that one study has at different sites but never together, worked out
    // from the records: the plain AND finds it, SEARCH[Location] must not.
    String city = null;
    String country = null;
    for (JsonNode r : sample.records.values()) {
      List<JsonNode> sites = IndexedSample.elements(r.path("protocolSection").path("contactsLocationsModule")
          .path("locations"));
      for (JsonNode a : sites) {
        for (JsonNode b : sites) {
          String c = a.path("city").asText("");
          String k = b.path("country").asText("");
          boolean together = sites.stream().anyMatch(s -> s.path("city").asText("").equals(c)
              && s.path("country").asText("").equals(k));
          if (!c.isEmpty() && !k.isEmpty() && !together && c.matches("[A-Za-z]+") && k.matches("[A-Za-z ]+")) {
            city = c;
            country = k;
          }
        }
      }
    }
    assertTrue(city != null, "the sample has a study with sites in two countries");
    String wantCity = city;
    String wantCountry = country;
    Set<String> atOneSite = expected(r -> IndexedSample.elements(r.path("protocolSection")
        .path("contactsLocationsModule").path("locations")).stream().anyMatch(s -> s.path("city").asText("")
        .equalsIgnoreCase(wantCity) && s.path("country").asText("").equalsIgnoreCase(wantCountry)));
    String both = "AREA[LocationCity]" + city + " AND AREA[LocationCountry]\"" + country + "\"";
    Set<String> anywhere = search("query.term", both);
    Set<String> oneSite = search("query.term", "SEARCH[Location](" + both + ")");
    assertEquals(atOneSite, oneSite, both);
    assertTrue(anywhere.containsAll(oneSite) && anywhere.size() > oneSite.size(), anywhere + " vs " + oneSite);
    // SEARCH[Study] is the default: the same as no SEARCH at all.
    assertEquals(anywhere, search("query.term", "SEARCH[Study](" + both + ")"));
    // Words naming no field, inside SEARCH[Location], are searched in the site's values.
    assertEquals(oneSite, search("query.term", "SEARCH[Location](" + city + " AND \"" + country + "\")"));
  }

  @Test
  void searchLocationWithNotFindsASiteOutsideTheExcludedPlace() {
    // Studies with a site outside the United States, worked out from the records.
    Set<String> someSiteElsewhere = expected(r -> IndexedSample.elements(r.path("protocolSection")
        .path("contactsLocationsModule").path("locations")).stream()
        .anyMatch(s -> !s.path("country").asText("").equals("United States")));
    assertEquals(someSiteElsewhere, search("query.term", "SEARCH[Location](NOT AREA[LocationCountry]\"United States\")"));
  }

  @Test
  void searchLocationRefusesFieldsASiteDoesNotHave() {
    SearchException e = assertThrows(SearchException.class,
        () -> search("query.term", "SEARCH[Location](AREA[Condition]cancer)"));
    assertTrue(e.getMessage().startsWith("SEARCH[Location](...) takes the fields of a site"), e.getMessage());
    e = assertThrows(SearchException.class,
        () -> search("query.term", "SEARCH[Location](AREA[StartDate]RANGE[2019, MAX])"));
    assertTrue(e.getMessage().startsWith("RANGE[...] does not apply inside SEARCH[Location]"), e.getMessage());
  }

  @Test
  void expansionTermKeepsTheWordsTogetherAndLossyTakesAnyOfThem() {
    Predicate<String> adjacent = t -> plain(t).matches("(.* )?advanced nsclcs?( .*)?");
    Predicate<String> both = t -> plain(t).matches("(.* )?advanced( .*)?") && plain(t).matches("(.* )?nsclcs?( .*)?");
    Predicate<String> either = t -> plain(t).matches("(.* )?(advanced|nsclcs?)( .*)?");
    Set<String> together = expected(r -> texts(r.path("protocolSection").path("identificationModule"), "briefTitle")
        .stream().anyMatch(adjacent));
    Set<String> anywhere = expected(r -> texts(r.path("protocolSection").path("identificationModule"), "briefTitle")
        .stream().anyMatch(both));
    Set<String> any = expected(r -> texts(r.path("protocolSection").path("identificationModule"), "briefTitle")
        .stream().anyMatch(either));
    assertTrue(together.size() > 5 && together.size() < anywhere.size() && anywhere.size() < any.size(),
        together.size() + " < " + anywhere.size() + " < " + any.size());
    assertEquals(together, search("query.term", "AREA[BriefTitle]EXPANSION[Term]advanced NSCLC"));
    assertEquals(together, search("query.term", "AREA[BriefTitle]EXPANSION[None]advanced NSCLC"));
    assertEquals(together, search("query.term", "AREA[BriefTitle]EXPANSION[Concept]advanced NSCLC"));
    assertEquals(anywhere, search("query.term", "AREA[BriefTitle]EXPANSION[Relaxation]advanced NSCLC"));
    assertEquals(anywhere, search("query.term", "AREA[BriefTitle]advanced NSCLC"));
    assertEquals(any, search("query.term", "AREA[BriefTitle]EXPANSION[Lossy]advanced NSCLC"));
  }

  @Test
  void expansionTermSearchesNoSynonyms() {
    // By meaning, "lung cancer" finds every record under Lung Neoplasms (NSCLC is below it);
    // EXPANSION[Term] only the records whose condition area has the two words together: the
    // conditions, titles, keywords and MeSH terms (ConditionSearch's parts).
    Predicate<String> words = t -> plain(t).matches("(.* )?lungs? cancers?( .*)?");
    Set<String> named = expected(r -> {
      JsonNode p = r.path("protocolSection");
      return java.util.stream.Stream.of(conditions(r), texts(p.path("identificationModule"), "briefTitle"),
          texts(p.path("identificationModule"), "officialTitle"), texts(p.path("conditionsModule"), "keywords"),
          texts(r.path("derivedSection").path("conditionBrowseModule"), "meshes", "term"),
          texts(r.path("derivedSection").path("conditionBrowseModule"), "ancestors", "term"))
          .flatMap(List::stream).anyMatch(words);
    });
    Set<String> byMeaning = search("query.cond", "lung cancer");
    assertTrue(named.size() > 10, "named: " + named.size());
    assertEquals(named, search("query.cond", "EXPANSION[Term]lung cancer"));
    assertTrue(byMeaning.containsAll(named) && byMeaning.size() > named.size(), byMeaning.size() + " vs " + named.size());
  }

  @Test
  void aWildcardMatchesWordsStartingSo() {
    Pattern osimert = Pattern.compile("\\bosimert\\w*", Pattern.CASE_INSENSITIVE);
    Set<String> titled = expected(r -> texts(r.path("protocolSection").path("identificationModule"), "briefTitle")
        .stream().anyMatch(t -> osimert.matcher(t).find()));
    assertFalse(titled.isEmpty());
    assertEquals(titled, search("query.term", "AREA[BriefTitle]osimert*"));
    assertEquals(titled, search("query.term", "AREA[BriefTitle]OSIMERT*"));
    QueryException e = assertThrows(QueryException.class, () -> search("query.term", "o*"));
    assertTrue(e.getMessage().contains("needs at least two characters before its first *"), e.getMessage());
    SearchException s = assertThrows(SearchException.class, () -> search("query.term", "AREA[StartDate]20*"));
    assertTrue(s.getMessage().startsWith("Wildcards apply to text fields"), s.getMessage());
  }

  @Test
  void synonymFiltersTakeConceptIdsAndRefuseClinicalTrialsGovNumbers() {
    // D002289: Carcinoma, Non-Small-Cell Lung. Every record whose derived MeSH terms hold it is
    // indexed under it; no record whose conditions and titles never mention lungs is.
    Set<String> meshed = expected(r -> texts(r.path("derivedSection").path("conditionBrowseModule"), "meshes", "id")
        .contains("D002289"));
    assertTrue(meshed.size() > 20, "records with D002289: " + meshed.size());
    Set<String> found = search("filter.synonyms", "ConditionSearch:D002289");
    assertTrue(found.containsAll(meshed), () -> "missing " + meshed.stream().filter(m -> !found.contains(m)).toList());
    for (String id : found) {
      JsonNode r = sample.records.get(id);
      String text = String.join(" ", conditions(r)) + " " + texts(r.path("protocolSection").path("identificationModule"),
          "officialTitle") + texts(r.path("protocolSection").path("identificationModule"), "briefTitle")
          + texts(r.path("protocolSection").path("conditionsModule"), "keywords");
      assertTrue(plain(text).contains("lung") || plain(text).contains("nsclc"), id + ": " + text);
    }
    // Within the query's studies (a filter narrows, never widens), and the same as postFilter.
    assertEquals(found, search("postFilter.synonyms", "ConditionSearch:D002289"));
    Set<String> pembro = search("query.intr", "pembrolizumab");
    Set<String> both = search("query.intr", "pembrolizumab", "filter.synonyms", "ConditionSearch:D002289");
    assertEquals(pembro.stream().filter(found::contains).collect(Collectors.toCollection(TreeSet::new)), both);
    QueryException e = assertThrows(QueryException.class, () -> search("filter.synonyms", "ConditionSearch:1651367"));
    assertTrue(e.getMessage().contains("1651367 is a ClinicalTrials.gov synonym id"), e.getMessage());
    e = assertThrows(QueryException.class, () -> search("filter.synonyms", "LocationSearch:D002289"));
    assertTrue(e.getMessage().contains("is not area:synonym_id"), e.getMessage());
    SearchException s = assertThrows(SearchException.class, () -> search("filter.synonyms", "ConditionSearch:D999999"));
    assertTrue(s.getMessage().startsWith("Unknown synonym id \"D999999\""), s.getMessage());
  }

  @Test
  void aListRepeatedIsOneListAndAScalarRepeatedDifferentlyIsAnError() {
    assertEquals(search("filter.overallStatus", "COMPLETED|RECRUITING"),
        search("filter.overallStatus", "COMPLETED", "filter.overallStatus", "RECRUITING"));
    assertEquals(search("query.cond", "lung cancer"), search("query.cond", "lung cancer", "query.cond", "lung cancer"));
    QueryException e = assertThrows(QueryException.class, () -> search("query.cond", "lupus", "query.cond", "sle"));
    assertTrue(e.getMessage().startsWith("query.cond: given 2 times with different values"), e.getMessage());
  }

  @Test
  void funderTypeSelectsTheLeadSponsorsOrAnyCollaboratorsClass() {
    Predicate<JsonNode> industry = r -> {
      JsonNode sponsors = r.path("protocolSection").path("sponsorCollaboratorsModule");
      return sponsors.path("leadSponsor").path("class").asText("").equals("INDUSTRY")
          || texts(sponsors, "collaborators", "class").contains("INDUSTRY");
    };
    Set<String> expected = expected(industry);
    Set<String> leadOnly = expected(r -> r.path("protocolSection").path("sponsorCollaboratorsModule")
        .path("leadSponsor").path("class").asText("").equals("INDUSTRY"));
    assertTrue(expected.size() > leadOnly.size() && !leadOnly.isEmpty(), expected.size() + " vs " + leadOnly.size());
    assertEquals(expected, search("aggFilters", "funderType:industry"));
    Set<String> nihOrIndustry = expected(r -> industry.test(r) || texts(r.path("protocolSection")
        .path("sponsorCollaboratorsModule"), "collaborators", "class").contains("NIH") || r.path("protocolSection")
        .path("sponsorCollaboratorsModule").path("leadSponsor").path("class").asText("").equals("NIH"));
    assertEquals(nihOrIndustry, search("aggFilters", "funderType:nih industry"));
  }
}
