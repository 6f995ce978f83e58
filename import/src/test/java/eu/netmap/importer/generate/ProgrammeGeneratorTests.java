package eu.netmap.importer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.importer.ImportFormat;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.Importer;
import eu.netmap.importer.ReadResult;
import eu.netmap.importer.TestNeo4j;
import eu.netmap.importer.WriteSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic programme data: its shape, its repeatability, and that netmap imports it. */
class ProgrammeGeneratorTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @Test
  void shouldGenerateHeavyTailedConsortiaAndParticipations(@TempDir Path dir) throws Exception {
    ProgrammeGenerator.Summary summary =
        new ProgrammeGenerator(new ProgrammeGenerator.Settings(20_000, 42)).write(dir);

    assertThat(summary.participations()).isEqualTo(20_000);
    List<String> edges = Files.readAllLines(summary.edges());
    Map<String, Integer> consortium = new HashMap<>();
    Map<String, Integer> participations = new HashMap<>();
    int coordinators = 0;
    for (String line : edges.subList(1, edges.size())) {
      String[] f = line.split(",");
      if (f[2].equals("PARTICIPATES_IN")) {
        consortium.merge(f[1], 1, Integer::sum);
        participations.merge(f[0], 1, Integer::sum);
        if (f[3].equals("coordinator")) {
          coordinators++;
        }
      }
    }
    assertThat(consortium.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20_000);
    assertThat(consortium).hasSize(summary.projects());
    assertThat(participations).hasSize(summary.organisations());
    // one coordinator per project
    assertThat(coordinators).isEqualTo(summary.projects());
    // most consortia have 2–10 partners, a few more than 100
    long small = consortium.values().stream().filter(s -> s >= 2 && s <= 10).count();
    assertThat((double) small / consortium.size()).isGreaterThan(0.8);
    assertThat(summary.projectsOver100()).isPositive();
    assertThat(consortium.values().stream().filter(s -> s > 100).count())
        .isEqualTo(summary.projectsOver100());
    assertThat(consortium.values().stream().allMatch(s -> s >= 2)).isTrue();
    // participations per organisation are heavy-tailed: most take part once, a few very often
    long once = participations.values().stream().filter(c -> c == 1).count();
    assertThat((double) once / participations.size()).isGreaterThan(0.5);
    assertThat(summary.mostParticipations()).isGreaterThan(100);
    // a new organisation for about one slot in five
    assertThat(summary.organisations()).isBetween(3_000, 5_000);

    // the same settings give the same files
    Path again = dir.resolve("again");
    new ProgrammeGenerator(new ProgrammeGenerator.Settings(20_000, 42)).write(again);
    assertThat(Files.readAllBytes(again.resolve("nodes.csv")))
        .isEqualTo(Files.readAllBytes(summary.nodes()));
    assertThat(Files.readAllBytes(again.resolve("edges.csv")))
        .isEqualTo(Files.readAllBytes(summary.edges()));
  }

  @Test
  void shouldImportThroughTheCsvFormatOnceTheNutsRegionsAreStored(@TempDir Path dir)
      throws Exception {
    neo4j.clear();
    Importer.write(
        neo4j.driver(),
        Importer.read(ImportFormat.NUTS, List.of(), ImportOptions.defaults()).batch(),
        Importer.Write.defaults());
    ProgrammeGenerator.Summary summary =
        new ProgrammeGenerator(new ProgrammeGenerator.Settings(2_000, 7)).write(dir);

    ReadResult read =
        Importer.read(
            ImportFormat.CSV,
            List.of(
                ImportInput.of("nodes.csv", Files.readAllBytes(summary.nodes())),
                ImportInput.of("edges.csv", Files.readAllBytes(summary.edges()))),
            ImportOptions.defaults());
    WriteSummary written = Importer.write(neo4j.driver(), read.batch(), Importer.Write.defaults());

    assertThat(neo4j.count("MATCH (o:Organisation) RETURN count(o)"))
        .isEqualTo(summary.organisations());
    assertThat(neo4j.count("MATCH (p:Project) RETURN count(p)")).isEqualTo(summary.projects());
    assertThat(neo4j.count("MATCH (:Organisation)-[r:PARTICIPATES_IN]->(:Project) RETURN count(r)"))
        .isEqualTo(2_000);
    assertThat(
            neo4j.count(
                "MATCH (:Organisation)-[:LOCATED_IN]->(r:Region) WHERE r.id STARTS WITH 'nuts-'"
                    + " AND r.level = 'nuts2' RETURN count(*)"))
        .isEqualTo(summary.organisations());
    assertThat(neo4j.count("MATCH (p:Project)-[:ADDRESSES]->(:Theme) RETURN count(p)"))
        .isEqualTo(summary.projects());
    assertThat(written.relationshipsCreated())
        .isEqualTo(2_000 + summary.organisations() + summary.projects());
    neo4j.clear();
  }
}
