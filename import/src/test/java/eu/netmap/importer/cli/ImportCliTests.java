package eu.netmap.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.importer.TestNeo4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's entry point (not System.exit) against a real embedded Neo4j over Bolt. */
class ImportCliTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @BeforeEach
  void empty() {
    neo4j.clear();
  }

  private int run(String... args) {
    return ImportCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void shouldImportTablesAndReportWhatChanged() throws IOException {
    Path nodes = file("nodes.csv", "id,label,name\nalfa,Organisation,Alfa\nrete,Network,Rete\n");
    Path edges = file("edges.csv", "source,target,type,role\nalfa,rete,MEMBER_OF,founder\n");

    int first = run("csv", nodes.toString(), edges.toString(), "--uri", neo4j.uri());
    String firstOut = out.toString();
    int second =
        run("csv", nodes.toString(), edges.toString(), "--uri", neo4j.uri(), "--batch-size", "1");

    assertThat(first).isZero();
    assertThat(second).isZero();
    assertThat(firstOut)
        .contains("Read 4 nodes and 1 relationships from 2 files")
        .contains("Imported: nodes: 4 created, 0 updated, 0 unchanged; relationships: 1 created");
    assertThat(out.toString())
        .contains(
            "Imported: nodes: 0 created, 0 updated, 4 unchanged; relationships: 0 created, 0 updated, 1 unchanged");
    assertThat(err.toString()).isEmpty();
    assertThat(
            neo4j.count(
                "MATCH (:Organisation)-[r:MEMBER_OF {role:'founder'}]->(:Network) RETURN count(r)"))
        .isEqualTo(1);
  }

  @Test
  void shouldListEveryErrorAndWriteNothing() throws IOException {
    Path nodes =
        file(
            "nodes.csv",
            "id,label,name\nalfa,Organisation,Alfa\nalfa,Organisation,Alfa bis\nbeta,Planet,Beta\n");

    int code = run("csv", nodes.toString(), "--uri", neo4j.uri());

    assertThat(code).isEqualTo(ImportCli.EXIT_INVALID);
    assertThat(err.toString().lines())
        .containsExactly(
            nodes + ":3: id: duplicate id 'alfa' (first at " + nodes + ":2)",
            nodes
                + ":4: label: unknown label 'Planet'; expected one of [Organisation, Region,"
                + " Network, Project, Theme, Event, Source]",
            "Nothing was written: fix the errors above and run again.");
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void shouldWriteNothingOnADryRun() throws IOException {
    Path table =
        file(
            "esf.csv",
            "Cod;Ente;Tipo;Nazione\r\nA1;Associazione \"Il Ponte;capofila;IT\r\nA1;Comune di Sassari;partner;IT\r\n");

    int code =
        run(
            "participation",
            table.toString(),
            "--column",
            "project=Cod",
            "-c",
            "organisationName=Ente",
            "-c",
            "role=Tipo",
            "--delimiter",
            ";",
            "--no-quoting",
            "--programme",
            "ESF",
            "--dry-run",
            "--uri",
            neo4j.uri());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Dry run, nothing was written. Would change: nodes: 6 created")
        .contains("relationships: 4 created");
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void shouldSayWhenTheDatabaseCannotBeReached() throws IOException {
    Path nodes = file("nodes.csv", "id,label,name\nalfa,Organisation,Alfa\n");

    int code = run("csv", nodes.toString(), "--uri", "bolt://127.0.0.1:1");

    assertThat(code).isEqualTo(ImportCli.EXIT_DATABASE);
    assertThat(err.toString()).startsWith("error: cannot reach the database at bolt://127.0.0.1:1");
  }

  @Test
  void shouldExplainItselfAndRefuseWrongUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: netmap-import")
        .contains("csv")
        .contains("participation")
        .contains("graphml")
        .contains("gexf")
        .contains("nuts")
        .contains("seed")
        .contains("Exit codes:");
    assertThat(run("help", "participation")).isZero();
    assertThat(out.toString())
        .contains("--column=FIELD=HEADER")
        .contains("--dry-run")
        .contains("--no-quoting");
    assertThat(run("csv")).isEqualTo(2);
    assertThat(run("csv", dir.resolve("missing.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.csv: no such file");
  }
}
