package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlGraphReaderTests {

  static final String GRAPHML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d0" for="node" attr.name="label" attr.type="string"/>
        <key id="d1" for="node" attr.name="name" attr.type="string"/>
        <key id="d2" for="node" attr.name="declaredMembers" attr.type="int"/>
        <key id="d3" for="edge" attr.name="type" attr.type="string"/>
        <key id="d4" for="edge" attr.name="role" attr.type="string"/>
        <graph id="G" edgedefault="directed">
          <node id="esfconet">
            <data key="d0">Network</data>
            <data key="d1">ESFCoNet</data>
            <data key="d2">12</data>
          </node>
          <node id="toscana"><data key="d0">Region</data><data key="d1">Toscana</data></node>
          <node id="agenzia"><data key="d0">Organisation</data><data key="d1">Агенция</data></node>
          <edge source="toscana" target="esfconet"><data key="d3">MEMBER_OF</data><data key="d4">member</data></edge>
          <edge source="agenzia" target="toscana"/>
        </graph>
      </graphml>
      """;

  static final String GEXF =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" version="1.3">
        <graph defaultedgetype="directed">
          <attributes class="node">
            <attribute id="0" title="type" type="string"/>
            <attribute id="1" title="country" type="string"/>
            <attribute id="2" title="start" type="string"/>
          </attributes>
          <nodes>
            <node id="alfa" label="Alfa"><attvalues><attvalue for="0" value="Organisation"/><attvalue for="1" value="IT"/></attvalues></node>
            <node id="com-in" label="COM-IN"><attvalues><attvalue for="0" value="Project"/><attvalue for="2" value="2019-09"/></attvalues></node>
            <node id="beta" label="Beta"><attvalues><attvalue for="0" value="Organisation"/></attvalues></node>
          </nodes>
          <edges>
            <edge id="0" source="alfa" target="com-in" label="PARTICIPATES_IN" weight="2.0"/>
            <edge id="1" source="beta" target="com-in" type="directed"/>
          </edges>
        </graph>
      </gexf>
      """;

  static GraphBatch read(ImportFormat format, String name, String text) {
    return Importer.read(
            format,
            List.of(ImportInput.of(name, text.getBytes(StandardCharsets.UTF_8))),
            ImportOptions.defaults())
        .batch();
  }

  @Test
  void shouldReadGraphMlWithLinesAndInferredTypes() {
    GraphBatch batch = read(ImportFormat.GRAPHML, "net.graphml", GRAPHML);

    new BatchValidator().validate(batch, ids -> Map.of(), true);
    NodeRecord network = batch.nodesById().get("esfconet");
    assertThat(network.label()).isEqualTo("Network");
    assertThat(network.properties())
        .containsEntry("name", "ESFCoNet")
        .containsEntry("declaredMembers", 12L)
        .containsEntry("sources", List.of("src-file-net-graphml"));
    assertThat(network.origin()).isEqualTo(new Origin("net.graphml", 9));
    assertThat(batch.nodesById().get("agenzia").name()).isEqualTo("Агенция");
    assertThat(batch.relationships())
        .extracting(r -> r.key() + " @" + r.origin().line())
        .containsExactly("toscana|MEMBER_OF|esfconet @16", "agenzia|LOCATED_IN|toscana @17");
    assertThat(batch.relationships().get(0).properties()).containsEntry("role", "member");
  }

  @Test
  void shouldReadGexfWithTheToolLabelAsName() {
    GraphBatch batch = read(ImportFormat.GEXF, "net.gexf", GEXF);

    new BatchValidator().validate(batch, ids -> Map.of(), true);
    assertThat(batch.nodesById().get("alfa").properties())
        .containsEntry("name", "Alfa")
        .containsEntry("country", "IT");
    assertThat(batch.nodesById().get("com-in").properties()).containsEntry("start", "2019-09");
    assertThat(batch.relationships())
        .extracting(r -> r.key() + " @" + r.origin().line())
        .containsExactly("alfa|PARTICIPATES_IN|com-in @15", "beta|PARTICIPATES_IN|com-in @16");
    assertThat(batch.relationships().get(0).properties()).containsEntry("weight", 2.0);
  }

  @Test
  void shouldReportBadDataWithTheLineOfItsElement() {
    String bad = GRAPHML.replace("<data key=\"d2\">12</data>", "<data key=\"d2\">twelve</data>");
    assertThatThrownBy(() -> read(ImportFormat.GRAPHML, "net.graphml", bad))
        .hasMessageContaining("net.graphml:9: declaredMembers: 'twelve' is not a whole number");

    String dangling =
        GEXF.replace("source=\"alfa\" target=\"com-in\"", "source=\"alfa\" target=\"gamma\"");
    GraphBatch batch = read(ImportFormat.GEXF, "net.gexf", dangling);
    assertThatThrownBy(() -> new BatchValidator().validate(batch, ids -> Map.of(), true))
        .hasMessageContaining("net.gexf:15: to: unknown node 'gamma'");
  }

  @Test
  void shouldReportXmlThatIsNotWellFormedWithItsLine() {
    String broken =
        GRAPHML.replace("</node>\n    <node id=\"toscana\">", "\n    <node id=\"toscana\">");
    assertThatThrownBy(
            () ->
                read(
                    ImportFormat.GRAPHML,
                    "net.graphml",
                    broken.replace(
                        "<data key=\"d0\">Network</data>", "<data key=\"d0\">Network</dat>")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("net.graphml:10: not well-formed XML");
  }
}
