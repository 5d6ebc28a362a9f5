package org.trialdex.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.Study;

/**
 * A record's titles reduced to their words, to find the NCT record that a record without an NCT id
 * (a registry page) copies: case, the composition of accented letters, punctuation and spacing do
 * not count, every letter and digit does. {@code Sjögren's Syndrome (pSS)} and
 * {@code sjögren s syndrome pss} have the same key.
 *
 * @param brief the brief title's key; empty when the record has no brief title
 * @param official the official title's key; empty when the record has no official title
 */
public record TitleKeys(Optional<String> brief, Optional<String> official) {

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** @throws NullPointerException when either key is null (use {@link Optional#empty()}) */
  public TitleKeys {
    Objects.requireNonNull(brief, "brief");
    Objects.requireNonNull(official, "official");
  }

  /** The keys of a record's brief and official titles; both empty when it has no identification module. */
  public static TitleKeys of(Study study) {
    var ps = Objects.requireNonNull(study, "study").protocolSection();
    IdentificationModule ident = ps == null ? null : ps.identificationModule();
    if (ident == null) {
      return new TitleKeys(Optional.empty(), Optional.empty());
    }
    return new TitleKeys(key(ident.briefTitle()), key(ident.officialTitle()));
  }

  /**
   * The key of one title: NFKC-normalized, lower case, each run of characters that are neither
   * letters nor digits one space, stripped. Empty for an absent title or one with no letter or digit.
   */
  public static Optional<String> key(String title) {
    if (title == null || title.isBlank()) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String words = NOT_A_WORD.matcher(s).replaceAll(" ").strip();
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }

  /**
   * True when these titles and {@code other}'s name the same trial: the brief titles are present and
   * equal, and the official titles are equal where both records have one (a missing official title
   * does not veto; a page often shows only the brief one).
   */
  public boolean match(TitleKeys other) {
    Objects.requireNonNull(other, "other");
    if (brief.isEmpty() || !brief.equals(other.brief)) {
      return false;
    }
    return official.isEmpty() || other.official.isEmpty() || official.equals(other.official);
  }
}
