package eu.netmap.edit;

import eu.netmap.importer.Fields;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.Origin;
import eu.netmap.importer.Problems;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the {@code properties} of a change's JSON body into stored values with the importer's rules
 * ({@link Fields}): dates as ISO text ({@code since}, {@code until}, {@code start} …), whole and
 * decimal numbers, lists ({@code aliases}), so an edit accepts exactly what an import accepts.
 */
final class PropertyInput {

  /** Property names: letters and digits, starting with a letter (camelCase, as the model uses). */
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  /**
   * Keys a client may echo back from a read but that a change sets through its own fields: the
   * version (the body's {@code version}) and the sources (the body's {@code sources}, added to the
   * stored ones). They are ignored in {@code properties}.
   */
  static final Set<String> ECHOED = Set.of("version", "sources");

  private PropertyInput() {}

  /**
   * The stored values of the given properties; a null value means "remove the property" (the client
   * sent null or blank text).
   *
   * @param reserved keys that must not appear (they are fields of the body, or fixed)
   */
  static Map<String, Object> convert(
      Map<String, Object> raw, Set<String> reserved, List<FieldProblem> problems) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      String key = entry.getKey();
      String field = "properties." + key;
      if (ECHOED.contains(key)) {
        continue;
      }
      if (reserved.contains(key)) {
        problems.add(
            new FieldProblem(field, "'" + key + "' is set through its own field, not properties"));
        continue;
      }
      if (!KEY.matcher(key).matches()) {
        problems.add(
            new FieldProblem(
                field,
                "'"
                    + key
                    + "' is not a property name (letters and digits, starting with a letter)"));
        continue;
      }
      out.put(key, value(key, entry.getValue(), field, problems));
    }
    return out;
  }

  /** The stored value of one property, or null to remove it. */
  static Object value(String key, Object raw, String field, List<FieldProblem> problems) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof String text) {
      return text(key, text, field, problems);
    }
    if (raw instanceof Boolean) {
      return raw;
    }
    if (raw instanceof Number number) {
      return number(key, number, field, problems);
    }
    if (raw instanceof List<?> list) {
      return list(key, list, field, problems);
    }
    problems.add(
        new FieldProblem(
            field, "nested objects are not stored: use text, a number, true/false or a list"));
    return null;
  }

  private static Object text(String key, String text, String field, List<FieldProblem> problems) {
    Problems found = new Problems(10);
    Object value = Fields.value(key, text, new Origin(field, 0), field, found);
    for (ImportProblem problem : found.errors()) {
      problems.add(new FieldProblem(field, problem.message()));
    }
    if (value instanceof List<?> list && list.isEmpty()) {
      return null;
    }
    return value;
  }

  private static Object number(
      String key, Number number, String field, List<FieldProblem> problems) {
    boolean whole =
        number instanceof Integer
            || number instanceof Long
            || number instanceof Short
            || number instanceof BigInteger
            || (number instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0)
            || ((number instanceof Double || number instanceof Float)
                && number.doubleValue() == Math.rint(number.doubleValue())
                && !Double.isInfinite(number.doubleValue()));
    if (Fields.DATES.contains(key)) {
      if (!whole) {
        problems.add(new FieldProblem(field, "'" + number + "' is not a date"));
        return null;
      }
      return text(key, Long.toString(number.longValue()), field, problems);
    }
    if (Fields.INTEGERS.contains(key) && !whole) {
      problems.add(new FieldProblem(field, "'" + number + "' is not a whole number"));
      return null;
    }
    if (Fields.DECIMALS.contains(key)) {
      return number.doubleValue();
    }
    if (Fields.LISTS.contains(key)) {
      return List.of(String.valueOf(number));
    }
    return whole ? (Object) number.longValue() : (Object) number.doubleValue();
  }

  private static Object list(String key, List<?> list, String field, List<FieldProblem> problems) {
    if (Fields.LISTS.contains(key)) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof String || item instanceof Number) {
          String text = item.toString().strip();
          if (!text.isEmpty() && !items.contains(text)) {
            items.add(text);
          }
        } else {
          problems.add(new FieldProblem(field, "a list of text is expected"));
          return null;
        }
      }
      return items.isEmpty() ? null : items;
    }
    // Neo4j stores lists of one kind: all text, all numbers or all true/false
    List<Object> items = new ArrayList<>();
    Class<?> kind = null;
    for (Object item : list) {
      Object value =
          item instanceof Number n
              ? (Object)
                  (n instanceof Double || n instanceof Float || n instanceof BigDecimal
                      ? n.doubleValue()
                      : n.longValue())
              : item;
      if (!(value instanceof String
              || value instanceof Long
              || value instanceof Double
              || value instanceof Boolean)
          || (kind != null && kind != value.getClass())) {
        problems.add(
            new FieldProblem(
                field, "a list must hold items of one kind: text, numbers or true/false"));
        return null;
      }
      kind = value.getClass();
      items.add(value);
    }
    return items.isEmpty() ? null : items;
  }
}
