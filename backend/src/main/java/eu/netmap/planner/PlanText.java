package eu.netmap.planner;

import eu.netmap.analytics.SnapshotNode;
import eu.netmap.system.BadRequestException;
import eu.netmap.system.Texts;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The planner's words in one language: reasons, gaps and notes from {@code PlanText.properties}
 * (English) and {@code PlanText_it.properties} (Italian), lists joined with "and"/"e", theme names
 * as they read in running text.
 */
final class PlanText {

  /** The languages the planner speaks, the default first. */
  static final List<String> LANGUAGES = Texts.LANGUAGES;

  private final String lang;
  private final Texts texts;

  private PlanText(String lang) {
    this.lang = lang;
    this.texts = new Texts("eu.netmap.planner.PlanText", lang);
  }

  private static final Map<String, PlanText> BY_LANG =
      Map.of("en", new PlanText("en"), "it", new PlanText("it"));

  /** The words in a language of {@link #LANGUAGES}. */
  static PlanText of(String lang) {
    PlanText text = BY_LANG.get(lang);
    if (text == null) {
      throw new BadRequestException("lang", "Unknown language '" + lang + "'", LANGUAGES);
    }
    return text;
  }

  /**
   * The language asked for: the {@code lang} parameter when given (it or en), else the best match
   * of an Accept-Language header, else English.
   */
  static PlanText choose(String lang, String acceptLanguage) {
    if (lang != null && !lang.isBlank()) {
      return of(lang.strip().toLowerCase(Locale.ROOT));
    }
    String best = Texts.fromAcceptLanguage(acceptLanguage);
    if (best != null) {
      return of(best);
    }
    return of("en");
  }

  /** The language code: en or it. */
  String lang() {
    return lang;
  }

  /** A message of the bundle with its arguments. */
  String format(String key, Object... args) {
    return texts.format(key, args);
  }

  /** A message with its stable code, its parameters for the UI and its text from the bundle. */
  Message message(String code, String key, Map<String, Object> params, Object... args) {
    return new Message(code, params, format(key, args));
  }

  /** A reason ({@code reason.<code>} in the bundle). */
  Message reason(String code, Map<String, Object> params, Object... args) {
    return message(code, "reason." + code, params, args);
  }

  /** A note ({@code note.<code>} in the bundle). */
  Message note(String code, Map<String, Object> params, Object... args) {
    return message(code, "note." + code, params, args);
  }

  /** Names joined as "A, B and C" (English) or "A, B e C" (Italian), sorted. */
  String list(Collection<String> names) {
    List<String> sorted = names.stream().sorted().toList();
    if (sorted.size() <= 1) {
      return String.join("", sorted);
    }
    return String.join(", ", sorted.subList(0, sorted.size() - 1))
        + " "
        + texts.get("list.and")
        + " "
        + sorted.get(sorted.size() - 1);
  }

  /** A theme's name in running text: "victims of trafficking", "vittime di tratta", "ESF …". */
  String themeName(SnapshotNode theme) {
    String name = "it".equals(lang) || theme.nameEn() == null ? theme.name() : theme.nameEn();
    if (name == null || name.isBlank()) {
      return theme.id();
    }
    boolean acronym = name.length() > 1 && Character.isUpperCase(name.charAt(1));
    return acronym ? name : name.substring(0, 1).toLowerCase(texts.locale()) + name.substring(1);
  }

  /** A theme's name as a title: "Victims of trafficking", "Vittime di tratta". */
  String themeTitle(SnapshotNode theme) {
    String name = "it".equals(lang) || theme.nameEn() == null ? theme.name() : theme.nameEn();
    return name == null || name.isBlank() ? theme.id() : name;
  }
}
