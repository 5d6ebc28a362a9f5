package org.trialdex.ingest.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.FieldSpan;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.ReadWarning;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.SourceFormat;
import org.trialdex.ingest.StudyReader;

/**
 * Reads registry record pages, as text copied from a registry's web site or as saved HTML, into
 * the model. The reader is label-driven: it knows the labels and headings registries use for each
 * field (with synonyms, in any case, with or without a colon, value on the same or the next lines)
 * rather than any one site's layout; see {@code docs/pages.md}.
 *
 * <p>A field the page does not show stays absent. Each value read comes with a {@link FieldSpan}
 * into the page text (for HTML, into the text jsoup gives with one block per line). A file holding
 * several pages gives one record per page ({@code page 1}, {@code page 2}).
 *
 * <p>Ids: {@code nctId} is set only when the page shows an NCT number. Another registry's id goes
 * into {@code secondaryIdInfos} (type {@code REGISTRY}, its registry as {@code domain}) and into the
 * provenance attribute {@value #REGISTRY_ID}. A page with no registry id gets the attribute
 * {@value #CONTENT_ID}: {@code TDX-} and 16 hex digits of the SHA-256 of its normalized title,
 * start date and lead sponsor, the same on every reading of the same page.
 *
 * <p>Never throws for bad input: an empty file, binary data, a page over
 * {@link ReadOptions#maxRecordBytes()} or a page that does not look like a trial record becomes
 * {@link ReadResult.Failed} with the reason. Parsing is linear in the page size.
 */
public final class PageReader implements StudyReader {

  /** The source format id, as written in {@link Provenance#format()}. */
  public static final String FORMAT = "registry-page";
  /** Provenance attribute: the page's own id in a registry other than ClinicalTrials.gov. */
  public static final String REGISTRY_ID = "registryId";
  /** Provenance attribute: the content id of a page that shows no registry id. */
  public static final String CONTENT_ID = "contentId";

  /** A form's placeholder for a value: {@code [Free text]}, {@code [Date]}, {@code [Number]}. */
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
      "(?i)\\[(?:free text|date|number|text|integer|select(?: one)?|choose(?: one)?|yyyy-mm-dd|dd/mm/yyyy)\\]");

  /** A reader; it holds no state between calls and may be shared. */
  public PageReader() {}

  /** A page file is read whole (and may then give several records when pages were pasted together). */
  @Override
  public boolean oneRecordPerEntry() {
    return true;
  }

  @Override
  public Stream<ReadResult> read(SourceEntry entry, ReadOptions options) {
    return Stream.of(entry).flatMap(e -> readAll(e, options).stream());
  }

  /**
   * True when the start of a text file looks like a registry record page: HTML, or text with at
   * least three distinct trial labels, or a labelled registry id and one more trial label.
   */
  public static boolean looksLikePage(String head) {
    if (PageText.looksHtml(head)) {
      return true;
    }
    try {
      String text = head.length() > 65536 ? head.substring(0, 65536) : head;
      Segmenter.Segments seg = Segmenter.segment(text, PageText.lines(text));
      Set<Field> fields = new HashSet<>();
      boolean id = false;
      for (Segmenter.Block b : seg.blocks()) {
        if (b.field().kind == Field.Kind.VALUE || b.field().kind == Field.Kind.BLOCK) {
          fields.add(b.field());
        }
        id |= b.field() == Field.OWN_ID;
      }
      return fields.size() >= 3 || id && fields.size() >= 2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private List<ReadResult> readAll(SourceEntry entry, ReadOptions options) {
    String file = entry.name();
    try {
      byte[] bytes = readBounded(entry.in(), options.maxRecordBytes());
      if (bytes == null) {
        long size = entry.size() >= 0 ? entry.size() : options.maxRecordBytes() + 1;
        return List.of(ReadResult.failed(file, "", options.tooLarge(size)));
      }
      return readText(file, bytes, options);
    } catch (IOException e) {
      return List.of(ReadResult.failed(file, "", "could not read the page: " + ReadProblem.reasonOf(e)
          + "; check that the file is complete and readable, then import it again"));
    } catch (RuntimeException | StackOverflowError e) {
      return List.of(ReadResult.failed(file, "", "the page could not be read (" + e + "); please report this page"));
    }
  }

  /** The bytes of {@code in}, or null when there are more than {@code max}. */
  private static byte[] readBounded(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        in.transferTo(OutputStreamDiscard.INSTANCE);
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static final class OutputStreamDiscard extends java.io.OutputStream {
    static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  private List<ReadResult> readText(String file, byte[] bytes, ReadOptions options) {
    if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      return List.of(ReadResult.failed(file, "", "the page is empty; a registry page needs at least a title and trial fields"));
    }
    if (SourceFormat.looksBinary(bytes, bytes.length)) {
      return List.of(ReadResult.failed(file, "", "binary data, not the text or HTML of a registry page"));
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String ownUrl = null;
    List<String> headings = List.of();
    if (PageText.looksHtml(text)) {
      PageText.Html html = PageText.fromHtml(text);
      text = html.text();
      ownUrl = html.url();
      headings = html.headings();
    }
    List<Line> lines = PageText.lines(text);
    List<Integer> starts = Pages.starts(text, lines);
    List<ReadResult> out = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      String position = "page " + (i + 1);
      try {
        // The file's own address and headings belong to the page when the file holds one.
        boolean one = starts.size() == 1;
        PageParser parser = new PageParser(text.substring(starts.get(i), end), one ? ownUrl : null,
            one ? options.pageUrl() : null, one ? headings : List.of());
        out.add(readPage(file, position, parser, starts.get(i)));
      } catch (RuntimeException | StackOverflowError e) {
        out.add(ReadResult.failed(file, position, "the page could not be read (" + e + "); please report this page"));
      }
    }
    return out;
  }

  private ReadResult readPage(String file, String position, PageParser parser, int offset) {
    Draft d = parser.parse();
    String title = d.text("identificationModule.officialTitle") != null ? d.text("identificationModule.officialTitle")
        : d.text("identificationModule.briefTitle");
    if (PLACEHOLDER.matcher(parser.page).results().limit(3).count() >= 3) {
      return ReadResult.failed(file, position, "the page describes a registry's entry form (values such as [Free text] and"
          + " [Date] stand for what a record would hold), not a trial's record");
    }
    int values = parser.trialValues();
    boolean hasTitle = title != null;
    // A title chosen on weak evidence, or an id found only in the text, needs more to make a trial
    // (a help page's heading and one example value do not).
    boolean goodTitle = hasTitle && !d.low.contains(Draft.PS + "identificationModule.briefTitle");
    boolean shownId = parser.ownIds.stream().anyMatch(id -> !parser.foundInText.contains(id));
    if (!(goodTitle && values >= 1 || hasTitle && values >= 2 || shownId && (hasTitle || values >= 1)
        || !parser.ownIds.isEmpty() && goodTitle || values >= 3)) {
      return ReadResult.failed(file, position, "the page does not look like a trial record: "
          + (hasTitle ? "a title" : "no line that reads as a trial's title") + ", "
          + (parser.ownIds.isEmpty() ? "no registry id" : "a registry id") + " and " + values
          + " trial value(s) read (a status, phase, enrollment, study type, date, age, sex, condition or sponsor);"
          + " a page is read when it shows a title or a registry id with at least one such value, or three values");
    }
    Map<String, String> attributes = new TreeMap<>();
    attributes.put(Provenance.LAYOUT, parser.layout);
    if (parser.url != null) {
      attributes.put(Provenance.URL, parser.url);
    }
    String confidence = parser.confidence();
    attributes.put(Provenance.CONFIDENCE, confidence);
    if (!d.low.isEmpty()) {
      attributes.put(Provenance.LOW_CONFIDENCE, String.join(" ", d.low));
      d.warn("confidence", "read on weak evidence (by position or type, not by a label), so never merged over a registry's record: "
          + String.join(", ", d.low.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList()));
    }
    String nct = d.text("identificationModule.nctId");
    String registryId = parser.ownIds.stream().filter(id -> !id.nct()).map(RegistryIds.Id::id).findFirst().orElse(null);
    if (registryId != null) {
      attributes.put(REGISTRY_ID, registryId);
    }
    if (nct == null && registryId == null) {
      attributes.put(CONTENT_ID, RegistryIds.contentId(title, d.text("statusModule.startDateStruct.date"),
          d.text("sponsorCollaboratorsModule.leadSponsor.name")));
    }
    String record = nct != null ? nct : registryId != null ? registryId : attributes.getOrDefault(CONTENT_ID, position);
    Study study;
    try {
      // The import door: an HTML character reference such as &#xDFFF; gives a lone surrogate, refused here.
      study = StudyJson.importing().read(d.root);
    } catch (RuntimeException e) {
      return ReadResult.failed(file, position, "the values read from the page do not fit the v2 model: " + e.getMessage());
    }
    List<ReadWarning> warnings = new ArrayList<>();
    for (Draft.Note n : d.notes) {
      warnings.add(new ReadWarning(file, record, n.field(), n.message()));
    }
    List<FieldSpan> spans = new ArrayList<>();
    for (FieldSpan s : d.spans) {
      spans.add(new FieldSpan(s.path(), s.start() + offset, s.end() + offset));
    }
    return new ReadResult.Read(study, new Provenance(FORMAT, file, position, attributes), warnings, spans);
  }
}
