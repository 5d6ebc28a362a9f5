package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.ArmsInterventionsModule;
import org.trialdex.core.model.ConditionsModule;
import org.trialdex.core.model.DescriptionModule;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.InterventionType;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Study;

/**
 * The texts of a record a profile is read from, each with its API v2 field path and its tier: how
 * close it is to the product. Interventions and arms (tier {@link #PRODUCT}) say what is given;
 * titles ({@link #TITLE}) name it; the summary and keywords ({@link #SUMMARY}) and the detailed
 * description ({@link #DESCRIPTION}) also tell background, where other products and tissues appear.
 */
final class Texts {

  static final int PRODUCT = 0;
  static final int TITLE = 1;
  static final int SUMMARY = 2;
  static final int DESCRIPTION = 3;

  /**
   * One field's text.
   *
   * @param field API v2 path
   * @param text the text
   * @param tier how close to the product
   * @param arm arm label when the text is an arm's
   * @param name true for a name (intervention name or other name, arm label): short, no sentences
   * @param group the intervention or arm the text belongs to ({@code interventions[2]}), or null
   * @param gives for an arm, the names of the interventions it gives; else empty
   * @param biological true for the texts of an intervention that is a product (biological, genetic, drug,
   *     combination product), not a device or procedure
   */
  record Section(String field, String text, int tier, String arm, boolean name, String group, List<String> gives,
      boolean biological, String lower) {

    Section {
      if (lower.length() != text.length()) {
        throw new IllegalArgumentException("lower-case text of another length");
      }
    }
  }

  /** The text in lower case, char by char, so every index still points at the same character. */
  static String lower(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /** A sentence of a section: {@code [start, end)} in the section's text. */
  record Sentence(Section section, int start, int end) {
    String text() {
      return section.text().substring(start, end);
    }
  }

  static final String ARMS = "protocolSection.armsInterventionsModule.";
  // A sentence ends at . ; ! ? followed by a space and a capital, digit or bracket, or at a line break.
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.;!?])\\s+(?=[A-Z0-9(\\[\"'•*-])|\\s*[\\r\\n]+\\s*|(?<=:)\\s+(?=[A-Z][a-z]+\\s*:)");

  private Texts() {}

  static List<Section> of(Study study) {
    List<Section> out = new ArrayList<>();
    ProtocolSection p = study == null ? null : study.protocolSection();
    if (p == null) {
      return out;
    }
    ArmsInterventionsModule arms = p.armsInterventionsModule();
    if (arms != null) {
      List<Intervention> interventions = arms.interventions() == null ? List.of() : arms.interventions();
      for (int i = 0; i < interventions.size(); i++) {
        Intervention iv = interventions.get(i);
        String at = ARMS + "interventions[" + i + "].";
        String group = "interventions[" + i + "]";
        boolean bio = iv.type() == InterventionType.BIOLOGICAL || iv.type() == InterventionType.GENETIC
            || iv.type() == InterventionType.DRUG || iv.type() == InterventionType.COMBINATION_PRODUCT;
        add(out, at + "name", iv.name(), PRODUCT, null, true, group, List.of(), bio);
        List<String> others = iv.otherNames() == null ? List.of() : iv.otherNames();
        for (int j = 0; j < others.size(); j++) {
          add(out, at + "otherNames[" + j + "]", others.get(j), PRODUCT, null, true, group, List.of(), bio);
        }
        add(out, at + "description", iv.description(), PRODUCT, null, false, group, List.of(), bio);
      }
      List<ArmGroup> groups = arms.armGroups() == null ? List.of() : arms.armGroups();
      for (int i = 0; i < groups.size(); i++) {
        ArmGroup g = groups.get(i);
        String at = ARMS + "armGroups[" + i + "].";
        String group = "armGroups[" + i + "]";
        List<String> gives = g.interventionNames() == null ? List.of()
            : g.interventionNames().stream().map(n -> n.replaceFirst("^[A-Za-z ]+:\\s*", "").strip()).toList();
        add(out, at + "label", g.label(), PRODUCT, g.label(), true, group, gives, false);
        add(out, at + "description", g.description(), PRODUCT, g.label(), false, group, gives, false);
      }
    }
    IdentificationModule id = p.identificationModule();
    if (id != null) {
      add(out, "protocolSection.identificationModule.briefTitle", id.briefTitle(), TITLE, null, false);
      add(out, "protocolSection.identificationModule.officialTitle", id.officialTitle(), TITLE, null, false);
    }
    DescriptionModule d = p.descriptionModule();
    if (d != null) {
      add(out, "protocolSection.descriptionModule.briefSummary", d.briefSummary(), SUMMARY, null, false);
    }
    ConditionsModule c = p.conditionsModule();
    if (c != null && c.keywords() != null) {
      for (int i = 0; i < c.keywords().size(); i++) {
        add(out, "protocolSection.conditionsModule.keywords[" + i + "]", c.keywords().get(i), SUMMARY, null, true);
      }
    }
    if (d != null) {
      add(out, "protocolSection.descriptionModule.detailedDescription", d.detailedDescription(), DESCRIPTION,
          null, false);
    }
    return out;
  }

  private static void add(List<Section> out, String field, String text, int tier, String arm, boolean name) {
    add(out, field, text, tier, arm, name, null, List.of(), false);
  }

  private static void add(List<Section> out, String field, String text, int tier, String arm, boolean name,
      String group, List<String> gives, boolean biological) {
    if (text != null && !text.isBlank()) {
      out.add(new Section(field, text, tier, arm, name, group, gives, biological, lower(text)));
    }
  }

  /** The sentences of a section; a name is one sentence. */
  static List<Sentence> sentences(Section s) {
    List<Sentence> out = new ArrayList<>();
    String text = s.text();
    if (s.name()) {
      out.add(new Sentence(s, 0, text.length()));
      return out;
    }
    Matcher m = SENTENCE_END.matcher(text);
    int start = 0;
    while (m.find()) {
      if (m.start() > start) {
        out.add(new Sentence(s, start, m.start()));
      }
      start = m.end();
    }
    if (start < text.length()) {
      out.add(new Sentence(s, start, text.length()));
    }
    return out;
  }
}
