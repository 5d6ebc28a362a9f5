"""Relevance definitions for the condition-search recall fixture.

One entry per concept. Every query string in `queries` shares the concept's relevant set.
Patterns are Python regular expressions, matched case-insensitively against each field on its own
(each condition, each keyword, the brief title, the official title). A field counts when it matches
an `include` pattern and no `exclude` pattern. `all_of` groups are record-level: the record counts
when every pattern of a group matches some (non-excluded) field, possibly different fields.
`contains` names concepts whose relevant sets are added (a broad concept includes its narrower ones).
`overrides` are per-id hand decisions with a reason.

The scope of each concept was written from medical knowledge before any search result was looked at.
"""

# Building blocks ---------------------------------------------------------------------------------
GVHD = r"(?:\b[acs]?-?g\W?v\W?h\W?d\b|\bgvh\b|\bgvhd|graft[\s-]*(?:versus|vs\.?|v\.?|against|-)[\s-]*host)"
ACUTE_GVHD = (r"(?:\bacute\b(?:\s*(?:and|or|&|/)\s*chronic\)?)?[\s,-]+(?:\w+[\s-]+){0,3}?" + GVHD
              + r"|\bchronic\s*(?:and|or|&|/)\s*acute\)?[\s,-]+(?:\w+[\s-]+){0,2}?" + GVHD
              + r"|" + GVHD + r"[\w\s-]{0,12}?[,(]\s*acute|\ba-?gvhd\b|\bagvh\b|\bsr-?agvhd\b)")
CHRONIC_GVHD = (r"(?:\bchronic\b(?:\s*(?:and|or|&|/)\s*acute\)?)?[\s,-]+(?:\w+[\s-]+){0,3}?" + GVHD
                + r"|\bacute\s*(?:and|or|&|/)\s*chronic\)?[\s,-]+(?:\w+[\s-]+){0,2}?" + GVHD
                + r"|" + GVHD + r"[\w\s-]{0,12}?[,(]\s*chronic|\bc-?gvhd\b|\bcgvh\b)")
STEROID_FAILURE = (r"(?:cortico|glucocortico)?steroids?[\s-]*(?:refractory|resistant|resistance|dependent|dependence"
                   r"|insensitive|unresponsive|non-?responsive|failure)|\bsr-?[ac]?gvhd\b")
CANCER = r"(?:cancers?|carcinomas?|neoplasms?|neoplasia|tumou?rs?|malignan\w*|adenocarcinomas?|oncolog\w*)"


def word_near(a, b, gap=40):
  """a then b (or b then a) within `gap` characters of the same field, no sentence stop between."""
  return rf"(?:{a})[^.;]{{0,{gap}}}?(?:{b})|(?:{b})[^.;]{{0,{gap}}}?(?:{a})"


CONCEPTS = [
  # ---- seed diseases ---------------------------------------------------------------------------
  {
    "key": "agvhd", "group": "seed",
    "queries": ["aGVHD", "acute GvHD", "acute graft-versus-host disease", "GVHD, acute"],
    "concept": "acute graft-versus-host disease",
    "scope": "Trials about acute GVHD: treatment, prophylaxis or prevention when the record says acute; "
             "steroid-refractory/resistant acute GVHD; acute GI/gut/skin GVHD; records naming both acute and "
             "chronic GVHD count. Excludes chronic-only GVHD and records that say only 'GVHD' without 'acute' "
             "(e.g. generic GVHD prophylaxis), and 'acute' that qualifies another disease (acute leukaemia).",
    "include": [ACUTE_GVHD],
    "exclude": [],
  },
  {
    "key": "cgvhd", "group": "seed",
    "queries": ["cGVHD", "chronic graft-versus-host disease"],
    "concept": "chronic graft-versus-host disease",
    "scope": "Trials about chronic GVHD, including steroid-refractory/dependent chronic GVHD, sclerotic/ocular/"
             "oral/lung chronic GVHD and bronchiolitis obliterans syndrome after allogeneic HSCT (a lung "
             "manifestation of chronic GVHD). Records naming both acute and chronic GVHD count. Excludes "
             "acute-only GVHD and records that say only 'GVHD'.",
    "include": [CHRONIC_GVHD, r"bronchiolitis obliterans[^.;]{0,60}(?:transplant|hsct|\bsct\b|bmt)",
                r"ocular\s+graft"],
    "exclude": [],
  },
  {
    "key": "gvhd", "group": "seed",
    "queries": ["GVHD", "graft-versus-host disease"],
    "concept": "graft-versus-host disease, all forms",
    "scope": "Any graft-versus-host disease: acute, chronic, unspecified, its treatment and its prophylaxis "
             "(preventing GVHD makes GVHD the subject). Excludes 'graft-versus-leukemia/tumour' effects and "
             "'host-versus-graft' (rejection) when GVHD itself is not named.",
    "include": [GVHD],
    "exclude": [r"host[\s-]*(?:versus|vs\.?)[\s-]*graft(?![^.;]*graft[\s-]*(?:versus|vs))"],
    "contains": ["agvhd", "cgvhd", "srgvhd"],
  },
  {
    "key": "srgvhd", "group": "seed",
    "queries": ["steroid-refractory GVHD"],
    "concept": "steroid-refractory graft-versus-host disease",
    "scope": "GVHD (acute or chronic) that failed corticosteroids: steroid-refractory, steroid-resistant, "
             "and steroid-dependent GVHD (also a form of steroid failure; included and flagged as a judgement "
             "call), 'failed steroids', and 'refractory GVHD' / 'refractory to first-line therapy' without the "
             "word steroid (systemic steroids are the first-line GVHD therapy, so treatment-refractory GVHD is "
             "steroid-refractory). The steroid failure and GVHD may be stated in different fields. Excludes "
             "first-line GVHD treatment and prophylaxis, and steroid-refractory other diseases.",
    "include": [rf"^(?=.*(?:{STEROID_FAILURE}))(?=.*{GVHD})", r"\bsr-?[ac]?gvhd\b",
                r"(?:refractory|resistant)\s+(?:\(?\s*(?:acute|chronic)[\w\s/]*\)?\s+)?" + GVHD,
                rf"^(?=.*fail\w*\s+(?:cortico)?steroid)(?=.*{GVHD})",
                rf"^(?=.*refractory\s+to\s+first[\s-]*line)(?=.*{GVHD})"],
    "exclude": [],
    "all_of": [[STEROID_FAILURE, GVHD]],
  },
  {
    "key": "sjogren", "group": "seed",
    "queries": ["Sjögren's syndrome", "Sjogren"],
    "concept": "Sjögren's syndrome",
    "scope": "Primary or secondary Sjögren's syndrome (any spelling: Sjögren, Sjogren, Sjoegren, Sjorgren; "
             "'pSS' only as the whole field). Excludes dry eye or sicca symptoms not attributed to Sjögren's.",
    "include": [r"sj[öo]e?r?gr[ae]n", r"^\s*(?-i:pSS)\s*$"],
    "exclude": [],
  },
  {
    "key": "lupus", "group": "seed",
    "queries": ["lupus"],
    "concept": "lupus erythematosus, all forms",
    "scope": "Systemic lupus erythematosus, lupus nephritis, cutaneous/discoid lupus, neonatal and drug-induced "
             "lupus. Excludes 'lupus anticoagulant' (an antiphospholipid antibody) and lupus vulgaris "
             "(cutaneous tuberculosis).",
    "include": [r"\blupus\b", r"^\s*(?-i:SLE)\s*$", r"\b(?-i:SLE)\b"],
    "exclude": [r"lupus[\s-]+anticoagulant", r"lupus\s+vulgaris"],
    "contains": ["sle"],
  },
  {
    "key": "sle", "group": "seed",
    "queries": ["systemic lupus erythematosus"],
    "concept": "systemic lupus erythematosus",
    "scope": "SLE including its organ manifestations (lupus nephritis, neuropsychiatric lupus) and records that "
             "say just 'lupus' in a systemic sense. Excludes purely cutaneous/discoid lupus, neonatal lupus "
             "(maternal antibodies in the infant; counted only if SLE is also named), lupus "
             "anticoagulant and lupus vulgaris.",
    "include": [r"systemic\s+lupus", r"lupus\s+erythematosus,?\s+systemic", r"\b(?-i:SLE)\b", r"lupus\s+nephritis",
                r"^\s*lupus\s*$", r"neuro-?psychiatric\s+lupus", r"\blupus\b(?!\s+(?:anticoagulant|vulgaris))"],
    "exclude": [r"cutaneous\s+lupus", r"discoid", r"neonatal|newborn|congenital", r"lupus\s+erythematosus,\s*(?:cutaneous|discoid)",
                r"lupus[\s-]+anticoagulant", r"lupus\s+vulgaris"],
  },
  {
    "key": "ra", "group": "seed",
    "queries": ["rheumatoid arthritis"],
    "concept": "rheumatoid arthritis",
    "scope": "Rheumatoid arthritis in adults, including 'Arthritis, Rheumatoid', RA as the whole field or in "
             "'active RA', and (older term) juvenile rheumatoid arthritis. Excludes juvenile idiopathic "
             "arthritis not called rheumatoid, osteoarthritis, psoriatic arthritis, 'rheumatoid factor'.",
    "include": [r"rheumatoid\s+arthrit", r"arthritis,\s*rheumatoid",
                r"\b(?:active|refractory|early|established|moderate|severe)\s+(?-i:RA)\b"],
    "weak": [r"^\s*(?-i:RA)\s*$"],
    "weak_veto": [r"refractory\s+anemia|myelodysplas|\bMDS\b"],
    "exclude": [],
  },
  {
    "key": "crohn", "group": "seed",
    "queries": ["Crohn's disease"],
    "concept": "Crohn's disease",
    "scope": "Crohn's disease in any location, including perianal fistulising Crohn's and 'regional enteritis'. "
             "Excludes inflammatory bowel disease records that do not name Crohn's (they may be only "
             "ulcerative colitis).",
    "include": [r"crohn", r"regional\s+enteritis", r"granulomatous\s+(?:ileitis|colitis|enteritis)"],
    "exclude": [r"without\s+crohn", r"non-?crohn"],
  },
  {
    "key": "ms", "group": "seed",
    "queries": ["multiple sclerosis"],
    "concept": "multiple sclerosis",
    "scope": "Multiple sclerosis in all courses (relapsing-remitting, secondary/primary progressive) and "
             "clinically isolated syndrome when MS is named. 'MS' only as the whole field or as RRMS/SPMS/PPMS/"
             "'progressive MS'. Excludes multiple system atrophy, neuromyelitis optica and other sclerosis "
             "(systemic sclerosis, ALS, tuberous sclerosis).",
    "include": [r"multiple\s+sclerosis", r"sclerosis,\s*multiple", r"\b(?-i:(?:RR|SP|PP|CIS-)MS)\b",
                r"\b(?:relapsing|progressive|remitting)[\w\s-]{0,20}\b(?-i:MS)\b"],
    "weak": [r"^\s*(?-i:MS)\s*$"],
    "weak_veto": [r"mass\s+spectrom|mitral|morphine|metabolic\s+syndrome"],
    "exclude": [],
  },
  {
    "key": "pgf", "group": "seed",
    "queries": ["poor graft function"],
    "concept": "poor graft function after haematopoietic stem cell transplantation",
    "scope": "Poor graft function or poor/delayed/insufficient haematopoietic engraftment after HSCT, and "
             "haematopoietic graft failure treated as a condition. Excludes kidney 'delayed graft function', "
             "trials that merely measure time to engraftment as an outcome, and 'promotion of engraftment' "
             "in transplants without a graft-function problem.",
    "include": [r"poor\s+graft\s+function", r"\bpoor\s+(?:engraftment|graft)", r"graft\s+(?:failure|dysfunction)",
                r"(?:delayed|insufficient|impaired|failed)\s+(?:\w+\s+)?engraftment", r"engraftment\s+failure",
                r"^\s*(?-i:PGF)\s*$"],
    "exclude": [r"kidney|renal|liver|hepat|cardiac|heart|lung|islet|corneal|skin|bone\s+graft|vascular|vein",
                r"time\s+to\s+(?:\w+\s+)?engraftment"],
  },
  {
    "key": "ards", "group": "seed",
    "queries": ["ARDS", "acute respiratory distress syndrome"],
    "concept": "acute respiratory distress syndrome",
    "scope": "ARDS of any cause (including COVID-19 ARDS), 'adult respiratory distress syndrome', bare "
             "'respiratory distress syndrome' when nothing in the record points to newborns, "
             "'Respiratory Distress Syndrome, Adult', and acute lung injury (the AECC umbrella that contains "
             "ARDS). Excludes neonatal respiratory distress syndrome (surfactant deficiency, hyaline membrane "
             "disease) and respiratory distress as a symptom.",
    "include": [r"\bARDS\b", r"(?:acute|adult)\s+respiratory\s+distress", r"respiratory\s+distress\s+syndrome,\s*adult",
                r"acute\s+lung\s+injur", r"lung\s+injury,\s*acute", r"\bALI/ARDS\b"],
    "exclude": [r"newborn|neonat|infant|preterm|prematur|hyaline"],
    "weak": [r"^\s*respiratory\s+distress\s+syndrome\s*$", r"respiratory\s+distress\s+syndrome"],
    "weak_veto": [r"newborn|neonat|infant|preterm|prematur|hyaline|antenatal|surfactant|bronchopulmonary|birth\s+weight"
                  r"|premature\s+(?:delivery|labou?r)|fetal"],
  },
  # ---- common conditions -----------------------------------------------------------------------
  {
    "key": "mi", "group": "common",
    "queries": ["heart attack", "myocardial infarction"],
    "concept": "myocardial infarction",
    "scope": "Acute or past myocardial infarction (STEMI, NSTEMI, AMI, 'heart attack', 'cardiac infarction', "
             "post-infarction heart failure/remodelling), including trials whose title subject is preventing "
             "MI. Excludes acute coronary syndrome or unstable angina records that never name infarction, "
             "angina, myocardial ischaemia, coronary disease in general, and MI mentioned only as a risk or "
             "outcome of another condition's trial ('risk of myocardial infarction').",
    "include": [r"myocardial\s+infarct", r"infarction,\s*myocardial", r"heart\s+attack", r"(?:cardiac|heart)\s+infarct",
                r"\b(?:N?STE?MI)\b", r"\bAMI\b", r"\b(?:acute|post|prior|recent)[\s-]+(?-i:MI)\b",
                r"post-?infarct", r"(?-i:\bMI\b)\s+patients", r"infarct[\w\s-]{0,20}myocard"],
    "weak": [r"^\s*(?-i:MI)\s*$"],
    "weak_veto": [r"mitral|motivational\s+interview|mental\s+illness"],
    "exclude": [r"risk\s+of\s+(?:\w+\s+){0,3}myocardial\s+infarct", r"risk\s+factors?", r"\bAMI\b[\s-]+(?:\d|ohio)"],
  },
  {
    "key": "htn", "group": "common",
    "queries": ["high blood pressure", "hypertension"],
    "concept": "systemic arterial hypertension",
    "scope": "High blood pressure of any kind in the systemic circulation: essential, secondary, resistant, "
             "isolated systolic, hypertensive crisis/heart disease, intradialytic hypertension, pregnancy-"
             "induced/gestational hypertension and pre-eclampsia named as hypertension. Excludes pulmonary "
             "(arterial) hypertension, portal, intracranial and ocular hypertension.",
    "include": [r"hypertensi(?!ve\s+disorders?\s*$)", r"high\s+blood\s+pressure", r"(?:elevated|raised)\s+blood\s+pressure",
                r"\bHTN\b", r"blood\s+pressure,\s*high"],
    "weak": [r"^\s*hypertensive\s+disorders?\s*$"],
    "weak_veto": [r"(?:pulmonary|portal|ocular|intracranial)\s+hypertens|hypertension,\s*(?:pulmonary|portal)"],
    "exclude": [r"\bno\s+hypertens", r"normotensi",r"pulmonary[\w\s-]{0,20}hypertens", r"hypertension,\s*(?:pulmonary|portal|intracranial|ocular)",
                r"portal\s+hypertens", r"intra-?cranial\s+hypertens", r"(?:ocular|intra-?ocular|eye)\s+hypertens",
                r"\bPAH\b", r"pseudotumor", r"anti-?hypertensive\s+(?:drug|agent)s?\s+(?:for|in)\s+(?!hypertens)"],
  },
  {
    "key": "nsclc", "group": "common",
    "queries": ["non-small cell lung cancer"],
    "concept": "non-small cell lung cancer",
    "scope": "NSCLC of any stage and its histological subtypes: lung adenocarcinoma, squamous cell lung "
             "carcinoma, large cell lung carcinoma, bronchioloalveolar carcinoma. Excludes small cell lung "
             "cancer, unspecified 'lung cancer', mesothelioma and lung metastases of other cancers.",
    "include": [r"non[\s-]*small[\s-]*cell", r"\bNSCLC", r"carcinoma,\s*non-?small", r"lung\s+adenocarcinoma",
                r"adenocarcinoma\s+of\s+(?:the\s+)?lung", r"squamous[\w\s-]{0,20}(?:lung|pulmonary)\s+(?:cancer|carcinoma)",
                r"(?:lung|pulmonary)\s+squamous", r"large\s+cell\s+(?:lung\s+)?carcinoma\s+of\s+the\s+lung",
                r"large\s+cell\s+lung", r"bronchioloalveolar|bronchoalveolar\s+carcinoma",
                r"adenocarcinoma,\s*(?:lung|bronchiolo)"],
    "exclude": [r"metasta\w*\s+(?:to|in)\s+(?:the\s+)?lung", r"lung\s+metasta"],
  },
  {
    "key": "lungca", "group": "common",
    "queries": ["lung cancer"],
    "concept": "lung cancer (primary)",
    "scope": "Primary lung cancer of any type: NSCLC and its subtypes, small cell lung cancer, lung carcinoid/"
             "neuroendocrine tumours, 'bronchogenic/bronchial carcinoma', 'pulmonary neoplasm', 'Lung "
             "Neoplasms', 'thoracic cancer' only when lung is named; includes lung cancer screening and "
             "prevention trials (lung cancer is the subject). Excludes lung metastases of another primary, "
             "mesothelioma, benign pulmonary nodules, and 'lung' with cancer words that are about another "
             "organ's cancer.",
    "include": [rf"\blung[\w\s,-]{{0,30}}?{CANCER}", rf"{CANCER}\s+(?:of\s+)?(?:the\s+)?(?:lung|bronch)",
                rf"(?:pulmonary|bronch\w*)\s+{CANCER}", r"\bN?SCLC", r"small[\s-]*cell\s+lung",
                r"neoplasms?,\s*lung", r"lung\s+neoplasm", r"carcinoma,\s*(?:non-?)?small"],
    "weak": [r"small[\s-]*cell\s+(?:carcinoma|cancer)"],
    "weak_veto": [r"(?:cervical|cervix|prostat\w*|bladder|extra-?pulmonary|merkel|esophag\w*|oesophag\w*|ovar\w*"
                  r"|pancrea\w*|gastric|colo\w*|urothelial|skin|endometri\w*)[\s,]+(?:\w+\s+)?small[\s-]*cell"],
    "exclude": [r"lung\s+metasta", r"metasta\w*\s+(?:to|in|of)\s+(?:the\s+)?lungs?",
                r"pulmonary\s+metasta", r"mesothelioma", r"(?:pulmonary|lung)\s+nodule",
                r"lung\s+(?:injury|disease|function|transplant|resection)s?\s+(?:in|after|from)\b(?![^.;]*lung\s+cancer)",
                r"pulmonary\s+(?:tumou?r\s+)?embol", r"extrapulmonary\s+small\s+cell"],
    "contains": ["nsclc"],
  },
  {
    "key": "stroke", "group": "common",
    "queries": ["stroke"],
    "concept": "stroke",
    "scope": "Ischaemic and haemorrhagic stroke: cerebral/brain infarction, cerebrovascular accident (CVA), "
             "intracerebral and subarachnoid haemorrhage, lacunar stroke, post-stroke conditions (aphasia, "
             "hemiparesis, spasticity after stroke), and trials whose subject is preventing stroke (e.g. in "
             "atrial fibrillation). Excludes transient ischaemic attack alone, generic 'cerebrovascular "
             "disorders', heat stroke, stroke volume, and stroke only as a risk named in another disease's "
             "trial.",
    "include": [r"\bstrokes?\b", r"cerebro-?vascular\s+accident", r"^\s*(?-i:CVA)\s*$", r"\bCVA\b",
                r"(?:cerebral|brain|cerebellar|lacunar|brainstem)(?:\s+artery)?\s+infarct",
                r"infarction,\s*(?:(?:middle|anterior|posterior)\s+)?(?:cerebral|brain)",
                r"(?:intra-?cerebral|cerebral|brain|intracranial|subarachnoid|intraparenchymal)\s+ha?emorrhag",
                r"ha?emorrhage,\s*(?:cerebral|subarachnoid|intracerebral)", r"apoplexy", r"\bICH\b",
                r"\bSAH\b"],
    "exclude": [r"heat[\s-]*stroke", r"sun[\s-]*stroke", r"stroke[\s-]+volume", r"stroke\s+index",
                r"risk\s+factors?\s+for\s+(?:\w+\s+)?stroke", r"stroke\s+risk\s+factor",
                r"intraventricular\s+ha?emorrhag", r"pituitary\s+apoplexy",
                r"(?:preterm|newborn|neonat)\w*[\w\s-]{0,30}ha?emorrhag"],
  },
  {
    "key": "t1d", "group": "common",
    "queries": ["type 1 diabetes"],
    "concept": "type 1 diabetes mellitus",
    "scope": "Type 1 (insulin-dependent, juvenile-onset, autoimmune) diabetes and LADA, including its "
             "complications when type 1 is stated (e.g. type 1 diabetic nephropathy), new-onset T1D and "
             "islet transplantation for type 1 diabetes. Excludes type 2, gestational, unspecified diabetes "
             "and insulin-treated type 2 diabetes.",
    "include": [r"type\s*(?:1|I|one)\b[\s-]*diabet", r"diabet\w*[\s,]+(?:mellitus[\s,]+)?type\s*(?:1|I)\b(?!I)",
                r"\bT1DM?\b", r"\bIDDM\b", r"insulin[\s-]+dependent\s+diabet", r"juvenile[\s-]+(?:onset\s+)?diabet",
                r"autoimmune\s+diabet", r"\bLADA\b", r"latent\s+autoimmune\s+diabetes",
                r"diabet\w*[\s,-]+(?:mellitus[\s,-]+)?insulin[\s-]*dependent", r"^(?=.*diabet)(?=.*\btypes?\s*(?:1|I)\s*(?:and|&|/|or|,)\s*(?:type\s*)?(?:2|II)\b)"],
    "exclude": [r"non[\s-]*insulin[\s-]*dependent"],
  },
  {
    "key": "t2d", "group": "common",
    "queries": ["type 2 diabetes"],
    "concept": "type 2 diabetes mellitus",
    "scope": "Type 2 (non-insulin-dependent, adult-onset) diabetes, including insulin-treated type 2 and its "
             "complications when type 2 is stated. Excludes type 1, gestational, unspecified diabetes, "
             "prediabetes and impaired glucose tolerance.",
    "include": [r"type\s*(?:2|II|two)\b[\s-]*diabet", r"diabet\w*[\s,]+(?:mellitus[\s,]+)?type\s*(?:2|II)\b",
                r"\bT2DM?\b", r"\bNIDDM\b", r"non[\s-]*insulin[\s-]*dependent", r"adult[\s-]+onset\s+diabet",
                r"^(?=.*diabet)(?=.*\btypes?\s*(?:1|I)\s*(?:and|&|/|or|,)\s*(?:type\s*)?(?:2|II)\b)"],
    "exclude": [],
  },
  {
    "key": "diabetes", "group": "common",
    "queries": ["diabetes"],
    "concept": "diabetes mellitus, all forms and its complications",
    "scope": "Diabetes mellitus of any type (type 1, type 2, gestational, MODY, unspecified, 'DM') and diabetic "
             "complications (diabetic foot ulcer, nephropathy/kidney disease, retinopathy, macular oedema, "
             "neuropathy, ketoacidosis, gastroparesis, cardiomyopathy): every patient in such a trial has "
             "diabetes and the complication is a disease of diabetes, so a searcher for 'diabetes' wants them. "
             "Excludes diabetes insipidus (a different, pituitary/renal disease), prediabetes/impaired glucose "
             "tolerance alone, 'non-diabetic' populations, and diabetes mentioned only as an exclusion.",
    "include": [r"diabet", r"\bI?DDM\b", r"\bNIDDM\b", r"\bT[12]DM?\b", r"\bMODY\b", r"\bLADA\b"],
    "weak": [r"^\s*(?-i:DM)\s*$"],
    "weak_veto": [r"dermatomyositis|myotonic|duchenne"],
    "exclude": [r"diabetes\s+insipidus", r"insipidus", r"diabet\w*\s+parameters", r"pre-?diabet", r"non-?diabet", r"without\s+diabet",
                r"anti-?diabetic\s+(?:drug|agent|medication)s?\s*$"],
    "contains": ["t1d", "t2d"],
  },
  {
    "key": "breast", "group": "common",
    "queries": ["breast cancer"],
    "concept": "breast cancer",
    "scope": "Invasive and in-situ (DCIS) breast carcinoma in women or men, 'mammary carcinoma', 'Breast "
             "Neoplasms', metastatic breast cancer, breast cancer prevention/screening trials (subject is "
             "breast cancer) and breast cancer survivors. Excludes benign breast disease, fibroadenoma, "
             "breast density, lobular carcinoma in situ alone and non-breast cancers.",
    "include": [rf"\bbreast[\w\s,/-]{{0,25}}?{CANCER}", rf"{CANCER}\s+of\s+(?:the\s+)?(?:\w+\s+)?breast",
                r"neoplasms?,\s*breast", r"mammary\s+(?:carcinoma|cancer|neoplasm|tumou?r)", r"\bDCIS\b",
                r"inflammatory\s+breast"],
    "weak": [r"ductal\s+carcinoma"],
    "weak_veto": [r"pancrea|bile|biliary|salivary|prostat"],
    "exclude": [r"benign\s+breast", r"fibroadenoma", r"non-?breast", r"other\s+than\s+breast"],
  },
  {
    "key": "hf", "group": "common",
    "queries": ["heart failure"],
    "concept": "heart failure",
    "scope": "Chronic and acute (decompensated) heart failure, congestive heart failure, HFrEF/HFpEF, "
             "systolic/diastolic heart failure, cardiac insufficiency, right heart failure, end-stage heart "
             "failure and post-infarction heart failure. Excludes left ventricular dysfunction or cardiomyopathy "
             "(including MeSH 'Cardiomyopathy, Congestive') not called heart failure.",
    "include": [r"heart\s+failure", r"cardiac\s+(?:failure|insufficiency|decompensation)", r"failure,\s*(?:heart|cardiac)",
                r"\bCHF\b", r"\bHF[rpm]?EF\b", r"heart\s+insufficiency", r"congestive\s+(?:heart|cardiac)",
                r"ventricular\s+failure"],
    "weak": [r"^\s*(?-i:HF)\s*$"],
    "weak_veto": [r"hay\s+fever|high[\s-]+frequency"],
    "exclude": [],
  },
  {
    "key": "knee_oa", "group": "common",
    "queries": ["knee osteoarthritis"],
    "concept": "osteoarthritis of the knee",
    "scope": "Osteoarthritis (osteoarthrosis, degenerative arthritis, gonarthrosis) of the knee, including knee "
             "OA pain and total knee replacement for osteoarthritis; knee and OA may be stated in different "
             "fields. Excludes knee injuries, cartilage defects and rheumatoid arthritis of the knee.",
    "include": [word_near(r"knee", r"osteoarth|arthrosis|\bOA\b|degenerative\s+(?:joint|arthritis)", 40),
                r"gonarthros", r"osteoarthritis,\s*knee", r"\bKOA\b"],
    "exclude": [],
    "all_of": [[r"osteoarth|osteoarthrosis|gonarthros|^\s*(?-i:OA)\s*$", r"\bknees?\b"]],
  },
  {
    "key": "oa", "group": "common",
    "queries": ["osteoarthritis"],
    "concept": "osteoarthritis, any joint",
    "scope": "Osteoarthritis/osteoarthrosis/degenerative joint disease/degenerative arthritis of any joint "
             "(knee, hip, hand, spine facet), gonarthrosis, coxarthrosis. Excludes rheumatoid and other "
             "inflammatory arthritis, and degenerative disc disease.",
    "include": [r"osteo-?arthr", r"degenerative\s+(?:joint|arthritis)", r"gonarthros", r"coxarthros",
                r"\b(?:knee|hip|hand)\s+(?-i:OA)\b", r"\bKOA\b"],
    "weak": [r"^\s*(?-i:OA)\s*$"],
    "weak_veto": [r"ocular\s+albin|optic\s+atrophy"],
    "exclude": [],
    "contains": ["knee_oa"],
  },
  {
    "key": "covid", "group": "common",
    "queries": ["COVID-19"],
    "concept": "COVID-19 (SARS-CoV-2 infection)",
    "scope": "SARS-CoV-2 infection and its consequences (COVID-19 pneumonia/ARDS, long/post-COVID), and COVID-19 "
             "prevention/vaccine trials. Excludes other coronaviruses (SARS-CoV-1, MERS, common-cold "
             "coronaviruses) and 'coronary' anything.",
    "include": [r"covid", r"sars[\s-]*cov[\s-]*2", r"2019[\s-]*n[\s-]*cov", r"novel\s+coronavirus",
                r"coronavirus\s+disease\s*(?:20)?19", r"\bcorona\s*virus(?:es)?\s+(?:infection|pneumonia)s?\b(?=.*(?:19|2020|novel|sars-cov-2))",
                r"^\s*coronavirus(?:\s+infections?)?\s*$", r"\bsars-?cov-?19\b"],
    "exclude": [r"\bMERS\b", r"non-?covid"],
  },
  {
    "key": "asthma", "group": "common",
    "queries": ["asthma"],
    "concept": "asthma",
    "scope": "Asthma of any severity or type (allergic, eosinophilic, exercise-induced asthma, status "
             "asthmaticus, asthma-COPD overlap). Excludes 'cardiac asthma' (heart failure) and bronchospasm "
             "or wheeze not called asthma.",
    "include": [r"asthm"],
    "exclude": [r"cardiac\s+asthma"],
  },
  {
    "key": "copd", "group": "common",
    "queries": ["COPD"],
    "concept": "chronic obstructive pulmonary disease",
    "scope": "COPD (chronic obstructive pulmonary/lung/airway disease), its exacerbations, and its classic "
             "components pulmonary emphysema and chronic (obstructive) bronchitis; alpha-1 antitrypsin "
             "emphysema. Excludes asthma alone, 'Lung Diseases, Obstructive' alone (also covers asthma), "
             "subcutaneous/mediastinal emphysema and acute bronchitis.",
    "include": [r"\bA?E?COPD\b", r"chronic\s+obstructive\s+(?:pulmonary|lung|airways?|respiratory|bronch)",
                r"pulmonary\s+disease,\s*chronic\s+obstructive", r"emphysema", r"chronic\s+bronchitis",
                r"bronchitis,\s*chronic", r"\bCOAD\b", r"(?-i:\bCOLD\b)"],
    "exclude": [r"subcutaneous\s+emphysema", r"mediastinal\s+emphysema", r"^\s*cold\s*$"],
  },
  {
    "key": "alzheimer", "group": "common",
    "queries": ["Alzheimer's disease"],
    "concept": "Alzheimer's disease",
    "scope": "Alzheimer's disease at any stage, including prodromal AD / mild cognitive impairment due to AD, "
             "'dementia of the Alzheimer type', and agitation or psychosis in Alzheimer's. Excludes dementia "
             "not called Alzheimer's and MCI without Alzheimer's.",
    "include": [r"alzheimer", r"dementia\s+of\s+(?:the\s+)?alzheimer", r"\bSDAT\b"],
    "weak": [r"^\s*(?-i:AD)\s*$"],
    "weak_veto": [r"atopic|dermatitis|eczema|adrenal|autosomal\s+dominant"],
    "exclude": [],
  },
  {
    "key": "parkinson", "group": "common",
    "queries": ["Parkinson's disease"],
    "concept": "Parkinson's disease",
    "scope": "Idiopathic Parkinson's disease including PD dementia, PD psychosis, dyskinesia/motor "
             "fluctuations in PD. Excludes Wolff-Parkinson-White syndrome, atypical or drug-induced "
             "parkinsonism and 'parkinsonian disorders' not called Parkinson's disease.",
    "include": [r"parkinson(?!ism|ian)", r"paralysis\s+agitans"],
    "weak": [r"^\s*(?-i:PD)\s*$"],
    "weak_veto": [r"peyronie|leuka?emi|myelo|dialysis|lymphoma|cancer|carcinoma|tumou?r|progressive\s+disease|periodont"],
    "exclude": [r"wolff[\s-]*parkinson", r"multiple\s+system\s+atrophy"],
  },
  {
    "key": "sci", "group": "common",
    "queries": ["spinal cord injury"],
    "concept": "spinal cord injury",
    "scope": "Traumatic and chronic spinal cord injury (cervical, thoracic), including tetraplegia/paraplegia "
             "after spinal cord injury and 'spinal cord trauma/contusion'. Excludes spinal cord compression by "
             "tumour, spinal muscular atrophy, and paraplegia from other causes when SCI is not named.",
    "include": [r"spinal\s+cord\s+(?:injur|trauma|contusion|lesion|transection)", r"\bSCI\b",
                r"injur\w*,?\s+spinal\s+cord", r"spinal\s+injur", r"(?:traumatic|post-?traumatic)\s+(?:para|tetra|quadri)pleg"],
    "exclude": [],
  },
  {
    "key": "cirrhosis", "group": "common",
    "queries": ["liver cirrhosis"],
    "concept": "liver cirrhosis",
    "scope": "Cirrhosis of the liver of any cause (alcoholic, viral, NASH, cryptogenic), compensated or "
             "decompensated, its complications when cirrhosis is named (ascites, varices, hepatic "
             "encephalopathy in cirrhosis), and primary biliary cirrhosis (MeSH 'Liver Cirrhosis, Biliary'). "
             "Excludes liver fibrosis without cirrhosis, end-stage liver disease or liver failure not called "
             "cirrhosis, and cystic fibrosis.",
    "include": [r"cirrho"],
    "exclude": [r"lung\s+cirrho"],
  },
  {
    "key": "kf", "group": "common",
    "queries": ["kidney failure"],
    "concept": "kidney failure (acute or chronic)",
    "scope": "Acute kidney injury/acute renal failure and chronic kidney failure: end-stage renal/kidney "
             "disease, chronic renal failure, renal insufficiency of any degree, uraemia (including haemolytic "
             "uraemic syndrome, defined by acute kidney injury), patients on haemodialysis or peritoneal "
             "dialysis. Excludes CKD named without failure/insufficiency/dialysis, kidney transplantation alone, "
             "kidney cancer, adrenal insufficiency and other organ failure.",
    "include": [r"\b(?:kidney|renal)\s+(?:failure|insufficiency)", r"(?:failure|insufficiency),\s*(?:kidney|renal)\b",
                r"acute\s+kidney\s+injur", r"\bAKI\b", r"end[\s-]*stage\s+(?:renal|kidney)", r"\bESR?K?D\b",
                r"\bESRF\b", r"ura?emi[ac]", r"ha?emodialys", r"peritoneal\s+dialys", r"\bdialysis\b",
                r"kidney\s+injury,\s*acute"],
    "exclude": [r"(?:hepat|liver|heart|cardiac|respiratory)\w*\s+failure(?![^.;]*(?:kidney|renal))"],
  },
  {
    "key": "ckd", "group": "common",
    "queries": ["chronic kidney disease"],
    "concept": "chronic kidney disease",
    "scope": "Chronic kidney disease of any stage (CKD 1-5, chronic renal insufficiency/failure, end-stage "
             "renal disease, maintenance dialysis), and named chronic nephropathies that are CKD by definition "
             "(diabetic kidney disease/nephropathy, IgA nephropathy, polycystic kidney disease, chronic "
             "glomerulonephritis). Excludes acute kidney injury alone, kidney transplantation alone, and "
             "kidney cancer.",
    "include": [r"chronic\s+(?:kidney|renal)\s+(?:disease|failure|insufficiency|impairment)", r"\bCKD\b",
                r"\b(?:kidney|renal)\s+(?:insufficiency|failure),\s*chronic", r"end[\s-]*stage\s+(?:renal|kidney)",
                r"\bESR?K?D\b", r"\bESRF\b", r"ura?emi[ac]", r"(?:maintenance|chronic)\s+(?:ha?emo)?dialys",
                r"ha?emodialys", r"peritoneal\s+dialys", r"diabetic\s+(?:kidney|nephropath|renal)",
                r"Ig\s*A\s+(?:nephropath|glomerulonephrit)", r"polycystic\s+kidney", r"chronic\s+glomerulonephrit", r"^\s*renal\s+insufficiency\s*$"],
    "exclude": [r"ha?emolytic[\s-]+ura?emic"],
  },
  {
    "key": "hiv", "group": "common",
    "queries": ["HIV"],
    "concept": "HIV infection / AIDS",
    "scope": "HIV infection and AIDS, HIV-associated conditions (AIDS-related Kaposi sarcoma/lymphoma, "
             "opportunistic infections in AIDS), HIV prevention (vaccines, PrEP) and HIV-exposed infants: HIV "
             "is the subject or defines the population. Excludes 'aids' meaning devices or help (case-"
             "sensitive AIDS only) and HTLV.",
    "include": [r"\bHIV", r"human\s+immuno-?deficiency\s+virus", r"(?-i:\bAIDS\b)", r"acquired\s+immun\w*\s+deficiency",
                r"acquired\s+immunodeficiency"],
    "exclude": [],
  },
  {
    "key": "depression", "group": "common",
    "queries": ["depression"],
    "concept": "depression (depressive disorders)",
    "scope": "Major depressive disorder, depressive episodes (including bipolar depression), dysthymia, "
             "postpartum, geriatric, treatment-resistant depression and depressive symptoms as the condition "
             "studied. Excludes respiratory/CNS depression, ST-segment depression, cortical spreading "
             "depression, bone marrow depression and 'manic-depressive illness' (bipolar disorder).",
    "include": [r"depressi", r"\bMDD\b", r"dysthymi"],
    "exclude": [r"respiratory\s+depress", r"(?:ST|ST-segment)\s+depress", r"spreading\s+depress",
                r"(?:marrow|myelo|immuno|cardiac|myocardial|cns|ventilatory|neuromuscular)[\s-]*depress",
                r"manic[\s-]+depress", r"depressed\s+(?:skull|fracture|ejection|left)", r"depressor",
                r"^\s*anti-?depress"],
  },
  {
    "key": "schizo", "group": "common",
    "queries": ["schizophrenia"],
    "concept": "schizophrenia",
    "scope": "Schizophrenia and schizophrenia-spectrum disorders (schizoaffective, schizophreniform). Excludes "
             "psychosis not named schizophrenia, and schizotypal personality disorder.",
    "include": [r"schizophreni", r"schizo-?affective"],
    "exclude": [],
  },
  {
    "key": "prostate", "group": "common",
    "queries": ["prostate cancer"],
    "concept": "prostate cancer",
    "scope": "Prostate cancer/adenocarcinoma of any stage (localised, biochemical recurrence, castration-"
             "resistant, metastatic), 'Prostatic Neoplasms', prevention/screening trials. Excludes benign "
             "prostatic hyperplasia, prostatitis and PIN alone.",
    "include": [rf"prostat\w*[\w\s,-]{{0,25}}?{CANCER}", rf"{CANCER}\s+of\s+(?:the\s+)?prostate",
                r"neoplasms?,\s*prostat", r"\bCRPC\b", r"\bmCRPC\b"],
    "exclude": [r"hyperplasia|\bBPH\b|prostatitis"],
  },
  {
    "key": "leukemia", "group": "common",
    "queries": ["leukemia"],
    "concept": "leukaemia, all types",
    "scope": "All leukaemias: AML, ALL, CML, CLL, hairy cell, adult T-cell leukaemia/lymphoma, leukaemia in "
             "remission, leukaemia patients undergoing transplant. Excludes myelodysplastic syndromes and "
             "myeloproliferative neoplasms not called leukaemia, 'leukemia inhibitory factor' and the "
             "'graft-versus-leukemia effect'.",
    "include": [r"leuka?emi", r"^\s*(?-i:(?:AML|ALL|CML|CLL|APL|ATLL?))\s*$", r"\b(?-i:(?:AML|CML|CLL|B-ALL|T-ALL))\b",
                r"chronic\s+myelo\w*\s+(?:leuk|disease)", r"\bleukemic\b"],
    "exclude": [r"leuka?emia\s+inhibitory", r"pre-?leuka?emi", r"leuka?emia[\s-]+virus", r"\bHTLV", r"graft[\s-]*(?:versus|vs\.?)[\s-]*leuka?emia(?![^.;]*patients)",
                r"\bGVL\b"],
  },
  {
    "key": "lymphoma", "group": "common",
    "queries": ["lymphoma"],
    "concept": "lymphoma, all types",
    "scope": "Hodgkin and non-Hodgkin lymphomas of any subtype (DLBCL, follicular, mantle cell, T-cell, "
             "cutaneous T-cell lymphoma incl. mycosis fungoides/Sézary syndrome, Burkitt, lymphoplasmacytic/"
             "Waldenström, CNS lymphoma, AIDS-related lymphoma, CLL/SLL when lymphoma named). Excludes "
             "lymphoproliferative disorders and lymphadenopathy not called lymphoma, lymphangioleiomyomatosis.",
    "include": [r"lymphoma", r"hodgkin", r"(?-i:\bN?HL\b)", r"mycosis\s+fungoides", r"s[ée]zary",
                r"waldenstr", r"\bDLBCL\b", r"burkitt"],
    "exclude": [r"\bHL[\s-]?\d"],
  },
  {
    "key": "obesity", "group": "common",
    "queries": ["obesity"],
    "concept": "obesity",
    "scope": "Obesity of any degree (including morbid/severe obesity, childhood obesity, 'overweight and "
             "obesity', obesity hypoventilation) and bariatric surgery for obesity. Excludes overweight alone, "
             "weight gain from drugs and body weight as an outcome.",
    "include": [r"obes", r"bariatric", r"\bBMI\s*(?:>|≥|over|above)\s*(?:30|3\d|4\d)"],
    "exclude": [r"non-?obese", r"^\s*non-?obese"],
  },
  {
    "key": "epilepsy", "group": "common",
    "queries": ["epilepsy"],
    "concept": "epilepsy",
    "scope": "Epilepsy and epileptic syndromes (focal/partial and generalised epilepsy, status epilepticus, "
             "infantile spasms, Lennox-Gastaut, Dravet), 'seizure disorder' and recurrent seizures. Excludes "
             "febrile seizures, provoked/acute symptomatic seizures and antiepileptic drugs used for other "
             "conditions (pain, bipolar).",
    "include": [r"epilep", r"seizure\s+disorder", r"infantile\s+spasm", r"lennox", r"dravet", r"(?:partial|focal|"
                r"complex\s+partial|generali[sz]ed\s+tonic|absence|refractory|intractable)[\s-]+(?:onset\s+)?seizures?",
                r"^\s*seizures?\s*$", r"^\s*convulsions?\s*$"],
    "exclude": [r"anti-?epilep\w*\s+(?:drug|agent|medication)s?\b(?![^.;]*epilep\w+\s+(?:patient|seizure))",
                r"febrile", r"non-?epilep", r"^\s*anti-?epilep\w*\s*$"],
  },
  {
    "key": "psoriasis", "group": "common",
    "queries": ["psoriasis"],
    "concept": "psoriasis",
    "scope": "Psoriasis of any form (plaque, pustular, guttate, nail, scalp) and psoriatic arthritis (a "
             "psoriatic disease: patients have or had psoriasis, and MeSH files it under psoriasis).",
    "include": [r"psoria"],
    "exclude": [],
  },
  {
    "key": "uc", "group": "common",
    "queries": ["ulcerative colitis"],
    "concept": "ulcerative colitis",
    "scope": "Ulcerative colitis of any extent, including ulcerative proctitis and pouchitis after colectomy "
             "for UC when UC is named; 'UC' only as the whole field. Excludes IBD records not naming UC, "
             "Crohn's colitis, microscopic/infectious colitis.",
    "include": [r"ulcerative\s+(?:colitis|proctitis|pancolitis|proctosigmoiditis)", r"colitis,\s*ulcerative",
                r"\b(?-i:UC)\b\s+(?:patients|flare)"],
    "weak": [r"^\s*(?-i:UC)\s*$"],
    "weak_veto": [r"umbilical|urothelial|cord"],
    "exclude": [],
  },
  {
    "key": "osteoporosis", "group": "common",
    "queries": ["osteoporosis"],
    "concept": "osteoporosis",
    "scope": "Osteoporosis of any cause (postmenopausal, male, glucocorticoid-induced), osteoporotic fractures. "
             "Excludes osteopenia/low bone mass alone and osteonecrosis.",
    "include": [r"osteoporo"],
    "exclude": [],
  },
  {
    "key": "autism", "group": "common",
    "queries": ["autism"],
    "concept": "autism spectrum disorder",
    "scope": "Autism, autism spectrum disorder, autistic disorder, Asperger syndrome and pervasive "
             "developmental disorder. 'ASD' counts only when clearly autism (it also abbreviates atrial "
             "septal defect).",
    "include": [r"autis", r"asperger", r"pervasive\s+developmental"],
    "exclude": [],
  },
  {
    "key": "cp", "group": "common",
    "queries": ["cerebral palsy"],
    "concept": "cerebral palsy",
    "scope": "Cerebral palsy of any type (spastic, dyskinetic), in children or adults. Excludes other "
             "palsies (Bell's palsy, progressive supranuclear palsy) and perinatal brain injury not called CP.",
    "include": [r"cerebral\s+pals", r"palsy,\s*cerebral"],
    "exclude": [],
  },
  {
    "key": "oi", "group": "common",
    "queries": ["osteogenesis imperfecta"],
    "concept": "osteogenesis imperfecta",
    "scope": "Osteogenesis imperfecta (brittle bone disease), any type, including in utero treatment.",
    "include": [r"osteogenesis\s+imperfecta", r"brittle\s+bone"],
    "exclude": [],
  },
  {
    "key": "bpd", "group": "common",
    "queries": ["bronchopulmonary dysplasia"],
    "concept": "bronchopulmonary dysplasia",
    "scope": "Bronchopulmonary dysplasia (chronic lung disease of prematurity), its prevention and treatment "
             "in preterm infants. 'BPD' counts only when it is about preterm lungs, not borderline "
             "personality disorder.",
    "include": [r"bronchopulmonary\s+dysplas", r"chronic\s+lung\s+disease\s+of\s+prematurity",
                r"dysplasia,\s*bronchopulmonary"],
    "weak": [r"^\s*(?-i:BPD)\s*$"],
    "weak_veto": [r"bipolar|borderline|personality"],
    "exclude": [r"borderline"],
  },
  {
    "key": "cli", "group": "common",
    "queries": ["critical limb ischemia"],
    "concept": "critical limb ischaemia",
    "scope": "Critical (leg/limb) ischaemia and chronic limb-threatening ischaemia, including ischaemic rest "
             "pain or ulcers/gangrene of peripheral arterial disease and critical ischaemia in "
             "thromboangiitis obliterans (Buerger) when critical/severe limb ischaemia is named. Excludes "
             "intermittent claudication, peripheral arterial disease without critical ischaemia, and acute "
             "limb ischaemia.",
    "include": [r"critical\s+(?:lower\s+)?(?:limb|leg)s?\s+isch", r"limb[\s-]+threatening", r"\bC?CLI\b",
                r"\bCLTI\b", r"critical\s+isch(?:a)?emi", r"severe\s+(?:lower\s+)?(?:limb|leg)\s+isch",
                r"(?:limb|leg)\s+isch(?:a)?emia,?\s*critical", r"ischa?emia,?\s+critical\s+limb"],
    "exclude": [],
  },
  {
    "key": "aa", "group": "common",
    "queries": ["aplastic anemia"],
    "concept": "aplastic anaemia",
    "scope": "Acquired aplastic anaemia of any severity (severe/very severe, 'SAA' as the whole field, "
             "'bone marrow aplasia'). Excludes Fanconi anaemia and other inherited marrow failure syndromes, "
             "pure red cell aplasia, chemotherapy-induced aplasia.",
    "include": [r"aplastic\s+ana?emi", r"ana?emia,?\s*aplastic", r"^\s*(?-i:V?SAA)\s*$", r"(?:bone\s+)?marrow\s+aplasia",
                r"\baplastic\b(?!\s+crisis)"],
    "exclude": [r"pure\s+red\s+cell", r"chemotherapy[\s-]induced"],
  },
  # ---- more common conditions with enough trials in this corpus -----------------------------------
  {
    "key": "ovarian", "group": "common",
    "queries": ["ovarian cancer"],
    "concept": "ovarian cancer",
    "scope": "Epithelial ovarian cancer and other ovarian malignancies (germ cell, sex-cord stromal), including "
             "'Ovarian Neoplasms', hereditary breast/ovarian cancer and ovarian cancer screening. Fallopian tube "
             "and primary peritoneal cancer count only when ovarian cancer is also named (they are treated alike but "
             "are different primaries). Excludes benign ovarian cysts, polycystic ovary syndrome, ovarian "
             "insufficiency and ovarian hyperstimulation.",
    "include": [rf"\bovar\w*[\w\s,/-]{{0,25}}?{CANCER}", rf"{CANCER}\s+of\s+(?:the\s+)?ovar",
                r"neoplasms?,\s*ovar", r"ovarian\s+(?:germ\s+cell|epithelial|serous|clear\s+cell|low\s+malignant)"],
    "exclude": [r"benign|polycystic|cyst\b|insufficiency|hyperstimulation", r"other\s+than\s+ovar"],
  },
  {
    "key": "colorectal", "group": "common",
    "queries": ["colorectal cancer"],
    "concept": "colorectal cancer",
    "scope": "Cancer of the colon or rectum of any stage (adenocarcinoma, 'Colorectal Neoplasms', 'colon cancer', "
             "'rectal cancer', liver metastases of colorectal cancer), screening and prevention trials whose "
             "subject is colorectal cancer, and hereditary forms (Lynch syndrome/HNPCC, familial adenomatous "
             "polyposis named as cancer predisposition). Excludes anal cancer, small-intestine cancer, benign "
             "adenomatous polyps alone, and colitis.",
    "include": [rf"\b(?:colo-?rectal|colon|rectal|rectum|colonic|rectosigmoid|sigmoid)[\w\s,/-]{{0,20}}?{CANCER}",
                rf"{CANCER}\s+of\s+(?:the\s+)?(?:colon|rectum|large\s+bowel)", r"neoplasms?,\s*(?:colo|rect)",
                r"\bCRC\b", r"\bHNPCC\b", r"lynch\s+syndrome", r"bowel\s+cancer"],
    "exclude": [r"\banal\b", r"small\s+(?:intestin|bowel)", r"other\s+than\s+colo"],
  },
  {
    "key": "melanoma", "group": "common",
    "queries": ["melanoma"],
    "concept": "melanoma",
    "scope": "Cutaneous, mucosal and uveal/ocular melanoma of any stage, 'Melanoma (Skin)', 'malignant melanoma', "
             "melanoma vaccines and prevention. Excludes benign naevi/atypical moles alone and other skin cancers.",
    "include": [r"melanoma"],
    "exclude": [r"non-?melanoma"],
  },
  {
    "key": "myeloma", "group": "common",
    "queries": ["multiple myeloma"],
    "concept": "multiple myeloma and plasma cell neoplasm",
    "scope": "Multiple myeloma (plasma cell myeloma), smouldering myeloma, plasma cell leukaemia and "
             "plasmacytoma, including 'Multiple Myeloma and Plasma Cell Neoplasm'. Excludes MGUS alone and AL "
             "amyloidosis alone (related plasma cell disorders, but not myeloma).",
    "include": [r"\bmyeloma", r"plasma[\s-]+cell\s+(?:neoplasm|leuka?emia|dyscrasia)", r"plasmacytoma",
                r"^\s*(?-i:MM)\s*$"],
    "exclude": [r"myeloma[\s-]+cell\s+line"],
  },
  {
    "key": "mds", "group": "common",
    "queries": ["myelodysplastic syndromes"],
    "concept": "myelodysplastic syndromes",
    "scope": "Myelodysplastic syndromes of any subtype (refractory anaemia with/without ringed sideroblasts or "
             "excess blasts, CMML as MDS/MPN overlap, 'preleukaemia', 'myelodysplasia'), including MDS patients "
             "undergoing transplant. Excludes AML alone and myeloproliferative neoplasms alone.",
    "include": [r"myelodysplas", r"\bMDS\b", r"refractory\s+ana?emia", r"pre-?leuka?emi",
                r"chronic\s+myelomonocytic"],
    "exclude": [r"\bMDS-?UPDRS\b", r"\bMDS\s+(?:task|criteria\s+for\s+parkinson)"],
  },
  {
    "key": "af", "group": "common",
    "queries": ["atrial fibrillation"],
    "concept": "atrial fibrillation",
    "scope": "Atrial fibrillation of any type (paroxysmal, persistent, permanent, postoperative), including "
             "stroke prevention in AF and 'atrial flutter and fibrillation'. 'AF' counts only as the whole field. "
             "Excludes atrial flutter alone and ventricular fibrillation.",
    "include": [r"atrial\s+fibrillation", r"fibrillation,\s*atrial", r"auricular\s+fibrillation",
                r"\b(?:paroxysmal|persistent|permanent)\s+(?-i:AF)\b"],
    "weak": [r"^\s*(?-i:AF)\s*$"],
    "weak_veto": [r"amniotic\s+fluid"],
    "exclude": [],
  },
  {
    "key": "cad", "group": "common",
    "queries": ["coronary artery disease"],
    "concept": "coronary artery disease",
    "scope": "Coronary artery (heart) disease: coronary atherosclerosis/arteriosclerosis, 'Coronary Disease', "
             "ischaemic heart disease, angina pectoris, coronary stenosis/restenosis after PCI, and myocardial "
             "infarction (an event of coronary disease: the narrow MI concept is contained). Excludes "
             "cardiovascular or heart disease in general, and coronary risk factors alone ('Hostility and coronary "
             "risk').",
    "include": [r"coronary\s+(?:artery|arteries|heart|vessel|atherosclero|arterioscler|stenosis|restenosis|occlusion"
                r"|disease|insufficiency|syndrome)", r"\bCA?HD\b", r"\bCAD\b", r"isch(?:a)?emic\s+heart",
                r"angina", r"(?:arteriosclerosis|atherosclerosis|disease|stenosis),\s*coronary", r"in-?stent\s+restenosis",
                r"myocardial\s+isch(?:a)?emia"],
    "exclude": [r"risk\s+factors?|coronary\s+risk|\bCHD\s+risk|risk\s+of\s+(?:\w+\s+)?(?:CHD|coronary)", r"non-?isch", r"coronary\s+(?:artery\s+)?bypass[\w\s-]*(?:surgery|graft)\s*$",
                r"coronary\s+(?:care|flow\s+reserve)\s*$", r"prinzmetal|vasospas"],
    "contains": ["mi"],
  },
  {
    "key": "cf", "group": "common",
    "queries": ["cystic fibrosis"],
    "concept": "cystic fibrosis",
    "scope": "Cystic fibrosis (mucoviscidosis) and its manifestations (CF lung disease, CF-related diabetes, "
             "CF liver disease). 'CF' only as the whole field. Excludes non-CF bronchiectasis and pulmonary "
             "fibrosis.",
    "include": [r"cystic\s+fibrosis(?!\s+transmembrane\s+conductance\s+regulator\s*$)", r"fibrosis,\s*cystic",
                r"mucoviscidosis"],
    "weak": [r"^\s*(?-i:CF)\s*$"],
    "weak_veto": [r"non-?cystic"],
    "exclude": [r"non-?cystic\s+fibrosis"],
  },
  {
    "key": "als", "group": "common",
    "queries": ["amyotrophic lateral sclerosis"],
    "concept": "amyotrophic lateral sclerosis",
    "scope": "ALS / Lou Gehrig's disease, including familial ALS; 'ALS' in capitals. 'Motor neuron disease' "
             "alone does not count (in US usage and MeSH it is the wider category that also holds SMA, PLS and "
             "Kennedy's disease). Excludes primary lateral sclerosis alone, spinal muscular atrophy, post-polio "
             "syndrome and multiple sclerosis.",
    "include": [r"amyotrophic\s+lateral", r"lateral\s+sclerosis,\s*amyotrophic", r"lou\s+gehrig", r"\b(?-i:ALS)\b"],
    "exclude": [r"post-?polio"],
  },
  {
    "key": "ssc", "group": "common",
    "queries": ["systemic sclerosis", "scleroderma"],
    "concept": "systemic sclerosis (scleroderma)",
    "scope": "Systemic sclerosis / systemic scleroderma (diffuse or limited cutaneous, CREST), its organ "
             "manifestations (SSc interstitial lung disease, digital ulcers and Raynaud's secondary to SSc). The lay "
             "word 'scleroderma' shares the set: it almost always means systemic sclerosis; localized scleroderma "
             "(morphea) alone is out. Excludes Raynaud's phenomenon not attributed to SSc and other 'sclerosis'.",
    "include": [r"systemic\s+sclerosis", r"sclerosis,\s*systemic", r"scleroderma", r"\b(?-i:SSc)\b", r"\bCREST\s+syndrome"],
    "exclude": [r"morphea|locali[sz]ed\s+scleroderma|scleroderma,\s*circumscribed"],
  },
]
