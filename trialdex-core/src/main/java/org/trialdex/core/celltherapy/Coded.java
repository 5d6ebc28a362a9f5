package org.trialdex.core.celltherapy;

/** A value with a stable lower-case code (URLs, facets, API) and a label for people. */
public interface Coded {

  /** The stable code: the constant's name in lower case with hyphens, {@code bone-marrow}. */
  default String code() {
    return codeOf((Enum<?>) this);
  }

  /** A short label for people: {@code Bone marrow}. */
  String label();

  /** The constant of {@code type} whose code or name is {@code text} (case ignored), or null. */
  static <E extends Enum<E> & Coded> E parse(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    for (E e : type.getEnumConstants()) {
      if (e.code().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
        return e;
      }
    }
    return null;
  }

  /** The code of an enum constant: its name in lower case with hyphens. */
  static String codeOf(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
