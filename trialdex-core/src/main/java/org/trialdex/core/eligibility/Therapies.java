package org.trialdex.core.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classes of therapy that criteria ask about ("prior chemotherapy", "steroid-refractory", "previous
 * MSC infusion") and the names that belong to each, so that a patient's "carboplatin" counts as
 * chemotherapy and "methylprednisolone" as a corticosteroid. Specific drugs beyond these lists are
 * matched through the vocabulary's intervention concepts.
 */
public final class Therapies {

  /** A therapy class. */
  public enum Kind {
    CHEMOTHERAPY("chemotherapy",
        "chemo(?:therapy|therapies|therapeutic|radiation|radiotherapy)?|cytotoxic (?:therapy|agents?|drugs?)|antineoplastic (?:therapy|agents?)"
            + "|cisplatin|carboplatin|oxaliplatin|paclitaxel|docetaxel|nab-paclitaxel|gemcitabine|pemetrexed|etoposide"
            + "|doxorubicin|epirubicin|daunorubicin|idarubicin|cyclophosphamide|ifosfamide|vincristine|vinblastine|vinorelbine"
            + "|fluorouracil|5-fu|5-fluorouracil|capecitabine|irinotecan|topotecan|methotrexate|cytarabine|fludarabine"
            + "|bendamustine|busulfan|melphalan|temozolomide|dacarbazine|bleomycin|mitomycin|azacitidine|decitabine"
            + "|chlorambucil|carmustine|lomustine|mitoxantrone|thiotepa|folfox|folfiri|r-chop|chop|abvd|taxane|platinum"
            + "|cpt-11|taxol|taxotere|adriamycin|temodar|gemzar|xeloda|navelbine|alimta|cytoxan|velcade|revlimid"
            + "|anthracycline|alkylating agents?|hydroxyurea"),
    RADIOTHERAPY("radiotherapy",
        "radiotherapy|radiation(?: therapy| treatment)?|irradiation|xrt|brachytherapy|radiosurgery|stereotactic body radiation|sbrt|srs"
            + "|proton therapy|radiated|irradiated|chemoradiation|chemoradiotherapy|total body irradiation"),
    SURGERY("surgery",
        "surgery|surgical (?:resection|procedure|intervention)|resection|resected|operation|operated|excision|excised"
            + "|mastectomy|lumpectomy|lobectomy|pneumonectomy|colectomy|gastrectomy|hysterectomy|nephrectomy|prostatectomy"
            + "|craniotomy|laminectomy|thoracotomy|laparotomy|amputation|arthroplasty|bypass surgery|cabg|transplant surgery"),
    IMMUNOTHERAPY("immunotherapy",
        "immunotherapy|keytruda|opdivo|yervoy|tecentriq|imfinzi|immune checkpoint inhibitors?|checkpoint inhibitors?|anti-pd-1|anti-pd-l1|anti-ctla-4|pd-1 inhibitors?"
            + "|pd-l1 inhibitors?|pembrolizumab|nivolumab|atezolizumab|durvalumab|avelumab|ipilimumab|cemiplimab|interferon"
            + "|interleukin-2|il-2|bcg therapy|cancer vaccines?"),
    CORTICOSTEROID("corticosteroids",
        "corticosteroids?|steroids?|glucocorticoids?|glucocorticosteroids?|prednisone|prednisolone|methylprednisolone"
            + "|dexamethasone|hydrocortisone|budesonide|cortisone|solumedrol|solu-medrol|triamcinolone|betamethasone|fludrocortisone"),
    IMMUNOSUPPRESSANT("immunosuppressive therapy",
        "immunosuppressive (?:therapy|therapies|agents?|drugs?|medications?|treatment)|immunosuppressants?|immune suppressants?"
            + "|immunosuppression|tacrolimus|cyclosporine|ciclosporin|cyclosporin|sirolimus|everolimus|mycophenolate|mmf"
            + "|azathioprine|6-mercaptopurine|leflunomide|antithymocyte globulin|atg|calcineurin inhibitors?|ruxolitinib"),
    BIOLOGIC("biologic therapy",
        "biologics?|biological (?:therapy|therapies|agents?|drugs?)|anti-tnf(?: agents?| therapy)?|tnf inhibitors?|tnf-alpha inhibitors?"
            + "|tnf antagonists?|infliximab|adalimumab|etanercept|certolizumab|golimumab|vedolizumab|ustekinumab|tocilizumab"
            + "|rituximab|rituxan|remicade|humira|enbrel|abatacept|belimumab|anakinra|secukinumab|natalizumab|ocrelizumab|alemtuzumab|eculizumab|basiliximab"
            + "|monoclonal antibod(?:y|ies)"),
    TARGETED("targeted therapy",
        "targeted (?:therapy|therapies|agents?)|tyrosine kinase inhibitors?|tkis?|egfr inhibitors?|egfr-tki|alk inhibitors?"
            + "|imatinib|dasatinib|nilotinib|erlotinib|gefitinib|afatinib|osimertinib|crizotinib|alectinib|lapatinib|sorafenib"
            + "|sunitinib|pazopanib|trastuzumab|bevacizumab|cetuximab|panitumumab|ibrutinib|venetoclax|olaparib|palbociclib"
            + "|avastin|herceptin|gleevec|glivec|tarceva|iressa|erbitux|nexavar|sutent|tykerb|imbruvica|ibrance"
            + "|bortezomib|lenalidomide|thalidomide|vemurafenib|dabrafenib|trametinib|parp inhibitors?|vegf inhibitors?"),
    HORMONAL("hormonal therapy",
        "hormon(?:e|al) therapy|endocrine therapy|androgen deprivation(?: therapy)?|adt|tamoxifen|letrozole|anastrozole|exemestane"
            + "|fulvestrant|leuprolide|goserelin|bicalutamide|enzalutamide|abiraterone|aromatase inhibitors?"),
    HSCT("hematopoietic stem cell transplantation",
        "(?:allogeneic |autologous |allo-|auto-)?(?:hematopoietic |haematopoietic |peripheral blood )?(?:stem cell|progenitor cell) "
            + "(?:transplant(?:ation)?|transplants|rescue|infusion)|(?:allogeneic |autologous )?bone marrow transplant(?:ation)?"
            + "|allo-?hsct|auto-?hsct|hsct|allo-?hct|allo-?sct|auto-?sct|asct|sct|bmt|cord blood transplant(?:ation)?|allograft"
            + "|(?:allogeneic|autologous|allo|auto)[- ]?transplant(?:ation|s)?"),
    MSC("mesenchymal stromal cell therapy",
        "mesenchymal (?:stem|stromal|progenitor) cells?|mscs?|mesenchymal cells|stromal cells?|adipose[- ]derived (?:stem|stromal|regenerative) cells"
            + "|stem cell (?:therapy|therapies|treatments?|injections?)|cell therapy|cellular therapy|remestemcel(?:-l)?|prochymal"),
    CAR_T("CAR T-cell therapy", "car[- ]?t(?:[- ]cells?)?(?: therapy)?|chimeric antigen receptor"),
    INVESTIGATIONAL("an investigational treatment",
        "investigational (?:drugs?|agents?|products?|therap(?:y|ies)|treatments?|devices?|medicinal products?)|experimental (?:drugs?|agents?|therap(?:y|ies))"
            + "|(?:another|other|any other) (?:interventional )?(?:clinical )?(?:trial|study)|clinical trials? of an investigational"),
    ANTICOAGULANT("anticoagulation",
        "anticoagulants?|anticoagulation|anti-coagulation|warfarin|coumadin|heparin|enoxaparin|low molecular weight heparin|lmwh"
            + "|apixaban|rivaroxaban|dabigatran|edoxaban|doacs?|noacs?"),
    ANTIPLATELET("antiplatelet therapy", "antiplatelet (?:agents?|drugs?|therapy)|antiplatelets?|anti-platelets?|clopidogrel|plavix|ticagrelor|prasugrel|aspirin"),
    ANTIBIOTIC("antibiotics", "antibiotics?|antimicrobials?|antibacterials?|amoxicillin|vancomycin|ciprofloxacin|levofloxacin|doxycycline|azithromycin|ceftriaxone"),
    ANTIVIRAL("antiviral therapy", "antivirals?|antiviral (?:agents?|drugs?|therapy|treatment)|acyclovir|valacyclovir|ganciclovir|valganciclovir|foscarnet|oseltamivir"
        + "|tenofovir|entecavir|lamivudine|sofosbuvir|ribavirin|antiretrovirals?|antiretroviral therapy|haart"),
    OPIOID("opioids", "opioids?|opiates?|narcotics?|morphine|oxycodone|hydrocodone|hydromorphone|fentanyl|methadone|buprenorphine|tramadol|codeine"),
    NSAID("NSAIDs", "nsaids?|non-?steroidal anti-?inflammatory(?: drugs?| agents?)?|ibuprofen|naproxen|diclofenac|celecoxib|indomethacin|ketorolac|meloxicam"),
    ANTIDEPRESSANT("antidepressants", "antidepressants?|ssris?|snris?|selective serotonin reuptake inhibitors?|fluoxetine|sertraline|paroxetine|citalopram"
        + "|escitalopram|venlafaxine|duloxetine|bupropion|mirtazapine|amitriptyline|tricyclic antidepressants?"),
    ANTIEPILEPTIC("antiepileptic drugs", "anti-?epileptics?|anti-?epileptic drugs?|aeds?|anticonvulsants?|carbamazepine|valproic acid|valproate|phenytoin"
        + "|levetiracetam|lamotrigine|topiramate|phenobarbital|oxcarbazepine|lacosamide"),
    BETA_BLOCKER("beta-blockers", "beta[- ]?blockers?|beta[- ]blocking (?:drugs?|agents?)|β-?blockers?|metoprolol|atenolol|propranolol|carvedilol|bisoprolol|nebivolol"),
    STATIN("statins", "statins?|atorvastatin|simvastatin|rosuvastatin|pravastatin|lovastatin"),
    TRANSFUSION("transfusion", "(?:blood|platelet|red (?:blood )?cell|rbc|packed red cell) transfusions?|transfusions?|transfused"),
    INSULIN("insulin", "insulin"),
    /** A therapy named only generically ("prior treatment", "any therapy"). */
    ANY("any therapy", "(?:systemic |prior |previous |anti-?cancer |antitumou?r )?(?:therapy|therapies|treatments?|regimens?)"),
    /** A specific drug or procedure known from the vocabulary's intervention concepts. */
    NAMED("a named therapy", "(?!)");

    private final String label;
    private final Pattern pattern;

    Kind(String label, String regex) {
      this.label = label;
      this.pattern = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    }

    /** Words for explanations. */
    public String label() {
      return label;
    }

    /** Whether {@code name} is, or names, a therapy of this class. */
    public boolean names(String name) {
      return name != null && pattern.matcher(name).find();
    }

    Matcher matcher(CharSequence text) {
      return pattern.matcher(text);
    }
  }

  /**
   * A therapy class named in a text.
   *
   * @param kind the class
   * @param start where the name starts
   * @param end where it ends
   */
  public record Found(Kind kind, int start, int end) {}

  private Therapies() {}

  /** Every therapy class named in {@code text}, without overlaps, longest names first, in text order. */
  public static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      if (kind == Kind.NAMED) {
        continue;
      }
      Matcher m = kind.matcher(text);
      while (m.find()) {
        found.add(new Found(kind, m.start(), m.end()));
      }
    }
    found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end() - b.start(), a.end() - a.start()));
    List<Found> kept = new ArrayList<>();
    for (Found f : found) {
      Found last = kept.isEmpty() ? null : kept.getLast();
      if (last == null || f.start() >= last.end()) {
        kept.add(f);
      } else if (f.end() - f.start() > last.end() - last.start() && f.kind() != Kind.ANY) {
        kept.set(kept.size() - 1, f);
      }
    }
    return kept;
  }

  /** The classes a patient's therapy name belongs to (a drug can be in two). */
  public static List<Kind> classesOf(String name) {
    List<Kind> kinds = new ArrayList<>();
    String lower = name.toLowerCase(Locale.ROOT);
    for (Kind k : Kind.values()) {
      if (k != Kind.ANY && k != Kind.NAMED && k.names(lower)) {
        kinds.add(k);
      }
    }
    return kinds;
  }
}
