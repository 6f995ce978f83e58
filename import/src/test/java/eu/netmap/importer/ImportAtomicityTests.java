package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.importer.cli.ImportCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing: an import that fails, or whose process is killed, leaves the database as it was
 * (once the staged data is cleaned up, which readers never see anyway); imports stage one at a
 * time.
 */
class ImportAtomicityTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  @TempDir Path dir;

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @BeforeEach
  void empty() {
    neo4j.clear();
  }

  private static GraphBatch small(String prefix) {
    Origin here = new Origin("small.csv", 2);
    GraphBatch batch = new GraphBatch();
    batch.add(new NodeRecord(prefix + "-doc", "Source", Map.of("title", "A document"), here));
    List<String> sources = List.of(prefix + "-doc");
    for (String org : List.of("alfa", "beta", "gamma")) {
      batch.add(
          new NodeRecord(
              prefix + "-" + org,
              "Organisation",
              Map.of("name", prefix + " " + org, "sources", sources),
              here));
    }
    batch.add(
        new NodeRecord(
            prefix + "-project", "Project", Map.of("name", "P", "sources", sources), here));
    for (String org : List.of("alfa", "beta", "gamma")) {
      batch.add(
          new RelationshipRecord(
              prefix + "-" + org,
              "PARTICIPATES_IN",
              prefix + "-project",
              Map.of("role", "partner", "sources", sources),
              here));
    }
    return batch;
  }

  @Test
  void shouldLeaveTheDatabaseAsItWasWhenTheImportProcessIsKilledMidWay() throws Exception {
    Importer.write(
        neo4j.driver(),
        Importer.read(ImportFormat.SEED, List.of(), ImportOptions.defaults()).batch(),
        Importer.Write.defaults());
    List<String> before = GraphFingerprint.of(neo4j.driver());
    Path table = dir.resolve("participations.csv");
    ParticipationBenchmark.generate(table, 60_000, 12_000, 6_000);

    Process process =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ImportCli.class.getName(),
                "participation",
                table.toString(),
                "--uri",
                neo4j.uri(),
                "--batch-size",
                "500",
                "--no-progress")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("cli.log").toFile())
            .start();
    long stagedRelationships = 0;
    while (process.isAlive() && stagedRelationships == 0) {
      Thread.sleep(20);
      stagedRelationships = neo4j.count("MATCH (:NetmapStaged)-[r]->() RETURN count(r)");
    }
    process.destroyForcibly();
    process.waitFor();

    assertThat(stagedRelationships).as("killed while it was staging").isPositive();
    assertThat(process.exitValue()).isNotZero();
    // readers see the database as it was, the half-written import is staged data only
    assertThat(GraphFingerprint.visible(neo4j.driver())).isEqualTo(before);
    assertThat(neo4j.count("MATCH (n:NetmapStaged) RETURN count(n)")).isPositive();

    // what the next import, or the app's next start, does first
    Staging.recover(neo4j.driver());

    assertThat(GraphFingerprint.of(neo4j.driver())).isEqualTo(before);
    // and the dead import's lock is free: the next one goes through
    WriteSummary next = Importer.write(neo4j.driver(), small("next"), Importer.Write.defaults());
    assertThat(next.nodesCreated()).isEqualTo(5);
  }

  @Test
  void shouldDeleteWhatItStagedWhenTheImportFailsMidWay() {
    Neo4jWriter writer = new Neo4jWriter(neo4j.driver(), 1);
    writer.validateAndWrite(small("old"), true);
    List<String> before = GraphFingerprint.of(neo4j.driver());
    GraphBatch batch = small("new");
    BatchValidator.Check check = new BatchValidator().check(true);
    batch.emit(check);
    check.finish(writer::existingLabels);
    // read again, the input is not what was checked: the file changed in between
    GraphSource changed =
        sink -> {
          batch.nodes().forEach(sink::add);
          sink.add(
              new NodeRecord(
                  "surprise",
                  "Organisation",
                  Map.of("name", "Surprise", "sources", List.of("new-doc")),
                  new Origin("small.csv", 9)));
        };

    assertThatThrownBy(() -> writer.write(changed, check.nodes(), n -> {}, false))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("the input changed while it was imported ('surprise'");

    assertThat(GraphFingerprint.of(neo4j.driver())).isEqualTo(before);
    WriteSummary next = writer.validateAndWrite(batch, true);
    assertThat(next.nodesCreated()).isEqualTo(5);
    assertThat(next.relationshipsCreated()).isEqualTo(3);
  }

  @Test
  void shouldLetOneImportStageAtATime() throws Exception {
    CompletableFuture<WriteSummary> second;
    try (Staging first = Staging.begin(neo4j.driver())) {
      second =
          CompletableFuture.supplyAsync(
              () -> Importer.write(neo4j.driver(), small("second"), Importer.Write.defaults()));
      Thread.sleep(1_000);

      assertThat(second).isNotDone();
      assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
    }
    assertThat(second.get(120, TimeUnit.SECONDS).nodesCreated()).isEqualTo(5);
  }

  @Test
  void shouldMergeChangesToStoredFactsReadAgainWhenTooManyToKeep() {
    Neo4jWriter keepsOne = new Neo4jWriter(neo4j.driver(), 2, 1);
    keepsOne.validateAndWrite(small("old"), true);
    GraphBatch changed = new GraphBatch();
    Origin here = new Origin("changed.csv", 3);
    small("old").nodes().stream()
        .map(
            n ->
                n.id().equals("old-beta")
                    ? new NodeRecord(
                        n.id(),
                        n.label(),
                        Map.of("name", "Beta renamed", "sources", n.sources()),
                        here)
                    : n)
        .forEach(changed::add);
    small("old").relationships().stream()
        .map(
            r ->
                r.from().equals("old-alfa")
                    ? new RelationshipRecord(
                        r.from(),
                        r.type(),
                        r.to(),
                        Map.of("role", "lead", "sources", r.sources()),
                        here)
                    : r)
        .forEach(changed::add);

    WriteSummary summary = keepsOne.validateAndWrite(changed, true);

    assertThat(summary.nodesUpdated()).isEqualTo(1);
    assertThat(summary.nodesUnchanged()).isEqualTo(4);
    assertThat(summary.relationshipsUpdated()).isEqualTo(1);
    assertThat(summary.relationshipsUnchanged()).isEqualTo(2);
    assertThat(
            neo4j.count(
                "MATCH (:Organisation {id: 'old-alfa', name: 'old alfa'})"
                    + "-[:PARTICIPATES_IN {role: 'lead'}]->(:Project)"
                    + " RETURN count(*)"))
        .isEqualTo(1);
    assertThat(neo4j.count("MATCH (o:Organisation {name: 'Beta renamed'}) RETURN count(o)"))
        .isEqualTo(1);
  }

  @Test
  void shouldStreamAParticipationTableAndChangeNothingTheSecondTime() throws Exception {
    Path table = dir.resolve("esf.csv");
    java.nio.file.Files.writeString(
        table, ParticipationReaderTests.ITALIAN, StandardCharsets.UTF_8);
    int[] opened = {0};
    ImportInput counted =
        new ImportInput(
            "esf.csv",
            () -> {
              opened[0]++;
              return java.nio.file.Files.newInputStream(table);
            },
            -1);

    PreparedImport prepared =
        Importer.prepare(ImportFormat.PARTICIPATION, List.of(counted), ImportOptions.defaults());
    WriteSummary first = prepared.write(neo4j.driver(), Importer.Write.defaults());
    WriteSummary again =
        Importer.prepare(ImportFormat.PARTICIPATION, List.of(counted), ImportOptions.defaults())
            .write(neo4j.driver(), Importer.Write.defaults());

    // read once to check, once to write: the table is never held whole
    assertThat(opened[0]).isEqualTo(4);
    assertThat(first.relationshipsCreated()).isEqualTo(prepared.relationships());
    assertThat(first.nodesCreated()).isEqualTo(prepared.nodes());
    assertThat(again.unchanged()).isTrue();
    assertThat(again.relationshipsUnchanged()).isEqualTo(prepared.relationships());
  }
}
