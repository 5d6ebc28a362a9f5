package org.trialdex.core.terms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trialdex.core.source.Sha256;
import org.trialdex.core.terms.Concept.Source;
import org.trialdex.core.terms.Vocabulary.Area;

/**
 * Reads the terminology files and the curated list into a {@link Vocabulary}.
 *
 * <p>MeSH descriptors are the backbone: tree numbers give the hierarchy and the area (C and F03
 * conditions, D and E interventions). A Disease Ontology term joins the MeSH descriptor it names
 * (its MeSH cross-reference, or a label or exact synonym that is the descriptor's name) unless its
 * parent term joined the same descriptor, in which case it is narrower and stays a concept of its
 * own below that descriptor; a term with no MeSH descriptor stays its own concept below its parent
 * term. A curated group joins the concept one of its names names; otherwise it becomes a concept
 * below the concepts its longest name contains ("acute graft versus host disease" below Graft vs
 * Host Disease).
 */
final class VocabularyLoader {

  static final String CURATED = "/org/trialdex/core/terms/curated-conditions.txt";
  /** Bumped when a rule changes what a vocabulary means without changing its names or parents. */
  private static final String RULES_VERSION = "1";
  private static final String MESH_TERMS = "mesh/mesh_id_label_entryterms_2019.tsv";
  private static final String MESH_TREE = "mesh/2017MeshTree.txt";
  private static final String DO_TERMS = "doid/HumanDO.tsv";
  private static final String DO_MESH = "doid/MESHinDO.tsv";
  private static final Pattern MESH_XREF = Pattern.compile("MESH:(D\\d+)");
  private static final Pattern OBO_SYNONYM = Pattern.compile("^synonym: \"(.*)\" (EXACT|RELATED|NARROW|BROAD)");
  private static final Pattern DESCRIPTOR = Pattern.compile("D\\d+");
  private static final Pattern TREE_NUMBER = Pattern.compile("[A-Z]\\d{2}(\\.\\d{3})*");
  private static final Pattern TINY_WORDS = Pattern.compile("[a-z0-9]{1,2}( [a-z0-9]{1,2})*");
  private static final Pattern SHORT_WORD = Pattern.compile("[a-z0-9]{1,5}");

  private final Map<String, Concept> concepts = new LinkedHashMap<>();
  private final Map<String, List<String>> parents = new HashMap<>();
  /** Names of each concept by key, in the order added (the preferred name first). */
  private final Map<String, Map<String, String>> names = new HashMap<>();
  /** Keys that are a MeSH heading or entry term of the concept, by concept. */
  private final Map<String, Set<String>> meshKeys = new HashMap<>();
  /** Keys the curated list gives a concept: they win over other concepts' names. */
  private final Map<String, String> curatedKeys = new HashMap<>();
  private final Map<String, Set<Area>> areas = new HashMap<>();
  private final MessageDigest digest;
  private final List<String> described = new ArrayList<>();
  private boolean meshLoaded;
  /** Tree numbers by descriptor, to find the descriptors without any. */
  private Map<String, List<String>> noTreeParents = Map.of();

  private VocabularyLoader() {
    digest = Sha256.digest();
    digest.update(("rules " + RULES_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static Vocabulary curatedOnly() {
    VocabularyLoader loader = new VocabularyLoader();
    loader.curated();
    return loader.build();
  }

  static Vocabulary load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new VocabularyException("No terminology folder at " + dir + "; it must hold " + MESH_TERMS + " and "
          + MESH_TREE + " (and optionally the Disease Ontology files under doid/)");
    }
    VocabularyLoader loader = new VocabularyLoader();
    loader.mesh(dir);
    if (Files.exists(dir.resolve(DO_TERMS))) {
      loader.diseaseOntology(dir);
    }
    loader.placeDescriptorsWithoutTree();
    loader.curated();
    return loader.build();
  }

  // ---- MeSH

  private void mesh(Path dir) {
    Map<String, List<String>> trees = new HashMap<>();
    Map<String, String> byTree = new HashMap<>();
    List<String> treeLines = lines(dir.resolve(MESH_TREE));
    for (int i = 1; i < treeLines.size(); i++) {
      String[] f = treeLines.get(i).split("\t", -1);
      if (f.length < 2 || !DESCRIPTOR.matcher(f[1]).matches() || !TREE_NUMBER.matcher(f[0]).matches()) {
        throw bad(dir.resolve(MESH_TREE), i + 1, "expected 'tree number<TAB>descriptor id<TAB>term'");
      }
      trees.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]);
      byTree.put(f[0], f[1]);
    }
    List<String> termLines = lines(dir.resolve(MESH_TERMS));
    for (int i = 0; i < termLines.size(); i++) {
      String[] f = termLines.get(i).split("\t", -1);
      if (f.length < 2 || !DESCRIPTOR.matcher(f[0]).matches() || f[1].isBlank()) {
        throw bad(dir.resolve(MESH_TERMS), i + 1, "expected 'descriptor id<TAB>heading<TAB>entry terms separated by |'");
      }
      List<String> tree = trees.getOrDefault(f[0], List.of());
      add(new Concept(f[0], f[1], Source.MESH, tree));
      Set<Area> in = areas.get(f[0]);
      if (tree.isEmpty()) {
        // Descriptors newer than the tree file: known by name, without a place in the hierarchy.
        in.add(Area.CONDITION);
        in.add(Area.INTERVENTION);
      }
      for (String t : tree) {
        if (t.startsWith("C") || t.startsWith("F03")) {
          in.add(Area.CONDITION);
        } else if (t.startsWith("D") || t.startsWith("E")) {
          in.add(Area.INTERVENTION);
        }
        int cut = t.lastIndexOf('.');
        if (cut > 0) {
          String parent = byTree.get(t.substring(0, cut));
          if (parent != null && !parent.equals(f[0])) {
            addParent(f[0], parent);
          }
        }
      }
      List<String> entries = f.length > 2 && !f[2].isBlank() ? List.of(f[2].split("\\|")) : List.of();
      for (String entry : entries) {
        nameWithQualifier(f[0], entry, entries);
      }
    }
    names.forEach((id, byKey) -> meshKeys.put(id, new java.util.HashSet<>(byKey.keySet())));
    meshLoaded = true;
    noTreeParents = trees;
    described.add("MeSH 2019 (" + termLines.size() + " descriptors, 2017 tree numbers)");
  }

  /** "CVA (Cerebrovascular Accident)" is also "CVA" when the qualifier is another name of the descriptor. */
  private void nameWithQualifier(String id, String entry, List<String> entries) {
    int open = entry.indexOf(" (");
    if (open > 0 && entry.endsWith(")")) {
      String qualifier = Words.key(entry.substring(open + 2, entry.length() - 1));
      String heading = Words.key(concepts.get(id).name());
      boolean names = heading.equals(qualifier) || entries.stream().anyMatch(e -> Words.key(e).equals(qualifier));
      if (names) {
        name(id, entry.substring(0, open));
        return;
      }
    }
    name(id, entry);
  }

  /**
   * Descriptors newer than the tree file (2018-2019) get the parents their heading contains:
   * Essential Hypertension goes below Hypertension.
   */
  private void placeDescriptorsWithoutTree() {
    Vocabulary sofar = build();
    for (Concept c : List.copyOf(concepts.values())) {
      if (!c.mesh() || !c.treeNumbers().isEmpty() || parents.containsKey(c.id()) || noTreeParents.containsKey(c.id())) {
        continue;
      }
      int words = Words.of(c.name()).size();
      for (Area area : Area.values()) {
        for (Vocabulary.Match m : sofar.find(area, c.name())) {
          if (m.text().split(" ").length < words && !m.concept().id().equals(c.id())) {
            addParent(c.id(), m.concept().id());
          }
        }
      }
    }
  }

  // ---- Disease Ontology

  private record DoTerm(String id, String label, String parentLabel, List<String> meshIds, List<String> synonyms,
      List<String> isA) {}

  private void diseaseOntology(Path dir) {
    Map<String, List<String>> xrefs = new HashMap<>();
    if (Files.exists(dir.resolve(DO_MESH))) {
      List<String> rows = lines(dir.resolve(DO_MESH));
      for (int i = 1; i < rows.size(); i++) {
        String[] f = rows.get(i).split("\t", -1);
        if (f.length < 3) {
          throw bad(dir.resolve(DO_MESH), i + 1, "expected 'id<TAB>label<TAB>xrefs'");
        }
        Matcher m = MESH_XREF.matcher(f[2]);
        while (m.find()) {
          xrefs.computeIfAbsent(unquote(f[0]), k -> new ArrayList<>()).add(m.group(1));
        }
      }
    }
    Map<String, List<String>> synonyms = new HashMap<>();
    Map<String, List<String>> isA = new HashMap<>();
    Set<String> fromSubsets = new LinkedHashSet<>();
    List<Path> obo = obo(dir.resolve("doid"));
    for (Path file : obo) {
      boolean legacy = file.getFileName().toString().contains("legacy");
      readObo(file, legacy ? null : fromSubsets, synonyms, isA, xrefs);
    }
    List<String> rows = lines(dir.resolve(DO_TERMS));
    Map<String, String> idByLabel = new HashMap<>();
    List<DoTerm> terms = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      String[] f = rows.get(i).split("\t", -1);
      if (f.length < 2 || !unquote(f[0]).startsWith("DOID:")) {
        throw bad(dir.resolve(DO_TERMS), i + 1, "expected 'DOID id<TAB>label<TAB>parent label'");
      }
      String id = unquote(f[0]);
      String label = unquote(f[1]);
      idByLabel.putIfAbsent(label, id);
      List<String> mesh = xrefs.getOrDefault(id, List.of()).stream().filter(concepts::containsKey).distinct().toList();
      terms.add(new DoTerm(id, label, f.length > 2 ? unquote(f[2]) : "", mesh,
          synonyms.getOrDefault(id, List.of()), isA.getOrDefault(id, List.of())));
    }
    Map<String, DoTerm> byId = new HashMap<>();
    terms.forEach(t -> byId.put(t.id(), t));
    // A term's MeSH descriptors: cross-referenced, or named by its label or an exact synonym.
    Map<String, List<String>> meshOf = new HashMap<>();
    Map<String, List<String>> conditionKeys = keysOf(Area.CONDITION);
    for (DoTerm t : terms) {
      List<String> mesh = t.meshIds();
      if (mesh.isEmpty()) {
        Set<String> named = new LinkedHashSet<>();
        for (String n : Stream.concat(Stream.of(t.label()), t.synonyms().stream()).toList()) {
          named.addAll(conditionKeys.getOrDefault(Words.key(n), List.of()));
        }
        mesh = List.copyOf(named);
      }
      meshOf.put(t.id(), mesh);
    }
    int joined = 0;
    for (DoTerm t : terms) {
      List<String> parentIds = t.isA().isEmpty() && idByLabel.containsKey(t.parentLabel())
          ? List.of(idByLabel.get(t.parentLabel())) : t.isA();
      List<String> mesh = meshOf.get(t.id());
      boolean narrower = parentIds.stream().anyMatch(p -> meshOf.getOrDefault(p, List.of()).stream()
          .anyMatch(mesh::contains));
      if (!mesh.isEmpty() && !narrower) {
        for (String d : mesh) {
          name(d, t.label());
          t.synonyms().forEach(s -> name(d, s));
          areas.get(d).add(Area.CONDITION);
        }
        concepts.put(t.id(), concepts.get(mesh.getFirst()));
        joined++;
      } else {
        add(new Concept(t.id(), t.label(), Source.DOID, List.of()));
        areas.get(t.id()).add(Area.CONDITION);
        name(t.id(), t.label());
        t.synonyms().forEach(s -> name(t.id(), s));
        if (narrower) {
          mesh.forEach(d -> addParent(t.id(), d));
        }
      }
    }
    for (DoTerm t : terms) {
      Concept own = concepts.get(t.id());
      if (own.source() != Source.DOID) {
        continue;
      }
      List<String> parentIds = t.isA().isEmpty() && idByLabel.containsKey(t.parentLabel())
          ? List.of(idByLabel.get(t.parentLabel())) : t.isA();
      for (String p : parentIds) {
        Concept parent = concepts.get(p);
        if (parent != null && !parent.id().equals(t.id())) {
          addParent(t.id(), parent.id());
        }
      }
    }
    described.add("Human Disease Ontology (" + terms.size() + " terms, " + joined + " joined to MeSH, "
        + obo.size() + " OBO files for synonyms)");
  }

  private List<Path> obo(Path doid) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(doid)) {
      walk.filter(p -> p.toString().endsWith(".obo")).sorted(Comparator.comparing((Path p) ->
          p.getFileName().toString().contains("legacy")).thenComparing(Path::toString)).forEach(files::add);
    } catch (IOException e) {
      throw new VocabularyException("Cannot list the Disease Ontology files in " + doid + ": " + e.getMessage(), e);
    }
    return files;
  }

  /**
   * Exact synonyms, parents and MeSH cross-references of each [Term] stanza. The legacy file
   * ({@code seen} null) only fills terms no current file described.
   */
  private void readObo(Path file, Set<String> seen, Map<String, List<String>> synonyms,
      Map<String, List<String>> isA, Map<String, List<String>> xrefs) {
    List<String> all = lines(file);
    String id = null;
    boolean skip = false;
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i);
      if (line.startsWith("[")) {
        id = null;
        continue;
      }
      if (line.startsWith("id: ")) {
        id = line.substring(4).strip();
        skip = seen == null && synonyms.containsKey(id);
        if (seen != null) {
          seen.add(id);
        }
        continue;
      }
      if (id == null || skip) {
        continue;
      }
      if (line.startsWith("is_obsolete: true")) {
        synonyms.remove(id);
        id = null;
      } else if (line.startsWith("synonym: ")) {
        Matcher m = OBO_SYNONYM.matcher(line);
        if (m.find() && m.group(2).equals("EXACT")) {
          addOnce(synonyms, id, m.group(1).replace("\\\"", "\""));
        } else {
          synonyms.computeIfAbsent(id, k -> new ArrayList<>());
        }
      } else if (line.startsWith("is_a: ")) {
        String parent = line.substring(6).split(" ")[0];
        addOnce(isA, id, parent);
      } else if (line.startsWith("xref: MESH:D")) {
        addOnce(xrefs, id, line.substring(11).split(" ")[0]);
      } else {
        synonyms.computeIfAbsent(id, k -> new ArrayList<>());
      }
    }
  }

  private static void addOnce(Map<String, List<String>> map, String key, String value) {
    List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  // ---- The curated list

  /** A curated group: its names, the reason given above it, and the parents it names ("| under D006976"). */
  record Group(List<String> terms, String reason, List<String> under) {
    /** A group of single words: spelling variants, each word read as the first (Words). */
    boolean spelling() {
      return terms.stream().allMatch(t -> t.matches("[\\p{L}\\p{N}]+"));
    }
  }

  /** The curated list as stored on the class path. */
  static byte[] curatedBytes() {
    try (InputStream in = VocabularyLoader.class.getResourceAsStream(CURATED)) {
      if (in == null) {
        throw new VocabularyException("The curated list " + CURATED + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new VocabularyException("Cannot read the curated list " + CURATED + ": " + e.getMessage(), e);
    }
  }

  private void curated() {
    byte[] bytes = curatedBytes();
    digest.update(bytes);
    List<Group> groups = curatedGroups(new String(bytes, StandardCharsets.UTF_8)).stream()
        .filter(g -> !g.spelling()).toList();
    // Join groups to the concepts they name first, so that a group's parent search sees MeSH and DOID only.
    Map<String, List<String>> keys = keysOf(Area.CONDITION);
    List<Group> own = new ArrayList<>();
    for (Group g : groups) {
      // The concept most of the group's names name (MeSH first on a tie): an abbreviation alone may
      // name another concept in MeSH ("IBD" is an entry term of Irritable Bowel Syndrome there).
      Map<String, Integer> votes = new LinkedHashMap<>();
      for (String term : g.terms()) {
        for (String id : keys.getOrDefault(Words.key(term), List.of())) {
          votes.merge(id, 1, Integer::sum);
        }
      }
      String target = votes.entrySet().stream()
          .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
              .thenComparing(e -> concepts.get(e.getKey()).mesh()))
          .map(Map.Entry::getKey).orElse(null);
      if (target == null || !g.under().isEmpty()) {
        own.add(g);
      } else {
        for (String term : g.terms()) {
          name(target, term);
          curatedKeys.put(Words.key(term), target);
        }
      }
    }
    Vocabulary sofar = build();
    for (Group g : own) {
      String id = "TDX:" + g.terms().getFirst();
      // Named by its longest name ("acute graft versus host disease", not "agvhd").
      String name = g.terms().stream().max(Comparator.comparingInt(t -> Words.of(t).size())).orElseThrow();
      add(new Concept(id, name, Source.CURATED, List.of()));
      areas.get(id).add(Area.CONDITION);
      g.terms().forEach(t -> {
        name(id, t);
        curatedKeys.put(Words.key(t), id);
      });
      if (!g.under().isEmpty()) {
        for (String parent : g.under()) {
          if (!concepts.containsKey(parent) && !meshLoaded) {
            continue;
          }
          if (!concepts.containsKey(parent)) {
            throw new VocabularyException("The curated list " + CURATED + " puts '" + g.terms().getFirst()
                + "' under " + parent + ", which is not a concept of this vocabulary");
          }
          addParent(id, concepts.get(parent).id());
        }
        continue;
      }
      String longest = g.terms().stream().max(Comparator.comparingInt(t -> Words.of(t).size())).orElseThrow();
      List<String> longestWords = Words.of(longest);
      for (Vocabulary.Match m : sofar.find(Area.CONDITION, longest)) {
        // A part of the name, not the whole: "acute graft versus host disease" contains graft versus host disease.
        if (m.text().split(" ").length < longestWords.size()) {
          addParent(id, m.concept().id());
        }
      }
    }
    described.add("curated list (" + groups.size() + " groups, " + own.size() + " concepts of their own)");
  }

  /**
   * The groups of the curated list, spelling variants included: lines of comma-separated names,
   * after the '#' lines giving the reason.
   */
  static List<Group> curatedGroups(String text) {
    List<Group> groups = new ArrayList<>();
    StringBuilder reason = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#")) {
        reason.append(reason.isEmpty() ? "" : " ").append(line.substring(1).strip());
        continue;
      }
      if (line.isEmpty()) {
        reason.setLength(0);
        continue;
      }
      int bar = line.indexOf("| under ");
      List<String> under = bar < 0 ? List.of() : List.of(line.substring(bar + 8).strip().split("[ ,]+"));
      String names = bar < 0 ? line : line.substring(0, bar);
      List<String> terms = Stream.of(names.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
      if (terms.size() > 1) {
        groups.add(new Group(terms, reason.toString(), under));
      }
      reason.setLength(0);
    }
    return groups;
  }

  // ---- Building

  private void add(Concept concept) {
    concepts.put(concept.id(), concept);
    areas.put(concept.id(), java.util.EnumSet.noneOf(Area.class));
    name(concept.id(), concept.name());
  }

  private void addParent(String id, String parent) {
    List<String> list = parents.computeIfAbsent(id, k -> new ArrayList<>());
    if (!list.contains(parent)) {
      list.add(parent);
    }
  }

  private void name(String id, String name) {
    String key = Words.key(name);
    if (!key.isEmpty()) {
      names.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(key, name.strip());
    }
  }

  /** Name keys of the concepts in an area, to the concepts (by canonical id) they name. */
  private Map<String, List<String>> keysOf(Area area) {
    Map<String, List<String>> keys = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> e : names.entrySet()) {
      String id = e.getKey();
      if (!areas.getOrDefault(id, Set.of()).contains(area)) {
        continue;
      }
      for (String key : e.getValue().keySet()) {
        List<String> ids = keys.computeIfAbsent(key, k -> new ArrayList<>());
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return keys;
  }

  private Vocabulary build() {
    Map<Area, Map<String, List<String>>> byKey = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      Map<String, List<String>> keys = keysOf(area);
      // A name the curated list gives names that concept only; a short single word naming several
      // concepts otherwise is an ambiguous abbreviation: it names none.
      keys.replaceAll((k, ids) -> curatedKeys.containsKey(k) && ids.contains(curatedKeys.get(k))
          ? List.of(curatedKeys.get(k)) : ids);
      // A MeSH name of one concept beats the same words given to another by the Disease Ontology:
      // "insulin resistance" is D007333, though a DOID synonym gives it to type 2 diabetes too.
      keys.replaceAll((k, ids) -> {
        List<String> native_ = ids.stream().filter(id -> meshKeys.getOrDefault(id, Set.of()).contains(k)).toList();
        return ids.size() > 1 && !native_.isEmpty() ? native_ : ids;
      });
      // Keys of one- and two-letter words only ("l", "1 l") name nothing unless the curated list says so:
      // in a title they are doses, units and codes.
      keys.entrySet().removeIf(e -> !curatedKeys.containsKey(e.getKey()) && TINY_WORDS.matcher(e.getKey()).matches());
      keys.entrySet().removeIf(e -> e.getValue().size() > 1 && SHORT_WORD.matcher(e.getKey()).matches());
      // Most specific first: a concept whose preferred name is the key, MeSH before others, then by id.
      keys.replaceAll((k, ids) -> ids.stream().sorted(Comparator
          .comparing((String id) -> !Words.key(concepts.get(id).name()).equals(k))
          .thenComparing(id -> !concepts.get(id).mesh())
          .thenComparing(id -> id)).toList());
      byKey.put(area, Map.copyOf(keys));
    }
    Map<String, List<String>> frozenParents = new HashMap<>();
    parents.forEach((k, v) -> frozenParents.put(k, List.copyOf(v)));
    Map<String, List<String>> frozenNames = new HashMap<>();
    names.forEach((k, v) -> frozenNames.put(k, List.copyOf(v.values())));
    MessageDigest copy;
    try {
      copy = (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    // The inputs' digest, and the content's hash codes (specified for strings, lists and maps, so the
    // same on every JVM): a change of the rules changes the fingerprint too.
    int content = frozenParents.hashCode();
    for (Area area : Area.values()) {
      content = 31 * content + byKey.get(area).hashCode(); // not the EnumMap's: an enum's hash code is its identity
    }
    return new Vocabulary(Map.copyOf(concepts), frozenParents, frozenNames, byKey, String.join("; ", described),
        HexFormat.of().formatHex(copy.digest()).substring(0, 12) + String.format("%08x", content));
  }

  // ---- Files

  private List<String> lines(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return List.of(text.split("\r?\n"));
    } catch (NoSuchFileException e) {
      throw new VocabularyException("Missing terminology file " + file);
    } catch (IOException e) {
      throw new VocabularyException("Cannot read terminology file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String unquote(String field) {
    String s = field.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s;
  }

  private static VocabularyException bad(Path file, int line, String expected) {
    return new VocabularyException("Cannot read " + file + " line " + line + ": " + expected);
  }
}
