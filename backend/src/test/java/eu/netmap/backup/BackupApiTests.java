package eu.netmap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import eu.netmap.importer.backup.GraphBackup;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Backup and restore over HTTP on the shared database: backup, wipe, restore gives the identical
 * graph (audit entries and typed values included); a bad file is refused with its line and changes
 * nothing. Each test leaves the seed as it found it, and removes the backups it caused.
 */
class BackupApiTests extends EmbeddedNeo4jTest {

  /** Nodes of this test: one with values of many types, one audit entry, tied together. */
  static final String TEST_NODES =
      """
      CREATE (t:Organisation {id: 'backup-test-typed', name: 'Backup test', founded: 1990,
        share: 1.0, tenth: 0.1, active: true, day: date('2024-02-29'),
        at: datetime('2024-03-31T12:30:00.123456789[Europe/Rome]'), span: duration('P1Y2DT3.5S'),
        place: point({latitude: 43.77, longitude: 11.25}), tags: ['a', 'b'], counts: [1, 2, 3]})
      CREATE (:AuditEntry {id: 'backup-test-audit', at: datetime('2024-06-01T10:00:00Z'),
        user: 'admin', action: 'create', after: '{"id":"backup-test-typed"}'})
      WITH t MATCH (n:Network {id: 'esfconet'})
      CREATE (t)-[:MEMBER_OF {role: 'partner', since: date('2015-01-01'), sources: []}]->(n)
      """;

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  @Autowired BackupService backups;

  @TempDir Path tmp;

  private Api api;
  private List<String> seed;
  private Path seedBackup;
  private List<Path> backupsBefore;

  @BeforeEach
  void setUp() throws IOException {
    api = new Api(port);
    seed = GraphFingerprint.of(driver);
    // a safety net: whatever happens below, the seed comes back from this file
    seedBackup = tmp.resolve("seed.jsonl");
    GraphBackup.backup(driver, seedBackup, "test");
    backupsBefore = backups.list();
  }

  @AfterEach
  void restoreSeed() throws IOException {
    if (!GraphFingerprint.of(driver).equals(seed)) {
      GraphBackup.restore(driver, seedBackup);
    }
    dataVersion.bump();
    for (Path backup : backups.list()) {
      if (!backupsBefore.contains(backup)) {
        Files.delete(backup);
      }
    }
    assertThat(GraphFingerprint.of(driver)).isEqualTo(seed);
  }

  private void run(String cypher) {
    try (var session = driver.session()) {
      session.run(cypher).consume();
    }
  }

  private static String admin() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> download() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(api.uri("/api/backup")).header("Authorization", admin()).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private Api.Response restore(byte[] body, String contentType) {
    return api.send(
        HttpRequest.newBuilder(api.uri("/api/restore"))
            .header("Authorization", admin())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @Test
  void shouldRestoreTheIdenticalGraphAfterAWipe() throws Exception {
    run(TEST_NODES);
    List<String> before = GraphFingerprint.of(driver);
    assertThat(before).hasSize(seed.size() + 3);

    HttpResponse<byte[]> backup = download();
    assertThat(backup.statusCode()).isEqualTo(200);
    assertThat(backup.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/x-ndjson");
    assertThat(backup.headers().firstValue("Content-Disposition").orElseThrow())
        .matches(
            "attachment; filename=\"netmap-backup-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z\\.jsonl\"");
    String text = new String(backup.body(), StandardCharsets.UTF_8);
    JsonNode header = new Api.Response(200, "", text.lines().findFirst().orElseThrow()).json();
    assertThat(header.path("format").asString()).isEqualTo("netmap-backup");
    assertThat(header.path("formatVersion").asInt()).isEqualTo(1);
    assertThat(header.path("labels").path("AuditEntry").asLong()).isEqualTo(1);
    long nodes = header.path("nodes").asLong();
    long relationships = header.path("relationships").asLong();
    assertThat(text.lines().count()).isEqualTo(1 + nodes + relationships);
    assertThat(text).doesNotContain("bcrypt").doesNotContain("\"User\"");

    run("MATCH (n) DETACH DELETE n");
    assertThat(GraphFingerprint.of(driver)).isEmpty();
    long version = dataVersion.current();

    Api.Response restored = restore(backup.body(), "application/octet-stream");

    assertThat(restored.status()).isEqualTo(200);
    assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    assertThat(restored.json().path("restored").path("nodes").asLong()).isEqualTo(nodes);
    assertThat(restored.json().path("restored").path("relationships").asLong())
        .isEqualTo(relationships);
    assertThat(dataVersion.current()).isGreaterThan(version);
    // the graph as it was (empty) was saved first
    Path previous = backups.directory().resolve(restored.json().path("previous").asString());
    assertThat(Files.readAllLines(previous).get(0)).contains("\"nodes\":0,\"relationships\":0");
    // the unique constraints and the search index survived
    assertThat(api.get("/api/search?q=backup%20test").json().get(0).path("id").asString())
        .isEqualTo("backup-test-typed");

    run("MATCH (n) WHERE n.id STARTS WITH 'backup-test-' DETACH DELETE n");
  }

  @Test
  void shouldTakeTheBodyWhateverItsContentType() throws Exception {
    byte[] body = download().body();

    // curl --data-binary's default, and a multipart form (curl -F file=@backup.jsonl)
    assertThat(restore(body, "application/x-www-form-urlencoded").status()).isEqualTo(200);
    assertThat(GraphFingerprint.of(driver)).isEqualTo(seed);
    String boundary = "netmap-" + UUID.randomUUID();
    byte[] multipart =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"backup.jsonl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8)
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(restore(multipart, "multipart/form-data; boundary=" + boundary).status())
        .isEqualTo(200);
    assertThat(GraphFingerprint.of(driver)).isEqualTo(seed);
  }

  @Test
  void shouldRefuseABadBackupWithItsLineAndChangeNothing() throws Exception {
    List<String> lines =
        new ArrayList<>(new String(download().body(), StandardCharsets.UTF_8).lines().toList());
    lines.set(4, lines.get(4).replace("[\"string\",", "[\"text\","));
    long version = dataVersion.current();

    Api.Response refused =
        restore(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "text/plain");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("line").asInt()).isEqualTo(5);
    assertThat(refused.json().path("detail").asString())
        .startsWith("line 5: property '")
        .contains("unknown type 'text'")
        .endsWith("; nothing was changed.");
    assertThat(GraphFingerprint.of(driver)).isEqualTo(seed);
    assertThat(dataVersion.current()).isEqualTo(version);
    assertThat(backups.list()).isEqualTo(backupsBefore);

    Api.Response cut =
        restore(
            String.join("\n", lines.subList(0, 4)).getBytes(StandardCharsets.UTF_8),
            "application/x-ndjson");
    assertThat(cut.status()).isEqualTo(422);
    assertThat(cut.json().path("detail").asString()).contains("it is incomplete or was changed");
    Api.Response json =
        restore("{\"nodes\":[]}".getBytes(StandardCharsets.UTF_8), "application/json");
    assertThat(json.json().path("detail").asString()).startsWith("line 1: not a netmap backup");
    assertThat(GraphFingerprint.of(driver)).isEqualTo(seed);
  }

  @Test
  void shouldKeepTheNewestBackupsOnly() throws IOException {
    BackupService service =
        new BackupService(
            driver,
            tmp.resolve("backups"),
            new eu.netmap.system.NetmapProperties.Backup(true, java.time.Duration.ofHours(24), 3));
    Files.createDirectories(service.directory());
    for (int day = 1; day <= 4; day++) {
      Files.writeString(
          service.directory().resolve("netmap-backup-2020-01-0" + day + "T00-00-00-000Z.jsonl"),
          "old");
    }
    Files.writeString(service.directory().resolve("notes.txt"), "not a backup");

    Path taken = service.backupNow();

    assertThat(service.list())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "netmap-backup-2020-01-03T00-00-00-000Z.jsonl",
            "netmap-backup-2020-01-04T00-00-00-000Z.jsonl",
            taken.getFileName().toString());
    assertThat(service.directory().resolve("notes.txt")).exists();
    assertThat(Files.readAllLines(taken).get(0)).contains("\"format\":\"netmap-backup\"");
    assertThat(GraphBackup.validate(taken).nodes())
        .isEqualTo(seed.stream().filter(l -> l.startsWith("node ")).count());
    try (var files = Files.list(service.directory())) {
      assertThat(files.filter(f -> f.toString().endsWith(".part")).toList()).isEmpty();
    }
  }

  @Test
  void shouldScheduleTheNextBackupAnIntervalAfterTheNewest() throws IOException {
    BackupService service =
        new BackupService(
            driver,
            tmp.resolve("schedule"),
            new eu.netmap.system.NetmapProperties.Backup(true, java.time.Duration.ofHours(24), 7));
    java.time.Instant now = java.time.Instant.parse("2026-05-31T12:00:00Z");

    assertThat(service.firstDelay(now)).isEqualTo(BackupService.FIRST_DELAY);
    Files.createDirectories(service.directory());
    Files.writeString(
        service.directory().resolve(BackupService.fileName(now.minusSeconds(3600))), "x");
    assertThat(service.firstDelay(now)).isEqualTo(java.time.Duration.ofHours(23));
    Files.writeString(
        service.directory().resolve(BackupService.fileName(now.minusSeconds(3600 * 25))), "x");
    assertThat(service.firstDelay(now)).isEqualTo(java.time.Duration.ofHours(23));
    assertThat(service.firstDelay(now.plusSeconds(3600 * 30))).isEqualTo(BackupService.FIRST_DELAY);
    assertThat(BackupService.fileName(now))
        .isEqualTo("netmap-backup-2026-05-31T12-00-00-000Z.jsonl");
    assertThat(BackupService.instantOf(Path.of(BackupService.fileName(now)))).isEqualTo(now);
  }
}
