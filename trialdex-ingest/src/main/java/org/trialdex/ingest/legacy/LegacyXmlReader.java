package org.trialdex.ingest.legacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.json.StudyJsonException;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.StudyReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.trialdex.core.source.RecordIds;

/**
 * Reads the legacy ClinicalTrials.gov ClinicalStudy XML (the {@code public.xsd} records of
 * AllPublicXML and the classic API): one {@code <clinical_study>} per entry, mapped onto the v2
 * model. {@code docs/legacy-xml-mapping.md} gives the mapping, element by element.
 *
 * <p>Each entry gives exactly one result. It fails, naming the entry and the reason, when it is
 * over {@link ReadOptions#maxRecordBytes()}, not UTF-8, not well-formed XML (with line and column),
 * has a DOCTYPE (refused, so no entity or DTD is ever resolved), another root element, or no valid
 * NCT id. A value that does not map, and an element the v2 model has no place for, becomes a
 * warning naming the element; nothing is dropped silently.
 *
 * <p>Instances are thread-safe: each thread parses with its own {@link DocumentBuilder} from one
 * shared, hardened factory.
 */
public final class LegacyXmlReader implements StudyReader {

  /** The format id, as in {@link Provenance#format()}. */
  public static final String FORMAT = "ctgov-legacy-xml";

  private static final Pattern NCT_ID = RecordIds.NCT_ID;
  /**
   * How deep elements may nest: the JSON limit. Set here because the JDK's own default differs by
   * version (none before JDK 24, 100 after), and the mappers walk the tree recursively.
   */
  static final int MAX_ELEMENT_DEPTH = 1000;
  private static final String MAX_DEPTH_PROPERTY = "jdk.xml.maxElementDepth";
  private static final DocumentBuilderFactory FACTORY = hardenedFactory();

  private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(LegacyXmlReader::newBuilder);
  private final StudyJson json = StudyJson.importing();

  /** A reader; it holds no state but per-thread parsers. */
  public LegacyXmlReader() {}

  @Override
  public boolean oneRecordPerEntry() {
    return true;
  }

  @Override
  public Stream<ReadResult> read(SourceEntry entry, ReadOptions options) {
    return Stream.of(entry).map(e -> readOne(e, options));
  }

  private ReadResult readOne(SourceEntry entry, ReadOptions options) {
    try {
      if (entry.size() > options.maxRecordBytes()) {
        return failed(entry, "", options.tooLarge(entry.size()));
      }
      byte[] bytes = readAtMost(entry.in(), options.maxRecordBytes());
      if (bytes.length > options.maxRecordBytes()) {
        return failed(entry, "", options.tooLarge(bytes.length + drain(entry.in())));
      }
      String text;
      try {
        text = decodeUtf8(bytes);
      } catch (MalformedInputException e) {
        return failed(entry, "", "the bytes are not UTF-8 (the first bad byte is at offset "
            + firstBadByte(bytes) + "); legacy XML records are UTF-8, re-export or convert the file");
      }
      Document doc;
      try {
        doc = builders.get().parse(new InputSource(new StringReader(text)));
      } catch (SAXParseException e) {
        String where = " at line " + e.getLineNumber() + ", column " + e.getColumnNumber();
        if (e.getMessage() != null && e.getMessage().contains(MAX_DEPTH_PROPERTY)) {
          return failed(entry, "", "elements nested deeper than " + MAX_ELEMENT_DEPTH + " levels" + where
              + "; a study record nests a few levels only");
        }
        return failed(entry, "", "not well-formed XML" + where + ": " + e.getMessage());
      }
      Element root = doc.getDocumentElement();
      if (!root.getTagName().equals("clinical_study")) {
        return failed(entry, "", "the root element is <" + root.getTagName()
            + ">, not <clinical_study>; this is not a legacy ClinicalTrials.gov study record");
      }
      String nctId = nctId(root);
      if (nctId == null) {
        return failed(entry, "", "the record has no <id_info><nct_id>; a study needs its NCT id");
      }
      if (!NCT_ID.matcher(nctId).matches()) {
        return failed(entry, nctId, "the NCT id '" + nctId
            + "' is not NCT followed by 8 digits; fix <id_info><nct_id>");
      }
      return map(entry, root, nctId);
    } catch (IOException e) {
      return failed(entry, "", "cannot read the entry: " + ReadProblem.reasonOf(e));
    } catch (SAXException e) {
      return failed(entry, "", "not XML: " + ReadProblem.reasonOf(e));
    } catch (RuntimeException e) {
      // A bug here must not abort the batch: the record fails, with the cause in the reason.
      return failed(entry, "", "the reader failed on this record (" + e
          + "); please report it with the file");
    }
  }

  private ReadResult map(SourceEntry entry, Element root, String nctId) {
    Mapping m = new Mapping(entry.name(), nctId);
    ObjectNode study = Mapping.object();
    new ProtocolMapper(m).map(root, study);
    Element results = m.child(root, "clinical_results");
    if (results != null) {
      Mapping.put(study, "resultsSection", new ResultsMapper(m).map(results));
    }
    study.put("hasResults", results != null);
    m.warnUnmapped(root);
    try {
      Study s = json.read(study);
      return new ReadResult.Read(s, new Provenance(FORMAT, entry.name(), ""), m.warnings());
    } catch (StudyJsonException e) {
      return failed(entry, nctId, "the mapped record does not fit the v2 model: " + e.getMessage());
    }
  }

  private static String nctId(Element root) {
    for (var n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element idInfo && idInfo.getTagName().equals("id_info")) {
        for (var c = idInfo.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element id && id.getTagName().equals("nct_id")) {
            String t = id.getTextContent().strip();
            return t.isEmpty() ? null : t;
          }
        }
      }
    }
    return null;
  }

  private static ReadResult failed(SourceEntry entry, String record, String reason) {
    return new ReadResult.Failed(new ReadProblem(entry.name(), record, reason));
  }

  /** Up to {@code max + 1} bytes: one more than allowed tells that the entry is too large. */
  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 64 * 1024));
    byte[] buf = new byte[16 * 1024];
    int n;
    while (out.size() < cap && (n = in.read(buf, 0, Math.min(buf.length, cap - out.size()))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static long drain(InputStream in) throws IOException {
    long total = 0;
    byte[] buf = new byte[16 * 1024];
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
    }
    return total;
  }

  private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    String s = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    // A byte order mark is allowed in UTF-8 files but is not part of the XML.
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static int firstBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var result = decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
    return result.isError() ? in.position() : -1;
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      // No DOCTYPE at all: no external entities, no entity expansion bombs, no DTD fetches.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser refused a safety setting; cannot read XML safely", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setAttribute(MAX_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    f.setValidating(false);
    f.setCoalescing(true);
    f.setIgnoringComments(true);
    return f;
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilder b = FACTORY.newDocumentBuilder();
      b.setErrorHandler(THROWING);
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("cannot create an XML parser", e);
    }
  }

  // The default handler prints to stderr; errors are reported in the result instead.
  private static final ErrorHandler THROWING = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };
}
