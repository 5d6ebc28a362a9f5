package org.trialdex.ingest.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Sex;

/** The classic reader takes a piece under its classic name and under the live one core's catalog gives. */
class ClassicFieldsLivePieceNamesTest {

  @Test
  void theLiveNameOfAClassicPieceReadsAsThatPiece() {
    // Gender is the classic study fields' name of v2 eligibilityModule.sex; Sex the live /studies/metadata's.
    var classic = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000001\"], \"Gender\": [\"Female\"]}"));
    var live = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000002\"], \"Sex\": [\"Female\"]}"));
    assertEquals(Sex.FEMALE, classic.study().protocolSection().eligibilityModule().sex());
    assertEquals(Sex.FEMALE, live.study().protocolSection().eligibilityModule().sex());
    assertEquals(List.of(), live.warnings());
  }
}
