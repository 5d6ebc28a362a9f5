package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordHistory;
import org.trialdex.core.json.StudyJson;

/**
 * The version history as ClinicalTrials.gov's website reads it, under {@code /api/int/studies}: the
 * undocumented endpoints behind its "History of Changes" tab, which clients that need a trial's
 * earlier versions call (ctrdata's {@code ctgov2history}, outcome-amendment audits, the Perl
 * {@code WebService} clients): {@code GET /api/int/studies/{nctId}/history} lists the versions,
 * {@code GET /api/int/studies/{nctId}/history/{version}} answers one, and
 * {@code GET /api/int/studies/{nctId}?history=true} the current record with the list. They answer
 * trialdex's kept versions (every version of every source, oldest first) in that shape; trialdex's
 * own, fuller history is {@code /api/studies/{id}/history} ({@link Extensions}).
 *
 * <p>A version is numbered from 0, oldest first, as on the website. Its {@code date} is the date
 * the registry says the version was submitted ({@code lastUpdateSubmitDate}), else the day trialdex
 * stored it; {@code moduleLabels} names the modules it changed from the previous version of its
 * source (every module it has, for a source's first), in the website's words.
 */
final class WebsiteHistory {

  /** The website's labels of the record's modules, in its order. */
  private static final Map<String, String> LABELS = labels();

  private WebsiteHistory() {}

  static void routes(Javalin app, Trialdex trialdex, Admission admission) {
    app.get("/api/int/studies/{nctId}", admission.light(ctx -> study(ctx, trialdex)));
    app.get("/api/int/studies/{nctId}/history", admission.light(ctx -> {
      only(ctx, Set.of());
      Render.json(ctx, changes(history(ctx, trialdex)));
    }));
    app.get("/api/int/studies/{nctId}/history/{version}", admission.light(ctx -> version(ctx, trialdex)));
  }

  private static void study(Context ctx, Trialdex trialdex) throws java.io.IOException {
    only(ctx, Set.of("history"));
    String flag = ctx.queryParam("history");
    if (flag != null && !flag.equals("true") && !flag.equals("false")) {
      throw new HttpServer.BadRequest("history takes true or false; got '" + flag + "'");
    }
    RecordHistory history = history(ctx, trialdex);
    ObjectNode body = (ObjectNode) StudyJson.standard().mapper().readTree(
        StudyJson.standard().writeBytes(history.newest().study()));
    if ("true".equals(flag)) {
      body.set("history", changes(history));
    }
    Render.json(ctx, body);
  }

  private static void version(Context ctx, Trialdex trialdex) {
    only(ctx, Set.of());
    RecordHistory history = history(ctx, trialdex);
    String given = ctx.pathParam("version");
    int n;
    try {
      n = Integer.parseInt(given);
    } catch (NumberFormatException e) {
      throw new HttpServer.BadRequest("version `" + given + "` is not a version number; the versions are 0 to "
          + (history.versions().size() - 1));
    }
    if (n < 0 || n >= history.versions().size()) {
      throw new HttpServer.NotFound("no version " + n + " of " + history.id() + "; its versions are 0 to "
          + (history.versions().size() - 1));
    }
    ObjectNode body = HttpServer.json().createObjectNode();
    body.put("studyVersion", n);
    body.set("study", StudyJson.standard().tree(history.versions().get(n).study()));
    Render.json(ctx, body);
  }

  private static RecordHistory history(Context ctx, Trialdex trialdex) {
    String id = ctx.pathParam("nctId").toUpperCase(java.util.Locale.ROOT);
    if (!id.matches("NCT\\d{8}")) {
      throw new HttpServer.BadRequest("NCT number `" + ctx.pathParam("nctId") + "` has incorrect format: expected NCT"
          + " followed by 8 digits, e.g. NCT02513394");
    }
    return trialdex.history().of(id).orElseThrow(() -> new HttpServer.NotFound("no study " + id));
  }

  /** {@code {"changes": [{version, date, status, moduleLabels}]}}, oldest first. */
  static ObjectNode changes(RecordHistory history) {
    ObjectNode root = HttpServer.json().createObjectNode();
    ArrayNode changes = root.putArray("changes");
    int n = 0;
    for (RecordHistory.Version v : history.versions()) {
      JsonNode study = StudyJson.standard().tree(v.study());
      ObjectNode change = changes.addObject();
      change.put("version", n++);
      JsonNode submitted = study.at("/protocolSection/statusModule/lastUpdateSubmitDate");
      change.put("date", submitted.isTextual() ? submitted.asText()
          : v.info().recordedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
      JsonNode status = study.at("/protocolSection/statusModule/overallStatus");
      if (status.isTextual()) {
        change.put("status", status.asText());
      }
      ArrayNode labels = change.putArray("moduleLabels");
      for (String module : v.firstFromSource() ? present(study) : v.changedModules()) {
        String label = LABELS.get(module);
        if (label != null) {
          labels.add(label);
        }
      }
    }
    return root;
  }

  /** The modules a version has, as paths ({@code protocolSection.statusModule}), in the website's order. */
  private static List<String> present(JsonNode study) {
    List<String> out = new ArrayList<>();
    for (String module : LABELS.keySet()) {
      if (!study.at("/" + module.replace('.', '/')).isMissingNode()) {
        out.add(module);
      }
    }
    return out;
  }

  /** The parameters as the v2 API checks them, in its words. */
  private static void only(Context ctx, Set<String> accepted) {
    ApiV2.only(ctx.queryParamMap(), accepted);
  }

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    String p = "protocolSection.";
    m.put(p + "identificationModule", "Study Identification");
    m.put(p + "statusModule", "Study Status");
    m.put(p + "sponsorCollaboratorsModule", "Sponsor/Collaborators");
    m.put(p + "oversightModule", "Oversight");
    m.put(p + "descriptionModule", "Study Description");
    m.put(p + "conditionsModule", "Conditions");
    m.put(p + "designModule", "Study Design");
    m.put(p + "armsInterventionsModule", "Arms and Interventions");
    m.put(p + "outcomesModule", "Outcome Measures");
    m.put(p + "eligibilityModule", "Eligibility");
    m.put(p + "contactsLocationsModule", "Contacts/Locations");
    m.put(p + "referencesModule", "References");
    m.put(p + "ipdSharingStatementModule", "IPDSharing");
    String r = "resultsSection.";
    m.put(r + "participantFlowModule", "Participant Flow");
    m.put(r + "baselineCharacteristicsModule", "Baseline Characteristics");
    m.put(r + "outcomeMeasuresModule", "Outcome Measures (results)");
    m.put(r + "adverseEventsModule", "Adverse Events");
    m.put(r + "moreInfoModule", "More Information");
    m.put("documentSection.largeDocumentModule", "Documents");
    return java.util.Collections.unmodifiableMap(m);
  }
}
