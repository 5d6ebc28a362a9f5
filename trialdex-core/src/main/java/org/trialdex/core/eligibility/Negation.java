package org.trialdex.core.eligibility;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a span of text is negated, in the manner of NegEx (Chapman et al. 2001): a negation
 * trigger before the span ("no", "without", "negative for", "denies") or just after it ("HIV
 * negative", "ruled out"), within the same clause and a few words, and not a pseudo-trigger ("no
 * increase", "not only", "gram-negative"). The trigger lists are the team's, written for criteria
 * and clinical notes.
 */
public final class Negation {

  private static final String PRE = "no|not|non|without|denies|denied|deny|denying|never|none|neither|nor|free of"
      + "|absence of|absent|negative for|no evidence of|no history of|no sign of|no signs of|no known|no prior|no previous"
      + "|rules? out|ruled out|cannot|can ?not|unable to|fails? to|failed to|lack of|lacks|lacking|exclusion of|excluding"
      + "|has not|have not|had not|did not|does not|do not|is not|are not|was not|were not|n't";

  private static final Pattern PRE_TRIGGER = Pattern.compile("(?i)(?<![\\p{L}\\p{N}-])(?:" + PRE + ")(?![\\p{L}\\p{N}-])"
      + "|(?<=\\p{L})n['’]t(?![\\p{L}])|(?<![\\p{L}\\p{N}-])non-(?=\\p{L})");

  private static final Pattern PSEUDO = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(?:no increase|no change|no longer|not only|not necessarily|no further|not certain if"
          + "|gram[- ]negative|not rule out|no more than|not more than|no less than|not less than|no greater than|not greater than|no higher than|no lower than|no fewer than|not exceed|not to exceed"
          + "|not been able|cannot be excluded|not been excluded|not excluded|no later than|not later than|not fully"
          + "|whether or not|if not|not yet|not have received more than|unable to (?:walk|swallow|speak|work|perform|care))");

  private static final Pattern POST_TRIGGER = Pattern.compile(
      "(?i)^[\\s,:()-]*(?:(?:and|or|/|type)?[\\s,:()-]*[12][\\s,:()-]*)*"
          + "(?:(?:test(?:s|ing)?|status|serology|serologies|result|antibod(?:y|ies)|antigen|ab|ag|rna|dna|pcr|viral load|screen(?:ing)?)[\\s,:()-]*){0,2}"
          + "(?:negative|neg\\b|-ve\\b|free\\b|ruled out|excluded|absent|was ruled out|has been ruled out|not detected|undetectable|non-?reactive)");

  /** Words that end a negation's scope. */
  private static final Pattern TERMINATOR = Pattern.compile(
      "(?i)(?<![\\p{L}])(?:but|however|except|although|though|aside from|apart from|other than|unless|which|who|whereas"
          + "|yet|still|with the exception of|presents? with|complains? of|due to|secondary to|because)(?![\\p{L}])|[;.:!?\\n]");

  private static final int SCOPE_WORDS = 7;

  private Negation() {}

  /** True when {@code text[start, end)} is negated. */
  public static boolean negated(String text, int start, int end) {
    return negatedBefore(text, start) || negatedAfter(text, end);
  }

  /** True when a trigger within the clause before {@code start} negates what starts there. */
  public static boolean negatedBefore(String text, int start) {
    int clauseStart = 0;
    Matcher t = TERMINATOR.matcher(text);
    t.region(0, start);
    while (t.find()) {
      clauseStart = t.end();
    }
    String clause = text.substring(clauseStart, start);
    Matcher m = PRE_TRIGGER.matcher(clause);
    int lastTrigger = -1;
    int lastEnd = -1;
    while (m.find()) {
      if (!pseudo(clause, m.start())) {
        lastTrigger = m.start();
        lastEnd = m.end();
      }
    }
    if (lastTrigger < 0) {
      return false;
    }
    String between = clause.substring(lastEnd);
    if (clause.charAt(lastEnd - 1) == '-') {
      return between.isBlank(); // "non-" negates only the word it is joined to: "non-pregnant", not "non-smoker with diabetes"
    }
    int words = between.isBlank() ? 0 : between.strip().split("[\\s/]+").length;
    return words <= SCOPE_WORDS;
  }

  /** True when a post-trigger right after {@code end} negates what ends there ("HBsAg negative"). */
  public static boolean negatedAfter(String text, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 40));
    return POST_TRIGGER.matcher(after).find();
  }

  private static boolean pseudo(String clause, int at) {
    Matcher p = PSEUDO.matcher(clause);
    while (p.find()) {
      if (p.start() <= at && at < p.end()) {
        return true;
      }
    }
    return false;
  }
}
