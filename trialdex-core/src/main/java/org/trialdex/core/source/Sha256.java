package org.trialdex.core.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex: the one place content hashes (record contents, page content
 * ids, stored versions) are computed, so that two modules hashing the same bytes always agree.
 */
public final class Sha256 {

  private Sha256() {}

  /** The 64 hex digits of the SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The 64 hex digits of the SHA-256 of {@code text} in UTF-8. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
