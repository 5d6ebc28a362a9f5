package org.trialdex.core.derive;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trialdex.core.model.AgencyClass;

/**
 * The agency class ClinicalTrials.gov gives an organization ({@code NIH}, {@code FED},
 * {@code INDUSTRY}, {@code OTHER_GOV}, {@code OTHER}), read from its name, for records whose source
 * did not say (registry pages, some classic records). ClinicalTrials.gov assigns the class from its
 * own list of organizations; this reads the kinds of names that give each class away:
 *
 * <ul>
 *   <li>{@code NIH}: the National Institutes of Health and its institutes and centres.
 *   <li>{@code FED}: other United States federal bodies: the Department of Veterans Affairs and its
 *       medical centres, the Department of Defense and the armed forces, the FDA, the CDC.
 *   <li>{@code INDUSTRY}: company forms (Inc., Ltd, LLC, GmbH, S.A., AG, Co., Corp., Pvt, K.K.,
 *       B.V., S.p.A., plc) and words companies name themselves by (Pharmaceuticals, Pharma,
 *       Therapeutics, Biotech, Biosciences, Biologics, Laboratories).
 *   <li>{@code OTHER_GOV}: ministries and national health services of other countries.
 *   <li>{@code OTHER}: universities, hospitals, clinics, academic institutes, foundations,
 *       cooperative groups.
 * </ul>
 *
 * A name that gives nothing away is not classed here ({@link #of} is empty); {@link Derivation}
 * then writes ClinicalTrials.gov's own {@code UNKNOWN}. Rules are tried in that order, so
 * "Pfizer Inc" is industry and "University of Texas MD Anderson Cancer Center" is other; a company
 * named after a university hospital ("... University Hospital Co., Ltd.") is industry, as its form
 * says. {@code AgencyClassesTest} measures it against the classes ClinicalTrials.gov gave 2,300
 * sponsors and collaborators of the MSC set.
 */
public final class AgencyClasses {

  private static final Pattern NIH = words("national institutes? of health|nih|national cancer institute|nci"
      + "|national heart,? lung,? and blood institute|national institute (of|on|for) [a-z ,]+"
      + "|national center for (advancing translational sciences|complementary and integrative health)"
      + "|national eye institute|national human genome research institute|national library of medicine"
      + "|niaid|nhlbi|ninds|nimh|nidcr|niddk|nichd|nia|niaaa|nida|nibib|nidcd|ninr|niehs|niams|nigms|ncats|nccih");
  private static final Pattern FED = words("veterans? affairs|va (office|medical center|health ?care)"
      + "|department of defense|u\\.?s\\.? (army|navy|air force)|united states (army|navy|air force|department of)"
      + "|walter reed|armed forces|food and drug administration|fda|centers for disease control|cdc"
      + "|department of veterans|congressionally directed medical research|agency for healthcare research"
      + "|uniformed services university|naval medical|military health system");
  private static final Pattern INDUSTRY = words("inc|incorporated|ltd|limited|llc|l\\.l\\.c|gmbh|ag|s\\.?a|s\\.?a\\.?s"
      + "|s\\.?l|s\\.?r\\.?l|s\\.?p\\.?a|co|corp|corporation|company|plc|pvt|pty|k\\.?k|b\\.?v|n\\.?v|a/s|ab|oy|kg"
      + "|pharmaceuticals?|pharma|pharmaceutica|therapeutics|biotech|biotechnology|biosciences?|biologics"
      + "|biopharma|biomedical co|laboratories|labs|medical devices?|healthcare co|cell therapeutics"
      + "|stem cell bank|cellular therapeutics");
  private static final Pattern OTHER_GOV = words("ministry of (public )?health|ministry of [a-z ]+"
      + "|federal medical|state (research|scientific) center|government of"
      + "|instituto mexicano del seguro social|secretar[ií]a de salud|health authority");
  private static final Pattern OTHER = words("universit[a-z]*|universidad|universidade|universit[eéà]|hospital[a-z]*"
      + "|h[oô]pital|hopitaux|klinik[a-z]*|clinic[a-z]*|cl[ií]nica|college|school of medicine|medical school"
      + "|medical cent(er|re)|cancer cent(er|re)|institut[a-z]*|foundation|fondazione|fundaci[oó]n|funda[cç][aã]o"
      + "|stiftung|academy|academic|research cent(er|re)|health system|group|consortium|society|association"
      + "|charit[a-z]*|trust|irccs|centre hospitalier|chu|assistance publique|kaiser|mayo|memorial");

  private AgencyClasses() {}

  /** The class the organization's name gives away, or empty when it gives none. */
  public static Optional<AgencyClass> of(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String n = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (NIH.matcher(n).find()) {
      return Optional.of(AgencyClass.NIH);
    }
    if (FED.matcher(n).find()) {
      return Optional.of(AgencyClass.FED);
    }
    if (INDUSTRY.matcher(n).find()) {
      return Optional.of(AgencyClass.INDUSTRY);
    }
    if (OTHER_GOV.matcher(n).find()) {
      return Optional.of(AgencyClass.OTHER_GOV);
    }
    if (OTHER.matcher(n).find()) {
      return Optional.of(AgencyClass.OTHER);
    }
    return Optional.empty();
  }

  /** Whole words (or runs of words) of the alternatives, as a name writes them. */
  private static Pattern words(String alternatives) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")\\.?(?![\\p{L}\\p{N}])");
  }
}
