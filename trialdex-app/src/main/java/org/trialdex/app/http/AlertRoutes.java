package org.trialdex.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.alerts.Alerts;
import org.trialdex.app.web.AlertPages;
import org.trialdex.app.web.ChunkedBody;
import org.trialdex.app.web.Parts;
import org.trialdex.store.Alert;
import org.trialdex.store.Subscription.Channel;
import org.trialdex.store.Subscription.Frequency;
import org.trialdex.store.Subscription.Rule;

/**
 * The alert routes (issue #15), pages and feed:
 *
 * <ul>
 *   <li>{@code GET/POST /alerts/follow}: follow a search (GET takes the search's parameters);
 *   <li>{@code GET/POST /alerts/watch/{id}}: watch a trial;
 *   <li>{@code GET/POST /alerts/{token}}: a subscription's page, and changing it;
 *   <li>{@code GET /alerts/{token}/confirm}: the link of the confirmation mail;
 *   <li>{@code GET/POST /alerts/{token}/unsubscribe}: a page with one button, and the one-click
 *       unsubscribe of RFC 8058 (any POST, whatever its body);
 *   <li>{@code POST /alerts/{token}/delete}: delete the subscription and all kept about it;
 *   <li>{@code GET /alerts/{token}/feed}: its alerts as Atom, newest first.
 * </ul>
 *
 * <p>Making subscriptions is rate-limited per client address (an IPv6 client by its /64), so that
 * nobody can fill the store or mail a stranger's inbox; tokens never reach the request log.
 */
final class AlertRoutes {

  /** Subscriptions a client may make at once, then one a minute. */
  static final int BURST = 5;
  static final int PER_MINUTE = 1;
  /** Alerts in a feed. */
  static final int FEED_ENTRIES = 50;
  private static final Pattern TOKEN_PATH = Pattern.compile("^/alerts/[A-Za-z0-9_-]{20,}");

  private AlertRoutes() {}

  /** {@code path} as the request log writes it: an alert token replaced by {@code ***}. */
  static String redact(String path) {
    return path.startsWith("/alerts/") ? TOKEN_PATH.matcher(path).replaceFirst("/alerts/***") : path;
  }

  static void routes(Javalin app, Trialdex trialdex, Admission admission, Optional<PublicUrl> publicUrl) {
    TokenBuckets buckets = new TokenBuckets(PER_MINUTE, BURST, System::nanoTime);
    app.exception(Alerts.UnknownToken.class, (e, ctx) -> page(ctx.status(HttpStatus.NOT_FOUND),
        AlertPages.message("This link does not work", List.of(e.getMessage()), List.of(new Parts.Link("Search trials",
            "/search")), Optional.empty(), "")));

    app.get("/alerts/follow", admission.guard(ctx -> {
      String query;
      try {
        query = canonical(ctx.queryParamMap());
      } catch (IllegalArgumentException e) {
        page(ctx.status(HttpStatus.BAD_REQUEST), AlertPages.message("This search cannot be followed",
            List.of(e.getMessage()), List.of(new Parts.Link("Search trials", "/search")), Optional.empty(), ""));
        return;
      }
      page(ctx, AlertPages.followSearch(trialdex, query, what(query), AlertPages.Typed.none(), Optional.empty()));
    }));
    app.post("/alerts/follow", admission.guardAfterBody(ctx -> {
      Map<String, List<String>> form = ctx.formParamMap();
      String query = first(form, "search");
      Map<String, List<String>> params = Alerts.searchParams(query);
      String canonical;
      try {
        canonical = canonical(params);
      } catch (IllegalArgumentException e) {
        page(ctx.status(HttpStatus.BAD_REQUEST), AlertPages.message("This search cannot be followed",
            List.of(e.getMessage()), List.of(new Parts.Link("Search trials", "/search")), Optional.empty(), ""));
        return;
      }
      AlertPages.Typed typed = typed(form);
      try {
        Alerts.Made made = unsentMailAs503(() -> trialdex.alerts().followSearch(params, how(form),
            () -> limit(ctx, buckets)));
        page(ctx.header("Cache-Control", "no-store"), AlertPages.made(trialdex, made));
      } catch (IllegalArgumentException e) {
        page(ctx.status(HttpStatus.BAD_REQUEST), AlertPages.followSearch(trialdex, canonical, what(canonical), typed,
            Optional.of(e.getMessage())));
      } catch (Refused e) {
        page(ctx.status(e.status), AlertPages.followSearch(trialdex, canonical, what(canonical), typed,
            Optional.of(e.getMessage())));
      }
    }));
    app.get("/alerts/watch/{id}", admission.light(ctx -> page(ctx, AlertPages.watchTrial(trialdex, id(ctx),
        AlertPages.Typed.none(), Optional.empty()))));
    app.post("/alerts/watch/{id}", admission.light(ctx -> {
      Map<String, List<String>> form = ctx.formParamMap();
      AlertPages.Typed typed = typed(form);
      try {
        Alerts.Made made = unsentMailAs503(() -> trialdex.alerts().watchTrial(id(ctx), rules(form), how(form),
            () -> limit(ctx, buckets)));
        page(ctx.header("Cache-Control", "no-store"), AlertPages.made(trialdex, made));
      } catch (IllegalArgumentException e) {
        page(ctx.status(HttpStatus.BAD_REQUEST), AlertPages.watchTrial(trialdex, id(ctx), typed,
            Optional.of(e.getMessage())));
      } catch (Refused e) {
        page(ctx.status(e.status), AlertPages.watchTrial(trialdex, id(ctx), typed, Optional.of(e.getMessage())));
      }
    }));

    app.get("/alerts/{token}", ctx -> page(noStore(ctx), AlertPages.manage(trialdex.alerts().view(token(ctx)),
        token(ctx), Optional.empty())));
    app.post("/alerts/{token}", ctx -> {
      String token = token(ctx);
      Map<String, List<String>> form = ctx.formParamMap();
      try {
        Alerts.View v = trialdex.alerts().view(token);
        Set<Rule> rules = v.subscription().kind() == org.trialdex.store.Subscription.Kind.TRIAL ? rules(form) : Set.of();
        Frequency f = form.containsKey("frequency") ? frequency(first(form, "frequency")) : v.subscription().frequency();
        page(noStore(ctx), AlertPages.manage(trialdex.alerts().update(token, rules, f), token,
            Optional.of("Saved.")));
      } catch (IllegalArgumentException e) {
        page(noStore(ctx).status(HttpStatus.BAD_REQUEST), AlertPages.manage(trialdex.alerts().view(token), token,
            Optional.of("Not saved: " + e.getMessage())));
      }
    });
    app.get("/alerts/{token}/confirm", ctx -> {
      String token = token(ctx);
      try {
        page(noStore(ctx), AlertPages.manage(trialdex.alerts().confirm(token), token,
            Optional.of("Your address is confirmed: alerts start now.")));
      } catch (IllegalArgumentException e) {
        page(noStore(ctx).status(HttpStatus.CONFLICT), AlertPages.manage(trialdex.alerts().view(token), token,
            Optional.of(e.getMessage())));
      }
    });
    app.get("/alerts/{token}/unsubscribe", ctx -> page(noStore(ctx),
        AlertPages.unsubscribe(trialdex.alerts().view(token(ctx)), token(ctx))));
    app.post("/alerts/{token}/unsubscribe", ctx -> {
      Alerts.View v = trialdex.alerts().unsubscribe(token(ctx));
      page(noStore(ctx), AlertPages.message("You are unsubscribed", List.of("No more alerts will be sent about "
          + v.what() + ". Your address has been removed."), List.of(new Parts.Link("Delete everything about this"
          + " subscription", "/alerts/" + token(ctx))), Optional.empty(), ""));
    });
    app.post("/alerts/{token}/delete", ctx -> {
      trialdex.alerts().delete(token(ctx));
      page(noStore(ctx), AlertPages.message("Deleted", List.of("This subscription and everything kept about it"
          + " (its address, its alerts) are deleted. Its links no longer work."), List.of(new Parts.Link("Search"
          + " trials", "/search")), Optional.empty(), ""));
    });
    app.get("/alerts/{token}/feed", ctx -> feed(ctx, trialdex, token(ctx),
        publicUrl.map(PublicUrl::base).orElseGet(() -> PublicUrl.reached(ctx))));
  }

  // ------------------------------------------------------------------ the feed

  private static void feed(Context ctx, Trialdex trialdex, String token, String base) throws XMLStreamException {
    Alerts.View view = trialdex.alerts().view(token);
    List<Alert> alerts = trialdex.alerts().feed(token, FEED_ENTRIES);
    String self = base + "/alerts/" + token + "/feed";
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
    Feeds.element(xml, "id", self);
    Feeds.element(xml, "title", "trialdex alerts: " + view.what());
    Feeds.element(xml, "updated", (alerts.isEmpty() ? view.subscription().createdAt() : alerts.getFirst().createdAt())
        .toString());
    Feeds.link(xml, self, "self");
    Feeds.link(xml, base + "/alerts/" + token, "alternate");
    xml.writeStartElement("author");
    Feeds.element(xml, "name", "trialdex");
    xml.writeEndElement();
    for (Alert a : alerts) {
      xml.writeStartElement("entry");
      Feeds.element(xml, "id", self + "#alert-" + a.id());
      Feeds.element(xml, "title", a.title());
      Feeds.element(xml, "updated", a.createdAt().toString());
      Feeds.link(xml, base + a.link(), "alternate");
      Feeds.element(xml, "summary", a.summary() + (a.details().isEmpty() ? "" : "\n" + String.join("\n", a.details())));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    noStore(ctx).contentType("application/atom+xml; charset=utf-8").result(out.toString());
  }

  // ------------------------------------------------------------------ forms

  private static String canonical(Map<String, List<String>> params) {
    return Alerts.canonicalSearch(params);
  }

  private static String what(String query) {
    return Alerts.describeSearch(query);
  }

  private static AlertPages.Typed typed(Map<String, List<String>> form) {
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    for (String r : form.getOrDefault("rule", List.of())) {
      Rule.of(r).ifPresent(rules::add);
    }
    return new AlertPages.Typed(Channel.of(first(form, "channel")), Frequency.of(first(form, "frequency")),
        first(form, "email"), first(form, "webhookUrl"), rules);
  }

  private static Alerts.How how(Map<String, List<String>> form) {
    String c = first(form, "channel");
    Channel channel = Channel.of(c).orElseThrow(() -> new IllegalArgumentException(c.isBlank()
        ? "choose how to hear: by e-mail, in a feed reader, or by webhook"
        : "'" + c + "' is not a way to hear; choose email, atom or webhook"));
    String f = first(form, "frequency");
    Frequency frequency = f.isBlank() ? Frequency.IMMEDIATE : frequency(f);
    return new Alerts.How(channel, frequency, Optional.of(first(form, "email")), Optional.of(first(form, "webhookUrl")));
  }

  private static Frequency frequency(String f) {
    return Frequency.of(f).orElseThrow(() -> new IllegalArgumentException("'" + f + "' is not a frequency; choose"
        + " immediate, daily or weekly"));
  }

  private static Set<Rule> rules(Map<String, List<String>> form) {
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    for (String r : form.getOrDefault("rule", List.of())) {
      rules.add(Rule.of(r).orElseThrow(() -> new IllegalArgumentException("'" + r + "' is not something a watch can"
          + " follow; choose among status, enrollment, sites, primary-completion, results and eligibility")));
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("choose at least one thing to watch: status, enrollment, sites, primary"
          + " completion date, results or eligibility");
    }
    return rules;
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst();
  }

  private static String id(Context ctx) {
    String id = ctx.pathParam("id");
    return id.matches("(?i)nct\\d{8}") ? id.toUpperCase(java.util.Locale.ROOT) : id;
  }

  private static String token(Context ctx) {
    return ctx.pathParam("token");
  }

  // ------------------------------------------------------------------ limits

  /** A refusal that is not about what was typed: too many requests, mail not sent. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** {@code work}, a confirmation mail that could not be sent answered as 503. */
  private static Alerts.Made unsentMailAs503(java.util.function.Supplier<Alerts.Made> work) {
    try {
      return work.get();
    } catch (IllegalStateException e) {
      throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
  }

  private static void limit(Context ctx, TokenBuckets buckets) {
    long wait = buckets.take(clientKey(ctx.req().getRemoteAddr()));
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "too many subscriptions from your address just now; try again"
          + " in " + wait + " seconds");
    }
  }

  /** An IPv4 address as itself, an IPv6 one by its /64 (one household or server gets a whole /64). */
  static long clientKey(String address) {
    try {
      byte[] b = InetAddress.getByName(address).getAddress(); // a literal: no lookup
      long key = 0;
      for (int i = 0; i < Math.min(8, b.length); i++) {
        key = key << 8 | (b[i] & 0xff);
      }
      return b.length == 4 ? key : key ^ Long.MIN_VALUE;
    } catch (UnknownHostException e) {
      return address.hashCode();
    }
  }

  private static Context noStore(Context ctx) {
    return ctx.header("Cache-Control", "no-store");
  }

  private static void page(Context ctx, ChunkedBody body) {
    Render.send(ctx, "text/html; charset=utf-8", body);
  }
}
