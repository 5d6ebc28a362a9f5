package org.trialdex.app.web;

import java.util.List;
import java.util.Locale;

/** v2 enum names as people read them: {@code ACTIVE_NOT_RECRUITING} → "Active, not recruiting". */
final class Labels {

  private Labels() {}

  static String of(Object value) {
    if (value == null) {
      return "";
    }
    String name = value instanceof Enum<?> e ? e.name() : value.toString();
    return switch (name) {
      case "ACTIVE_NOT_RECRUITING" -> "Active, not recruiting";
      case "NA" -> "Not applicable";
      case "EARLY_PHASE1" -> "Early phase 1";
      case "PHASE1" -> "Phase 1";
      case "PHASE2" -> "Phase 2";
      case "PHASE3" -> "Phase 3";
      case "PHASE4" -> "Phase 4";
      case "SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL" ->
          Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', ' ').toLowerCase(Locale.ROOT) + " assignment";
      default -> {
        if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.isEmpty()) {
          yield name;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
    };
  }

  static String join(List<?> values) {
    if (values == null) {
      return "";
    }
    return String.join(", ", values.stream().map(Labels::of).toList());
  }
}
