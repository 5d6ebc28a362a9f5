package org.trialdex.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Whole numbers as JSON defines them: {@code 20} and {@code 20.0} are the same number, so a whole
 * number written with a zero fraction reads as that number (as JSON Schema's "integer" does), while
 * {@code 1.5}, {@code "12"}, {@code true} still fail as the mapper's coercion rules say. Jackson
 * either refuses every float for an integer or truncates {@code 1.5} to 1; this is neither.
 */
final class WholeNumbers {

  private WholeNumbers() {}

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("trialdex-whole-numbers");
    m.addDeserializer(Integer.class, new Whole<>(Integer.class, BigDecimal::intValueExact));
    m.addDeserializer(Integer.TYPE, new Whole<>(Integer.TYPE, BigDecimal::intValueExact));
    m.addDeserializer(Long.class, new Whole<>(Long.class, BigDecimal::longValueExact));
    m.addDeserializer(Long.TYPE, new Whole<>(Long.TYPE, BigDecimal::longValueExact));
    return m;
  }

  private interface Exact<T> {
    T of(BigDecimal d);
  }

  private static final class Whole<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Exact<T> exact;
    @SuppressWarnings("unchecked")
    private final JsonDeserializer<T> standard;

    @SuppressWarnings("unchecked")
    Whole(Class<T> type, Exact<T> exact) {
      this.type = type;
      this.exact = exact;
      this.standard = (JsonDeserializer<T>) NumberDeserializers.find(type, type.getName());
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal d = p.getDecimalValue();
        if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
          try {
            return exact.of(d);
          } catch (ArithmeticException tooLarge) {
            // out of range: the standard reader says so
          }
        }
      }
      return standard.deserialize(p, ctxt);
    }

    @Override
    public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
      return standard.getNullValue(ctxt);
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }
}
