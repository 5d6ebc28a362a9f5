package org.trialdex.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashes of token secrets, written as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded base64), so that each hash carries
 * its salt and parameters and stronger parameters later need no migration. The defaults are OWASP's
 * recommendation for Argon2id (19 MiB, 2 passes, 1 lane; Password Storage Cheat Sheet).
 */
final class TokenHash {

  /** OWASP's minimum for Argon2id: memory in KiB, passes, lanes. */
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  /** Bounds for parameters read back, so that a tampered row cannot ask for gigabytes. */
  private static final int MAX_MEMORY_KIB = 1024 * 1024;
  private static final int MAX_ITERATIONS = 100;

  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random;

  /** Hashes with OWASP's parameters and salts from {@code random}. */
  TokenHash(SecureRandom random) {
    this(MEMORY_KIB, ITERATIONS, random);
  }

  /** Hashes with other costs (tests); verification always uses the costs a hash names. */
  TokenHash(int memoryKib, int iterations, SecureRandom random) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The PHC string of {@code secret} with a new salt. */
  String hash(String secret) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(secret, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(hash);
  }

  /**
   * Whether {@code secret} hashes to {@code phc}, compared in constant time. A string that is not an
   * Argon2id PHC string this class could have written matches nothing.
   */
  static boolean matches(String secret, String phc) {
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return false;
    }
    int memory = Integer.parseInt(m.group(1));
    int passes = Integer.parseInt(m.group(2));
    int lanes = Integer.parseInt(m.group(3));
    if (memory < 8 * lanes || memory > MAX_MEMORY_KIB || passes < 1 || passes > MAX_ITERATIONS || lanes < 1) {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = B64_DECODER.decode(m.group(4));
      expected = B64_DECODER.decode(m.group(5));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (expected.length < 16 || expected.length > 64) {
      return false;
    }
    byte[] actual = argon2(secret, salt, memory, passes, lanes, expected.length);
    // MessageDigest.isEqual takes the same time wherever the arrays differ.
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] argon2(String secret, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(lanes)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
