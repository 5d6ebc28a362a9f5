package org.trialdex.store;

import java.text.Normalizer;
import java.util.Locale;
import org.trialdex.core.model.Study;

/**
 * Titles reduced to their words, to link a record without an NCT id (a registry page) to the NCT
 * record it copies: case, accents' composition, punctuation and spacing do not count, every letter
 * and digit does. {@code Sjögren's Syndrome (pSS)} and {@code sjögren s syndrome pss} are the same.
 *
 * @param brief the brief title's key, or null when the record has none
 * @param official the official title's key, or null when the record has none
 */
record TitleKeys(String brief, String official) {

  static TitleKeys of(Study study) {
    var ident = study.protocolSection() == null ? null : study.protocolSection().identificationModule();
    if (ident == null) {
      return new TitleKeys(null, null);
    }
    return new TitleKeys(key(ident.briefTitle()), key(ident.officialTitle()));
  }

  static String key(String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String s = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String words = s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return words.isEmpty() ? null : words;
  }
}
