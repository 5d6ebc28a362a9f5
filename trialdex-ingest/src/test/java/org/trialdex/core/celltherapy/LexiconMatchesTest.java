package org.trialdex.core.celltherapy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedRecords;

/**
 * {@link Lexicon#matches}, which tries a pattern only where a word starts with one of its triggers,
 * finds exactly what {@link Matcher#find} finds trying every character of the sentence, over every
 * sentence of the shared records (the MSC set, the v2 sample and every fifth legacy XML record: the
 * whole legacy set takes a minute) and every lexicon entry.
 * Lives beside the lexicon's package, in this module, for the shared records' readers.
 */
class LexiconMatchesTest {

  @Test
  void triggeredMatchingFindsWhatFindFindsOnEveryRecord() {
    List<Lexicon.Entry<?>> entries = new ArrayList<>();
    Stream.of(Lexicon.CELLS, Lexicon.SOURCES, Lexicon.DONORS, Lexicon.ROUTES).forEach(entries::addAll);
    entries.add(Lexicon.GENERIC);
    long[] counted = new long[4]; // records, sentences, matches, legacy records seen
    List<String> differences = new ArrayList<>();
    SharedRecords.readAll((set, result) -> {
      if (!(result instanceof ReadResult.Read read) || set.equals("legacy-xml") && counted[3]++ % 5 != 0) {
        return;
      }
      counted[0]++;
      for (Texts.Section section : Texts.of(read.study())) {
        Lexicon.WordStarts words = Lexicon.WordStarts.of(section.lower());
        for (Texts.Sentence s : Texts.sentences(section)) {
          counted[1]++;
          for (Lexicon.Entry<?> e : entries) {
            List<String> fast = e.matches(section, words, s.start(), s.end()).stream()
                .map(m -> m[0] + "-" + m[1]).toList();
            List<String> slow = new ArrayList<>();
            Matcher m = e.matcher(section).region(s.start(), s.end());
            while (m.find()) {
              if (m.end() > m.start()) {
                slow.add(m.start() + "-" + m.end());
              }
            }
            counted[2] += slow.size();
            if (!fast.equals(slow) && differences.size() < 20) {
              differences.add(read.nctId() + " " + section.field() + " " + e.value() + ": find " + slow + ", matches "
                  + fast + " in \"" + s.text() + "\"");
            }
          }
        }
      }
    });
    assertEquals(List.of(), differences);
    assertTrue(counted[0] > 2500 && counted[2] > 20_000, "records, sentences, matches: " + List.of(counted[0], counted[1],
        counted[2]));
  }
}
