package org.trialdex.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of the index: how text is cut into words when indexed and when searched.
 *
 * <p>Text is split by the Unicode word rules, lowercased, folded to ASCII ({@code Sjögren} finds
 * {@code Sjogren}), stripped of English possessives and plural endings. Identifiers are split on
 * white space only and lowercased, so {@code AFT-05} stays one word. Condition synonyms
 * ({@value #SYNONYMS}, Solr format) apply when searching the condition area only, so a changed
 * synonym list needs no reindexing.
 */
final class Analysis {

  /** The classpath resource holding condition synonyms; optional. */
  static final String SYNONYMS = "/org/trialdex/search/condition-synonyms.txt";

  private static final int GAP_BETWEEN_VALUES = 100;

  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;
  private final Analyzer textAnalyzer;

  private Analysis(Optional<SynonymMap> conditionSynonyms) {
    textAnalyzer = new TextAnalyzer(Optional.empty());
    Analyzer ids = new IdAnalyzer();
    Map<String, Analyzer> indexing = new HashMap<>();
    Map<String, Analyzer> querying = new HashMap<>();
    for (String id : Schema.ID_TEXT_FIELDS) {
      indexing.put(id, ids);
      querying.put(id, ids);
    }
    Analyzer withSynonyms = conditionSynonyms.<Analyzer>map(s -> new TextAnalyzer(Optional.of(s))).orElse(textAnalyzer);
    for (String condition : Schema.SYNONYM_FIELDS) {
      querying.put(condition, withSynonyms);
    }
    indexAnalyzer = new PerFieldAnalyzerWrapper(textAnalyzer, indexing);
    queryAnalyzer = new PerFieldAnalyzerWrapper(textAnalyzer, querying);
  }

  /** The standard analysis: condition synonyms from {@link #SYNONYMS} when that resource exists. */
  static Analysis standard() {
    try (InputStream in = Analysis.class.getResourceAsStream(SYNONYMS)) {
      if (in == null) {
        return new Analysis(Optional.empty());
      }
      return new Analysis(Optional.of(parse(new InputStreamReader(in, StandardCharsets.UTF_8), SYNONYMS)));
    } catch (IOException e) {
      throw new SearchException("Cannot read the condition synonyms " + SYNONYMS + ": " + e.getMessage(), e);
    }
  }

  /** Analysis with these condition synonyms (Solr format) instead of the resource: for tests and tools. */
  static Analysis withConditionSynonyms(String solrSynonyms) {
    return new Analysis(Optional.of(parse(new StringReader(solrSynonyms), "the given synonyms")));
  }

  private static SynonymMap parse(Reader reader, String source) {
    try (Analyzer analyzer = new TextAnalyzer(Optional.empty())) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
      parser.parse(reader);
      return parser.build();
    } catch (ParseException e) {
      throw new SearchException("Cannot parse the condition synonyms in " + source + " near character "
          + e.getErrorOffset() + ": " + e.getMessage() + "; each line must be 'a, b, c' or 'a => b' (Solr format)", e);
    } catch (IOException e) {
      throw new SearchException("Cannot read the condition synonyms in " + source + ": " + e.getMessage(), e);
    }
  }

  /** Per-field analysis used by the index writer. */
  Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** Per-field analysis used for query words, with condition synonyms. */
  Analyzer queryAnalyzer() {
    return queryAnalyzer;
  }

  /** The plain text analysis, for related-trial text. */
  Analyzer textAnalyzer() {
    return textAnalyzer;
  }

  private static final class TextAnalyzer extends Analyzer {
    private final Optional<SynonymMap> synonyms;

    TextAnalyzer(Optional<SynonymMap> synonyms) {
      this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream = new ASCIIFoldingFilter(stream);
      stream = new EnglishPossessiveFilter(stream);
      stream = new EnglishMinimalStemFilter(stream);
      if (synonyms.isPresent()) {
        stream = new SynonymGraphFilter(stream, synonyms.get(), true);
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return GAP_BETWEEN_VALUES;
    }
  }

  private static final class IdAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new WhitespaceTokenizer();
      return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return GAP_BETWEEN_VALUES;
    }
  }
}
