package eu.netmap.system;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Texts in English or Italian from a properties bundle: English is the base bundle, and there is no
 * fallback to the JVM's default locale (a server in Rome still answers English when asked to).
 */
public final class Texts {

  /** The languages netmap's texts come in, the default first. */
  public static final List<String> LANGUAGES = List.of("en", "it");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  /** The bundle {@code baseName} in {@code lang}, one of {@link #LANGUAGES}. */
  public Texts(String baseName, String lang) {
    this.locale = Locale.forLanguageTag(lang);
    this.bundle =
        ResourceBundle.getBundle(baseName, "en".equals(lang) ? Locale.ROOT : locale, NO_FALLBACK);
  }

  /** A message of the bundle with its arguments. */
  public String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  /** A text of the bundle as it stands. */
  public String get(String key) {
    return bundle.getString(key);
  }

  /** The language of these texts. */
  public Locale locale() {
    return locale;
  }

  /**
   * The best of {@link #LANGUAGES} for an Accept-Language header, or null when it has none of them
   * (or is missing or malformed).
   */
  public static String fromAcceptLanguage(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return null;
    }
    try {
      return Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("it", "en"));
    } catch (IllegalArgumentException e) {
      return null; // a malformed header
    }
  }
}
