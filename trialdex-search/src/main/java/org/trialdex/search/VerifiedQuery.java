package org.trialdex.search;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * A query the index alone cannot answer exactly: {@code approximation} finds the candidates (and
 * scores them), then {@code check} reads each candidate's stored record and keeps it only if the
 * record holds. Used for what needs a value as a whole ({@code COVERAGE[FullMatch]}) or one site
 * at a time ({@code SEARCH[Location]}), which the words index does not keep. The check runs last,
 * after every cheaper clause has narrowed the candidates (Lucene's two-phase iteration).
 */
final class VerifiedQuery extends Query {

  /** Whether a candidate's record holds; {@code description} names it in {@link #toString}. */
  interface Check {
    boolean test(StudyView study);

    String description();
  }

  /** Reading a stored record is far dearer than a posting: run the check after everything else. */
  private static final float MATCH_COST = 10_000f;

  private final Query approximation;
  private final Check check;

  VerifiedQuery(Query approximation, Check check) {
    this.approximation = Objects.requireNonNull(approximation, "approximation");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = approximation.rewrite(searcher);
    return rewritten == approximation ? this : new VerifiedQuery(rewritten, check);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = approximation.createWeight(searcher, scoreMode, boost);
    return new Weight(this) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation e = inner.explain(context, doc);
        if (e.isMatch() && !holds(context.reader().storedFields(), doc)) {
          return Explanation.noMatch(check.description() + " does not hold", e);
        }
        return e;
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier in = inner.scorerSupplier(context);
        if (in == null) {
          return null;
        }
        StoredFields stored = context.reader().storedFields();
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new Checked(in.get(leadCost), stored);
          }

          @Override
          public long cost() {
            return in.cost();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return inner.isCacheable(context);
      }
    };
  }

  private boolean holds(StoredFields stored, int doc) throws IOException {
    Document d = stored.document(doc, Set.of(Schema.STUDY));
    var bytes = d.getBinaryValue(Schema.STUDY);
    if (bytes == null) {
      return false;
    }
    Study study = StudyJson.standard().read(java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset,
        bytes.offset + bytes.length));
    return check.test(new StudyView(study));
  }

  /** The inner scorer, its matches narrowed by the check. */
  private final class Checked extends Scorer {
    private final Scorer in;
    private final TwoPhaseIterator twoPhase;

    Checked(Scorer in, StoredFields stored) {
      this.in = in;
      TwoPhaseIterator inner = in.twoPhaseIterator();
      DocIdSetIterator approx = inner != null ? inner.approximation() : in.iterator();
      this.twoPhase = new TwoPhaseIterator(approx) {
        @Override
        public boolean matches() throws IOException {
          return (inner == null || inner.matches()) && holds(stored, approx.docID());
        }

        @Override
        public float matchCost() {
          return (inner == null ? 0 : inner.matchCost()) + MATCH_COST;
        }
      };
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public DocIdSetIterator iterator() {
      return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    approximation.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "verified(" + approximation.toString(field) + ", " + check.description() + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && approximation.equals(((VerifiedQuery) other).approximation)
        && check.equals(((VerifiedQuery) other).check);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + 31 * approximation.hashCode() + check.hashCode();
  }
}
