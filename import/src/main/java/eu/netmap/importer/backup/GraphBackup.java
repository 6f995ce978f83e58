package eu.netmap.importer.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backs up and restores the whole graph of a Neo4j database as one JSON-lines file.
 *
 * <p>Line 1 is a header: {@code {"format":"netmap-backup","formatVersion":1,"netmapVersion",
 * "createdAt","nodes","relationships","labels":{label: count},"types":{type: count},"values"}}.
 * Then one line per node, {@code {"kind":"node","key":1,"labels":[…],"properties":{name: [type,
 * value]}}}, and after all nodes one line per relationship, {@code
 * {"kind":"relationship","type":"MEMBER_OF","start":1,"end":2,"properties":{…}}}, where start and
 * end are node keys of this file. Property values are typed pairs (see {@link BackupValues}), so
 * longs, doubles, dates and the rest come back exactly.
 *
 * <p>A backup is read in one transaction and is consistent in itself: a relationship whose end was
 * created after the nodes were read is left out. A restore checks the whole file first (any error
 * names its line, nothing is changed) and then replaces every node and relationship in one
 * transaction; constraints and indexes stay as they are.
 */
public final class GraphBackup {

  /** The format name in the header. */
  public static final String FORMAT = "netmap-backup";

  /** The format version this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The file name extension of backups. */
  public static final String EXTENSION = ".jsonl";

  /** Rows sent to the database per statement while restoring. */
  static final int BATCH_SIZE = 5_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ObjectWriter LINES = JSON.writer().withRootValueSeparator("\n");

  private GraphBackup() {}

  /**
   * Writes a backup of every node and relationship of the driver's default database to {@code
   * target} (replacing it).
   *
   * @param netmapVersion the version named in the header
   */
  public static BackupSummary backup(Driver driver, Path target, String netmapVersion)
      throws IOException {
    Path body = Files.createTempFile(parent(target), ".netmap-backup-", ".part");
    try {
      Counts counts;
      try (Session session =
          driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
        counts = session.executeRead(tx -> writeBody(tx, body));
      }
      String createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
      BackupSummary summary =
          new BackupSummary(
              netmapVersion,
              createdAt,
              counts.nodes,
              counts.relationships,
              counts.labels,
              counts.types);
      StringWriter header = new StringWriter();
      try (JsonGenerator json = JSON.createGenerator(header)) {
        writeHeader(json, summary);
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
        Files.copy(body, out);
      }
      return summary;
    } finally {
      Files.deleteIfExists(body);
    }
  }

  private static Path parent(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private static final class Counts {
    long nodes;
    long relationships;
    final Map<String, Long> labels = new TreeMap<>();
    final Map<String, Long> types = new TreeMap<>();
  }

  private static Counts writeBody(TransactionContext tx, Path body) {
    Counts counts = new Counts();
    Map<String, Long> keys = new HashMap<>();
    try (Writer writer =
            Files.newBufferedWriter(
                body,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        JsonGenerator json = LINES.createGenerator(writer)) {
      Result nodes =
          tx.run("MATCH (n) RETURN elementId(n) AS e, labels(n) AS labels, properties(n) AS p");
      while (nodes.hasNext()) {
        Record row = nodes.next();
        long key = counts.nodes + 1;
        keys.put(row.get("e").asString(), key);
        List<String> labels = row.get("labels").asList(Value::asString);
        json.writeStartObject();
        json.writeStringProperty("kind", "node");
        json.writeNumberProperty("key", key);
        json.writeArrayPropertyStart("labels");
        for (String label : labels) {
          json.writeString(label);
          counts.labels.merge(label, 1L, Long::sum);
        }
        json.writeEndArray();
        writeProperties(json, row.get("p"));
        json.writeEndObject();
        counts.nodes++;
      }
      Result relationships =
          tx.run(
              "MATCH (a)-[r]->(b) RETURN elementId(a) AS s, elementId(b) AS e, type(r) AS type,"
                  + " properties(r) AS p");
      while (relationships.hasNext()) {
        Record row = relationships.next();
        Long start = keys.get(row.get("s").asString());
        Long end = keys.get(row.get("e").asString());
        if (start == null || end == null) {
          continue; // created while the backup ran, after its nodes were read
        }
        String type = row.get("type").asString();
        json.writeStartObject();
        json.writeStringProperty("kind", "relationship");
        json.writeStringProperty("type", type);
        json.writeNumberProperty("start", start);
        json.writeNumberProperty("end", end);
        writeProperties(json, row.get("p"));
        json.writeEndObject();
        counts.types.merge(type, 1L, Long::sum);
        counts.relationships++;
      }
      if (counts.nodes + counts.relationships > 0) {
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return counts;
  }

  private static void writeProperties(JsonGenerator json, Value properties) {
    json.writeObjectPropertyStart("properties");
    for (Map.Entry<String, Value> property : new TreeMap<>(properties.asMap(v -> v)).entrySet()) {
      json.writeName(property.getKey());
      BackupValues.write(json, property.getValue());
    }
    json.writeEndObject();
  }

  private static void writeHeader(JsonGenerator json, BackupSummary summary) {
    json.writeStartObject();
    json.writeStringProperty("format", FORMAT);
    json.writeNumberProperty("formatVersion", FORMAT_VERSION);
    json.writeStringProperty("netmapVersion", summary.netmapVersion());
    json.writeStringProperty("createdAt", summary.createdAt());
    json.writeNumberProperty("nodes", summary.nodes());
    json.writeNumberProperty("relationships", summary.relationships());
    json.writeObjectPropertyStart("labels");
    for (Map.Entry<String, Long> label : new TreeMap<>(summary.labels()).entrySet()) {
      json.writeNumberProperty(label.getKey(), label.getValue());
    }
    json.writeEndObject();
    json.writeObjectPropertyStart("types");
    for (Map.Entry<String, Long> type : new TreeMap<>(summary.types()).entrySet()) {
      json.writeNumberProperty(type.getKey(), type.getValue());
    }
    json.writeEndObject();
    json.writeStringProperty(
        "values",
        "every property is [type, value]; types: "
            + String.join(", ", BackupValues.SCALAR_TYPES)
            + ", and list<type> of them");
    json.writeEndObject();
  }

  /**
   * Reads a backup file completely and checks every line, changing nothing.
   *
   * @throws BackupException at the first problem, with its line
   */
  public static BackupSummary validate(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Replaces every node and relationship of the driver's default database with the backup's, in one
   * transaction, after checking the whole file. Constraints and indexes are kept.
   *
   * @throws BackupException when the file is not a valid backup; the database is unchanged then
   */
  public static BackupSummary restore(Driver driver, Path file) throws IOException {
    BackupSummary summary = validate(file);
    try (Session session =
        driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build())) {
      session.executeWrite(
          tx -> {
            tx.run("MATCH (n) DETACH DELETE n").consume();
            Restorer restorer = new Restorer(tx);
            try {
              read(file, restorer);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            restorer.flush();
            return null;
          });
    }
    return summary;
  }

  /** Receives the lines of a backup that passed the checks so far. */
  private interface Visitor {
    void node(long key, List<String> labels, Map<String, Object> properties);

    void relationship(String type, long start, long end, Map<String, Object> properties);
  }

  private static BackupSummary read(Path file, Visitor visitor) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
      return new Parser(visitor).parse(reader);
    }
  }

  /** Reads and checks a backup line by line. */
  private static final class Parser {
    private final Visitor visitor;
    private final Set<Long> keys = new HashSet<>();
    private final Map<String, Long> labels = new TreeMap<>();
    private final Map<String, Long> types = new TreeMap<>();
    private long line;
    private long nodes;
    private long relationships;

    Parser(Visitor visitor) {
      this.visitor = visitor;
    }

    BackupSummary parse(BufferedReader reader) throws IOException {
      JsonNode header = null;
      String text;
      while ((text = next(reader)) != null) {
        if (text.isBlank()) {
          continue;
        }
        JsonNode json = parseJson(text);
        if (header == null) {
          header = header(json);
        } else {
          record(json);
        }
      }
      if (header == null) {
        throw new BackupException(0, "the file is empty: it is not a netmap backup");
      }
      long declaredNodes = header.get("nodes").longValue();
      long declaredRelationships = header.get("relationships").longValue();
      if (nodes != declaredNodes || relationships != declaredRelationships) {
        throw new BackupException(
            line,
            "the header announces "
                + declaredNodes
                + " nodes and "
                + declaredRelationships
                + " relationships but the file holds "
                + nodes
                + " and "
                + relationships
                + ": it is incomplete or was changed");
      }
      return new BackupSummary(
          header.path("netmapVersion").asString(""),
          header.path("createdAt").asString(""),
          nodes,
          relationships,
          labels,
          types);
    }

    private String next(BufferedReader reader) throws IOException {
      try {
        String text = reader.readLine();
        if (text != null) {
          line++;
        }
        return text;
      } catch (CharacterCodingException e) {
        throw new BackupException(line + 1, "not UTF-8 text: this is not a netmap backup");
      }
    }

    private JsonNode parseJson(String text) {
      try {
        JsonNode json = JSON.readTree(text);
        if (json == null || !json.isObject()) {
          throw new BackupException(
              line, "expected a JSON object, got " + BackupValues.shorten(json));
        }
        return json;
      } catch (JacksonException e) {
        String reason = e.getOriginalMessage();
        int cut = reason == null ? -1 : reason.indexOf('\n');
        throw new BackupException(
            line, "not valid JSON: " + (cut < 0 ? reason : reason.substring(0, cut)));
      }
    }

    private JsonNode header(JsonNode json) {
      if (!FORMAT.equals(json.path("format").asString(null))) {
        throw new BackupException(
            line,
            "not a netmap backup: the first line must be the header {\"format\":\""
                + FORMAT
                + "\", …}");
      }
      JsonNode version = json.get("formatVersion");
      if (version == null || !version.isIntegralNumber() || version.longValue() < 1) {
        throw new BackupException(line, "the header needs formatVersion, a whole number from 1");
      }
      if (version.longValue() > FORMAT_VERSION) {
        throw new BackupException(
            line,
            "written by a newer netmap (format version "
                + version.longValue()
                + "; this one reads up to "
                + FORMAT_VERSION
                + ")");
      }
      for (String count : List.of("nodes", "relationships")) {
        JsonNode value = json.get(count);
        if (value == null || !value.isIntegralNumber() || value.longValue() < 0) {
          throw new BackupException(line, "the header needs '" + count + "', a count");
        }
      }
      return json;
    }

    private void record(JsonNode json) {
      String kind = json.path("kind").asString("");
      switch (kind) {
        case "node" -> node(json);
        case "relationship" -> relationship(json);
        default ->
            throw new BackupException(
                line,
                "expected \"kind\": \"node\" or \"relationship\", got "
                    + BackupValues.shorten(json.get("kind")));
      }
    }

    private void node(JsonNode json) {
      if (relationships > 0) {
        throw new BackupException(line, "a node after the relationships: nodes come first");
      }
      long key = key(json, "key");
      if (!keys.add(key)) {
        throw new BackupException(line, "node key " + key + " appears twice");
      }
      JsonNode labelList = json.get("labels");
      if (labelList == null || !labelList.isArray()) {
        throw new BackupException(line, "a node needs \"labels\": [ … ]");
      }
      List<String> nodeLabels = new ArrayList<>(labelList.size());
      for (JsonNode label : labelList) {
        if (!label.isString() || label.stringValue().isEmpty()) {
          throw new BackupException(
              line, "labels must be non-empty strings, got " + BackupValues.shorten(label));
        }
        nodeLabels.add(label.stringValue());
      }
      Map<String, Object> properties = properties(json);
      for (String label : nodeLabels) {
        labels.merge(label, 1L, Long::sum);
      }
      nodes++;
      if (visitor != null) {
        visitor.node(key, nodeLabels, properties);
      }
    }

    private void relationship(JsonNode json) {
      JsonNode type = json.get("type");
      if (type == null || !type.isString() || type.stringValue().isEmpty()) {
        throw new BackupException(line, "a relationship needs \"type\", a non-empty string");
      }
      long start = key(json, "start");
      long end = key(json, "end");
      for (long key : new long[] {start, end}) {
        if (!keys.contains(key)) {
          throw new BackupException(
              line, "the relationship refers to node " + key + ", which no earlier line defines");
        }
      }
      Map<String, Object> properties = properties(json);
      types.merge(type.stringValue(), 1L, Long::sum);
      relationships++;
      if (visitor != null) {
        visitor.relationship(type.stringValue(), start, end, properties);
      }
    }

    private long key(JsonNode json, String field) {
      JsonNode key = json.get(field);
      if (key == null || !key.isIntegralNumber() || !key.canConvertToLong()) {
        throw new BackupException(
            line, "\"" + field + "\" must be a whole number, got " + BackupValues.shorten(key));
      }
      return key.longValue();
    }

    private Map<String, Object> properties(JsonNode json) {
      JsonNode properties = json.get("properties");
      if (properties == null) {
        return Map.of();
      }
      if (!properties.isObject()) {
        throw new BackupException(line, "\"properties\" must be a JSON object");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        if (property.getKey().isEmpty()) {
          throw new BackupException(line, "a property with an empty name");
        }
        try {
          values.put(property.getKey(), BackupValues.read(property.getValue()));
        } catch (BackupValues.BadValue e) {
          throw new BackupException(
              line, "property '" + property.getKey() + "': " + e.getMessage());
        }
      }
      return values;
    }
  }

  /** Writes the lines of a checked backup in batches, inside one transaction. */
  private static final class Restorer implements Visitor {
    private final TransactionContext tx;
    private final Map<Long, String> elementIds = new HashMap<>();
    private final Map<List<String>, List<Map<String, Object>>> nodeBatches = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> relationshipBatches =
        new LinkedHashMap<>();

    Restorer(TransactionContext tx) {
      this.tx = tx;
    }

    @Override
    public void node(long key, List<String> labels, Map<String, Object> properties) {
      List<Map<String, Object>> batch =
          nodeBatches.computeIfAbsent(List.copyOf(labels), l -> new ArrayList<>());
      batch.add(Map.of("k", key, "p", properties));
      if (batch.size() >= BATCH_SIZE) {
        writeNodes(List.copyOf(labels), batch);
      }
    }

    @Override
    public void relationship(String type, long start, long end, Map<String, Object> properties) {
      if (!nodeBatches.isEmpty()) {
        flushNodes();
      }
      List<Map<String, Object>> batch =
          relationshipBatches.computeIfAbsent(type, t -> new ArrayList<>());
      batch.add(Map.of("s", elementIds.get(start), "e", elementIds.get(end), "p", properties));
      if (batch.size() >= BATCH_SIZE) {
        writeRelationships(type, batch);
      }
    }

    void flush() {
      flushNodes();
      for (Map.Entry<String, List<Map<String, Object>>> batch :
          new ArrayList<>(relationshipBatches.entrySet())) {
        writeRelationships(batch.getKey(), batch.getValue());
      }
    }

    private void flushNodes() {
      for (Map.Entry<List<String>, List<Map<String, Object>>> batch :
          new ArrayList<>(nodeBatches.entrySet())) {
        writeNodes(batch.getKey(), batch.getValue());
      }
    }

    private void writeNodes(List<String> labels, List<Map<String, Object>> rows) {
      if (rows.isEmpty()) {
        return;
      }
      StringBuilder pattern = new StringBuilder("n");
      for (String label : labels) {
        pattern.append(':').append(quote(label));
      }
      Result result =
          tx.run(
              "UNWIND $rows AS row CREATE ("
                  + pattern
                  + ") SET n = row.p RETURN row.k AS k, elementId(n) AS e",
              Values.parameters("rows", rows));
      while (result.hasNext()) {
        Record row = result.next();
        elementIds.put(row.get("k").asLong(), row.get("e").asString());
      }
      nodeBatches.remove(labels);
    }

    private void writeRelationships(String type, List<Map<String, Object>> rows) {
      if (rows.isEmpty()) {
        return;
      }
      int created =
          tx.run(
                  "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s"
                      + " MATCH (b) WHERE elementId(b) = row.e CREATE (a)-[r:"
                      + quote(type)
                      + "]->(b) SET r = row.p",
                  Values.parameters("rows", rows))
              .consume()
              .counters()
              .relationshipsCreated();
      if (created != rows.size()) {
        throw new IllegalStateException(
            "restore: "
                + rows.size()
                + " "
                + type
                + " relationships to create, "
                + created
                + " made");
      }
      relationshipBatches.remove(type);
    }
  }

  /** A label or type as a Cypher identifier in backticks (a backtick inside is doubled). */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
