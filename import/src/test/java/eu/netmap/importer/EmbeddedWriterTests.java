package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The writer through Neo4j's Java API, into a database embedded in this process: the same graph as
 * over Bolt, all or nothing, and idempotent.
 */
class EmbeddedWriterTests {

  private static final TestNeo4j overBolt = new TestNeo4j();
  private static final TestNeo4j embedded = new TestNeo4j();

  @TempDir Path dir;

  @AfterAll
  static void stop() {
    overBolt.close();
    embedded.close();
  }

  @BeforeEach
  void empty() {
    overBolt.clear();
    embedded.clear();
  }

  /** The same imports, in the same order, into both databases; the summaries of both. */
  private static List<WriteSummary> both(ImportFormat format, List<ImportInput> inputs, int batch) {
    Importer.Write how =
        new Importer.Write(batch, BatchValidator.MAX_PROBLEMS_DEFAULT, false, n -> {});
    ImportOptions options = ImportOptions.defaults().withProgramme("Erasmus+");
    WriteSummary bolt =
        Importer.prepare(format, inputs, options).write(ImportDatabase.of(overBolt.driver()), how);
    WriteSummary java = Importer.prepare(format, inputs, options).write(embedded.embedded(), how);
    return List.of(bolt, java);
  }

  private static void assertSameGraph() {
    List<String> bolt = GraphFingerprint.of(overBolt.driver());
    assertThat(bolt).isNotEmpty();
    assertThat(GraphFingerprint.of(embedded.driver())).isEqualTo(bolt);
  }

  @Test
  void shouldStoreExactlyTheGraphTheBoltWriterStores() throws Exception {
    // regions first: the participation table's LOCATED_IN end at stored nodes
    List<WriteSummary> nuts = both(ImportFormat.NUTS, List.of(), 1_000);
    assertThat(nuts.get(1))
        .usingRecursiveComparison()
        .ignoringFields("millis")
        .isEqualTo(nuts.get(0));
    // the seed: every label, lists, numbers, booleans, sources cited across nodes
    List<WriteSummary> seed = both(ImportFormat.SEED, List.of(), 7);
    assertThat(seed.get(1))
        .usingRecursiveComparison()
        .ignoringFields("millis")
        .isEqualTo(seed.get(0));
    // a participation table with nasty rows, and a generated one in many small transactions
    Path italian = dir.resolve("esf.csv");
    Files.writeString(italian, ParticipationReaderTests.ITALIAN, StandardCharsets.UTF_8);
    Path generated = dir.resolve("generated.csv");
    ParticipationBenchmark.generate(generated, 5_000, 1_000, 500);
    List<WriteSummary> tables =
        both(
            ImportFormat.PARTICIPATION,
            List.of(ImportInput.of(italian), ImportInput.of(generated)),
            333);

    assertThat(tables.get(1).relationshipsCreated()).isGreaterThan(4_900);
    assertThat(tables.get(1))
        .usingRecursiveComparison()
        .ignoringFields("millis")
        .isEqualTo(tables.get(0));
    assertSameGraph();
    assertThat(embedded.count("MATCH (n:NetmapStaged) RETURN count(n)")).isZero();
    assertThat(embedded.count("MATCH (:Organisation)-[r:LOCATED_IN]->(:Region) RETURN count(r)"))
        .isPositive();
  }

  @Test
  void shouldMergeChangesIntoStoredFactsAndChangeNothingTheSecondTime() throws Exception {
    Path first = dir.resolve("first.csv");
    ParticipationBenchmark.generate(first, 2_000, 400, 200);
    both(ImportFormat.PARTICIPATION, List.of(ImportInput.of(first)), 500);
    // the same projects with other amounts and roles, and more rows: updates, new relationships
    // between stored nodes, new relationships from new nodes to stored ones
    Path second = first; // the same file name: the same source, other facts
    ParticipationBenchmark.generate(second, 3_000, 600, 200);

    List<WriteSummary> again =
        both(ImportFormat.PARTICIPATION, List.of(ImportInput.of(second)), 500);
    List<WriteSummary> same =
        both(ImportFormat.PARTICIPATION, List.of(ImportInput.of(second)), 500);

    assertThat(again.get(1).relationshipsCreated()).isPositive();
    assertThat(again.get(1).relationshipsUpdated() + again.get(1).nodesUpdated()).isPositive();
    assertThat(again.get(1))
        .usingRecursiveComparison()
        .ignoringFields("millis")
        .isEqualTo(again.get(0));
    assertThat(same.get(1).unchanged()).isTrue();
    WriteSummary changed = again.get(1);
    assertThat(same.get(1).relationshipsUnchanged())
        .isEqualTo(
            changed.relationshipsCreated()
                + changed.relationshipsUpdated()
                + changed.relationshipsUnchanged());
    assertSameGraph();
  }

  @Test
  void shouldDeleteWhatItStagedWhenAWriteFailsMidWay() {
    Importer.write(
        embedded.embedded(),
        Importer.read(ImportFormat.SEED, List.of(), ImportOptions.defaults()).batch(),
        Importer.Write.defaults());
    List<String> before = GraphFingerprint.of(embedded.driver());
    GraphBatch batch = new GraphBatch();
    Origin here = new Origin("bad.csv", 2);
    batch.add(new NodeRecord("bad-doc", "Source", Map.of("title", "A document"), here));
    for (int i = 0; i < 50; i++) {
      batch.add(
          new NodeRecord(
              "bad-org-" + i,
              "Organisation",
              Map.of("name", "Org " + i, "sources", List.of("bad-doc")),
              here));
    }
    // a value Neo4j cannot store (a list of mixed types), far into the input: the first batches
    // are written when it fails
    batch.add(
        new NodeRecord(
            "bad-org-mixed",
            "Organisation",
            Map.of("name", "Mixed", "sources", List.of("bad-doc"), "codes", List.of("a", 1)),
            here));

    assertThatThrownBy(
            () ->
                Importer.write(
                    embedded.embedded(),
                    batch,
                    new Importer.Write(5, BatchValidator.MAX_PROBLEMS_DEFAULT, false, n -> {})))
        .hasMessageContaining("mixed types");

    assertThat(GraphFingerprint.of(embedded.driver())).isEqualTo(before);
  }

  @Test
  void shouldDeleteWhatItStagedWhenTheInputChangesMidWay() {
    Neo4jWriter writer = new Neo4jWriter(embedded.embedded(), 1);
    GraphBatch batch = new GraphBatch();
    Origin here = new Origin("small.csv", 2);
    batch.add(new NodeRecord("doc", "Source", Map.of("title", "A document"), here));
    batch.add(
        new NodeRecord(
            "alfa", "Organisation", Map.of("name", "Alfa", "sources", List.of("doc")), here));
    BatchValidator.Check check = new BatchValidator().check(true);
    batch.emit(check);
    check.finish(writer::existingLabels);
    GraphSource changed =
        sink -> {
          batch.nodes().forEach(sink::add);
          sink.add(
              new NodeRecord(
                  "surprise",
                  "Organisation",
                  Map.of("name", "Surprise", "sources", List.of("doc")),
                  new Origin("small.csv", 9)));
        };

    assertThatThrownBy(() -> writer.write(changed, check.nodes(), n -> {}, false))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("the input changed while it was imported ('surprise'");

    assertThat(embedded.count("MATCH (n) WHERE NOT n:NetmapImportLock RETURN count(n)")).isZero();
  }

  @Test
  void shouldWaitForAnImportOverBoltToEnd() throws Exception {
    CompletableFuture<WriteSummary> inProcess;
    try (Staging overTheWire = Staging.begin(embedded.driver())) {
      inProcess =
          CompletableFuture.supplyAsync(
              () ->
                  Importer.write(
                      embedded.embedded(),
                      Importer.read(ImportFormat.SEED, List.of(), ImportOptions.defaults()).batch(),
                      Importer.Write.defaults()));
      Thread.sleep(1_000);

      assertThat(inProcess).isNotDone();
      assertThat(embedded.count("MATCH (n) RETURN count(n)")).isZero();
    }
    assertThat(inProcess.get(120, TimeUnit.SECONDS).nodesCreated()).isPositive();
  }
}
