package org.trialdex.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Reads per-document values of some fields for every matching document, from doc values: the
 * facet dimensions' sorted sets ({@link Facets.Dimension}) and the ranged fields' sort values
 * (dates, whole numbers). One pass over the matches; nothing is parsed from stored records.
 */
final class ValueColumns {

  /** A field asked for, resolved to the doc values that hold it. */
  sealed interface Column {
    String name();
  }

  /** A facet dimension: sorted-set doc values, v2 spellings. */
  record FacetColumn(String name, String docValuesField) implements Column {}

  /** A ranged field's first value: numeric doc values; a date as its first day. */
  record NumberColumn(String name, String docValuesField, boolean date) implements Column {}

  private ValueColumns() {}

  /** The names {@link #resolve} accepts, for messages. */
  static List<String> accepted() {
    List<String> names = new ArrayList<>(Facets.names());
    names.addAll(Schema.sortable());
    return names;
  }

  /**
   * Resolves asked names: a facet name ({@code phase}, {@code country}...) or a ranged field
   * ({@code StartDate}, {@code EnrollmentCount}...), case-insensitive.
   *
   * @throws SearchException naming an unknown field and the accepted ones
   */
  static List<Column> resolve(Collection<String> names) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      Optional<Facets.Dimension> dim = java.util.Arrays.stream(Facets.Dimension.values())
          .filter(d -> d.facetName().equalsIgnoreCase(name.strip())).findFirst();
      if (dim.isPresent()) {
        columns.add(new FacetColumn(name, dim.get().docValuesField()));
        continue;
      }
      Optional<Schema.FieldDef> field = Schema.field(name).filter(f -> f.kind().ranged());
      if (field.isEmpty()) {
        throw new SearchException("No values to read for \"" + name + "\"; accepted: "
            + String.join(", ", accepted()));
      }
      columns.add(new NumberColumn(name, Schema.sortField(field.get().name()), field.get().kind() == Schema.Kind.DATE));
    }
    return List.copyOf(columns);
  }

  /** A collector manager reading {@code columns} (and the record id) of each matching document. */
  static CollectorManager<Reader, List<FieldValues>> reading(List<Column> columns) {
    return new CollectorManager<>() {
      @Override
      public Reader newCollector() {
        return new Reader(columns);
      }

      @Override
      public List<FieldValues> reduce(Collection<Reader> readers) {
        List<FieldValues> all = new ArrayList<>();
        readers.forEach(r -> all.addAll(r.rows));
        all.sort(java.util.Comparator.comparing(FieldValues::id));
        return all;
      }
    };
  }

  /** Reads the values of the documents it sees. */
  static final class Reader implements Collector {
    private final List<Column> columns;
    private final List<FieldValues> rows = new ArrayList<>();

    Reader(List<Column> columns) {
      this.columns = columns;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      var reader = context.reader();
      SortedDocValues ids = DocValues.getSorted(reader, Schema.ID);
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        values[i] = switch (columns.get(i)) {
          case FacetColumn f -> DocValues.getSortedSet(reader, f.docValuesField());
          case NumberColumn n -> DocValues.getNumeric(reader, n.docValuesField());
        };
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          String id = ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : "";
          Map<String, List<String>> row = new LinkedHashMap<>();
          for (int i = 0; i < values.length; i++) {
            List<String> out = new ArrayList<>();
            if (values[i] instanceof SortedSetDocValues set) {
              if (set.advanceExact(doc)) {
                for (int n = 0; n < set.docValueCount(); n++) {
                  out.add(set.lookupOrd(set.nextOrd()).utf8ToString());
                }
              }
            } else if (values[i] instanceof NumericDocValues number && number.advanceExact(doc)) {
              long v = number.longValue();
              out.add(((NumberColumn) columns.get(i)).date() ? LocalDate.ofEpochDay(v).toString()
                  : Long.toString(v));
            }
            row.put(columns.get(i).name(), out);
          }
          rows.add(new FieldValues(id, row));
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
