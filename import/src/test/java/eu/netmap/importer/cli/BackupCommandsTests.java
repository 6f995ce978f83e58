package eu.netmap.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.importer.TestNeo4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netmap-import backup} and {@code restore} against a real embedded Neo4j over Bolt. */
class BackupCommandsTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @BeforeEach
  void graph() {
    neo4j.clear();
    try (var session = neo4j.driver().session()) {
      session
          .run(
              "CREATE (a:Organisation {id: 'alfa', name: 'Alfa', founded: 1990, share: 0.5})"
                  + "-[:MEMBER_OF {since: date('2020-01-01')}]->(:Network {id: 'net', name: 'Net'})")
          .consume();
    }
  }

  private int run(String... args) {
    return ImportCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void shouldBackUpAndRestoreOverBolt() throws IOException {
    Path file = dir.resolve("netmap.jsonl");

    assertThat(run("backup", file.toString(), "--uri", neo4j.uri())).isZero();
    assertThat(out.toString()).contains("Backed up 2 nodes and 1 relationships to " + file);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(4);
    assertThat(dir.resolve("netmap.jsonl.part")).doesNotExist();

    neo4j.clear();
    assertThat(run("restore", file.toString(), "--dry-run", "--uri", neo4j.uri())).isZero();
    assertThat(out.toString()).contains("Dry run, nothing was changed.");
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();

    assertThat(run("restore", file.toString(), "--uri", neo4j.uri())).isZero();
    assertThat(out.toString()).contains("Restored 2 nodes and 1 relationships");
    assertThat(
            neo4j.count(
                "MATCH (:Organisation {id: 'alfa', founded: 1990, share: 0.5})"
                    + "-[m:MEMBER_OF]->(:Network {id: 'net'}) WHERE m.since = date('2020-01-01')"
                    + " RETURN count(m)"))
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseABadBackupWithItsLineAndChangeNothing() throws IOException {
    Path file = dir.resolve("netmap.jsonl");
    assertThat(run("backup", file.toString(), "--uri", neo4j.uri())).isZero();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(2, lines.get(2).replace("\"kind\":\"node\"", "\"kind\":\"nod\""));
    Files.write(file, lines, StandardCharsets.UTF_8);
    neo4j.clear();

    assertThat(run("restore", file.toString(), "--uri", neo4j.uri()))
        .isEqualTo(ImportCli.EXIT_INVALID);
    assertThat(err.toString())
        .contains(file + ": line 3: expected \"kind\": \"node\" or \"relationship\", got \"nod\"")
        .contains("Nothing was changed.");
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void shouldListTheCommandsInTheHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("backup").contains("restore");
    assertThat(run("restore", dir.resolve("missing.jsonl").toString()))
        .isEqualTo(picocli.CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("missing.jsonl: no such file");
  }
}
