package eu.netmap.importer.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.importer.Neo4jWriter;
import eu.netmap.importer.TestNeo4j;
import eu.netmap.importer.seed.SeedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Backup and restore against a real embedded Neo4j: every value type comes back exactly. */
class GraphBackupTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  /** A node with a property of every type Neo4j stores, and lists of them. */
  static final String EVERY_TYPE =
      """
      CREATE (a:Organisation:Extra {id: 'typed', name: 'Tipi «tutti»\\n"quoted"', big: 9007199254740993,
        one: 1, oneDouble: 1.0, tenth: 0.1, negZero: -0.0, nan: 0.0/0.0, inf: 1.0/0.0, tiny: 4.9E-324,
        yes: true, no: false,
        day: date('2024-02-29'), clock: localtime('23:59:59.123456789'),
        clockZoned: time('10:15:30.5+01:00'), moment: localdatetime('2024-05-31T12:00:00.000000001'),
        zoned: datetime('2024-03-31T12:30:00[Europe/Rome]'), offset: datetime('2024-01-01T00:00:00-05:30'),
        span: duration('P1Y2M3DT4H5M6.000000007S'), negSpan: duration('-PT0.5S'),
        place: point({latitude: 43.77, longitude: 11.25}), place3d: point({x: 1.5, y: -2, z: 3, crs: 'cartesian-3d'}),
        raw: $bytes,
        strings: ['a', 'b', ''], longs: [1, -2, 9223372036854775807], doubles: [1.0, 2.5],
        flags: [true, false], days: [date('2020-01-01'), date('1999-12-31')],
        places: [point({x: 1, y: 2}), point({x: 3, y: 4})], empty: []})
      CREATE (b:`Odd ``label```:Network {id: 'odd', name: 'Odd'})
      CREATE (c)
      CREATE (a)-[:MEMBER_OF {role: 'lead', since: date('2015-01-01'), weight: 2.0}]->(b)
      CREATE (a)-[:`ODD TYPE`]->(a)
      CREATE (b)-[:LINKED_TO]->(c)
      CREATE (:AuditEntry {id: 'audit-1', at: datetime('2024-06-01T10:00:00Z'), user: 'admin',
        action: 'create', after: '{"id":"typed"}'})
      """;

  @TempDir Path dir;

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @BeforeEach
  void empty() {
    neo4j.clear();
  }

  private void createEveryType() {
    try (var session = neo4j.driver().session()) {
      session.run(EVERY_TYPE, Map.of("bytes", new byte[] {0, 1, -1, 127, -128})).consume();
    }
  }

  /**
   * Every node (labels and typed properties) and relationship (type, typed properties, and its
   * ends' fingerprints), sorted: equal fingerprints mean equal graphs, whatever the element ids.
   */
  static List<String> fingerprint(org.neo4j.driver.Driver driver) {
    List<String> lines = new ArrayList<>();
    try (var session = driver.session()) {
      for (Record row :
          session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p").list()) {
        lines.add("node " + node(row.get("labels"), row.get("p")));
      }
      for (Record row :
          session
              .run(
                  "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS p, labels(a) AS al,"
                      + " properties(a) AS ap, labels(b) AS bl, properties(b) AS bp")
              .list()) {
        lines.add(
            "rel "
                + row.get("type").asString()
                + typed(row.get("p"))
                + " from "
                + node(row.get("al"), row.get("ap"))
                + " to "
                + node(row.get("bl"), row.get("bp")));
      }
    }
    lines.sort(null);
    return lines;
  }

  private static String node(Value labels, Value properties) {
    return labels.asList(Value::asString).stream().sorted().toList() + typed(properties);
  }

  private static String typed(Value properties) {
    Map<String, String> out = new TreeMap<>();
    properties.asMap(v -> v).forEach((k, v) -> out.put(k, v.type().name() + ":" + describe(v)));
    return out.toString();
  }

  private static String describe(Value v) {
    if (v.type().name().equals("LIST")) {
      return v.asList(x -> x.type().name() + ":" + describe(x)).toString();
    }
    if (v.type().name().equals("BYTES")) {
      return java.util.Arrays.toString(v.asByteArray());
    }
    if (v.type().name().equals("FLOAT")) {
      // bit-exact: -0.0 and 0.0 differ, NaN equals NaN
      return Long.toHexString(Double.doubleToRawLongBits(v.asDouble()));
    }
    return v.toString();
  }

  @Test
  void shouldRestoreEveryValueTypeExactly() throws IOException {
    createEveryType();
    List<String> before = fingerprint(neo4j.driver());
    Path file = dir.resolve("backup.jsonl");

    BackupSummary written = GraphBackup.backup(neo4j.driver(), file, "test");
    neo4j.clear();
    assertThat(fingerprint(neo4j.driver())).isEmpty();
    BackupSummary restored = GraphBackup.restore(neo4j.driver(), file);

    assertThat(fingerprint(neo4j.driver())).isEqualTo(before);
    assertThat(written.nodes()).isEqualTo(4);
    assertThat(written.relationships()).isEqualTo(3);
    assertThat(restored.labels())
        .containsEntry("Organisation", 1L)
        .containsEntry("Odd `label`", 1L)
        .containsEntry("AuditEntry", 1L);
    assertThat(restored.types()).containsEntry("ODD TYPE", 1L).containsEntry("MEMBER_OF", 1L);
    // the fingerprint compares values through the driver; the file keeps long and double apart
    String text = Files.readString(file);
    assertThat(text).contains("\"one\":[\"long\",1]").contains("\"oneDouble\":[\"double\",1.0]");
    assertThat(text)
        .contains("\"zoned\":[\"dateTime\",\"2024-03-31T12:30:00+02:00[Europe/Rome]\"]");
    assertThat(text).contains("\"empty\":[\"list\",[]]");
  }

  @Test
  void shouldStartWithASelfDescribingHeader() throws IOException {
    createEveryType();
    Path file = dir.resolve("backup.jsonl");
    GraphBackup.backup(neo4j.driver(), file, "1.2.3");

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1 + 4 + 3);
    assertThat(lines.get(0))
        .startsWith("{\"format\":\"netmap-backup\",\"formatVersion\":1,\"netmapVersion\":\"1.2.3\"")
        .contains("\"nodes\":4,\"relationships\":3")
        .contains("\"labels\":{\"AuditEntry\":1,")
        .contains("\"createdAt\":\"20");
    assertThat(lines.get(1)).startsWith("{\"kind\":\"node\",\"key\":1,");
    assertThat(lines.get(7)).startsWith("{\"kind\":\"relationship\",");
  }

  @Test
  void shouldRestoreTheSeedIdentically() throws IOException {
    new Neo4jWriter(neo4j.driver()).validateAndWrite(SeedReader.readBundledSeed(), true);
    List<String> before = fingerprint(neo4j.driver());
    Path file = dir.resolve("seed.jsonl");
    GraphBackup.backup(neo4j.driver(), file, "test");

    // restoring over the same data replaces it: no duplicates, no constraint errors
    GraphBackup.restore(neo4j.driver(), file);

    assertThat(before).hasSizeGreaterThan(100);
    assertThat(fingerprint(neo4j.driver())).isEqualTo(before);
  }

  private Path backupWithLine(int lineNumber, String replacement) throws IOException {
    neo4j.clear();
    createEveryType();
    Path file = dir.resolve("backup.jsonl");
    GraphBackup.backup(neo4j.driver(), file, "test");
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    if (replacement == null) {
      lines.remove(lineNumber - 1);
    } else {
      lines.set(lineNumber - 1, replacement);
    }
    return Files.write(dir.resolve("bad.jsonl"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void shouldRefuseABadFileWithItsLineAndChangeNothing() throws IOException {
    Path file =
        backupWithLine(
            3,
            "{\"kind\":\"node\",\"key\":2,\"labels\":[],\"properties\":{\"x\":[\"decimal\",1]}}");
    List<String> before = fingerprint(neo4j.driver());

    assertThatThrownBy(() -> GraphBackup.restore(neo4j.driver(), file))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith("line 3: property 'x': unknown type 'decimal'")
        .satisfies(e -> assertThat(((BackupException) e).line()).isEqualTo(3));
    assertThat(fingerprint(neo4j.driver())).isEqualTo(before);
  }

  @Test
  void shouldNameTheProblemOfEachKindOfDamage() throws IOException {
    assertThat(problem(backupWithLine(1, "{\"format\":\"something-else\"}")))
        .startsWith("line 1: not a netmap backup");
    assertThat(problem(backupWithLine(2, "{\"kind\":\"node\",")))
        .startsWith("line 2: not valid JSON");
    assertThat(
            problem(
                backupWithLine(
                    6, "{\"kind\":\"relationship\",\"type\":\"X\",\"start\":1,\"end\":99}")))
        .isEqualTo("line 6: the relationship refers to node 99, which no earlier line defines");
    assertThat(problem(backupWithLine(8, null)))
        .contains("announces 4 nodes and 3 relationships but the file holds 4 and 2");
    assertThat(
            problem(
                backupWithLine(
                    1,
                    "{\"format\":\"netmap-backup\",\"formatVersion\":2,\"nodes\":0,"
                        + "\"relationships\":0}")))
        .startsWith("line 1: written by a newer netmap");
    assertThat(
            problem(
                backupWithLine(
                    2,
                    "{\"kind\":\"node\",\"key\":1,\"labels\":[],\"properties\":{\"n\":[\"long\",1.5]}}")))
        .isEqualTo("line 2: property 'n': a long needs a whole number, got 1.5");
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    assertThat(problem(empty)).isEqualTo("the file is empty: it is not a netmap backup");
    Path binary =
        Files.write(dir.resolve("binary.jsonl"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThat(problem(binary)).startsWith("line 1: not UTF-8 text");
  }

  private String problem(Path file) {
    try {
      GraphBackup.validate(file);
    } catch (BackupException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no problem found in " + file);
  }
}
