package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.req;

import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;

/**
 * A search given a time limit is stopped by Lucene when it runs past it, not left running. The
 * limits are zero (past from the start) or a day (never reached), so nothing depends on how fast
 * this machine is.
 */
class SearchTimeLimitTest extends IndexedSampleTest {

  @Test
  void aSearchPastItsLimitIsStoppedWithAMessageSayingWhereAndWhatToDo() {
    SearchTimeoutException e = assertThrows(SearchTimeoutException.class,
        () -> sample.service.search(req().cond("lung cancer").countTotal().facets("all").build(), Duration.ZERO));
    assertEquals("The search ran longer than its time limit of 0 ns and was stopped while finding the matching "
        + "studies; narrow it down (more specific terms, filters, fewer facets) or try again later", e.getMessage());
    assertEquals(Duration.ZERO, e.limit());
  }

  @Test
  void aSearchWithinItsLimitAnswersAsASearchWithoutOne() {
    var request = req().cond("lung cancer").countTotal().facets("all").build();
    SearchResult unlimited = sample.service.search(request);
    SearchResult limited = sample.service.search(request, Duration.ofDays(1));
    assertEquals(unlimited.hits().stream().map(Hit::id).toList(), limited.hits().stream().map(Hit::id).toList());
    assertEquals(unlimited.totalCount(), limited.totalCount());
    assertEquals(unlimited.facets(), limited.facets());
    assertFalse(limited.hits().isEmpty(), "the NSCLC sample has lung cancer studies");
  }

  @Test
  void luceneStopsCollectingAtTheDeadlineInsteadOfFinishingTheSearch() throws IOException {
    IndexSearcher shared = sample.index.acquire();
    try {
      IndexSearcher stopped = new IndexSearcher(shared.getIndexReader());
      stopped.setTimeout(new Deadline(Duration.ZERO));
      TopDocs none = stopped.search(new MatchAllDocsQuery(), 1000);
      assertTrue(stopped.timedOut());
      assertEquals(0, none.scoreDocs.length, "no document is collected once the deadline has passed");

      IndexSearcher unhurried = new IndexSearcher(shared.getIndexReader());
      unhurried.setTimeout(new Deadline(Duration.ofDays(1)));
      TopDocs all = unhurried.search(new MatchAllDocsQuery(), 1000);
      assertFalse(unhurried.timedOut());
      assertEquals(103, all.scoreDocs.length);
    } finally {
      sample.index.release(shared);
    }
  }

  @Test
  void aNegativeLimitIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sample.service.search(req().cond("cancer").build(), Duration.ofMillis(-1)));
    assertEquals("a search time limit cannot be negative, was PT-0.001S", e.getMessage());
  }
}
