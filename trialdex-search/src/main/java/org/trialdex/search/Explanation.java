package org.trialdex.search;

import java.util.List;
import java.util.Objects;

/**
 * How a search was understood and why each hit of the page matched: what {@code trialdex search
 * --explain} prints and the API's {@code explain=true} extension returns.
 *
 * @param terms one entry per searched text (a {@code query.*} parameter, or a word group inside an
 *     expression), in request order
 * @param hits one entry per hit of the page, in page order
 */
public record Explanation(List<Term> terms, List<HitReasons> hits) {
  public Explanation {
    terms = List.copyOf(terms);
    hits = List.copyOf(hits);
  }

  /**
   * One searched text.
   *
   * @param field the search area or field searched ({@code ConditionSearch})
   * @param text the text as given
   * @param byMeaning true when the text names concepts and matched by them; false when it matched
   *     as words
   * @param concepts the concepts it names, one list of alternatives per part of the text
   * @param words the words of the text that name no concept and must appear in the area as written
   *     ("metastatic" of "metastatic breast cancer"); "" when none
   * @param parts the parts of the area searched as words, with their weights (empty for a plain
   *     field)
   */
  public record Term(String field, String text, boolean byMeaning, List<List<ConceptInfo>> concepts, String words,
      List<String> parts) {
    public Term {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(words, "words");
      concepts = concepts.stream().map(List::copyOf).toList();
      parts = List.copyOf(parts);
    }
  }

  /**
   * A concept a text names.
   *
   * @param id its id ({@code D006086}, {@code DOID:...}, {@code TDX:agvhd})
   * @param name its preferred name
   * @param source MESH, DOID or CURATED
   * @param mesh the MeSH descriptors that stand for it (itself, or the nearest above it)
   * @param names the names it is known by (synonyms), as indexed records are matched to it
   */
  public record ConceptInfo(String id, String name, String source, List<String> mesh, List<String> names) {
    public ConceptInfo {
      mesh = List.copyOf(mesh);
      names = List.copyOf(names);
    }
  }

  /**
   * Why one hit matched.
   *
   * @param id the record id
   * @param reasons one line per field value that matched: which field, its value, and what it names
   * @param derived the paths trialdex derived for the record because its source lacked them
   */
  public record HitReasons(String id, List<String> reasons, List<String> derived) {
    public HitReasons {
      reasons = List.copyOf(reasons);
      derived = List.copyOf(derived);
    }
  }
}
