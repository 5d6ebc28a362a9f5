package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.celltherapy.Texts.Sentence;

/** Manufacturing notes in sentences about the product: passage, culture, medium, fresh or cryopreserved. */
final class Manufacturing {

  private record Note(String name, Pattern pattern) {}

  private static final List<Note> NOTES = List.of(
      new Note("passage", Pattern.compile("\\bpassages?\\s*(?:number\\s*)?(?:\\d{1,2}|[IVX]+)(?:\\s*(?:-|–|to|or|and)\\s*\\d{1,2})?"
          + "|\\b(?:at|from|in)\\s+P\\d{1,2}\\b|\\blow[\\s-]+passage", Pattern.CASE_INSENSITIVE)),
      new Note("culture-expanded", Pattern.compile("\\b(?:culture[\\s-]*expanded|ex[\\s-]+vivo[\\s-]+expan\\w+|expanded\\s+"
          + "(?:in\\s+(?:vitro|culture)|ex\\s+vivo)|cultured\\s+(?:in\\s+vitro|for\\s+\\d+)|in\\s+vitro\\s+expan\\w+)",
          Pattern.CASE_INSENSITIVE)),
      new Note("not expanded", Pattern.compile("\\b(?:minimally\\s+manipulated|without\\s+(?:in\\s+vitro\\s+)?(?:culture|expansion)"
          + "|non-?expanded|uncultured|not\\s+(?:culture[\\s-]*)?expanded)", Pattern.CASE_INSENSITIVE)),
      new Note("cryopreserved", Pattern.compile("\\b(?:cryo-?preserv\\w*|frozen|thaw\\w*|cryopreservation)\\b",
          Pattern.CASE_INSENSITIVE)),
      new Note("fresh", Pattern.compile("\\bfresh(?:ly)?\\s+(?:prepared|harvested|cultured|isolated|cells|mscs?|product)"
          + "|\\bnon-?cryopreserved|\\bnever\\s+frozen", Pattern.CASE_INSENSITIVE)),
      new Note("serum-free or xeno-free medium", Pattern.compile("\\b(?:serum[\\s-]+free|xeno-?(?:geneic[\\s-]+)?free|"
          + "animal[\\s-]+(?:component|serum)[\\s-]+free|chemically[\\s-]+defined\\s+medi\\w+)", Pattern.CASE_INSENSITIVE)),
      new Note("fetal bovine serum", Pattern.compile("\\b(?:fetal|foetal)\\s+(?:bovine|calf)\\s+serum|\\bFBS\\b")),
      new Note("platelet lysate", Pattern.compile("\\b(?:human\\s+)?platelet\\s+lysate|\\bhPL\\b", Pattern.CASE_INSENSITIVE)),
      new Note("GMP", Pattern.compile("\\bGMP\\b|\\bgood\\s+manufacturing\\s+practice", Pattern.CASE_INSENSITIVE)),
      new Note("genetically modified", Pattern.compile("\\b(?:genetically\\s+(?:modified|engineered)|transduced|transfected"
          + "|overexpress\\w*)", Pattern.CASE_INSENSITIVE)),
      new Note("primed or preconditioned", Pattern.compile("\\b(?:primed|pre-?conditioned|pre-?stimulated|licensed\\s+with|"
          + "pre-?treated\\s+with\\s+(?:IFN|interferon|hypoxia))", Pattern.CASE_INSENSITIVE)));

  private static final Pattern NEGATED = Pattern.compile("\\b(?:no|not|without|never|non)\\s+(?:\\w+\\s+){0,2}$",
      Pattern.CASE_INSENSITIVE);

  private Manufacturing() {}

  static List<Fact<String>> read(List<Sentence> sentences) {
    Map<String, List<Evidence>> found = new LinkedHashMap<>();
    for (Sentence s : sentences) {
      String text = s.section().text();
      for (Note n : NOTES) {
        Matcher m = n.pattern().matcher(text).region(s.start(), s.end());
        while (m.find()) {
          String before = text.substring(Math.max(s.start(), m.start() - 20), m.start());
          if (!n.name().equals("not expanded") && !n.name().equals("fresh") && NEGATED.matcher(before).find()) {
            continue;
          }
          List<Evidence> ev = found.computeIfAbsent(n.name(), k -> new ArrayList<>());
          if (ev.size() < 3) {
            ev.add(new Evidence(s.section().field(), m.start(), m.end(), text.substring(m.start(), m.end())));
          }
        }
      }
    }
    List<Fact<String>> out = new ArrayList<>();
    found.forEach((name, ev) -> out.add(new Fact<>(name, ev)));
    return out;
  }
}
