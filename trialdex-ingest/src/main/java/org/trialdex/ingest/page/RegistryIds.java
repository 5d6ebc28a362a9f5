package org.trialdex.ingest.page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.source.RecordIds;
import org.trialdex.core.source.Sha256;

/**
 * Trial registry identifiers: which registry an id belongs to, and the content id given to a page
 * that shows none.
 */
final class RegistryIds {

  /** A registry id found in text, with the registry it belongs to. */
  record Id(String id, String domain, int start, int end) {
    boolean nct() {
      return domain.equals(CTGOV);
    }
  }

  static final String CTGOV = "ClinicalTrials.gov";
  static final Pattern NCT = Pattern.compile("\\b" + RecordIds.NCT_ID.pattern() + "\\b");

  private record Registry(String domain, Pattern pattern) {}

  // Every pattern is a run of fixed or bounded pieces: no nested quantifiers, linear on any text.
  private static final List<Registry> REGISTRIES = List.of(
      new Registry(CTGOV, NCT),
      new Registry("ISRCTN", Pattern.compile("\\bISRCTN\\d{8}\\b")),
      new Registry("ChiCTR", Pattern.compile("\\bChiCTR(?:-[A-Z]{2,5}-)?\\d{8,10}\\b")),
      new Registry("EU CTR", Pattern.compile("\\bEUCTR\\d{4}-\\d{6}-\\d{2}(?:-[A-Z]{2})?\\b")),
      new Registry("CTIS", Pattern.compile("\\b\\d{4}-5\\d{5}-\\d{2}-\\d{2}\\b")),
      new Registry("EudraCT", Pattern.compile("\\b(?:19|20)\\d{2}-\\d{6}-\\d{2}\\b")),
      new Registry("ANZCTR", Pattern.compile("\\bACTRN\\d{14}p?\\b")),
      new Registry("DRKS", Pattern.compile("\\bDRKS\\d{8}\\b")),
      new Registry("jRCT", Pattern.compile("\\bjRCT[a-z]?\\d{9,10}\\b")),
      new Registry("JPRN", Pattern.compile("\\bJPRN-[A-Za-z]{3,9}-?\\d{6,12}\\b")),
      new Registry("UMIN-CTR", Pattern.compile("\\bUMIN\\d{9}\\b")),
      new Registry("CTRI", Pattern.compile("\\bCTRI/\\d{4}/\\d{2,3}/\\d{6}\\b")),
      new Registry("IRCT", Pattern.compile("\\bIRCT\\d{8,16}N\\d{1,3}\\b")),
      new Registry("PACTR", Pattern.compile("\\bPACTR\\d{15,16}\\b")),
      new Registry("Netherlands Trial Register", Pattern.compile("\\b(?:NL-OMON\\d{4,6}|NTR\\d{3,5}|NL\\d{4,5})\\b")),
      new Registry("CRiS", Pattern.compile("\\bKCT\\d{7}\\b")),
      new Registry("NCI CTRP", Pattern.compile("\\bNCI-\\d{4}-\\d{5}\\b")),
      new Registry("TCTR", Pattern.compile("\\bTCTR\\d{11}\\b")),
      new Registry("SLCTR", Pattern.compile("\\bSLCTR/\\d{4}/\\d{3}\\b")),
      new Registry("ReBEC", Pattern.compile("\\bRBR-[0-9a-z]{6,8}\\b")),
      new Registry("RPCEC", Pattern.compile("\\bRPCEC\\d{8,11}\\b")),
      new Registry("LBCTR", Pattern.compile("\\bLBCTR\\d{10}\\b")),
      new Registry("ITMCTR", Pattern.compile("\\bITMCTR\\d{10,13}\\b")),
      new Registry("ChiMCTR", Pattern.compile("\\bChiMCTR\\d{10}\\b")));

  private RegistryIds() {}

  /** The first registry id in {@code text} (an NCT id before any other), or empty. */
  static Optional<Id> find(String text) {
    Id best = null;
    for (Registry r : REGISTRIES) {
      Matcher m = r.pattern.matcher(text);
      if (m.find() && (best == null || m.start() < best.start())) {
        best = new Id(m.group(), r.domain, m.start(), m.end());
      }
    }
    return Optional.ofNullable(best);
  }

  /** An id that help pages give as an example of the format: {@code NCT12345678}, {@code ISRCTN00000000}. */
  static boolean example(String id) {
    String digits = id.replaceAll("\\D", "");
    return digits.length() >= 7 && ("0123456789".contains(digits) || "1234567890".contains(digits)
        || digits.chars().distinct().count() == 1);
  }

  /** Every registry id in {@code text}, in the order they appear. */
  static List<Id> findAll(String text) {
    List<Id> out = new java.util.ArrayList<>();
    for (Registry r : REGISTRIES) {
      Matcher m = r.pattern.matcher(text);
      while (m.find()) {
        if (r.domain.equals("EudraCT") && m.start() >= 5 && text.startsWith("EUCTR", m.start() - 5)) {
          continue;
        }
        out.add(new Id(m.group(), r.domain, m.start(), m.end()));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Id::start));
    // A CTIS number also matches the EudraCT pattern's first part: keep the longer id at a place.
    List<Id> kept = new java.util.ArrayList<>();
    for (Id id : out) {
      if (!kept.isEmpty() && id.start() < kept.get(kept.size() - 1).end()) {
        if (id.end() - id.start() > kept.get(kept.size() - 1).end() - kept.get(kept.size() - 1).start()) {
          kept.set(kept.size() - 1, id);
        }
        continue;
      }
      kept.add(id);
    }
    return kept;
  }

  /**
   * The content id of a page without a registry id: {@code TDX-} and the first 16 hex digits of the
   * SHA-256 of the normalized title, start date and sponsor joined by {@code |}. Normalized means
   * lower case with every run of characters other than letters and digits made one blank, so the
   * same page read again, or copied with other spacing or punctuation, gets the same id.
   */
  static String contentId(String title, String startDate, String sponsor) {
    String text = norm(title) + "|" + norm(startDate) + "|" + norm(sponsor);
    return "TDX-" + Sha256.hex(text).substring(0, 16);
  }

  static String norm(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
