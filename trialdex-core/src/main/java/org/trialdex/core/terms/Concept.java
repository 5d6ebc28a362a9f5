package org.trialdex.core.terms;

import java.util.List;
import java.util.Objects;

/**
 * One concept of the {@link Vocabulary}: a MeSH descriptor, a Disease Ontology term that has no
 * MeSH descriptor of its own, or a group of the team's curated list that neither has.
 *
 * @param id {@code D006086} for MeSH, {@code DOID:0081267}, or {@code TDX:} and the group's first
 *     name for the curated list
 * @param name the preferred name: the MeSH heading, the DOID label, the group's first name
 * @param source where the concept comes from
 * @param treeNumbers MeSH tree numbers ({@code C20.452}); empty for the other sources
 */
public record Concept(String id, String name, Source source, List<String> treeNumbers) {

  /** Where a concept comes from. */
  public enum Source {
    /** A MeSH descriptor. */
    MESH,
    /** A Human Disease Ontology term. */
    DOID,
    /** A group of the team's curated list. */
    CURATED
  }

  public Concept {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    treeNumbers = List.copyOf(treeNumbers);
  }

  /** True for a MeSH descriptor. */
  public boolean mesh() {
    return source == Source.MESH;
  }
}
