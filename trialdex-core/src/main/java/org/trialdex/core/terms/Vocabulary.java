package org.trialdex.core.terms;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Concepts by meaning, for conditions and interventions: their names, their hierarchy, and the
 * mapping of text to concepts. Made by {@link #load(Path)} from a terminology folder (MeSH,
 * Disease Ontology) with the team's curated list, or by {@link #curated()} from the curated list
 * alone. Immutable and thread-safe.
 *
 * <p>Text maps to a concept when its {@linkplain Words#key key} is the key of one of the concept's
 * names. {@link #lookup} maps a whole text (a query); {@link #find} finds every concept a longer text
 * names (a record's condition, "Steroid-Refractory Acute Graft-versus-Host Disease" names the
 * curated concept acute GVHD, whose parent is MeSH Graft vs Host Disease).
 */
public final class Vocabulary {

  /** Which part of a record a concept describes. */
  public enum Area {
    /** Conditions: MeSH diseases (C) and mental disorders (F03), Disease Ontology, the curated list. */
    CONDITION,
    /** Interventions: MeSH chemicals and drugs (D) and techniques and procedures (E). */
    INTERVENTION
  }

  /**
   * Where a text named a concept.
   *
   * @param concept the concept named
   * @param text the words that named it, as normalized
   * @param start where those words start in the text searched
   * @param end where they end (exclusive)
   */
  public record Match(Concept concept, String text, int start, int end) {}

  private static final int MAX_SPAN = 10;
  private static final int MAX_NAMES = 30;

  private final Map<String, Concept> concepts;
  private final Map<String, List<String>> parents;
  private final Map<String, List<String>> names;
  private final Map<Area, Map<String, List<String>>> byKey;
  private final String description;
  private final String fingerprint;
  private final Map<String, Set<String>> closures = new ConcurrentHashMap<>();
  /** Each area's keys by the hash of their words ({@link #bagHash}), to test runs of words cheaply. */
  private final Map<Area, Map<Long, List<String>>> byHash = new java.util.EnumMap<>(Area.class);
  /** What short texts name, by area: conditions repeat across records. */
  private final Map<Area, Map<String, List<Match>>> found = new java.util.EnumMap<>(Area.class);

  private static final int CACHED_LENGTH = 120;
  private static final int CACHE_SIZE = 50_000;

  Vocabulary(Map<String, Concept> concepts, Map<String, List<String>> parents, Map<String, List<String>> names,
      Map<Area, Map<String, List<String>>> byKey, String description, String fingerprint) {
    this.concepts = concepts;
    this.parents = parents;
    this.names = names;
    this.byKey = byKey;
    this.description = description;
    this.fingerprint = fingerprint;
    for (Area area : Area.values()) {
      Map<Long, List<String>> hashes = new java.util.HashMap<>();
      for (String key : byKey.get(area).keySet()) {
        long h = 0;
        for (String w : key.split(" ")) {
          h += wordHash(w);
        }
        hashes.computeIfAbsent(h, k -> new ArrayList<>(1)).add(key);
      }
      byHash.put(area, hashes);
      found.put(area, new ConcurrentHashMap<>());
    }
  }

  /** A 64-bit hash of one word; a run's hash is the sum over its distinct words, so order does not count. */
  private static long wordHash(String word) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h * 0x94D049BB133111EBL;
  }

  /**
   * The vocabulary of a terminology folder laid out as trialdex's shared data is: {@code
   * mesh/mesh_id_label_entryterms_2019.tsv}, {@code mesh/2017MeshTree.txt}, {@code doid/HumanDO.tsv},
   * {@code doid/MESHinDO.tsv} and the Disease Ontology OBO files under {@code doid/} (optional), with
   * the curated list.
   *
   * @throws VocabularyException naming the file and line that could not be read
   */
  public static Vocabulary load(Path termsDir) {
    Path dir = Objects.requireNonNull(termsDir, "termsDir").toAbsolutePath().normalize();
    Vocabulary loaded = LOADED.get(dir);
    if (loaded == null) {
      loaded = VocabularyLoader.load(dir);
      Vocabulary raced = LOADED.putIfAbsent(dir, loaded);
      loaded = raced == null ? loaded : raced;
    }
    return loaded;
  }

  /**
   * The vocabulary of the folder named by the system property {@value #TERMS_PROPERTY} (or the
   * environment variable {@code TRIALDEX_TERMS}) when that folder exists, else {@link #curated()}.
   * Loaded once per process.
   */
  public static Vocabulary standard() {
    for (String given : new String[] {System.getProperty(TERMS_PROPERTY), System.getenv("TRIALDEX_TERMS")}) {
      if (given != null && !given.isBlank() && java.nio.file.Files.isDirectory(Path.of(given))) {
        return load(Path.of(given));
      }
    }
    return curated();
  }

  /** The system property naming the terminology folder {@link #standard()} loads. */
  public static final String TERMS_PROPERTY = "trialdex.terms";

  private static final Map<Path, Vocabulary> LOADED = new ConcurrentHashMap<>();
  private static volatile Vocabulary curated;

  /** The curated list alone: what search understands without a terminology folder. */
  public static Vocabulary curated() {
    Vocabulary v = curated;
    if (v == null) {
      v = VocabularyLoader.curatedOnly();
      curated = v;
    }
    return v;
  }

  /** What the vocabulary holds: sources and sizes, for status pages. */
  public String description() {
    return description;
  }

  /** Changes whenever any input changes: an index built with another vocabulary must be rebuilt. */
  public String fingerprint() {
    return fingerprint;
  }

  /** How many concepts there are. */
  public int size() {
    return concepts.size();
  }

  /** The concept with this id (a merged Disease Ontology id gives its MeSH descriptor). */
  public Optional<Concept> concept(String id) {
    return Optional.ofNullable(concepts.get(id));
  }

  /** The concepts whose name is exactly {@code text} (in {@link Words} terms), most specific first. */
  public List<Concept> lookup(Area area, String text) {
    List<String> ids = byKey.get(area).getOrDefault(Words.key(text), List.of());
    return ids.stream().map(concepts::get).toList();
  }

  /**
   * Every concept that {@code text} names: the longest runs of words that are a concept's name,
   * without overlaps, in order.
   */
  public List<Match> find(Area area, String text) {
    if (text != null && text.length() <= CACHED_LENGTH) {
      Map<String, List<Match>> cache = found.get(area);
      List<Match> known = cache.get(text);
      if (known == null) {
        known = List.copyOf(findWithCoordination(area, text));
        if (cache.size() >= CACHE_SIZE) {
          cache.clear();
        }
        cache.put(text, known);
      }
      return known;
    }
    return findWithCoordination(area, text);
  }

  private List<Match> findWithCoordination(Area area, String text) {
    List<Match> matches = findIn(area, text);
    if (text != null && text.length() < 2_000) {
      // "Acute or Chronic GVHD" names acute GVHD and chronic GVHD; "Breast and Lung Cancer" both cancers.
      java.util.regex.Matcher m = COORDINATED.matcher(text);
      while (m.find()) {
        for (int keep = 1; keep <= 2; keep++) {
          String variant = text.substring(0, m.start()) + m.group(keep) + text.substring(m.end());
          for (Match extra : findIn(area, variant)) {
            if (matches.stream().noneMatch(known -> known.concept().equals(extra.concept())
                && known.text().equals(extra.text()))) {
              matches = new ArrayList<>(matches);
              matches.add(new Match(extra.concept(), extra.text(), inOriginal(m, keep, extra.start()),
                  inOriginal(m, keep, extra.end())));
            }
          }
        }
      }
    }
    return matches;
  }

  /** Where a place in a coordination variant (one of the two words kept) stands in the original text. */
  private static int inOriginal(java.util.regex.Matcher m, int keep, int at) {
    int kept = m.group(keep).length();
    if (at <= m.start()) {
      return at;
    }
    if (at <= m.start() + kept) {
      return m.start(keep) + (at - m.start());
    }
    return at + (m.end() - m.start()) - kept;
  }

  /** Two single words joined by or, and, / or &amp;, as in "acute or chronic". */
  private static final java.util.regex.Pattern COORDINATED = java.util.regex.Pattern.compile(
      "(?i)\\b([\\p{L}\\p{N}]+)[\\s,()]*(?:\\bor\\b|\\band\\b|/|&)[\\s()]*([\\p{L}\\p{N}]+)\\b");

  private List<Match> findIn(Area area, String text) {
    List<Words.Token> tokens = Words.tokens(text);
    List<String> words = tokens.stream().map(Words.Token::word).toList();
    int n = words.size();
    if (n == 0) {
      return List.of();
    }
    Map<String, List<String>> keys = byKey.get(area);
    Map<Long, List<String>> hashes = byHash.get(area);
    // The hash of every run of up to MAX_SPAN words, each distinct word counted once.
    long[] wordHashes = new long[n];
    for (int i = 0; i < n; i++) {
      wordHashes[i] = wordHash(words.get(i));
    }
    int longest = Math.min(n, MAX_SPAN);
    long[][] spanHash = new long[n][longest + 1];
    for (int start = 0; start < n; start++) {
      long h = 0;
      for (int length = 1; length <= longest && start + length <= n; length++) {
        int last = start + length - 1;
        boolean repeated = false;
        for (int k = start; k < last && !repeated; k++) {
          repeated = words.get(k).equals(words.get(last));
        }
        if (!repeated) {
          h += wordHashes[last];
        }
        spanHash[start][length] = h;
      }
    }
    boolean[] taken = new boolean[n];
    List<int[]> spans = new ArrayList<>();
    List<List<String>> found = new ArrayList<>();
    for (int length = longest; length >= 1; length--) {
      for (int start = 0; start + length <= n; start++) {
        if (free(taken, start, length) && hashes.containsKey(spanHash[start][length])) {
          List<String> ids = keys.get(Words.key(words.subList(start, start + length)));
          if (ids != null) {
            for (int i = start; i < start + length; i++) {
              taken[i] = true;
            }
            spans.add(new int[] {start, length});
            found.add(ids);
          }
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
    List<Match> matches = new ArrayList<>();
    for (int i : order) {
      int first = spans.get(i)[0];
      int last = first + spans.get(i)[1] - 1;
      String matched = String.join(" ", words.subList(first, last + 1));
      for (String id : found.get(i)) {
        matches.add(new Match(concepts.get(id), matched, tokens.get(first).start(), tokens.get(last).end()));
      }
    }
    return matches;
  }

  private static boolean free(boolean[] taken, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  /** The concept's direct parents: broader MeSH descriptors, or the term a curated or DOID concept belongs to. */
  public List<Concept> parents(String id) {
    return parents.getOrDefault(id, List.of()).stream().map(concepts::get).toList();
  }

  /** The concept and every concept above it, nearest first. */
  public Set<String> closure(String id) {
    return closures.computeIfAbsent(id, this::computeClosure);
  }

  private Set<String> computeClosure(String id) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(id);
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (seen.add(next)) {
        queue.addAll(parents.getOrDefault(next, List.of()));
      }
    }
    return Collections.unmodifiableSet(seen);
  }

  /**
   * The MeSH descriptors that stand for a concept: itself when it is one, else the nearest MeSH
   * descriptors above it (none for a curated concept outside MeSH).
   */
  public List<Concept> mesh(String id) {
    Concept concept = concepts.get(id);
    if (concept == null) {
      return List.of();
    }
    if (concept.mesh()) {
      return List.of(concept);
    }
    Set<String> found = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> level = new ArrayDeque<>(parents.getOrDefault(id, List.of()));
    while (!level.isEmpty() && found.isEmpty()) {
      Deque<String> next = new ArrayDeque<>();
      for (String p : level) {
        if (seen.add(p)) {
          if (concepts.get(p).mesh()) {
            found.add(p);
          } else {
            next.addAll(parents.getOrDefault(p, List.of()));
          }
        }
      }
      level = next;
    }
    return found.stream().map(concepts::get).toList();
  }

  /** The names of a concept, preferred first, one per key (at most {@value #MAX_NAMES}). */
  public List<String> names(String id) {
    List<String> all = names.getOrDefault(id, List.of());
    return all.size() > MAX_NAMES ? all.subList(0, MAX_NAMES) : all;
  }

  /** Counts by source, for status pages. */
  public Map<Concept.Source, Integer> counts() {
    Map<Concept.Source, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Concept> e : concepts.entrySet()) {
      if (e.getKey().equals(e.getValue().id())) {
        counts.merge(e.getValue().source(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
