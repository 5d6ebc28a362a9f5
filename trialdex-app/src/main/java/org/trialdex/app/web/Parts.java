package org.trialdex.app.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Small values the page records share. Public because the compiled templates read them. */
public final class Parts {

  private Parts() {}

  /** A link: what it says and where it goes (already URL-encoded). */
  public record Link(String label, String href) {
    public Link {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(href, "href");
    }
  }

  /** One labelled value of a definition list or a two-column table. */
  public record Row(String label, String value) {}

  /** A count with an optional link to the search it stands for. */
  public record Count(String label, long count, Optional<String> href) {}

  /**
   * The search box: the fields it shows and the other parameters it carries along hidden (each of
   * which the search page shows as a chip).
   */
  public record SearchForm(String cond, String term, String intr, String locn, String near, String within, String age,
      String sex, boolean open, String doseMin, String doseMax, String trust, List<Param> hidden) {
    /** The radii the form offers around {@code near}. */
    public static final List<String> DISTANCES = List.of("10mi", "25mi", "50mi", "100mi", "250mi");
    /** The trust-signal filter's choices, worded neutrally (issue #11). */
    public static final List<Choice> TRUST_CHOICES = SearchFilters.trustChoices();

    public SearchForm {
      hidden = List.copyOf(hidden);
    }

    static SearchForm empty() {
      return new SearchForm("", "", "", "", "", "50mi", "", "", false, "", "", "", List.of());
    }
  }

  /** One request parameter, for hidden form fields. */
  public record Param(String name, String value) {}

  /** One option of a choice: the value sent and the words shown. */
  public record Choice(String value, String words) {}

  /**
   * A table of results: caption, notes under it (time frame, units), column headings and rows
   * whose first cell heads the row.
   */
  public record Table(String caption, List<String> notes, List<String> header, List<List<String>> rows) {
    public Table {
      notes = List.copyOf(notes);
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
