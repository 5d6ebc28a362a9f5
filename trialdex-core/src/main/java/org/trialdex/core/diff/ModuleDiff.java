package org.trialdex.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * Which modules differ between two versions of a study, in v2 terms: {@code protocolSection.statusModule},
 * {@code resultsSection.adverseEventsModule}, {@code hasResults}. The unit a registry's history
 * reports ("status and eligibility changed"); field-level diffs build on the same trees.
 */
public final class ModuleDiff {

  private ModuleDiff() {}

  /**
   * The modules whose content differs, in section order; a module present in only one version
   * counts as changed. Top-level members that are not sections ({@code hasResults}) are named
   * themselves.
   */
  public static List<String> changedModules(Study before, Study after) {
    StudyJson json = StudyJson.standard();
    return changedModules(json.tree(before), json.tree(after));
  }

  /** The same comparison on v2 JSON trees. */
  public static List<String> changedModules(JsonNode before, JsonNode after) {
    List<String> changed = new ArrayList<>();
    for (String top : names(before, after)) {
      JsonNode a = before.path(top);
      JsonNode b = after.path(top);
      if (a.equals(b)) {
        continue;
      }
      if (isSection(a) || isSection(b)) {
        for (String module : names(a, b)) {
          if (!a.path(module).equals(b.path(module))) {
            changed.add(top + "." + module);
          }
        }
      } else {
        changed.add(top);
      }
    }
    return List.copyOf(changed);
  }

  private static boolean isSection(JsonNode n) {
    return n.isObject() && !(n instanceof MissingNode);
  }

  private static Set<String> names(JsonNode a, JsonNode b) {
    Set<String> names = new LinkedHashSet<>();
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
