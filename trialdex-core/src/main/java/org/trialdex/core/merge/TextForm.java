package org.trialdex.core.merge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which two texts are compared: what a registry, an export and a page render
 * differently is taken out, what they say is kept. Line breaks and runs of whitespace become one
 * space; list markers at the start of a line ({@code *}, {@code -}, {@code •}, {@code 1.},
 * {@code a)}) go; Markdown escapes ({@code \>}) lose their backslash; typographic variants
 * ({@code ×}, {@code ≥}, dashes, curly quotes, non-breaking spaces) become their plain forms; a
 * period or semicolon ending a line goes (pages drop it from list items);
 * enum constants ({@code NOT_YET_RECRUITING}) read as words; accents are folded (portals that
 * cannot show {@code Sánchez} print {@code Sanchez}); case is ignored.
 */
final class TextForm {

  private TextForm() {}

  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\p{Punct}])");
  private static final Pattern BULLET = Pattern.compile(
      "(?m)^[ \\t]*(?:[*•·▪◦●○‣\\-+]|\\d{1,3}[.)]|\\(\\d{1,3}\\)|[a-z][.)]|\\([a-z]\\))[ \\t]+");
  private static final Pattern LINE_END = Pattern.compile("(?m)[ \\t]*[.;][ \\t]*$");
  private static final Pattern ENUM_CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}+");

  static String of(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (ENUM_CONSTANT.matcher(t).matches()) {
      t = t.replace('_', ' ');
    }
    t = t.replace('×', 'x').replace("≥", ">=").replace("≤", "<=")
        .replace('‐', '-').replace('–', '-').replace('—', '-').replace('−', '-')
        .replace('‘', '\'').replace('’', '\'').replace('“', '"').replace('”', '"');
    t = ESCAPE.matcher(t).replaceAll("$1");
    t = t.replace("\r\n", "\n").replace('\r', '\n');
    t = BULLET.matcher(t).replaceAll("");
    t = LINE_END.matcher(t).replaceAll("");
    t = COMBINING_MARK.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
    return SPACE.matcher(t).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }
}
