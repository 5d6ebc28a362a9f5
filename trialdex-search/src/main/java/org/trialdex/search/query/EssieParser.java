package org.trialdex.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads ClinicalTrials.gov's Essie query syntax, the language of the {@code query.*} parameters and
 * of {@code filter.advanced}, into an {@link Expr}. The subset:
 *
 * <ul>
 *   <li><b>Words</b>: {@code heart attack}. Adjacent words must all match, as on
 *       ClinicalTrials.gov; a run of them becomes one {@link Expr.Words}. A comma between terms
 *       separates them as a space does ({@code a,AREA[X]b}); inside a number ({@code 1,000}) it
 *       is part of the word.
 *   <li><b>Phrases</b>: {@code "heart attack"}; {@code \"} is a quote and {@code \\} a backslash
 *       inside a phrase (and inside a word).
 *   <li><b>Operators</b> {@code NOT}, {@code AND}, {@code OR}, binding in that order (upper case
 *       only: {@code and} is a word), and parentheses. {@code a NOT b} means {@code a AND NOT b}.
 *   <li><b>{@code AREA[Field]}</b> before a word, phrase, parenthesized group, {@code RANGE} or
 *       {@code MISSING} gives it that field; an inner {@code AREA} overrides an outer one. Elsewhere
 *       leaves carry the default field (the {@code query.*} parameter's search area).
 *   <li><b>{@code RANGE[lower, upper]}</b>, inclusive, each bound a value or {@code MIN} /
 *       {@code MAX}: {@code AREA[StartDate]RANGE[2019-01-01, MAX]},
 *       {@code AREA[MinimumAge]RANGE[MIN, 16 years]}. Only after an {@code AREA}.
 *   <li><b>{@code MISSING}</b>: {@code AREA[ResultsFirstPostDate]MISSING}. Only after an
 *       {@code AREA}.
 *   <li><b>Context operators</b>, before an operand as {@code AREA} is:
 *       {@code EXPANSION[None|Term|Concept|Relaxation|Lossy]} (how far words are expanded),
 *       {@code COVERAGE[FullMatch|StartsWith|EndsWith|Contains]} (how much of a value the words
 *       cover) and {@code SEARCH[Location|Study]} (whether the conditions must hold at one site).
 *       Their values are taken in any case. Before words, such an operator takes the whole run of
 *       words up to the next operator, quote or parenthesis, as ClinicalTrials.gov reads a search
 *       term: {@code EXPANSION[None]heart attack} is {@code EXPANSION[None]"heart attack"} without
 *       the adjacency.
 *   <li><b>Wildcards</b>: a word with {@code *} in it ({@code lymph*}) matches the words it
 *       stands for; at least two characters come before the first {@code *}. {@code \*} is a
 *       star.
 * </ul>
 *
 * <p>Parsing takes time linear in the text; nesting (parentheses, {@code NOT}, {@code AREA} and the
 * context operators) deeper than {@value #MAX_DEPTH} levels is an error.
 * Whether a field exists and a range bound fits it is the search service's check, not this one.
 */
public final class EssieParser {

  /** The deepest nesting of parentheses, {@code NOT} and {@code AREA} accepted. */
  public static final int MAX_DEPTH = 50;

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");
  private static final String EXAMPLE =
      "a word, a \"phrase\" or a (group), optionally after AREA[Field]";

  private final String text;
  private final String parameter;
  private final List<Token> tokens;
  private int next;

  private EssieParser(String text, String parameter) {
    this.text = text;
    this.parameter = parameter;
    this.tokens = new Lexer(text, parameter).tokens();
  }

  /**
   * Parses {@code text}, naming the parameter {@code query} in error messages.
   *
   * @param defaultField the field of leaves outside any {@code AREA[...]}
   * @throws QueryException if the text is empty or not valid Essie syntax
   */
  public static Expr parse(String text, String defaultField) {
    return parse(text, defaultField, "query");
  }

  /**
   * Parses {@code text}, the value of {@code parameter}.
   *
   * @param defaultField the field of leaves outside any {@code AREA[...]}, e.g.
   *     {@code ConditionSearch}
   * @param parameter the parameter the text came from, named in error messages
   * @throws QueryException if the text is empty or not valid Essie syntax; the message names the
   *     parameter and the 0-based character position
   */
  public static Expr parse(String text, String defaultField, String parameter) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(defaultField, "defaultField");
    Objects.requireNonNull(parameter, "parameter");
    if (text.isBlank()) {
      throw new QueryException(parameter, 0, "the query is empty; write " + EXAMPLE);
    }
    return new EssieParser(text, parameter).parseAll(new Context(defaultField, false));
  }

  /** The field leaves get, and whether an AREA[...] gave it (RANGE and MISSING need one). */
  private record Context(String field, boolean fromArea) {}

  private Expr parseAll(Context context) {
    Expr expr = parseOr(context, 0);
    Token token = peek();
    if (token.kind() == Kind.RPAREN) {
      throw error(token, "')' has no matching '('; remove it or add '(' before it");
    }
    if (token.kind() != Kind.END) {
      throw error(token, "unexpected " + token.describe());
    }
    return expr;
  }

  private Expr parseOr(Context context, int depth) {
    List<Expr> parts = new ArrayList<>();
    parts.add(parseAnd(context, depth));
    while (peek().kind() == Kind.OR) {
      Token or = take();
      requireOperand(or);
      parts.add(parseAnd(context, depth));
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
  }

  private Expr parseAnd(Context context, int depth) {
    List<Expr> parts = new ArrayList<>();
    // A run of implicitly adjacent words of one field becomes one Words; a builder keeps it linear.
    StringBuilder run = new StringBuilder();
    String runField = null;
    boolean implicit = false;
    while (true) {
      Expr part = parseUnary(context, depth);
      if (part instanceof Expr.Words words && implicit && words.field().equals(runField)) {
        run.append(' ').append(words.text());
      } else {
        flush(parts, run, runField);
        if (part instanceof Expr.Words words) {
          runField = words.field();
          run.append(words.text());
        } else {
          runField = null;
          parts.add(part);
        }
      }
      Token token = peek();
      if (token.kind() == Kind.AND) {
        take();
        requireOperand(token);
        implicit = false;
      } else if (token.startsOperand()) {
        implicit = true;
      } else {
        break;
      }
    }
    flush(parts, run, runField);
    return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
  }

  private static void flush(List<Expr> parts, StringBuilder run, String runField) {
    if (runField != null && !run.isEmpty()) {
      parts.add(new Expr.Words(runField, run.toString()));
    }
    run.setLength(0);
  }

  private Expr parseUnary(Context context, int depth) {
    Token token = peek();
    if (depth >= MAX_DEPTH && token.nests()) {
      throw error(token, "the query nests parentheses, NOT and AREA more than " + MAX_DEPTH
          + " levels deep; simplify it");
    }
    switch (token.kind()) {
      case NOT -> {
        take();
        requireOperand(token);
        return new Expr.Not(parseUnary(context, depth + 1));
      }
      case AREA -> {
        take();
        requireOperand(token);
        return parseUnary(new Context(token.text(), true), depth + 1);
      }
      case LPAREN -> {
        take();
        if (peek().kind() == Kind.RPAREN) {
          throw error(token, "empty parentheses '()'; put a query inside them or remove them");
        }
        Expr inner = parseOr(context, depth + 1);
        if (peek().kind() != Kind.RPAREN) {
          throw error(token, "'(' is never closed; add ')' after the group");
        }
        take();
        return inner;
      }
      case EXPANSION, COVERAGE, SEARCH -> {
        take();
        requireOperand(token);
        Expr part = peek().kind() == Kind.WORD ? wordRun(context) : parseUnary(context, depth + 1);
        return switch (token.kind()) {
          case EXPANSION -> new Expr.Expanded(java.util.Arrays.stream(Expr.Expansion.values())
              .filter(x -> x.written().equals(token.text())).findFirst().orElseThrow(), part);
          case COVERAGE -> new Expr.Covered(java.util.Arrays.stream(Expr.Coverage.values())
              .filter(x -> x.written().equals(token.text())).findFirst().orElseThrow(), part);
          default -> token.text().equals("Location") ? new Expr.AtOneSite(part) : part;
        };
      }
      case WORD -> {
        take();
        return new Expr.Words(context.field(), token.text());
      }
      case WILDCARD -> {
        take();
        return new Expr.Wildcard(context.field(), token.text());
      }
      case PHRASE -> {
        take();
        return new Expr.Phrase(context.field(), token.text());
      }
      case RANGE -> {
        take();
        if (!context.fromArea()) {
          throw error(token, "RANGE[...] needs AREA[Field] before it, e.g. "
              + "AREA[StartDate]RANGE[2019-01-01, MAX]");
        }
        return range(context.field(), token);
      }
      case MISSING -> {
        take();
        if (!context.fromArea()) {
          throw error(token, "MISSING needs AREA[Field] before it, e.g. "
              + "AREA[ResultsFirstPostDate]MISSING");
        }
        return new Expr.Missing(context.field());
      }
      case RPAREN -> throw error(token, "')' has no matching '('; remove it or add '(' before it");
      case AND, OR -> throw error(token, token.text() + " has nothing before it; write "
          + EXAMPLE + " before " + token.text());
      case END -> throw error(token, "the query ends where " + EXAMPLE + " is expected");
      default -> throw new AssertionError(token);
    }
  }

  /** The words from here to the next token that is not a word, as one search term. */
  private Expr wordRun(Context context) {
    StringBuilder run = new StringBuilder(take().text());
    while (peek().kind() == Kind.WORD) {
      run.append(' ').append(take().text());
    }
    return new Expr.Words(context.field(), run.toString());
  }

  private Expr range(String field, Token token) {
    String body = token.text();
    int comma = body.indexOf(',');
    if (comma < 0 || body.indexOf(',', comma + 1) >= 0) {
      throw error(token, "RANGE[" + body + "] needs two bounds separated by one comma, e.g. "
          + "RANGE[2019-01-01, MAX] or RANGE[MIN, 16 years]");
    }
    Expr.Bound lower = bound(body.substring(0, comma).strip(), token, "lower");
    Expr.Bound upper = bound(body.substring(comma + 1).strip(), token, "upper");
    if (lower instanceof Expr.Bound.Max || upper instanceof Expr.Bound.Min) {
      throw error(token, "RANGE[" + body + "] has MAX as lower or MIN as upper bound; "
          + "write RANGE[MIN, value] or RANGE[value, MAX]");
    }
    return new Expr.Range(field, lower, upper);
  }

  private Expr.Bound bound(String value, Token token, String which) {
    if (value.isEmpty()) {
      throw error(token, "RANGE[" + token.text() + "] has an empty " + which
          + " bound; write a value, MIN or MAX");
    }
    if (value.equalsIgnoreCase("MIN")) {
      return new Expr.Bound.Min();
    }
    if (value.equalsIgnoreCase("MAX")) {
      return new Expr.Bound.Max();
    }
    return new Expr.Bound.Value(value);
  }

  private void requireOperand(Token operator) {
    if (!peek().startsOperand()) {
      Token after = peek();
      String what = after.kind() == Kind.END ? "the query ends" : "it is followed by " + after.describe();
      throw error(operator, operator.describe() + " has nothing after it (" + what + "); write "
          + EXAMPLE + " after it");
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private QueryException error(Token token, String message) {
    return new QueryException(parameter, token.position(), message);
  }

  enum Kind { WORD, WILDCARD, PHRASE, AND, OR, NOT, LPAREN, RPAREN, AREA, RANGE, MISSING, EXPANSION, COVERAGE, SEARCH, END }

  /** A token: its kind, its text (word, phrase, AREA field, RANGE body) and where it starts. */
  record Token(Kind kind, String text, int position) {
    boolean startsOperand() {
      return switch (kind) {
        case WORD, WILDCARD, PHRASE, NOT, LPAREN, AREA, RANGE, MISSING, EXPANSION, COVERAGE, SEARCH -> true;
        default -> false;
      };
    }

    boolean nests() {
      return switch (kind) {
        case NOT, LPAREN, AREA, EXPANSION, COVERAGE, SEARCH -> true;
        default -> false;
      };
    }

    String describe() {
      return switch (kind) {
        case WORD -> "the word " + text;
        case PHRASE -> "the phrase \"" + text + "\"";
        case AREA -> "AREA[" + text + "]";
        case EXPANSION, COVERAGE, SEARCH -> kind.name() + "[" + text + "]";
        case WILDCARD -> "the wildcard " + text;
        case RANGE -> "RANGE[" + text + "]";
        case LPAREN -> "'('";
        case RPAREN -> "')'";
        case END -> "the end of the query";
        default -> text;
      };
    }
  }

  /** Splits the text into tokens in one pass. */
  private static final class Lexer {
    private final String text;
    private final String parameter;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    Lexer(String text, String parameter) {
      this.text = text;
      this.parameter = parameter;
    }

    List<Token> tokens() {
      while (true) {
        // A comma between terms separates them as a space does (the live grammar takes ',' there:
        // ctrdata sends AREA[LocationCountry]China,AREA[LocationCity]Beijing).
        while (i < text.length() && (isSpace(text.charAt(i)) || text.charAt(i) == ',')) {
          i++;
        }
        if (i >= text.length()) {
          tokens.add(new Token(Kind.END, "", text.length()));
          return tokens;
        }
        char c = text.charAt(i);
        if (c == '(') {
          tokens.add(new Token(Kind.LPAREN, "(", i++));
        } else if (c == ')') {
          tokens.add(new Token(Kind.RPAREN, ")", i++));
        } else if (c == '"') {
          phrase();
        } else if (!bracketOperator()) {
          word();
        }
      }
    }

    private void phrase() {
      int start = i++;
      StringBuilder out = new StringBuilder();
      boolean space = false;
      while (true) {
        if (i >= text.length()) {
          throw new QueryException(parameter, start, "'\"' is never closed; end the phrase with '\"'"
              + " (write \\\" for a quote inside it)");
        }
        char c = text.charAt(i++);
        if (c == '"') {
          break;
        }
        if (c == '\\' && i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\\')) {
          c = text.charAt(i++);
        } else if (isSpace(c)) {
          space = true;
          continue;
        }
        // Runs of spaces inside a phrase are one space: the words, not the layout, matter.
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
      if (out.isEmpty()) {
        throw new QueryException(parameter, start, "empty phrase \"\"; put words between the quotes");
      }
      tokens.add(new Token(Kind.PHRASE, out.toString(), start));
    }

    /** AREA[...], RANGE[...] and the operators we reject; false if the text here is not one. */
    private boolean bracketOperator() {
      int j = i;
      while (j < text.length() && text.charAt(j) >= 'A' && text.charAt(j) <= 'Z') {
        j++;
      }
      if (j == i || j >= text.length() || text.charAt(j) != '[') {
        return false;
      }
      String name = text.substring(i, j);
      Kind kind = switch (name) {
        case "AREA" -> Kind.AREA;
        case "RANGE" -> Kind.RANGE;
        case "SEARCH" -> Kind.SEARCH;
        case "COVERAGE" -> Kind.COVERAGE;
        case "EXPANSION" -> Kind.EXPANSION;
        default -> Kind.END; // not an operator: a word that happens to contain '['
      };
      if (kind == Kind.END) {
        return false;
      }
      int start = i;
      int close = text.indexOf(']', j + 1);
      if (close < 0) {
        throw new QueryException(parameter, start, "'" + name + "[' is never closed; add ']'");
      }
      String body = text.substring(j + 1, close).strip();
      if (kind == Kind.AREA) {
        if (body.isEmpty()) {
          throw new QueryException(parameter, start, "AREA[] names no field; write e.g. "
              + "AREA[ConditionSearch] or AREA[StartDate]");
        }
        if (!FIELD_NAME.matcher(body).matches()) {
          throw new QueryException(parameter, start, "AREA[" + body + "] does not name a field; a "
              + "field or search area name is letters and digits, e.g. AREA[OverallStatus]");
        }
      }
      if (kind == Kind.EXPANSION || kind == Kind.COVERAGE || kind == Kind.SEARCH) {
        body = contextValue(name, body, start, switch (kind) {
          case EXPANSION -> List.of("None", "Term", "Concept", "Relaxation", "Lossy");
          case COVERAGE -> List.of("FullMatch", "StartsWith", "EndsWith", "Contains");
          default -> List.of("Study", "Location");
        });
      }
      tokens.add(new Token(kind, body, start));
      i = close + 1;
      return true;
    }

    /** A context operator's value as the syntax spells it ({@code fullmatch} → {@code FullMatch}). */
    private String contextValue(String operator, String value, int start, List<String> accepted) {
      for (String a : accepted) {
        if (a.equalsIgnoreCase(value)) {
          return a;
        }
      }
      throw new QueryException(parameter, start, operator + "[" + value + "] is not one of "
          + accepted.stream().map(a -> operator + "[" + a + "]").collect(java.util.stream.Collectors.joining(", ")));
    }

    private void word() {
      int start = i;
      boolean wildcard = false;
      StringBuilder out = new StringBuilder();
      while (i < text.length()) {
        char c = text.charAt(i);
        if (isSpace(c) || c == '(' || c == ')' || c == '"' || (c == ',' && !betweenDigits(i))) {
          break;
        }
        if (c == '\\' && i + 1 < text.length() && "\"\\()*".indexOf(text.charAt(i + 1)) >= 0) {
          c = text.charAt(++i);
        } else if (c == '*') {
          wildcard = true;
        }
        out.append(c);
        i++;
      }
      String word = out.toString();
      boolean escaped = i - start != word.length();
      if (wildcard) {
        if (escaped) {
          throw new QueryException(parameter, start, "the word " + text.substring(start, i) + " mixes a wildcard *"
              + " with escapes; write the wildcard word without backslashes, or escape every * (\\*)");
        }
        int star = word.indexOf('*');
        if (star < 2) {
          throw new QueryException(parameter, start, "the wildcard " + word + " needs at least two characters"
              + " before its first *, e.g. lymph*");
        }
        tokens.add(new Token(Kind.WILDCARD, word, start));
        return;
      }
      Kind kind = escaped ? Kind.WORD : switch (word) {
        case "AND" -> Kind.AND;
        case "OR" -> Kind.OR;
        case "NOT" -> Kind.NOT;
        case "MISSING" -> Kind.MISSING;
        default -> Kind.WORD;
      };
      tokens.add(new Token(kind, word, start));
    }

    /** A comma inside a number ({@code 1,000}) belongs to the word. */
    private boolean betweenDigits(int at) {
      return at > 0 && at + 1 < text.length() && Character.isDigit(text.charAt(at - 1))
          && Character.isDigit(text.charAt(at + 1));
    }

    private static boolean isSpace(char c) {
      return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
  }
}
