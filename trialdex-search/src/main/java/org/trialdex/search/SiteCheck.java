package org.trialdex.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.trialdex.core.model.Location;
import org.trialdex.search.query.Expr;

/**
 * {@code SEARCH[Location](part)} checked one site at a time: a study holds when one of its sites
 * satisfies all of {@code part}. The part may name location fields only ({@link #FIELDS}); words
 * match a site as the index matches a study (a keyword field's value whole, a text field's words
 * anywhere in it, a phrase's words in order), {@code COVERAGE} as {@link Queries.CoverageCheck}
 * reads it, {@code MISSING} when the site has no value there.
 *
 * @param part the expression, fields checked when made ({@link #of})
 * @param coverage the coverage in force around it
 */
record SiteCheck(Expr part, Expr.Coverage coverage) implements VerifiedQuery.Check {

  /** The fields a site has, as {@code AREA[...]} names them. */
  static final Map<String, Function<Location, List<String>>> FIELDS = Map.of(
      "locationfacility", l -> one(l.facility()),
      "locationcity", l -> one(l.city()),
      "locationstate", l -> one(l.state()),
      "locationzip", l -> one(l.zip()),
      "locationcountry", l -> one(l.country()),
      "locationsearch", l -> {
        List<String> all = new ArrayList<>();
        for (String v : new String[] {l.facility(), l.city(), l.state(), l.zip(), l.country()}) {
          all.addAll(one(v));
        }
        return all;
      });

  /**
   * The check of {@code part}.
   *
   * @throws SearchException naming the field when {@code part} names one a site does not have, or
   *     uses {@code RANGE}
   */
  static SiteCheck of(Expr part, Expr.Coverage coverage) {
    checkFields(part);
    return new SiteCheck(part, coverage);
  }

  /** Whether the part has a {@code NOT}: then a site may match where the study as a whole does not. */
  boolean negates() {
    return negates(part);
  }

  @Override
  public boolean test(StudyView study) {
    for (Location site : study.locations()) {
      if (holds(part, site, coverage)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String description() {
    return "SEARCH[Location](" + part + ")";
  }

  private static boolean holds(Expr e, Location site, Expr.Coverage coverage) {
    return switch (e) {
      case Expr.Words w -> words(w.field(), w.text(), false, site, coverage);
      case Expr.Phrase p -> words(p.field(), p.text(), true, site, coverage);
      case Expr.Wildcard w -> wildcard(w, site);
      case Expr.And and -> and.parts().stream().allMatch(x -> holds(x, site, coverage));
      case Expr.Or or -> or.parts().stream().anyMatch(x -> holds(x, site, coverage));
      case Expr.Not not -> !holds(not.part(), site, coverage);
      case Expr.Missing m -> values(m.field(), site).isEmpty();
      case Expr.Range r -> throw new AssertionError("checked in of(): " + r);
      case Expr.Expanded x -> holds(x.part(), site, coverage);
      case Expr.Covered c -> holds(c.part(), site, c.coverage());
      case Expr.AtOneSite inner -> holds(inner.part(), site, coverage);
      case Expr.Synonym synonym -> throw new AssertionError("checked in of(): " + synonym);
    };
  }

  private static boolean words(String field, String text, boolean phrase, Location site, Expr.Coverage coverage) {
    List<String> values = values(field, site);
    if (Queries.field(field).kind() == Schema.Kind.KEYWORD) {
      String wanted = Schema.keyword(text);
      return values.stream().map(Schema::keyword).anyMatch(v -> switch (coverage) {
        case STARTS_WITH -> v.startsWith(wanted);
        case ENDS_WITH -> v.endsWith(wanted);
        case FULL_MATCH, CONTAINS -> v.equals(wanted);
      });
    }
    List<String> wanted = Queries.analyzed(text);
    if (wanted.isEmpty()) {
      return false;
    }
    if (!phrase && coverage == Expr.Coverage.CONTAINS) {
      // Every word somewhere in the site's values of the field.
      List<String> all = new ArrayList<>();
      values.forEach(v -> all.addAll(Queries.analyzed(v)));
      return all.containsAll(wanted);
    }
    return values.stream().anyMatch(v -> Queries.covers(Queries.analyzed(v), wanted, coverage));
  }

  private static boolean wildcard(Expr.Wildcard w, Location site) {
    Pattern p = Pattern.compile(Pattern.quote(w.pattern().toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
    boolean keyword = Queries.field(w.field()).kind() == Schema.Kind.KEYWORD;
    for (String v : values(w.field(), site)) {
      List<String> words = keyword ? List.of(Schema.keyword(v)) : Queries.analyzed(v);
      if (words.stream().anyMatch(x -> p.matcher(x).matches())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code part} with the words that name no field ({@link Expr#DEFAULT_FIELD}, as in
   * {@code query.term=SEARCH[Location](Portland Maine)}) searched in the site's values
   * ({@code LocationSearch}).
   */
  static Expr retarget(Expr e) {
    return switch (e) {
      case Expr.Words w -> new Expr.Words(site(w.field()), w.text());
      case Expr.Phrase p -> new Expr.Phrase(site(p.field()), p.text());
      case Expr.Wildcard w -> new Expr.Wildcard(site(w.field()), w.pattern());
      case Expr.Missing m -> new Expr.Missing(site(m.field()));
      case Expr.Range r -> r;
      case Expr.And and -> new Expr.And(and.parts().stream().map(SiteCheck::retarget).toList());
      case Expr.Or or -> new Expr.Or(or.parts().stream().map(SiteCheck::retarget).toList());
      case Expr.Not not -> new Expr.Not(retarget(not.part()));
      case Expr.Expanded x -> new Expr.Expanded(x.expansion(), retarget(x.part()));
      case Expr.Covered c -> new Expr.Covered(c.coverage(), retarget(c.part()));
      case Expr.AtOneSite inner -> new Expr.AtOneSite(retarget(inner.part()));
      case Expr.Synonym synonym -> synonym;
    };
  }

  private static String site(String field) {
    return field.equalsIgnoreCase(Expr.DEFAULT_FIELD) ? "LocationSearch" : field;
  }

  private static List<String> values(String field, Location site) {
    return FIELDS.get(Queries.field(field).name().toLowerCase(Locale.ROOT)).apply(site);
  }

  private static List<String> one(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value);
  }

  private static void checkFields(Expr e) {
    String field = switch (e) {
      case Expr.Words w -> w.field();
      case Expr.Phrase p -> p.field();
      case Expr.Wildcard w -> w.field();
      case Expr.Missing m -> m.field();
      case Expr.Range r -> throw new SearchException("RANGE[...] does not apply inside SEARCH[Location](...): a site"
          + " has no dates or numbers; put AREA[" + r.field() + "]RANGE[...] outside the SEARCH group");
      case Expr.Synonym synonym -> throw new SearchException("synonym filters do not apply inside"
          + " SEARCH[Location](...)");
      case Expr.And and -> {
        and.parts().forEach(SiteCheck::checkFields);
        yield null;
      }
      case Expr.Or or -> {
        or.parts().forEach(SiteCheck::checkFields);
        yield null;
      }
      case Expr.Not not -> {
        checkFields(not.part());
        yield null;
      }
      case Expr.Expanded x -> {
        checkFields(x.part());
        yield null;
      }
      case Expr.Covered c -> {
        checkFields(c.part());
        yield null;
      }
      case Expr.AtOneSite inner -> {
        checkFields(inner.part());
        yield null;
      }
    };
    if (field != null && !FIELDS.containsKey(Queries.field(field).name().toLowerCase(Locale.ROOT))) {
      throw new SearchException("SEARCH[Location](...) takes the fields of a site: LocationFacility, LocationCity,"
          + " LocationState, LocationZip, LocationCountry, LocationSearch; \"" + field + "\" is not one (write"
          + " AREA[LocationCity]... inside it, and other conditions outside it)");
    }
  }

  private static boolean negates(Expr e) {
    return switch (e) {
      case Expr.Not not -> true;
      case Expr.And and -> and.parts().stream().anyMatch(SiteCheck::negates);
      case Expr.Or or -> or.parts().stream().anyMatch(SiteCheck::negates);
      case Expr.Expanded x -> negates(x.part());
      case Expr.Covered c -> negates(c.part());
      case Expr.AtOneSite inner -> negates(inner.part());
      default -> false;
    };
  }
}
