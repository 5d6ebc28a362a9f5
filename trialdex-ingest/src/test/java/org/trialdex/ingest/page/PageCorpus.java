package org.trialdex.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.trialdex.core.json.StudyJson;
import org.trialdex.ingest.ReadResult;

/**
 * The corpus of real pages from other sites (issue #16) and their hand-filled truth: one directory
 * per site under {@code src/test/resources/org/trialdex/ingest/page/corpus}, a {@code .txt} with the
 * text as the site shows it and a {@code .truth} with the fields that text shows, filled by hand
 * (see the corpus README). This class reads both and scores a reading against the truth; the truth
 * never comes from the reader.
 */
final class PageCorpus {

  /** The fields scored, in report order. */
  static final List<String> FIELDS = List.of("refused", "title", "officialTitle", "nctId", "id", "status", "phase",
      "studyType", "enrollment", "startDate", "primaryCompletionDate", "completionDate", "sex", "minAge", "maxAge",
      "healthyVolunteers", "sponsor", "condition");

  /** One page and its truth. */
  record Page(String site, String name, Path text, Map<String, List<String>> truth) {
    boolean expectFail() {
      return "fail".equals(one("expect"));
    }

    String one(String key) {
      List<String> v = truth.get(key);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    String url() {
      return one("url");
    }
  }

  /** One field of one page: what the truth says, what was read, and whether they agree. */
  record Score(Page page, String field, String expected, String read, boolean right) {}

  /** The corpus the reader was improved on. */
  static final String TUNED = "corpus";
  /** Pages from further sites, gathered after the reader's rules were written and never used to change them. */
  static final String HELD_OUT = "heldout";

  static Path root(String name) {
    Path p = Path.of("src/test/resources/org/trialdex/ingest/page", name);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("the page corpus is missing at " + p.toAbsolutePath());
    }
    return p;
  }

  static List<Page> pages() {
    return pages(TUNED);
  }

  static List<Page> pages(String corpus) {
    List<Page> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root(corpus))) {
      for (Path txt : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        Path truth = txt.resolveSibling(txt.getFileName().toString().replaceFirst("\\.txt$", ".truth"));
        if (!Files.exists(truth)) {
          throw new IllegalStateException("no truth file for " + txt);
        }
        out.add(new Page(txt.getParent().getFileName().toString(), txt.getFileName().toString().replaceFirst("\\.txt$", ""),
            txt, truth(Files.readString(truth, StandardCharsets.UTF_8), truth)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** {@code key: value} lines; {@code #} comments, and a {@code  # reason} after a value, are dropped. */
  static Map<String, List<String>> truth(String text, Path file) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int hash = l.indexOf("  #");
      if (hash > 0) {
        l = l.substring(0, hash).strip();
      }
      int colon = l.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException(file + ": a truth line without a key: " + line);
      }
      String key = l.substring(0, colon).strip();
      String value = l.substring(colon + 1).strip();
      if (!key.equals("url") && !key.equals("site") && !key.equals("expect") && !FIELDS.contains(key)) {
        throw new IllegalStateException(file + ": unknown truth key " + key);
      }
      if (!value.isEmpty()) {
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return out;
  }

  /** The scores of one page's reading. */
  static List<Score> score(Page page, List<ReadResult> results) {
    List<Score> out = new ArrayList<>();
    boolean failed = !results.isEmpty() && results.stream().allMatch(r -> r instanceof ReadResult.Failed);
    if (page.expectFail()) {
      String what = "failed";
      if (!failed) {
        StringBuilder sb = new StringBuilder("read " + results.size() + " record(s):");
        for (ReadResult r : results) {
          if (r instanceof ReadResult.Read read) {
            StudyJson.standard().tree(read.study()).path("protocolSection").fields().forEachRemaining(m ->
                m.getValue().fields().forEachRemaining(f -> sb.append(' ').append(f.getKey()).append('=')
                    .append(f.getValue().toString(), 0, Math.min(60, f.getValue().toString().length()))));
          }
        }
        what = sb.toString();
      }
      out.add(new Score(page, "refused", "failed", what, failed));
      return out;
    }
    JsonNode s = null;
    for (ReadResult r : results) {
      if (r instanceof ReadResult.Read read) {
        s = StudyJson.standard().tree(read.study()).path("protocolSection");
        break;
      }
    }
    for (String field : FIELDS) {
      List<String> expected = page.truth().get(field);
      if (expected == null || field.equals("refused")) {
        continue;
      }
      if (s == null) {
        String why = results.isEmpty() ? "nothing" : results.get(0) instanceof ReadResult.Failed f ? "failed: " + f.problem().reason() : "?";
        for (String e : expected) {
          out.add(new Score(page, field, e, why, false));
        }
        continue;
      }
      switch (field) {
        case "id" -> {
          Set<String> ids = new LinkedHashSet<>();
          s.path("identificationModule").path("secondaryIdInfos").forEach(n -> ids.add(n.path("id").asText()));
          ids.add(s.path("identificationModule").path("orgStudyIdInfo").path("id").asText());
          eachFound(out, page, field, expected, ids, PageCorpus::idNorm);
        }
        case "condition" -> {
          List<String> read = new ArrayList<>();
          s.path("conditionsModule").path("conditions").forEach(n -> read.add(n.asText()));
          eachFound(out, page, field, expected, read, PageCorpus::textNorm);
        }
        case "phase" -> {
          List<String> read = new ArrayList<>();
          s.path("designModule").path("phases").forEach(n -> read.add(n.asText()));
          String r = String.join(" ", read);
          String e = String.join(" ", expected);
          out.add(new Score(page, field, e, r, r.equals(e)));
        }
        default -> {
          String e = expected.get(0);
          String r = text(s, field);
          out.add(new Score(page, field, e, r, r != null && same(field, e, r)));
        }
      }
    }
    return out;
  }

  /** One score per expected value: right when some read value is the same after {@code norm}. */
  private static void eachFound(List<Score> out, Page page, String field, List<String> expected,
      java.util.Collection<String> read, java.util.function.UnaryOperator<String> norm) {
    for (String e : expected) {
      String hit = read.stream().filter(r -> norm.apply(r).equals(norm.apply(e))).findFirst().orElse(null);
      out.add(new Score(page, field, e, hit == null ? String.join(" | ", read) : hit, hit != null));
    }
  }

  private static String text(JsonNode s, String field) {
    JsonNode n = switch (field) {
      case "title" -> s.path("identificationModule").path("briefTitle").isMissingNode()
          ? s.path("identificationModule").path("officialTitle") : s.path("identificationModule").path("briefTitle");
      case "officialTitle" -> s.path("identificationModule").path("officialTitle");
      case "nctId" -> s.path("identificationModule").path("nctId");
      case "status" -> s.path("statusModule").path("overallStatus");
      case "studyType" -> s.path("designModule").path("studyType");
      case "enrollment" -> s.path("designModule").path("enrollmentInfo").path("count");
      case "startDate" -> s.path("statusModule").path("startDateStruct").path("date");
      case "primaryCompletionDate" -> s.path("statusModule").path("primaryCompletionDateStruct").path("date");
      case "completionDate" -> s.path("statusModule").path("completionDateStruct").path("date");
      case "sex" -> s.path("eligibilityModule").path("sex");
      case "minAge" -> s.path("eligibilityModule").path("minimumAge");
      case "maxAge" -> s.path("eligibilityModule").path("maximumAge");
      case "healthyVolunteers" -> s.path("eligibilityModule").path("healthyVolunteers");
      case "sponsor" -> s.path("sponsorCollaboratorsModule").path("leadSponsor").path("name");
      default -> throw new IllegalArgumentException(field);
    };
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  private static boolean same(String field, String expected, String read) {
    return switch (field) {
      case "title", "officialTitle", "sponsor" -> textNorm(expected).equals(textNorm(read));
      case "nctId" -> idNorm(expected).equals(idNorm(read));
      case "minAge", "maxAge" -> ageNorm(expected).equals(ageNorm(read));
      default -> expected.strip().equalsIgnoreCase(read.strip());
    };
  }

  /** Case, accents' composition, blanks, quotes and end punctuation do not count. */
  static String textNorm(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'')
        .replaceAll("[“”]", "\"").replaceAll("\\s+", " ").replaceAll("[\\s.;,:]+$", "").strip();
  }

  static String idNorm(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  static String ageNorm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("s$", "").replaceAll("\\s+", " ").strip();
  }

  /** Right and total per key, in the order keys first appear. */
  static Map<String, int[]> tally(List<Score> scores, java.util.function.Function<Score, String> key) {
    Map<String, int[]> out = new TreeMap<>();
    for (Score s : scores) {
      int[] t = out.computeIfAbsent(key.apply(s), k -> new int[2]);
      t[0] += s.right() ? 1 : 0;
      t[1]++;
    }
    return out;
  }

  private PageCorpus() {}
}
