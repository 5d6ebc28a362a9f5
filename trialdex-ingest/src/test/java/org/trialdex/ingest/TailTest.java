package org.trialdex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Tail} keeps the last bytes whatever the read sizes: checked against the whole input. */
class TailTest {

  @Test
  void theEndIsSeenAsTheWholeInputShowsIt() throws IOException {
    Random random = new Random(12);
    for (int round = 0; round < 400; round++) {
      byte[] data = new byte[random.nextInt(3) == 0 ? random.nextInt(1200) : random.nextInt(140_000)];
      random.nextBytes(data);
      boolean zeros = random.nextBoolean();
      if (zeros) {
        Arrays.fill(data, Math.max(0, data.length - 512 - random.nextInt(3)), data.length, (byte) 0);
      }
      int sig = data.length - 22 - random.nextInt(70_000);
      boolean signed = random.nextBoolean() && sig >= 0;
      if (signed) {
        data[sig] = 'P';
        data[sig + 1] = 'K';
        data[sig + 2] = 5;
        data[sig + 3] = 6;
      }
      for (Tail.End end : Tail.End.values()) {
        Tail tail = new Tail(new ByteArrayInputStream(data), end);
        byte[] buffer = new byte[70_000];
        while (true) {
          int how = random.nextInt(4);
          int r = how == 0 ? tail.read() : tail.read(buffer, random.nextInt(10), 1 + random.nextInt(how == 1 ? 700 : 69_000));
          if (r < 0) {
            break;
          }
        }
        assertEquals(expected(data, end), tail.endedProperly(), end + " of " + data.length + " bytes, round " + round);
      }
    }
  }

  /** Computed on the whole input: the last 512 bytes zero (tar), or "PK 5 6" at least 22 bytes from the end (zip). */
  private static boolean expected(byte[] data, Tail.End end) {
    if (end == Tail.End.TAR) {
      if (data.length < 512) {
        return false;
      }
      for (int i = data.length - 512; i < data.length; i++) {
        if (data[i] != 0) {
          return false;
        }
      }
      return true;
    }
    for (int i = Math.max(0, data.length - end.keep); i + 22 <= data.length; i++) {
      if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6) {
        return true;
      }
    }
    return false;
  }
}
