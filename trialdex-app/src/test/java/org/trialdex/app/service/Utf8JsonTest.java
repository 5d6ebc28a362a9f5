package org.trialdex.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8JsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void storedBytesAreWrittenAsTheyAreByByteAndByCharacterGenerators() throws Exception {
    // Accents, CJK and a character outside the Basic Multilingual Plane, long enough (over 8,000
    // bytes) that a byte generator cannot append it to its buffer and writes it through.
    String study = "{\"briefTitle\":\"Cellules mésenchymateuses 间充质干细胞 \uD835\uDEFC\",\"summary\":\""
        + "x".repeat(10_000) + "\"}";
    ObjectNode answer = MAPPER.createObjectNode();
    answer.putArray("studies").add(MAPPER.getNodeFactory().rawValueNode(
        new RawValue(new Utf8Json(study.getBytes(StandardCharsets.UTF_8)))));
    String expected = "{\"studies\":[" + study + "]}";

    assertEquals(expected, new String(MAPPER.writeValueAsBytes(answer), StandardCharsets.UTF_8));
    assertEquals(expected, MAPPER.writeValueAsString(answer));
    // Short enough to be appended to the generator's buffer.
    ObjectNode small = MAPPER.createObjectNode();
    small.set("s", MAPPER.getNodeFactory().rawValueNode(new RawValue(new Utf8Json("{\"é\":1}".getBytes(StandardCharsets.UTF_8)))));
    assertEquals("{\"s\":{\"é\":1}}", new String(MAPPER.writeValueAsBytes(small), StandardCharsets.UTF_8));
    assertEquals("{\"s\":{\"é\":1}}", MAPPER.writeValueAsString(small));
  }
}
