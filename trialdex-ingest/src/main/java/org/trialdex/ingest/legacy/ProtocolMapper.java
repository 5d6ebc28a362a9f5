package org.trialdex.ingest.legacy;

import static org.trialdex.ingest.legacy.Mapping.array;
import static org.trialdex.ingest.legacy.Mapping.object;
import static org.trialdex.ingest.legacy.Mapping.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.ArmGroupType;
import org.trialdex.core.model.ContactRole;
import org.trialdex.core.model.DesignAllocation;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.DesignTimePerspective;
import org.trialdex.core.model.InterventionType;
import org.trialdex.core.model.InterventionalAssignment;
import org.trialdex.core.model.IpdSharing;
import org.trialdex.core.model.IpdSharingInfoType;
import org.trialdex.core.model.ObservationalModel;
import org.trialdex.core.model.OfficialRole;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.PrimaryPurpose;
import org.trialdex.core.model.RecruitmentStatus;
import org.trialdex.core.model.ResponsiblePartyType;
import org.trialdex.core.model.SamplingMethod;
import org.trialdex.core.model.Sex;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.model.WhoMasked;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.normalize.Phases;
import org.trialdex.core.normalize.V2Enums;
import org.w3c.dom.Element;

/**
 * Maps the protocol part of a {@code <clinical_study>} onto the v2 protocol, derived, annotation
 * and document sections, as v2 JSON. See {@code docs/legacy-xml-mapping.md} for the table.
 */
final class ProtocolMapper {

  private static final Pattern PROCESSED_ON = Pattern.compile("processed this data on (.+)$");

  private final Mapping m;

  ProtocolMapper(Mapping m) {
    this.m = m;
  }

  /** Fills {@code study} (a v2 study object) from {@code cs}, the root element. */
  void map(Element cs, ObjectNode study) {
    // rank is the record's place in the search result it was exported with, not study data.
    m.attr(cs, "rank");
    ObjectNode ps = object();
    put(ps, "identificationModule", identification(cs));
    put(ps, "statusModule", status(cs));
    put(ps, "sponsorCollaboratorsModule", sponsors(cs));
    put(ps, "oversightModule", oversight(cs));
    put(ps, "descriptionModule", description(cs));
    put(ps, "conditionsModule", conditions(cs));
    put(ps, "designModule", design(cs));
    put(ps, "armsInterventionsModule", armsInterventions(cs));
    put(ps, "outcomesModule", outcomes(cs));
    put(ps, "eligibilityModule", eligibility(cs));
    put(ps, "contactsLocationsModule", contactsLocations(cs));
    put(ps, "referencesModule", references(cs));
    put(ps, "ipdSharingStatementModule", ipdSharing(cs));
    put(study, "protocolSection", ps);
    put(study, "annotationSection", annotation(cs));
    put(study, "documentSection", documents(cs));
    put(study, "derivedSection", derived(cs));
  }

  private ObjectNode identification(Element cs) {
    Element ids = m.child(cs, "id_info");
    ObjectNode o = object();
    put(o, "nctId", m.text(ids, "nct_id"));
    put(o, "nctIdAliases", m.texts(ids, "nct_alias"));
    String org = m.text(ids, "org_study_id");
    if (org != null) {
      o.set("orgStudyIdInfo", object().put("id", org));
    }
    put(o, "secondaryIdInfos", array(m.children(ids, "secondary_id"), e -> {
      String id = m.text(e);
      return id == null ? null : object().put("id", id);
    }));
    put(o, "briefTitle", m.text(cs, "brief_title"));
    put(o, "officialTitle", m.text(cs, "official_title"));
    put(o, "acronym", m.text(cs, "acronym"));
    String source = m.text(cs, "source");
    if (source != null) {
      ObjectNode organization = object().put("fullName", source);
      // v2's organization is the legacy source; its class is the lead sponsor's when they are the
      // same organization, and unknown otherwise.
      Element lead = m.child(m.child(cs, "sponsors"), "lead_sponsor");
      if (source.equals(peekText(lead, "agency"))) {
        // Parsed quietly: sponsors() warns once if the class does not map.
        V2Enums.parse(AgencyClass.class, peekText(lead, "agency_class"))
            .ifPresent(c -> organization.put("class", c.name()));
      }
      o.set("organization", organization);
    }
    return o;
  }

  private ObjectNode status(Element cs) {
    ObjectNode o = object();
    put(o, "statusVerifiedDate", m.date(m.child(cs, "verification_date")));
    put(o, "overallStatus", m.enumValue(m.child(cs, "overall_status"), Status.class));
    put(o, "lastKnownStatus", m.enumValue(m.child(cs, "last_known_status"), Status.class));
    put(o, "whyStopped", m.text(cs, "why_stopped"));
    Boolean expanded = m.yesNo(m.child(cs, "has_expanded_access"));
    if (expanded != null) {
      o.set("expandedAccessInfo", object().put("hasExpandedAccess", expanded));
    }
    put(o, "startDateStruct", m.dateStruct(m.child(cs, "start_date")));
    put(o, "primaryCompletionDateStruct", m.dateStruct(m.child(cs, "primary_completion_date")));
    put(o, "completionDateStruct", m.dateStruct(m.child(cs, "completion_date")));
    put(o, "studyFirstSubmitDate", m.date(m.child(cs, "study_first_submitted")));
    put(o, "studyFirstSubmitQcDate", m.date(m.child(cs, "study_first_submitted_qc")));
    put(o, "studyFirstPostDateStruct", m.dateStruct(m.child(cs, "study_first_posted")));
    put(o, "resultsFirstSubmitDate", m.date(m.child(cs, "results_first_submitted")));
    put(o, "resultsFirstSubmitQcDate", m.date(m.child(cs, "results_first_submitted_qc")));
    put(o, "resultsFirstPostDateStruct", m.dateStruct(m.child(cs, "results_first_posted")));
    put(o, "dispFirstSubmitDate", m.date(m.child(cs, "disposition_first_submitted")));
    put(o, "dispFirstSubmitQcDate", m.date(m.child(cs, "disposition_first_submitted_qc")));
    put(o, "dispFirstPostDateStruct", m.dateStruct(m.child(cs, "disposition_first_posted")));
    put(o, "lastUpdateSubmitDate", m.date(m.child(cs, "last_update_submitted")));
    // last_update_submitted_qc has no v2 member; it is read (and warned about) below when it
    // differs from last_update_submitted.
    Element qc = m.child(cs, "last_update_submitted_qc");
    String qcDate = m.date(qc);
    if (qcDate != null && !qcDate.equals(o.path("lastUpdateSubmitDate").asText(null))) {
      m.warn(qc, "not mapped: v2 has no QC date for the last update, and this one (" + qcDate
          + ") differs from last_update_submitted");
    }
    put(o, "lastUpdatePostDateStruct", m.dateStruct(m.child(cs, "last_update_posted")));
    return o;
  }

  private ObjectNode sponsors(Element cs) {
    ObjectNode o = object();
    Element rp = m.child(cs, "responsible_party");
    if (rp != null) {
      ObjectNode r = object();
      put(r, "type", m.enumValue(m.child(rp, "responsible_party_type"), ResponsiblePartyType.class));
      put(r, "investigatorFullName", m.text(rp, "investigator_full_name"));
      put(r, "investigatorTitle", m.text(rp, "investigator_title"));
      put(r, "investigatorAffiliation", m.text(rp, "investigator_affiliation"));
      put(r, "oldNameTitle", m.text(rp, "name_title"));
      put(r, "oldOrganization", m.text(rp, "organization"));
      put(o, "responsibleParty", r);
    }
    Element sponsors = m.child(cs, "sponsors");
    put(o, "leadSponsor", sponsor(m.child(sponsors, "lead_sponsor")));
    put(o, "collaborators", array(m.children(sponsors, "collaborator"), this::sponsor));
    return o;
  }

  private ObjectNode sponsor(Element e) {
    if (e == null) {
      return null;
    }
    ObjectNode o = object();
    put(o, "name", m.text(e, "agency"));
    put(o, "class", m.enumValue(m.child(e, "agency_class"), AgencyClass.class));
    return o;
  }

  private ObjectNode oversight(Element cs) {
    Element ov = m.child(cs, "oversight_info");
    ObjectNode o = object();
    put(o, "oversightHasDmc", m.yesNo(m.child(ov, "has_dmc")));
    put(o, "isFdaRegulatedDrug", m.yesNo(m.child(ov, "is_fda_regulated_drug")));
    put(o, "isFdaRegulatedDevice", m.yesNo(m.child(ov, "is_fda_regulated_device")));
    put(o, "isUnapprovedDevice", m.yesNo(m.child(ov, "is_unapproved_device")));
    put(o, "isPpsd", m.yesNo(m.child(ov, "is_ppsd")));
    put(o, "isUsExport", m.yesNo(m.child(ov, "is_us_export")));
    return o;
  }

  private ObjectNode description(Element cs) {
    ObjectNode o = object();
    put(o, "briefSummary", textBlock(m.child(cs, "brief_summary")));
    put(o, "detailedDescription", textBlock(m.child(cs, "detailed_description")));
    return o;
  }

  /** The normalized text of {@code <x><textblock>}. */
  private String textBlock(Element e) {
    Element tb = m.child(e, "textblock");
    if (tb == null) {
      return null;
    }
    m.markMapped(tb);
    return TextBlocks.normalize(tb.getTextContent());
  }

  private ObjectNode conditions(Element cs) {
    ObjectNode o = object();
    put(o, "conditions", m.texts(cs, "condition"));
    put(o, "keywords", m.texts(cs, "keyword"));
    return o;
  }

  private ObjectNode design(Element cs) {
    ObjectNode o = object();
    Element typeEl = m.child(cs, "study_type");
    String type = m.text(typeEl);
    if (type != null) {
      // "Observational [Patient Registry]" is v2's OBSERVATIONAL with patientRegistry true.
      boolean registry = type.contains("[Patient Registry]");
      put(o, "studyType", m.enumValue(typeEl, type.replace("[Patient Registry]", "").strip(), StudyType.class));
      if (registry) {
        o.put("patientRegistry", true);
      }
    }
    put(o, "targetDuration", m.text(cs, "target_duration"));
    Element phaseEl = m.child(cs, "phase");
    String phase = m.text(phaseEl);
    if (phase != null) {
      Optional<List<Phase>> phases = Phases.parse(phase);
      if (phases.isPresent()) {
        ArrayNode a = Mapping.JSON.arrayNode();
        phases.get().forEach(p -> a.add(p.name()));
        o.set("phases", a);
      } else {
        m.warn(phaseEl, "'" + phase + "' is not a phase; left out");
      }
    }
    put(o, "designInfo", designInfo(m.child(cs, "study_design_info")));
    Element retention = m.child(cs, "biospec_retention");
    String biospecDescr = textBlock(m.child(cs, "biospec_descr"));
    if (retention != null || biospecDescr != null) {
      ObjectNode b = object();
      put(b, "retention", m.enumValue(retention, BiospecRetention.class));
      put(b, "description", biospecDescr);
      put(o, "bioSpec", b);
    }
    Element enrollment = m.child(cs, "enrollment");
    Integer count = m.integer(enrollment, m.text(enrollment), "enrollment");
    if (count != null) {
      ObjectNode e = object().put("count", count);
      String t = m.attr(enrollment, "type");
      if (t != null) {
        put(e, "type", m.enumValue(enrollment, t, org.trialdex.core.model.EnrollmentType.class));
      }
      o.set("enrollmentInfo", e);
    }
    return o;
  }

  /** v2's bioSpec.retention values (a string in the v2 document, these constants in the data). */
  enum BiospecRetention { NONE_RETAINED, SAMPLES_WITH_DNA, SAMPLES_WITHOUT_DNA }

  private ObjectNode designInfo(Element di) {
    if (di == null) {
      return null;
    }
    ObjectNode o = object();
    put(o, "allocation", m.enumValue(m.child(di, "allocation"), DesignAllocation.class));
    put(o, "interventionModel", m.enumValue(m.child(di, "intervention_model"), InterventionalAssignment.class));
    put(o, "interventionModelDescription", m.text(di, "intervention_model_description"));
    put(o, "primaryPurpose", m.enumValue(m.child(di, "primary_purpose"), PrimaryPurpose.class));
    put(o, "observationalModel", m.enumValue(m.child(di, "observational_model"), ObservationalModel.class));
    put(o, "timePerspective", m.enumValue(m.child(di, "time_perspective"), DesignTimePerspective.class));
    Element maskingEl = m.child(di, "masking");
    String masking = m.text(maskingEl);
    String maskingDescription = m.text(di, "masking_description");
    if (masking != null || maskingDescription != null) {
      ObjectNode mb = object();
      put(mb, "masking", m.enumValue(maskingEl, masking, DesignMasking.class));
      put(mb, "maskingDescription", maskingDescription);
      // "Double (Participant, Investigator)": the parenthesis lists who is masked.
      if (masking != null && masking.indexOf('(') > 0 && masking.endsWith(")")) {
        ArrayNode who = Mapping.JSON.arrayNode();
        for (String w : masking.substring(masking.indexOf('(') + 1, masking.length() - 1).split(",")) {
          if (!w.isBlank() && !w.strip().equalsIgnoreCase("Open Label")) {
            String v = m.enumValue(maskingEl, w.strip(), WhoMasked.class);
            if (v != null) {
              who.add(v);
            }
          }
        }
        put(mb, "whoMasked", who);
      }
      put(o, "maskingInfo", mb);
    }
    return o;
  }

  private ObjectNode armsInterventions(Element cs) {
    List<Element> interventions = m.children(cs, "intervention");
    ObjectNode o = object();
    put(o, "armGroups", array(m.children(cs, "arm_group"), arm -> {
      ObjectNode a = object();
      String label = m.text(arm, "arm_group_label");
      put(a, "label", label);
      put(a, "type", m.enumValue(m.child(arm, "arm_group_type"), ArmGroupType.class));
      put(a, "description", m.text(arm, "description"));
      // v2 lists, per arm, the interventions that name the arm, as "Type: name".
      ArrayNode names = Mapping.JSON.arrayNode();
      for (Element iv : interventions) {
        if (label != null && labelsOf(iv).contains(label)) {
          names.add(peekText(iv, "intervention_type") + ": " + peekText(iv, "intervention_name"));
        }
      }
      put(a, "interventionNames", names);
      return a;
    }));
    put(o, "interventions", array(interventions, iv -> {
      ObjectNode i = object();
      put(i, "type", m.enumValue(m.child(iv, "intervention_type"), InterventionType.class));
      put(i, "name", m.text(iv, "intervention_name"));
      put(i, "description", m.text(iv, "description"));
      put(i, "armGroupLabels", m.texts(iv, "arm_group_label"));
      put(i, "otherNames", m.texts(iv, "other_name"));
      return i;
    }));
    // number_of_arms / number_of_groups is the count of arm groups, which v2 does not store; a
    // count that disagrees with the arm groups given would be lost, so it is warned about.
    int arms = m.children(cs, "arm_group").size();
    for (String tag : List.of("number_of_arms", "number_of_groups")) {
      Element n = m.child(cs, tag);
      Integer count = m.integer(n, m.text(n), tag);
      if (count != null && count != arms) {
        m.warn(n, "not mapped: v2 has no arm count; this one (" + count + ") differs from the "
            + arms + " arm groups given");
      }
    }
    return o;
  }

  private Set<String> labelsOf(Element intervention) {
    Set<String> labels = new LinkedHashSet<>();
    for (org.w3c.dom.Node n = intervention.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("arm_group_label")) {
        labels.add(e.getTextContent().strip());
      }
    }
    return labels;
  }

  /** The text of a child without marking it mapped (for values read twice). */
  private static String peekText(Element parent, String name) {
    Element e = firstChild(parent, name);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().strip();
    return t.isEmpty() ? null : t;
  }

  private ObjectNode outcomes(Element cs) {
    ObjectNode o = object();
    put(o, "primaryOutcomes", array(m.children(cs, "primary_outcome"), this::outcome));
    put(o, "secondaryOutcomes", array(m.children(cs, "secondary_outcome"), this::outcome));
    put(o, "otherOutcomes", array(m.children(cs, "other_outcome"), this::outcome));
    return o;
  }

  private ObjectNode outcome(Element e) {
    ObjectNode o = object();
    put(o, "measure", m.text(e, "measure"));
    put(o, "description", m.text(e, "description"));
    put(o, "timeFrame", m.text(e, "time_frame"));
    return o;
  }

  private ObjectNode eligibility(Element cs) {
    Element el = m.child(cs, "eligibility");
    if (el == null) {
      return null;
    }
    ObjectNode o = object();
    put(o, "eligibilityCriteria", textBlock(m.child(el, "criteria")));
    Element hv = m.child(el, "healthy_volunteers");
    String hvText = m.text(hv);
    if (hvText != null) {
      switch (hvText.toLowerCase(Locale.ROOT)) {
        case "accepts healthy volunteers", "yes" -> o.put("healthyVolunteers", true);
        case "no" -> o.put("healthyVolunteers", false);
        default -> m.warn(hv, "'" + hvText + "' does not say whether healthy volunteers are accepted; left out");
      }
    }
    put(o, "sex", m.enumValue(m.child(el, "gender"), Sex.class));
    put(o, "genderBased", m.yesNo(m.child(el, "gender_based")));
    put(o, "genderDescription", m.text(el, "gender_description"));
    put(o, "minimumAge", age(m.child(el, "minimum_age")));
    put(o, "maximumAge", age(m.child(el, "maximum_age")));
    put(o, "studyPopulation", textBlock(m.child(el, "study_pop")));
    put(o, "samplingMethod", m.enumValue(m.child(el, "sampling_method"), SamplingMethod.class));
    return o;
  }

  private String age(Element e) {
    String t = m.text(e);
    if (Age.meansNoLimit(t)) {
      return null;
    }
    Optional<String> age = Age.normalize(t);
    if (age.isEmpty()) {
      m.warn(e, "'" + t + "' is not an age; left out");
    }
    return age.orElse(null);
  }

  private ObjectNode contactsLocations(Element cs) {
    ObjectNode o = object();
    ArrayNode central = Mapping.JSON.arrayNode();
    for (String tag : List.of("overall_contact", "overall_contact_backup")) {
      for (Element c : m.children(cs, tag)) {
        add(central, contact(c, null));
      }
    }
    put(o, "centralContacts", central);
    put(o, "overallOfficials", array(m.children(cs, "overall_official"), e -> {
      ObjectNode of = object();
      put(of, "name", m.text(e, "last_name"));
      put(of, "affiliation", m.text(e, "affiliation"));
      put(of, "role", m.enumValue(m.child(e, "role"), OfficialRole.class));
      return of;
    }));
    List<Element> locations = m.children(cs, "location");
    put(o, "locations", array(locations, this::location));
    // location_countries is the set of the locations' countries, which v2 derives; a country that
    // no location names would be lost, so it is warned about.
    Set<String> located = new LinkedHashSet<>();
    for (Element loc : locations) {
      located.add(Objects.toString(
          peekText(firstChild(firstChild(loc, "facility"), "address"), "country"), ""));
    }
    for (Element c : m.listed(cs, "location_countries", "country")) {
      String country = m.text(c);
      if (country != null && !located.contains(country)) {
        m.warn(c, "not mapped: v2 keeps countries only on locations, and no location is in " + country);
      }
    }
    return o;
  }

  private static Element firstChild(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static void add(ArrayNode a, ObjectNode o) {
    if (o != null && !o.isEmpty()) {
      a.add(o);
    }
  }

  private ObjectNode contact(Element c, String role) {
    ObjectNode o = object();
    put(o, "name", m.text(c, "last_name"));
    put(o, "role", role == null ? "CONTACT" : role);
    put(o, "phone", m.text(c, "phone"));
    put(o, "phoneExt", m.text(c, "phone_ext"));
    put(o, "email", m.text(c, "email"));
    return o;
  }

  private ObjectNode location(Element loc) {
    ObjectNode o = object();
    Element facility = m.child(loc, "facility");
    put(o, "facility", m.text(facility, "name"));
    put(o, "status", m.enumValue(m.child(loc, "status"), RecruitmentStatus.class));
    Element address = m.child(facility, "address");
    put(o, "city", m.text(address, "city"));
    put(o, "state", m.text(address, "state"));
    put(o, "zip", m.text(address, "zip"));
    put(o, "country", m.text(address, "country"));
    ArrayNode contacts = Mapping.JSON.arrayNode();
    for (String tag : List.of("contact", "contact_backup")) {
      for (Element c : m.children(loc, tag)) {
        add(contacts, contact(c, null));
      }
    }
    for (Element inv : m.children(loc, "investigator")) {
      Element roleEl = m.child(inv, "role");
      String role = roleEl == null ? "PRINCIPAL_INVESTIGATOR" : m.enumValue(roleEl, ContactRole.class);
      ObjectNode c = object();
      put(c, "name", m.text(inv, "last_name"));
      put(c, "role", role);
      add(contacts, c);
    }
    put(o, "contacts", contacts);
    return o;
  }

  private ObjectNode references(Element cs) {
    ObjectNode o = object();
    List<ObjectNode> refs = new ArrayList<>();
    for (Element r : m.children(cs, "reference")) {
      refs.add(reference(r, "BACKGROUND"));
    }
    for (Element r : m.children(cs, "results_reference")) {
      refs.add(reference(r, "RESULT"));
    }
    ArrayNode a = Mapping.JSON.arrayNode();
    refs.forEach(r -> add(a, r));
    put(o, "references", a);
    put(o, "seeAlsoLinks", array(m.children(cs, "link"), l -> {
      ObjectNode s = object();
      put(s, "label", m.text(l, "description"));
      put(s, "url", m.text(l, "url"));
      return s;
    }));
    put(o, "availIpds", array(m.listed(cs, "study_docs", "study_doc"), d -> {
      ObjectNode s = object();
      put(s, "id", m.text(d, "doc_id"));
      put(s, "type", m.text(d, "doc_type"));
      put(s, "url", m.text(d, "doc_url"));
      put(s, "comment", m.text(d, "doc_comment"));
      return s;
    }));
    return o;
  }

  private ObjectNode reference(Element r, String type) {
    ObjectNode o = object();
    put(o, "pmid", m.text(r, "PMID"));
    o.put("type", type);
    put(o, "citation", m.text(r, "citation"));
    return o;
  }

  private ObjectNode ipdSharing(Element cs) {
    Element pd = m.child(cs, "patient_data");
    if (pd == null) {
      return null;
    }
    ObjectNode o = object();
    put(o, "ipdSharing", m.enumValue(m.child(pd, "sharing_ipd"), IpdSharing.class));
    put(o, "description", m.text(pd, "ipd_description"));
    ArrayNode types = Mapping.JSON.arrayNode();
    for (Element t : m.children(pd, "ipd_info_type")) {
      String v = m.enumValue(t, IpdSharingInfoType.class);
      if (v != null) {
        types.add(v);
      }
    }
    put(o, "infoTypes", types);
    put(o, "timeFrame", m.text(pd, "ipd_time_frame"));
    put(o, "accessCriteria", m.text(pd, "ipd_access_criteria"));
    put(o, "url", m.text(pd, "ipd_url"));
    return o;
  }

  private ObjectNode annotation(Element cs) {
    Element pending = m.child(cs, "pending_results");
    if (pending == null) {
      return null;
    }
    // Legacy lists submissions, QC returns and cancellations of results not yet posted; v2 calls
    // them RELEASE, RESET and UNRELEASE events, in document order.
    ArrayNode events = Mapping.JSON.arrayNode();
    for (org.w3c.dom.Node n = pending.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        String type = switch (e.getTagName()) {
          case "submitted" -> "RELEASE";
          case "returned" -> "RESET";
          case "submission_canceled" -> "UNRELEASE";
          default -> null;
        };
        if (type == null) {
          continue;
        }
        m.markMapped(e);
        ObjectNode ev = object().put("type", type);
        String text = m.text(e);
        Optional<String> date = PartialDate.normalize(text);
        if (date.isPresent()) {
          ev.put("date", date.get());
        } else if (text != null && text.toLowerCase(Locale.ROOT).contains("unknown")) {
          ev.put("dateUnknown", true);
        } else {
          m.warn(e, "'" + text + "' is not a date; the event is kept without one");
        }
        events.add(ev);
      }
    }
    ObjectNode am = object();
    put(am, "unpostedAnnotation", events.isEmpty() ? null : object().set("unpostedEvents", events));
    return am.isEmpty() ? null : object().set("annotationModule", am);
  }

  private ObjectNode documents(Element cs) {
    List<Element> docs = m.listed(cs, "provided_document_section", "provided_document");
    if (docs.isEmpty()) {
      return null;
    }
    ArrayNode large = array(docs, d -> {
      ObjectNode o = object();
      put(o, "hasProtocol", m.yesNo(m.child(d, "document_has_protocol")));
      put(o, "hasSap", m.yesNo(m.child(d, "document_has_sap")));
      put(o, "hasIcf", m.yesNo(m.child(d, "document_has_icf")));
      put(o, "label", m.text(d, "document_type"));
      put(o, "date", m.date(m.child(d, "document_date")));
      Element urlEl = m.child(d, "document_url");
      String url = m.text(urlEl);
      if (url != null) {
        // v2 gives the file name; the legacy URL is .../ProvidedDocs/<nn>/<NCT id>/<file name>.
        String file = url.substring(url.lastIndexOf('/') + 1);
        put(o, "filename", file.isEmpty() ? null : file);
        if (file.isEmpty()) {
          m.warn(urlEl, "not mapped: the URL '" + url + "' names no file");
        }
      }
      return o;
    });
    return object().set("largeDocumentModule", object().set("largeDocs", large));
  }

  private ObjectNode derived(Element cs) {
    ObjectNode o = object();
    Element header = m.child(cs, "required_header");
    if (header != null) {
      Element dl = m.child(header, "download_date");
      String text = m.text(dl);
      Matcher p = text == null ? null : PROCESSED_ON.matcher(text);
      Optional<String> date = p != null && p.find() ? PartialDate.normalize(p.group(1)) : Optional.empty();
      if (date.isPresent()) {
        // The day CT.gov exported the record is v2's versionHolder, the date of the data version.
        o.set("miscInfoModule", object().put("versionHolder", date.get()));
      } else if (text != null) {
        m.warn(dl, "'" + text + "' does not say when the data was processed; left out");
      }
      // link_text and url are the same boilerplate in every record: a link to the record's page.
      m.text(header, "link_text");
      Element url = m.child(header, "url");
      String u = m.text(url);
      String nct = peekText(m.child(cs, "id_info"), "nct_id");
      if (u != null && nct != null && !u.endsWith("/" + nct)) {
        m.warn(url, "not mapped: the record link '" + u + "' is not the page of " + nct);
      }
    }
    ArrayNode removed = m.texts(m.child(cs, "removed_countries"), "country");
    if (removed != null) {
      ObjectNode misc = o.has("miscInfoModule") ? (ObjectNode) o.get("miscInfoModule") : object();
      misc.set("removedCountries", removed);
      o.set("miscInfoModule", misc);
    }
    put(o, "conditionBrowseModule", browse(m.child(cs, "condition_browse")));
    put(o, "interventionBrowseModule", browse(m.child(cs, "intervention_browse")));
    return o;
  }

  private ObjectNode browse(Element b) {
    if (b == null) {
      return null;
    }
    ArrayNode meshes = Mapping.JSON.arrayNode();
    for (Element t : m.children(b, "mesh_term")) {
      String term = m.text(t);
      if (term != null) {
        meshes.addObject().put("term", term);
      }
    }
    return meshes.isEmpty() ? null : object().set("meshes", meshes);
  }
}
