package eu.netmap.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.importer.GraphFingerprint;
import eu.netmap.importer.TestNeo4j;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store DIR}: offline loading into a stopped app's data directory. */
class StoreOptionTests {

  private static final String TABLE =
      "Project ID;Project title;Organisation ID;Organisation name;Role;Country;Region\r\n"
          + "P-1;Alpha;9001;Veneto Lavoro;coordinator;IT;Veneto\r\n"
          + "P-1;Alpha;9002;Beta Società Cooperativa;partner;IT;Lazio\r\n"
          + "P-2;Beta;9001;Veneto Lavoro;partner;IT;Veneto\r\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ImportCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void shouldLoadAStoreOfflineAsTheAppWouldOverBolt() throws Exception {
    Path table = dir.resolve("esf.csv");
    Files.writeString(table, TABLE, StandardCharsets.UTF_8);
    Path store = dir.resolve("data");

    int regions = run("nuts", "--store", store.toString());
    int first = run("participation", table.toString(), "--store", store.toString());
    String firstOut = out.toString();
    int again = run("participation", table.toString(), "--store", store.toString());

    assertThat(regions).as(err.toString()).isZero();
    assertThat(first).as(err.toString()).isZero();
    assertThat(again).as(err.toString()).isZero();
    assertThat(firstOut)
        .contains("Imported: nodes: 5 created")
        .contains("relationships: 5 created");
    assertThat(out.toString()).contains("relationships: 0 created, 0 updated, 9 unchanged");
    List<String> offline;
    try (TestNeo4j opened = new TestNeo4j(store)) {
      offline = GraphFingerprint.of(opened.driver());
      assertThat(
              opened.count(
                  "SHOW CONSTRAINTS YIELD name WHERE name = 'organisation_id'"
                      + " RETURN count(*)"))
          .isEqualTo(1);
    }
    try (TestNeo4j overBolt = new TestNeo4j()) {
      assertThat(run("nuts", "--uri", overBolt.uri())).isZero();
      assertThat(run("participation", table.toString(), "--uri", overBolt.uri())).isZero();
      assertThat(GraphFingerprint.of(overBolt.driver())).isEqualTo(offline);
    }
  }

  @Test
  void shouldRefuseAStoreARunningDatabaseHolds() throws Exception {
    Path table = dir.resolve("esf.csv");
    Files.writeString(table, TABLE, StandardCharsets.UTF_8);
    Path store = dir.resolve("data");
    try (TestNeo4j running = new TestNeo4j(store)) {
      int code = run("participation", table.toString(), "--store", store.toString());

      assertThat(code).isEqualTo(ImportCli.EXIT_DATABASE);
      assertThat(err.toString())
          .contains("error: the store in " + store.toAbsolutePath())
          .contains("is in use by a running netmap or Neo4j; stop it first");
      assertThat(running.count("MATCH (n) RETURN count(n)")).isZero();
    }
  }
}
