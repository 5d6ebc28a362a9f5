package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The curated condition synonym file parses as Lucene reads it and holds the groups search relies on. */
class ConditionSynonymsFileTest {

  private static final String FILE = "/org/trialdex/search/condition-synonyms.txt";

  /** Standard tokens, lower case; with {@code stopWords}, English stop words removed too. */
  private static Analyzer analyzer(boolean stopWords) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        if (stopWords) {
          stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  private static SynonymMap load(Analyzer analyzer) throws IOException, java.text.ParseException {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
    try (InputStream in = ConditionSynonymsFileTest.class.getResourceAsStream(FILE)) {
      assertTrue(in != null, FILE + " is on the classpath");
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return parser.build();
  }

  /** Every term the synonym filter emits for {@code text}. */
  private static Set<String> expand(SynonymMap map, String text) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    Analyzer base = analyzer(false);
    try (TokenStream stream = new SynonymGraphFilter(base.tokenStream("f", text), map, true)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  private static void assertSynonyms(SynonymMap map, String query, String... others) throws IOException {
    Set<String> expanded = expand(map, query);
    for (String other : others) {
      for (String token : other.toLowerCase(java.util.Locale.ROOT).split("[\\s\\-]+")) {
        assertTrue(expanded.contains(token), query + " expands to " + expanded + ", missing " + token + " of " + other);
      }
    }
  }

  @Test
  void theFileParsesWithAndWithoutStopWordRemoval() throws Exception {
    assertTrue(load(analyzer(false)).maxHorizontalContext > 1);
    assertTrue(load(analyzer(true)).maxHorizontalContext > 1);
  }

  @Test
  void theRequiredGroupsAreEquivalent() throws Exception {
    SynonymMap map = load(analyzer(false));
    assertSynonyms(map, "aGVHD", "acute graft-versus-host disease", "acute GvHD", "acute graft versus host disease");
    assertSynonyms(map, "acute graft versus host disease", "aGVHD");
    assertSynonyms(map, "GvHD", "graft-versus-host disease", "graft vs host disease");
    assertSynonyms(map, "graft versus host disease", "GVHD");
    assertSynonyms(map, "cGVHD", "chronic graft versus host disease");
    assertSynonyms(map, "SLE", "systemic lupus erythematosus", "lupus");
    assertSynonyms(map, "pSS", "primary Sjögren's syndrome", "Sjogren syndrome");
    assertSynonyms(map, "HSCT", "hematopoietic stem cell transplantation", "haematopoietic stem cell transplant", "BMT");
    assertSynonyms(map, "MSC", "mesenchymal stem cells", "mesenchymal stromal cell");
    assertSynonyms(map, "ARDS", "acute respiratory distress syndrome");
    assertSynonyms(map, "RA", "rheumatoid arthritis");
    assertSynonyms(map, "MS", "multiple sclerosis");
    assertSynonyms(map, "COVID-19", "COVID", "SARS-CoV-2 infection", "coronavirus disease 2019");
    assertSynonyms(map, "coronavirus disease 2019", "COVID");
    assertSynonyms(map, "OA", "osteoarthritis");
    assertSynonyms(map, "knee OA", "knee osteoarthritis");
    assertSynonyms(map, "ALS", "amyotrophic lateral sclerosis");
    assertSynonyms(map, "T1DM", "type 1 diabetes");
    assertSynonyms(map, "Crohn's disease", "Crohn disease");
    assertSynonyms(map, "leukaemia", "leukemia");
  }

  @Test
  void ambiguousAbbreviationsAreNotExpanded() throws Exception {
    SynonymMap map = load(analyzer(false));
    // CD (markers, coeliac), UC (umbilical cord in MSC records), PD, AD, ED: left out on purpose.
    for (String abbreviation : List.of("cd", "uc", "pd", "ad", "ed", "pad", "bpd", "scd", "aa")) {
      assertEquals(Set.of(abbreviation), expand(map, abbreviation), abbreviation);
    }
  }

  /** A term in two groups would silently merge them; the file stays a few hundred lines. */
  @Test
  void eachTermBelongsToOneGroupAndTheFileStaysSmall() throws IOException {
    Map<String, Integer> groupOfTerm = new HashMap<>();
    int lines = 0;
    try (Reader reader = new InputStreamReader(
        ConditionSynonymsFileTest.class.getResourceAsStream(FILE), StandardCharsets.UTF_8)) {
      List<String> all = new java.io.BufferedReader(reader).lines().toList();
      lines = all.size();
      for (int i = 0; i < all.size(); i++) {
        String line = all.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        assertTrue(!line.contains("=>"), "line " + (i + 1) + " is an equivalence group, not a mapping");
        for (String term : line.split(",")) {
          String key = term.strip().replaceAll("[\\s\\-]+", " ");
          Integer previous = groupOfTerm.put(key, i + 1);
          assertTrue(previous == null || previous == i + 1,
              "\"" + key + "\" is in the groups on lines " + previous + " and " + (i + 1));
        }
      }
    }
    assertTrue(lines < 300, lines + " lines");
  }
}
