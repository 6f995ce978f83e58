package eu.netmap.importer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names and codes as they appear in real exports ("Italia", "ITA", "EL", "United Kingdom")
 * turned into ISO 3166 alpha-2 codes. EU sources use EL for Greece and UK for the United Kingdom;
 * both are read as GR and GB. NUTS codes keep EL and UK: {@link #nutsCode} converts back.
 */
public final class Countries {

  private static final Map<String, String> BY_NAME = new HashMap<>();

  /** Languages and countries whose own name for the country is recognised. */
  private static final String[] NATIVE = {
    "de-DE", "de-AT", "de-CH", "de-LU", "fr-FR", "fr-BE", "fr-CH", "fr-LU", "nl-NL", "nl-BE",
    "it-IT", "es-ES", "pt-PT", "pl-PL", "cs-CZ", "sk-SK", "sl-SI", "hr-HR", "hu-HU", "ro-RO",
    "bg-BG", "el-GR", "el-CY", "sv-SE", "fi-FI", "da-DK", "et-EE", "lv-LV", "lt-LT", "ga-IE",
    "mt-MT", "nb-NO", "is-IS", "sr-RS", "mk-MK", "sq-AL", "tr-TR", "uk-UA", "bs-BA", "lb-LU"
  };

  static {
    Locale[] languages = {
      Locale.ENGLISH,
      Locale.ITALIAN,
      Locale.FRENCH,
      Locale.GERMAN,
      Locale.forLanguageTag("es"),
      Locale.forLanguageTag("pt"),
      Locale.forLanguageTag("nl"),
      Locale.forLanguageTag("pl")
    };
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      BY_NAME.put(key(code), code);
      try {
        BY_NAME.put(key(country.getISO3Country()), code);
      } catch (java.util.MissingResourceException e) {
        // a few codes have no alpha-3 form
      }
      for (Locale language : languages) {
        BY_NAME.putIfAbsent(key(country.getDisplayCountry(language)), code);
      }
    }
    // the names European countries give themselves, e.g. "Deutschland", "Polska", "Ελλάδα"
    for (String tag : NATIVE) {
      Locale local = Locale.forLanguageTag(tag);
      BY_NAME.putIfAbsent(key(local.getDisplayCountry(local)), local.getCountry());
    }
    BY_NAME.put("el", "GR");
    BY_NAME.put("uk", "GB");
    BY_NAME.put("xk", "XK");
    BY_NAME.put("kosovo", "XK");
    BY_NAME.put("czech republic", "CZ");
    BY_NAME.put("the netherlands", "NL");
    BY_NAME.put("holland", "NL");
    BY_NAME.put("great britain", "GB");
    BY_NAME.put("england", "GB");
    BY_NAME.put("scotland", "GB");
    BY_NAME.put("wales", "GB");
    BY_NAME.put("northern ireland", "GB");
    BY_NAME.put("republic of ireland", "IE");
    BY_NAME.put("north macedonia", "MK");
    BY_NAME.put("macedonia", "MK");
    BY_NAME.put("turkiye", "TR");
    BY_NAME.put("ellada", "GR");
    BY_NAME.put("hellas", "GR");
    BY_NAME.put("ελλαδα", "GR");
    BY_NAME.put("ελλάδα", "GR");
  }

  private Countries() {}

  /** The ISO alpha-2 code of a country name or code, or null when it is not recognised. */
  public static String iso(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return BY_NAME.get(key(text));
  }

  /** The code NUTS uses for a country: EL for Greece, UK for the United Kingdom. */
  public static String nutsCode(String iso) {
    return switch (iso) {
      case "GR" -> "EL";
      case "GB" -> "UK";
      default -> iso;
    };
  }

  private static String key(String text) {
    return Slugs.fold(text).replaceAll("[.()]", "").trim();
  }
}
