package org.trialdex.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.SloppyMath;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.geo.Gazetteer;
import org.trialdex.core.geo.Precision;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.GeoPoint;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Study;
import org.trialdex.search.query.SearchRequest;

/**
 * Searches a {@link StudyIndex}: ClinicalTrials.gov query areas and Essie expressions, filters,
 * sort, page tokens, totals and facets; and related trials. Thread-safe; searches see the index as
 * of its last commit.
 */
public final class SearchService {

  static final float MORE_LIKE_THIS_WEIGHT = 0.2f;
  /** A light feature held by more than this share of the records is too common to require in the related-trials query. */
  static final double COMMON_SHARE = 0.1;
  /** Features weighing less than this ({@link RelatedFeatures#WEIGHTS}) are light: design and condition groups. */
  private static final float LIGHT = 1f;
  /** Features the related-trials query requires one of, at most: the most selective ones. */
  static final int SELECTIVE_FEATURES = 32;

  private final StudyIndex index;
  private final Queries queries;
  private final StudyJson json = StudyJson.standard();
  private final RelatedCache relatedCache = new RelatedCache(RelatedCache.DEFAULT_SIZE);

  public SearchService(StudyIndex index) {
    this.index = index;
    this.queries = new Queries(index.analysis(), index.concepts());
  }

  /**
   * One page of studies matching the request, however long it takes (the command line's search).
   *
   * @throws SearchException for an unknown AREA field, sort field, facet or aggFilter code, a value
   *     that does not fit its field, or a page token this search did not give out
   */
  public SearchResult search(SearchRequest request) {
    return search(request, 0, Optional.empty());
  }

  /**
   * One page of studies matching the request, stopped when it runs longer than {@code limit}: Lucene
   * checks the limit while it collects matches (for the page, the total and the facets), so a
   * search past its limit stops working instead of running on unseen. {@link Duration#ZERO} stops
   * every search.
   *
   * @throws SearchTimeoutException when the search ran longer than {@code limit}; it was stopped
   * @throws SearchException as {@link #search(SearchRequest)}
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  public SearchResult search(SearchRequest request, Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("a search time limit cannot be negative, was " + limit);
    }
    return search(request, 0, Optional.of(new Deadline(limit)));
  }

  /** The most hits {@link #page} skips: page numbers reach that far, cursors ({@code pageToken}) further. */
  public static final int MAX_SKIP = 10_000;

  /**
   * The page that starts {@code skip} hits into the results of {@code request} (which then has no
   * {@code pageToken}), as {@link #search(SearchRequest, Duration)}: for numbered pages, which a
   * person jumps between, where the API's cursors only go on from the page before.
   *
   * @throws IllegalArgumentException when {@code skip} is negative or above {@link #MAX_SKIP}, or the
   *     request carries a page token
   */
  public SearchResult page(SearchRequest request, int skip, Duration limit) {
    if (skip < 0 || skip > MAX_SKIP) {
      throw new IllegalArgumentException("pages reach " + MAX_SKIP + " hits in at most, asked to skip " + skip);
    }
    if (request.pageToken().isPresent()) {
      throw new IllegalArgumentException("a numbered page starts from the first hit, not from a page token");
    }
    if (limit.isNegative()) {
      throw new IllegalArgumentException("a search time limit cannot be negative, was " + limit);
    }
    return search(request, skip, Optional.of(new Deadline(limit)));
  }

  private SearchResult search(SearchRequest request, int skip, Optional<Deadline> deadline) {
    Query query = queries.request(request);
    Sort sort = Paging.sort(request.sort(), request.geo());
    boolean scores = Paging.scores(sort);
    List<Facets.Dimension> dims = Facets.parse(request.facets());
    int fingerprint = Paging.fingerprint(request);
    IndexSearcher shared = index.acquire();
    try {
      IndexSearcher searcher = deadline.map(d -> limited(shared, d)).orElse(shared);
      int n = skip + request.pageSize() + 1;
      TopFieldDocs top;
      if (request.pageToken().isPresent()) {
        FieldDoc after = Paging.after(request.pageToken().get(), fingerprint, sort,
            searcher.getIndexReader().maxDoc());
        top = searcher.searchAfter(after, query, n, sort, scores);
      } else {
        top = searcher.search(query, n, sort, scores);
      }
      stopPast(deadline, searcher, "finding the matching studies");
      int shown = Math.max(0, Math.min(request.pageSize(), top.scoreDocs.length - skip));
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(shown);
      for (int i = skip; i < skip + shown; i++) {
        ScoreDoc doc = top.scoreDocs[i];
        var document = stored.document(doc.doc, Set.of(Schema.ID, Schema.STUDY, Schema.DERIVED));
        byte[] bytes = bytes(document.getBinaryValue(Schema.STUDY));
        List<String> derived = List.of(document.getValues(Schema.DERIVED));
        String id = document.get(Schema.ID);
        float score = scores ? doc.score : Float.NaN;
        if (request.geo().isPresent()) {
          Study study = json.read(bytes);
          SearchRequest.GeoFilter g = request.geo().get();
          hits.add(new Hit(id, score, study, nearest(study, derived, g.latitude(), g.longitude()), derived, bytes));
        } else {
          // The model only when a caller asks for it: answers sent as stored JSON never need it.
          hits.add(Hit.stored(id, score, Optional.empty(), derived, bytes));
        }
        stopPast(deadline, searcher, "reading the studies of the page");
      }
      Optional<String> next = top.scoreDocs.length > skip + request.pageSize()
          ? Optional.of(Paging.token(fingerprint, (FieldDoc) top.scoreDocs[skip + shown - 1]))
          : Optional.empty();
      OptionalLong total = request.countTotal() ? OptionalLong.of(searcher.count(query)) : OptionalLong.empty();
      stopPast(deadline, searcher, "counting the matching studies");
      List<Facet> facets = dims.isEmpty() ? List.of() : searcher.search(query, Facets.counting(dims));
      stopPast(deadline, searcher, "counting the facet values");
      return new SearchResult(hits, next, total, facets);
    } catch (IOException e) {
      throw new SearchException("Search failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(shared);
    }
  }

  /**
   * The values of {@code fields} for every study {@code request} matches (its query and filters;
   * paging, sort and facets aside), read from the index's doc values, in record id order: what a
   * chart counts without reading a record. A field is a facet name ({@code phase},
   * {@code country}, {@code condition}...) or a ranged field ({@code StartDate},
   * {@code EnrollmentCount}...).
   *
   * @throws SearchException for a field it cannot read, naming the accepted ones, or a bad request
   * @throws SearchTimeoutException when reading ran longer than {@code limit}; it was stopped
   */
  public List<FieldValues> fieldValues(SearchRequest request, java.util.Collection<String> fields, Duration limit) {
    List<ValueColumns.Column> columns = ValueColumns.resolve(fields);
    Query query = queries.request(request);
    Optional<Deadline> deadline = Optional.of(new Deadline(limit));
    IndexSearcher shared = index.acquire();
    try {
      IndexSearcher searcher = limited(shared, deadline.get());
      List<FieldValues> rows = searcher.search(query, ValueColumns.reading(columns));
      stopPast(deadline, searcher, "reading the values of the matching studies");
      return rows;
    } catch (IOException e) {
      throw new SearchException("Search failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(shared);
    }
  }

  /**
   * For each condition concept in {@code conceptIds}, how many studies {@code request} matches whose
   * own conditions are that concept or below it (the concepts search by meaning indexes, with their
   * ancestors); a concept the vocabulary does not hold counts 0.
   *
   * @throws SearchTimeoutException when counting ran longer than {@code limit}; it was stopped
   */
  public Map<String, Long> conditionConceptCounts(SearchRequest request, List<String> conceptIds, Duration limit) {
    List<Query> filters = conceptIds.stream().<Query>map(id -> new TermQuery(new Term(Concepts.CONDITION, id))).toList();
    List<Long> counts = countEach(request, filters, limit, "counting the studies by condition group");
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < conceptIds.size(); i++) {
      out.put(conceptIds.get(i), counts.get(i));
    }
    return out;
  }


  /**
   * For each bin {@code [low, high)} of {@code bins}, how many studies {@code request} matches with a
   * span of the number-span field {@code field} ({@code CellDosePerKg}) that reaches into the bin; a
   * study with several spans, or a span across bins, counts in each bin it reaches.
   *
   * @throws SearchException when {@code field} is not a number-span field, or a bin is empty
   * @throws SearchTimeoutException when counting ran longer than {@code limit}; it was stopped
   */
  public List<Long> spanCounts(SearchRequest request, String field, List<double[]> bins, Duration limit) {
    Schema.FieldDef def = Schema.field(field).filter(f -> f.kind() == Schema.Kind.DOUBLE_RANGE)
        .orElseThrow(() -> new SearchException("\"" + field + "\" is not a number-span field; accepted: "
            + String.join(", ", Schema.NAMES.stream().filter(n -> Schema.field(n).orElseThrow().kind() == Schema.Kind.DOUBLE_RANGE).toList())));
    List<Query> filters = new ArrayList<>();
    for (double[] bin : bins) {
      if (bin.length != 2 || !(bin[0] < bin[1])) {
        throw new SearchException("a bin needs a low bound below its high bound, got " + java.util.Arrays.toString(bin));
      }
      double high = Math.nextDown(bin[1]);
      filters.add(org.apache.lucene.document.DoubleRange.newIntersectsQuery(def.name(), new double[] {bin[0]},
          new double[] {high}));
    }
    return countEach(request, filters, limit, "counting the studies by " + def.name());
  }

  /**
   * How many studies {@code request} matches that have a value of {@code field} (any field
   * AREA[...] accepts).
   *
   * @throws SearchException for an unknown field
   * @throws SearchTimeoutException when counting ran longer than {@code limit}; it was stopped
   */
  public long countWithValue(SearchRequest request, String field, Duration limit) {
    Schema.FieldDef def = Schema.field(field).orElseThrow(() -> new SearchException("Unknown field \"" + field
        + "\"; accepted: " + String.join(", ", Schema.NAMES)));
    return countEach(request, List.of(new TermQuery(new Term(Schema.PRESENT, def.name()))), limit,
        "counting the studies with " + def.name()).getFirst();
  }

  /** How many studies match {@code request} and each filter. */
  private List<Long> countEach(SearchRequest request, List<Query> filters, Duration limit, String step) {
    Query query = queries.request(request);
    Optional<Deadline> deadline = Optional.of(new Deadline(limit));
    IndexSearcher shared = index.acquire();
    try {
      IndexSearcher searcher = limited(shared, deadline.get());
      List<Long> counts = new ArrayList<>();
      for (Query filter : filters) {
        counts.add((long) searcher.count(new BooleanQuery.Builder().add(query, Occur.FILTER).add(filter, Occur.FILTER).build()));
        stopPast(deadline, searcher, step);
      }
      return counts;
    } catch (IOException e) {
      throw new SearchException("Search failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(shared);
    }
  }

  /** True when the index holds sentence embeddings of its records, for {@link #similar}. */
  public boolean hasVectors() {
    return index.hasVectors();
  }

  /**
   * The {@code k} records nearest in meaning to {@code vector} (a unit {@link Embeddings} vector)
   * among those {@code filters} admit (its query and filter parameters; paging and sorting aside),
   * closest first; the hit's score is Lucene's cosine similarity, (1 + cos) / 2.
   *
   * @throws SearchException when the index holds no embeddings (they were turned off)
   */
  public SearchResult similar(float[] vector, SearchRequest filters, int k) {
    if (!index.hasVectors()) {
      throw new SearchException("this index holds no embeddings (" + StudyIndex.EMBEDDINGS_PROPERTY + "=false); search by words instead");
    }
    Query filter = queries.request(filters);
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top = searcher.search(new org.apache.lucene.search.KnnFloatVectorQuery(Schema.VECTOR, vector, k, filter), k);
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc doc : top.scoreDocs) {
        var document = stored.document(doc.doc, Set.of(Schema.ID, Schema.STUDY, Schema.DERIVED));
        byte[] bytes = bytes(document.getBinaryValue(Schema.STUDY));
        hits.add(Hit.stored(document.get(Schema.ID), doc.score, Optional.empty(),
            List.of(document.getValues(Schema.DERIVED)), bytes));
      }
      return new SearchResult(hits, Optional.empty(), OptionalLong.empty(), List.of());
    } catch (IOException e) {
      throw new SearchException("Search failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /** The stored embeddings of the records indexed under {@code ids}; a record without one is left out. */
  public java.util.Map<String, float[]> vectors(java.util.Collection<String> ids) {
    java.util.Map<String, float[]> out = new java.util.HashMap<>();
    IndexSearcher searcher = index.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      for (String id : ids) {
        TopDocs found = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
        if (found.scoreDocs.length == 1) {
          var document = stored.document(found.scoreDocs[0].doc, Set.of(Schema.VECTOR_STORED));
          BytesRef bytes = document.getBinaryValue(Schema.VECTOR_STORED);
          if (bytes != null) {
            out.put(id, Schema.storedVector(bytes));
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new SearchException("Search failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /** The bytes of a stored value, copied when they are a slice of a larger array. */
  private static byte[] bytes(BytesRef ref) {
    return ref.offset == 0 && ref.length == ref.bytes.length ? ref.bytes
        : java.util.Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
  }

  /**
   * A searcher of the same index snapshot that stops collecting at {@code deadline}. Its own
   * searcher, because the time limit is a property of an IndexSearcher and the shared one serves
   * every search at once.
   */
  private static IndexSearcher limited(IndexSearcher shared, Deadline deadline) {
    IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setSimilarity(shared.getSimilarity());
    searcher.setQueryCache(shared.getQueryCache());
    searcher.setQueryCachingPolicy(shared.getQueryCachingPolicy());
    searcher.setTimeout(deadline);
    return searcher;
  }

  /**
   * Throws when the search is past its deadline: Lucene stopped collecting (its results are
   * partial) or the deadline passed between steps.
   */
  private static void stopPast(Optional<Deadline> deadline, IndexSearcher searcher, String step) {
    if (deadline.isPresent() && (searcher.timedOut() || deadline.get().shouldExit())) {
      throw new SearchTimeoutException(deadline.get().limit(), step);
    }
  }

  /** The site nearest to the point, with whether its coordinates are the record's or its city's centre. */
  private static Optional<NearestSite> nearest(Study study, List<String> derived, double lat, double lon) {
    Location best = null;
    double bestMeters = Double.POSITIVE_INFINITY;
    for (Location site : new StudyView(study).locations()) {
      GeoPoint p = site.geoPoint();
      if (p != null && p.lat() != null && p.lon() != null) {
        double meters = SloppyMath.haversinMeters(lat, lon, p.lat().doubleValue(), p.lon().doubleValue());
        if (meters < bestMeters) {
          best = site;
          bestMeters = meters;
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    double siteLat = best.geoPoint().lat().doubleValue();
    double siteLon = best.geoPoint().lon().doubleValue();
    boolean cityCentre = derived.contains(Derivation.SITE_POINTS) && Gazetteer.standard()
        .locate(best.city(), best.state(), best.country())
        .filter(g -> g.precision() == Precision.CITY && Math.abs(g.latitude() - siteLat) < 1e-6
            && Math.abs(g.longitude() - siteLon) < 1e-6).isPresent();
    return Optional.of(new NearestSite(text(best.facility()), text(best.city()), text(best.state()),
        text(best.country()), siteLat, siteLon, bestMeters, cityCentre ? "city" : "source"));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /**
   * The studies most like the one indexed under {@code id}: shared conditions, interventions, cell
   * types and design, then similar titles and summaries. Each shares at least one feature.
   *
   * <p>Which trials (and why) is kept per record for as long as the index does not change, so a
   * record page asked for again does not query again; the relatives' ids and titles come from doc values.
   *
   * @throws SearchException when no study is indexed under {@code id}
   */
  public List<RelatedTrial> related(String id, int limit) {
    if (limit < 1) {
      throw new SearchException("limit must be 1 or more, was " + limit);
    }
    IndexSearcher searcher = index.acquire();
    try {
      List<RelatedCache.Relative> relatives = relatedCache.get(searcher.getIndexReader(), id, limit);
      if (relatives == null) {
        relatives = relatives(searcher, id, limit);
        relatedCache.put(searcher.getIndexReader(), id, limit, relatives);
      }
      List<RelatedTrial> related = new ArrayList<>(relatives.size());
      for (RelatedCache.Relative r : relatives) {
        related.add(new RelatedTrial(r.id(), briefTitle(searcher.getIndexReader(), r.doc()), r.score(), r.sharedFeatures()));
      }
      return related;
    } catch (IOException e) {
      throw new SearchException("Related trials of " + id + " failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The relatives of {@code id} in the index snapshot {@code searcher} reads: the query itself.
   *
   * <p>A relative shares at least one feature, and scores the weights of the features it shares
   * plus a little for similar words. Requiring that from every feature would score every record
   * sharing a common one ({@code study type: interventional} is most of the index), so the query
   * leaves the light features (design: study type, phase, allocation; condition groups) held by more
   * than {@link #COMMON_SHARE} of the records out of those it requires one of (the most selective
   * {@link #SELECTIVE_FEATURES} at most); they still score where they are shared. A record sharing
   * only such features scores too little to be among the closest, unless the trial shares nothing
   * else with enough records: when the query finds fewer than {@code limit}, it requires any feature,
   * as it always did.
   */
  private List<RelatedCache.Relative> relatives(IndexSearcher searcher, String id, int limit) throws IOException {
    TopDocs found = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      throw new SearchException("No study with id \"" + id + "\" in the search index; related trials need an "
          + "indexed record (NCT id or record id)");
    }
    StoredFields stored = searcher.storedFields();
    Study target = json.read(stored.document(found.scoreDocs[0].doc, Set.of(Schema.STUDY))
        .getBinaryValue(Schema.STUDY).bytes);
    StudyView view = new StudyView(target);
    Map<String, String> features = RelatedFeatures.of(view);
    if (features.isEmpty()) {
      return List.of();
    }
    IndexReader reader = searcher.getIndexReader();
    Map<String, Integer> docFreqs = new java.util.HashMap<>();
    for (String key : features.keySet()) {
      docFreqs.put(key, reader.docFreq(new Term(Schema.FEATURE, key)));
    }
    List<String> selective = new ArrayList<>();
    List<String> common = new ArrayList<>();
    int commonAbove = (int) (reader.numDocs() * COMMON_SHARE);
    features.keySet().stream().sorted(java.util.Comparator.comparing(docFreqs::get))
        .forEach(key -> (selective.size() < SELECTIVE_FEATURES
            && (docFreqs.get(key) <= commonAbove || RelatedFeatures.weight(key) >= LIGHT) ? selective : common).add(key));
    Optional<Query> similarWords = moreLikeThis(searcher, view);
    TopDocs top = null;
    if (!selective.isEmpty()) {
      top = searcher.search(relatedQuery(id, selective, common, similarWords), topOnly(limit));
    }
    if (top == null || top.scoreDocs.length < limit) {
      top = searcher.search(relatedQuery(id, List.copyOf(features.keySet()), List.of(), similarWords), topOnly(limit));
    }
    List<RelatedCache.Relative> relatives = new ArrayList<>();
    List<Set<String>> shared = sharedFeatures(reader, features.keySet(), top.scoreDocs);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc doc = top.scoreDocs[i];
      Set<String> theirs = shared.get(i);
      List<String> words = features.entrySet().stream().filter(e -> theirs.contains(e.getKey()))
          .map(Map.Entry::getValue).toList();
      String relativeId = recordId(reader, doc.doc);
      relatives.add(new RelatedCache.Relative(doc.doc, relativeId, doc.score, words));
    }
    return List.copyOf(relatives);
  }

  /**
   * The {@code limit} best hits, counted no further than that: Lucene may then skip the records
   * that cannot score into them (the answer is the same; only the total, unused here, is not exact).
   */
  private static TopScoreDocCollectorManager topOnly(int limit) {
    return new TopScoreDocCollectorManager(limit, limit);
  }

  /** The segment holding index document {@code doc}. */
  private static LeafReaderContext leafOf(IndexReader reader, int doc) {
    return reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
  }

  /** The record id of index document {@code doc}, from its doc values (no stored document is read). */
  private static String recordId(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    org.apache.lucene.index.SortedDocValues ids = leaf.reader().getSortedDocValues(Schema.ID);
    if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
      throw new SearchException("Index document " + doc + " has no record id; rebuild the index (trialdex reindex)");
    }
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }

  /** The brief title of index document {@code doc}, from its doc values; empty when the record has none. */
  private static Optional<String> briefTitle(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    org.apache.lucene.index.BinaryDocValues titles = leaf.reader().getBinaryDocValues(Schema.TITLE);
    if (titles == null || !titles.advanceExact(doc - leaf.docBase)) {
      return Optional.empty();
    }
    return Optional.of(titles.binaryValue().utf8ToString());
  }

  /**
   * Records sharing one of {@code required} (each scoring its weight), scoring too the weight of
   * each of {@code scoring} they share and {@code similarWords}; never {@code id} itself.
   */
  private static Query relatedQuery(String id, List<String> required, List<String> scoring, Optional<Query> similarWords) {
    BooleanQuery.Builder anyFeature = new BooleanQuery.Builder();
    for (String key : required) {
      anyFeature.add(featureQuery(key), Occur.SHOULD);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(anyFeature.build(), Occur.MUST)
        .add(new TermQuery(new Term(Schema.ID, id)), Occur.MUST_NOT);
    for (String key : scoring) {
      query.add(featureQuery(key), Occur.SHOULD);
    }
    similarWords.ifPresent(q -> query.add(new BoostQuery(q, MORE_LIKE_THIS_WEIGHT), Occur.SHOULD));
    return query.build();
  }

  private static Query featureQuery(String key) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Schema.FEATURE, key))), RelatedFeatures.weight(key));
  }

  /**
   * Which of {@code features} each of {@code docs} holds, read from the feature postings (the
   * indexed features are exactly {@link RelatedFeatures#of} of the stored study), so the hits'
   * studies need not be read and featurised again.
   */
  private static List<Set<String>> sharedFeatures(IndexReader reader, Set<String> features, ScoreDoc[] docs)
      throws IOException {
    List<Set<String>> shared = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      shared.add(new java.util.HashSet<>());
    }
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < docs.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
      Terms terms = leaf.reader().terms(Schema.FEATURE);
      if (terms == null) {
        continue;
      }
      int local = docs[i].doc - leaf.docBase;
      TermsEnum te = terms.iterator();
      for (String key : features) {
        if (te.seekExact(new BytesRef(key))) {
          PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
          if (postings.advance(local) == local) {
            shared.get(i).add(key);
          }
        }
      }
    }
    return shared;
  }

  Optional<Query> moreLikeThis(IndexSearcher searcher, StudyView view) throws IOException {
    List<String> text = Schema.relatedText(view);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(index.analysis().textAnalyzer());
    mlt.setFieldNames(new String[] {Schema.RELATED_TEXT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(25);
    Reader[] readers = text.stream().map(StringReader::new).toArray(Reader[]::new);
    return Optional.of(mlt.like(Schema.RELATED_TEXT, readers));
  }

  /**
   * How {@code request} was understood (the concepts each searched text names) and why each hit
   * of {@code result}, a page of that request, matched.
   */
  public Explanation explain(SearchRequest request, SearchResult result) {
    IndexSearcher searcher = index.acquire();
    try {
      return new Explainer(queries, index.concepts()).explain(request, result.hits(), searcher);
    } catch (IOException e) {
      throw new SearchException("Explaining the search failed reading the index: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /** The vocabulary conditions and interventions are understood with. */
  public org.trialdex.core.terms.Vocabulary vocabulary() {
    return index.vocabulary();
  }

  /** The field names AREA[...] accepts, in schema order. */
  public List<String> fields() {
    return Schema.NAMES;
  }
}
