package org.trialdex.app.service.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialdex.store.Alert;
import org.trialdex.store.Subscription;

/**
 * The words of alert mail: the confirmation, an alert, a digest. Plain text, which every mail
 * program shows and a screen reader reads as it is. Every message carries the one-click
 * unsubscribe headers of RFC 8058 and an unsubscribe link in its text.
 */
final class Messages {

  private final String base;
  private final String host;

  /** Messages whose links start at {@code base} ({@code https://trials.example.org}). */
  Messages(String base) {
    this.base = base;
    this.host = java.net.URI.create(base).getHost();
  }

  /** The manage page of a subscription, under the public URL. */
  String manage(String token) {
    return base + "/alerts/" + token;
  }

  String unsubscribe(String token) {
    return base + "/alerts/" + token + "/unsubscribe";
  }

  String confirm(String token) {
    return base + "/alerts/" + token + "/confirm";
  }

  Mailer.Mail confirmation(Subscription s, String token, String what) {
    String text = """
        Hello,

        Someone, we hope you, asked the trial registry at %s to e-mail this address when %s.

        To start these alerts, confirm your address by opening this link:
        %s

        If it was not you, ignore this message: nothing more will be sent to this address. To
        cancel the request now, open this link:
        %s
        """.formatted(base, what, confirm(token), unsubscribe(token));
    return new Mailer.Mail(s.email().orElseThrow(), "Confirm your trial alert", text, headers(token),
        "<confirm-" + s.id() + "@" + host + ">");
  }

  /** One message with {@code alerts} (one alert, or a digest of several). */
  Mailer.Mail alerts(Subscription s, String token, String what, List<Alert> alerts) {
    StringBuilder text = new StringBuilder();
    boolean digest = s.frequency() != Subscription.Frequency.IMMEDIATE;
    text.append(digest ? "Your " + s.frequency().code() + " digest: " : "")
        .append(alerts.size() == 1 ? "one change" : alerts.size() + " changes")
        .append(" to what you follow (").append(what).append(").\n\n");
    for (Alert a : alerts) {
      text.append(a.title()).append('\n');
      for (String line : a.details()) {
        text.append("  - ").append(line).append('\n');
      }
      text.append("  See it: ").append(base).append(a.link()).append("\n\n");
    }
    text.append("Change what you follow or how often you hear: ").append(manage(token)).append('\n');
    text.append("Unsubscribe with one click: ").append(unsubscribe(token)).append('\n');
    String subject = alerts.size() == 1 ? "Trial alert: " + a(alerts).title()
        : "Trial alerts: " + alerts.size() + " changes" + (digest ? " (" + s.frequency().code() + " digest)" : "");
    return new Mailer.Mail(s.email().orElseThrow(), subject, text.toString(), headers(token),
        "<alert-" + s.id() + "-" + alerts.getFirst().id() + "-" + alerts.getLast().id() + "@" + host + ">");
  }

  private static Alert a(List<Alert> alerts) {
    return alerts.getFirst();
  }

  /** RFC 8058: a mail program may offer "unsubscribe", which POSTs {@code List-Unsubscribe=One-Click} to the URL. */
  private Map<String, String> headers(String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("List-Unsubscribe", "<" + unsubscribe(token) + ">");
    h.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    h.put("Auto-Submitted", "auto-generated");
    return h;
  }
}
