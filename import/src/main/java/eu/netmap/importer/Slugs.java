package eu.netmap.importer;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into netmap ids: lower-case ASCII words joined by hyphens. */
public final class Slugs {

  private Slugs() {}

  /**
   * The slug of a text: accents removed, letters and digits kept, everything else a single hyphen.
   * "Provincia Autonoma di Trento" gives "provincia-autonoma-di-trento".
   */
  public static String slug(String text) {
    if (ascii(text)) {
      return asciiSlug(text);
    }
    String ascii =
        Normalizer.normalize(latin(text), Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace('ß', 's')
            .replace('ø', 'o')
            .replace('đ', 'd')
            .replace('ł', 'l')
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-+$", "") : slug;
  }

  /** {@link #slug} of plain ASCII text, without regular expressions: most ids are made here. */
  private static String asciiSlug(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && out.length() > 0) {
          out.append('-');
        }
        gap = false;
        out.append(c);
      } else {
        gap = true;
      }
    }
    if (out.length() <= 120) {
      return out.toString();
    }
    int end = 120;
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end);
  }

  /**
   * An id for a name: its slug, or for a name with no Latin, Greek or Cyrillic letters (Chinese,
   * Arabic …) {@code n-} and a short stable hash of the name, so the same name always gives the
   * same id.
   */
  public static String idOf(String name) {
    String slug = slug(name);
    if (!slug.isEmpty()) {
      return slug;
    }
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(name.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "n-" + java.util.HexFormat.of().formatHex(hash, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Greek and Cyrillic letters written in Latin ones (ELOT 743 and a simple Cyrillic scheme). */
  private static String latin(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String latin = TRANSLITERATION.get(Character.toLowerCase(c));
      if (latin != null && out == null) {
        out = new StringBuilder(text.substring(0, i));
      }
      if (out != null) {
        out.append(latin != null ? latin : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  private static final java.util.Map<Character, String> TRANSLITERATION = transliteration();

  private static java.util.Map<Character, String> transliteration() {
    java.util.Map<Character, String> map = new java.util.HashMap<>();
    String greek = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ";
    String[] greekLatin = {
      "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s",
      "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"
    };
    for (int i = 0; i < greek.length(); i++) {
      map.put(greek.charAt(i), greekLatin[i]);
    }
    String cyrillic = "абвгдежзийклмнопрстуфхцчшщъыьэюяєіїґўђјљњћџѓќѕ";
    String[] cyrillicLatin = {
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
      "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "y", "", "e", "yu", "ya", "ye", "i", "yi",
      "g", "u", "dj", "j", "lj", "nj", "c", "dz", "gj", "kj", "dz"
    };
    for (int i = 0; i < cyrillic.length(); i++) {
      map.put(cyrillic.charAt(i), cyrillicLatin[i]);
    }
    return map;
  }

  /** A text folded for matching: accents removed, lower case, runs of space collapsed. */
  public static String fold(String text) {
    if (ascii(text)) {
      return asciiFold(text);
    }
    String plain =
        ascii(text)
            ? text
            : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** {@link #fold} of plain ASCII text, without regular expressions. */
  private static String asciiFold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        if (!space) {
          out.append(' ');
        }
        space = true;
      } else {
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        space = false;
      }
    }
    return out.toString().trim();
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
