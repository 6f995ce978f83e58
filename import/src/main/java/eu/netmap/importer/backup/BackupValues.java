package eu.netmap.importer.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Type;
import org.neo4j.driver.types.TypeSystem;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * How a property value is written in a backup: a pair {@code [type, value]}, so that every type a
 * Neo4j property can have comes back exactly as it was (a long stays a long, 1.0 stays a double, a
 * date with its time zone keeps it).
 *
 * <p>Types: {@code string}, {@code long}, {@code double} (NaN and the infinities as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), {@code boolean}, {@code date} ({@code
 * 2024-05-31}), {@code localTime}, {@code time} (with offset), {@code localDateTime}, {@code
 * dateTime} (ISO-8601 with offset and, if any, {@code [zone id]}), {@code duration} ({@code
 * {months, days, seconds, nanos}}), {@code point} ({@code {srid, x, y[, z]}}), {@code bytes}
 * (base64), and lists of any of these as {@code list<type>} with a JSON array ({@code list} for an
 * empty list, whose element type Neo4j does not report).
 */
final class BackupValues {

  static final List<String> SCALAR_TYPES =
      List.of(
          "string",
          "long",
          "double",
          "boolean",
          "date",
          "localTime",
          "time",
          "localDateTime",
          "dateTime",
          "duration",
          "point",
          "bytes");

  private static final TypeSystem TYPES = TypeSystem.getDefault();
  private static final DateTimeFormatter ZONED = DateTimeFormatter.ISO_ZONED_DATE_TIME;

  private BackupValues() {}

  /** Thrown for a value that cannot be read; the message says what was wrong. */
  static final class BadValue extends Exception {
    BadValue(String message) {
      super(message);
    }
  }

  /** The backup type name of a stored value. */
  static String typeOf(Value value) {
    Type type = value.type();
    if (type.equals(TYPES.STRING())) return "string";
    if (type.equals(TYPES.INTEGER())) return "long";
    if (type.equals(TYPES.FLOAT())) return "double";
    if (type.equals(TYPES.BOOLEAN())) return "boolean";
    if (type.equals(TYPES.DATE())) return "date";
    if (type.equals(TYPES.LOCAL_TIME())) return "localTime";
    if (type.equals(TYPES.TIME())) return "time";
    if (type.equals(TYPES.LOCAL_DATE_TIME())) return "localDateTime";
    if (type.equals(TYPES.DATE_TIME())) return "dateTime";
    if (type.equals(TYPES.DURATION())) return "duration";
    if (type.equals(TYPES.POINT())) return "point";
    if (type.equals(TYPES.BYTES())) return "bytes";
    if (type.equals(TYPES.LIST())) {
      List<Value> items = value.asList(v -> v);
      return items.isEmpty() ? "list" : "list<" + typeOf(items.get(0)) + ">";
    }
    throw new IllegalArgumentException(
        "a property of type " + type.name() + " cannot be backed up");
  }

  /** Writes a property value as {@code [type, value]}. */
  static void write(JsonGenerator json, Value value) {
    String type = typeOf(value);
    json.writeStartArray();
    json.writeString(type);
    if (type.startsWith("list")) {
      json.writeStartArray();
      for (Value item : value.asList(v -> v)) {
        writeScalar(json, typeOf(item), item);
      }
      json.writeEndArray();
    } else {
      writeScalar(json, type, value);
    }
    json.writeEndArray();
  }

  private static void writeScalar(JsonGenerator json, String type, Value value) {
    switch (type) {
      case "string" -> json.writeString(value.asString());
      case "long" -> json.writeNumber(value.asLong());
      case "double" -> {
        double d = value.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          json.writeString(Double.toString(d));
        } else {
          json.writeNumber(d);
        }
      }
      case "boolean" -> json.writeBoolean(value.asBoolean());
      case "date" -> json.writeString(value.asLocalDate().toString());
      case "localTime" -> json.writeString(value.asLocalTime().toString());
      case "time" -> json.writeString(value.asOffsetTime().toString());
      case "localDateTime" -> json.writeString(value.asLocalDateTime().toString());
      case "dateTime" -> json.writeString(ZONED.format(value.asZonedDateTime()));
      case "duration" -> {
        IsoDuration d = value.asIsoDuration();
        json.writeStartObject();
        json.writeNumberProperty("months", d.months());
        json.writeNumberProperty("days", d.days());
        json.writeNumberProperty("seconds", d.seconds());
        json.writeNumberProperty("nanos", d.nanoseconds());
        json.writeEndObject();
      }
      case "point" -> {
        Point p = value.asPoint();
        json.writeStartObject();
        json.writeNumberProperty("srid", p.srid());
        json.writeNumberProperty("x", p.x());
        json.writeNumberProperty("y", p.y());
        if (!Double.isNaN(p.z())) {
          json.writeNumberProperty("z", p.z());
        }
        json.writeEndObject();
      }
      case "bytes" -> json.writeString(Base64.getEncoder().encodeToString(value.asByteArray()));
      default ->
          throw new IllegalArgumentException(
              "a list item of type " + type + " cannot be backed up");
    }
  }

  /** Reads a {@code [type, value]} pair into a value the driver can send as a parameter. */
  static Object read(JsonNode pair) throws BadValue {
    if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isString()) {
      throw new BadValue("expected [type, value], got " + shorten(pair));
    }
    String type = pair.get(0).stringValue();
    JsonNode value = pair.get(1);
    if (type.equals("list")) {
      if (!value.isArray() || !value.isEmpty()) {
        throw new BadValue("type 'list' is for an empty list [], got " + shorten(value));
      }
      return List.of();
    }
    if (type.startsWith("list<") && type.endsWith(">")) {
      String itemType = type.substring(5, type.length() - 1);
      if (!SCALAR_TYPES.contains(itemType)) {
        throw new BadValue("unknown list item type '" + itemType + "'; known: " + SCALAR_TYPES);
      }
      if (!value.isArray()) {
        throw new BadValue("a " + type + " needs a JSON array, got " + shorten(value));
      }
      List<Object> items = new ArrayList<>(value.size());
      for (JsonNode item : value) {
        items.add(readScalar(itemType, item));
      }
      return items;
    }
    if (!SCALAR_TYPES.contains(type)) {
      throw new BadValue(
          "unknown type '" + type + "'; known: " + SCALAR_TYPES + " and list<type> of them");
    }
    return readScalar(type, value);
  }

  private static Object readScalar(String type, JsonNode value) throws BadValue {
    try {
      return switch (type) {
        case "string" -> text(type, value);
        case "long" -> {
          if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BadValue("a long needs a whole number, got " + shorten(value));
          }
          yield value.longValue();
        }
        case "double" -> {
          if (value.isNumber()) {
            yield value.doubleValue();
          }
          String text = text(type, value);
          if (!List.of("NaN", "Infinity", "-Infinity").contains(text)) {
            throw new BadValue("a double needs a number, NaN, Infinity or -Infinity");
          }
          yield Double.parseDouble(text);
        }
        case "boolean" -> {
          if (!value.isBoolean()) {
            throw new BadValue("a boolean needs true or false, got " + shorten(value));
          }
          yield value.booleanValue();
        }
        case "date" -> LocalDate.parse(text(type, value));
        case "localTime" -> LocalTime.parse(text(type, value));
        case "time" -> OffsetTime.parse(text(type, value));
        case "localDateTime" -> LocalDateTime.parse(text(type, value));
        case "dateTime" -> ZonedDateTime.parse(text(type, value), ZONED);
        case "duration" ->
            Values.isoDuration(
                whole(value, "months"),
                whole(value, "days"),
                whole(value, "seconds"),
                (int) whole(value, "nanos"));
        case "point" -> point(value);
        case "bytes" -> Base64.getDecoder().decode(text(type, value));
        default -> throw new BadValue("unknown type '" + type + "'");
      };
    } catch (DateTimeParseException e) {
      throw new BadValue("not a valid " + type + ": " + shorten(value));
    } catch (IllegalArgumentException e) {
      throw new BadValue("not valid base64: " + shorten(value));
    }
  }

  private static Value point(JsonNode value) throws BadValue {
    if (!value.isObject()) {
      throw new BadValue("a point needs {srid, x, y[, z]}, got " + shorten(value));
    }
    int srid = (int) whole(value, "srid");
    double x = number(value, "x");
    double y = number(value, "y");
    return value.has("z") ? Values.point(srid, x, y, number(value, "z")) : Values.point(srid, x, y);
  }

  private static String text(String type, JsonNode value) throws BadValue {
    if (!value.isString()) {
      throw new BadValue("a " + type + " needs a JSON string, got " + shorten(value));
    }
    return value.stringValue();
  }

  private static long whole(JsonNode object, String field) throws BadValue {
    JsonNode value = object.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BadValue("'" + field + "' needs a whole number, in " + shorten(object));
    }
    return value.longValue();
  }

  private static double number(JsonNode object, String field) throws BadValue {
    JsonNode value = object.get(field);
    if (value == null || !value.isNumber()) {
      throw new BadValue("'" + field + "' needs a number, in " + shorten(object));
    }
    return value.doubleValue();
  }

  static String shorten(JsonNode node) {
    String text = node == null ? "nothing" : node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "…" : text;
  }
}
