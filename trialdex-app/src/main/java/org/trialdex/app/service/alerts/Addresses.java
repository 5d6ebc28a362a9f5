package org.trialdex.app.service.alerts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** E-mail addresses as alerts take them: checked, lower-cased, and masked when shown. */
final class Addresses {

  /**
   * A plain address: a local part of the usual characters (no quotes, no comments), one {@code @},
   * a domain of at least two labels. Stricter than RFC 5321 on purpose: what a person types.
   */
  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
          + "[A-Za-z]{2,63}");

  private Addresses() {}

  static boolean valid(String address) {
    return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches()
        && !address.startsWith(".") && !address.contains("..") && !address.contains(".@");
  }

  /**
   * {@code text} as an address to keep: stripped and lower-cased.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static String normalize(Optional<String> text) {
    String a = text.map(String::strip).orElse("");
    if (a.isEmpty()) {
      throw new IllegalArgumentException("give the e-mail address the alerts should go to");
    }
    if (!valid(a)) {
      throw new IllegalArgumentException("'" + a + "' is not an e-mail address we can send to: write it as"
          + " name@example.org, without spaces, quotes or a display name");
    }
    return a.toLowerCase(Locale.ROOT);
  }

  /** {@code ana.lopez@example.org} as {@code a•••@example.org}: enough to recognise, not to read. */
  static String mask(String address) {
    int at = address.indexOf('@');
    if (at < 1) {
      return "•••";
    }
    return address.charAt(0) + "•••" + address.substring(at);
  }
}
