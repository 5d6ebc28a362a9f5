package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real third-party ClinicalTrials.gov API v2 clients, replayed (issue #14, "Must show"): for each
 * client a fixture in {@code clients/<name>.json} beside this class, written from the client's
 * public source (repository, commit, file and function named in it), holds every request the
 * client makes for each of its operations, exactly as it builds it (parameter order, repeats,
 * list separators, percent-encoding of its HTTP library, headers), and what the client reads from
 * the answer. Each call is sent to a real trialdex server on a free loopback port over a store of
 * the 100-study NSCLC sample and PALLAS, and every read is asserted.
 *
 * <p>A call marked {@code works} must pass all its reads, and its JSON answer under {@code /api/v2}
 * must follow {@code ctg-oas-v2.yaml}. A call marked {@code gap} names the issue #14 item it waits
 * for and must still fail at least one read: when a gap starts working this test fails until the
 * fixture says {@code works}, so the tally in docs/http.md ("Clients tested") stays true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCompatibilityTest {

  /** The fixtures, one per client, in the order docs/http.md lists them. */
  static final List<String> CLIENTS = List.of("pytrials", "ctrdata", "clinicaltrialsgov-mcp-server", "biomcp", "clintrialx",
      "clinicaltrials-database-skill", "healthcare-mcp");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PREVIOUS = Pattern.compile("\\{\\{prev:([^}]+)}}");

  private LoopbackApi api;
  private V2Document oas;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** One line per replayed call, printed as a tally when the class ends. */
  private final List<String> tally = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  void start(@TempDir Path dir) {
    api = LoopbackApi.sample(dir);
    oas = V2Document.load();
  }

  @AfterAll
  void stop() {
    if (!tally.isEmpty()) {
      long gaps = tally.stream().filter(l -> l.startsWith("[gap]")).count();
      System.out.println("Client calls replayed: " + tally.size() + ", " + (tally.size() - gaps) + " work, " + gaps + " gaps\n  "
          + String.join("\n  ", tally));
    }
    if (api != null) {
      api.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyCallOfEveryClientReadsWhatTheClientReads() {
    return CLIENTS.stream().map(name -> {
      JsonNode fixture = fixture(name);
      Encoding encoding = Encoding.of(fixture.path("encoding").asText());
      Answer[] previous = new Answer[1];
      List<DynamicTest> calls = new ArrayList<>();
      for (JsonNode call : fixture.path("calls")) {
        String status = call.path("status").asText();
        String title = call.path("operation").asText() + " — " + ("gap".equals(status)
            ? "gap (" + call.path("gap").asText() + ")" : status);
        calls.add(DynamicTest.dynamicTest(title, () -> {
          Answer a = send(call.path("request"), encoding, previous[0]);
          previous[0] = a;
          judge(name, call, a);
        }));
      }
      return DynamicContainer.dynamicContainer(name + " (" + fixture.path("language").asText() + ")", calls);
    });
  }

  /** The fixtures' own shape: every call names its source, reads something, and a gap says why. */
  @Test
  void everyFixtureNamesItsSourceAndEveryGapItsReason() {
    for (String name : CLIENTS) {
      JsonNode f = fixture(name);
      assertEquals(name, f.path("client").asText(), name);
      assertTrue(f.path("source").asText().startsWith("https://github.com/"), name);
      Encoding.of(f.path("encoding").asText());
      assertFalse(f.path("calls").isEmpty(), name);
      for (JsonNode call : f.path("calls")) {
        String where = name + ": " + call.path("operation").asText();
        assertTrue(call.path("from").asText().contains("#"), where + " names no file#function");
        assertTrue(call.path("request").path("path").asText().startsWith("/api/"), where);
        assertFalse(call.path("reads").isEmpty(), where + " reads nothing");
        String status = call.path("status").asText();
        assertTrue(status.equals("works") || status.equals("gap"), where + ": status " + status);
        assertEquals(status.equals("gap"), !call.path("gap").asText().isBlank(), where + ": a gap, and only a gap, says why");
      }
    }
  }

  /**
   * docs/http.md ("Clients tested") lists every call with the result its fixture records, and its
   * totals are the fixtures' totals, so the page cannot drift from what this test proves.
   */
  @Test
  void docsHttpMdListsEveryCallWithItsRecordedResult() throws IOException {
    String docs = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/http.md"));
    int calls = 0;
    int works = 0;
    for (String name : CLIENTS) {
      JsonNode f = fixture(name);
      assertTrue(docs.contains("### " + name + " (" + f.path("language").asText() + ")"), "docs/http.md has no section for " + name);
      for (JsonNode call : f.path("calls")) {
        calls++;
        boolean working = "works".equals(call.path("status").asText());
        works += working ? 1 : 0;
        String row = "| " + call.path("operation").asText().replace("|", "\\|") + " | ";
        String result = working ? " | works | " : " | **gap** — " + call.path("gap").asText().replace("|", "\\|") + " | ";
        assertTrue(docs.lines().anyMatch(l -> l.startsWith(row) && l.contains(result)),
            () -> "docs/http.md lists no row for " + name + " " + row + " with" + result);
      }
    }
    String totals = "Totals (" + calls + " calls: " + works + " work, " + (calls - works) + " gaps)";
    assertTrue(docs.contains(totals), "docs/http.md does not say " + totals);
  }

  // --- replaying a call

  /** An answer: status, headers, body, and the body as JSON when it is JSON. */
  record Answer(String uri, int status, Map<String, List<String>> headers, String body, JsonNode json) {
    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }

  private Answer send(JsonNode request, Encoding encoding, Answer previous) throws IOException, InterruptedException {
    StringBuilder query = new StringBuilder();
    for (JsonNode pair : request.path("params")) {
      String value = resolvePrevious(pair.get(1).asText(), previous);
      query.append(query.isEmpty() ? "" : "&").append(encoding.encode(pair.get(0).asText()))
          .append('=').append(encoding.encode(value));
    }
    String uri = "http://127.0.0.1:" + api.port() + request.path("path").asText() + (query.isEmpty() ? "" : "?" + query);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET();
    request.path("headers").fields().forEachRemaining(h -> b.header(h.getKey(), h.getValue().asText()));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json = null;
    if (r.headers().firstValue("content-type").orElse("").contains("json")) {
      try {
        json = MAPPER.readTree(r.body());
      } catch (IOException notJson) {
        json = null;
      }
    }
    return new Answer(uri, r.statusCode(), r.headers().map(), r.body(), json);
  }

  /** {@code {{prev:what}}} in a value: what the previous call of the same client read there (a page token). */
  private static String resolvePrevious(String value, Answer previous) {
    var m = PREVIOUS.matcher(value);
    if (!m.find()) {
      return value;
    }
    assertTrue(previous != null, "no previous call for " + value);
    List<JsonNode> found = read(previous, m.group(1));
    assertFalse(found.isEmpty() || found.get(0).isMissingNode(), () -> "the previous answer has no " + m.group(1));
    return m.replaceFirst(Matcher.quoteReplacement(found.get(0).asText()));
  }

  private void judge(String client, JsonNode call, Answer a) {
    List<String> failed = new ArrayList<>();
    for (JsonNode read : call.path("reads")) {
      String what = read.path("what").asText();
      String expect = read.path("expect").asText();
      check(read(a, what), expect).ifPresent(why -> failed.add(what + " " + expect + ": " + why));
    }
    String path = URI.create(a.uri()).getPath();
    boolean works = "works".equals(call.path("status").asText());
    String context = client + " " + call.path("operation").asText() + "\n  " + a.uri() + "\n  answered " + a.status()
        + " " + a.header("content-type").orElse("") + ": " + abbreviate(a.body());
    tally.add((works ? "[works] " : "[gap] ") + client + " · " + call.path("operation").asText()
        + (works ? "" : " — " + call.path("gap").asText()));
    if (works) {
      assertTrue(failed.isEmpty(), () -> context + "\n  reads that fail:\n    " + String.join("\n    ", failed));
      if (a.json() != null && a.status() == 200 && path.startsWith("/api/v2/")) {
        List<ValidationReport.Message> errors = oas.errors(path, a.status(), a.header("content-type").orElse(""), a.body());
        assertTrue(errors.isEmpty(), () -> context + "\n  does not follow ctg-oas-v2.yaml:\n" + errors);
      }
    } else {
      if (failed.isEmpty()) {
        fail(context + "\n  is recorded as a gap (" + call.path("gap").asText()
            + ") but every read passes now: mark it \"works\" in clients/" + client + ".json and in docs/http.md");
      }
      System.out.println("[gap] " + client + " " + call.path("operation").asText() + " (" + call.path("gap").asText()
          + "): " + String.join("; ", failed));
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body.replace('\n', ' ');
    return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
  }

  // --- what a client reads

  /**
   * What the client reads, as values: {@code status}; {@code header:NAME}; {@code body};
   * {@code body.tail:N} (its last N characters); {@code csv:header} (the title row, comma-joined);
   * {@code csv:rows} (the number of data rows); {@code csv:column:TITLE} (that column's values);
   * {@code keys:POINTER} (the member names of an object, comma-joined, in order);
   * {@code count:POINTER} (an array's size); or a JSON pointer whose {@code *} segments stand for
   * every element of an array. Nothing found is an empty list.
   */
  static List<JsonNode> read(Answer a, String what) {
    if (what.equals("status")) {
      return List.of(TextNode.valueOf(Integer.toString(a.status())));
    }
    if (what.startsWith("header:")) {
      return a.header(what.substring(7)).<List<JsonNode>>map(v -> List.of(TextNode.valueOf(v))).orElse(List.of());
    }
    if (what.equals("body")) {
      return List.of(TextNode.valueOf(a.body()));
    }
    if (what.startsWith("body.tail:")) {
      int n = Integer.parseInt(what.substring(10));
      return List.of(TextNode.valueOf(a.body().substring(Math.max(0, a.body().length() - n))));
    }
    if (what.startsWith("csv:")) {
      if (a.header("content-type").orElse("").contains("json")) {
        return List.of();
      }
      List<List<String>> rows = Csv.parse(a.body());
      if (rows.isEmpty()) {
        return List.of();
      }
      List<String> titles = rows.get(0);
      if (what.equals("csv:header")) {
        return List.of(TextNode.valueOf(String.join(",", titles)));
      }
      if (what.equals("csv:rows")) {
        return List.of(TextNode.valueOf(Integer.toString(rows.size() - 1)));
      }
      int col = titles.indexOf(what.substring("csv:column:".length()));
      if (col < 0) {
        return List.of();
      }
      List<JsonNode> values = new ArrayList<>();
      rows.stream().skip(1).forEach(r -> values.add(TextNode.valueOf(col < r.size() ? r.get(col) : "")));
      return values;
    }
    if (a.json() == null) {
      return List.of();
    }
    if (what.startsWith("keys:")) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode n : at(a.json(), what.substring(5))) {
        if (n.isObject()) {
          List<String> names = new ArrayList<>();
          n.fieldNames().forEachRemaining(names::add);
          out.add(TextNode.valueOf(String.join(",", names)));
        } else {
          out.add(MissingNode.getInstance());
        }
      }
      return out;
    }
    if (what.startsWith("count:")) {
      return at(a.json(), what.substring(6)).stream()
          .map(n -> n.isArray() ? (JsonNode) TextNode.valueOf(Integer.toString(n.size())) : MissingNode.getInstance()).toList();
    }
    return at(a.json(), what);
  }

  /** The nodes at a JSON pointer whose {@code *} segments fan out over arrays (missing nodes kept, so "every" can fail). */
  static List<JsonNode> at(JsonNode root, String pointer) {
    List<JsonNode> current = List.of(root);
    if (pointer.isEmpty() || pointer.equals("/")) {
      return current;
    }
    for (String segment : pointer.substring(1).split("/", -1)) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        if (segment.equals("*")) {
          if (n.isArray()) {
            n.forEach(next::add);
          } else {
            next.add(MissingNode.getInstance());
          }
        } else if (n.isArray() && segment.matches("\\d+")) {
          next.add(n.path(Integer.parseInt(segment)));
        } else {
          next.add(n.path(segment.replace("~1", "/").replace("~0", "~")));
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * Whether the values meet the expectation; the reason when they do not. Every expectation but
   * {@code absent} and {@code notMatches:} needs at least one value, and holds for every value;
   * {@code descending} holds for the list (ISO dates and texts compared as text).
   */
  static Optional<String> check(List<JsonNode> values, String expect) {
    if (expect.equals("absent")) {
      return values.stream().allMatch(v -> v.isMissingNode() || v.isNull()) ? Optional.empty()
          : Optional.of("present: " + abbreviate(values.toString()));
    }
    if (expect.startsWith("notMatches:")) {
      Pattern p = Pattern.compile(expect.substring(11));
      return values.stream().filter(v -> p.matcher(v.asText()).find()).findFirst().map(v -> "matched in " + abbreviate(v.asText()));
    }
    if (values.isEmpty()) {
      return Optional.of("nothing there");
    }
    if (expect.equals("descending")) {
      for (int i = 1; i < values.size(); i++) {
        if (values.get(i - 1).asText().compareTo(values.get(i).asText()) < 0) {
          return Optional.of("not in descending order at " + i + ": " + values.get(i - 1).asText() + " then " + values.get(i).asText());
        }
      }
      return Optional.empty();
    }
    for (JsonNode v : values) {
      if (v.isMissingNode() || v.isNull()) {
        return Optional.of("missing in one of " + values.size());
      }
      Optional<String> why = checkOne(v, expect);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkOne(JsonNode v, String expect) {
    String text = v.isValueNode() ? v.asText() : v.toString();
    String[] parts = expect.split(":", 2);
    String arg = parts.length > 1 ? parts[1] : "";
    boolean ok = switch (parts[0]) {
      case "present" -> true;
      case "nonEmpty" -> v.isContainerNode() ? !v.isEmpty() : !v.asText().isBlank();
      case "equals" -> text.equals(arg);
      case "equalsIgnoreCase" -> text.equalsIgnoreCase(arg);
      case "matches" -> Pattern.compile(arg).matcher(text).find();
      case "number" -> v.isNumber() || text.matches("-?\\d+(\\.\\d+)?");
      case "boolean" -> v.isBoolean();
      case "array" -> v.isArray();
      case "object" -> v.isObject();
      case "min" -> (v.isNumber() || text.matches("-?\\d+(\\.\\d+)?")) && Double.parseDouble(text) >= Double.parseDouble(arg);
      case "max" -> (v.isNumber() || text.matches("-?\\d+(\\.\\d+)?")) && Double.parseDouble(text) <= Double.parseDouble(arg);
      case "size" -> v.isArray() && v.size() == Integer.parseInt(arg);
      case "minSize" -> v.isArray() && v.size() >= Integer.parseInt(arg);
      default -> throw new IllegalArgumentException("unknown expectation " + expect);
    };
    return ok ? Optional.empty() : Optional.of("was " + abbreviate(text));
  }

  // --- fixtures and encodings

  private static JsonNode fixture(String name) {
    String resource = "clients/" + name + ".json";
    try (InputStream in = ClientCompatibilityTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "no fixture " + resource);
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /** How a client's HTTP library writes a query's names and values. */
  enum Encoding {
    /**
     * application/x-www-form-urlencoded: space as {@code +}, everything but letters, digits and
     * {@code *-._} percent-encoded (WHATWG URLSearchParams in Node's fetch, Rust's
     * serde_urlencoded under reqwest's {@code .query()}, Python's urlencode).
     */
    FORM,
    /**
     * Every byte but RFC 3986's unreserved set percent-encoded, space as {@code %20} (R's
     * curl::curl_escape under httr's {@code query = list(...)}).
     */
    PERCENT,
    /**
     * The value written into the URL by hand, then only what may not stand in a URL encoded, space
     * as {@code %20} and {@code |} as {@code %7C}; reserved characters ({@code [ ] : , + ( ) ...})
     * stay as written (Python requests' requote_uri on an f-string URL, R's utils::URLencode).
     */
    REQUOTE;

    static Encoding of(String name) {
      return Encoding.valueOf(name.toUpperCase(Locale.ROOT));
    }

    String encode(String s) {
      return switch (this) {
        case FORM -> URLEncoder.encode(s, StandardCharsets.UTF_8);
        case PERCENT -> escape(s, "");
        case REQUOTE -> escape(s, "!$'()*+,/:;=?@[]~%&");
      };
    }

    private static String escape(String s, String keep) {
      StringBuilder out = new StringBuilder();
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xff);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0
            || (c < 0x80 && keep.indexOf(c) >= 0)) {
          out.append(c);
        } else {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      }
      return out.toString();
    }
  }

  /** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside quotes. */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        any = true;
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          any = false;
        } else {
          field.append(c);
        }
      }
      if (any) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }

  @Test
  void theCsvReaderKeepsQuotedCommasQuotesAndLineBreaks() {
    assertEquals(List.of(List.of("NCT Number", "Conditions"), List.of("NCT1", "a, b"), List.of("NCT2", "x\"y\nz")),
        Csv.parse("NCT Number,Conditions\r\nNCT1,\"a, b\"\r\nNCT2,\"x\"\"y\nz\"\r\n"));
  }

  @Test
  void theEncodingsWriteAQueryAsTheirLibrariesDo() {
    // Node: new URLSearchParams({fields: "NCTId|BriefTitle", q: "a b"}).toString() gives fields=NCTId%7CBriefTitle&q=a+b
    assertEquals("NCTId%7CBriefTitle", Encoding.FORM.encode("NCTId|BriefTitle"));
    assertEquals("AREA%5BPhase%5DPHASE2+OR+x", Encoding.FORM.encode("AREA[Phase]PHASE2 OR x"));
    // R: curl::curl_escape("NCT Number|x:y") gives NCT%20Number%7Cx%3Ay
    assertEquals("NCT%20Number%7Cx%3Ay", Encoding.PERCENT.encode("NCT Number|x:y"));
    // Python: requests.utils.requote_uri("fields=NCT Number|Conditions&q=AREA[X]RANGE[a,b]")
    // gives fields=NCT%20Number%7CConditions&q=AREA[X]RANGE[a,b]
    assertEquals("NCT%20Number%7CConditions", Encoding.REQUOTE.encode("NCT Number|Conditions"));
    assertEquals("AREA[X]RANGE[a,b]", Encoding.REQUOTE.encode("AREA[X]RANGE[a,b]"));
  }
}
