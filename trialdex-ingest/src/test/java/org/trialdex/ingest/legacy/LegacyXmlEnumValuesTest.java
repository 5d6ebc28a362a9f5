package org.trialdex.ingest.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.LegacyValues;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.ArmGroupType;
import org.trialdex.core.model.ContactRole;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.DesignAllocation;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.DesignTimePerspective;
import org.trialdex.core.model.EnrollmentType;
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
import org.trialdex.core.normalize.V2Enums;
import org.trialdex.testing.SharedData;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The legacy value {@code /studies/enums} gives each constant is the one the legacy ClinicalStudy
 * XML writes, value for value over the 6,786 records of the 2023 archive, but for the few words in
 * which the XML differs from the classic study fields (and so from the live API's legacy values).
 */
class LegacyXmlEnumValuesTest {

  /** An XML element (XPath), the v2 enum it holds, the piece the enum's value is for. */
  private record Element(String xpath, Class<? extends Enum<?>> type, String piece) {}

  private static final List<Element> ELEMENTS = List.of(
      new Element("//overall_status", Status.class, "OverallStatus"),
      new Element("//last_known_status", Status.class, "LastKnownStatus"),
      new Element("//study_type", StudyType.class, "StudyType"),
      new Element("//phase", Phase.class, "Phase"),
      new Element("//study_design_info/allocation", DesignAllocation.class, "DesignAllocation"),
      new Element("//study_design_info/intervention_model", InterventionalAssignment.class, "DesignInterventionModel"),
      new Element("//study_design_info/primary_purpose", PrimaryPurpose.class, "DesignPrimaryPurpose"),
      new Element("//study_design_info/observational_model", ObservationalModel.class, "DesignObservationalModel"),
      new Element("//study_design_info/time_perspective", DesignTimePerspective.class, "DesignTimePerspective"),
      new Element("//study_design_info/masking", DesignMasking.class, "DesignMasking"),
      new Element("//eligibility/gender", Sex.class, "Sex"),
      new Element("//eligibility/sampling_method", SamplingMethod.class, "SamplingMethod"),
      new Element("//intervention/intervention_type", InterventionType.class, "InterventionType"),
      new Element("//arm_group/arm_group_type", ArmGroupType.class, "ArmGroupType"),
      new Element("//agency_class", AgencyClass.class, "LeadSponsorClass"),
      new Element("//responsible_party/responsible_party_type", ResponsiblePartyType.class, "ResponsiblePartyType"),
      new Element("//overall_official/role", OfficialRole.class, "OverallOfficialRole"),
      new Element("//location/status", RecruitmentStatus.class, "LocationStatus"),
      new Element("//location/investigator/role", ContactRole.class, "LocationContactRole"),
      new Element("//patient_data/sharing_ipd", IpdSharing.class, "IPDSharing"),
      new Element("//patient_data/ipd_info_type", IpdSharingInfoType.class, "IPDSharingInfoType"),
      new Element("//enrollment/@type", EnrollmentType.class, "EnrollmentType"),
      new Element("//start_date/@type", DateType.class, "StartDateType"),
      new Element("//completion_date/@type", DateType.class, "CompletionDateType"),
      new Element("//primary_completion_date/@type", DateType.class, "PrimaryCompletionDateType"),
      new Element("//study_first_posted/@type", DateType.class, "StudyFirstPostDateType"),
      new Element("//last_update_posted/@type", DateType.class, "LastUpdatePostDateType"),
      new Element("//results_first_posted/@type", DateType.class, "ResultsFirstPostDateType"));

  // Where the XML's words are not the classic study fields' (which the live legacyValue follows):
  // the XML value, and what the classic fields write for the same constant (msc-trials-2022).
  private static final Map<String, String> XML_ONLY = Map.of(
      "Phase 'N/A'", "Not Applicable",
      "LeadSponsorClass 'Industry'", "INDUSTRY",
      "LeadSponsorClass 'Other'", "OTHER",
      "LeadSponsorClass 'U.S. Fed'", "FED");

  @Test
  void everyEnumValueOfTheLegacyXmlIsItsConstantsLegacyValue() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var xpath = XPathFactory.newInstance().newXPath();
    Map<String, String> wrong = new TreeMap<>();
    int records = 0;
    int checked = 0;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(SharedData.legacyArchive()));
        var tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (!e.isFile() || !e.getName().endsWith(".xml")) {
          continue;
        }
        records++;
        Document doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
            new java.io.ByteArrayInputStream(tar.readAllBytes())));
        for (Element el : ELEMENTS) {
          NodeList nodes = (NodeList) xpath.evaluate(el.xpath(), doc, XPathConstants.NODESET);
          for (int i = 0; i < nodes.getLength(); i++) {
            // "Phase 1/Phase 2" is two phases; "Double (Participant, Investigator)" is DOUBLE and who
            // is masked; "Observational [Patient Registry]" is OBSERVATIONAL and a registry flag.
            for (String value : nodes.item(i).getTextContent().strip().split("/(?=Phase)")) {
              checked++;
              String key = el.piece() + " '" + value + "'";
              String legacy = legacy(el, value);
              if (!value.equals(legacy)) {
                String bare = value.replaceAll("\\s*[(\\[].*$", "");
                legacy = legacy(el, bare);
                key = el.piece() + " '" + bare + "'";
                if (bare.equals(legacy) || XML_ONLY.containsKey(key) && XML_ONLY.get(key).equals(legacy)) {
                  continue;
                }
                wrong.put(el.piece() + " '" + value + "'", legacy);
              }
            }
          }
        }
      }
    }
    assertEquals(6786, records);
    assertTrue(checked > 50_000, "values checked: " + checked);
    assertEquals(Map.of(), wrong);
  }

  /** The legacy value of the constant {@code text} spells for the element's piece, or null. */
  private static String legacy(Element el, String text) {
    Enum<?> constant = parse(el.type(), text);
    return constant == null ? null : LegacyValues.of(constant, el.piece()).orElse(null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Enum<?> parse(Class<? extends Enum<?>> type, String text) {
    if (type == Phase.class) {
      // Phases are read by core's Phases ("Phase 2" is PHASE2, "N/A" is NA), as the readers do.
      List<Phase> phases = org.trialdex.core.normalize.Phases.parse(text).orElse(List.of());
      return phases.size() == 1 ? phases.getFirst() : null;
    }
    return (Enum<?>) V2Enums.parse((Class) type, text).orElse(null);
  }
}
