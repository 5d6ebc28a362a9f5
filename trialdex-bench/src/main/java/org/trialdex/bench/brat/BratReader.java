package org.trialdex.bench.brat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.trialdex.bench.brat.BratDocument.Argument;
import org.trialdex.bench.brat.BratDocument.Attribute;
import org.trialdex.bench.brat.BratDocument.Equivalence;
import org.trialdex.bench.brat.BratDocument.Event;
import org.trialdex.bench.brat.BratDocument.Fragment;
import org.trialdex.bench.brat.BratDocument.Note;
import org.trialdex.bench.brat.BratDocument.Relation;
import org.trialdex.bench.brat.BratDocument.TextBound;

/**
 * Reads brat standoff files: {@code NAME.ann} with its text in {@code NAME.txt} beside it, both
 * UTF-8. Understands text-bound annotations ({@code T}, discontinuous spans included), events
 * ({@code E}), relations ({@code R}), attributes ({@code A}, {@code M}), notes ({@code #}),
 * normalizations ({@code N}) and equivalences ({@code *}); blank lines are skipped.
 *
 * <p>Strict: a line of another kind, a span outside the text, a text-bound annotation whose text
 * differs from the document's at its offsets, or a reference to an id the file does not define is a
 * {@link BratException} naming the file and line, since an evaluation on silently misread gold
 * would be wrong without saying so. Stateless.
 */
public final class BratReader {

  private BratReader() {}

  /**
   * The {@code .ann} files under a folder, at any depth, sorted by path.
   *
   * @throws BratException when the folder cannot be listed
   */
  public static List<Path> annotationFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ann") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new BratException("cannot list brat files under " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads one document from its {@code .ann} file and the {@code .txt} file beside it.
   *
   * @throws BratException when either file cannot be read or the annotations are malformed or do not
   *     fit the text (the message names the file and line)
   */
  public static BratDocument read(Path annFile) {
    String fileName = annFile.getFileName().toString();
    if (!fileName.endsWith(".ann")) {
      throw new BratException(annFile + ": not a brat annotation file (expected a name ending in .ann)");
    }
    String name = fileName.substring(0, fileName.length() - 4);
    Path txtFile = annFile.resolveSibling(name + ".txt");
    String text = readUtf8(txtFile);
    List<String> lines = List.of(readUtf8(annFile).split("\r?\n", -1));
    return parse(annFile.toString(), name, text, lines);
  }

  private static String readUtf8(Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new BratException(file + ": not UTF-8 text (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BratException("cannot read " + file + ": " + e.getMessage()
          + (file.toString().endsWith(".txt") ? " (a brat .ann file needs its text in a .txt file beside it)" : ""), e);
    }
  }

  /** Parses the lines of an {@code .ann} file against its document text; {@code where} names the file in errors. */
  static BratDocument parse(String where, String name, String text, List<String> lines) {
    List<TextBound> entities = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<Relation> relations = new ArrayList<>();
    List<Attribute> attributes = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<Equivalence> equivalences = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Line at = new Line(where, i + 1, line);
      String[] fields = line.split("\t", -1);
      String id = fields[0];
      if (id.isEmpty() || fields.length < 2) {
        throw at.error("a line starts with an id and a tab");
      }
      char kind = id.charAt(0);
      if (kind != '*' && !ids.add(id)) {
        throw at.error("id " + id + " is defined twice");
      }
      switch (kind) {
        case 'T' -> entities.add(textBound(at, fields, text));
        case 'E' -> {
          Event e = event(at, fields);
          references.add(new Reference(at, e.trigger(), true));
          e.arguments().forEach(a -> references.add(new Reference(at, a.target(), false)));
          events.add(e);
        }
        case 'R' -> {
          Relation r = relation(at, fields);
          references.add(new Reference(at, r.first().target(), false));
          references.add(new Reference(at, r.second().target(), false));
          relations.add(r);
        }
        case 'A', 'M' -> {
          String[] p = words(at, fields, 2, "an attribute line is ID<tab>NAME TARGET [VALUE]");
          if (p.length < 2 || p.length > 3) {
            throw at.error("an attribute line is ID<tab>NAME TARGET [VALUE]");
          }
          references.add(new Reference(at, p[1], false));
          attributes.add(new Attribute(id, p[0], p[1], p.length == 3 ? p[2] : ""));
        }
        case '#', 'N' -> {
          String[] p = words(at, fields, 3, "a note line is ID<tab>TYPE TARGET<tab>TEXT");
          if (p.length < 2) {
            throw at.error("a note line is ID<tab>TYPE TARGET<tab>TEXT");
          }
          references.add(new Reference(at, p[1], false));
          String note = kind == 'N' && p.length > 2 ? p[2] + (fields[2].isEmpty() ? "" : " " + fields[2]) : fields[2];
          notes.add(new Note(id, p[0], p[1], note));
        }
        case '*' -> {
          String[] p = words(at, fields, 2, "an equivalence line is *<tab>TYPE ID ID...");
          List<String> members = List.of(p).subList(1, p.length);
          members.forEach(m -> references.add(new Reference(at, m, false)));
          equivalences.add(new Equivalence(p[0], members));
        }
        default -> throw at.error("unknown annotation kind '" + kind + "' (expected T, E, R, A, M, N, # or *)");
      }
    }
    Set<String> textBound = new HashSet<>();
    entities.forEach(t -> textBound.add(t.id()));
    for (Reference r : references) {
      if (r.trigger() ? !textBound.contains(r.id()) : !ids.contains(r.id())) {
        throw r.line().error("refers to " + r.id() + (r.trigger() ? ", which is not a text-bound annotation of the file" : ", which the file does not define"));
      }
    }
    return new BratDocument(name, text, entities, events, relations, attributes, notes, equivalences);
  }

  private record Line(String file, int number, String text) {
    BratException error(String what) {
      return new BratException(file + ":" + number + ": " + what + " in \"" + text + "\"");
    }
  }

  private record Reference(Line line, String id, boolean trigger) {}

  private static String[] words(Line at, String[] fields, int minFields, String format) {
    if (fields.length < minFields || fields[1].isBlank()) {
      throw at.error(format);
    }
    return fields[1].strip().split(" +");
  }

  private static TextBound textBound(Line at, String[] fields, String text) {
    if (fields.length != 3) {
      throw at.error("a text-bound line is ID<tab>TYPE START END[;START END...]<tab>TEXT");
    }
    int space = fields[1].indexOf(' ');
    if (space <= 0) {
      throw at.error("a text-bound line needs a type and offsets");
    }
    String type = fields[1].substring(0, space);
    List<Fragment> fragments = new ArrayList<>();
    int previousEnd = 0;
    for (String part : fields[1].substring(space + 1).split(";")) {
      String[] offsets = part.strip().split(" +");
      if (offsets.length != 2) {
        throw at.error("offsets must be START END pairs separated by ';'");
      }
      int start;
      int end;
      try {
        start = Integer.parseInt(offsets[0]);
        end = Integer.parseInt(offsets[1]);
      } catch (NumberFormatException e) {
        throw at.error("offset is not a number");
      }
      int codePoints = text.codePointCount(0, text.length());
      if (start < previousEnd || end < start || end > codePoints) {
        throw at.error("span " + start + ".." + end + " is outside the text (" + codePoints + " characters) or out of order");
      }
      // brat counts code points; Java strings count UTF-16 chars.
      fragments.add(new Fragment(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)));
      previousEnd = end;
    }
    String covered = String.join(" ", fragments.stream().map(f -> text.substring(f.start(), f.end())).toList());
    if (!covered.equals(fields[2])) {
      throw at.error("the text at the offsets is \"" + covered + "\", not \"" + fields[2] + "\" (is the .txt file the one annotated?)");
    }
    return new TextBound(fields[0], type, fragments, fields[2]);
  }

  private static Event event(Line at, String[] fields) {
    String[] p = words(at, fields, 2, "an event line is ID<tab>TYPE:TRIGGER [ROLE:ID...]");
    String[] head = p[0].split(":", -1);
    if (head.length != 2 || head[0].isEmpty() || head[1].isEmpty()) {
      throw at.error("an event starts with TYPE:TRIGGER");
    }
    List<Argument> arguments = new ArrayList<>();
    for (int i = 1; i < p.length; i++) {
      arguments.add(argument(at, p[i]));
    }
    return new Event(fields[0], head[0], head[1], arguments);
  }

  private static Relation relation(Line at, String[] fields) {
    String[] p = words(at, fields, 2, "a relation line is ID<tab>TYPE Arg1:ID Arg2:ID");
    if (p.length != 3) {
      throw at.error("a relation line is ID<tab>TYPE Arg1:ID Arg2:ID");
    }
    return new Relation(fields[0], p[0], argument(at, p[1]), argument(at, p[2]));
  }

  private static Argument argument(Line at, String word) {
    int colon = word.indexOf(':');
    if (colon <= 0 || colon == word.length() - 1) {
      throw at.error("argument \"" + word + "\" is not ROLE:ID");
    }
    return new Argument(word.substring(0, colon), word.substring(colon + 1));
  }
}
