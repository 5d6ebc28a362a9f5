"""show.py SET NCTID: prints, from the raw record, the fields the trust-signal verdicts rest on,
and every sentence of the free-text fields that speaks of paying, costs, fees or funding."""
import json
import re
import sys

from common import legacy_xml, msc, squash, v2

MONEY = re.compile(r"\b(pay\w*|paid|costs?|fees?|charg\w*|fund\w*|out[- ]of[- ]pocket|financ\w*|expens\w*|"
                   r"insurance|reimburs\w*|free)\b|\$", re.I)


def sentences(label, text):
    for s in re.split(r"(?<=[.;!?])\s+|\n", text or ""):
        if MONEY.search(s):
            print("  TEXT[%s]: %s" % (label, squash(s)))


def show_legacy(nct):
    r = legacy_xml(nct)
    g = lambda p: squash(r.findtext(p))
    print("lead sponsor:", g("sponsors/lead_sponsor/agency"), "|", g("sponsors/lead_sponsor/agency_class"))
    locs = r.findall("location")
    print("locations (%d):" % len(locs), [(squash(l.findtext("facility/name")), squash(l.findtext("facility/address/country"))) for l in locs][:6])
    print("status:", g("overall_status"), "| verified:", g("verification_date"), "| last update:", g("last_update_posted"))
    print("type:", g("study_type"), "| phase:", g("phase"), "| purpose:", g("study_design_info/primary_purpose"))
    print("start:", g("start_date"), "| pcd:", g("primary_completion_date"), r.find("primary_completion_date").attrib if r.find("primary_completion_date") is not None else "", "| completion:", g("completion_date"))
    print("fda drug:", g("oversight_info/is_fda_regulated_drug"), "| fda device:", g("oversight_info/is_fda_regulated_device"))
    print("interventions:", [(g2.findtext("intervention_type"), squash(g2.findtext("intervention_name"))) for g2 in r.findall("intervention")])
    print("results first submitted:", g("results_first_submitted"), "| results first posted:", g("results_first_posted"),
          "| clinical_results:", r.find("clinical_results") is not None, "| disposition:", g("disposition_first_submitted"),
          "| pending:", [(squash(e.tag), squash(e.text)) for e in r.findall("pending_results/*")])
    sentences("brief", r.findtext("brief_summary/textblock"))
    sentences("detailed", r.findtext("detailed_description/textblock"))
    for a in r.findall("arm_group"):
        sentences("arm", a.findtext("description"))
    for i in r.findall("intervention"):
        sentences("intervention", i.findtext("description"))
    sentences("criteria", r.findtext("eligibility/criteria/textblock"))


def show_msc(nct):
    r = msc(nct)
    g = lambda k: r.get(k, [])
    print("lead sponsor:", g("LeadSponsorName"), g("LeadSponsorClass"))
    print("locations (%d facilities, %d countries):" % (len(g("LocationFacility")), len(g("LocationCountry"))),
          list(zip(g("LocationFacility"), g("LocationCity"), g("LocationCountry")))[:6], "countries:", sorted(set(g("LocationCountry"))))
    print("status:", g("OverallStatus"), "| verified:", g("StatusVerifiedDate"), "| last update:", g("LastUpdatePostDate"))
    print("type:", g("StudyType"), "| phase:", g("Phase"), "| purpose:", g("DesignPrimaryPurpose"))
    print("start:", g("StartDate"), "| pcd:", g("PrimaryCompletionDate"), g("PrimaryCompletionDateType"), "| completion:", g("CompletionDate"))
    print("fda drug:", g("IsFDARegulatedDrug"), "| fda device:", g("IsFDARegulatedDevice"))
    print("interventions:", list(zip(g("InterventionType"), g("InterventionName"))))
    print("results first submitted:", g("ResultsFirstSubmitDate"), "| results first posted:", g("ResultsFirstPostDate"),
          "| disposition:", g("DispFirstSubmitDate"), "| unposted:", list(zip(g("UnpostedEventType"), g("UnpostedEventDate"))))
    for f in ["BriefSummary", "DetailedDescription", "ArmGroupDescription", "InterventionDescription", "EligibilityCriteria"]:
        for v in g(f):
            sentences(f, v)


def show_v2(nct):
    s = v2(nct)
    p = s["protocolSection"]
    st, sp, d = p.get("statusModule", {}), p.get("sponsorCollaboratorsModule", {}), p.get("designModule", {})
    locs = p.get("contactsLocationsModule", {}).get("locations", [])
    print("lead sponsor:", sp.get("leadSponsor"))
    print("locations (%d):" % len(locs), [(l.get("facility"), l.get("country")) for l in locs][:6])
    print("status:", st.get("overallStatus"), "| verified:", st.get("statusVerifiedDate"), "| last update:", st.get("lastUpdatePostDateStruct"))
    print("type:", d.get("studyType"), "| phase:", d.get("phases"), "| purpose:", d.get("designInfo", {}).get("primaryPurpose"))
    print("start:", st.get("startDateStruct"), "| pcd:", st.get("primaryCompletionDateStruct"), "| completion:", st.get("completionDateStruct"))
    print("oversight:", p.get("oversightModule"))
    print("interventions:", [(i.get("type"), i.get("name")) for i in p.get("armsInterventionsModule", {}).get("interventions", [])])
    print("hasResults:", s.get("hasResults"), "| results first submitted:", st.get("resultsFirstSubmitDate"), "| disposition:", st.get("dispFirstSubmitDate"),
          "| annotation:", json.dumps(s.get("annotationSection"))[:200])
    dm = p.get("descriptionModule", {})
    sentences("brief", dm.get("briefSummary"))
    sentences("detailed", dm.get("detailedDescription"))
    for a in p.get("armsInterventionsModule", {}).get("armGroups", []):
        sentences("arm", a.get("description"))
    for i in p.get("armsInterventionsModule", {}).get("interventions", []):
        sentences("intervention", i.get("description"))
    sentences("criteria", p.get("eligibilityModule", {}).get("eligibilityCriteria"))


if __name__ == "__main__":
    kind, nct = sys.argv[1], sys.argv[2]
    print("==", kind, nct)
    {"legacy-xml": show_legacy, "classic-msc": show_msc, "v2-sample": show_v2}[kind](nct)
