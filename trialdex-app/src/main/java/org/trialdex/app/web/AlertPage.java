package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;

/**
 * The alert pages (issue #15): the form to follow a search or watch a trial, what was made, the
 * manage page of a subscription, and short messages. One record for the templates under
 * {@code alerts/}; each template uses the parts it shows.
 */
public final class AlertPage {

  private AlertPage() {}

  /** A checkbox or radio choice. */
  public record Choice(String value, String label, boolean checked) {}

  /**
   * The form to follow a search or watch a trial.
   *
   * @param heading e.g. "Follow this search"
   * @param what what is followed, in words
   * @param action where the form posts
   * @param search SEARCH: the search's query string, carried in a hidden field
   * @param rules TRIAL: what can be watched
   * @param channels feed, e-mail, webhook (e-mail only when the server sends mail)
   * @param frequencies how often e-mail comes
   * @param email the address typed, when the form comes back with an error
   * @param webhookUrl the URL typed, when the form comes back with an error
   * @param error why the form came back
   * @param back a link back to the search or trial
   */
  public record Form(String heading, String what, String action, Optional<String> search, List<Choice> rules,
      List<Choice> channels, List<Choice> frequencies, String email, String webhookUrl, Optional<String> error,
      Parts.Link back) {}

  /**
   * A subscription just made.
   *
   * @param maskedEmail EMAIL: where the confirmation went
   * @param manage the manage page (feed and webhook; e-mail gets it by mail)
   * @param feed the feed's address
   * @param webhookSecret WEBHOOK: the signing secret, shown this once
   */
  public record Made(String what, Optional<String> maskedEmail, Optional<String> manage, Optional<String> feed,
      Optional<String> webhookSecret) {}

  /** One alert as the manage page lists it. */
  public record Item(String title, List<String> details, String href, String when) {}

  /**
   * A subscription's page.
   *
   * @param notice a line at the top ("Your address is confirmed")
   * @param facts what it follows, how, and where it stands
   * @param active whether alerts are made for it now
   * @param ended whether it was unsubscribed
   * @param action where the change form posts
   * @param rules TRIAL: what it watches
   * @param frequencies EMAIL: how often
   * @param feed its feed
   * @param recent its newest alerts
   */
  public record Manage(Optional<String> notice, List<Parts.Row> facts, boolean active, boolean ended, String action,
      List<Choice> rules, List<Choice> frequencies, String feed, List<Item> recent, String unsubscribe,
      String delete) {}

  /**
   * A short page: a heading, some lines, links.
   *
   * @param form when present, a form posting to it with one button
   * @param button the button's words
   */
  public record Message(String heading, List<String> lines, List<Parts.Link> links, Optional<String> form,
      String button) {}
}
