package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id hashes of token secrets as PHC strings. */
class TokenHashTest {

  private static final String SECRET = "q3Yv0tV6k9pW1bXc8LZr2mD4nF7gH5jK0sA1eR3uI6o";

  @Test
  void aHashIsAnArgon2idPhcStringWithOwaspsParametersThatTheSecretMatches() {
    String phc = new TokenHash(new SecureRandom()).hash(SECRET);

    assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), phc);
    assertTrue(TokenHash.matches(SECRET, phc));
    assertFalse(TokenHash.matches(SECRET.substring(1), phc));
    assertFalse(TokenHash.matches(SECRET + "x", phc));
  }

  @Test
  void eachHashHasASaltOfItsOwn() {
    TokenHash hasher = new TokenHash(64, 1, new SecureRandom());
    String one = hasher.hash(SECRET);
    String two = hasher.hash(SECRET);

    assertNotEquals(one, two);
    assertTrue(TokenHash.matches(SECRET, one) && TokenHash.matches(SECRET, two));
  }

  @Test
  void theParametersAreReadFromTheHashSoCheaperOrDearerHashesStillVerify() {
    String cheap = new TokenHash(64, 1, new SecureRandom()).hash(SECRET);
    assertTrue(cheap.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), cheap);
    assertTrue(TokenHash.matches(SECRET, cheap));
  }

  @Test
  void aStringThatIsNotSuchAHashMatchesNothing() {
    String good = new TokenHash(64, 1, new SecureRandom()).hash(SECRET);
    for (String bad : new String[] {"", SECRET, good.replace("argon2id", "argon2i"), good.replace("v=19", "v=16"),
        good.replace("m=64", "m=99999999"), good.replace("t=1", "t=0"), good.substring(0, good.lastIndexOf('$')),
        good.substring(0, good.lastIndexOf('$') + 1) + "AAAA"}) {
      assertFalse(TokenHash.matches(SECRET, bad), bad);
    }
  }
}
