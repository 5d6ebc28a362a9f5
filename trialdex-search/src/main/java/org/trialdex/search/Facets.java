package org.trialdex.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Facet counting: for each requested dimension, how many matching studies have each value. Each
 * dimension is a sorted-set doc-values field written by {@link Schema#document}; counting walks
 * the matching documents once, by ordinal per segment, then merges segments by value.
 */
final class Facets {

  /**
   * The facet dimensions, by the names {@code facets=} takes. Values are v2 spellings; the
   * cell-therapy dimensions (trialdex's own, issue #11) count the profile's codes ({@code msc}), and
   * {@code trust} the trust-signal kind codes as of indexing, {@code none} for a record without one.
   */
  enum Dimension {
    STATUS("status", StudyView::overallStatus),
    PHASE("phase", StudyView::phases),
    STUDY_TYPE("studyType", StudyView::studyType),
    INTERVENTION_TYPE("interventionType", StudyView::interventionTypes),
    SPONSOR_CLASS("sponsorClass", StudyView::leadSponsorClass),
    COUNTRY("country", StudyView::locationCountries),
    SEX("sex", StudyView::sexesOpenTo),
    AGE_GROUP("ageGroup", StudyView::stdAges),
    HEALTHY("healthy", StudyView::healthyVolunteers),
    RESULTS("results", StudyView::hasResults),
    CONDITION("condition", StudyView::conditionMeshTerms),
    CELL_TYPE("cellType", StudyView::cellTypes),
    CELL_SOURCE("cellSource", StudyView::cellSources),
    CELL_DONOR("cellDonor", StudyView::cellDonors),
    CELL_ROUTE("cellRoute", StudyView::cellRoutes),
    TRUST("trust", StudyView::trustFacetValues);

    private final String facetName;
    private final Function<StudyView, List<String>> values;

    Dimension(String facetName, Function<StudyView, List<String>> values) {
      this.facetName = facetName;
      this.values = values;
    }

    String facetName() {
      return facetName;
    }

    List<String> values(StudyView view) {
      return values.apply(view);
    }

    String docValuesField() {
      return "_facet." + facetName;
    }
  }

  private static final Map<String, Dimension> BY_NAME = Arrays.stream(Dimension.values())
      .collect(Collectors.toMap(d -> d.facetName().toLowerCase(Locale.ROOT), d -> d));

  private Facets() {}

  /** The facet names {@code facets=} accepts, besides {@code all}. */
  static List<String> names() {
    return Arrays.stream(Dimension.values()).map(Dimension::facetName).toList();
  }

  /**
   * Reads {@code facets=}: {@code all}, or names, each entry possibly a comma list.
   *
   * @throws SearchException naming the unknown facet and the accepted ones
   */
  static List<Dimension> parse(List<String> requested) {
    Set<Dimension> dims = new LinkedHashSet<>();
    for (String entry : requested) {
      for (String name : entry.split(",")) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
          continue;
        }
        if (key.equals("all")) {
          dims.addAll(EnumSet.allOf(Dimension.class));
          continue;
        }
        Dimension d = BY_NAME.get(key);
        if (d == null) {
          throw new SearchException("Unknown facet \"" + name.strip() + "\" in facets; accepted: all, "
              + String.join(", ", names()));
        }
        dims.add(d);
      }
    }
    return List.copyOf(dims);
  }

  /** A collector manager counting {@code dims} over the matching documents. */
  static CollectorManager<Counter, List<Facet>> counting(List<Dimension> dims) {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter(dims);
      }

      @Override
      public List<Facet> reduce(java.util.Collection<Counter> counters) {
        List<Facet> facets = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
          Map<String, Long> merged = new HashMap<>();
          for (Counter c : counters) {
            c.counts.get(i).forEach((k, v) -> merged.merge(k, v, Long::sum));
          }
          List<FacetValue> values = merged.entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
              .map(e -> new FacetValue(e.getKey(), e.getValue())).toList();
          facets.add(new Facet(dims.get(i).facetName(), values));
        }
        return facets;
      }
    };
  }

  /** Counts values per dimension for the documents it sees. */
  static final class Counter implements Collector {
    private final List<Dimension> dims;
    private final List<Map<String, Long>> counts = new ArrayList<>();

    Counter(List<Dimension> dims) {
      this.dims = dims;
      for (int i = 0; i < dims.size(); i++) {
        counts.add(new HashMap<>());
      }
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues[] values = new SortedSetDocValues[dims.size()];
      long[][] ordCounts = new long[dims.size()][];
      for (int i = 0; i < dims.size(); i++) {
        values[i] = DocValues.getSortedSet(context.reader(), dims.get(i).docValuesField());
        ordCounts[i] = new long[(int) values[i].getValueCount()];
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
              for (int n = 0; n < values[i].docValueCount(); n++) {
                ordCounts[i][(int) values[i].nextOrd()]++;
              }
            }
          }
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < values.length; i++) {
            SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), dims.get(i).docValuesField());
            for (int ord = 0; ord < ordCounts[i].length; ord++) {
              if (ordCounts[i][ord] > 0) {
                counts.get(i).merge(dv.lookupOrd(ord).utf8ToString(), ordCounts[i][ord], Long::sum);
              }
            }
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
