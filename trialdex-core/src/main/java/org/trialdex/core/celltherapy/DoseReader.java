package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cell doses in the notations records use: {@code 1×10^6 cells/kg}, {@code 1 × 10\^6/kg},
 * {@code 2x10E6 cells per kilogram}, {@code 1x106/kg} (a superscript lost in copying), {@code 1e6},
 * {@code 100-300 million cells}, {@code 0.5/1.6/5 ×10^6 cells/kg}, {@code 1×10^6 to 5×10^6},
 * {@code 1,000,000 cells/kg}. A number is a dose only when what follows makes it one: cells, a
 * cell product's abbreviation, particles, or per kilogram; concentrations (per mL), lab values (per
 * litre) and other units are not.
 */
final class DoseReader {

  /** A dose read from a span of text, before it is tied to an arm. */
  record Read(Dose.Basis basis, double min, double max, String unit, boolean upTo, boolean courseTotal, int start,
      int end) {}

  private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:[.,]\\d+)?)";
  private static final String TEN_POWER =
      "10\\s*(?:\\^|\\*\\*|\\^\\\\?|\\\\\\^|e|E|exp|\\(|\\[|<sup>|\\s)?\\s*\\+?\\s*0?(\\d{1,2})\\s*(?:\\)|\\]|</sup>)?";
  private static final String MULT = "(?:\\s*(?:[x×X\\*·•✕]|times)\\s*" + TEN_POWER + "|\\s*[eE]\\+?0?(\\d{1,2})(?![\\w])"
      + "|[\\s-]*(million|millions|mln|mio|billion|billions|bn|trillion|trillions|M)(?![\\w])"
      + "|\\s*[x×\\*]\\s*(1,000,000|1 000 000|1000000|100,000|10,000,000|100,000,000)(?![\\d,]))";
  private static final String SEP = "\\s*(?:-|–|—|~|to|/|or|and|,\\s*(?:or|and)?|&)\\s*";
  /** A run of numbers sharing one multiplier: "0.5/1.6/5 ×10^6", "100-300 million". */
  private static final Pattern VALUE = Pattern.compile(
      "(?<![\\w.,^])(" + NUM + "(?:" + SEP + NUM + ")*)" + MULT + "|(?<![\\w.,^x×*])" + TEN_POWER.replace("(\\d{1,2})",
          "(?<bare>\\d{1,2})") + "(?=\\s*(?:cells?|/kg|MSC|per\\s+k))"
          + "|(?<![\\w.,-])(?<word>(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
          + "|twenty[\\s-]+five|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|one|two|three|five)?[\\s-]*hundred"
          + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty[\\s-]+five|thirty"
          + "|forty|fifty|sixty|seventy|eighty|ninety)[\\s-]+(?<wordmult>million|billion)s?\\b"
          + "|(?<![\\w.,])(?<plain>\\d{1,3}(?:,\\d{3}){2,}|\\d{7,})(?=\\s*(?:cells?|/\\s*kg|MSCs?|viable|stem|per\\s+k))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile(NUM);
  private static final Pattern SEPARATOR = Pattern.compile(SEP, Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_SEP = Pattern.compile("\\s*(?:-|–|—|~|to)\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern PER_KG = Pattern.compile(
      "^[^.;:(\\d]{0,40}?(?:/\\s*kg|[*x×]\\s*(?:body\\s*)?weight|per\\s+kg|per\\s+kilo|/\\s*kilo|\\bkg\\s*-1|\\bkg\\s*⁻¹|/\\s*KgBW|per\\s+(?:each\\s+)?kilogram"
          + "|/\\s*kilogram|\\bper\\s+body\\s*weight\\s+kg)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CELL_WORD = Pattern.compile(
      "^[^.;:\\d]{0,60}?(?:\\bcells?\\b|\\b[A-Za-z-]*MSCs?\\b|\\b[A-Za-z]*SCs?\\b|\\bstem\\b|\\bstromal\\b|\\bviable\\b"
          + "|\\bCD34|\\bMNCs?\\b|\\bSVF\\b|\\bMPCs?\\b)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PARTICLE_WORD = Pattern.compile(
      "^[^.;:\\d]{0,25}?\\b(?:exosomes?|particles?|EVs?|vesicles?|nanoparticles?)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_A_DOSE = Pattern.compile(
      "^\\s*(?:[A-Za-z+-]+\\s*){0,2}(?:/|per)\\s*(?:µ|u|m|d)?(?:l|L|liter|litre)\\b(?!\\s*of)|^\\s*(?:cells?\\s*)?/\\s*(?:mm|cm|µl|ul)"
          + "|^\\s*(?:IU|U\\b|units|mg|g\\b|µg|ug|platelets|copies|CFU|vg|TU|PFU|plaque|genomes|/\\s*L\\b|per\\s+lit|/\\s*mm"
          + "|/\\s*µ|/\\s*cm|years|dollars|USD|\\$|patients|participants|people|subjects|women|men|cases|deaths|times)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VOLUME = Pattern.compile("^[^.;:]{0,20}?/\\s*\\d+(?:\\.\\d+)?\\s*m?l\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOSE_CUE = Pattern.compile(
      "(?:dos(?:e|es|ing|age)|receiv\\w*|infus\\w*|inject\\w*|administ\\w*|total\\s+of|given|deliver\\w*|transplant\\w*"
          + "|contain\\w*|implant\\w*)[^.;]{0,30}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern UP_TO = Pattern.compile(
      "(?:up\\s+to|maximum(?:\\s+dose)?(?:\\s+of)?|max\\.?|not\\s+(?:to\\s+)?exceed(?:ing)?|≤|<=|no\\s+more\\s+than)\\s*$",
      Pattern.CASE_INSENSITIVE);
  /** "± 30%" after a number. */
  private static final Pattern TOLERANCE = Pattern.compile("^\\s*(?:±|\\+/-|\\+-)\\s*\\d+(?:[.,]\\d+)?\\s*%?");
  /** Per millilitre, per vial, per bag: how the product is packed, not how much is given. */
  private static final Pattern CONCENTRATION = Pattern.compile(
      "^[^.;\\d]{0,60}?(?:\\bper|/)\\s*(?:milli-?lit(?:er|re)s?|m[lL]\\b|µ[lL]|u[lL]\\b|microlit\\w*|vials?|bags?"
          + "|ampoules?|cm2|cm\\^?2|cm²|mm3|mm\\^?3)|^[^.;]{0,12}?/\\s*\\d*\\s*m[lL]\\s*/\\s*vial", Pattern.CASE_INSENSITIVE);
  /** "3×10^7 per hemisphere (total 6×10^7 cells)": the part, when the total follows. */
  private static final Pattern PART_OF_TOTAL = Pattern.compile(
      "^\\s*(?:cells?\\s*)?(?:per|/|in\\s+each)\\s+(?!k)[a-z]+\\s*[(,]\\s*(?:a\\s+|in\\s+)?total", Pattern.CASE_INSENSITIVE);
  /** "a total of 600 million" after per-dose amounts: the course total, not a dose. */
  static final Pattern TOTAL_BEFORE = Pattern.compile(
      "(?:total\\s+(?:dose\\s+)?(?:of\\s+)?|in\\s+total\\s+|cumulative\\s+(?:dose\\s+)?(?:of\\s+)?)(?:up\\s+to\\s+)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BETWEEN = Pattern.compile("between\\s*$", Pattern.CASE_INSENSITIVE);

  private DoseReader() {}

  /** The doses stated in {@code text}; positions are {@code offset} plus the index in {@code text}. */
  static List<Read> read(String text, int offset) {
    List<Read> out = new ArrayList<>();
    Matcher m = VALUE.matcher(text);
    while (m.find()) {
      double multiplier;
      List<Double> numbers = new ArrayList<>();
      boolean range;
      if (m.group("word") != null) {
        multiplier = m.group("wordmult").toLowerCase(Locale.ROOT).startsWith("b") ? 1e9 : 1e6;
        numbers.add(wordNumber(m.group("word")));
        range = false;
      } else if (m.group("plain") != null) {
        multiplier = 1;
        numbers.add(number(m.group("plain")));
        range = false;
      } else if (m.group("bare") != null) {
        multiplier = Math.pow(10, Integer.parseInt(m.group("bare")));
        numbers.add(1.0);
        range = false;
      } else {
        multiplier = multiplier(m);
        if (multiplier == 0) {
          continue;
        }
        String run = m.group(1);
        Matcher n = NUMBER.matcher(run);
        while (n.find()) {
          numbers.add(number(n.group()));
        }
        Matcher sep = SEPARATOR.matcher(run);
        boolean anyRange = false;
        boolean anyList = false;
        while (sep.find()) {
          if (RANGE_SEP.matcher(sep.group()).matches()) {
            anyRange = true;
          } else {
            anyList = true;
          }
        }
        String before = text.substring(Math.max(0, m.start() - 12), m.start());
        range = numbers.size() == 2 && (anyRange && !anyList || BETWEEN.matcher(before).find());
      }
      int end = m.end();
      // "1×10^6 to 5×10^6": a second value with its own multiplier makes a range
      double second = Double.NaN;
      Matcher to = Pattern.compile("^\\s*(?:-|–|—|~|to)\\s*").matcher(text.substring(end));
      if (numbers.size() == 1 && to.find()) {
        Matcher next = VALUE.matcher(text);
        if (next.find(end + to.end()) && next.start() == end + to.end() && next.group(1) != null
            && multiplier(next) != 0 && !next.group(1).matches(".*\\D.*\\d.*")) {
          second = number(next.group(1)) * multiplier(next);
          end = next.end();
        }
      }
      String tail = TOLERANCE.matcher(text.substring(end, Math.min(text.length(), end + 70))).replaceFirst("");
      if (NOT_A_DOSE.matcher(tail).find() || PART_OF_TOTAL.matcher(tail).find() || CONCENTRATION.matcher(tail).find()) {
        continue;
      }
      Matcher perKg = PER_KG.matcher(tail);
      Dose.Basis basis = perKg.find() ? Dose.Basis.PER_KG : Dose.Basis.TOTAL;
      Matcher cellWord = CELL_WORD.matcher(tail);
      Matcher particles = PARTICLE_WORD.matcher(tail);
      String unit;
      // the evidence runs on to the unit when it follows closely: "1×10^6 cells/kg"
      int unitEnd = 0;
      if (particles.find()) {
        unit = Dose.PARTICLES;
        unitEnd = particles.end();
      } else if (basis == Dose.Basis.PER_KG || cellWord.find() || VOLUME.matcher(tail).find()) {
        unit = Dose.CELLS;
        unitEnd = basis == Dose.Basis.PER_KG ? perKg.end() : cellWord.hasMatch() ? cellWord.end() : 0;
      } else if (DOSE_CUE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()
          && m.group("plain") == null) {
        unit = Dose.CELLS;
      } else {
        continue;
      }
      boolean upTo = UP_TO.matcher(text.substring(Math.max(0, m.start() - 25), m.start())).find();
      List<double[]> values = new ArrayList<>();
      if (!Double.isNaN(second)) {
        values.add(new double[] {numbers.get(0) * multiplier, second});
      } else if (range) {
        values.add(new double[] {numbers.get(0) * multiplier, numbers.get(1) * multiplier});
      } else {
        for (double v : numbers) {
          values.add(new double[] {v * multiplier, v * multiplier});
        }
      }
      int skipped = Math.min(text.length(), end + 70) - end - tail.length(); // a "± 30%" taken off the tail
      if (unitEnd > 0 && unitEnd <= 30) {
        end = end + skipped + unitEnd;
      }
      while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      for (double[] v : values) {
        double lo = Math.min(v[0], v[1]);
        double hi = Math.max(v[0], v[1]);
        if (plausible(basis, unit, lo, hi)) {
          boolean courseTotal = TOTAL_BEFORE.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find();
          out.add(new Read(basis, lo, hi, unit, upTo, courseTotal, offset + m.start(), offset + end));
        }
      }
    }
    return out;
  }

  private static boolean plausible(Dose.Basis basis, String unit, double lo, double hi) {
    if (!(lo > 0)) {
      return false;
    }
    if (Dose.PARTICLES.equals(unit)) {
      return lo >= 1e6 && hi <= 1e16;
    }
    return basis == Dose.Basis.PER_KG ? lo >= 1e3 && hi <= 1e10 : lo >= 1e4 && hi <= 1e13;
  }

  private static double multiplier(Matcher m) {
    if (m.group(2) != null) {
      return Math.pow(10, Integer.parseInt(m.group(2)));
    }
    if (m.group(3) != null) {
      return Math.pow(10, Integer.parseInt(m.group(3)));
    }
    if (m.group(5) != null) {
      return number(m.group(5).replace(" ", ","));
    }
    String word = m.group(4);
    if (word == null) {
      return 0;
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("b")) {
      return 1e9;
    }
    if (w.startsWith("t")) {
      return 1e12;
    }
    if (word.equals("M") || w.startsWith("mil") || w.equals("mln") || w.equals("mio")) {
      return 1e6;
    }
    return 0;
  }

  private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30),
      Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
      Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("a", 1));

  /** "twenty", "twenty five", "two hundred", "a hundred". */
  private static double wordNumber(String words) {
    double total = 0;
    double current = 0;
    for (String w : words.toLowerCase(Locale.ROOT).trim().split("[\\s-]+")) {
      if (w.equals("hundred")) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (WORDS.containsKey(w)) {
        current += WORDS.get(w);
      }
    }
    return total + current;
  }

  /** A number as written: "1,000,000" has thousands separators, "1,5" a decimal comma. */
  static double number(String s) {
    if (s.matches("\\d{1,3}(?:,\\d{3})+")) {
      return Double.parseDouble(s.replace(",", ""));
    }
    return Double.parseDouble(s.replace(',', '.'));
  }
}
