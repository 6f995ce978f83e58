package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.importer.seed.SeedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedReaderTests {

  private static final String VALID =
      """
      sources:
        - id: doc-1
          title: "Un documento"
          date: "2011-11-05"
      nodes:
        - id: esfconet
          label: Network
          name: ESFCoNet
          sources: [doc-1]
          declaredMembers: 12
        - id: provincia-autonoma-di-trento
          label: Region
          name: Provincia Autonoma di Trento
          nuts: ITH2
          sources: [doc-1]
      relationships:
        - {from: provincia-autonoma-di-trento, type: MEMBER_OF, to: esfconet, role: secretariat, sources: [doc-1]}
      """;

  @Test
  void shouldReadSourcesNodesAndRelationshipsWithTheirLines() {
    GraphBatch batch = SeedReader.read(new StringReader(VALID), "seed.yaml");

    assertThat(batch.nodes())
        .extracting(NodeRecord::id)
        .containsExactly("doc-1", "esfconet", "provincia-autonoma-di-trento");
    NodeRecord source = batch.nodes().get(0);
    assertThat(source.label()).isEqualTo("Source");
    assertThat(source.properties()).containsEntry("date", "2011-11-05");
    NodeRecord network = batch.nodes().get(1);
    assertThat(network.origin()).isEqualTo(new Origin("seed.yaml", 6));
    assertThat(network.properties())
        .containsEntry("declaredMembers", 12L)
        .containsEntry("sources", List.of("doc-1"));
    RelationshipRecord rel = batch.relationships().get(0);
    assertThat(rel.origin().line()).isEqualTo(17);
    assertThat(rel.properties()).containsEntry("role", "secretariat");
  }

  @Test
  void shouldReportAnUnknownReferenceWithFileAndLine() {
    String yaml = VALID.replace("to: esfconet", "to: esfconett");
    GraphBatch batch = SeedReader.read(new StringReader(yaml), "seed.yaml");

    assertThatThrownBy(() -> new BatchValidator().validate(batch, ids -> java.util.Map.of(), true))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("seed.yaml:17: to: unknown node 'esfconett'");
  }

  @Test
  void shouldReportAMissingRequiredFieldWithFileAndLine() {
    String yaml = VALID.replace("    name: ESFCoNet\n", "");
    GraphBatch batch = SeedReader.read(new StringReader(yaml), "seed.yaml");

    assertThatThrownBy(() -> new BatchValidator().validate(batch, ids -> java.util.Map.of(), true))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("seed.yaml:6: name: required field is empty");
  }

  @Test
  void shouldReportBrokenYamlWithItsLine() {
    String yaml = VALID.replace("    nuts: ITH2", "    nuts: [ITH2");

    assertThatThrownBy(() -> SeedReader.read(new StringReader(yaml), "seed.yaml"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("seed.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void shouldReadTheBundledSeedWithoutValidationErrors() {
    GraphBatch batch = SeedReader.readBundledSeed();

    new BatchValidator().validate(batch, ids -> java.util.Map.of(), true);
    assertThat(batch.nodes()).hasSizeGreaterThan(40);
    assertThat(batch.nodes())
        .allSatisfy(
            node ->
                assertThat(node.properties().values().toString())
                    .doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+"));
  }

  @Test
  void shouldStoreCountsWrittenAsTextAsNumbers() {
    String yaml =
        VALID.replace("declaredMembers: 12", "declaredMembers: \"12\"\n    founded: \"2022\"");

    NodeRecord network = SeedReader.read(new StringReader(yaml), "seed.yaml").nodes().get(1);

    assertThat(network.properties())
        .containsEntry("declaredMembers", 12L)
        .containsEntry("founded", 2022L);
    assertThatThrownBy(
            () ->
                SeedReader.read(
                    new StringReader(VALID.replace("declaredMembers: 12", "declaredMembers: lots")),
                    "seed.yaml"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("seed.yaml:10: declaredMembers: 'lots' is not a whole number");
  }
}
