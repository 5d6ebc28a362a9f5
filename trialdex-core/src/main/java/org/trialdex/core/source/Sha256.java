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
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** A fresh SHA-256 digest, for hashing several inputs in turn; finish with {@link #hex(MessageDigest)}. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The 64 hex digits of what {@code digest} has been given (which resets it). */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The 64 hex digits of the SHA-256 of {@code text} in UTF-8. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
