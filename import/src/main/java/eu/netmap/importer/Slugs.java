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
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace('ß', 's')
            .replace('ø', 'o')
            .replace('đ', 'd')
            .replace('ł', 'l')
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-+$", "") : slug;
  }

  /** A text folded for matching: accents removed, lower case, runs of space collapsed. */
  public static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .trim();
  }
}
