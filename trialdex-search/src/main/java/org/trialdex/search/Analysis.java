package org.trialdex.search;

import java.util.HashMap;
import java.util.Map;
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

/**
 * The analyzers of the index: how text is cut into words when indexed and when searched.
 *
 * <p>Text is split by the Unicode word rules, lowercased, folded to ASCII ({@code Sjögren} finds
 * {@code Sjogren}), stripped of English possessives and plural endings. Identifiers are split on
 * white space only and lowercased, so {@code AFT-05} stays one word. Meaning (synonyms, narrower
 * terms) is not the analyzers' business: conditions and interventions are mapped to concepts when
 * indexed ({@link Concepts}).
 */
final class Analysis {

  private static final int GAP_BETWEEN_VALUES = 100;

  private final Analyzer indexAnalyzer;
  private final Analyzer textAnalyzer;

  private Analysis() {
    textAnalyzer = new TextAnalyzer();
    Analyzer ids = new IdAnalyzer();
    Map<String, Analyzer> byField = new HashMap<>();
    for (String id : Schema.ID_TEXT_FIELDS) {
      byField.put(id, ids);
    }
    indexAnalyzer = new PerFieldAnalyzerWrapper(textAnalyzer, byField);
  }

  /** The one analysis of the index. */
  static Analysis standard() {
    return STANDARD;
  }

  private static final Analysis STANDARD = new Analysis();

  /** Per-field analysis used by the index writer. */
  Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** Per-field analysis used for query words: the same as for indexing. */
  Analyzer queryAnalyzer() {
    return indexAnalyzer;
  }

  /** The plain text analysis, for related-trial text. */
  Analyzer textAnalyzer() {
    return textAnalyzer;
  }

  private static final class TextAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream = new ASCIIFoldingFilter(stream);
      stream = new EnglishPossessiveFilter(stream);
      stream = new EnglishMinimalStemFilter(stream);
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
