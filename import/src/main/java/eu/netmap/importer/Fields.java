package eu.netmap.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a table cell or an XML attribute into a property value of the graph model:
 * labels and relationship types in their canonical spelling, dates as ISO text, numbers as numbers,
 * lists split. One place, so every reader accepts the same spellings.
 */
public final class Fields {

  /** Properties holding a date: ISO {@code 2019}, {@code 2019-03}, {@code 2019-03-01}. */
  public static final Set<String> DATES = Set.of("start", "end", "date", "since", "until");

  /** Properties holding a whole number. */
  public static final Set<String> INTEGERS =
      Set.of("declaredMembers", "declaredPartners", "founded");

  /** Properties holding a decimal number. */
  public static final Set<String> DECIMALS = Set.of("amount", "weight");

  /** Properties holding a list, written in one cell with {@code |} between the items. */
  public static final Set<String> LISTS = Set.of("sources", "aliases", "countries");

  private static final Pattern ISO_DATE =
      Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");
  private static final Pattern INTEGER_NOISE = Pattern.compile("[\\s_'’]");
  private static final Pattern DECIMAL_NOISE = Pattern.compile("(?i)eur|€|[\\s'’]");
  private static final Pattern TIME_SUFFIX = Pattern.compile("[T ]\\d{1,2}:\\d{2}(:\\d{2})?.*$");

  private Fields() {}

  /** The canonical label for a spelling such as "organisation" or "ORGANIZATION", or null. */
  public static String label(String raw) {
    if (raw == null) {
      return null;
    }
    String folded = raw.trim().toLowerCase(Locale.ROOT).replace("organization", "organisation");
    for (String label : GraphModel.LABELS) {
      if (label.toLowerCase(Locale.ROOT).equals(folded)
          || (label.toLowerCase(Locale.ROOT) + "s").equals(folded)) {
        return label;
      }
    }
    return null;
  }

  /**
   * The relationship type for a spelling such as "member of" or "participates-in": upper case,
   * words joined by underscores. Unknown types come back normalised too, for the validator to name.
   */
  public static String relationshipType(String raw) {
    return raw.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }

  /** The one relationship type the model allows between two labels, or null if none or several. */
  public static String inferType(String fromLabel, String toLabel) {
    String found = null;
    for (Map.Entry<String, Set<List<String>>> entry : GraphModel.RELATIONSHIPS.entrySet()) {
      if (entry.getValue().contains(List.of(fromLabel, toLabel))) {
        if (found != null) {
          return null;
        }
        found = entry.getKey();
      }
    }
    return found;
  }

  /**
   * The value of a property read as text: dates, numbers and lists converted by the property's
   * name, other text kept as it is. Returns null for blank text and, after reporting it, for text
   * that does not fit the property.
   */
  public static Object value(
      String key, String text, Origin origin, String column, Problems problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (DATES.contains(key)) {
      String date = date(value);
      if (date == null) {
        problems.error(
            origin,
            column,
            "'" + value + "' is not a date (use 2019-03-01, 2019-03, 2019 or 01/03/2019)");
      }
      return date;
    }
    if (INTEGERS.contains(key)) {
      try {
        return Long.parseLong(INTEGER_NOISE.matcher(value).replaceAll(""));
      } catch (NumberFormatException e) {
        problems.error(origin, column, "'" + value + "' is not a whole number");
        return null;
      }
    }
    if (DECIMALS.contains(key)) {
      Double number = decimal(value);
      if (number == null) {
        problems.error(origin, column, "'" + value + "' is not a number");
      }
      return number;
    }
    if (LISTS.contains(key)) {
      List<String> items = new ArrayList<>();
      for (String item : value.split("\\|")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
      return items;
    }
    return value;
  }

  /** True for the properties whose type {@link #value} knows by their name. */
  public static boolean isKnown(String key) {
    return DATES.contains(key)
        || INTEGERS.contains(key)
        || DECIMALS.contains(key)
        || LISTS.contains(key);
  }

  /**
   * The value of an attribute whose type its file declares ({@code long}, {@code double}, {@code
   * boolean}; anything else is text). Returns null for blank text and, after reporting it, for text
   * that does not fit the type.
   */
  public static Object typed(
      String text, String type, Origin origin, String column, Problems problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return switch (type) {
        case "long" -> Long.parseLong(value);
        case "double" -> Double.parseDouble(value);
        case "boolean" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new NumberFormatException(value);
          }
          yield Boolean.parseBoolean(value);
        }
        default -> value;
      };
    } catch (NumberFormatException e) {
      problems.error(origin, column, "'" + value + "' is not a " + type);
      return null;
    }
  }

  /**
   * Guesses the type of a column from its values, for files that declare none (CSV): {@code long}
   * when each is a whole number without leading zeros, {@code double} when each is a number, {@code
   * boolean} when each is true or false, else {@code string}. Blank values fit every type.
   */
  public static final class TypeGuess {
    private boolean whole = true;
    private boolean number = true;
    private boolean bool = true;
    private boolean any;

    /** Takes one value of the column. */
    public void accept(String raw) {
      if (raw == null || raw.isBlank() || (!whole && !number && !bool)) {
        return;
      }
      any = true;
      String value = raw.strip();
      whole &= WHOLE.matcher(value).matches();
      number &= NUMBER.matcher(value).matches();
      bool &= value.equals("true") || value.equals("false");
    }

    /** The type all the values taken fit. */
    public String type() {
      return !any ? "string" : whole ? "long" : number ? "double" : bool ? "boolean" : "string";
    }
  }

  private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /**
   * The ISO form of a date written as {@code 2019-03-01}, {@code 2019-3}, {@code 2019} or, as many
   * European exports do, day first {@code 01/03/2019} or {@code 1.3.2019}; a time of day is
   * dropped. Returns null when the text is not a real date.
   */
  public static String date(String text) {
    String value = TIME_SUFFIX.matcher(text.strip()).replaceFirst("");
    try {
      Matcher iso = ISO_DATE.matcher(value);
      if (iso.matches()) {
        int year = Integer.parseInt(iso.group(1));
        if (iso.group(2) == null) {
          return String.format("%04d", year);
        }
        int month = Integer.parseInt(iso.group(2));
        if (iso.group(3) == null) {
          return YearMonth.of(year, month).toString();
        }
        return LocalDate.of(year, month, Integer.parseInt(iso.group(3))).toString();
      }
      Matcher dayFirst = DAY_FIRST.matcher(value);
      if (dayFirst.matches()) {
        return LocalDate.of(
                Integer.parseInt(dayFirst.group(3)),
                Integer.parseInt(dayFirst.group(2)),
                Integer.parseInt(dayFirst.group(1)))
            .toString();
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /**
   * A number written with either decimal mark: {@code 1234.5}, {@code 1.234,50}, {@code 1,234.50},
   * {@code 1234,5}, with an optional currency. When both marks appear the last one is the decimal
   * mark; a single mark is the decimal mark; a mark used several times separates thousands.
   */
  public static Double decimal(String text) {
    String value = plainNumber(text) ? text : DECIMAL_NOISE.matcher(text).replaceAll("");
    int dots = count(value, '.');
    int commas = count(value, ',');
    if (dots > 0 && commas > 0) {
      boolean commaDecimal = value.lastIndexOf(',') > value.lastIndexOf('.');
      value = commaDecimal ? value.replace(".", "").replace(',', '.') : value.replace(",", "");
    } else if (commas > 1) {
      value = value.replace(",", "");
    } else if (dots > 1) {
      value = value.replace(".", "");
    } else {
      value = value.replace(',', '.');
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True when the text has only digits, signs and marks: no currency or spaces to remove. */
  private static boolean plainNumber(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != ',' && c != '-' && c != '+') {
        return false;
      }
    }
    return true;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
