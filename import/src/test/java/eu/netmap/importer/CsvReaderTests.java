package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

  static final String NODES =
      """
      id,label,name,country,kind,founded,declared members
      esfconet,Network,ESFCoNet,,,2013,12
      veneto-lavoro,organisation,Veneto Lavoro,IT,agency,,
      cesie,Organisation,"CESIE
      European Centre",IT,ngo,2001,
      toscana,Region,Toscana,IT,,,
      """;

  static final String EDGES =
      """
      source,target,type,role,since
      veneto-lavoro,esfconet,member of,secretariat,2013-05
      CESIE European Centre,esfconet,,member,
      cesie,toscana,,,
      """;

  static GraphBatch read(ImportOptions options, String... files) {
    List<ImportInput> inputs = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i += 2) {
      inputs.add(ImportInput.of(files[i], files[i + 1].getBytes(StandardCharsets.UTF_8)));
    }
    return Importer.read(ImportFormat.CSV, inputs, options).batch();
  }

  static void validate(GraphBatch batch) {
    new BatchValidator().validate(batch, ids -> Map.of(), true);
  }

  @Test
  void shouldReadNodesAndEdgesWithTypedPropertiesAndProvenance() {
    GraphBatch batch = read(ImportOptions.defaults(), "edges.csv", EDGES, "nodes.csv", NODES);

    validate(batch);
    Map<String, NodeRecord> nodes = batch.nodesById();
    assertThat(nodes.keySet())
        .containsExactly(
            "src-file-nodes-csv",
            "esfconet",
            "veneto-lavoro",
            "cesie",
            "toscana",
            "src-file-edges-csv");
    NodeRecord network = nodes.get("esfconet");
    assertThat(network.label()).isEqualTo("Network");
    assertThat(network.properties())
        .containsEntry("founded", 2013L)
        .containsEntry("declaredMembers", 12L)
        .containsEntry("sources", List.of("src-file-nodes-csv"))
        .doesNotContainKey("country");
    assertThat(nodes.get("veneto-lavoro").label()).isEqualTo("Organisation");
    NodeRecord cesie = nodes.get("cesie");
    assertThat(cesie.name()).isEqualTo("CESIE\nEuropean Centre");
    assertThat(cesie.origin()).isEqualTo(new Origin("nodes.csv", 4));
    assertThat(nodes.get("toscana").origin()).isEqualTo(new Origin("nodes.csv", 6));

    assertThat(batch.relationships())
        .extracting(RelationshipRecord::key)
        .containsExactly(
            "veneto-lavoro|MEMBER_OF|esfconet",
            "cesie|MEMBER_OF|esfconet",
            "cesie|LOCATED_IN|toscana");
    RelationshipRecord first = batch.relationships().get(0);
    assertThat(first.properties())
        .containsEntry("role", "secretariat")
        .containsEntry("since", "2013-05")
        .containsEntry("sources", List.of("src-file-edges-csv"));
    assertThat(batch.relationships().get(2).origin()).isEqualTo(new Origin("edges.csv", 4));
  }

  @Test
  void shouldReadTheGephiLayoutWithLabelAsNameAndTypeAsLabel() {
    String nodes =
        "Id;Label;Type;timeset\r\nn1;Città di Torino;Region;\r\nn2;Rete Alfa;Network;\r\n";
    String edges = "Source;Target;Type;Id;Label;Weight\r\nn1;n2;Directed;0;;2.5\r\n";

    GraphBatch batch = read(ImportOptions.defaults(), "nodes.csv", nodes, "edges.csv", edges);

    validate(batch);
    assertThat(batch.nodesById().get("n1").name()).isEqualTo("Città di Torino");
    assertThat(batch.nodesById().get("n1").properties()).doesNotContainKey("timeset");
    RelationshipRecord rel = batch.relationships().get(0);
    assertThat(rel.key()).isEqualTo("n1|MEMBER_OF|n2");
    assertThat(rel.properties()).containsEntry("weight", 2.5);
  }

  @Test
  void shouldReportEveryErrorWithItsFileLineAndColumn() {
    String nodes =
        """
        id,label,name,founded
        a,Organisation,Alfa,
        a,Organisation,Alfa again,
        b,Planet,Beta,
        c,Network,,
        d,Network,Delta,two thousand
        """;
    String edges =
        """
        source,target,type,since
        a,nowhere,MEMBER_OF,
        a,d,KNOWS,
        a,d,MEMBER_OF,2019-13-01
        """;

    assertThatThrownBy(
            () -> validate(read(ImportOptions.defaults(), "n.csv", nodes, "e.csv", edges)))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("n.csv:6: founded: 'two thousand' is not a whole number")
        .hasMessageContaining("e.csv:4: since: '2019-13-01' is not a date");
    GraphBatch batch =
        read(
            ImportOptions.defaults(),
            "n.csv",
            nodes.replace("two thousand", ""),
            "e.csv",
            edges.replace("2019-13-01", ""));
    assertThatThrownBy(() -> validate(batch))
        .isInstanceOf(ImportException.class)
        .satisfies(
            e ->
                assertThat(((ImportException) e).problems())
                    .extracting(ImportProblem::toString)
                    .containsExactlyInAnyOrder(
                        "n.csv:3: id: duplicate id 'a' (first at n.csv:2)",
                        "n.csv:4: label: unknown label 'Planet'; expected one of [Organisation,"
                            + " Region, Network, Project, Theme, Event, Source]",
                        "n.csv:5: name: required field is empty",
                        "e.csv:2: to: unknown node 'nowhere'",
                        "e.csv:3: type: unknown relationship type 'KNOWS'; expected one of"
                            + " [ADDRESSES, HELD_IN, LINKED_TO, LOCATED_IN, MEMBER_OF,"
                            + " PARTICIPATES_IN, PART_OF]"));
  }

  @Test
  void shouldGiveNonLatinNamesReadableIds() {
    String nodes =
        "label,name\nOrganisation,Περιφέρεια Αττικής\nOrganisation,Агенция по заетостта\n";

    GraphBatch batch = read(ImportOptions.defaults(), "n.csv", nodes);

    assertThat(batch.nodesById().keySet()).contains("perifereia-attikis", "agentsiya-po-zaetostta");
  }

  @Test
  void shouldWarnAboutNearDuplicateOrganisationNames() {
    String nodes =
        """
        id,label,name
        alfa,Organisation,Cooperativa Alfa S.r.l.
        alfa-2,Organisation,COOPERATIVA ALFA srl
        beta,Organisation,Beta
        """;

    ReadResult result =
        Importer.read(
            ImportFormat.CSV,
            List.of(ImportInput.of("n.csv", nodes.getBytes(StandardCharsets.UTF_8))),
            ImportOptions.defaults());

    assertThat(result.warnings())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "n.csv:3: name: 'COOPERATIVA ALFA srl' (alfa-2) looks like 'Cooperativa Alfa S.r.l.'"
                + " (alfa at n.csv:2); if they are one organisation, merge them: use the id"
                + " 'alfa' for both");
  }
}
