"""Per-id hand decisions (genuine one-off judgement calls, each with a reason) and review notes per concept.

Review method for every concept: label.py --review KEY lists every match; for concepts with 60 or more
matches the distinct matched texts (all of them, with counts) and every title-only match were read instead of
a 40-record sample. Near misses were listed with label.py --near KEY REGEX using the regex named in the note.
"""

OVERRIDES = {
  "cgvhd": [
    {"id": "NCT02543073", "relevant": True,
     "reason": "Conditions 'Bronchiolitis Obliterans' + 'Hematopoietic Stem Cell Transplantation', title 'Interstitial "
               "Lung Disease After Allo-HSCT': bronchiolitis obliterans after allogeneic HSCT is the lung form of "
               "chronic GVHD, but the record never says GVHD, so no pattern should generalise to it."},
  ],
}

NOTES = {
  "agvhd": "All 38 matches read. Near misses: records with 'acute' and a GVHD word that did not match. Changed: "
           "'acute/chronic', '(acute or chronic)' and 'acute and chronic' forms added (2 records gained). 'Acute or "
           "chronic leukemia' next to GVHD stays out (checked NCT00004255). GVHD prophylaxis records that never "
           "say acute stay out by scope.",
  "cgvhd": "All 20 matches read. Near misses: 'chronic|bronchiolitis' with GVHD words. Bronchiolitis obliterans after "
           "lung transplantation (NCT02181712, NCT01175655) stays out; one override (NCT02543073).",
  "gvhd": "Matches 108: all distinct matched texts read (almost all 'Graft Versus Host Disease' conditions or keywords "
          "of legacy transplant records); all title-only matches read. Near misses: 'host|gvh' found only "
          "'immunocompromised host' and similar. No change.",
  "srgvhd": "All matches read. Near misses: 'refractor|resistan|salvage|failed|failure' with GVHD words found 9 "
            "treatment-refractory GVHD records without the word 'steroid' (e.g. 'Refractory Acute GVHD', 'Failed "
            "Steroids for Acute GVHD', 'Refractory to First-line Therapy'); scope widened to include them (23 -> 32). "
            "'Refractory Lymphoma' in an autologous GVHD trial (NCT00003414) stays out.",
  "sjogren": "All 10 read; near misses 'sicca|sj' show only keratoconjunctivitis sicca without Sjögren (NCT03878628), "
             "kept out by scope. No change.",
  "lupus": "All 43 read. No change.",
  "sle": "All read. Changed: neonatal lupus excluded unless SLE is also named (NCT00007358 out, NCT00460928 stays "
         "through its SLE keyword); discoid lupus (NCT00001680) out.",
  "ra": "All read. Changed: dropped 'rheumatoid disease(s)' (NCT00000106 'Rheumatoid Diseases' in a hyperthermia "
        "trial is a generic rheumatic-disease label); whole-field 'RA' made weak (vetoed when the record is about "
        "refractory anaemia / MDS, e.g. NCT01129739 'MDS-RA').",
  "crohn": "All 59 read. Changed: 'without Crohn's' excluded (NCT04750499, perianal fistulas in patients without "
           "Crohn's).",
  "ms": "All 57 read. Near misses 'MS|sclerosis|demyelin' are ALS, systemic/tuberous sclerosis, atherosclerosis, "
        "CIDP, 'MS-275'/'MS-209' drug codes: none relevant. Whole-field 'MS' made weak.",
  "pgf": "All 6 read. Near misses 'graft fail|graft function|engraft...' are kidney/islet/lung graft dysfunction and "
         "engraftment-as-outcome trials, kept out by scope. Only 6 relevant records: small but above the minimum of 3.",
  "ards": "All read. Changed: bare 'Respiratory Distress Syndrome' (legacy NHLBI records) is ambiguous between adult "
          "ARDS and neonatal RDS; made weak and vetoed by newborn/preterm/surfactant/BPD context (15 neonatal trials out, "
          "83 -> 69 with the addition below). Added 'Lung Injury, Acute' (NCT00498251). Lung injury from paraquat or "
          "surgery not called acute stays out. Non-COVID ARDS stays in.",
  "mi": "All non-canonical matched texts and title-only matches read (129). Changed: removed bare 'ST-elevation' "
        "patterns (NCT00494247, non-ST-elevation acute coronary syndrome without infarction, out by scope); 'MI' as "
        "whole field made weak. Three MSC trials in ischaemic LV dysfunction stay in because their official titles "
        "say the dysfunction follows myocardial infarction.",
  "htn": "All distinct matched texts read. Changed: generic ORD keyword 'hypertensive disorder' made weak and "
         "vetoed when the record is about pulmonary/portal hypertension (NCT00004497, NCT00004754, NCT00004796, "
         "NCT00004805 out; pre-eclampsia NCT00004399 stays); 'no hypertension' excluded (NCT00498485). Checked that "
         "no match is a pulmonary/portal/ocular hypertension record.",
  "nsclc": "All non-canonical matched texts read (280). Near misses 'non-small|adenocarcinoma|squamous' with lung "
           "words: none. No change.",
  "lungca": "All non-canonical matched texts read (339). Changed: dropped keyword 'Lung' alone (legacy AIDS/PCP and "
            "MSC records); 'small cell carcinoma' without 'lung' made weak and vetoed by another organ "
            "('cervical small cell carcinoma' NCT00003379, NCT00460356 out). Lung metastases of renal cancer "
            "(NCT00006483) and Ewing sarcoma lung involvement (NCT00492141) stay out. PLCO screening "
            "(NCT00002540) registers only its prostate arm (condition 'Prostate Carcinoma') and stays out.",
  "stroke": "All non-canonical matched texts read. Changed: added artery-qualified cerebral infarction ('Middle "
            "Cerebral Artery Infarction', 'Infarction, Middle Cerebral Artery': NCT01461720, NCT01468064 and "
            "others). Bare 'Cerebrovascular Disorders' (legacy NHLBI cohort records), vitreous/postpartum "
            "haemorrhage, neonatal intraventricular haemorrhage stay out by scope.",
  "t1d": "All 49 read. Changed: MeSH-inverted 'Diabetes Mellitus, Insulin-Dependent' and 'Types 1 & 2' forms added.",
  "t2d": "All 88 read. Changed: 'Diabetes Mellitus, Non-Insulin-Dependent' (20 legacy records) and 'type 1 and 2' "
         "forms added (76 -> 88).",
  "diabetes": "All distinct matched texts read (259). Changed: 'Lipid and Diabetes Parameters' in an overweight trial "
              "(NCT00493012) excluded. ICU stress hyperglycaemia, prediabetes, diabetes insipidus stay out by scope.",
  "breast": "All non-canonical matched texts read (327). Changed: 'Hereditary Breast/Ovarian Cancer' form added "
            "(NCT00005095); 'other than breast cancer' excluded (NCT00003884); 'ductal carcinoma' alone made weak "
            "(vetoed by pancreas/bile duct context).",
  "hf": "All non-canonical matched texts read (80). Near misses: cardiomyopathy and LV dysfunction records, out by "
        "scope. No change.",
  "knee_oa": "All non-canonical matched texts read (127). 'Osteoarthritis' condition + 'knee' keyword across fields "
             "kept (all_of). Knee cartilage defects and knee replacement without OA stay out.",
  "oa": "All non-canonical matched texts read. No change.",
  "covid": "All non-canonical matched texts read (107). Changed: 'Non-COVID-19 ARDS' excluded (NCT04909879). "
           "Near misses 'corona|sars|pandemic' only find influenza and an MSA scale.",
  "asthma": "All read. No change.",
  "copd": "All read. Changed: the 'COLD' abbreviation was wrongly case-insensitive and matched 'cold pain', "
          "'common cold' (5 records out); now case-sensitive.",
  "alzheimer": "All read. Whole-field 'AD' made weak (NCT04137562 'AD' = atopic dermatitis out).",
  "parkinson": "All read. Whole-field 'PD' made weak (NCT00462761 leukaemia, NCT02395029 Peyronie's out); "
               "'Multiple System Atrophy, Parkinson Variant' excluded (NCT04876326).",
  "sci": "All 50 read; near misses 'spinal|paraplegia' are stenosis, SMA, spinal tumours. No change.",
  "cirrhosis": "All read. Primary biliary cirrhosis kept by scope.",
  "kf": "All read. Changed: 'renal insufficiency' matched inside 'adrenal insufficiency' (4 records out, word "
        "boundary added).",
  "ckd": "All read. Changed: 'IgA glomerulonephritis' added; haemolytic uraemic syndrome excluded (acute).",
  "hiv": "Matches 1,259 (the legacy set holds the AIDS trials database): all distinct matched texts with counts read; "
         "HIV vaccine trials in seronegative volunteers kept (prevention is HIV's subject).",
  "depression": "All read. Changed: keyword 'Antidepressive Agents' alone excluded (agent, not condition; a bipolar "
                "maintenance trial out).",
  "schizo": "All read. No change.",
  "prostate": "All distinct matched texts read. No change.",
  "leukemia": "All distinct matched texts read. Changed: 'APL' inside a field matched the HIV vaccine 'APL 400-003' "
              "(removed); 'pre-leukemia' and 'T-cell leukemia virus' (HTLV) excluded.",
  "lymphoma": "All distinct matched texts read. Changed: 'NHL'/'HL' abbreviations made case-sensitive.",
  "obesity": "All read. No change.",
  "epilepsy": "All read. Changed: bare keyword 'Antiepileptic' excluded. Bare 'Seizures' conditions kept (in this "
              "corpus all are epilepsy or recurrent-seizure trials; one neurocysticercosis seizure study kept).",
  "psoriasis": "All 26 read. No change.",
  "uc": "All 16 read. No change.",
  "osteoporosis": "All 51 read. No change.",
  "autism": "All 16 read. No change.",
  "cp": "All 14 read. No change.",
  "oi": "All 10 read. No change.",
  "bpd": "All read. Whole-field 'BPD' made weak (NCT00006177 'BPD' = bipolar disorder out).",
  "cli": "All 29 read. Near misses: peripheral arterial disease, Buerger's disease and 'lower limb ischemia' without "
         "'critical' stay out by scope.",
  "aa": "All 38 read. Near misses 'aplas' are anaplastic tumours; 'bone marrow failure' generic stays out.",
  "ovarian": "Added after the required list (enough trials). All distinct matched texts read. No change.",
  "colorectal": "Added after the required list. All distinct matched texts read. No change.",
  "melanoma": "Added after the required list. All distinct matched texts read; 'graft-versus-tumor/melanoma' "
              "keyword kept (melanoma patients). No change.",
  "myeloma": "Added after the required list. All distinct matched texts read. No change.",
  "mds": "Added after the required list. All distinct matched texts read. No change.",
  "af": "Added after the required list. All 8 read. No change.",
  "cad": "Added after the required list. All distinct matched texts read. Changed: 'non-ischemic heart failure' "
         "(matched 'ischemic heart') and 'CHD risk' / 'risk of CHD' title fields excluded; such cohort records "
         "stay in when a condition names coronary disease (most legacy NHLBI cohorts list 'Coronary Disease').",
  "cf": "Added after the required list. All 29 read. No change.",
  "als": "Added after the required list. All read. Changed: post-polio motor neuron disease excluded; bare "
         "'Motor Neuron Disease' dropped (3 generic NIH neurology studies and a Kennedy's disease trial out).",
  "ssc": "Added after the required list. All 19 read. Changed: 'Scleroderma, Circumscribed' (morphea) excluded; "
         "NCT00001330 stays through its 'Systemic Sclerosis' keyword.",
}
