package org.trialdex.ingest.patient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.PatientFormatException;

/**
 * Reads one patient from a FHIR R4 Bundle (JSON): demographics from {@code Patient}, diagnoses from
 * {@code Condition}, labs, vital signs, performance status and pregnancy status from {@code Observation},
 * medications from {@code MedicationStatement} and {@code MedicationRequest} (with their contained or
 * bundled {@code Medication}), and {@code Procedure}s. Each fact's evidence names the resource
 * ({@code FHIR Condition/abc: Crohn's disease}). The mapping, field by field, is in
 * {@code docs/matching.md}, "FHIR R4 mapping".
 *
 * <p>What is accepted:
 * <ul>
 *   <li>A Bundle of any type ({@code collection}, {@code searchset}, {@code document}, ...) holding at
 *       most one patient: several {@code Patient} resources with different ids are refused, and so is a
 *       resource whose subject is another patient.
 *   <li>A lone {@code Patient} resource, read as a bundle holding only it (demographics only). Any other
 *       lone resource is refused: wrap the patient's resources in a Bundle.
 *   <li>Resource types this reader does not map (Encounter, Immunization, Claim, made-up ones) are skipped
 *       unread, so they cost nothing and can never fail a read.
 * </ul>
 *
 * <p>Each mapped resource is parsed by HAPI FHIR's R4 parser with its strict error handler: an unknown
 * element or an invalid value fails the read, with the entry's index and type
 * ({@code entry[3] (Observation/bp): ...}). The bundle is streamed entry by entry, so a large bundle
 * of mostly other resources (encounters, claims) holds only the mapped resources in memory.
 */
public final class FhirPatients {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Class<? extends Resource>> MAPPED = Map.of(
      "Patient", org.hl7.fhir.r4.model.Patient.class,
      "Condition", Condition.class,
      "Observation", Observation.class,
      "MedicationStatement", MedicationStatement.class,
      "MedicationRequest", MedicationRequest.class,
      "Medication", Medication.class,
      "Procedure", Procedure.class);

  private FhirPatients() {}

  /** Building a FHIR context scans the R4 model; it is built once, on first use, and is thread-safe. */
  private static final class Context {
    static final FhirContext R4 = FhirContext.forR4();
  }

  /**
   * Reads the patient in a FHIR R4 Bundle.
   *
   * @param bundleJson the Bundle, or a lone Patient resource, as FHIR JSON
   * @param asOf the date the facts describe, from which windows count
   * @throws PatientFormatException when the text is not JSON, not a Bundle, holds several patients, or a
   *     mapped resource is not valid R4; the message names the entry index and resource type
   */
  public static Patient read(String bundleJson, LocalDate asOf) {
    Objects.requireNonNull(bundleJson, "bundleJson");
    Objects.requireNonNull(asOf, "asOf");
    // A byte-order mark left by an editor is not content.
    String json = bundleJson.startsWith("\uFEFF") ? bundleJson.substring(1) : bundleJson;
    try (JsonParser p = MAPPER.createParser(json)) {
      return read(p, asOf);
    } catch (IOException e) {
      throw notJson(e);
    }
  }

  /**
   * Reads the patient in a FHIR R4 Bundle from a UTF-8 stream, entry by entry. Does not close the stream.
   *
   * @throws PatientFormatException as {@link #read(String, LocalDate)}
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static Patient read(InputStream in, LocalDate asOf) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(asOf, "asOf");
    try (JsonParser p = MAPPER.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return read(p, asOf);
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the FHIR bundle: " + e.getMessage(), e);
    }
  }

  /** A resource of a mapped type, where it sat in the bundle. */
  record Entry(int index, String type, String fullUrl, JsonNode json) {
    /** How messages and evidence name it: {@code Condition/abc}, or {@code Condition at entry[3]} without an id. */
    String label() {
      String id = json.path("id").asText("");
      return id.isEmpty() ? type + " at entry[" + index + "]" : type + "/" + id;
    }

    /** Where messages point: {@code entry[3] (Observation/bp)}, or just the label for a lone resource. */
    String at() {
      return index < 0 ? label() : "entry[" + index + "] (" + label() + ")";
    }
  }

  private static Patient read(JsonParser p, LocalDate asOf) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new PatientFormatException("", "expected a FHIR Bundle (a JSON object with \"resourceType\": \"Bundle\"), got "
          + (p.currentToken() == null ? "nothing" : "JSON " + p.currentToken().asString()));
    }
    String resourceType = null;
    ObjectNode rest = MAPPER.createObjectNode();
    List<Entry> entries = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("entry") && value == JsonToken.START_ARRAY) {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          Entry e = entry(index++, MAPPER.readTree(p));
          if (e != null) {
            entries.add(e);
          }
        }
      } else if (field.equals("resourceType")) {
        resourceType = value == JsonToken.VALUE_STRING ? p.getText() : "";
        rest.put("resourceType", resourceType);
      } else {
        rest.set(field, MAPPER.readTree(p));
      }
    }
    if (p.nextToken() != null) {
      throw new PatientFormatException("", "not valid JSON: text after the bundle's closing brace at line "
          + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
    }
    if ("Patient".equals(resourceType) && entries.isEmpty()) {
      // A lone Patient resource is a bundle holding only it.
      entries.add(new Entry(-1, "Patient", "", rest));
    } else if (!"Bundle".equals(resourceType)) {
      throw new PatientFormatException("", "expected a FHIR Bundle, got "
          + (resourceType == null || resourceType.isEmpty() ? "JSON without a resourceType" : "a " + resourceType
          + " resource") + "; send the patient's resources in a Bundle (\"type\": \"collection\"), or a lone Patient");
    }
    List<Parsed> parsed = new ArrayList<>(entries.size());
    IParser parser = Context.R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    for (Entry e : entries) {
      parsed.add(new Parsed(e, parse(parser, e)));
    }
    return new FhirFacts(parsed, asOf).patient();
  }

  /** A bundle entry's mapped resource, or null for an entry without a resource or of a type not mapped. */
  private static Entry entry(int index, JsonNode entry) {
    String at = "entry[" + index + "]";
    if (!entry.isObject()) {
      throw new PatientFormatException(at, "expected a bundle entry (an object), got " + kind(entry));
    }
    JsonNode resource = entry.get("resource");
    if (resource == null || resource.isNull()) {
      return null; // a transaction response or a deleted entry carries no resource: nothing to read
    }
    if (!resource.isObject()) {
      throw new PatientFormatException(at + ".resource", "expected a FHIR resource (an object), got " + kind(resource));
    }
    JsonNode type = resource.get("resourceType");
    if (type == null || !type.isTextual() || type.textValue().isBlank()) {
      throw new PatientFormatException(at + ".resource", "has no resourceType; every FHIR resource names its type");
    }
    if (!MAPPED.containsKey(type.textValue())) {
      return null;
    }
    return new Entry(index, type.textValue(), entry.path("fullUrl").asText(""), resource);
  }

  /** A mapped entry with its HAPI resource. */
  record Parsed(Entry entry, Resource resource) {}

  private static Resource parse(IParser parser, Entry e) {
    // HAPI's JSON parser fails with a StringIndexOutOfBoundsException on a member named "" (found by
    // FhirPatientsFuzzTest); FHIR has no such element, so it is refused here with its place.
    String empty = emptyMemberName(e.json(), "resource");
    if (empty != null) {
      throw new PatientFormatException(e.at(), "not a valid FHIR R4 " + e.type() + ": " + empty
          + " has a member with an empty name; every FHIR element has a name");
    }
    try {
      return parser.parseResource(MAPPED.get(e.type()), e.json().toString());
    } catch (DataFormatException | FHIRException | IllegalArgumentException | ClassCastException ex) {
      throw new PatientFormatException(e.at(), "not a valid FHIR R4 " + e.type() + ": " + hapiMessage(ex), ex);
    }
  }

  /** The path of the first object in {@code node} that has a member named "", or null. */
  private static String emptyMemberName(JsonNode node, String path) {
    if (node.isObject()) {
      if (node.has("")) {
        return path;
      }
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String found = emptyMemberName(member.getValue(), path + "." + member.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = emptyMemberName(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** HAPI's message without its "HAPI-1234: " code prefix, which means nothing to a sender. */
  private static String hapiMessage(Exception ex) {
    String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return m.replaceFirst("^HAPI-\\d+: ", "");
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "an array" : n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.toString();
  }

  private static PatientFormatException notJson(IOException e) {
    String where = "";
    String reason = e.getMessage();
    if (e instanceof JsonProcessingException jp) {
      reason = jp.getOriginalMessage();
      if (jp.getLocation() != null && jp.getLocation().getLineNr() > 0) {
        where = " at line " + jp.getLocation().getLineNr() + ", column " + jp.getLocation().getColumnNr();
      }
    }
    reason = reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse("");
    return new PatientFormatException("", "not valid JSON" + where + ": " + reason, e);
  }
}
