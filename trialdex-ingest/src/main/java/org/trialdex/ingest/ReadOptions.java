package org.trialdex.ingest;

import java.util.Locale;

/**
 * Limits that apply to every reader and every archive.
 *
 * @param maxRecordBytes the largest record accepted, in bytes of source text; a larger record fails
 *     with a message giving both sizes. The default (32 MiB) is about twenty times the largest real
 *     record in the public data (1.5 MB with results and documents).
 * @param maxArchiveEntries the most entries read from one archive (zip, tar, tar.gz); the entries
 *     after the limit are not read and the archive fails with a message naming the limit. The default
 *     (1,000,000) is twice the number of studies in the whole registry's XML export.
 * @param maxExpansion how many times its compressed size a compressed archive (zip, gzip) may expand
 *     to; past it reading the archive stops (a zip bomb) with a message naming the limit. The
 *     default (100) is fifteen times the ratio of the registry's own XML export (6.6). Archives
 *     smaller than {@link #EXPANSION_ALLOWANCE} expanded are never stopped by it.
 * @param pageUrl the address the pages being read were saved from ({@code import --url}), or null:
 *     the page reader takes the trial's registry ids in it as the page's own and records it as the
 *     page's URL. A URL the page gives itself (a saved page's canonical link) counts first.
 */
public record ReadOptions(long maxRecordBytes, long maxArchiveEntries, long maxExpansion, String pageUrl) {

  public static final long DEFAULT_MAX_RECORD_BYTES = 32L * 1024 * 1024;
  public static final long DEFAULT_MAX_ARCHIVE_ENTRIES = 1_000_000;
  public static final long DEFAULT_MAX_EXPANSION = 100;
  /** Expanded bytes an archive may always have, whatever its ratio: small archives compress well. */
  public static final long EXPANSION_ALLOWANCE = 16L * 1024 * 1024;

  public ReadOptions {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, was " + maxRecordBytes);
    }
    if (maxArchiveEntries <= 0) {
      throw new IllegalArgumentException("maxArchiveEntries must be positive, was " + maxArchiveEntries);
    }
    if (maxExpansion <= 0) {
      throw new IllegalArgumentException("maxExpansion must be positive, was " + maxExpansion);
    }
    if (pageUrl != null && (pageUrl.isBlank() || pageUrl.length() > 2048 || pageUrl.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("pageUrl must be one address without blanks, of at most 2,048 characters; was \""
          + (pageUrl.length() > 80 ? pageUrl.substring(0, 77) + "..." : pageUrl) + "\"");
    }
  }

  /** The given limits, and no page URL. */
  public ReadOptions(long maxRecordBytes, long maxArchiveEntries, long maxExpansion) {
    this(maxRecordBytes, maxArchiveEntries, maxExpansion, null);
  }

  /** These limits, with the address the pages were saved from. */
  public ReadOptions withPageUrl(String url) {
    return new ReadOptions(maxRecordBytes, maxArchiveEntries, maxExpansion, url);
  }

  /** The given record limit and the default archive limits. */
  public ReadOptions(long maxRecordBytes) {
    this(maxRecordBytes, DEFAULT_MAX_ARCHIVE_ENTRIES, DEFAULT_MAX_EXPANSION);
  }

  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_MAX_RECORD_BYTES);
  }

  /** The message for a record over the limit. */
  public String tooLarge(long bytes) {
    return String.format(Locale.ROOT,
        "record is %,d bytes, over the limit of %,d bytes (--max-record-size); it was not imported",
        bytes, maxRecordBytes);
  }
}
