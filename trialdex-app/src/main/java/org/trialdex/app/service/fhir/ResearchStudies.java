package org.trialdex.app.service.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.trialdex.core.geo.Gazetteer;

/**
 * A stored ClinicalTrials.gov v2 study (its JSON tree, as {@code /api/v2/studies/{nctId}} answers
 * it) as a FHIR R4 {@code ResearchStudy}, and that resource as FHIR JSON. The mapping, element by
 * element with its reasons, is docs/fhir.md; what R4 has no element for is left out, and what the
 * record lacks stays absent.
 *
 * <p>Organisations, people, sites and the enrolment group travel as contained resources: the
 * resource stands alone, as one file of an export or one answer, with nothing to resolve elsewhere.
 */
public final class ResearchStudies {

  /** The identifier system of NCT numbers (the one HL7's ResearchStudy examples and US Core use). */
  public static final String NCT_SYSTEM = "http://clinicaltrials.gov";
  static final String MESH_SYSTEM = "http://id.nlm.nih.gov/mesh";
  static final String ISO_3166 = "urn:iso:std:iso:3166";
  static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";
  static final String PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
  static final String OBJECTIVE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-objective-type";
  static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
  static final String PUBMED = "https://pubmed.ncbi.nlm.nih.gov/";

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final Pattern AGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s+(Year|Month|Week|Day|Hour|Minute)s?",
      Pattern.CASE_INSENSITIVE);

  private static final Map<String, String> PHASES = Map.of(
      "NA", "n-a", "EARLY_PHASE1", "early-phase-1", "PHASE1", "phase-1", "PHASE2", "phase-2",
      "PHASE3", "phase-3", "PHASE4", "phase-4");
  /** The phases as ClinicalTrials.gov's pages write them. */
  private static final Map<String, String> PHASE_LABELS = Map.of(
      "NA", "Not Applicable", "EARLY_PHASE1", "Early Phase 1", "PHASE1", "Phase 1", "PHASE2", "Phase 2",
      "PHASE3", "Phase 3", "PHASE4", "Phase 4");
  private static final Map<String, String> PURPOSES = Map.of(
      "TREATMENT", "treatment", "PREVENTION", "prevention", "DIAGNOSTIC", "diagnostic",
      "SUPPORTIVE_CARE", "supportive-care", "SCREENING", "screening",
      "HEALTH_SERVICES_RESEARCH", "health-services-research", "BASIC_SCIENCE", "basic-science",
      "DEVICE_FEASIBILITY", "device-feasibility");

  private ResearchStudies() {}

  /**
   * The R4 resource for {@code study}, a v2 study tree. {@code recordId} is the id trialdex stores
   * the record under (its NCT number, or another registry's id) and becomes the resource's id when
   * it is a valid FHIR id.
   */
  public static ResearchStudy map(String recordId, JsonNode study) {
    ResearchStudy rs = new ResearchStudy();
    if (FHIR_ID.matcher(recordId).matches()) {
      rs.setId(recordId);
    }
    JsonNode ps = study.path("protocolSection");
    new Mapping(rs, ps, study.path("derivedSection")).run();
    return rs;
  }

  /** {@code study} as one line of FHIR JSON (no line breaks: fit for NDJSON). */
  public static String json(String recordId, JsonNode study) {
    return encode(map(recordId, study));
  }

  /** Writes {@code resource} as one line of FHIR JSON to {@code out}. */
  public static void write(ResearchStudy resource, java.io.Writer out) throws java.io.IOException {
    FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false).encodeResourceToWriter(resource, out);
  }

  /** {@code resource} as one line of FHIR JSON. */
  public static String encode(ResearchStudy resource) {
    // forR4Cached: one context per JVM, shared and thread-safe (building one scans the model, ~1 s).
    return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
  }

  /**
   * A MeSH descriptor id as NLM writes it. ClinicalTrials.gov writes some padded to 9 digits
   * (PALLAS's {@code D000001943}), others as NLM does; MeSH gives descriptors made before 2018 6
   * digits ({@code D001943}) and later ones 9 ({@code D000066388}): in MeSH 2019 the 6-digit ids end at D066331 and the 9-digit
   * ones start at D000066388 (data/terms/mesh). Supplementary concepts (C...) are kept as given, for
   * want of the same evidence.
   */
  static String meshId(String v2Id) {
    Matcher m = Pattern.compile("D(\\d{9})").matcher(v2Id);
    if (!m.matches()) {
      return v2Id;
    }
    int n = Integer.parseInt(m.group(1));
    return n <= LAST_SIX_DIGIT_DESCRIPTOR ? String.format(Locale.ROOT, "D%06d", n) : v2Id;
  }

  private static final int LAST_SIX_DIGIT_DESCRIPTOR = 66_331;

  /** One record's mapping: the resource being built and the sections it reads. */
  private static final class Mapping {
    private final ResearchStudy rs;
    private final JsonNode ps;
    private final JsonNode derived;

    Mapping(ResearchStudy rs, JsonNode ps, JsonNode derived) {
      this.rs = rs;
      this.ps = ps;
      this.derived = derived;
    }

    void run() {
      identifiers(ps.path("identificationModule"));
      title(ps.path("identificationModule"));
      status(ps.path("statusModule"));
      design(ps.path("designModule"));
      conditions(ps.path("conditionsModule"));
      interventions(ps.path("armsInterventionsModule"));
      description(ps.path("descriptionModule"));
      enrollment(ps.path("designModule").path("enrollmentInfo"), ps.path("eligibilityModule"));
      period(ps.path("statusModule"));
      sponsor(ps.path("sponsorCollaboratorsModule"));
      people(ps.path("contactsLocationsModule"));
      sites(ps.path("contactsLocationsModule").path("locations"));
      arms(ps.path("armsInterventionsModule").path("armGroups"));
      objectives(ps.path("outcomesModule"));
      references(ps.path("referencesModule"));
    }

    private void identifiers(JsonNode id) {
      text(id, "nctId").ifPresent(nct -> rs.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
          .setSystem(NCT_SYSTEM).setValue(nct));
      text(id.path("orgStudyIdInfo"), "id").ifPresent(org -> {
        Identifier i = rs.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setValue(org);
        i.setType(new CodeableConcept().setText("Organization's unique protocol ID"));
        text(id.path("organization"), "fullName").ifPresent(name -> i.setAssigner(new Reference().setDisplay(name)));
      });
      for (JsonNode s : id.path("secondaryIdInfos")) {
        text(s, "id").ifPresent(value -> {
          Identifier i = rs.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setValue(value);
          text(s, "type").ifPresent(t -> i.setType(new CodeableConcept().setText(label(t))));
          text(s, "domain").ifPresent(d -> i.setAssigner(new Reference().setDisplay(d)));
        });
      }
      for (JsonNode alias : ps.path("identificationModule").path("nctIdAliases")) {
        if (!alias.asText().isBlank()) {
          rs.addIdentifier().setUse(Identifier.IdentifierUse.OLD).setSystem(NCT_SYSTEM).setValue(alias.asText());
        }
      }
    }

    private void title(JsonNode id) {
      // R4 has one title; the official one is the protocol's, the brief one a lay summary of it.
      text(id, "officialTitle").or(() -> text(id, "briefTitle")).ifPresent(rs::setTitle);
    }

    private void status(JsonNode sm) {
      Optional<String> overall = text(sm, "overallStatus");
      Optional<ResearchStudy.ResearchStudyStatus> status =
          StatusCodes.of(overall.orElse(""), text(sm, "lastKnownStatus").orElse(""));
      if (status.isPresent()) {
        rs.setStatus(status.get());
      } else {
        // A record without a status (a registry page that shows none): R4 requires one, and we do not
        // guess it; the element carries FHIR's data-absent-reason instead, which R4's validator
        // reports as an error (docs/fhir.md). v2 records always have one.
        rs.getStatusElement().addExtension(new Extension(DATA_ABSENT, new CodeType("unknown")));
      }
      text(sm, "whyStopped").ifPresent(w -> rs.setReasonStopped(new CodeableConcept().setText(w)));
    }

    private void design(JsonNode dm) {
      List<String> phases = new ArrayList<>();
      for (JsonNode p : dm.path("phases")) {
        phases.add(p.asText());
      }
      phase(phases).ifPresent(rs::setPhase);
      text(dm.path("designInfo"), "primaryPurpose").ifPresent(p -> {
        String code = PURPOSES.get(p);
        rs.setPrimaryPurposeType(code == null
            ? new CodeableConcept().setText(label(p))
            : new CodeableConcept(new Coding(PURPOSE_SYSTEM, code, null)).setText(label(p)));
      });
      // No code system for the study type in R4: text, as ClinicalTrials.gov labels it.
      text(dm, "studyType").ifPresent(t -> rs.addCategory(new CodeableConcept().setText(label(t))));
    }

    private Optional<CodeableConcept> phase(List<String> phases) {
      String code;
      if (phases.isEmpty()) {
        return Optional.empty();
      } else if (phases.size() == 1) {
        code = PHASES.get(phases.get(0));
      } else if (phases.equals(List.of("PHASE1", "PHASE2"))) {
        code = "phase-1-phase-2";
      } else if (phases.equals(List.of("PHASE2", "PHASE3"))) {
        code = "phase-2-phase-3";
      } else {
        code = null;
      }
      String text = String.join("/", phases.stream().map(p -> PHASE_LABELS.getOrDefault(p, label(p))).toList());
      return Optional.of(code == null ? new CodeableConcept().setText(text)
          : new CodeableConcept(new Coding(PHASE_SYSTEM, code, null)).setText(text));
    }

    private void conditions(JsonNode cm) {
      Map<String, Coding> mesh = meshes(derived.path("conditionBrowseModule"));
      for (JsonNode c : cm.path("conditions")) {
        if (c.asText().isBlank()) {
          continue;
        }
        CodeableConcept cc = new CodeableConcept().setText(c.asText());
        Coding coding = mesh.remove(c.asText().toLowerCase(Locale.ROOT));
        if (coding != null) {
          cc.addCoding(coding);
        }
        rs.addCondition(cc);
      }
      // MeSH terms ClinicalTrials.gov derived that do not spell a condition as written: coded alone.
      mesh.values().forEach(coding -> rs.addCondition(new CodeableConcept(coding).setText(coding.getDisplay())));
      for (JsonNode k : cm.path("keywords")) {
        if (!k.asText().isBlank()) {
          rs.addKeyword(new CodeableConcept().setText(k.asText()));
        }
      }
    }

    private void interventions(JsonNode aim) {
      Map<String, Coding> mesh = meshes(derived.path("interventionBrowseModule"));
      for (JsonNode i : aim.path("interventions")) {
        text(i, "name").ifPresent(name -> {
          CodeableConcept cc = new CodeableConcept().setText(name);
          Coding coding = mesh.remove(name.toLowerCase(Locale.ROOT));
          if (coding != null) {
            cc.addCoding(coding);
          }
          rs.addFocus(cc);
        });
      }
    }

    /** The MeSH terms of a browse module by lower-cased term, in order. */
    private static Map<String, Coding> meshes(JsonNode browse) {
      Map<String, Coding> out = new LinkedHashMap<>();
      for (JsonNode m : browse.path("meshes")) {
        Optional<String> id = text(m, "id");
        Optional<String> term = text(m, "term");
        if (id.isPresent() && term.isPresent()) {
          out.putIfAbsent(term.get().toLowerCase(Locale.ROOT), new Coding(MESH_SYSTEM, meshId(id.get()), term.get()));
        }
      }
      return out;
    }

    private void description(JsonNode dm) {
      // R4's description is markdown, as the v2 fields are: the brief summary, then the detailed one.
      List<String> parts = new ArrayList<>();
      text(dm, "briefSummary").ifPresent(parts::add);
      text(dm, "detailedDescription").ifPresent(parts::add);
      if (!parts.isEmpty()) {
        rs.setDescription(String.join("\n\n", parts));
      }
    }

    private void enrollment(JsonNode ei, JsonNode em) {
      Group g = new Group();
      // The enrolment described, not a roster of real people: actual = false (grp-1 allows no members).
      g.setType(Group.GroupType.PERSON).setActual(false);
      boolean any = false;
      if (ei.path("count").canConvertToInt()) {
        g.setQuantity(ei.path("count").asInt());
        text(ei, "type").ifPresent(t -> g.setName(label(t) + " enrollment"));
        any = true;
      }
      any |= characteristics(g, em);
      if (any) {
        g.setId("enrollment");
        rs.addContained(g);
        rs.addEnrollment(new Reference("#enrollment"));
      }
    }

    /** Eligibility as characteristics of the enrolment group; true when there was any. */
    private boolean characteristics(Group g, JsonNode em) {
      int before = g.getCharacteristic().size();
      text(em, "sex").filter(s -> !s.equals("ALL")).ifPresent(sex -> {
        String code = sex.toLowerCase(Locale.ROOT);
        g.addCharacteristic().setCode(new CodeableConcept().setText("Sex")).setExclude(false)
            .setValue(new CodeableConcept(new Coding(GENDER_SYSTEM, code, label(sex))).setText(label(sex)));
      });
      Optional<Quantity> min = text(em, "minimumAge").flatMap(ResearchStudies::age);
      Optional<Quantity> max = text(em, "maximumAge").flatMap(ResearchStudies::age);
      if (min.isPresent() && max.isPresent() && !min.get().getCode().equals(max.get().getCode())) {
        Optional<Quantity[]> same = sameUnit(min.get(), max.get());
        if (same.isPresent()) {
          min = Optional.of(same.get()[0]);
          max = Optional.of(same.get()[1]);
        } else {
          // No exact common unit (weeks and years): each limit on its own, so no reader has to compare
          // across units (R4's rng-2 compares a range's ends without converting them).
          g.addCharacteristic().setCode(new CodeableConcept().setText("Minimum age")).setExclude(false).setValue(min.get());
          g.addCharacteristic().setCode(new CodeableConcept().setText("Maximum age")).setExclude(false).setValue(max.get());
          min = Optional.empty();
          max = Optional.empty();
        }
      }
      if (min.isPresent() || max.isPresent()) {
        Range r = new Range();
        min.ifPresent(r::setLow);
        max.ifPresent(r::setHigh);
        g.addCharacteristic().setCode(new CodeableConcept().setText("Age")).setExclude(false).setValue(r);
      }
      if (em.path("healthyVolunteers").isBoolean()) {
        g.addCharacteristic().setCode(new CodeableConcept().setText("Accepts healthy volunteers")).setExclude(false)
            .setValue(new org.hl7.fhir.r4.model.BooleanType(em.path("healthyVolunteers").asBoolean()));
      }
      text(em, "eligibilityCriteria").ifPresent(criteria ->
          g.addCharacteristic().setCode(new CodeableConcept().setText("Eligibility criteria")).setExclude(false)
              .setValue(new CodeableConcept().setText(criteria)));
      text(em, "studyPopulation").ifPresent(pop ->
          g.addCharacteristic().setCode(new CodeableConcept().setText("Study population")).setExclude(false)
              .setValue(new CodeableConcept().setText(pop)));
      return g.getCharacteristic().size() > before;
    }

    private void period(JsonNode sm) {
      Optional<DateTimeType> start = date(sm.path("startDateStruct"));
      Optional<DateTimeType> end = date(sm.path("completionDateStruct"));
      if (start.isPresent() || end.isPresent()) {
        Period p = new Period();
        start.ifPresent(p::setStartElement);
        end.ifPresent(p::setEndElement);
        rs.setPeriod(p);
      }
    }

    private void sponsor(JsonNode sc) {
      text(sc.path("leadSponsor"), "name").ifPresent(name -> {
        Organization o = new Organization().setName(name);
        o.setId("sponsor");
        rs.addContained(o);
        rs.setSponsor(new Reference("#sponsor"));
      });
    }

    private void people(JsonNode cl) {
      // R4 has room for one principal investigator: the first official in that role.
      for (JsonNode o : cl.path("overallOfficials")) {
        if ("PRINCIPAL_INVESTIGATOR".equals(o.path("role").asText()) && text(o, "name").isPresent()) {
          Practitioner p = new Practitioner();
          p.addName().setText(o.path("name").asText());
          p.setId("pi");
          rs.addContained(p);
          rs.setPrincipalInvestigator(new Reference("#pi"));
          break;
        }
      }
      for (JsonNode c : cl.path("centralContacts")) {
        ContactDetail cd = new ContactDetail();
        text(c, "name").ifPresent(cd::setName);
        text(c, "phone").ifPresent(phone -> cd.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
            .setValue(text(c, "phoneExt").map(ext -> phone + " ext. " + ext).orElse(phone)));
        text(c, "email").ifPresent(email -> cd.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email));
        if (cd.hasName() || cd.hasTelecom()) {
          rs.addContact(cd);
        }
      }
    }

    private void sites(JsonNode locations) {
      Set<String> countries = new LinkedHashSet<>();
      int n = 0;
      for (JsonNode l : locations) {
        Location loc = new Location();
        text(l, "facility").ifPresent(loc::setName);
        Address a = new Address();
        text(l, "city").ifPresent(a::setCity);
        text(l, "state").ifPresent(a::setState);
        text(l, "zip").ifPresent(a::setPostalCode);
        text(l, "country").ifPresent(c -> {
          a.setCountry(c);
          countries.add(c);
        });
        if (!a.isEmpty()) {
          loc.setAddress(a);
        }
        JsonNode geo = l.path("geoPoint");
        if (geo.path("lat").isNumber() && geo.path("lon").isNumber()) {
          loc.setPosition(new Location.LocationPositionComponent()
              .setLatitude(new BigDecimal(geo.path("lat").asText()))
              .setLongitude(new BigDecimal(geo.path("lon").asText())));
        }
        if (loc.isEmpty()) {
          continue;
        }
        String id = "site" + (++n);
        loc.setId(id);
        rs.addContained(loc);
        rs.addSite(new Reference("#" + id).setDisplay(loc.getName()));
      }
      for (String c : countries) {
        Optional<String> iso = Gazetteer.standard().countryCode(c);
        rs.addLocation(iso.isPresent()
            ? new CodeableConcept(new Coding(ISO_3166, iso.get(), null)).setText(c)
            : new CodeableConcept().setText(c));
      }
    }

    private void arms(JsonNode groups) {
      for (JsonNode g : groups) {
        text(g, "label").ifPresent(label -> {
          ResearchStudy.ResearchStudyArmComponent arm = rs.addArm().setName(label);
          text(g, "type").ifPresent(t -> arm.setType(new CodeableConcept().setText(label(t))));
          text(g, "description").ifPresent(arm::setDescription);
        });
      }
    }

    private void objectives(JsonNode om) {
      objectives(om.path("primaryOutcomes"), "primary");
      objectives(om.path("secondaryOutcomes"), "secondary");
      // "other pre-specified" outcomes are R4's exploratory objectives
      objectives(om.path("otherOutcomes"), "exploratory");
    }

    private void objectives(JsonNode outcomes, String type) {
      for (JsonNode o : outcomes) {
        text(o, "measure").ifPresent(measure -> rs.addObjective().setName(measure)
            .setType(new CodeableConcept(new Coding(OBJECTIVE_SYSTEM, type, null))));
      }
    }

    private void references(JsonNode rm) {
      for (JsonNode r : rm.path("references")) {
        RelatedArtifact ra = new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITATION);
        text(r, "citation").ifPresent(ra::setCitation);
        text(r, "pmid").filter(p -> p.matches("\\d+")).ifPresent(p -> ra.setUrl(PUBMED + p + "/").setLabel("PMID " + p));
        if (ra.hasCitation() || ra.hasUrl()) {
          rs.addRelatedArtifact(ra);
        }
      }
      for (JsonNode l : rm.path("seeAlsoLinks")) {
        text(l, "url").ifPresent(url -> {
          RelatedArtifact ra = new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.DOCUMENTATION).setUrl(url);
          text(l, "label").ifPresent(ra::setDisplay);
          rs.addRelatedArtifact(ra);
        });
      }
    }

    /** A v2 date struct's date ("2015-08", "2015-08-31") as a FHIR dateTime of that precision. */
    private static Optional<DateTimeType> date(JsonNode struct) {
      return text(struct, "date").filter(d -> d.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")).map(DateTimeType::new);
    }
  }

  /** {@code "18 Years"} as 18 a (UCUM); empty for a text that is not an age ("N/A"). */
  static Optional<Quantity> age(String text) {
    Matcher m = AGE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    String code = switch (unit) {
      case "year" -> "a";
      case "month" -> "mo";
      case "week" -> "wk";
      case "day" -> "d";
      case "hour" -> "h";
      default -> "min";
    };
    return Optional.of(new Quantity().setValue(new BigDecimal(m.group(1))).setUnit(UNIT_NAME.get(code)).setSystem(UCUM).setCode(code));
  }

  /** Each unit's size in its family: months for years and months, minutes for the rest. */
  private static final Map<String, Integer> UNIT_SIZE = Map.of("a", 12, "mo", 1, "wk", 7 * 24 * 60, "d", 24 * 60,
      "h", 60, "min", 1);
  private static final Map<String, String> UNIT_NAME = Map.of("a", "years", "mo", "months", "wk", "weeks",
      "d", "days", "h", "hours", "min", "minutes");

  /**
   * Two ages in one unit, the finer of the two, when that is exact (6 months and 70 years: 6 and
   * 840 months); empty when it is not (weeks and years).
   */
  static Optional<Quantity[]> sameUnit(Quantity a, Quantity b) {
    boolean aMonths = a.getCode().equals("a") || a.getCode().equals("mo");
    boolean bMonths = b.getCode().equals("a") || b.getCode().equals("mo");
    if (aMonths != bMonths) {
      return Optional.empty();
    }
    String fine = UNIT_SIZE.get(a.getCode()) <= UNIT_SIZE.get(b.getCode()) ? a.getCode() : b.getCode();
    return Optional.of(new Quantity[] {in(a, fine), in(b, fine)});
  }

  private static Quantity in(Quantity q, String code) {
    BigDecimal factor = BigDecimal.valueOf(UNIT_SIZE.get(q.getCode()) / UNIT_SIZE.get(code));
    return new Quantity().setValue(q.getValue().multiply(factor)).setUnit(UNIT_NAME.get(code)).setSystem(UCUM).setCode(code);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** A v2 enum value as ClinicalTrials.gov labels it: {@code ACTIVE_COMPARATOR} gives "Active Comparator". */
  static String label(String enumValue) {
    StringBuilder sb = new StringBuilder();
    for (String w : enumValue.split("_")) {
      if (w.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
