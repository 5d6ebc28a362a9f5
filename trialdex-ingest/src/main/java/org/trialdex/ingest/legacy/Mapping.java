package org.trialdex.ingest.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.normalize.V2Enums;
import org.trialdex.ingest.ReadWarning;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The state of mapping one {@code <clinical_study>}: the DOM with the set of nodes already mapped,
 * the warnings so far, and the conversions every section needs (text, enums, dates, yes/no), each of
 * which warns naming the XML element when a value does not map.
 *
 * <p>Every element and attribute read through this class is marked as mapped. After mapping,
 * {@link #warnUnmapped} reports every node nobody read, so no value is dropped silently.
 */
final class Mapping {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final String record;
  private final List<ReadWarning> warnings = new ArrayList<>();
  private final Set<Node> mapped = Collections.newSetFromMap(new IdentityHashMap<>());

  Mapping(String file, String record) {
    this.file = file;
    this.record = record;
  }

  List<ReadWarning> warnings() {
    return List.copyOf(warnings);
  }

  void warn(Element at, String message) {
    warnings.add(new ReadWarning(file, record, path(at), message));
  }

  void warn(String field, String message) {
    warnings.add(new ReadWarning(file, record, field, message));
  }

  /** Marks a node as mapped without reading it (its value is carried elsewhere, see callers). */
  void markMapped(Node node) {
    mapped.add(node);
  }

  // ---- navigation -------------------------------------------------------------------------

  /** The first child element named {@code name}, marked mapped; null when absent. */
  Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        mapped.add(e);
        return e;
      }
    }
    return null;
  }

  /** All child elements named {@code name}, marked mapped. */
  List<Element> children(Element parent, String name) {
    if (parent == null) {
      return List.of();
    }
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        mapped.add(e);
        out.add(e);
      }
    }
    return out;
  }

  /** The elements at {@code list/item} ({@code group_list/group}), marked mapped. */
  List<Element> listed(Element parent, String list, String item) {
    return children(child(parent, list), item);
  }

  /** The stripped text of a child element; null when absent or blank. */
  String text(Element parent, String name) {
    return text(child(parent, name));
  }

  /** The stripped text of an element, with line ends normalized; null when absent or blank. */
  String text(Element e) {
    if (e == null) {
      return null;
    }
    mapped.add(e);
    String t = e.getTextContent();
    if (t == null) {
      return null;
    }
    t = t.replace("\r\n", "\n").replace('\r', '\n').strip();
    return t.isEmpty() ? null : t;
  }

  /** The text of an attribute, marked mapped; null when absent or blank. */
  String attr(Element e, String name) {
    if (e == null) {
      return null;
    }
    Attr a = e.getAttributeNode(name);
    if (a == null) {
      return null;
    }
    mapped.add(a);
    String v = a.getValue().strip();
    return v.isEmpty() ? null : v;
  }

  /** The texts of all children named {@code name}, as a JSON array; null when there are none. */
  ArrayNode texts(Element parent, String name) {
    ArrayNode out = JSON.arrayNode();
    for (Element e : children(parent, name)) {
      String t = text(e);
      if (t != null) {
        out.add(t);
      }
    }
    return out.isEmpty() ? null : out;
  }

  // ---- conversions --------------------------------------------------------------------------

  /** A v2 enum constant for the text of {@code e}; a warning and null when none matches. */
  <E extends Enum<E>> String enumValue(Element e, Class<E> type) {
    return enumValue(e, text(e), type);
  }

  <E extends Enum<E>> String enumValue(Element at, String text, Class<E> type) {
    if (text == null) {
      return null;
    }
    Optional<E> v = V2Enums.parse(type, text);
    if (v.isEmpty()) {
      warn(at, "'" + text + "' is not a " + type.getSimpleName() + " value; left out");
      return null;
    }
    return v.get().name();
  }

  /** A date as v2 writes it ({@code 2016-01}); a warning and null when unreadable. */
  String date(Element e) {
    String t = text(e);
    if (t == null) {
      return null;
    }
    Optional<String> d = PartialDate.normalize(t);
    if (d.isEmpty()) {
      warn(e, "'" + t + "' is not a date; left out");
      return null;
    }
    return d.get();
  }

  /**
   * A v2 date struct ({@code {date, type}}) from an element whose {@code type} attribute says
   * Actual, Anticipated or Estimate; null when the date is absent or unreadable.
   */
  ObjectNode dateStruct(Element e) {
    String type = attr(e, "type");
    String date = date(e);
    if (date == null) {
      return null;
    }
    ObjectNode o = JSON.objectNode().put("date", date);
    if (type != null) {
      String lower = type.toLowerCase(Locale.ROOT);
      if (lower.equals("actual")) {
        o.put("type", "ACTUAL");
      } else if (lower.equals("anticipated") || lower.equals("estimate") || lower.equals("estimated")) {
        o.put("type", "ESTIMATED");
      } else {
        warn(e, "date type '" + type + "' is neither Actual nor Anticipated; the date is kept without a type");
      }
    }
    return o;
  }

  /** {@code Yes}/{@code No} as a boolean; a warning and null for anything else. */
  Boolean yesNo(Element e) {
    String t = text(e);
    if (t == null) {
      return null;
    }
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> Boolean.TRUE;
      case "no", "false" -> Boolean.FALSE;
      default -> {
        warn(e, "'" + t + "' is not Yes or No; left out");
        yield null;
      }
    };
  }

  /** A whole number; a warning and null when the text is not one. */
  Integer integer(Element at, String text, String what) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.replace(",", ""));
    } catch (NumberFormatException e) {
      warn(at, what + " '" + text + "' is not a whole number; left out");
      return null;
    }
  }

  // ---- JSON building ----------------------------------------------------------------------

  /** Puts a value unless it is null, an empty object or an empty array (v2 leaves those out). */
  static void put(ObjectNode o, String key, Object value) {
    switch (value) {
      case null -> { }
      case String s -> o.put(key, s);
      case Boolean b -> o.put(key, b);
      case Integer i -> o.put(key, i);
      case JsonNode n -> {
        if (!(n.isContainerNode() && n.isEmpty())) {
          o.set(key, n);
        }
      }
      default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  static ObjectNode object() {
    return JSON.objectNode();
  }

  /** A JSON array of what {@code map} gives for each element, leaving out nulls and empty objects. */
  static ArrayNode array(List<Element> elements, Function<Element, JsonNode> map) {
    ArrayNode out = JSON.arrayNode();
    for (Element e : elements) {
      JsonNode n = map.apply(e);
      if (n != null && !(n.isObject() && n.isEmpty())) {
        out.add(n);
      }
    }
    return out;
  }

  // ---- what nobody read -------------------------------------------------------------------

  /** Warns once for every element or attribute under {@code root} that no mapping read. */
  void warnUnmapped(Element root) {
    walk(root);
  }

  private void walk(Element e) {
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      if (!mapped.contains(a)) {
        warnings.add(new ReadWarning(file, record, path(e) + "@" + a.getNodeName(),
            "not mapped: the v2 model has no place for this attribute (value '" + clip(a.getNodeValue()) + "')"));
      }
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        if (mapped.contains(c)) {
          walk(c);
        } else {
          warn(c, "not mapped: the v2 model has no place for this element (value '"
              + clip(c.getTextContent()) + "')");
        }
      }
    }
  }

  private static String clip(String s) {
    String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }

  /** The element's path from the root, as {@code clinical_study/location/facility/name}. */
  static String path(Element e) {
    StringBuilder sb = new StringBuilder(e.getTagName());
    for (Node p = e.getParentNode(); p instanceof Element pe; p = pe.getParentNode()) {
      sb.insert(0, pe.getTagName() + "/");
    }
    return sb.toString();
  }
}
