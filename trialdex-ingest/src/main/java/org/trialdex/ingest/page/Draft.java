package org.trialdex.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.trialdex.core.source.FieldSpan;

/**
 * The v2 JSON tree of one page being read, with the span each value was read from and the
 * warnings. Values are set by v2 path ({@code protocolSection.statusModule.overallStatus},
 * {@code protocolSection.contactsLocationsModule.locations[0].city}); the first value set at a path
 * wins, so a field a page shows twice keeps its first reading.
 */
final class Draft {

  /** A warning before the record is named: the field (a v2 path or page label) and what happened. */
  record Note(String field, String message) {}

  static final String PS = "protocolSection.";

  final ObjectNode root = JsonNodeFactory.instance.objectNode();
  final List<FieldSpan> spans = new ArrayList<>();
  final List<Note> notes = new ArrayList<>();
  /** Paths (from {@code protocolSection.}) of values read on weak evidence: by position or type, not by a label. */
  final java.util.Set<String> low = new java.util.TreeSet<>();

  /** Marks the value at {@code path} as read on weak evidence. */
  void low(String path) {
    if (has(path)) {
      low.add(PS + path);
    }
  }

  /** Sets a scalar text value over any value already there. */
  void replace(String path, String text, Val at) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? root.get("protocolSection") : node(path.substring(0, dot));
    if (parent instanceof ObjectNode o) {
      o.remove(path.substring(dot + 1));
      spans.removeIf(s -> s.path().equals(PS + path));
      low.remove(PS + path);
    }
    put(path, text, at);
  }

  /** Sets a text value; false when the path already has one. */
  boolean put(String path, Val v) {
    return v != null && !v.isEmpty() && set(path, JsonNodeFactory.instance.textNode(v.text()), v);
  }

  boolean put(String path, String text, Val at) {
    return text != null && !text.isEmpty() && set(path, JsonNodeFactory.instance.textNode(text), at);
  }

  boolean put(String path, JsonNode value, Val at) {
    return set(path, value, at);
  }

  boolean has(String path) {
    return node(path) != null;
  }

  /** The number of elements of the list at {@code path}, 0 when absent. */
  int size(String path) {
    JsonNode n = node(path);
    return n == null ? 0 : n.size();
  }

  /** The text at {@code path}, or null when absent or not text. */
  String text(String path) {
    JsonNode n = node(path);
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private JsonNode node(String path) {
    JsonNode n = root;
    for (String seg : (PS + path).split("\\.")) {
      int b = seg.indexOf('[');
      n = n.get(b < 0 ? seg : seg.substring(0, b));
      if (n == null) {
        return null;
      }
      if (b >= 0) {
        n = n.get(Integer.parseInt(seg.substring(b + 1, seg.length() - 1)));
        if (n == null) {
          return null;
        }
      }
    }
    return n;
  }

  void warn(String field, String message) {
    notes.add(new Note(field, message));
  }

  private boolean set(String relative, JsonNode value, Val at) {
    String path = PS + relative;
    String[] segs = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < segs.length; i++) {
      String seg = segs[i];
      boolean last = i == segs.length - 1;
      int b = seg.indexOf('[');
      String name = b < 0 ? seg : seg.substring(0, b);
      ObjectNode obj = (ObjectNode) node;
      if (b < 0) {
        if (last) {
          if (obj.has(name)) {
            return false;
          }
          obj.set(name, value);
        } else {
          node = obj.has(name) ? obj.get(name) : obj.putObject(name);
        }
        continue;
      }
      int index = Integer.parseInt(seg.substring(b + 1, seg.length() - 1));
      ArrayNode arr = obj.has(name) ? (ArrayNode) obj.get(name) : obj.putArray(name);
      if (last) {
        if (index < arr.size()) {
          return false;
        }
        arr.add(value);
      } else {
        while (arr.size() <= index) {
          arr.addObject();
        }
        node = arr.get(index);
      }
    }
    if (at != null) {
      spans.add(new FieldSpan(path, at.start(), at.end()));
    }
    return true;
  }
}
