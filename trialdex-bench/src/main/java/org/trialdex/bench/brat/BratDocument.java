package org.trialdex.bench.brat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One annotated document in brat standoff form: its text and the annotations of its {@code .ann}
 * file, in file order. Offsets are Java {@code char} indexes into {@link #text()} (brat counts code
 * points; the reader converts). Immutable; built by {@link BratReader}.
 */
public final class BratDocument {

  /** A span of the text: {@code text.substring(start, end)}. */
  public record Fragment(int start, int end) {
    public Fragment {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad fragment " + start + ".." + end);
      }
    }
  }

  /**
   * A text-bound annotation ({@code T} line): an entity or an event's trigger.
   *
   * @param fragments one span, or several for a discontinuous annotation, in order
   * @param text the covered text as the file gives it (fragments joined by one space)
   */
  public record TextBound(String id, String type, List<Fragment> fragments, String text) {
    public TextBound {
      fragments = List.copyOf(fragments);
      if (fragments.isEmpty()) {
        throw new IllegalArgumentException("text-bound " + id + " has no span");
      }
    }

    /** Where the first fragment starts. */
    public int start() {
      return fragments.getFirst().start();
    }

    /** Where the last fragment ends (exclusive). */
    public int end() {
      return fragments.getLast().end();
    }
  }

  /**
   * One argument of an event or relation.
   *
   * @param label the label as written ({@code Value2} for a second {@code Value})
   * @param target the id of the annotation it points to ({@code T12}, {@code E3})
   */
  public record Argument(String label, String target) {
    /** The role without brat's repeat number: {@code Value2} is a {@code Value}. */
    public String role() {
      int end = label.length();
      while (end > 1 && Character.isDigit(label.charAt(end - 1))) {
        end--;
      }
      return label.substring(0, end);
    }
  }

  /** An event ({@code E} line): a type, its trigger (a text-bound id) and role arguments. */
  public record Event(String id, String type, String trigger, List<Argument> arguments) {
    public Event {
      arguments = List.copyOf(arguments);
    }

    /** The targets of the arguments with this role (repeat numbers ignored), in order. */
    public List<String> targets(String role) {
      return arguments.stream().filter(a -> a.role().equals(role)).map(Argument::target).toList();
    }
  }

  /** A binary relation ({@code R} line) between two annotations. */
  public record Relation(String id, String type, Argument first, Argument second) {}

  /**
   * An attribute ({@code A} or {@code M} line) of an annotation.
   *
   * @param value the value of a multi-valued attribute; empty for a binary (flag) attribute
   */
  public record Attribute(String id, String name, String target, String value) {}

  /** A note ({@code #} line) or normalization ({@code N} line) on an annotation. */
  public record Note(String id, String type, String target, String text) {}

  /** An equivalence ({@code *} line): annotations that name the same thing. */
  public record Equivalence(String type, List<String> members) {
    public Equivalence {
      members = List.copyOf(members);
    }
  }

  private final String name;
  private final String text;
  private final Map<String, TextBound> entities;
  private final Map<String, Event> events;
  private final List<Relation> relations;
  private final List<Attribute> attributes;
  private final List<Note> notes;
  private final List<Equivalence> equivalences;
  private final Map<String, List<Attribute>> attributesByTarget = new HashMap<>();

  BratDocument(String name, String text, List<TextBound> entities, List<Event> events, List<Relation> relations,
      List<Attribute> attributes, List<Note> notes, List<Equivalence> equivalences) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    this.entities = new LinkedHashMap<>();
    entities.forEach(t -> this.entities.put(t.id(), t));
    this.events = new LinkedHashMap<>();
    events.forEach(e -> this.events.put(e.id(), e));
    this.relations = List.copyOf(relations);
    this.attributes = List.copyOf(attributes);
    this.notes = List.copyOf(notes);
    this.equivalences = List.copyOf(equivalences);
    for (Attribute a : attributes) {
      attributesByTarget.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a);
    }
  }

  /** The document's name: its {@code .ann} file name without the extension ("NCT03860038"). */
  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** The text-bound annotations, in file order. */
  public List<TextBound> entities() {
    return List.copyOf(entities.values());
  }

  /** The events, in file order. */
  public List<Event> events() {
    return List.copyOf(events.values());
  }

  public List<Relation> relations() {
    return relations;
  }

  public List<Attribute> attributes() {
    return attributes;
  }

  public List<Note> notes() {
    return notes;
  }

  public List<Equivalence> equivalences() {
    return equivalences;
  }

  /** The text-bound annotation with this id. */
  public Optional<TextBound> entity(String id) {
    return Optional.ofNullable(entities.get(id));
  }

  /** The event with this id. */
  public Optional<Event> event(String id) {
    return Optional.ofNullable(events.get(id));
  }

  /** The trigger of an event of this document. */
  public TextBound trigger(Event event) {
    return entities.get(event.trigger());
  }

  /**
   * The text-bound annotation an id stands for in the text: itself for a {@code T} id, the trigger
   * for an {@code E} id; empty for other ids.
   */
  public Optional<TextBound> anchor(String id) {
    TextBound t = entities.get(id);
    if (t != null) {
      return Optional.of(t);
    }
    Event e = events.get(id);
    return e == null ? Optional.empty() : Optional.of(entities.get(e.trigger()));
  }

  /** The attributes of an annotation, in file order. */
  public List<Attribute> attributesOf(String id) {
    return List.copyOf(attributesByTarget.getOrDefault(id, List.of()));
  }

  /** The value of the annotation's attribute with this name, if it has one. */
  public Optional<String> attribute(String id, String name) {
    return attributesByTarget.getOrDefault(id, List.of()).stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst();
  }
}
