package org.trialdex.ingest.page;

import java.util.List;
import java.util.Locale;

/**
 * Which line of a page is the trial's title, by evidence rather than by a list of site chrome: a
 * line repeated as the document's title or heading or elsewhere on the page, with the words trial
 * titles use, scores up; the site's own text (its name, navigation, notices, requirements, a
 * glossary's definitions) scores down. See {@code docs/pages.md}, *Titles, by evidence*.
 */
final class Titles {

  private final String page;
  private final List<Line> lines;
  private final List<String> headings;

  /**
   * @param page the page text
   * @param lines its lines
   * @param headings the HTML document's title, {@code og:title} and {@code h1} headings (empty for text)
   */
  Titles(String page, List<Line> lines, List<String> headings) {
    this.page = page;
    this.lines = lines;
    this.headings = headings;
  }

  /** A label of two or more words run into its value ("Study designRandomised controlled trial"). */
  static boolean gluedLabelLine(String c) {
    Vocabulary.Match g = Vocabulary.glued(c, true);
    return g != null && Vocabulary.key(c.substring(0, g.valueFrom()), null).contains(" ");
  }
  /** A line the segmenter reads as a label and its value ("Phase 2" is one; "Phase 2/3 biomarker-driven protocol for…" is not). */
  static boolean labelLine(String c) {
    Vocabulary.Match m = Vocabulary.leading(c);
    return m != null && (m.colon() || Segmenter.acceptsWithoutColon(m.field(), c.substring(m.valueFrom())));
  }
  /** How strongly a line reads as this trial's title; 3 or more is good evidence. */
  int score(String line) {
    // Registry ids around a title ("Clinical Trial - NCT03486873", "RBR-10znr9xn Impact of…") are not words of it.
    String c = RegistryIds.findAll(line).isEmpty() ? line : line.replaceAll(
        "\\b(?:NCT\\d{8}|ISRCTN\\d{8}|RBR-[0-9a-z]{6,8}|ChiCTR\\d{8,10}|ACTRN\\d{14}p?|CTRI/\\d{4}/\\d{2,3}/\\d{6}|DRKS\\d{8})\\b", " ")
        .replaceAll("^[\\s\\-–|:]+|[\\s\\-–|:]+$", "").strip();
    if (c.isEmpty()) {
      return -10;
    }
    String lower = c.toLowerCase(Locale.ROOT);
    String[] words = lower.split("\\s+");
    int score = 0;
    String bare = withoutSiteName(new Val(c, 0, c.length())).text();
    for (String h : headings) {
      if (Values.sameText(h, c) || Values.sameText(h, bare) || Values.normText(h).startsWith(Values.normText(bare))) {
        score += 3;
        break;
      }
    }
    if (repeats(bare)) {
      score += 2;
    }
    if (lower.matches(".{0,400}\\b(?:study|studies|trial|phase|randomi[sz]ed|versus|vs|efficacy|safety|treatment|treating|therapy|"
        + "patients|participants|subjects|evaluate|evaluating|evaluation|compare|comparing|effect|effects|pilot|cohort|"
        + "prevention|feasibility|assessment|investigation|open-label|placebo|controlled|dose|vaccine|adults|children|programme|"
        + "program|research|screening|testing|registry study|protocol)\\b.{0,400}")) {
      score += 2;
    }
    if (lower.matches(".{0,400}\\b(?:of|in|for|with|to|and|on|after|among|versus|vs|by|from)\\b.{0,400}")) {
      score += 1;
    }
    if (words.length >= 6) {
      score += 1;
    }
    if (words.length <= 3) {
      // A name this short is a trial's title only when the page repeats it.
      score -= 2;
    }
    if (Values.date(c).map(f -> f.end() - f.start() >= c.length() - 6).orElse(false)
        || Values.EMAIL.matcher(c).find() || lower.contains("www.") || lower.contains("©")) {
      score -= 4;
    }
    boolean siteWords = lower.matches(".{0,500}\\b(?:registry|register|portal|directory|database|website|homepage|search|results|home|"
        + "help|details|read-only|menu|login|clinical trials|studies)\\b.{0,500}");
    boolean trialWords = lower.matches(".{0,500}\\b(?:study|trial|phase|randomi[sz]ed|versus|vs|efficacy|safety|treatment|patients|"
        + "participants|evaluate|evaluating|compare|comparing|effect)\\b.{0,500}");
    if (siteWords && (!trialWords || words.length <= 8 && !lower.matches(".{0,200}\\b(?:of|in|for|with)\\b.{0,200}"))) {
      // The site naming itself ("Clinical Trials Register", "Example Clinical Trials Directory").
      score -= 3;
    }
    if (c.equals(c.toUpperCase(Locale.ROOT)) && c.chars().anyMatch(Character::isLetter)) {
      score -= 2;
    }
    if (c.matches(".{0,500}\\b(?:must|should|shall|please|Please|you|You|your|Your)\\b.{0,500}")) {
      // A requirement or an address to the reader (a criterion, a notice), not a trial's name.
      score -= 3;
    }
    if (lower.endsWith(".") && lower.matches(".{0,500}\\b(?:we|our|is|are|will|can|may|click)\\b.{0,500}")) {
      // A sentence addressed to the reader: the site's text, not a trial's name.
      score -= 4;
    }
    return score;
  }
  /** Whether another line of the page holds this text (a page repeats its title in a label, a tab title, a footer). */
  private boolean repeats(String text) {
    String n = Values.normText(text);
    if (n.length() < 12) {
      return false;
    }
    int seen = 0;
    for (Line l : lines) {
      if (l.empty()) {
        continue;
      }
      String o = Values.normText(l.text());
      // The same text again, or as a tab title or label shows it ("Title | Site", "Public title: Title").
      if ((o.equals(n) || o.startsWith(n + " ") && o.length() < n.length() + 60 || o.endsWith(" " + n)) && ++seen >= 2) {
        return true;
      }
    }
    return false;
  }
  /** A title as a tab shows it, without the site's name after it and the id in brackets: {@code Title (NCT01234567) | Site}. */
  Val withoutSiteName(Val v) {
    String t = v.text().replaceAll("\\s+[\\^›»↑↓▲▼▾▸×+]{1,3}$", "");
    int bar = t.lastIndexOf(" | ");
    int dash = Math.max(t.lastIndexOf(" – "), t.lastIndexOf(" - "));
    if (bar < 0 && dash > 0 && t.substring(dash + 3).matches("(?i).{0,60}\\b(?:trials?|clinical|registry|register|portal|health|"
        + "hospital|medicine|university|center|centre|institute|cancer|clinic|network)\\b.{0,60}|.{0,60}\\.(?:com|org|net|gov|edu)\\b.{0,20}")) {
      // "Title – Example Health", not "Symbicort in Asthmatic Children - SEEDLING".
      bar = dash;
    }
    if (bar > 0 && t.substring(bar + 3).split("\\s+").length <= 5 && t.substring(0, bar).split("\\s+").length >= 3
        && !t.substring(bar + 3).matches("(?i).{0,80}(?:\\bphase\\b|\\bversus\\b|\\bvs\\b|\\d).{0,80}")) {
      t = t.substring(0, bar).strip();
    }
    t = t.replaceFirst("\\s{0,3}\\((?:NCT\\d{8}|ISRCTN\\d{8})\\)$", "").strip();
    return t.equals(v.text()) ? v : v.part(page, t);
  }
  static boolean titleLike(String c) {
    int words = c.split("\\s+").length;
    // Abbreviations ("vs.", "e.g.", "Dr.") do not end a sentence.
    String t = c.replaceAll("\\b(?i:vs|e\\.g|i\\.e|no|dr|st|et al|approx|incl|cap|inj|tab)\\.", "");
    // Two sentences are prose when they say something ("… is …", "… will …"); a title may have a
    // second part after a full stop ("… Score of 25 or Less. RxPONDER; A Clinical Trial Rx for …").
    boolean prose = t.matches(".{0,500}?[a-z][.!?] [A-Z].{0,500}")
        && t.matches(".{0,500}\\b(?:is|are|was|were|will|has|have|be|can|may|should|must|we|you|this|these)\\b.{0,500}");
    return words >= 2 && words <= 70 && c.length() <= 500 && !c.endsWith(":") && !prose
        && !c.toLowerCase(Locale.ROOT).contains("http");
  }
}
