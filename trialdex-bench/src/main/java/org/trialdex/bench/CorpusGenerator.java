package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * Makes a large corpus from real records: each generated record is a real record (a template) with
 * a new NCT id and varied facts, so that sizes, text and field distributions stay realistic while
 * statuses, phases, dates, enrollment, conditions and sites spread like a registry's.
 *
 * <p>Deterministic: record {@code i} depends only on the seed and {@code i} ({@link #make}), so the
 * same seed gives the same corpus and records can be made on several threads. Streams: records are
 * made as they are pulled, so 600,000 of them never sit in memory.
 */
final class CorpusGenerator implements Iterator<Study> {

  /** ClinicalTrials.gov's overall status mix, roughly (share in percent). */
  private static final String[][] STATUSES = {
      {"COMPLETED", "45"}, {"UNKNOWN", "15"}, {"RECRUITING", "14"}, {"ACTIVE_NOT_RECRUITING", "6"},
      {"TERMINATED", "6"}, {"NOT_YET_RECRUITING", "5"}, {"WITHDRAWN", "3"}, {"ENROLLING_BY_INVITATION", "2"},
      {"SUSPENDED", "1"}, {"AVAILABLE", "1"}, {"NO_LONGER_AVAILABLE", "1"}, {"APPROVED_FOR_MARKETING", "1"}};

  private final List<JsonNode> templates;
  private final long count;
  private final long seed;
  private long made;

  CorpusGenerator(List<JsonNode> templates, long count, long seed) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no templates to generate from");
    }
    this.templates = List.copyOf(templates);
    this.count = count;
    this.seed = seed;
  }

  @Override
  public boolean hasNext() {
    return made < count;
  }

  @Override
  public Study next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return make(made++);
  }

  /** Record {@code i} of the corpus; thread-safe. */
  Study make(long i) {
    Random random = new Random(seed * 1_000_003L + i);
    ObjectNode tree = templates.get((int) (i % templates.size())).deepCopy();
    ObjectNode protocol = object(tree, "protocolSection");
    object(protocol, "identificationModule").put("nctId", id(i));
    object(protocol, "statusModule").put("overallStatus", status(random));
    shiftDates(object(protocol, "statusModule"), random.nextInt(19) - 15);
    ObjectNode design = object(protocol, "designModule");
    if (design.has("enrollmentInfo")) {
      ObjectNode enrollment = (ObjectNode) design.get("enrollmentInfo");
      int base = enrollment.path("count").asInt(40);
      enrollment.put("count", Math.max(0, (int) Math.round(base * (0.25 + random.nextDouble() * 2))));
    }
    // Borrow the conditions of another record now and then, so conditions mix across designs.
    if (random.nextInt(4) == 0) {
      JsonNode other = templates.get(random.nextInt(templates.size())).path("protocolSection").path("conditionsModule");
      if (!other.isMissingNode()) {
        protocol.set("conditionsModule", other.deepCopy());
        JsonNode browse = templates.get(random.nextInt(templates.size())).path("derivedSection").path("conditionBrowseModule");
        if (!browse.isMissingNode() && tree.has("derivedSection")) {
          ((ObjectNode) tree.get("derivedSection")).set("conditionBrowseModule", browse.deepCopy());
        }
      }
    }
    thinLocations(protocol, random);
    return StudyJson.standard().read(tree);
  }

  static String id(long i) {
    return String.format(Locale.ROOT, "NCT9%07d", i);
  }

  private static String status(Random random) {
    int r = random.nextInt(100);
    int acc = 0;
    for (String[] s : STATUSES) {
      acc += Integer.parseInt(s[1]);
      if (r < acc) {
        return s[0];
      }
    }
    return "COMPLETED";
  }

  private static void shiftDates(ObjectNode status, int years) {
    for (String struct : List.of("startDateStruct", "primaryCompletionDateStruct", "completionDateStruct",
        "studyFirstPostDateStruct", "lastUpdatePostDateStruct")) {
      JsonNode node = status.path(struct);
      if (node.isObject() && node.path("date").isTextual()) {
        ((ObjectNode) node).put("date", shift(node.path("date").asText(), years));
      }
    }
  }

  /** {@code 2016-05-01} moved by whole years, keeping the precision. */
  static String shift(String date, int years) {
    if (date.length() < 4 || !Character.isDigit(date.charAt(0))) {
      return date;
    }
    int year = Integer.parseInt(date.substring(0, 4)) + years;
    return String.format(Locale.ROOT, "%04d", Math.max(1990, Math.min(2030, year))) + date.substring(4);
  }

  /** Keeps a random share of a study's sites (at least one), as registries hold small and large trials. */
  private static void thinLocations(ObjectNode protocol, Random random) {
    JsonNode locations = protocol.path("contactsLocationsModule").path("locations");
    if (!locations.isArray() || locations.size() < 2) {
      return;
    }
    ArrayNode kept = ((ObjectNode) protocol.get("contactsLocationsModule")).putArray("locations");
    double share = random.nextDouble();
    for (JsonNode location : locations) {
      if (kept.isEmpty() || random.nextDouble() < share) {
        kept.add(location);
      }
    }
  }

  private static ObjectNode object(ObjectNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(name);
  }

  /**
   * Replaces what {@code index} holds with {@code count} records made from {@code templates}, on
   * every core as a reindex would (IndexWriter is thread-safe), printing progress every 100,000, and
   * commits. Returns how many were indexed.
   */
  static long indexInto(org.trialdex.search.StudyIndex index, List<JsonNode> templates, long count, long started) {
    index.deleteAll();
    CorpusGenerator corpus = new CorpusGenerator(templates, count, 42);
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    java.util.stream.LongStream.range(0, count).parallel().forEach(i -> {
      index.upsert(id(i), corpus.make(i));
      long d = done.incrementAndGet();
      if (d % 100_000 == 0) {
        System.out.printf(java.util.Locale.ROOT, "  %,d indexed, %.0f s%n", d, (System.nanoTime() - started) / 1e9);
      }
    });
    index.commit();
    return done.get();
  }
}
