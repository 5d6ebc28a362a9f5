package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words records use for cell products, tissues, donors and routes. Each entry is a pattern and
 * the value it names; a few patterns are case-sensitive abbreviations ({@code MSC}, {@code IV}).
 * Rules about context (which mention belongs to the product) live in {@link CellTherapy}; this class
 * only says what words mean.
 */
final class Lexicon {

  /**
   * A pattern and what it names. A case-insensitive pattern is kept in lower case and matched
   * against the lower-case text ({@code lower}), which is several times faster than Java's
   * case-insensitive matching.
   */
  record Entry<T>(Pattern pattern, T value, boolean lower, List<String> triggers) {

    /** A matcher over the section's text, or its lower-case copy, as this entry needs. */
    java.util.regex.Matcher matcher(Texts.Section s) {
      return pattern.matcher(lower ? s.lower() : s.text());
    }

    /** The matches in {@code [from, to)} of the section's text, as {@link Lexicon#matches} gives them. */
    List<int[]> matches(Texts.Section s, WordStarts words, int from, int to) {
      return Lexicon.matches(pattern, triggers, lower ? s.lower() : s.text(), words, from, to);
    }

    /**
     * False when no word of the record starts as any alternative of this pattern must start, so
     * the pattern cannot match anywhere; true when it may (or when the pattern has an alternative
     * that does not start with letters).
     */
    boolean mayMatch(Set<String> wordStarts) {
      if (triggers == null) {
        return true;
      }
      for (String t : triggers) {
        if (wordStarts.contains(t)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Longest prefix of a word used as a trigger. */
  static final int TRIGGER = 3;

  /** The lower-case starts (1 to {@value #TRIGGER} letters) of every word of the texts. */
  static Set<String> wordStarts(List<WordStarts> texts) {
    Set<String> out = new java.util.HashSet<>();
    for (WordStarts w : texts) {
      out.addAll(w.positions.keySet());
    }
    return out;
  }

  /**
   * Where the words of one lower-case text start, by their first 1 to {@value #TRIGGER} letters.
   * A position counts as a word start when the character before it is not an ASCII letter or digit,
   * so every place where a pattern's {@code \\b} can hold before a letter is one (Java's
   * {@code \\b} is ASCII since JDK 19, {@link Character#isLetterOrDigit} is not: both are covered).
   */
  static final class WordStarts {
    private static final int[] NONE = {};
    private final Map<String, int[]> positions;

    private WordStarts(Map<String, int[]> positions) {
      this.positions = positions;
    }

    static WordStarts of(String lower) {
      Map<String, List<Integer>> at = new HashMap<>();
      int n = lower.length();
      for (int i = 0; i < n; i++) {
        if (Character.isLetterOrDigit(lower.charAt(i)) && (i == 0 || !asciiLetterOrDigit(lower.charAt(i - 1)))) {
          int j = i;
          while (j < n && j - i < TRIGGER && Character.isLetterOrDigit(lower.charAt(j))) {
            j++;
          }
          for (int k = i + 1; k <= j; k++) {
            at.computeIfAbsent(lower.substring(i, k), x -> new ArrayList<>()).add(i);
          }
        }
      }
      Map<String, int[]> positions = new HashMap<>(at.size() * 2);
      at.forEach((k, v) -> positions.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      return new WordStarts(positions);
    }

    private static boolean asciiLetterOrDigit(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The starts in {@code [from, to)} of words that begin with any of {@code triggers}, ascending, once each. */
    int[] candidates(List<String> triggers, int from, int to) {
      int[] merged = NONE;
      int size = 0;
      for (String t : triggers) {
        int[] p = positions.getOrDefault(t, NONE);
        int lo = lowerBound(p, from);
        int hi = lowerBound(p, to);
        if (hi > lo) {
          if (merged.length < size + hi - lo) {
            merged = Arrays.copyOf(merged, Math.max(size + hi - lo, merged.length * 2));
          }
          System.arraycopy(p, lo, merged, size, hi - lo);
          size += hi - lo;
        }
      }
      if (size == 0) {
        return NONE;
      }
      Arrays.sort(merged, 0, size);
      int distinct = 1;
      for (int i = 1; i < size; i++) {
        if (merged[i] != merged[distinct - 1]) {
          merged[distinct++] = merged[i];
        }
      }
      return Arrays.copyOf(merged, distinct);
    }

    private static int lowerBound(int[] a, int key) {
      int lo = 0;
      int hi = a.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /**
   * The matches {@link Matcher#find} would give in {@code [from, to)} of {@code text}, as
   * {@code {start, end}} pairs, empty matches left out. When the pattern's {@code triggers} are
   * known, matching is tried only where a word starts with one of them (from {@code words}, built
   * on the same text in lower case) instead of at every character: the same matches, provided
   * {@code \\b} and look-behinds at {@code from} see only spaces before it (sentences start after
   * spaces or at the text's start) and look-aheads at {@code to} see no letter after it.
   */
  static List<int[]> matches(Pattern pattern, List<String> triggers, String text, WordStarts words, int from,
      int to) {
    List<int[]> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    if (triggers == null) {
      m.region(from, to);
      while (m.find()) {
        if (m.end() > m.start()) {
          out.add(new int[] {m.start(), m.end()});
        }
      }
      return out;
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int after = from;
    for (int p : words.candidates(triggers, from, to)) {
      if (p < after) {
        continue;
      }
      m.region(p, to);
      if (m.lookingAt() && m.end() > m.start()) {
        out.add(new int[] {m.start(), m.end()});
        after = m.end();
      }
    }
    return out;
  }

  /**
   * The starts a match of {@code regex} may have: for each top-level alternative, its leading
   * letters after a word boundary, up to {@value #TRIGGER}; null when an alternative starts any other way.
   */
  static List<String> triggers(String regex) {
    List<String> out = new java.util.ArrayList<>();
    for (String alternative : alternatives(regex)) {
      String a = alternative;
      if (a.startsWith("(?<!")) {
        a = a.substring(a.indexOf(')') + 1);
      }
      if (!a.startsWith("\\b")) {
        return null;
      }
      List<String> t = starts(a.substring(2));
      if (t == null) {
        return null;
      }
      out.addAll(t);
    }
    return out;
  }

  /** The letters a match of {@code a} (after a word boundary) starts with, or null when not fixed. */
  private static List<String> starts(String a) {
    if (a.startsWith("(?:")) {
      int close = closing(a, 0);
      if (close < 0) {
        return null;
      }
      String inner = a.substring(3, close);
      String after = a.substring(close + 1);
      boolean optional = after.startsWith("?") || after.startsWith("*");
      String rest = optional ? after.substring(1) : after;
      List<String> out = new java.util.ArrayList<>();
      for (String x : alternatives(inner)) {
        List<String> t = starts(x + rest);
        if (t == null) {
          return null;
        }
        out.addAll(t);
      }
      if (optional) {
        List<String> t = starts(rest);
        if (t == null) {
          return null;
        }
        out.addAll(t);
      }
      return out;
    }
    int k = 0;
    while (k < a.length() && k < TRIGGER && Character.isLetterOrDigit(a.charAt(k))) {
      k++;
    }
    // a letter followed by ?, * or { is optional: the prefix stops before it
    if (k < a.length() && (a.charAt(k) == '?' || a.charAt(k) == '*' || a.charAt(k) == '{')) {
      k--;
    }
    return k <= 0 ? null : List.of(Texts.lower(a.substring(0, k)));
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String a, int open) {
    return scan(a, open, (i, depth) -> a.charAt(i) == ')' && depth == 0);
  }

  /** The top-level alternatives of a pattern. */
  static List<String> alternatives(String regex) {
    List<String> alternatives = new java.util.ArrayList<>();
    int[] from = {0};
    scan(regex, 0, (i, depth) -> {
      if (regex.charAt(i) == '|' && depth == 0) {
        alternatives.add(regex.substring(from[0], i));
        from[0] = i + 1;
      }
      return false;
    });
    alternatives.add(regex.substring(from[0]));
    return alternatives;
  }

  /** Where {@link #scan} stops: at a character outside escapes and classes, at its group depth. */
  private interface Stop {
    boolean at(int index, int depth);
  }

  /**
   * Walks {@code regex} from {@code start}, skipping escapes and character classes, tracking the
   * depth of parentheses (after an opening one, before a closing one), until {@code stop} says so.
   *
   * @return the index where it stopped, or -1
   */
  private static int scan(String regex, int start, Stop stop) {
    int depth = 0;
    boolean inClass = false;
    for (int i = start; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (stop.at(i, depth)) {
        return i;
      }
    }
    return -1;
  }

  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private Lexicon() {}

  private static <T> Entry<T> ci(String regex, T value) {
    // lower-case escapes only (\\s \\w \\d \\b), so lower-casing the pattern keeps its meaning
    if (regex.matches("(?s).*\\\\[SWDBPQEGZ].*")) {
      throw new IllegalArgumentException("an upper-case escape cannot be lower-cased: " + regex);
    }
    String lower = Texts.lower(regex);
    return new Entry<>(Pattern.compile(factorBoundary(lower)), value, true, triggers(lower));
  }

  /**
   * {@code \\ba|\\bb|\\bc} as {@code \\b(?:a|b|c)}: the same language, but the word boundary is
   * tested once per position instead of once per alternative, which is most of the matching time of
   * a long alternation.
   */
  static String factorBoundary(String regex) {
    List<String> alternatives = alternatives(regex);
    if (alternatives.size() < 2 || !alternatives.stream().allMatch(a -> a.startsWith("\\b"))) {
      return regex;
    }
    return "\\b(?:" + String.join("|", alternatives.stream().map(a -> a.substring(2)).toList()) + ")";
  }


  private static <T> Entry<T> cs(String regex, T value) {
    return new Entry<>(Pattern.compile(regex), value, false, triggers(regex));
  }

  // ---- cell products ------------------------------------------------------------------------

  static final List<Entry<CellType>> CELLS = List.of(
      // exosomes first: "MSC-derived exosomes" is an exosome product
      ci("\\b(?:exosom\\w*|extracellular[\\s-]+vesicles?|micro-?vesicles?"
          + "|secretome|conditioned\\s+medi(?:um|a)|exosome[\\s-]derived|mitochondria(?:l\\s+transplant\\w*)?)",
          CellType.EXOSOMES_SECRETOME),
      cs("\\bMSCs?-(?:EVs?|Exos?|exos?)\\b|\\b(?:EVs?|Exos?|exos?|sEVs?)\\b(?![.-]\\w)", CellType.EXOSOMES_SECRETOME),
      // unexpanded mixtures before MSC: "adipose-derived regenerative cells" is not an MSC product
      ci("\\bbone[\\s-]+marrow(?:[\\s-]+aspirate)?[\\s-]+concentrat\\w*|\\bBM?ACs?\\b|\\bBMCs?\\b|\\b(?:bone[\\s-]+marrow[\\s-]+)?"
          + "(?:derived[\\s-]+)?mono-?nuclear[\\s-]+(?:stem[\\s-]+)?cells?|\\bMNCs?\\b|\\bBM-MNCs?\\b|\\bM-MNCs?\\b|\\bBMMNCs?\\b"
          + "|\\bstromal[\\s-]+vascular[\\s-]+fraction|\\bSVF\\b|\\bmicro-?fragmented[\\s-]+(?:adipose|fat)\\w*"
          + "|\\blipogems\\b|\\badipose[\\s-]+(?:tissue[\\s-]+)?derived[\\s-]+regenerative[\\s-]+cells?|\\bADRCs?\\b"
          + "|\\bnano-?fat|\\bmuscle[\\s-]+(?:derived[\\s-]+)?(?:stem[\\s-]+|progenitor[\\s-]+)?cells?|\\bmyoblasts?"
          + "|\\bchondrocytes?|\\bkeratinocytes?|\\bfibroblasts?|\\bendothelial[\\s-]+(?:progenitor|colony[\\s-]+forming)"
          + "[\\s-]+cells?|\\bCD133\\+?[\\s-]+cells?|\\blimbal[\\s-]+(?:epithelial[\\s-]+)?(?:stem[\\s-]+)?cells?"
          + "|\\bneural[\\s-]+(?:stem|progenitor|precursor)[\\s-]+cells?|\\bcardiosphere\\w*|\\bislets?(?:[\\s-]+cells?)?"
          + "|\\bmacrophages?|\\b(?:donor[\\s-]+)?lymphocyte[\\s-]+infusions?|\\bolfactory[\\s-]+ensheathing[\\s-]+cells?"
          + "|\\bschwann[\\s-]+cells?|\\bhepatocytes?|\\bmelanocytes?|\\bcytokine[\\s-]+induced[\\s-]+killer"
          + "|\\bamniotic[\\s-]+epithelial[\\s-]+cells?|\\bmultipotent[\\s-]+adult[\\s-]+progenitor[\\s-]+cells?"
          + "|\\bvirus[\\s-]+specific[\\s-]+T[\\s-]+cells?|\\bosteoblasts?\\b", CellType.OTHER_CELLS),
      ci("\\bmesenchymal(?:[\\s-]+|/)(?:stem|stromal|progenitor|precursor|cells?|regenerative|signaling)\\w*"
          + "(?:[\\s/-]+(?:stem|stromal|progenitor|precursor|cells?))*", CellType.MSC),
      cs("\\b(?:[A-Za-z]{1,6}[-_]?)?MSCs?\\b|\\bMSC(?=-)|\\bMPCs?\\b", CellType.MSC),
      ci("\\b(?:adipose|fat)[\\s-]+(?:tissue[\\s-]+)?(?:derived[\\s-]+|origin[\\s-]+)?(?:mesenchymal[\\s-]+)?"
          + "(?:stem|stromal|progenitor)[\\s-]+(?:stem[\\s-]+|stromal[\\s-]+)?cells?", CellType.MSC),
      cs("(?<!\\w-)\\b(?:h|HU|hu)?(?:ADSCs?|ADSCS|ASCs?|AD-SCs?|AT-?SCs?|ADPCs?|ASDCs?)\\b|\\bhASCs?\\b", CellType.MSC),
      ci("\\b(?:bone[\\s-]+)?marrow[\\s-]+(?:derived[\\s-]+)?stromal[\\s-]+(?:stem[\\s-]+)?cells?|\\bBMSCs?\\b"
          + "|\\bstromal[\\s-]+(?:stem[\\s-]+)?cells?(?<!vascular\\s{1,3}cells?)", CellType.MSC),
      ci("\\bwharton'?s?[\\s-]+jelly[\\s-]+(?:derived[\\s-]+)?(?:mesenchymal[\\s-]+)?(?:stem|stromal)?[\\s-]*cells?",
          CellType.MSC),
      ci("\\bumbilical[\\s-]+cord[\\s-]+(?:tissue[\\s-]+|lining[\\s-]+|matrix[\\s-]+)?(?:derived[\\s-]+)?"
          + "(?:stem|stromal|lining)[\\s-]+(?:stem[\\s-]+)?cells?", CellType.MSC),
      ci("\\bdental[\\s-]+pulp[\\s-]+(?:derived[\\s-]+)?(?:stem|stromal)[\\s-]+cells?|\\bDPSCs?\\b|\\bSHED\\b"
          + "|\\bmenstrual[\\s-]+blood[\\s-]+(?:derived[\\s-]+)?(?:stem|stromal)[\\s-]+cells?|\\bMenSCs?\\b"
          + "|\\bendometrial[\\s-]+regenerative[\\s-]+cells?|\\bdecidual[\\s-]+stromal[\\s-]+cells?"
          + "|\\bplacenta\\w*[\\s-]+(?:derived[\\s-]+)?(?:stem|stromal|mesenchymal)[\\s-]+cells?"
          + "|\\bamnio\\w*[\\s-]+(?:membrane[\\s-]+|fluid[\\s-]+)?(?:derived[\\s-]+)?(?:stem|stromal|mesenchymal)"
          + "[\\s-]+cells?|\\bmultipotent[\\s-]+(?:stromal|mesenchymal)[\\s-]+cells?", CellType.MSC),
      ci("\\bha?ematopoietic[\\s-]+(?:stem|progenitor)(?:[\\s-]+and[\\s-]+progenitor)?[\\s-]+cells?"
          + "|\\bCD34\\+?[\\s-]+(?:selected[\\s-]+|enriched[\\s-]+|positive[\\s-]+)?(?:stem[\\s-]+)?cells?"
          + "|\\b(?:umbilical[\\s-]+)?cord[\\s-]+blood(?![\\s-]*(?:derived|\\w*rived|mesenchymal|MSC|stromal|-))"
          + "(?:[\\s-]+(?:units?|grafts?|transplant\\w*|stem[\\s-]+cells?|cells?))?"
          + "|\\bperipheral[\\s-]+blood[\\s-]+stem[\\s-]+cells?|\\bPBSCs?\\b|\\bHSPCs?\\b|\\bHSCs?\\b(?!T)"
          + "|\\bHSCT\\b|\\ballo-?HCT\\b|\\bha?ematopoietic[\\s-]+(?:stem[\\s-]+)?cell[\\s-]+transplant\\w*"
          + "|\\bbone[\\s-]+marrow[\\s-]+transplant\\w*|\\bBMT\\b", CellType.HSC),
      ci("\\bCAR[\\s-]?T\\b|\\bCAR[\\s-]+(?:engineered|modified)|\\bchimeric[\\s-]+antigen[\\s-]+receptor", CellType.CAR_T),
      ci("\\bnatural[\\s-]+killer[\\s-]+cells?|\\bNK[\\s-]*(?:92[\\s-]+)?cells?\\b", CellType.NK),
      ci("\\bregulatory[\\s-]+T[\\s-]+(?:cells?|lymphocytes)|\\bT[\\s-]?regs?\\b|\\bT[\\s-]+regulatory[\\s-]+cells?",
          CellType.TREG),
      ci("\\bdendritic[\\s-]+cells?|\\btolerogenic[\\s-]+DCs?\\b|\\bDC[\\s-]+vaccine", CellType.DENDRITIC));

  /** Cell words that name no type: "stem cells", "cell therapy". Used to tie facts to the product. */
  static final Entry<Boolean> GENERIC = ci(
      "\\b(?:stem|progenitor|precursor|stromal|regenerative)[\\s-]+cells?\\b|\\bcell(?:ular)?[\\s-]+(?:therapy|product|"
          + "transplant\\w*|suspension|injection|infusion|implant\\w*)|\\bcells\\b|\\bSCs?\\b", Boolean.TRUE);

  /** After an MSC word, "-derived exosomes": the product is the exosomes, not the cells. */
  static final Pattern DERIVED_PRODUCT = Pattern.compile(
      "^[\\s-]*(?:derived|secreted|released|produced|origin)[\\s-]+(?:[\\w-]+[\\s-]+){0,2}?(?:exosom|extracellular"
          + "|micro-?vesicle|vesicle|secretome|conditioned|EVs?\\b|exos?\\b)",
      CI);

  /** Before an MSC word, "exosomes derived from", "exosome of": the product is the exosomes. */
  static final Pattern DERIVED_FROM = Pattern.compile(
      "(?:exosom\\w*|vesicles?|EVs?|secretome|conditioned\\s+medi(?:um|a)|lysates?)\\s+(?:\\([^)]{0,20}\\)\\s+)?"
          + "(?:(?:derived|secreted|released|produced|isolated|obtained|purified)\\s+)?(?:of|from|by)\\s+"
          + "(?:[\\w-]+\\s+){0,5}$",
      CI);

  // ---- tissue sources -----------------------------------------------------------------------

  static final List<Entry<TissueSource>> SOURCES = List.of(
      ci("\\bcord[\\s-]+blood|\\bUCB\\b|\\bCB[\\s-]?MSCs?", TissueSource.CORD_BLOOD),
      ci("\\bbone[\\s-]*marrow(?![\\s-]+(?:transplant\\w*|failure|o?edema|lesions?|suppression|aplasia|disease|"
          + "involvement|function|recovery|examination|infiltration|fibrosis|stimulation|disorders?|cancer|"
          + "metastas\\w*|toxicity|reserve|niche|microenvironment))|\\bmarrow[\\s-]+derived",
          TissueSource.BONE_MARROW),
      cs("\\b(?:h|H)?BM[\\s-]?(?:h?MSCs?|MNCs?|SCs?|\\w*rived|AC)\\b|\\bBMSCs?\\b|\\bBM\\b(?=[\\s-]+(?:derived|MSC|aspirat))",
          TissueSource.BONE_MARROW),
      ci("\\bumbilical[\\s-]*cords?(?![\\s-]*blood)|\\bwharton'?s?[\\s-]*jelly|\\bcord[\\s-]+(?:tissue|lining)",
          TissueSource.UMBILICAL_CORD),
      cs("\\b(?:h|H)?(?:UC|WJ)[\\s-]?(?:h?MSCs?|MSCS|SCs?|derived)\\b|\\bhUC-?MSCs?\\b|\\bUC-?MSCs?\\b|\\bhUC\\b", TissueSource.UMBILICAL_CORD),
      ci("\\badipos\\w*|\\blipoaspirat\\w*|\\bliposuction|\\b(?:buccal|abdominal|subcutaneous|autologous)[\\s-]+fat"
          + "|\\bfat[\\s-]+(?:tissue|derived|graft\\w*)|\\bstromal[\\s-]+vascular|\\blipogems|\\bnano-?fat",
          TissueSource.ADIPOSE),
      cs("(?<!\\w-)\\b(?:h|H)?(?:ADSCs?|ADSCS|ASCs?|AD-SCs?|AT-?SCs?|AD-?MSCs?|AT-?MSCs?|AdMSCs?|ADMSCs?|ADPCs?|ADRCs?|SVF)\\b",
          TissueSource.ADIPOSE),
      ci("\\bplacent\\w*|\\bdecidua\\w*|\\bchorion\\w*", TissueSource.PLACENTA),
      ci("\\bamnio\\w*", TissueSource.AMNION),
      ci("\\bdental[\\s-]+pulp|\\bdeciduous[\\s-]+teeth|\\bexfoliated[\\s-]+deciduous", TissueSource.DENTAL_PULP),
      cs("\\bDPSCs?\\b|\\bSHED\\b", TissueSource.DENTAL_PULP),
      ci("\\bmenstrua\\w*|\\bendometrial[\\s-]+regenerative", TissueSource.MENSTRUAL_BLOOD),
      ci("\\b(?:fetal|foetal|fetus)(?![\\s-]+(?:bovine|calf)[\\s-]+serum)", TissueSource.FETAL),
      ci("\\binduced[\\s-]+pluripotent|\\biPSCs?\\b|\\biPS[\\s-]+cells?|\\biPSC[\\s-]+derived", TissueSource.IPSC),
      ci("\\bembryonic[\\s-]+stem|\\bhESCs?\\b|\\bESCs?\\b|\\bESC[\\s-]derived", TissueSource.ESC),
      ci("\\bolfactory[\\s-]+mucosa|\\bskeletal[\\s-]+muscle|\\bmuscle[\\s-]+(?:derived|biopsy)|\\bsynovi(?:al|um)"
          + "(?![\\s-]+fluid)|\\bperiodontal[\\s-]+ligament|\\bperipheral[\\s-]+blood[\\s-]+(?:derived[\\s-]+)?"
          + "(?:mesenchymal|MSC)|\\bskin[\\s-]+derived|\\bnasal[\\s-]+(?:turbinate|mucosa)", TissueSource.OTHER));

  // ---- donors ---------------------------------------------------------------------------------

  static final List<Entry<Donor>> DONORS = List.of(
      ci("\\bauto-?log\\w*|\\bautogen(?:ous|eic)\\b(?![\\s-]+(?:bone|cancellous|cortical|iliac|graft))"
          + "|\\b(?:harvested|obtained|isolated|collected|taken|derived|aspirated)\\s+from\\s+(?:the\\s+|each\\s+)?"
          + "(?:same\\s+)?(?:patients?|participants?|subjects?)\\b(?![\\s-]+(?:with|who|in|at|of|enrolled))"
          + "|\\b(?:harvested|obtained|isolated|collected|aspirated)\\s+from\\s+(?:[\\w-]+\\s+){1,4}?of\\s+(?:the\\s+|each\\s+)?"
          + "(?:same\\s+)?(?:patients?|participants?|subjects?)\\b(?![\\s-]+(?:with|who|in|at|enrolled))|\\bauto[\\s-](?=MSC|BM|ADSC|ASC|cells)|\\bpatients?'?s?'?[\\s-]+own[\\s-]+(?=bone|fat|adipose|cells|stem|blood|tissue|marrow|mesenchymal|MSC|skin|muscle)|\\b(?:their|his|her)[\\s-]+own"
          + "[\\s-]+(?:bone|fat|adipose|cells|stem|blood|tissue|marrow)|\\bself[\\s-](?:derived|donated)",
          Donor.AUTOLOGOUS),
      ci("\\ballo-?gene\\w*|\\ballo-?genic\\w*|\\ballogeneous|\\ballogenous|\\ballo[\\s-](?=MSC|cells|BM)"
          + "|\\b(?:healthy|unrelated|related|volunteer|adult|young|screened|living|third[\\s-]party|matched|"
          + "family|sibling|haplo-?identical|HLA[\\s-]+\\w+)[\\s-]+(?:human[\\s-]+)?donors?|\\bdonor[\\s-]+derived"
          + "|\\bfrom[\\s-]+(?:a[\\s-]+|the[\\s-]+|one[\\s-]+|single[\\s-]+|multiple[\\s-]+)?(?:healthy[\\s-]+)?donors?\\b"
          + "|\\bthird[\\s-]*party|\\bdonor(?=[\\s-]+(?:[\\w-]+[\\s-]+){0,3}(?:MSCs?|mesenchymal|cells|stem|stromal))",
          Donor.ALLOGENEIC),
      ci("\\bthird[\\s-]*party", Donor.THIRD_PARTY),
      ci("\\brelated[\\s-]+donors?|\\bfamily[\\s-]+(?:member[\\s-]+)?donors?|\\bsibling|\\bparental[\\s-]+donors?",
          Donor.RELATED),
      ci("\\bunrelated[\\s-]+donors?", Donor.UNRELATED),
      ci("\\bHLA[\\s-]*(?:-|\\s)(?:matched|identical)|\\bmatched[\\s-]+(?:related|unrelated|sibling)", Donor.HLA_MATCHED),
      ci("\\bhaplo-?identical|\\bhaplo\\b", Donor.HAPLOIDENTICAL));

  /** What a donor word may qualify instead of the cell product: a transplant, plasma, a fat graft. */
  static final Pattern NOT_PRODUCT = Pattern.compile(
      "\\bha?ematopoietic|\\bHSCT\\b|\\b(?:allo-?)?HCT\\b|\\bSCT\\b|\\bBMT\\b|\\bPBSCT?\\b|\\btransplant(?:ation|s|ed)?\\s+"
          + "(?:recipients?|patients?)|\\bbone[\\s-]+marrow[\\s-]+transplant|\\bstem[\\s-]+cell[\\s-]+transplant"
          + "|\\bplatelet|\\bplasma\\b|\\bPRP\\b|\\bserum\\b|\\bfat[\\s-]+graft|\\bblood\\s+transfusion|\\bsurgery"
          + "|\\bgraft[\\s-]+versus|\\bGVHD|\\bconditioning|\\bchondrocyte|\\bfibrin|\\bbone[\\s-]+graft|\\bkidney|\\bliver"
          + "|\\borgan|\\bislet",
      CI);

  // ---- routes -------------------------------------------------------------------------------

  static final List<Entry<Route>> ROUTES = List.of(
      ci("\\bintra[\\s-]?venous\\w*|\\bvenous[\\s-]+(?:infusion|injection|catheter|line|access)|\\bperipheral[\\s-]+"
          + "(?:vein|venous|line)|\\bcentral[\\s-]+(?:venous|line)|\\bvia[\\s-]+(?:a[\\s-]+)?vein|\\binto[\\s-]+(?:a|the)"
          + "[\\s-]+vein|\\bsystemic(?:ally)?[\\s-]+(?:infus|administ|inject|deliver|transplant)\\w*", Route.INTRAVENOUS),
      cs("\\bI\\.\\s?V\\.|\\bi\\.\\s?v\\.|\\bIV\\b(?![\\s-]*(?:\\)|grade|stage|disease|class|NYHA|and\\s+V))", Route.INTRAVENOUS),
      ci("\\bintra[\\s-]?arterial\\w*|\\bintra[\\s-]?coronar\\w*|\\binto[\\s-]+the[\\s-]+(?:[\\w-]+[\\s-]+){0,2}arter(?:y|ies)"
          + "|\\b(?:hepatic|renal|femoral|carotid|coronary|pulmonary|vertebral|splenic)[\\s-]+arter(?:y|ies|ial)"
          + "[\\s-]+(?:infusion|injection|delivery|administration)|\\barterial[\\s-]+(?:infusion|injection)",
          Route.INTRA_ARTERIAL),
      ci("\\bintra[\\s-]?thecal\\w*|\\blumbar[\\s-]+puncture|\\bsub[\\s-]?arachnoid|\\bintra[\\s-]?spinal\\w*", Route.INTRATHECAL),
      ci("\\bintra[\\s-]?muscular\\w*|\\binto[\\s-]+the[\\s-]+(?:[\\w-]+[\\s-]+){0,2}muscles?", Route.INTRAMUSCULAR),
      ci("\\bintra[\\s-]?articular\\w*|\\binto[\\s-]+the[\\s-]+(?:[\\w-]+[\\s-]+){0,2}(?:knee|joint|hip|shoulder|ankle)s?"
          + "(?:[\\s-]+joints?)?|\\bintra[\\s-]?synovial|\\bknee[\\s-]+(?:joint[\\s-]+)?injection", Route.INTRA_ARTICULAR),
      ci("\\bintra[\\s-]?discal\\w*|\\binto[\\s-]+the[\\s-]+(?:[\\w-]+[\\s-]+){0,2}(?:discs?|nucleus[\\s-]+pulposus)",
          Route.INTRADISCAL),
      ci("\\btrans[\\s-]?endocardial\\w*|\\bNOGA\\b|\\bcatheter[\\s-]+based[\\s-]+intra[\\s-]?myocardial"
          + "|\\bHelix[\\s-]+catheter|\\b(?:endomyocardial|intramyocardial)[\\s-]+(?:injections?\\s+)?(?:via|by|through|using)"
          + "[\\s-]+(?:a[\\s-]+)?catheter", Route.TRANSENDOCARDIAL),
      ci("\\bsub[\\s-]?conjunctival\\w*", Route.SUBCONJUNCTIVAL),
      ci("\\btopical\\w*|\\bcell[\\s-]+sheets?|\\b(?:hydrogel|collagen)[\\s-]+sheets?|\\bsheets?\\s+(?:of\\s+)?(?:cells|MSC)"
          + "|\\bdressings?\\b|\\bspray(?:ed)?\\b|\\beye[\\s-]+drops?|\\bapplied[\\s-]+(?:on|onto|to)[\\s-]+the[\\s-]+"
          + "(?:[\\w-]+[\\s-]+){0,2}(?:wound|ulcer|skin|surface|burn)s?", Route.TOPICAL),
      ci("\\bintra[\\s-]?cavern\\w*|\\bintra[\\s-]?lesional\\w*|\\bperi-?fistul\\w*|\\binto[\\s-]+the[\\s-]+(?:[\\w-]+[\\s-]+){0,2}"
          + "(?:fistula\\w*|tract|glands?|tendons?|kidneys?|prostate|ovar(?:y|ies)|scar|lesions?|ulcers?|wound)"
          + "|\\b(?:fistula|perianal|perirectal)[\\s-]+injection|\\bsub[\\s-]?mucos\\w*|\\bsub[\\s-]?chondral|\\bintra[\\s-]?parenchymal"
          + "|\\bintra[\\s-]?glandular|\\bvocal[\\s-]+folds?|\\bintra[\\s-]?dermal\\w*|\\bintra[\\s-]?tendin\\w*|\\blocal(?:ly)?[\\s-]+"
          + "(?:inject\\w*|administ\\w*)|\\binjected[\\s-]+locally|\\bintra[\\s-]?renal|\\bperi-?lesional|\\bintra[\\s-]?prostatic"
          + "|\\bintra[\\s-]?testicular|\\bintra[\\s-]?ovarian|\\bperi-?urethral|\\bintra[\\s-]?sphincter\\w*|\\bsub[\\s-]?cutaneous\\w*"
          + "|\\bintra[\\s-]?pancrea\\w*|\\b(?:wound|ulcer)[\\s-]+(?:bed|edges?|margins?)|\\bperi-?wound|\\bintra[\\s-]?gland\\w*"
          + "|\\bintra[\\s-]?(?:parotid|submandibular|lacrimal)|\\bperi-?odontal[\\s-]+injection", Route.LOCAL_INJECTION),
      ci("\\bintra[\\s-]?myocardial\\w*|\\bepicardial|\\binto\\s+the\\s+(?:patient'?s\\s+)?(?:LV\\s+|left\\s+ventricular\\s+)?"
          + "(?:myocardium|endocardium|brain|striatum|putamen|spinal\\s+cord|heart\\s+muscle)|\\bintra[\\s-]?peritoneal\\w*|\\bintra[\\s-]?trachea\\w*|\\bendo-?bronchial"
          + "|\\binhal\\w*|\\bnebuli[sz]\\w*|\\baerosol\\w*|\\bintra[\\s-]?nasal\\w*|\\bintra[\\s-]?ventricular\\w*"
          + "|\\bintra[\\s-]?cerebral|\\bintra[\\s-]?cranial|\\bstereotactic\\w*|\\bintra[\\s-]?striatal|\\bintra[\\s-]?vitreal\\w*"
          + "|\\bsub[\\s-]?retinal|\\bintra[\\s-]?osseous\\w*|\\bintra[\\s-]?portal|\\bportal[\\s-]+vein|\\bintra[\\s-]?hepatic"
          + "|\\bintra[\\s-]?splenic|\\bintra[\\s-]?pleural|\\bintra[\\s-]?vesical|\\bintra[\\s-]?cochlear|\\bintra[\\s-]?cameral"
          + "|\\bintra[\\s-]?uterine|\\bintra[\\s-]?ovarian|\\bscaffolds?\\b|\\bimplant(?:ed|ation|s)?\\b(?!\\s+(?:of\\s+)?"
          + "(?:MSC|mesenchymal|stem|cells|the\\s+cells))|\\bseeded[\\s-]+(?:on|onto|in)|\\bloaded[\\s-]+(?:on|onto|in)"
          + "|\\b(?:transplanted|placed|grafted)[\\s-]+(?:in|into|onto)[\\s-]+the\\s+(?:defect|lesion|cleft|hole)",
          Route.OTHER));

  /** "infusion" or "infused" with no site: intravenous when nothing else is said. */
  static final Pattern INFUSION = Pattern.compile("\\binfus(?:ion|ions|ed|ing|e)\\b|\\btransfus\\w+", CI);

  /** Words that make "infusion" possibly intracoronary or intra-arterial, so it stays unknown. */
  static final Pattern HEART = Pattern.compile(
      "\\bcoronar\\w*|\\bmyocard\\w*|\\bcardiac|\\bheart\\b|\\barter(?:y|ies|ial)|\\bcatheteri[sz]ation", CI);
}
