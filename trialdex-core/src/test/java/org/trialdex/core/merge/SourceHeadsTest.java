package org.trialdex.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceHeadsTest {

  private static final SourceHead REGISTRY_V1 = new SourceHead("ctgov-v2-json", 1, "aaa");
  private static final SourceHead PAGE_V2 = new SourceHead("registry-page:portal-list", 2, "bbb");

  @Test
  void aVersionEqualToTheNewestOfItsOwnSourceIsNoChangeWhateverTheOtherSourcesHold() {
    SourceHeads heads = SourceHeads.of(List.of(REGISTRY_V1, PAGE_V2));

    assertTrue(heads.holds("ctgov-v2-json", "aaa"));
    assertTrue(heads.holds("registry-page:portal-list", "bbb"));
    assertFalse(heads.holds("ctgov-v2-json", "bbb"), "the page's content is not the registry's newest");
    assertFalse(heads.holds("registry-page:ctgov-classic", "bbb"), "the same page on another portal is another source");
    assertFalse(SourceHeads.none().holds("ctgov-v2-json", "aaa"));
  }

  @Test
  void aNewVersionBecomesTheHeadOfItsSourceAndHeadsListBySourceKey() {
    SourceHeads heads = SourceHeads.none().advance(PAGE_V2).advance(REGISTRY_V1);
    assertEquals(List.of(REGISTRY_V1, PAGE_V2), heads.heads());

    SourceHeads next = heads.advance(new SourceHead("ctgov-v2-json", 3, "ccc"));
    assertEquals(List.of(new SourceHead("ctgov-v2-json", 3, "ccc"), PAGE_V2), next.heads());
    assertEquals(List.of(REGISTRY_V1, PAGE_V2), heads.heads(), "heads are values; advance returns new ones");
  }

  @Test
  void aHeadMovedInFromAJoiningRecordIsAdoptedUnlessANewerVersionOfItsSourceIsHere() {
    SourceHeads heads = SourceHeads.of(List.of(new SourceHead("registry-page:portal-list", 5, "new")));

    assertSame(heads, heads.adopt(new SourceHead("registry-page:portal-list", 4, "old")));
    assertEquals(Optional.of(new SourceHead("registry-page:portal-list", 6, "moved")),
        heads.adopt(new SourceHead("registry-page:portal-list", 6, "moved")).head("registry-page:portal-list"));
    assertEquals(2, heads.adopt(REGISTRY_V1).size());
  }

  @Test
  void aRecordWithOneSourceIsThatVersionWithSeveralItIsAMerge() {
    assertEquals(Optional.of(REGISTRY_V1), SourceHeads.of(List.of(REGISTRY_V1)).only());
    assertEquals(Optional.empty(), SourceHeads.of(List.of(REGISTRY_V1, PAGE_V2)).only());
    assertEquals(Optional.empty(), SourceHeads.none().only());
  }

  @Test
  void twoHeadsOfOneSourceAreRefused() {
    assertEquals("two heads of source ctgov-v2-json; a record has one newest version per source",
        assertThrows(IllegalArgumentException.class,
            () -> SourceHeads.of(List.of(REGISTRY_V1, new SourceHead("ctgov-v2-json", 2, "x")))).getMessage());
  }
}
