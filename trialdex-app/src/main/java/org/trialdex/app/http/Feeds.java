package org.trialdex.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.trialdex.app.Trialdex;
import org.trialdex.core.model.Study;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequests;

/**
 * {@code GET /feed?…}: an Atom feed of any search (the API's parameters), newest updates first, as
 * ClinicalTrials.gov's RSS feeds offered: a feed reader polls it to learn of new and updated trials.
 */
final class Feeds {

  /** Entries per feed unless {@code pageSize} says otherwise. */
  static final int DEFAULT_ENTRIES = 50;

  private Feeds() {}

  /**
   * {@code /feed}, admitted as an expensive request, its links under {@code publicUrl} (the server's
   * public address), or else under the address the request reached (never the request's {@code Host}
   * header, which the client writes).
   */
  static void routes(Javalin app, Trialdex trialdex, Admission admission, Optional<PublicUrl> publicUrl) {
    Duration searchLimit = admission.limits().timeLimit();
    app.get("/feed", admission.guard(ctx -> feed(ctx, trialdex, searchLimit,
        publicUrl.map(PublicUrl::base).orElseGet(() -> PublicUrl.reached(ctx)))));
  }

  private static void feed(Context ctx, Trialdex trialdex, Duration searchLimit, String base) throws XMLStreamException {
    Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
    // A feed is about what changed: newest last update first, whatever sort was asked for.
    params.put("sort", List.of("LastUpdatePostDate:desc"));
    params.putIfAbsent("pageSize", List.of(String.valueOf(DEFAULT_ENTRIES)));
    params.remove("pageToken");
    SearchResult result = HttpServer.search(trialdex, SearchRequests.parse(params), searchLimit);
    String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());

    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
    element(xml, "id", self);
    element(xml, "title", "trialdex: " + describe(ctx.queryParamMap()));
    List<String> updated = new ArrayList<>();
    for (Hit hit : result.hits()) {
      updated.add(updated(hit.study()));
    }
    element(xml, "updated", updated.stream().max(String::compareTo).orElse(LocalDate.EPOCH.atStartOfDay().toInstant(ZoneOffset.UTC).toString()));
    link(xml, self, "self");
    link(xml, base + "/search" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), "alternate");
    for (int i = 0; i < result.hits().size(); i++) {
      Hit hit = result.hits().get(i);
      Study s = hit.study();
      var ps = s.protocolSection();
      xml.writeStartElement("entry");
      String study = base + "/study/" + java.net.URLEncoder.encode(hit.id(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20");
      element(xml, "id", study);
      element(xml, "title", ps.identificationModule().briefTitle() == null ? hit.id() : ps.identificationModule().briefTitle());
      element(xml, "updated", updated.get(i));
      link(xml, study, "alternate");
      element(xml, "summary", summary(hit.id(), s));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    ctx.contentType("application/atom+xml; charset=utf-8").result(out.toString());
  }

  /** The record's last update as an Atom date-time (the first day of a partial date, at midnight UTC). */
  static String updated(Study s) {
    var status = s.protocolSection() == null ? null : s.protocolSection().statusModule();
    String date = null;
    if (status != null && status.lastUpdatePostDateStruct() != null) {
      date = status.lastUpdatePostDateStruct().date();
    } else if (status != null && status.studyFirstPostDateStruct() != null) {
      date = status.studyFirstPostDateStruct().date();
    }
    LocalDate day = PartialDate.parse(date).map(PartialDate::earliest).orElse(LocalDate.EPOCH);
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }

  private static String summary(String id, Study s) {
    var ps = s.protocolSection();
    StringBuilder sb = new StringBuilder(id);
    if (ps.statusModule() != null && ps.statusModule().overallStatus() != null) {
      sb.append(" · ").append(ps.statusModule().overallStatus().name().replace('_', ' ').toLowerCase());
    }
    if (ps.conditionsModule() != null && ps.conditionsModule().conditions() != null) {
      sb.append(" · ").append(String.join(", ", ps.conditionsModule().conditions()));
    }
    return sb.toString();
  }

  private static String describe(Map<String, List<String>> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> {
      if (!k.equals("pageSize") && !k.equals("sort")) {
        parts.add(k + "=" + String.join(",", v));
      }
    });
    return parts.isEmpty() ? "all trials" : String.join(" ", parts);
  }

  static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", xmlText(href));
  }

  /**
   * {@code text} with every character XML 1.0 does not allow (C0 controls but tab, line feed and
   * carriage return; lone surrogates; U+FFFE and U+FFFF) replaced by U+FFFD, so the feed is
   * well-formed whatever a record or the query holds (issue #12). The writer escapes the rest.
   */
  static String xmlText(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
          || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        if (pair) {
          out.append(c).append(text.charAt(i + 1));
        } else {
          out.append(allowed ? c : '\uFFFD');
        }
      }
      if (pair) {
        i++;
      }
    }
    return out == null ? text : out.toString();
  }
}
