"""The hand verdicts, written by reading each record with show.py (not by running trialdex).
build.py turns this into trialdex-ingest/src/test/resources/trust/trust-sample.json."""

# (set, nctId, cellTherapy by my reading, why) -- cellTherapy: the trial gives a stem-cell or other cell product
RECORDS = {
    "NCT02192749": ("classic-msc", True, "Biological 'Umbilical cord mesenchymal stem cells'"),
    "NCT00005778": ("legacy-xml", True, "'High-dose immunoablative therapy' with stem cell rescue; not needed for the pay verdict"),
    "NCT05147766": ("classic-msc", True, "Biological 'AlloRx' (cultured UC-MSCs)"),
    "NCT05152290": ("classic-msc", True, "Biological 'AlloRx' (cultured UC-MSCs)"),
    "NCT05147701": ("classic-msc", True, "Biological 'AlloRx' (cultured UC-MSCs)"),
    "NCT05018819": ("classic-msc", True, "Biological 'AlloRx' (cultured UC-MSCs)"),
    "NCT05468502": ("classic-msc", True, "Drug 'Human umbilical cord mesenchymal stem cell injection'"),
    "NCT00002297": ("legacy-xml", False, "Drug 'Inosine pranobex'"),
    "NCT00284986": ("classic-msc", True, "Drug 'Prochymal' (MSC product)"),
    "NCT00002049": ("legacy-xml", False, "Drug 'Thymopentin'"),
    "NCT03406585": ("classic-msc", True, "Drug 'ProTrans: Allogeneic transplantation with WJMSCs'"),
    "NCT00002118": ("legacy-xml", False, "Drug 'Zalcitabine'"),
    "NCT01771679": ("classic-msc", True, "Biological 'Allogeneic Mesenchymal Bone Marrow Cells'"),
    "NCT02941666": ("classic-msc", False, "Observational, no intervention: measures MSCs in hip synovial fluid; gives no cell product"),
    "NCT01874665": ("classic-msc", False, "Drug 'Ponatinib' only (a GIST drug trial in the MSC set); gives no cell product"),
    "NCT01557543": ("classic-msc", True, "'Intramyocardial Injection of BMSCs' (bone marrow stromal stem cells)"),
    "NCT00768066": ("classic-msc", True, "Biological 'Autologous human mesenchymal cells (hMSCs)'"),
    "NCT04739930": ("classic-msc", True, "Procedure: bone marrow aspirate concentrate 'containing bone marrow derived mesenchymal stem cells and delivered to site of operation'"),
    "NCT04903327": ("classic-msc", True, "Biological 'COVI-MSC'"),
    "NCT04548583": ("classic-msc", True, "Drug 'Remestemcel-L' (MSC product)"),
    "NCT04847739": ("classic-msc", True, "Drug 'AVB-114' (MSC-coated matrix)"),
    "NCT04992247": ("classic-msc", True, "Biological 'COVI-MSC'"),
    "NCT02582775": ("classic-msc", True, "Biological 'Donor mesenchymal stem cell infusions'"),
    "NCT03059355": ("classic-msc", True, "Biological 'UCMSCs', 'BMMSCs'"),
    "NCT04173650": ("classic-msc", True, "Drug 'AGLE 102' (MSC-derived product)"),
    "NCT04759105": ("classic-msc", True, "Drug 'Autologous BM-MSC'"),
    "NCT00001205": ("legacy-xml", False, "Observational, no intervention"),
    "NCT04565665": ("classic-msc", True, "Biological 'Mesenchymal Stem Cell'"),
    "NCT04189432": ("classic-msc", True, "Biological 'SCM-CGH' (MSC product)"),
    "NCT04097652": ("classic-msc", True, "Biological 'UMC119-06' (UC-MSC product)"),
    "NCT00000663": ("legacy-xml", False, "Drug 'CD4-IgG'"),
    "NCT00002236": ("legacy-xml", False, "Drugs indinavir, delavirdine, zidovudine"),
    "NCT00002027": ("legacy-xml", False, "Drug 'Diclazuril'"),
    "NCT00003572": ("legacy-xml", True, "Biological 'peripheral blood lymphocyte therapy' and Procedure 'allogeneic bone marrow transplantation'"),
    "NCT00000886": ("legacy-xml", False, "Biological 'HIV-1 C4-V3 Polyvalent Peptide Vaccine' (no cells)"),
    "NCT00002722": ("legacy-xml", False, "Drugs cisplatin, fluorouracil, leucovorin"),
    "NCT04535856": ("classic-msc", True, "Drug 'allogeneic mesenchymal stem cell'"),
    "NCT05283317": ("classic-msc", True, "Biological 'Mesenchymal stem cells'"),
    "NCT04909892": ("classic-msc", True, "Biological 'COVI-MSC'"),
    "NCT03460223": ("classic-msc", True, "Biological 'MSC'"),
    "NCT04871997": ("v2-sample", False, "Observational, no intervention"),
    "NCT04691388": ("v2-sample", False, "DRUG 'sintilimab combined with anlotinib'"),
    "NCT05018754": ("classic-msc", False, "Observational; Device 'PLATELET-RICH-FIBRIN (PRF)'"),
    "NCT02530047": ("classic-msc", True, "Genetic 'MSC-INFβ'"),
    "NCT02468492": ("classic-msc", False, "Biological 'Platelet Rich Plasma' (no cells given)"),
    "NCT02809781": ("classic-msc", True, "Biological 'Intravenous infusion of MSCs'"),
}

PF = "Detailed description: 'This patient funded trial aims to study the safety and efficacy of {}'"
NOPAY = "No sentence of summary, description, arms, interventions or criteria says participants pay{}"

# (nctId, kind, present, reason)
VERDICTS = [
    # pay: drawn flagged
    ("NCT02192749", "pay", True, "Eligibility criteria: 'Adequate financial means to cover $7,200 (US Dollars) plus travel expenses'"),
    ("NCT00005778", "pay", True, "Inclusion criteria: 'Insurance or other source of funds to pay for expenses related to this trial.' The trial's expenses fall on the participant or the participant's insurer (not standard care only). Ambiguous in that an insurer may pay, but the record makes paying a condition of entry"),
    ("NCT05147766", "pay", True, PF.format("intravenous infusion of cultured allogeneic adult umbilical cord derived mesenchymal stem cells (UC-MSCs) for the treatment of congestive heart failure and angina.'")),
    ("NCT05152290", "pay", True, PF.format("intravenous and intrathecal delivery of cultured allogeneic adult umbilical cord derived mesenchymal stem cells (UC-MSCs) for the treatment of SCI.'")),
    ("NCT05147701", "pay", True, PF.format("intravenous and sub-tenon delivery of cultured allogeneic adult umbilical cord derived mesenchymal stem cells (UC-MSCs) for the treatment of Eye Diseases.'")),
    ("NCT05018819", "pay", True, PF.format("intravenous infusion of cultured allogeneic adult umbilical cord derived mesenchymal stem cells (UC-MSCs) for the treatment of CP.'")),
    # pay: hard negatives (money words, no payer)
    ("NCT05018754", "pay", False, "Only 'it is also important to pay attention to all those external agents aggravating oral health' (attention, not money)"),
    ("NCT02530047", "pay", False, "Only 'Only the researcher in charge of the bank will have access to the code numbers' and 'disease-free' (no payment)"),
    ("NCT02468492", "pay", False, "'This XRAY will be read by a radiologist & be paid for by the study.' The study pays, not the participant"),
    ("NCT02809781", "pay", False, "Only 'Patients with the Medical or mentally imbalance charged by researchers.' (an exclusion judged by researchers, not a charge for money)"),
    # single-site company
    ("NCT05468502", "single-site-company", True, "Lead sponsor 'Shanghai Life Science & Technology' class INDUSTRY; one location: Shanghai Sixth People's Hospital, Shanghai, China"),
    ("NCT00002297", "single-site-company", True, "Lead sponsor 'Newport Pharmaceuticals International' agency_class Industry; one location: 'Newport Pharmaceuticals International Inc', United States"),
    ("NCT00284986", "single-site-company", True, "Lead sponsor 'Mesoblast, Inc.' class INDUSTRY; one location: Duke University, Durham, United States"),
    ("NCT00002049", "single-site-company", True, "Lead sponsor 'Immunobiology Research Institute' agency_class Industry; one location: 'Immunobiology Research Institute', United States"),
    ("NCT03406585", "single-site-company", True, "Lead sponsor 'NextCell Pharma Ab' class INDUSTRY; one location: Karolinska Trial Alliance, Stockholm, Sweden"),
    ("NCT00002118", "single-site-company", True, "Lead sponsor 'Hoffmann-La Roche' agency_class Industry; one location: 'Hoffmann - La Roche Inc', United States"),
    # US cell trial without FDA flag
    ("NCT01771679", "us-no-fda-flag", True, "Gives 'Allogeneic Mesenchymal Bone Marrow Cells'; sites La Mesa and San Diego, United States; IsFDARegulatedDrug and IsFDARegulatedDevice empty (not recorded)"),
    ("NCT02941666", "us-no-fda-flag", False, "Mayo Clinic, Rochester, United States and no FDA flags, but an observational study with no intervention: no cell product is given (the count's stand-in takes every MSC-set record as cell therapy)"),
    ("NCT01874665", "us-no-fda-flag", False, "US sites (Boston, Portland, Philadelphia) and no FDA flags, but the only intervention is Drug 'Ponatinib': no cell product (the stand-in's error)"),
    ("NCT01557543", "us-no-fda-flag", True, "Gives BMSCs by 'Intramyocardial Injection of BMSCs'; sites Suburban Hospital and NIH Clinical Center, Bethesda, United States; FDA flags empty (not recorded)"),
    ("NCT00768066", "us-no-fda-flag", True, "Gives 'Autologous human mesenchymal cells (hMSCs)'; University of Miami, Miami, United States; FDA flags empty (not recorded)"),
    ("NCT04739930", "us-no-fda-flag", True, "Delivers bone marrow aspirate concentrate 'containing bone marrow derived mesenchymal stem cells'; Rush University Medical Center, Chicago, United States; IsFDARegulatedDrug 'No', IsFDARegulatedDevice 'No'"),
    # results overdue (ACT/pACT, as of 2026-11-30)
    ("NCT04903327", "results-overdue", True, "Interventional Phase 2, FDA drug 'Yes', start 'November 16, 2021' (ACT); primary completion 'November 2022' (anticipated) = 2022-11-30, due 2023-11-30; no results submitted or posted in the record (last update March 16, 2022)"),
    ("NCT04548583", "results-overdue", True, "Interventional Phase 1/Phase 2, FDA drug 'Yes', start 'November 4, 2020' (ACT); primary completion 'October 2023' (anticipated), due 2024-10-31; no results in the record (last update April 5, 2022)"),
    ("NCT04847739", "results-overdue", True, "Interventional Phase 2, FDA drug 'Yes', start 'September 13, 2021' (ACT); primary completion 'August 2023' (anticipated), due 2024-08-31; no results in the record"),
    ("NCT04992247", "results-overdue", True, "Interventional Phase 2, FDA drug 'Yes', start 'November 2022' (ACT); primary completion 'July 2023' (anticipated), due 2024-07-31; no results in the record (last update August 8, 2022)"),
    ("NCT02582775", "results-overdue", True, "Interventional Phase 2, FDA drug 'Yes', start 'March 2016' (before 2017-01-18) and primary completion 'December 2024' (anticipated, after it): pACT; due 2025-12-31, grace to 2026-01-30; no results in the record"),
    ("NCT03059355", "results-overdue", True, "Interventional Phase 1/Phase 2, FDA drug 'Yes', start 'April 12, 2018' (ACT); primary completion 'March 23, 2020', due 2021-03-23; results submitted and cancelled the same day (UnpostedEvent 'Release' and 'Unrelease' on September 28, 2022), none posted: the tracker counts a cancelled submission as not reported"),
    # status not verified (as of 2026-11-30)
    ("NCT04173650", "status-unverified", True, "Overall status 'Not yet recruiting'; verified 'April 2022' (over two years before 2026-11-30)"),
    ("NCT04759105", "status-unverified", True, "Overall status 'Recruiting'; verified 'February 2021'"),
    ("NCT00001205", "status-unverified", True, "Overall status 'Recruiting'; verification_date 'January 30, 2023' (more than two years before 2026-11-30)"),
    ("NCT04565665", "status-unverified", True, "Overall status 'Recruiting'; verified 'October 2022'"),
    ("NCT04189432", "status-unverified", True, "Overall status 'Recruiting'; verified 'September 2021'"),
    ("NCT04097652", "status-unverified", True, "Overall status 'Recruiting'; verified 'April 2021'"),
]

# unflagged records, all five kinds: (nctId, pay, single, us, overdue, status) reasons
ALL = {
    "NCT00000663": ("NIH sponsor, 7 US sites, Completed, Phase 1, no dates", NOPAY.format(""), "sponsor class NIH", "no cell product (CD4-IgG)", "Phase 1, no start date: not an ACT/pACT", "status Completed"),
    "NCT00002236": ("Pharmacia and Upjohn (Industry), 6 sites, Completed", NOPAY.format(""), "Industry sponsor but six locations", "no cell product", "no start or completion date", "status Completed"),
    "NCT00002027": ("Janssen (Industry), 3 sites, Completed", NOPAY.format(""), "Industry sponsor but three locations", "no cell product", "no start or completion date", "status Completed"),
    "NCT00003572": ("Johns Hopkins (Other), 1 US site, Completed 2002", NOPAY.format(""), "sponsor class Other", "gives donor lymphocytes and an allogeneic marrow transplant at Johns Hopkins Oncology Center, United States; is_fda_regulated_drug/device absent (record last updated May 2, 2014): no FDA flag recorded", "start August 1998, primary completion April 2002: both before 2017-01-18", "status Completed"),
    "NCT00000886": ("NIH vaccine trial, 3 sites", NOPAY.format(""), "sponsor class NIH", "no cell product", "Phase 1", "status Completed"),
    "NCT00002722": ("EORTC (Other), no locations listed", NOPAY.format(""), "sponsor class Other; no locations", "no cell product", "start January 1996, primary completion August 1999", "status Completed"),
    "NCT04535856": ("Ina-Respond (Other), one site in Indonesia", NOPAY.format(""), "sponsor class OTHER", "site in Makassar, Indonesia only", "Phase 1; FDA flags 'No'", "status Completed"),
    "NCT05283317": ("Erciyes University, Turkey", NOPAY.format(""), "sponsor class OTHER", "site in Kayseri, Turkey only", "FDA flags 'No'", "status Completed"),
    "NCT04909892": ("Sorrento (Industry), Withdrawn, no locations", NOPAY.format(""), "Industry sponsor but no locations listed", "no locations, so no US site", "status Withdrawn: not an ACT", "status Withdrawn"),
    "NCT03460223": ("Nanjing Medical University, Unknown status, no locations", NOPAY.format(""), "sponsor class OTHER", "no locations", "FDA flags 'No'", "status 'Unknown status', not listed as recruiting"),
    "NCT04871997": ("v2 observational study, China", NOPAY.format(" (only trial-procedure text)"), "sponsor class OTHER", "no cell product; site in China", "OBSERVATIONAL", "status COMPLETED"),
    "NCT04691388": ("v2 interventional phase 2, China", NOPAY.format(""), "sponsor class OTHER", "no cell product; site in China", "isFdaRegulatedDrug false, isFdaRegulatedDevice false", "status COMPLETED"),
}
KINDS = ["pay", "single-site-company", "us-no-fda-flag", "results-overdue", "status-unverified"]
for nct, reasons in ALL.items():
    present = [False] * 5
    if nct == "NCT00003572":
        present[2] = True
    for k, p, r in zip(KINDS, present, reasons[1:]):
        VERDICTS.append((nct, k, p, r))
