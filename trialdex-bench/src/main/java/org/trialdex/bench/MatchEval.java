package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.Evaluator;
import org.trialdex.core.eligibility.NoteReader;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.Ranking;
import org.trialdex.core.eligibility.TrialMatch;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedSets;

/**
 * Patient-to-trial ranking on the TREC Clinical Trials 2021 and SIGIR 2016 topics and judgments
 * shipped with TrialGPT ({@code ../shared/data/trialgpt/}). A topic's pool is its judged trials whose
 * records we hold (the legacy XML, MSC and API v2 sets); each system ranks the pool:
 * <ul>
 *   <li><b>BM25</b>: Lucene BM25 with the English analyzer over each record's titles, conditions,
 *       keywords, summary and criteria (statistics from all 8,000+ held records), the note as query;
 *   <li><b>trialdex</b>: {@link Ranking#score} of concept relevance ({@link Evaluator#relevance}),
 *       the BM25 score normalized over the pool, and the criterion-level eligibility score;
 *   <li>and ablations: concepts only, eligibility only, without eligibility.
 * </ul>
 * Reported per set: NDCG@10 (graded gains as judged), P@10 (relevant = the top grade, 2: eligible in
 * TREC 2021, relevant in SIGIR), and for TREC 2021 the AUROC of eligible (2) against excluded (1).
 *
 * <p>Run: {@code java -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*"
 * org.trialdex.bench.MatchEval --shared ../shared [--out trialdex-bench/target/match-eval.md]}
 */
public final class MatchEval {

  /** The date notes are read as of: windows count back from it. */
  static final LocalDate NOTE_DATE = LocalDate.of(2021, 6, 1);

  /** One system's figures on one set. */
  public record Figures(String set, String system, int topics, int pairs, double ndcg10, double p10, double auroc) {}

  private MatchEval() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse("MatchEval", args);
    Path shared = Path.of(opts.getOrDefault("--shared", "../shared"));
    Path out = Path.of(opts.getOrDefault("--out", "trialdex-bench/target/match-eval.md"));
    long t0 = System.nanoTime();
    List<Figures> figures = run(shared.resolve("data"), Vocabulary.load(shared.resolve("data/terms")));
    String table = table(figures);
    System.out.println(table);
    System.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
  }

  /** Every system's figures on both sets. */
  public static List<Figures> run(Path data, Vocabulary vocabulary) throws IOException {
    Map<String, Study> studies = new LinkedHashMap<>();
    SharedSets.readAll(data, (set, result) -> {
      if (result instanceof ReadResult.Read read && read.study().protocolSection() != null
          && read.study().protocolSection().identificationModule() != null) {
        studies.putIfAbsent(read.study().protocolSection().identificationModule().nctId(), read.study());
      }
    });
    CriterionParser parser = new CriterionParser(vocabulary);
    Evaluator evaluator = new Evaluator(vocabulary);
    NoteReader reader = new NoteReader(vocabulary);
    List<Figures> figures = new ArrayList<>();
    try (Bm25 bm25 = new Bm25(studies)) {
      for (String set : List.of("trec_2021", "sigir")) {
        Map<String, String> notes = notes(data.resolve("trialgpt/" + set + "/queries.jsonl"));
        Map<String, Map<String, Integer>> qrels = qrels(data.resolve("trialgpt/" + set + "/qrels/test.tsv"), studies.keySet());
        Map<String, List<Scored>> byTopic = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> topic : qrels.entrySet()) {
          String note = notes.get(topic.getKey());
          if (note == null || topic.getValue().isEmpty()) {
            continue;
          }
          Patient patient = reader.read(note, NOTE_DATE);
          float[] noteVector = org.trialdex.search.Embeddings.embed(note);
          Map<String, Double> lexical = bm25.scores(note, topic.getValue().keySet());
          double best = lexical.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
          List<Scored> scored = new ArrayList<>();
          for (Map.Entry<String, Integer> judged : topic.getValue().entrySet()) {
            Study study = studies.get(judged.getKey());
            ProtocolSection ps = study.protocolSection();
            List<String> conditions = ps.conditionsModule() == null || ps.conditionsModule().conditions() == null
                ? List.of() : ps.conditionsModule().conditions();
            Evaluator.Trial trial = evaluator.trial(judged.getKey(), ps.eligibilityModule(), conditions);
            String criteria = ps.eligibilityModule() == null ? null : ps.eligibilityModule().eligibilityCriteria();
            TrialMatch match = evaluator.judge(trial, parser.parseAll(criteria), patient);
            double relevance = evaluator.relevance(patient, trial);
            double lex = best > 0 ? lexical.getOrDefault(judged.getKey(), 0.0) / best : 0;
            double cosine = org.trialdex.search.Embeddings.cosine(noteVector, org.trialdex.search.Embeddings.embed(org.trialdex.search.Embeddings.text(study)));
            scored.add(new Scored(judged.getKey(), judged.getValue(), lexical.getOrDefault(judged.getKey(), 0.0), relevance, lex, match, cosine));
          }
          byTopic.put(topic.getKey(), scored);
          if (System.getProperty("matcheval.dump") != null) {
            for (Scored sc : scored) {
              System.out.printf(Locale.ROOT, "DUMP\t%s\t%s\t%d\t%.3f\t%.3f\t%s\t%.3f\t%s%n", topic.getKey(), sc.nctId(), sc.grade(), sc.relevance(),
                  sc.lexical(), sc.match().verdict(), sc.match().score(), String.join("; ", patient.conditions().stream()
                      .filter(c -> c.status() != Patient.Status.ABSENT).map(Patient.Condition::name).toList()));
              for (var d : sc.match().deciding()) {
                System.out.printf(Locale.ROOT, "DECIDE\t%d\t%s\t%s\t%s%n", sc.grade(), d.section(), d.criterion().criterion().text().replace('\n', ' '),
                    d.explanation());
              }
            }
          }
        }
        String name = set.equals("trec_2021") ? "TREC 2021" : "SIGIR 2016";
        figures.add(figures(name, "BM25", byTopic, Scored::bm25, set.equals("trec_2021")));
        figures.add(pooled(name, "trialdex", byTopic, pool -> {
          ToDoubleFunction<Scored> semantic = scaled(pool, Scored::semantic);
          return s -> Ranking.score(semantic.applyAsDouble(s), s.relevance, s.lexical, s.match);
        }, set.equals("trec_2021")));
        figures.add(figures(name, "trialdex, cosine not scaled (before)", byTopic,
            s -> Ranking.score(s.semantic, s.relevance, s.lexical, s.match), set.equals("trec_2021")));
        figures.add(figures(name, "trialdex, first weights (no semantic)", byTopic,
            s -> 0.45 * s.relevance + 0.25 * s.lexical + 0.30 * (s.match.score() + 1) / 2, set.equals("trec_2021")));
        figures.add(figures(name, "semantic only (MiniLM cosine)", byTopic, Scored::semantic, set.equals("trec_2021")));
        figures.add(figures(name, "concepts only", byTopic, s -> s.relevance + 1e-3 * s.lexical, set.equals("trec_2021")));
        figures.add(figures(name, "eligibility only", byTopic, s -> s.match.score(), set.equals("trec_2021")));
        figures.add(pooled(name, "without eligibility", byTopic, pool -> {
          ToDoubleFunction<Scored> semantic = scaled(pool, Scored::semantic);
          return s -> Ranking.SEMANTIC * semantic.applyAsDouble(s) + Ranking.CONCEPT * s.relevance + Ranking.LEXICAL * s.lexical;
        }, set.equals("trec_2021")));
      }
    }
    return figures;
  }

  /** One judged trial of a topic with every system's inputs. */
  record Scored(String nctId, int grade, double bm25, double relevance, double lexical, TrialMatch match, double semantic) {}


  static Figures figures(String set, String system, Map<String, List<Scored>> byTopic, ToDoubleFunction<Scored> score, boolean auroc) {
    return pooled(set, system, byTopic, pool -> score, auroc);
  }

  /** A signal scaled over one pool as the matcher scales it over its candidates ({@link Ranking#scaled}). */
  static ToDoubleFunction<Scored> scaled(List<Scored> pool, ToDoubleFunction<Scored> signal) {
    double[] values = Ranking.scaled(pool.stream().mapToDouble(signal).toArray());
    Map<String, Double> byId = new HashMap<>();
    for (int i = 0; i < pool.size(); i++) {
      byId.put(pool.get(i).nctId(), values[i]);
    }
    return s -> byId.get(s.nctId());
  }

  /** Figures of a system whose score of a trial depends on the rest of its pool. */
  static Figures pooled(String set, String system, Map<String, List<Scored>> byTopic,
      Function<List<Scored>, ToDoubleFunction<Scored>> scorer, boolean auroc) {
    double ndcg = 0;
    double p10 = 0;
    double aurocSum = 0;
    int aurocTopics = 0;
    int pairs = 0;
    for (List<Scored> pool : byTopic.values()) {
      ToDoubleFunction<Scored> score = scorer.apply(pool);
      List<Scored> ranked = new ArrayList<>(pool);
      // Ties broken by NCT id so that a system cannot gain from the pool's order.
      ranked.sort((a, b) -> {
        int c = Double.compare(score.applyAsDouble(b), score.applyAsDouble(a));
        return c != 0 ? c : a.nctId().compareTo(b.nctId());
      });
      ndcg += ndcg(ranked.stream().mapToInt(Scored::grade).toArray(), 10);
      p10 += ranked.stream().limit(10).filter(s -> s.grade() == 2).count() / 10.0;
      pairs += pool.size();
      if (auroc) {
        double a = auroc(pool, score);
        if (!Double.isNaN(a)) {
          aurocSum += a;
          aurocTopics++;
        }
      }
    }
    int n = byTopic.size();
    return new Figures(set, system, n, pairs, ndcg / n, p10 / n, aurocTopics == 0 ? Double.NaN : aurocSum / aurocTopics);
  }

  /** NDCG@k with linear gains (trec_eval's ndcg_cut). */
  static double ndcg(int[] gradesInRankOrder, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, gradesInRankOrder.length); i++) {
      dcg += gradesInRankOrder[i] / (Math.log(i + 2) / Math.log(2));
    }
    int[] ideal = java.util.Arrays.stream(gradesInRankOrder).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.length); i++) {
      idcg += ideal[i] / (Math.log(i + 2) / Math.log(2));
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** The probability that an eligible (2) trial scores above an excluded (1) one; ties count half; NaN without both. */
  static double auroc(List<Scored> pool, ToDoubleFunction<Scored> score) {
    List<Double> eligible = new ArrayList<>();
    List<Double> excluded = new ArrayList<>();
    for (Scored s : pool) {
      if (s.grade() == 2) {
        eligible.add(score.applyAsDouble(s));
      } else if (s.grade() == 1) {
        excluded.add(score.applyAsDouble(s));
      }
    }
    if (eligible.isEmpty() || excluded.isEmpty()) {
      return Double.NaN;
    }
    double wins = 0;
    for (double e : eligible) {
      for (double x : excluded) {
        wins += e > x ? 1 : e == x ? 0.5 : 0;
      }
    }
    return wins / (eligible.size() * excluded.size());
  }

  static String table(List<Figures> figures) {
    StringBuilder b = new StringBuilder("| set | system | topics | judged pairs | NDCG@10 | P@10 | AUROC eligible vs excluded |\n|---|---|---|---|---|---|---|\n");
    for (Figures f : figures) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.4f | %.4f | %s |%n", f.set(), f.system(), f.topics(), f.pairs(),
          f.ndcg10(), f.p10(), Double.isNaN(f.auroc()) ? "–" : String.format(Locale.ROOT, "%.4f", f.auroc())));
    }
    return b.toString();
  }

  static Map<String, String> notes(Path queries) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> notes = new HashMap<>();
    for (String line : Files.readAllLines(queries)) {
      if (!line.isBlank()) {
        JsonNode q = json.readTree(line);
        notes.put(q.get("_id").asText(), q.get("text").asText());
      }
    }
    return notes;
  }

  /** Judgments of each topic, restricted to the trials we hold, in file order. */
  static Map<String, Map<String, Integer>> qrels(Path tsv, Set<String> held) throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length == 3 && held.contains(f[1])) {
        out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
      }
    }
    return out;
  }

  /** An in-memory BM25 index of the held records. */
  static final class Bm25 implements AutoCloseable {
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Bm25(Map<String, Study> studies) throws IOException {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Map.Entry<String, Study> e : studies.entrySet()) {
          Document d = new Document();
          d.add(new StringField("id", e.getKey(), Field.Store.YES));
          d.add(new TextField("text", text(e.getValue()), Field.Store.NO));
          w.addDocument(d);
        }
      }
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
      IndexSearcher.setMaxClauseCount(4096);
    }

    /** The BM25 score of each pool trial for the note (0 for a trial that shares no word). */
    Map<String, Double> scores(String note, Set<String> pool) throws IOException {
      Set<String> terms = new LinkedHashSet<>();
      try (TokenStream ts = analyzer.tokenStream("text", note)) {
        CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          terms.add(t.toString());
        }
        ts.end();
      }
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      terms.stream().limit(1000).forEach(term -> words.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD));
      BooleanQuery query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST)
          .add(new TermInSetQuery("id", pool.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER).build();
      Map<String, Double> out = new HashMap<>();
      for (ScoreDoc sd : searcher.search(query, Math.max(1, pool.size())).scoreDocs) {
        out.put(searcher.storedFields().document(sd.doc).get("id"), (double) sd.score);
      }
      return out;
    }

    private static String text(Study s) {
      ProtocolSection p = s.protocolSection();
      StringBuilder b = new StringBuilder();
      if (p.identificationModule() != null) {
        append(b, p.identificationModule().briefTitle());
        append(b, p.identificationModule().officialTitle());
      }
      if (p.conditionsModule() != null) {
        if (p.conditionsModule().conditions() != null) {
          p.conditionsModule().conditions().forEach(c -> append(b, c));
        }
        if (p.conditionsModule().keywords() != null) {
          p.conditionsModule().keywords().forEach(k -> append(b, k));
        }
      }
      if (p.descriptionModule() != null) {
        append(b, p.descriptionModule().briefSummary());
      }
      if (p.eligibilityModule() != null) {
        append(b, p.eligibilityModule().eligibilityCriteria());
      }
      return b.toString();
    }

    private static void append(StringBuilder b, String s) {
      if (s != null) {
        b.append(s).append('\n');
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }
}
