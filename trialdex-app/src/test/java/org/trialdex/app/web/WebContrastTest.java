package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's colours, read from the layout's stylesheet, meet WCAG 2.1 AA contrast (4.5:1 for
 * body text) for every text colour on every background it is used on.
 */
class WebContrastTest {

  private static double luminance(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  @Test
  void theFormulaGivesTheKnownRatios() {
    assertTrue(Math.abs(contrast("#000000", "#ffffff") - 21.0) < 0.01);
    assertTrue(Math.abs(contrast("#777777", "#ffffff") - 4.48) < 0.01);
  }

  @Test
  void everyTextColourMeetsAaOnEveryBackgroundItIsUsedOn() throws IOException {
    String css = Files.readString(Path.of("src/main/resources/org/trialdex/app/web/static/trialdex.css"));
    Map<String, String> vars = new HashMap<>();
    Matcher m = Pattern.compile("--([a-z]+):\\s*(#[0-9a-fA-F]{3,6})").matcher(css);
    while (m.find()) {
      vars.put(m.group(1), m.group(2));
    }
    assertTrue(vars.keySet().containsAll(List.of("ink", "muted", "link", "band")), vars::toString);
    String white = "#ffffff";
    // Text colours and the backgrounds the stylesheet puts them on: the page, the bands (header,
    // search form, table heads), the diff's deleted and inserted cells, and the buttons.
    List<String[]> pairs = List.of(
        new String[] {vars.get("ink"), white}, new String[] {vars.get("muted"), white},
        new String[] {vars.get("link"), white}, new String[] {vars.get("ink"), vars.get("band")},
        new String[] {vars.get("muted"), vars.get("band")}, new String[] {vars.get("link"), vars.get("band")},
        new String[] {vars.get("ink"), "#fde2e2"}, new String[] {vars.get("ink"), "#dff5e1"},
        new String[] {white, vars.get("link")});
    for (String[] p : pairs) {
      double ratio = contrast(p[0], p[1]);
      assertTrue(ratio >= 4.5, p[0] + " on " + p[1] + " is " + ratio + ":1, below 4.5:1");
    }
    assertTrue(css.contains("#fde2e2") && css.contains("#dff5e1"), "the diff colours moved: update this test");
  }
}
