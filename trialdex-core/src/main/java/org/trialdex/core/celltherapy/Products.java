package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.celltherapy.Texts.Section;

/**
 * Named cell products: known names (remestemcel-L/Prochymal, darvadstrocel/Alofisel, CARTISTEM...)
 * anywhere in the record, marked names ({@code ExoFlo™}, {@code JointStem®}), and intervention names
 * or other names that are a product code or brand rather than a description ({@code ALLO-ASC-DFU},
 * {@code HCR040}, {@code Lomecel-B}).
 */
final class Products {

  /** International non-proprietary names and brands of cell products, lower case. */
  private static final Set<String> KNOWN = Set.of("remestemcel-l", "prochymal", "ryoncil", "temcell", "alofisel",
      "darvadstrocel", "cx601", "cartistem", "cupistem", "stempeucel", "jointstem", "cellgram", "hearticellgram",
      "hearticellgram-ami", "neuronata-r", "lenzumestrocel", "nurown", "multistem", "rexlemestrocel-l", "revascor",
      "exoflo", "stemirac", "obnitix", "msc-ffm", "lomecel-b", "pneumostem", "neurostem", "astrostem", "allorx",
      "queencell", "cellgram-ed", "cellgram-lc", "invossa", "holoclar", "elixcyte", "mpc-06-id", "descartes-30",
      "descartes-25", "ilixadencel", "cyp-001", "cyp-004", "orbcel", "pf-05285401",
      "sb623", "vandefitemcel", "ncs-01", "pla-cenpad", "plx-pad", "plx-r18", "cap-1002", "deramiocel", "lipogems",
      "ossron", "chondron", "ortho-ace", "novocart", "maci");

  private static final Pattern MARKED = Pattern.compile("\\b([A-Z][\\w-]{2,30})\\s?(?:®|™|\\(R\\)|\\(TM\\))");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][\\w-]*(?:\\(\\d+\\))?");
  /** Words of a description: a name made only of these names no product. */
  private static final Pattern GENERIC_WORD = Pattern.compile(
      "(?i)(?:[a-z]{0,5}-?mscs?|mscs?|cells?|stem|stromal|mesenchymal|human|derived|adipose|tissue|bone|marrow|umbilical|"
          + "cord|blood|placenta\\w*|autologous|allogen\\w*|injection|infusion|therapy|treatment|standard|care|placebo|saline|"
          + "control|group|arm|dose|low|high|medium|intravenous|intra-?articular|transplantation|product|biological|drug|"
          + "procedure|device|other|and|or|with|of|the|in|for|plus|vs|versus|a|an|to|on|by|solution|suspension|"
          + "[a-z]{1,5}scs?|bm|uc|wj|ad|iv|im|cohort|part|phase|\\w*ase|\\w+ing|\\w+ed|\\w+al|\\w+ic|\\w+ous|\\w+ion)");
  private static final Pattern CODE = Pattern.compile(
      "^(?=.*\\d)[A-Z][A-Za-z]*[-_]?[A-Z0-9][\\w-]*(?:\\(\\d+\\))?$|^[A-Z]{2,}[a-z]*-[A-Z][\\w-]*$|^[A-Z][a-z]+[A-Z][A-Za-z]+$"
          + "|^[A-Z]{4,}$");
  private static final Set<String> NOT_PRODUCTS = Set.of("MSC", "MSCS", "ADSC", "ADSCS", "BMSC", "BMSCS", "GVHD",
      "COVID", "ARDS", "HSCT", "SVF", "BMAC", "PRP", "NOGA", "WJMSC", "UCMSC", "HUCMSC", "ADMSC", "SHAM", "NONE", "CONTROL",
      "PLACEBO", "SALINE", "USA", "NACL", "ALS", "MS", "COPD", "IPF", "HLA", "GMP", "MNC", "BMMNC", "DPSC", "EPC", "ASC",
      "ASCS", "MDSC", "CAR-T", "NK", "HSC", "MPC", "MPCS", "ICU", "SLE", "IBD", "ACLF", "CD34", "CD133", "BM-MSC", "UC-MSC",
      "AD-MSC", "WJ-MSC", "HUC-MSC", "UC-MSCS", "BM-MSCS", "AD-MSCS", "COVID-19", "SARS-COV-2", "ECMO", "DMSO");

  private Products() {}

  /** True when a product of this list is a known cell product or a coded name of a biological intervention. */
  static boolean namesCellProduct(List<Fact<String>> products, List<Section> sections) {
    for (Fact<String> f : products) {
      if (KNOWN.contains(f.value().toLowerCase(Locale.ROOT))) {
        return true;
      }
      for (Evidence e : f.evidence()) {
        if (sections.stream().anyMatch(s -> s.field().equals(e.field()) && s.biological())) {
          return true;
        }
      }
    }
    return false;
  }

  static List<Fact<String>> read(List<Section> sections) {
    Map<String, Fact<String>> found = new LinkedHashMap<>();
    for (Section s : sections) {
      String text = s.text();
      Matcher w = WORD.matcher(text);
      while (w.find()) {
        String lower = w.group().toLowerCase(Locale.ROOT);
        if (KNOWN.contains(lower)) {
          add(found, w.group(), s, w.start(), w.end());
        }
      }
      Matcher m = MARKED.matcher(text);
      while (m.find()) {
        if (!NOT_PRODUCTS.contains(m.group(1).toUpperCase(Locale.ROOT))) {
          add(found, m.group(1), s, m.start(1), m.end(1));
        }
      }
      if (s.tier() == Texts.PRODUCT && s.name() && !s.field().endsWith(".label")) {
        Matcher words = WORD.matcher(text);
        while (words.find()) {
          String word = words.group();
          if (CODE.matcher(word).find() && !GENERIC_WORD.matcher(word).matches()
              && !NOT_PRODUCTS.contains(word.toUpperCase(Locale.ROOT)) && !word.matches(".*\\d+(?:mg|ml|kg|g)$")) {
            add(found, word, s, words.start(), words.end());
          }
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static void add(Map<String, Fact<String>> found, String name, Section s, int start, int end) {
    String key = name.toLowerCase(Locale.ROOT);
    Fact<String> had = found.get(key);
    Evidence e = new Evidence(s.field(), start, end, s.text().substring(start, end));
    if (had == null) {
      found.put(key, new Fact<>(name, List.of(e)));
    } else if (had.evidence().size() < 3) {
      List<Evidence> more = new ArrayList<>(had.evidence());
      more.add(e);
      found.put(key, new Fact<>(had.value(), more));
    }
  }
}
