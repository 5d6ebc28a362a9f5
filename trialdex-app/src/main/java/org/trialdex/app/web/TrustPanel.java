package org.trialdex.app.web;

import java.util.List;

/**
 * The study page's "Trust signals" section (issue #11): each signal's neutral statement with the
 * record fields that show it. Never a verdict on the trial; the page says what the record holds.
 *
 * @param asOf the day the signals were computed for (today), ISO
 * @param signals the signals, in kind order; the section is left out when there are none
 */
public record TrustPanel(String asOf, List<Signal> signals) {

  public TrustPanel {
    signals = List.copyOf(signals);
  }

  /** One signal: its neutral label and statement, and its evidence. */
  public record Signal(String code, String label, String statement, List<Evidence> evidence) {
    public Signal {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One field a signal rests on.
   *
   * @param field the field named in words ({@code Status last verified})
   * @param value its value as the record gives it, or what the record lacks ("not given")
   * @param quote true when {@code value} is words quoted from the field's text
   */
  public record Evidence(String field, String value, boolean quote) {}
}
