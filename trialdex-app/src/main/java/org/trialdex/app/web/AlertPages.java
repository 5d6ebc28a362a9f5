package org.trialdex.app.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.alerts.Alerts;
import org.trialdex.store.Alert;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.Subscription;
import org.trialdex.store.Subscription.Channel;
import org.trialdex.store.Subscription.Frequency;
import org.trialdex.store.Subscription.Rule;

/**
 * The alert pages (issue #15) as HTML: the forms to follow a search or watch a trial, what was
 * made, a subscription's manage page, and short messages. Addresses are shown masked only.
 */
public final class AlertPages {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private AlertPages() {}

  /**
   * What a subscriber typed into a form, to show it again with the reason it was refused.
   *
   * @param rules TRIAL: the rules ticked (empty on a new form: all are ticked)
   */
  public record Typed(Optional<Channel> channel, Optional<Frequency> frequency, String email, String webhookUrl,
      Set<Rule> rules) {
    /** A new form: nothing typed. */
    public static Typed none() {
      return new Typed(Optional.empty(), Optional.empty(), "", "", Set.of());
    }
  }

  /** The form to follow the search {@code query} (a canonical query string, see Alerts). */
  public static ChunkedBody followSearch(Trialdex t, String query, String what, Typed typed, Optional<String> error) {
    return WebPages.render("alerts/follow.jte", new AlertPage.Form("Follow this search", what, "/alerts/follow",
        Optional.of(query), List.of(), channels(t, typed), frequencies(typed.frequency()), typed.email(),
        typed.webhookUrl(), error, new Parts.Link("Back to the search", "/search?" + query)));
  }

  /**
   * The form to watch the trial {@code id}.
   *
   * @throws NotFound when there is no such trial
   */
  public static ChunkedBody watchTrial(Trialdex t, String id, Typed typed, Optional<String> error) {
    StoredStudy s = t.records().current(id).orElseThrow(() -> new NotFound("There is no trial " + id
        + " in this registry. Check the NCT number, or search for the trial."));
    var ident = s.study().protocolSection() == null ? null : s.study().protocolSection().identificationModule();
    String title = ident == null || ident.briefTitle() == null ? s.nctId() : ident.briefTitle();
    List<AlertPage.Choice> rules = new ArrayList<>();
    for (Rule r : Rule.values()) {
      rules.add(new AlertPage.Choice(r.code(), capital(Alerts.ruleLabel(r)), typed.rules().isEmpty()
          || typed.rules().contains(r)));
    }
    return WebPages.render("alerts/follow.jte", new AlertPage.Form("Watch this trial", title + " (" + s.nctId() + ")",
        "/alerts/watch/" + s.nctId(), Optional.empty(), rules, channels(t, typed), frequencies(typed.frequency()),
        typed.email(), typed.webhookUrl(), error, new Parts.Link("Back to the trial", Links.study(s.nctId()))));
  }

  private static List<AlertPage.Choice> channels(Trialdex t, Typed typed) {
    List<AlertPage.Choice> list = new ArrayList<>();
    boolean mail = t.alerts().emailAvailable();
    Channel chosen = typed.channel().orElse(mail ? Channel.EMAIL : Channel.ATOM);
    if (mail) {
      list.add(new AlertPage.Choice("email", "By e-mail", chosen == Channel.EMAIL));
    }
    list.add(new AlertPage.Choice("atom", "In a feed reader (Atom feed)", chosen == Channel.ATOM));
    list.add(new AlertPage.Choice("webhook", "To a program (signed webhook)", chosen == Channel.WEBHOOK));
    return list;
  }

  private static List<AlertPage.Choice> frequencies(Optional<Frequency> chosen) {
    Frequency f = chosen.orElse(Frequency.IMMEDIATE);
    return List.of(new AlertPage.Choice("immediate", "Each change as it happens", f == Frequency.IMMEDIATE),
        new AlertPage.Choice("daily", "One e-mail a day", f == Frequency.DAILY),
        new AlertPage.Choice("weekly", "One e-mail a week", f == Frequency.WEEKLY));
  }

  /** What a subscription just made means, and where to go next. */
  public static ChunkedBody made(Trialdex t, Alerts.Made m) {
    Subscription s = m.subscription();
    Optional<String> manage = m.token().map(tok -> "/alerts/" + tok);
    return WebPages.render("alerts/made.jte", new AlertPage.Made(t.alerts().describe(s), m.maskedEmail(), manage,
        manage.map(x -> x + "/feed"), m.webhookSecret()));
  }

  /** A subscription's page, with a notice at the top when there is one. */
  public static ChunkedBody manage(Alerts.View v, String token, Optional<String> notice) {
    Subscription s = v.subscription();
    List<Parts.Row> facts = new ArrayList<>();
    facts.add(new Parts.Row("Following", v.what()));
    facts.add(new Parts.Row("How", switch (s.channel()) {
      case ATOM -> "Atom feed";
      case EMAIL -> "E-mail to " + v.maskedEmail().orElse("(address removed)") + ", "
          + switch (s.frequency()) {
            case IMMEDIATE -> "each change as it happens";
            case DAILY -> "a daily digest";
            case WEEKLY -> "a weekly digest";
          };
      case WEBHOOK -> "Signed webhook" + s.webhookUrl().map(u -> " to " + hostOf(u)).orElse("");
    }));
    facts.add(new Parts.Row("State", switch (s.state()) {
      case PENDING -> "Waiting for you to confirm your address (follow the link in the mail we sent)";
      case ACTIVE -> "Active since " + WHEN.format(s.confirmedAt().orElse(s.createdAt()));
      case UNSUBSCRIBED -> "Unsubscribed: no alerts are made or sent, and the address is forgotten";
    }));
    List<AlertPage.Choice> rules = new ArrayList<>();
    if (s.kind() == Subscription.Kind.TRIAL) {
      for (Rule r : EnumSet.allOf(Rule.class)) {
        rules.add(new AlertPage.Choice(r.code(), capital(Alerts.ruleLabel(r)), s.rules().contains(r)));
      }
    }
    List<AlertPage.Item> recent = new ArrayList<>();
    for (Alert a : v.recent()) {
      recent.add(new AlertPage.Item(a.title(), a.details(), a.link(), WHEN.format(a.createdAt())));
    }
    String base = "/alerts/" + token;
    return WebPages.render("alerts/manage.jte", new AlertPage.Manage(notice, facts, s.active(),
        s.state() == Subscription.State.UNSUBSCRIBED, base,
        rules, s.channel() == Channel.EMAIL ? frequencies(Optional.of(s.frequency())) : List.of(), base + "/feed",
        recent, base + "/unsubscribe", base + "/delete"));
  }

  /** The page an unsubscribe link opens: one button, since mail scanners open links without asking. */
  public static ChunkedBody unsubscribe(Alerts.View v, String token) {
    if (v.subscription().state() == Subscription.State.UNSUBSCRIBED) {
      return message("You are unsubscribed", List.of("No more alerts will be sent for " + v.what() + "."),
          List.of(new Parts.Link("Manage or delete this subscription", "/alerts/" + token)), Optional.empty(), "");
    }
    return message("Unsubscribe", List.of("Stop the alerts about " + v.what() + "?"),
        List.of(new Parts.Link("Keep them and manage this subscription instead", "/alerts/" + token)),
        Optional.of("/alerts/" + token + "/unsubscribe"), "Unsubscribe");
  }

  /** A short page: a heading, lines, links, and at most one form with one button. */
  public static ChunkedBody message(String heading, List<String> lines, List<Parts.Link> links, Optional<String> form,
      String button) {
    return WebPages.render("alerts/message.jte", new AlertPage.Message(heading, lines, links, form, button));
  }

  private static String hostOf(String url) {
    try {
      return java.net.URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "its URL";
    }
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
