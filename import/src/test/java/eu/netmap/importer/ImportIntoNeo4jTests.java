package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readers and writer together, on a real embedded Neo4j reached over Bolt. */
class ImportIntoNeo4jTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @BeforeEach
  void empty() {
    neo4j.clear();
  }

  private static ImportInput input(String name, String text) {
    return ImportInput.of(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static WriteSummary importCsv(Importer.Write how) {
    ReadResult read =
        Importer.read(
            ImportFormat.CSV,
            List.of(
                input("nodes.csv", CsvReaderTests.NODES), input("edges.csv", CsvReaderTests.EDGES)),
            ImportOptions.defaults());
    return Importer.write(neo4j.driver(), read.batch(), how);
  }

  @Test
  void shouldImportATableOnceAndChangeNothingTheSecondTime() {
    WriteSummary first = importCsv(Importer.Write.defaults());
    WriteSummary second = importCsv(Importer.Write.defaults());

    // 4 nodes + 2 Source nodes (one per file); 3 relationships
    assertThat(first.nodesCreated()).isEqualTo(6);
    assertThat(first.relationshipsCreated()).isEqualTo(3);
    assertThat(second.unchanged()).isTrue();
    assertThat(second.nodesUnchanged()).isEqualTo(6);
    assertThat(second.relationshipsUnchanged()).isEqualTo(3);
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isEqualTo(6);
    assertThat(
            neo4j.count(
                "MATCH (:Organisation {id:'veneto-lavoro'})-[r:MEMBER_OF {role:'secretariat',"
                    + " since:'2013-05'}]->(:Network {id:'esfconet', declaredMembers: 12})"
                    + " RETURN count(r)"))
        .isEqualTo(1);
  }

  @Test
  void shouldWriteNothingWhenTheInputHasErrors() {
    String edges = CsvReaderTests.EDGES + "cesie,nowhere,MEMBER_OF,,\n";
    ReadResult read =
        Importer.read(
            ImportFormat.CSV,
            List.of(input("nodes.csv", CsvReaderTests.NODES), input("edges.csv", edges)),
            ImportOptions.defaults());

    assertThatThrownBy(
            () -> Importer.write(neo4j.driver(), read.batch(), Importer.Write.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("edges.csv:5: to: unknown node 'nowhere'");
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void shouldCountWhatADryRunWouldChangeAndStoreNothing() {
    WriteSummary dry = importCsv(Importer.Write.defaults().withDryRun(true));

    assertThat(dry.nodesCreated()).isEqualTo(6);
    assertThat(dry.relationshipsCreated()).isEqualTo(3);
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void shouldKeepEverySourceOfAFactImportedFromTwoFiles() {
    String nodes = "id,label,name\ntoscana,Region,Toscana\n";
    Importer.write(
        neo4j.driver(),
        Importer.read(ImportFormat.CSV, List.of(input("a.csv", nodes)), ImportOptions.defaults())
            .batch(),
        Importer.Write.defaults());
    WriteSummary second =
        Importer.write(
            neo4j.driver(),
            Importer.read(
                    ImportFormat.CSV, List.of(input("b.csv", nodes)), ImportOptions.defaults())
                .batch(),
            Importer.Write.defaults());

    assertThat(second.nodesUpdated()).isEqualTo(1);
    try (var session = neo4j.driver().session()) {
      assertThat(
              session
                  .run("MATCH (n:Region {id:'toscana'}) RETURN n.sources AS s")
                  .single()
                  .get("s")
                  .asList())
          .containsExactly("src-file-a-csv", "src-file-b-csv");
    }
  }

  @Test
  void shouldImportParticipationsIntoTheNutsRegionsAlreadyStored() {
    WriteSummary nuts =
        Importer.write(
            neo4j.driver(),
            Importer.read(ImportFormat.NUTS, List.of(), ImportOptions.defaults()).batch(),
            Importer.Write.defaults());
    assertThat(nuts.nodesCreated()).isEqualTo(2_008);
    assertThat(nuts.relationshipsCreated()).isEqualTo(1_970);
    assertThat(
            neo4j.count(
                "MATCH (:Region {id:'nuts-ith3'})-[:PART_OF]->(:Region {id:'nuts-ith'}) RETURN count(*)"))
        .isEqualTo(1);

    ReadResult read =
        Importer.read(
            ImportFormat.PARTICIPATION,
            List.of(input("esf.csv", ParticipationReaderTests.ITALIAN)),
            ImportOptions.defaults());
    WriteSummary first = Importer.write(neo4j.driver(), read.batch(), Importer.Write.defaults());
    WriteSummary again = Importer.write(neo4j.driver(), read.batch(), Importer.Write.defaults());

    // 5 organisations, 2 projects and the file's Source node are new; the regions were there
    assertThat(first.nodesCreated()).isEqualTo(8);
    assertThat(first.nodesUpdated()).isZero();
    // 5 participations and 4 locations
    assertThat(first.relationshipsCreated()).isEqualTo(9);
    assertThat(again.unchanged()).isTrue();
    assertThat(
            neo4j.count(
                "MATCH (o:Organisation {country:'GR'})-[:LOCATED_IN]->(:Region {nuts:'EL3'}),"
                    + " (o)-[p:PARTICIPATES_IN {role:'partner', amount: 8000.0}]->(:Project {name:'COM-IN'})"
                    + " RETURN count(*)"))
        .isEqualTo(1);
  }

  @Test
  void shouldImportTheSeedDatasetIdempotently() {
    ReadResult seed = Importer.read(ImportFormat.SEED, List.of(), ImportOptions.defaults());

    WriteSummary first = Importer.write(neo4j.driver(), seed.batch(), Importer.Write.defaults());
    WriteSummary second = Importer.write(neo4j.driver(), seed.batch(), Importer.Write.defaults());

    assertThat(first.nodesCreated()).isEqualTo(seed.batch().nodes().size());
    assertThat(first.relationshipsCreated()).isEqualTo(seed.batch().relationships().size());
    assertThat(second.unchanged()).isTrue();
  }

  @Test
  void shouldWarnAboutANewOrganisationWhoseNameLooksLikeAStoredOne() {
    String first = "id,label,name\nalfa,Organisation,Cooperativa Alfa S.r.l.\n";
    Importer.prepare(ImportFormat.CSV, List.of(input("a.csv", first)), ImportOptions.defaults())
        .write(neo4j.driver(), Importer.Write.defaults());
    PreparedImport later =
        Importer.prepare(
            ImportFormat.CSV,
            List.of(
                input(
                    "b.csv",
                    "id,label,name\nalfa-2,Organisation,COOPERATIVA ALFA srl\n"
                        + "beta,Organisation,Beta\n")),
            ImportOptions.defaults());
    assertThat(later.warnings()).isEmpty();

    later.write(neo4j.driver(), Importer.Write.defaults().withDryRun(true));

    assertThat(later.warnings())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "b.csv:2: name: 'COOPERATIVA ALFA srl' (alfa-2) looks like 'Cooperativa Alfa S.r.l.'"
                + " (alfa, already in the database); if they are one organisation, merge them:"
                + " use the id 'alfa'");
    // the stored organisation itself, imported again, is not its own near-duplicate
    PreparedImport again =
        Importer.prepare(
            ImportFormat.CSV, List.of(input("a.csv", first)), ImportOptions.defaults());
    again.write(neo4j.driver(), Importer.Write.defaults());
    assertThat(again.warnings()).isEmpty();
  }
}
