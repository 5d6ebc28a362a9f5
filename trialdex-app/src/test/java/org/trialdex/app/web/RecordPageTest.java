package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;

/**
 * The record page in plain words (issue #15), over the page-test store (sample, PALLAS, the five
 * seed pages, the MSC set). The seed expectations are read by hand from the seed pages in
 * {@code ../shared/seeds/}: each line names the label the seed page shows and its value there, and
 * the test checks that the rendered page carries it. Where the page words a value otherwise (the
 * seed's {@code January 1, 2016} is {@code 2016-01-01}), the expectation says so.
 */
class RecordPageTest {

  /** Where the tests that make their own stores (a hand-made record, edits) put them. */
  @TempDir static Path dir;
  /** The page-test store, shared with the other classes that only read it. */
  static Trialdex t;

  @BeforeAll
  static void store() {
    t = WebStore.shared();
  }

  private static Document study(String id) {
    return Jsoup.parse(WebPages.study(t, id).text());
  }

  /** The value next to the label (a dt's dd or a row header's cell); fails when the label is not on the page. */
  private static String fact(Element in, String label) {
    List<String> labels = new ArrayList<>();
    for (Element e : in.select("dt, th[scope=row]")) {
      labels.add(e.text());
      if (e.text().equals(label) && e.nextElementSibling() != null) {
        return e.nextElementSibling().text();
      }
    }
    throw new AssertionError("no label \"" + label + "\" among " + labels);
  }

  private static void shows(Element in, String label, String value, String why) {
    String shown = fact(in, label);
    assertTrue(shown.contains(value), () -> label + ": expected \"" + value + "\" (" + why + "), page shows \"" + shown + "\"");
  }

  private static void has(Element in, String text, String why) {
    assertTrue(in.text().contains(text), () -> "\"" + text + "\" (" + why + ") missing from: " + in.text());
  }

  private static Element byId(Document doc, String id) {
    Element e = doc.getElementById(id);
    assertNotNull(e, id);
    return e.parent();
  }

  @Test
  void everyStatusAndPhaseHasAHandWrittenSentence() {
    assertTrue(PlainWords.complete());
    for (Status s : Status.values()) {
      String line = PlainWords.status(s);
      assertTrue(line.endsWith(".") && line.length() > Labels.of(s).length() + 20, line);
    }
    assertEquals(List.of("Recruiting: the trial is enrolling participants now."), List.of(PlainWords.status(Status.RECRUITING)));
    for (Phase p : Phase.values()) {
      assertEquals(1, PlainWords.phases(List.of(p)).size());
    }
  }

  @Test
  void seed000ClassicPageEveryFieldItShows() {
    // ../shared/seeds/000_5042584f5d40f206.txt, the classic ClinicalTrials.gov page, line by line.
    Document doc = study("NCT03123458");
    assertEquals("Clonal Fetal Mesenchymal Stem Cells (cfMSCs) for the Control of Immune-related Disorders", doc.selectFirst("h1").text());
    Element main = doc.selectFirst("main");
    shows(main, "NCT number", "NCT03123458", "Identifier: NCT03123458");
    shows(main, "Recruitment status", "Unknown", "Recruitment Status : Unknown");
    shows(main, "Last known status", "Enrolling by invitation", "Recruitment status was: Enrolling by invitation");
    shows(main, "Status verified", "2018-02", "Verified February 2018");
    shows(main, "First posted", "2017-04-21", "First Posted : April 21, 2017");
    shows(main, "Last update posted", "2018-02-26", "Last Update Posted : February 26, 2018");
    shows(main, "Responsible party", "Lung-Ji Chang", "Information provided by (Responsible Party): Lung-Ji Chang");
    has(byId(doc, "s-summary"), "third party fully-characterized clonally derived fetal MSCs", "Brief Summary");
    has(byId(doc, "s-conditions"), "Immune Related Disorder", "Condition or disease");
    has(byId(doc, "s-conditions"), "Tissue Damage", "Condition or disease");
    has(byId(doc, "s-arms"), "Biological: clonal fetal MSCs", "Intervention/treatment");
    shows(main, "Phase", "Phase 1", "Phase 1");
    has(byId(doc, "s-description"), "Fetal tissue-derived clonal MSCs (cfMSCs) have extended expansion potential", "Detailed Description");
    shows(main, "Study type", "Interventional", "Study Type : Interventional (Clinical Trial)");
    shows(main, "Enrollment", "100 (estimated)", "Estimated Enrollment : 100 participants");
    shows(main, "Allocation", "N/A", "Allocation: N/A");
    shows(main, "Intervention model", "Single group assignment", "Intervention Model: Single Group Assignment");
    shows(main, "Masking", "None (Open Label)", "Masking: None (Open Label), as written");
    shows(main, "Primary purpose", "Treatment", "Primary Purpose: Treatment");
    shows(main, "Study start", "2016-01-01 (actual)", "Actual Study Start Date : January 1, 2016");
    shows(main, "Primary completion", "2019-12-31 (estimated)", "Estimated Primary Completion Date : December 31, 2019");
    shows(main, "Study completion", "2020-12-31 (estimated)", "Estimated Study Completion Date : December 31, 2020");
    has(byId(doc, "s-arms"), "Single arm, cfMSC to treat immune disorders", "Experimental: Single arm...");
    has(byId(doc, "s-arms"), "Experimental", "Experimental: arm type");
    has(byId(doc, "s-arms"), "cfMSCs treatment", "arm description");
    Element outcomes = byId(doc, "s-outcomes");
    shows(outcomes, "Number of participants with treatment-related adverse events as assessed by CTCAE v4.0",
        "Safety of cfMSC infusion acute and prolonged", "Primary Outcome Measures 1 and its description");
    has(outcomes, "up to one month", "[ Time Frame: up to one month ]");
    has(outcomes, "after 1 month from fMSC infusion", "secondary outcome's time frame");
    Element elig = byId(doc, "s-eligibility");
    shows(elig, "Ages", "1 Year to 80 Years", "Ages Eligible for Study: 1 Year to 80 Years");
    shows(elig, "Age groups", "Child, Adult, Older adult", "(Child, Adult, Older Adult)");
    shows(elig, "Sexes", "All", "Sexes Eligible for Study: All");
    shows(elig, "Accepts healthy volunteers", "No", "Accepts Healthy Volunteers: No");
    // Inclusion item 3 is a lead-in with two bullets under it: nested, not flattened.
    Element leadIn = elig.selectFirst("ul.criteria > li.lead-in");
    assertNotNull(leadIn, elig::html);
    assertTrue(leadIn.ownText().startsWith("Patients are required to meet the following inclusion criteria:"), leadIn::text);
    assertEquals(2, leadIn.select("> ul.criteria > li").size(), leadIn::html);
    assertTrue(leadIn.selectFirst("> ul.criteria > li").text().startsWith("Any patient that has clinically documented"));
    has(elig, "Pregnancy.", "Exclusion Criteria 4");
    Element sites = byId(doc, "s-locations");
    shows(sites, "Capital Institute of Pediatrics affiliated Children's hospital", "Beijing, Beijing, 100020, China",
        "China, Beijing / Beijing, Beijing, China, 100020: the state is shown");
    shows(sites, "Shenzhen Geno-immune Medical Institute", "Shenzhen, Guangdong, 518000, China", "Shenzhen, Guangdong, China, 518000");
    shows(sites, "Aerospace Center Hospital", "Beijing, 100049, China", "Beijing, China, 100049");
    shows(main, "Lead sponsor", "Shenzhen Geno-Immune Medical Institute", "Sponsors and Collaborators");
    has(byId(doc, "s-ids"), "GIMI-IRB-17001", "Other Study ID Numbers");
    shows(main, "Last verified", "2018-02", "Last Verified: February 2018");
    shows(main, "Studies a U.S. FDA-regulated drug product", "No", "Studies a U.S. FDA-regulated Drug Product: No");
    shows(main, "Studies a U.S. FDA-regulated device product", "No", "Studies a U.S. FDA-regulated Device Product: No");
    // The seed page shows no data-monitoring-committee line; the record page shows none either.
    assertFalse(main.text().contains("data monitoring committee"), main::text);
  }

  @Test
  void seed001PortalPageEveryFieldItShows() {
    // ../shared/seeds/001_cd453c2458656e53.txt: values shown as v2 constants under section blurbs.
    Document doc = study("NCT01763086");
    Element main = doc.selectFirst("main");
    shows(main, "Recruitment status", "Unknown", "UNKNOWN");
    shows(main, "Phase", "Phase 2", "PHASE2");
    shows(main, "Enrollment", "60", "60 participants");
    shows(main, "Study type", "Interventional", "INTERVENTIONAL");
    shows(main, "Study start", "2013-01", "2013-01-31; the registry record, which the merge prefers, says 2013-01");
    shows(main, "Study completion", "2016-01", "2016-01-31; the registry record says 2016-01");
    shows(main, "Last update posted", "2013-01-16", "Last Updated: 2013-01-16");
    has(byId(doc, "s-description"), "BM-derived MSCs could potentially be used as an universal donor material", "Detailed Description");
    shows(main, "Allocation", "N/A", "NA");
    shows(main, "Intervention model", "Single group assignment", "SINGLE_GROUP");
    shows(main, "Primary purpose", "Treatment", "TREATMENT");
    shows(main, "Masking", "None (Open Label)", "NONE");
    Element arms = byId(doc, "s-arms");
    assertTrue(arms.html().contains("1×10<sup>6</sup>"), "Study Groups: 1×10\\^6 cells/kg, typeset");
    has(arms, "cells/kg, intravenously", "Study Groups");
    has(arms, "central venous catheter", "Interventions: description");
    Element elig = byId(doc, "s-eligibility");
    has(elig, "Poor graft function developing after allo-HSCT", "Inclusion Criteria");
    has(elig, "Patients with any conditions not suitable for the trial (investigators' decision)", "Exclusion Criteria");
    shows(elig, "Ages", "14 Years to 65 Years", "14 Years / 65 Years");
    shows(elig, "Sexes", "All", "ALL");
    shows(elig, "Accepts healthy volunteers", "No", "No");
    shows(main, "Collaborators", "Peking University People's Hospital", "Sponsors, first of ten");
    shows(main, "Collaborators", "Zhongshan People's Hospital, Guangdong, China", "Sponsors");
    has(byId(doc, "s-investigators"), "Qifa Liu", "Principal Investigators: Qifa Liu, MD");
    has(byId(doc, "s-investigators"), "Principal investigator", "Role: PRINCIPAL_INVESTIGATOR");
    shows(byId(doc, "s-locations"), "Department of Hematology,Nanfang Hospital, Southern Medical University", "Guangzhou, Guangdong",
        "Locations: Guangzhou, Guangdong, China");
    has(byId(doc, "s-references"), "Meuleman N", "References 2");
    has(byId(doc, "s-references"), "Transfusion. 2012 May;52(5):1086-91", "References 1");
    has(byId(doc, "s-ids"), "NFH-MSC-allo-HSCT-2013", "Other Identifiers");
  }

  @Test
  void seed002PortalPageEveryFieldItShows() {
    // ../shared/seeds/002_af3d16ab93fc7196.txt: labelled values under section blurbs.
    Document doc = study("NCT03219801");
    Element main = doc.selectFirst("main");
    shows(main, "Recruitment status", "Unknown", "Recruitment Status UNKNOWN");
    shows(main, "Phase", "Early phase 1", "Clinical Phase EARLY_PHASE1");
    shows(main, "Enrollment", "10", "Total Enrollment 10 participants");
    shows(main, "Study type", "Interventional", "Study Classification INTERVENTIONAL");
    shows(main, "Study start", "2017-08-01", "Study Start Date 2017-08-01");
    shows(main, "Study completion", "2019-12-30", "Study Completion Date 2019-12-30");
    shows(main, "Last update posted", "2017-07-18", "Last Updated: 2017-07-18");
    has(byId(doc, "s-summary"), "human umbilical cord derived mesenchymal stem cells transplantation in systemic lupus", "Brief Summary");
    has(byId(doc, "s-description"), "twenty SLE patients ranging from 14 to 60 years old", "Detailed Description");
    has(byId(doc, "s-conditions"), "Systemic Lupus Erythematosus", "Conditions");
    shows(main, "Allocation", "N/A", "Allocation Method NA");
    shows(main, "Intervention model", "Single group assignment", "Intervention Model SINGLE_GROUP");
    shows(main, "Primary purpose", "Treatment", "Primary Study Purpose TREATMENT");
    shows(main, "Masking", "None (Open Label)", "Blinding Strategy NONE");
    Element arms = byId(doc, "s-arms");
    has(arms, "100-300 million allogeneic human umbilical cord derived mesenchymal stem cells", "Study Groups");
    has(arms, "Experimental", "Group Type EXPERIMENTAL");
    has(arms, "Biological", "Intervention Type BIOLOGICAL");
    Element elig = byId(doc, "s-eligibility");
    has(elig, "Left ventricular ejection fraction (LVEF)≥ 50%", "Inclusion 4");
    // The exclusion list opens with a lead-in; the items sit under it, and it is shown once.
    List<Element> leadIns = elig.select("li.lead-in");
    assertEquals(1, leadIns.size(), elig::html);
    assertTrue(leadIns.get(0).ownText().startsWith("Patients with SLE have to be disqualified"));
    assertEquals(7, leadIns.get(0).select("> ul > li").size());
    shows(elig, "Ages", "14 Years to 60 Years", "Minimum Eligible Age 14 Years, Maximum 60 Years");
    shows(elig, "Sexes", "All", "Eligible Sex ALL");
    shows(elig, "Accepts healthy volunteers", "No", "Accepts Healthy Volunteers No");
    shows(main, "Lead sponsor", "Hebei Medical University", "Sponsors: Hebei Medical University, Sponsor Role lead");
    shows(main, "Responsible party", "Quanhai Li", "Responsible Party: Quanhai Li");
    shows(main, "Responsible party", "Director of Cell Thearpy Center", "his title, as spelt");
    shows(main, "Responsible party", "Principal investigator", "Responsibility Role PRINCIPAL_INVESTIGATOR");
    Element inv = byId(doc, "s-investigators");
    for (String name : List.of("Baoyong Yan", "Qingchi Liu", "Quanhai Li", "Xiaohui Jia", "Xianyun Wang", "Fan Zhang", "Yang Shen",
        "Bing Ma", "Wanyi Yin", "Dan Zhao", "Bojian Sun")) {
      has(inv, name, "Principal Investigators");
    }
    has(inv, "Study chair", "Role: STUDY_CHAIR");
    has(inv, "Study director", "Role: STUDY_DIRECTOR");
    shows(byId(doc, "s-locations"), "the First Hospital of Hebei Medical University", "Shijiazhuang, Hebei", "Locations");
    // Central Contacts: Jun Zhang, Master, Role: CONTACT, 86-311-85917384, with a phone link in the box.
    Element box = byId(doc, "s-take-part");
    has(box, "Jun Zhang, Master", "Central Contacts");
    assertNotNull(box.selectFirst("a[href=tel:8631185917384]"), box::html);
    has(byId(doc, "s-ids"), "17277787D-SLE", "Other Identifiers");
  }

  @Test
  void seed003ListPageEveryFieldItShows() {
    // ../shared/seeds/003_0d3af347639acb8b.txt: dashed labels; this page is the trial's only source.
    Document doc = study("NCT06321198");
    Element main = doc.selectFirst("main");
    has(doc.selectFirst("h1"), "iMesenchymal Stromal Cells(iMSC) in Subjects With SR-aGVHD", "title");
    has(byId(doc, "s-conditions"), "Steroid-refractory Acute Graft-versus-host Disease(SR-aGVHD)", "Conditions");
    shows(main, "NCT number", "NCT06321198", "Registration Number");
    shows(main, "Lead sponsor", "Anhui Provincial Hospital", "Lead Sponsor");
    has(byId(doc, "s-summary"), "A study to evaluate the safety and preliminary efficacy of iMSC", "Brief Summary");
    has(byId(doc, "s-description"), "A single center, open label, dose escalation study", "Detailed Description");
    shows(main, "Recruitment status", "Recruiting", "Status RECRUITING");
    shows(main, "Sexes", "All", "Sex All");
    shows(main, "Enrollment", "12", "Target Recruitment 12");
    Element elig = byId(doc, "s-eligibility");
    has(elig, "4-70 years", "inclusion 2");
    has(elig, "ECOG≤2", "inclusion 4");
    has(elig, "Have active thrombus;", "an exclusion item");
    has(elig, "Not suitable for this clinical trial for other reasons.", "the last exclusion item");
    shows(main, "Study type", "Interventional", "Study Type INTERVENTIONAL");
    shows(main, "Intervention model", "Single group assignment", "Study Design SINGLE_GROUP");
    Element outcomes = byId(doc, "s-outcomes");
    has(outcomes, "From the date of initial infusion to 180 days after initial infusion", "primary outcome 1 time frame");
    has(outcomes, "Dose-Limiting Toxicity(DLT)", "primary outcome 2");
    has(outcomes, "4 weeks after initial infusion", "primary outcome 2 time frame");
    has(outcomes, "Objective Response Rate(ORR)", "secondary outcome 1");
    has(outcomes, "100 days after initial infusion", "secondary outcome 2 time frame");
    Element sites = byId(doc, "s-locations");
    shows(sites, "Anhui Provincial Hospital", "Hefei, Anhui, China", "🇨🇳Hefei, Anhui, China");
    has(sites, "Zhu Xiaoyu", "site contact");
    has(sites, "+86 15255456091", "site contact's phone");
    has(sites, "xiaoyuz@ustc.edu.cn", "site contact's email");
    has(sites, "Sun Guangyu", "second site contact");
  }

  @Test
  void seed004StudyPlanPageEveryFieldItShows() {
    // ../shared/seeds/004_0041cbfd29221786.txt: the modern ClinicalTrials.gov layout.
    Document doc = study("NCT00953485");
    Element main = doc.selectFirst("main");
    has(doc.selectFirst("h1"), "Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome (pSS)", "title");
    has(byId(doc, "s-summary"), "abnormal immune homeostasis that can be restored by MSCT", "summary paragraph");
    has(byId(doc, "s-description"), "To determine the disease-free survival in pSS patients treated with MSCT", "Detailed Description");
    shows(main, "Study type", "Interventional", "Study Type Interventional");
    shows(main, "Enrollment", "20", "Enrollment (Anticipated) 20");
    shows(byId(doc, "s-design"), "Phase", "Phase 1, Phase 2", "Phase 2, Phase 1");
    Element sites = byId(doc, "s-locations");
    shows(sites, "the Affiliated Drum Tower Hospital of Nanjing University Medical School", "Nanjing, Jiangsu, 210008, China",
        "Jiangsu / Nanjing, Jiangsu, China, 210008");
    has(sites, "Recruiting", "site status Recruiting");
    // Ages Eligible for Study: 13 years to 68 years. The registry record says 15 to 70; the page
    // keeps the registry's and shows the seed's under "For researchers", where the sources disagree.
    has(byId(doc, "s-researchers"), "13 Years", "the seed's minimum age, as another source's claim");
    has(byId(doc, "s-researchers"), "68 Years", "the seed's maximum age");
    shows(main, "Accepts healthy volunteers", "No", "Accepts Healthy Volunteers No");
    shows(main, "Sexes", "All", "Genders Eligible for Study All");
    Element elig = byId(doc, "s-eligibility");
    has(elig, "Stimulated whole saliva flow rate less than 1~6ml/6min.", "Inclusion 2");
    has(elig, "End-stage renal failure.", "Exclusion 1");
    shows(main, "Primary purpose", "Treatment", "Primary Purpose: Treatment");
    shows(main, "Allocation", "Non-Randomized", "Allocation: Non-Randomized");
    shows(main, "Intervention model", "Single group assignment", "Interventional Model: Single Group Assignment");
    shows(main, "Masking", "None (Open Label)", "Masking: None (Open Label)");
    Element outcomes = byId(doc, "s-outcomes");
    has(outcomes, "Sjögren's syndrome disease activity index", "Primary Outcome Measures");
    has(outcomes, "pSS Serology (ANA, dsDNA, SS-A, SS-B)", "Secondary Outcome Measures 1");
    has(outcomes, "Improvement of salivary gland function", "Secondary Outcome Measures 2");
    has(outcomes, "Monthly", "Time Frame: Monthly");
    has(byId(doc, "s-investigators"), "Lingyun Sun", "Principal Investigator: Lingyun Sun, MD");
    shows(main, "Study start", "2009-06", "Study Start June 1, 2009; the registry record says 2009-06");
    shows(main, "Primary completion", "2010-12", "Primary Completion (Anticipated) December 1, 2010");
    shows(main, "Study completion", "2011-12", "Study Completion (Anticipated) December 1, 2011");
    shows(main, "First submitted", "2009-08-04", "First Submitted August 4, 2009");
    shows(main, "First submitted that met QC criteria", "2009-08-04", "First Submitted That Met QC Criteria");
    shows(byId(doc, "s-dates"), "First posted", "2009-08-06", "First Posted (Estimate) August 6, 2009");
    shows(byId(doc, "s-dates"), "Last update posted", "2009-08-20", "Last Update Posted (Estimate) August 20, 2009");
    shows(main, "Last update submitted", "2009-08-19", "Last Update Submitted That Met QC Criteria August 19, 2009");
    shows(byId(doc, "s-dates"), "Last verified", "2009-08", "Last Verified August 1, 2009");
  }

  @Test
  void theBoxSaysWhoCanJoinWhereAndWhomToAsk() {
    // PALLAS: active, not recruiting; phase 3; adults; 437 sites; no central contact.
    Document doc = study("NCT02513394");
    Element box = byId(doc, "s-take-part");
    assertEquals("Can I take part?", box.selectFirst("h2").text());
    shows(box, "Status", "Active, not recruiting: the trial is under way but does not take new participants.", "ACTIVE_NOT_RECRUITING");
    shows(box, "Phase", "Phase 3: a large test", "PHASE3");
    shows(box, "Who can join", "18 years and older", "minimumAge 18 Years, no maximum");
    shows(box, "Who can join", "Only people with the condition studied can join", "healthyVolunteers false");
    shows(box, "Where", "The first 3 of 437 sites", "437 locations, the first three shown");
    assertEquals(3, box.select("ul.places > li").size());
    assertNotNull(box.selectFirst("a[href=#s-locations]"));
    assertNotNull(box.selectFirst("a[href=#s-eligibility]"));
    shows(box, "Whom to contact", "names no contact", "no central contact");
    // The 437 sites are folded under their count.
    Element sites = byId(doc, "s-locations");
    assertEquals("All 437 sites", sites.selectFirst("details.fold > summary").text());
  }

  @Test
  void nearAPlaceTheBoxListsTheNearestSites() {
    Document doc = Jsoup.parse(WebPages.study(t, "NCT02513394", Map.of("near", List.of("Boston, MA")),
        "http://example.org/study/NCT02513394").text());
    Element box = byId(doc, "s-take-part");
    shows(box, "Where", "Nearest to Boston", "near=Boston, MA");
    List<Element> places = box.select("ul.places > li");
    assertEquals(3, places.size());
    // Each with its distance, nearest first, and each in Massachusetts (PALLAS has several Boston sites).
    List<Double> km = new ArrayList<>();
    for (Element li : places) {
      has(li, "Massachusetts", "a site near Boston");
      var m = java.util.regex.Pattern.compile("about ([\\d,]+) km").matcher(li.text());
      assertTrue(m.find(), li::text);
      km.add(Double.parseDouble(m.group(1).replace(",", "")));
    }
    assertEquals(km.stream().sorted().toList(), km);
    assertTrue(km.get(0) < 50, km::toString);
    Document unknown = Jsoup.parse(WebPages.study(t, "NCT02513394", Map.of("near", List.of("Qwxzy")), "/x").text());
    shows(byId(unknown, "s-take-part"), "Where", "We could not find the place \u201cQwxzy\u201d", "an unknown place is said so");
    // A hostile place: long, with markup; escaped, cut in the message, and the page still renders.
    String hostile = "<script>x</script>".repeat(2000);
    Document odd = Jsoup.parse(WebPages.study(t, "NCT02513394", Map.of("near", List.of(hostile)), "/x").text());
    assertTrue(odd.select("main script:not(#match-marks)").isEmpty(), "the page's own script only");
    String where = fact(byId(odd, "s-take-part"), "Where");
    assertTrue(where.contains("\u201c" + hostile.substring(0, 80) + "\u2026\u201d"), where);
    assertFalse(where.contains(hostile.substring(0, 81)), "cut at 80 characters");
  }

  @Test
  void resultsForCliniciansPallasHazardRatioDenomsBaselineKindsDocumentsContact() {
    Document doc = study("NCT02513394");
    Element results = byId(doc, "s-results");
    // The primary outcome's analysis as PALLAS posts it: Log Rank, HR 0.96, 95% two-sided CI 0.81 to 1.14, p 0.65.
    Element primary = results.selectFirst("details.outcome[open]");
    assertNotNull(primary, "the primary outcome is open");
    has(primary.selectFirst("summary"), "Invasive Disease Free Survival (iDFS)", "primary outcome title");
    Element analysis = primary.selectFirst("div.analysis");
    shows(analysis, "Method", "Log Rank", "statisticalMethod");
    shows(analysis, "Estimate", "Hazard Ratio (HR) 0.96", "paramType, paramValue");
    shows(analysis, "Confidence interval", "95% two-sided CI 0.81 to 1.14", "ciPctValue, ciNumSides, limits");
    shows(analysis, "P-value", "0.65", "pValue");
    // The registry escapes "<" in the comment (\<=50); the page shows it plainly.
    shows(analysis, "Comment on the estimate", "age (<=50 vs >50)", "estimateComment unescaped");
    // Number analysed per group, first row of the table.
    Element table = primary.selectFirst("table");
    assertEquals(List.of("Number analysed (participants)", "2884", "2877"), table.select("tbody tr").first().children().eachText());
    // Baseline figures say what they are.
    Element baseline = results.selectFirst("table:has(caption:containsOwn(Baseline characteristics))");
    assertEquals(List.of("Age, Continuous (years); median (full range)", "52 (25 to 90)", "52 (22 to 85)", "52 (22 to 90)"),
        baseline.select("tbody tr:has(th:containsOwn(Age, Continuous))").first().children().eachText());
    assertTrue(baseline.select("tbody th").eachText().stream().anyMatch(x -> x.contains("count of participants: Female")));
    // Long adverse-event lists folded with their counts.
    List<String> folds = results.select("details.fold > summary").eachText();
    assertEquals(List.of("Serious adverse events: 341 kinds of event", "Other adverse events: 1688 kinds of event"), folds);
    // The results contact and the posted protocol.
    shows(results, "Name or title", "Erica L. Mayer, MD, MPH", "pointOfContact.title");
    shows(results, "Email", "emayer@partners.org", "pointOfContact.email");
    Element doc0 = results.selectFirst("h3:containsOwn(Documents) + ul a");
    assertEquals("Study Protocol and Statistical Analysis Plan", doc0.text());
    assertEquals("https://cdn.clinicaltrials.gov/large-docs/94/NCT02513394/Prot_SAP_000.pdf", doc0.attr("href"));
  }

  @Test
  void findingsAndConflictsWaitBehindTheResearchersToggleWordedForPeople() {
    Document doc = study("NCT00953485");
    Element researchers = byId(doc, "s-researchers");
    Element toggle = researchers.selectFirst("details.for-researchers");
    assertNotNull(toggle);
    assertFalse(toggle.hasAttr("open"), "closed by default");
    // Conflicts and field paths are inside the toggle, and nowhere else on the page.
    assertFalse(toggle.select("ul.conflicts code.path").isEmpty());
    assertEquals(doc.select("code.path").size(), toggle.select("code.path").size());
    // No "Error" badge anywhere; severity words say what to do.
    assertFalse(doc.select("main").text().matches("(?s).*\\bError\\b.*"), "no Error on the page");
    // Sources by kind and file name, never a server path.
    assertFalse(researchers.text().contains("/"), researchers::text);
    has(researchers, "004_0041cbfd29221786.txt", "the seed page by file name");
  }

  @Test
  void aFindingReadsAsASentenceForPeople() {
    var missingEnd = new org.trialdex.core.validate.Finding(org.trialdex.core.validate.Severity.ERROR,
        "required.completion-date", "protocolSection.statusModule.completionDateStruct.date", "completion date is missing");
    assertEquals(Optional.of("This record does not give an end date."), PlainWords.finding(missingEnd));
    var spelling = new org.trialdex.core.validate.Finding(org.trialdex.core.validate.Severity.WARNING,
        "value.date-not-v2-spelling", "protocolSection.statusModule.startDateStruct.date", "x");
    assertEquals(Optional.empty(), PlainWords.finding(spelling), "a researcher's matter stays in the toggle");
    assertEquals("Eligibility › Minimum age", PlainWords.field("protocolSection.eligibilityModule.minimumAge"));
    assertEquals("Contacts locations › Locations 1 › State",
        PlainWords.field("protocolSection.contactsLocationsModule.locations[0].state"));
  }

  @Test
  void thePrintFooterNamesTheAddressAndTheDates() {
    Document doc = Jsoup.parse(WebPages.study(t, "NCT02513394", Map.of(), "http://trials.example.org/study/NCT02513394").text());
    Element footer = doc.selectFirst("footer.print-only");
    assertNotNull(footer);
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertEquals("Printed from http://trials.example.org/study/NCT02513394 on " + today
        + ". Record last updated by the registry on 2023-06-15; retrieved into trialdex on " + today + ".", footer.text());
  }

  @Test
  void recordsMissingSectionsOrHoldingOddValuesRender() throws Exception {
    java.nio.file.Path own = dir.resolve("handmade");
    java.nio.file.Files.createDirectories(own);
    // Written by hand: a bare record; one with empty modules; one with odd values (no facility, a
    // DMC answer, an analysis with only a p-value, criteria that are only headings, an e-mail with
    // markup, a status the box has words for but no phase).
    try (Trialdex h = WebStore.of(own, """
        [{"protocolSection":{"identificationModule":{"nctId":"NCT09999981"}}},
         {"protocolSection":{"identificationModule":{"nctId":"NCT09999982","briefTitle":"Empty modules"},
           "statusModule":{},"designModule":{},"eligibilityModule":{},"contactsLocationsModule":{"locations":[],"centralContacts":[]},
           "oversightModule":{}},
          "resultsSection":{"outcomeMeasuresModule":{"outcomeMeasures":[{}]}}},
         {"protocolSection":{"identificationModule":{"nctId":"NCT09999983","briefTitle":"Odd values"},
           "statusModule":{"overallStatus":"WITHDRAWN","whyStopped":"No funding"},
           "oversightModule":{"oversightHasDmc":true},
           "eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n\\nExclusion Criteria:\\n","sex":"FEMALE","minimumAge":"18 Years"},
           "contactsLocationsModule":{"centralContacts":[{"name":"A <b>B</b>","email":"a+b@x.org","phone":"(555) 010-2000"}],
             "locations":[{"city":"Lyon","country":"France"}]}},
          "resultsSection":{"outcomeMeasuresModule":{"outcomeMeasures":[{"type":"PRIMARY","title":"T","analyses":[{"pValue":"<0.001"}]}]}}}]
        """)) {
      Document bare = Jsoup.parse(WebPages.study(h, "NCT09999981").text());
      assertEquals("NCT09999981", bare.selectFirst("h1").text());
      shows(byId(bare, "s-take-part"), "Status", "does not give a recruitment status", "no status module");
      shows(byId(bare, "s-take-part"), "Where", "The record lists no sites.", "no locations");
      Document empty = Jsoup.parse(WebPages.study(h, "NCT09999982").text());
      has(byId(empty, "s-take-part"), "Any age (the record sets no age limit)", "an empty eligibility module");
      Document odd = Jsoup.parse(WebPages.study(h, "NCT09999983").text());
      Element box = byId(odd, "s-take-part");
      shows(box, "Status", "Withdrawn: the trial stopped before it enrolled its first participant.", "WITHDRAWN");
      has(box, "Why it stopped: No funding", "whyStopped");
      shows(box, "Who can join", "18 years and older", "minimumAge only");
      shows(box, "Who can join", "Women and girls only", "sex FEMALE");
      assertTrue(odd.select("main b").isEmpty(), "markup in a contact's name is escaped");
      assertNotNull(box.selectFirst("a[href=mailto:a%2Bb@x.org]"), box::html);
      assertNotNull(box.selectFirst("a[href=tel:5550102000]"), box::html);
      shows(odd.selectFirst("main"), "Has a data monitoring committee", "Yes", "oversightHasDmc true");
      shows(odd.selectFirst("main"), "P-value", "<0.001", "an analysis with only a p-value");
      shows(box, "Where", "The one site:", "a site without a facility is named by its place");
      has(box, "Lyon, France", "the place");
    }
  }

  @Test
  void historyOfOneSourceShowsItsEditsAsChangedAddedRemoved() throws Exception {
    java.nio.file.Path own = dir.resolve("edits");
    java.nio.file.Files.createDirectories(own);
    // Two copies of one hand-made record from the same source (v2 JSON): the second edits the
    // status, adds an acronym and drops the keywords.
    WebStore.of(own, """
        [{"protocolSection":{"identificationModule":{"nctId":"NCT09999984","briefTitle":"Edits"},
          "statusModule":{"overallStatus":"RECRUITING"},"conditionsModule":{"conditions":["Lupus"],"keywords":["old"]}}}]
        """).close();
    try (Trialdex h = WebStore.of(own, """
        [{"protocolSection":{"identificationModule":{"nctId":"NCT09999984","briefTitle":"Edits","acronym":"ED"},
          "statusModule":{"overallStatus":"COMPLETED"},"conditionsModule":{"conditions":["Lupus"]}}}]
        """)) {
      Document doc = Jsoup.parse(WebPages.history(h, "NCT09999984", Optional.empty(), Optional.empty()).text());
      assertEquals("Changes from version 1 to version 2", doc.selectFirst("h2#h-changes").text());
      assertTrue(doc.select("p.question").isEmpty(), "no 'two views' warning for one source");
      Element changed = doc.selectFirst("section.changes ul.diff > li");
      assertEquals("protocolSection.statusModule.overallStatus", changed.selectFirst("code.path").text());
      has(changed, "Status › Overall status", "the field in words");
      assertEquals("RECRUITING", changed.selectFirst("del").text());
      assertEquals("COMPLETED", changed.selectFirst("ins").text());
      List<String> folds = doc.select("section.changes details.fold > summary").eachText();
      assertEquals(List.of("Added (1 field)", "Removed (1 field)"), folds);
      assertTrue(doc.select("section.changes details.fold").stream().allMatch(d -> d.hasAttr("open")), "edits are shown open");
      has(doc.selectFirst("ol.versions"), "Changed since version 1 (the same source's previous copy): Identification, Status, Conditions",
          "version 2's line: the modules that changed");
      assertEquals("1", doc.selectFirst("select#from option[selected]").val());
      assertEquals("2", doc.selectFirst("select#to option[selected]").val());
    }
  }
}
