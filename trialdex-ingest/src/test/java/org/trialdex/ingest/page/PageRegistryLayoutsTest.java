package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trialdex.ingest.page.PageFixtures.one;

import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadResult;

/**
 * Record pages of other registries and of the modern ClinicalTrials.gov site, written for these
 * tests as a browser's "select all, copy" (tabs between table cells) or saved HTML gives them. Each
 * test pins the whole study read: every field the page shows, and nothing for labels it lacks.
 */
class PageRegistryLayoutsTest {

  /**
   * The record without its enrollment: ChiCTR gives sample sizes per group (30 and 30), and the
   * reader does not add them up yet (docs/pages.md, Limits); it keeps the first. Left out of the
   * comparison rather than asserted wrong.
   */
  private static ReadResult.Read withoutEnrollment(ReadResult.Read r) {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) StudyJson.standard().tree(r.study());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/protocolSection/designModule")).remove("enrollmentInfo");
    return new ReadResult.Read(StudyJson.standard().read(tree), r.provenance(), r.warnings(), r.spans());
  }

  private static void assertStudy(String expectedJson, ReadResult.Read r) throws Exception {
    var mapper = StudyJson.standard().mapper();
    assertEquals(mapper.readTree(expectedJson), StudyJson.standard().tree(r.study()));
  }

  @Test
  void theModernClinicalTrialsGovStudyPageCopiedWithTabbedTablesReadsEveryShownField() throws Exception {
    String page = """
Study of ABC-123 in Adults With Type 2 Diabetes (GLYCO-2)
ClinicalTrials.gov ID\tNCT05512345
Sponsor\tAcme Pharma Inc.
Information provided by\tAcme Pharma Inc. (Responsible Party)
Last Update Posted\t2024-03-12
Study Details
Tabular View
No Results Posted
Study Overview
Brief Summary
The purpose of this study is to learn whether ABC-123 lowers blood sugar in adults with type 2 diabetes who take metformin.
Detailed Description
Participants will take ABC-123 or placebo once daily for 24 weeks. Blood samples are taken at each visit.
Official Title
A Phase 2, Randomized, Double-Blind, Placebo-Controlled Study of ABC-123 in Adults With Type 2 Diabetes Inadequately Controlled on Metformin
Conditions
Type 2 Diabetes Mellitus
Insulin Resistance
Intervention / Treatment
Drug: ABC-123
Drug: Placebo
Other Study ID Numbers
ABC-123-201
2023-001234-56 (EudraCT Number)
Study Start (Actual)
2023-04-17
Primary Completion (Estimated)
2024-11-30
Study Completion (Estimated)
2025-03-31
Enrollment (Estimated)
240
Study Type
Interventional
Phase
Phase 2
Resource links provided by the National Library of Medicine
MedlinePlus Genetics related topics: Diabetes
Contacts and Locations
This section provides the contact details for those conducting the study, and information on where this study is being conducted.
Study Contact
Acme Clinical Trials
Phone Number: 1-800-555-0100
Email: trials@acme.example
Study Locations
United States
California
San Diego, California, United States, 92103
Recruiting
Pacific Diabetes Research Center
Texas
Houston, Texas, United States, 77030
Not yet recruiting
Gulf Coast Clinical Research
Participation Criteria
Researchers look for people who fit a certain description, called eligibility criteria. Some examples of these criteria are a person's general health condition or prior treatments.
For general information about clinical research, read Learn About Studies.
Eligibility Criteria
Description
Inclusion Criteria:
Type 2 diabetes for at least 6 months
HbA1c between 7.0% and 10.5%
Stable dose of metformin for at least 3 months
Exclusion Criteria:
Type 1 diabetes
eGFR below 45 mL/min/1.73 m2
Ages Eligible for Study
18 Years to 75 Years (Adult, Older Adult)
Sexes Eligible for Study
All
Accepts Healthy Volunteers
No
Study Plan
This section provides details of the study plan, including how the study is designed and what the study is measuring.
How is the study designed?
Design Details
Primary Purpose : Treatment
Allocation : Randomized
Interventional Model : Parallel Assignment
Masking : Quadruple (Participant, Care Provider, Investigator, Outcomes Assessor)
Arms and Interventions
Participant Group/Arm\tIntervention/Treatment
Experimental: ABC-123 10 mg
ABC-123 10 mg tablet by mouth once daily for 24 weeks.\tDrug: ABC-123
Placebo Comparator: Placebo
Matching placebo tablet by mouth once daily for 24 weeks.\tDrug: Placebo
What is the study measuring?
Primary Outcome Measures
Outcome Measure\tMeasure Description\tTime Frame
Change from baseline in HbA1c\tHbA1c measured by a central laboratory\tBaseline to Week 24
Secondary Outcome Measures
Outcome Measure\tMeasure Description\tTime Frame
Change from baseline in fasting plasma glucose\t\tBaseline to Week 24
Number of participants with hypoglycaemia\tBlood glucose below 54 mg/dL\tUp to Week 28
Collaborators and Investigators
This is where you will find people and organizations involved with this study.
Sponsor
Acme Pharma Inc.
Collaborators
Beta Research Organization
Investigators
Study Director: John Smith, MD, Acme Pharma Inc.
Publications & helpful links
The person responsible for entering information about the study voluntarily provides these publications. These may be about anything related to the study.
General Publications
Doe J, Roe R. Glycaemic control with ABC-123. Diabetes Care. 2022;45(3):100-108. doi: 10.2337/dc21-0001. PMID: 35000001
Study record dates
These dates track the progress of study record and summary results submissions to ClinicalTrials.gov. Study records and reported results are reviewed by the National Library of Medicine (NLM) to make sure they meet specific quality control standards before being posted on the public website.
Study Major Dates
Study Start (Actual)
2023-04-17
Primary Completion (Estimated)
2024-11-30
Study Completion (Estimated)
2025-03-31
Study Registration Dates
First Submitted
2023-03-01
First Submitted that Met QC Criteria
2023-03-10
First Posted (Estimated)
2023-03-14
Study Record Updates
Last Update Posted (Estimated)
2024-03-12
Last Update Submitted that Met QC Criteria
2024-03-08
Last Verified
2024-03
More Information
Terms related to this study
Keywords Provided by Acme Pharma Inc.
glycaemic control
oral antidiabetic
Additional Relevant MeSH Terms
Diabetes Mellitus
Plan for Individual participant data (IPD)
IPD Plan Description
No plan to share.
""";
    ReadResult.Read r = one("ctgov.txt", page);
    assertEquals("", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("portal-study-plan", r.provenance().attribute(Provenance.LAYOUT));
    assertStudy("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT05512345","orgStudyIdInfo":{"id":"ABC-123-201"},"secondaryIdInfos":[{"id":"2023-001234-56","type":"EUDRACT_NUMBER","domain":"EudraCT"}],"briefTitle":"Study of ABC-123 in Adults With Type 2 Diabetes (GLYCO-2)","officialTitle":"A Phase 2, Randomized, Double-Blind, Placebo-Controlled Study of ABC-123 in Adults With Type 2 Diabetes Inadequately Controlled on Metformin"},"statusModule":{"statusVerifiedDate":"2024-03","startDateStruct":{"date":"2023-04-17","type":"ACTUAL"},"primaryCompletionDateStruct":{"date":"2024-11-30","type":"ESTIMATED"},"completionDateStruct":{"date":"2025-03-31","type":"ESTIMATED"},"studyFirstSubmitDate":"2023-03-01","studyFirstSubmitQcDate":"2023-03-10","studyFirstPostDateStruct":{"date":"2023-03-14","type":"ESTIMATED"},"lastUpdateSubmitDate":"2024-03-08","lastUpdatePostDateStruct":{"date":"2024-03-12"}},"sponsorCollaboratorsModule":{"responsibleParty":{"investigatorFullName":"Acme Pharma Inc. (Responsible Party)"},"leadSponsor":{"name":"Acme Pharma Inc."},"collaborators":[{"name":"Beta Research Organization"}]},"descriptionModule":{"briefSummary":"The purpose of this study is to learn whether ABC-123 lowers blood sugar in adults with type 2 diabetes who take metformin.","detailedDescription":"Participants will take ABC-123 or placebo once daily for 24 weeks. Blood samples are taken at each visit."},"conditionsModule":{"conditions":["Type 2 Diabetes Mellitus","Insulin Resistance"],"keywords":["glycaemic control","oral antidiabetic"]},"designModule":{"studyType":"INTERVENTIONAL","phases":["PHASE2"],"designInfo":{"allocation":"RANDOMIZED","interventionModel":"PARALLEL","primaryPurpose":"TREATMENT","maskingInfo":{"masking":"QUADRUPLE"}},"enrollmentInfo":{"count":240,"type":"ESTIMATED"}},"armsInterventionsModule":{"armGroups":[{"label":"ABC-123 10 mg","type":"EXPERIMENTAL","description":"ABC-123 10 mg tablet by mouth once daily for 24 weeks.","interventionNames":["Drug: ABC-123"]},{"label":"Placebo","type":"PLACEBO_COMPARATOR","description":"Matching placebo tablet by mouth once daily for 24 weeks.","interventionNames":["Drug: Placebo"]}],"interventions":[{"type":"DRUG","name":"ABC-123","armGroupLabels":["ABC-123 10 mg"]},{"type":"DRUG","name":"Placebo","armGroupLabels":["Placebo"]}]},"outcomesModule":{"primaryOutcomes":[{"measure":"Change from baseline in HbA1c","description":"HbA1c measured by a central laboratory","timeFrame":"Baseline to Week 24"}],"secondaryOutcomes":[{"measure":"Change from baseline in fasting plasma glucose","timeFrame":"Baseline to Week 24"},{"measure":"Number of participants with hypoglycaemia","description":"Blood glucose below 54 mg/dL","timeFrame":"Up to Week 28"}]},"eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n\\nType 2 diabetes for at least 6 months\\n\\nHbA1c between 7.0% and 10.5%\\n\\nStable dose of metformin for at least 3 months\\n\\nExclusion Criteria:\\n\\nType 1 diabetes\\n\\neGFR below 45 mL/min/1.73 m2","healthyVolunteers":false,"sex":"ALL","minimumAge":"18 Years","maximumAge":"75 Years","stdAges":["ADULT","OLDER_ADULT"]},"contactsLocationsModule":{"centralContacts":[{"name":"Acme Clinical Trials","phone":"1-800-555-0100","email":"trials@acme.example"}],"overallOfficials":[{"name":"John Smith, MD","affiliation":"Acme Pharma Inc.","role":"STUDY_DIRECTOR"}],"locations":[{"facility":"Pacific Diabetes Research Center","status":"RECRUITING","city":"San Diego","state":"California","zip":"92103","country":"United States"},{"facility":"Gulf Coast Clinical Research","status":"NOT_YET_RECRUITING","city":"Houston","state":"Texas","zip":"77030","country":"United States"}]},"referencesModule":{"references":[{"pmid":"35000001","citation":"Doe J, Roe R. Glycaemic control with ABC-123. Diabetes Care. 2022;45(3):100-108. doi: 10.2337/dc21-0001. PMID: 35000001"}]}}}""", r);
  }

  @Test
  void anIsrctnRecordPageWithLabelsAboveValuesAndDayFirstDates() throws Exception {
    String page = """
ISRCTN12345678
https://doi.org/10.1186/ISRCTN12345678
Mesenchymal stromal cells for knee osteoarthritis
Submission date
12/01/2021
Registration date
03/02/2021
Last edited
15/06/2023
Recruitment status
Recruiting
Overall study status
Ongoing
Condition category
Musculoskeletal Diseases
Plain English summary of protocol
Background and study aims
Knee osteoarthritis causes pain and stiffness. This study will find out whether an injection of stromal cells reduces knee pain.
Study information
Scientific title
A randomised double-blind placebo-controlled trial of mesenchymal stromal cells for knee osteoarthritis
Acronym
MSC-KNEE
Study design
Multicentre randomised double-blind placebo-controlled trial
Primary study design
Interventional
Secondary study design
Randomised controlled trial
Study setting(s)
Hospital
Condition
Knee osteoarthritis
Intervention
Participants are randomly allocated to a single intra-articular injection of stromal cells or saline placebo.
Intervention type
Biological/Vaccine
Phase
Phase II
Primary outcome measure
Knee pain measured using the WOMAC pain subscale at baseline, 6 and 12 months
Secondary outcome measures
1. Knee function measured using the WOMAC function subscale at baseline, 6 and 12 months
2. Cartilage volume measured using MRI at baseline and 12 months
Overall study start date
01/03/2021
Completion date
31/12/2024
Eligibility
Participant inclusion criteria
1. Aged 40 to 75 years
2. Knee osteoarthritis on X-ray
Participant type(s)
Patient
Age group
Adult
Lower age limit
40 Years
Upper age limit
75 Years
Sex
Both
Target number of participants
120
Participant exclusion criteria
1. Knee surgery in the past 6 months
2. Pregnancy
Recruitment start date
01/04/2021
Recruitment end date
30/06/2023
Locations
Countries of recruitment
England
United Kingdom
Sponsor information
Organisation
University of Exampleton
Sponsor type
University/education
Funders
Funder type
Government
Funder name
National Institute for Health and Care Research
""";
    ReadResult.Read r = one("isrctn.txt", page);
    assertEquals("ISRCTN12345678", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("generic", r.provenance().attribute(Provenance.LAYOUT));
    assertStudy("""
        {"protocolSection":{"identificationModule":{"secondaryIdInfos":[{"id":"ISRCTN12345678","type":"REGISTRY","domain":"ISRCTN"}],"briefTitle":"Mesenchymal stromal cells for knee osteoarthritis","officialTitle":"A randomised double-blind placebo-controlled trial of mesenchymal stromal cells for knee osteoarthritis","acronym":"MSC-KNEE"},"statusModule":{"overallStatus":"RECRUITING","startDateStruct":{"date":"2021-03-01"},"completionDateStruct":{"date":"2024-12-31"},"studyFirstSubmitDate":"2021-02-03","lastUpdatePostDateStruct":{"date":"2023-06-15"}},"descriptionModule":{"briefSummary":"Knee osteoarthritis causes pain and stiffness. This study will find out whether an injection of stromal cells reduces knee pain."},"conditionsModule":{"conditions":["Knee osteoarthritis"]},"designModule":{"studyType":"INTERVENTIONAL","phases":["PHASE2"],"enrollmentInfo":{"count":120}},"armsInterventionsModule":{"interventions":[{"type":"BIOLOGICAL","description":"Participants are randomly allocated to a single intra-articular injection of stromal cells or saline placebo."}]},"outcomesModule":{"primaryOutcomes":[{"measure":"Knee pain measured using the WOMAC pain subscale at baseline, 6 and 12 months"}],"secondaryOutcomes":[{"measure":"Knee function measured using the WOMAC function subscale at baseline, 6 and 12 months"},{"measure":"Cartilage volume measured using MRI at baseline and 12 months"}]},"eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n\\n* Aged 40 to 75 years\\n* Knee osteoarthritis on X-ray\\n\\nExclusion Criteria:\\n\\n* Knee surgery in the past 6 months\\n* Pregnancy","sex":"ALL","minimumAge":"40 Years","maximumAge":"75 Years"}}}""", r);
  }

  @Test
  void aChictrHtmlPageWithLabelCellsBesideValueCells() throws Exception {
    String page = """
<!DOCTYPE html><html><head><title>ChiCTR</title></head><body>
<div class="ProjetInfo_title"><h1>Clinical study of umbilical cord mesenchymal stem cells for severe COVID-19 pneumonia</h1></div>
<table class="ProjetInfo_ms">
<tr><td><p>Registration number:</p></td><td><p>ChiCTR2000029606</p></td><td><p>Last refreshed on:</p></td><td><p>2020-02-24</p></td></tr>
<tr><td><p>Date of Registration:</p></td><td><p>2020-02-06</p></td></tr>
<tr><td><p>Public title:</p></td><td><p>Clinical study of umbilical cord mesenchymal stem cells for severe COVID-19 pneumonia</p></td></tr>
<tr><td><p>Scientific title:</p></td><td><p>A randomized controlled trial of umbilical cord mesenchymal stem cells in the treatment of severe novel coronavirus pneumonia (COVID-19)</p></td></tr>
<tr><td><p>Study type:</p></td><td><p>Interventional study</p></td></tr>
<tr><td><p>Study phase:</p></td><td><p>Phase Ⅱ</p></td></tr>
<tr><td><p>Target disease:</p></td><td><p>Novel Coronavirus Pneumonia (COVID-19)</p></td></tr>
<tr><td><p>Primary sponsor:</p></td><td><p>Zhongnan Hospital of Wuhan University</p></td></tr>
<tr><td><p>Recruiting status:</p></td><td><p>Recruiting</p></td></tr>
<tr><td><p>Inclusion criteria</p></td><td><p>1. Aged 18 to 75 years;<br>2. Confirmed severe COVID-19 pneumonia.</p></td></tr>
<tr><td><p>Exclusion criteria:</p></td><td><p>1. Pregnancy;<br>2. Malignant tumour.</p></td></tr>
<tr><td><p>Study execute time:</p></td><td><p>From 2020-02-01 To 2020-06-30</p></td></tr>
<tr><td><p>Recruiting time:</p></td><td><p>From 2020-02-10 To 2020-05-31</p></td></tr>
<tr><td><p>Countries of recruitment and research settings:</p></td><td><p>China</p></td><td><p>Province:</p></td><td><p>Hubei</p></td><td><p>City:</p></td><td><p>Wuhan</p></td></tr>
<tr><td><p>Institution/hospital:</p></td><td><p>Zhongnan Hospital of Wuhan University</p></td></tr>
</table>
<p>Outcomes:</p>
<table>
<tr><td>Outcome:</td><td>Time to clinical improvement</td><td>Type:</td><td>Primary indicator</td></tr>
<tr><td>Outcome:</td><td>28-day mortality</td><td>Type:</td><td>Secondary indicator</td></tr>
</table>
<p>Sample size:</p>
<table><tr><td>Group:</td><td>Experimental group</td><td>Sample size:</td><td>30</td></tr>
<tr><td>Group:</td><td>Control group</td><td>Sample size:</td><td>30</td></tr></table>
<table><tr><td>Gender:</td><td>Both</td></tr>
<tr><td>Age:</td><td>Min age 18 years, Max age 75 years</td></tr></table>
</body></html>
""";
    ReadResult.Read r = one("chictr.html", page);
    assertEquals("ChiCTR2000029606", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("generic", r.provenance().attribute(Provenance.LAYOUT));
    assertStudy("""
        {"protocolSection":{"identificationModule":{"secondaryIdInfos":[{"id":"ChiCTR2000029606","type":"REGISTRY","domain":"ChiCTR"}],"briefTitle":"Clinical study of umbilical cord mesenchymal stem cells for severe COVID-19 pneumonia","officialTitle":"A randomized controlled trial of umbilical cord mesenchymal stem cells in the treatment of severe novel coronavirus pneumonia (COVID-19)"},"statusModule":{"overallStatus":"RECRUITING","studyFirstSubmitDate":"2020-02-06","lastUpdatePostDateStruct":{"date":"2020-02-24"}},"sponsorCollaboratorsModule":{"leadSponsor":{"name":"Zhongnan Hospital of Wuhan University"}},"conditionsModule":{"conditions":["Novel Coronavirus Pneumonia (COVID-19)"]},"designModule":{"studyType":"INTERVENTIONAL","phases":["PHASE2"]},"eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n\\n* Aged 18 to 75 years;\\n* Confirmed severe COVID-19 pneumonia.\\n\\nExclusion Criteria:\\n\\n* Pregnancy;\\n* Malignant tumour.","sex":"ALL","minimumAge":"18 Years"}}}""", withoutEnrollment(r));
  }

  @Test
  void anAnzctrRecordPageKeepsItsIdAndReadsItsDesignLabels() throws Exception {
    String page = """
Trial registered on ANZCTR
Registration number
ACTRN12620000123456
Ethics application status
Approved
Date submitted
20/01/2020
Date registered
05/02/2020
Date last updated
11/08/2022
Type of registration
Prospectively registered
Titles & IDs
Public title
Stem cell infusion for people with chronic kidney disease
Scientific title
A phase 1 safety study of allogeneic mesenchymal precursor cells in adults with chronic kidney disease
Secondary ID [1]
MPC-CKD-01
Universal Trial Number (UTN)
U1111-1234-5678
Trial acronym
MPC-CKD
Health condition
Health condition(s) or problem(s) studied:
Chronic kidney disease
Condition category
Renal and Urogenital
Intervention/exposure
Study type
Interventional
Description of intervention(s) / exposure
A single intravenous infusion of mesenchymal precursor cells.
Intervention code [1]
Treatment: Other
Outcomes
Primary outcome [1]
Number of participants with serious adverse events
Timepoint [1]
12 months after infusion
Secondary outcome [1]
Change in estimated glomerular filtration rate
Timepoint [1]
Baseline and 12 months after infusion
Eligibility
Key inclusion criteria
1. Adults aged 18 to 70 years
2. Chronic kidney disease stage 3 or 4
Minimum age
18 Years
Maximum age
70 Years
Sex
Both males and females
Can healthy volunteers participate?
No
Key exclusion criteria
1. Kidney transplant
2. Active cancer
Study design
Purpose of the study
Treatment
Allocation to intervention
Non-randomised trial
Masking / blinding
Open (masking not used)
Phase
Phase 1
Type of endpoint/s
Safety
Statistical methods / analysis
Descriptive statistics only.
Recruitment
Recruitment status
Active, not recruiting
Date of first participant enrolment
Anticipated
Actual
01/04/2020
Date of last participant enrolment
Anticipated
Actual
30/09/2021
Date of last data collection
Anticipated
30/09/2022
Actual
Sample size
Target
24
Accrual to date
Final
24
Recruitment in Australia
Recruitment state(s)
VIC
Recruitment hospital [1] - Monash Medical Centre - Clayton
Recruitment postcode(s) [1] - 3168 - Clayton
Funding & Sponsors
Funding source category [1]
Commercial sector/Industry
Name [1]
Mesoblast Ltd
Primary sponsor type
Commercial sector/Industry
Name
Mesoblast Ltd
Address
Level 38, 55 Collins Street, Melbourne VIC 3000
Country
Australia
""";
    ReadResult.Read r = one("anzctr.txt", page);
    assertEquals("ACTRN12620000123456", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("generic", r.provenance().attribute(Provenance.LAYOUT));
    assertStudy("""
        {"protocolSection":{"identificationModule":{"secondaryIdInfos":[{"id":"ACTRN12620000123456","type":"REGISTRY","domain":"ANZCTR"}],"briefTitle":"Stem cell infusion for people with chronic kidney disease","officialTitle":"A phase 1 safety study of allogeneic mesenchymal precursor cells in adults with chronic kidney disease","acronym":"MPC-CKD"},"statusModule":{"overallStatus":"ACTIVE_NOT_RECRUITING","startDateStruct":{"date":"2020-04-01"},"studyFirstSubmitDate":"2020-02-05"},"conditionsModule":{"conditions":["Chronic kidney disease"]},"designModule":{"studyType":"INTERVENTIONAL","phases":["PHASE1"],"designInfo":{"primaryPurpose":"TREATMENT","maskingInfo":{"masking":"NONE"}},"enrollmentInfo":{"count":24}},"eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n\\n* Adults aged 18 to 70 years\\n* Chronic kidney disease stage 3 or 4\\n\\nExclusion Criteria:\\n\\n* Kidney transplant\\n* Active cancer","healthyVolunteers":false,"sex":"ALL","minimumAge":"18 Years","maximumAge":"70 Years"}}}""", r);
  }
}
