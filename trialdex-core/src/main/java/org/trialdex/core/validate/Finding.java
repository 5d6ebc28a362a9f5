package org.trialdex.core.validate;

import java.util.Objects;

/**
 * One thing a rule noticed in one record.
 *
 * @param severity how much it matters
 * @param rule stable kebab-case id of the rule, such as {@code required.brief-title}; operators
 *     filter and count by it, so it never changes once released
 * @param path v2 path of the field concerned, such as
 *     {@code protocolSection.identificationModule.briefTitle}; list members carry their index
 *     ({@code ...armGroups[1].interventionNames[0]}); a finding about two fields names the first
 *     here and both in the message
 * @param message what is wrong, with the values involved
 */
public record Finding(Severity severity, String rule, String path, String message) {

  /** @throws NullPointerException when any part is null */
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + rule + " at " + path + ": " + message;
  }
}
