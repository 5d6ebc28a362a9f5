package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trialdex.ingest.ReadResult;

/**
 * Reads every page of the corpus of other sites (issue #16) and scores each field the page shows
 * against its hand-filled truth. Writes the report to {@code target/page-corpus.md} (the tables in
 * {@code docs/benchmarks.md} come from it) and holds the reader to the aims: every page that is
 * not a trial refused and at least 95% of shown fields read right; sites under 80% are listed, and may
 * not become more.
 */
class PageCorpusTest {

  /** The aim for the share of shown fields read right. */
  private static final double OVERALL = 0.95;
  /** The aim for every site. */
  private static final double PER_SITE = 0.80;
  /**
   * Sites still under {@link #PER_SITE} on the day this was written, at most: each is a layout the
   * reader does not generalise to yet (docs/benchmarks.md says which and why). The number may only go down.
   */
  private static final int WEAK_SITES_AT_MOST = 4;
  /** The held-out pages' share may not fall under this. */
  private static final double HELD_OUT_FLOOR = 0.75;

  @Test
  void theCorpusHoldsSixtyPagesFromTwentySitesOtherThanTheSeeds() {
    List<PageCorpus.Page> pages = PageCorpus.pages();
    TreeSet<String> sites = new TreeSet<>();
    for (PageCorpus.Page p : pages) {
      sites.add(p.site());
      assertEquals(p.site(), p.one("site"), p.name() + ": the truth's site is its directory");
      assertTrue(p.url() != null && p.url().contains(p.site().replaceFirst("^www\\.", "")),
          p.name() + ": the url " + p.url() + " is on " + p.site());
      assertTrue(!p.site().endsWith("clinicaltrials.gov"), "the seeds' site is not part of the corpus: " + p.site());
    }
    long records = pages.stream().filter(p -> !p.expectFail()).count();
    assertTrue(records >= 60, "record pages: " + records);
    assertTrue(sites.size() >= 20, "sites: " + sites);
  }

  private static List<PageCorpus.Score> scores(String corpus, Path out) throws IOException {
    List<PageCorpus.Score> scores = new ArrayList<>();
    for (PageCorpus.Page p : PageCorpus.pages(corpus)) {
      List<ReadResult> rs = PageFixtures.read(p.site() + "/" + p.name() + ".txt", Files.readString(p.text(), StandardCharsets.UTF_8));
      scores.addAll(PageCorpus.score(p, rs));
    }
    String report = report(scores);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    return scores;
  }

  @Test
  void shownFieldsAreReadRight() throws IOException {
    Path out = Path.of("target/page-corpus.md");
    List<PageCorpus.Score> scores = scores(PageCorpus.TUNED, out);

    int right = (int) scores.stream().filter(PageCorpus.Score::right).count();
    double overall = right / (double) scores.size();
    List<String> weakSites = new ArrayList<>();
    PageCorpus.tally(scores, s -> s.page().site()).forEach((site, t) -> {
      if (t[0] < PER_SITE * t[1]) {
        weakSites.add(site + " " + t[0] + "/" + t[1]);
      }
    });
    List<String> notRefused = scores.stream().filter(s -> s.field().equals("refused") && !s.right())
        .map(s -> s.page().site() + "/" + s.page().name()).toList();
    assertEquals(List.of(), notRefused, "pages that are no trial record but were read as one");
    assertTrue(overall >= OVERALL, String.format(Locale.ROOT, "shown fields read right: %d/%d = %.3f; see %s",
        right, scores.size(), overall, out.toAbsolutePath()));
    System.out.println("sites under " + PER_SITE + ": " + weakSites);
    assertTrue(weakSites.size() <= WEAK_SITES_AT_MOST, "sites under " + PER_SITE + ": " + weakSites);
  }

  /**
   * The pages of sites outside the tuned corpus, gathered after the rules were written (issue #16's
   * held-out check). Reported to {@code target/page-heldout.md}; held only to refusing what is no trial
   * and to a floor well under the tuned corpus's figure, since these pages must not be tuned to.
   */
  @Test
  void heldOutPagesAreMeasured() throws IOException {
    java.util.Set<String> tuned = new TreeSet<>();
    PageCorpus.pages().forEach(p -> tuned.add(p.site()));
    for (PageCorpus.Page p : PageCorpus.pages(PageCorpus.HELD_OUT)) {
      assertTrue(!tuned.contains(p.site()) && !p.site().endsWith("clinicaltrials.gov"), "a held-out site is in the tuned corpus: " + p.site());
      assertEquals(p.site(), p.one("site"), p.name());
    }
    List<PageCorpus.Score> scores = scores(PageCorpus.HELD_OUT, Path.of("target/page-heldout.md"));
    long sites = scores.stream().map(s -> s.page().site()).distinct().count();
    assertTrue(sites >= 15, "held-out sites: " + sites);
    int right = (int) scores.stream().filter(PageCorpus.Score::right).count();
    assertTrue(right >= HELD_OUT_FLOOR * scores.size(), "held-out fields read right: " + right + "/" + scores.size());
  }

  /** Markdown: overall, per site, per field, then every miss with both values. */
  static String report(List<PageCorpus.Score> scores) {
    StringBuilder sb = new StringBuilder();
    int right = (int) scores.stream().filter(PageCorpus.Score::right).count();
    long pages = scores.stream().map(PageCorpus.Score::page).distinct().count();
    long sites = scores.stream().map(s -> s.page().site()).distinct().count();
    sb.append(String.format(Locale.ROOT, "Shown fields read right: %d of %d (%.1f%%), %d pages from %d sites.%n%n",
        right, scores.size(), 100.0 * right / scores.size(), pages, sites));
    table(sb, "site", PageCorpus.tally(scores, s -> s.page().site()), scores, true);
    Map<String, int[]> byField = new java.util.LinkedHashMap<>();
    for (String f : PageCorpus.FIELDS) {
      int[] t = PageCorpus.tally(scores, PageCorpus.Score::field).get(f);
      if (t != null) {
        byField.put(f, t);
      }
    }
    table(sb, "field", byField, scores, false);
    sb.append("Misses:\n\n");
    for (PageCorpus.Score s : scores) {
      if (!s.right()) {
        sb.append("- ").append(s.page().site()).append('/').append(s.page().name()).append(" ").append(s.field())
            .append(": expected `").append(s.expected()).append("`, read `").append(s.read()).append("`\n");
      }
    }
    return sb.toString();
  }

  private static void table(StringBuilder sb, String what, Map<String, int[]> t, List<PageCorpus.Score> scores, boolean pages) {
    sb.append("| ").append(what).append(pages ? " | pages" : "").append(" | right | shown | share |\n");
    sb.append("| --- |").append(pages ? " ---: |" : "").append(" ---: | ---: | ---: |\n");
    t.forEach((k, v) -> {
      sb.append("| ").append(k);
      if (pages) {
        sb.append(" | ").append(scores.stream().filter(s -> s.page().site().equals(k)).map(PageCorpus.Score::page).distinct().count());
      }
      sb.append(String.format(Locale.ROOT, " | %d | %d | %.1f%% |%n", v[0], v[1], 100.0 * v[0] / v[1]));
    });
    sb.append('\n');
  }
}
