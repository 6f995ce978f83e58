package eu.netmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Exports read back with jgrapht-io and commons-csv match the database. */
class ExportTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired Driver driver;

  private Api api;
  private long nodes;
  private long relationships;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    try (var session = driver.session()) {
      // the audit log is not part of the graph that is exported
      nodes =
          session.run("MATCH (n) WHERE NOT n:AuditEntry RETURN count(n)").single().get(0).asLong();
      relationships = session.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
    }
  }

  private byte[] download(String path) {
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(api.uri(path)).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Netmap-Data-Version")).isPresent();
      assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
          .contains("attachment")
          .contains("netmap-");
      // kept for a look with other tools (networkx, igraph, Gephi)
      String name = path.replaceAll("[^a-z0-9]+", "-");
      java.nio.file.Path dir = java.nio.file.Path.of("target", "exports");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name), response.body());
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldExportTheStoredGraphAsGraphmlWithPropertiesAndMetrics() {
    byte[] file = download("/api/export?format=graphml&view=stored");

    Graph<String, DefaultEdge> graph =
        new DirectedPseudograph<>(
            SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    Map<String, Map<String, Attribute>> attributes = new HashMap<>();
    GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
    importer.setVertexFactory(id -> id);
    importer.addVertexAttributeConsumer(
        (pair, attr) ->
            attributes
                .computeIfAbsent(pair.getFirst(), k -> new HashMap<>())
                .put(pair.getSecond(), attr));
    importer.importGraph(
        graph, new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));

    assertThat((long) graph.vertexSet().size()).isEqualTo(nodes);
    assertThat((long) graph.edgeSet().size()).isEqualTo(relationships);
    Map<String, Attribute> esfconet = attributes.get("esfconet");
    assertThat(esfconet.get("label").getValue()).isEqualTo("ESFCoNet");
    assertThat(esfconet.get("type").getValue()).isEqualTo("Network");
    assertThat(esfconet.get("scope").getValue()).isEqualTo("international");
    assertThat(esfconet.get("sources").getValue()).isEqualTo("src-tecnostruttura-2011");
    assertThat(Double.parseDouble(esfconet.get("pagerank").getValue())).isPositive();
    assertThat(esfconet.get("degree").getValue()).isEqualTo("12.0");
    assertThat(esfconet.get("community").getValue()).startsWith("c");
    assertThat(attributes.get("com-in").get("declaredPartners").getType().name()).isEqualTo("LONG");
    assertThat(graph.containsEdge("provincia-autonoma-di-trento", "esfconet")).isTrue();
    assertThat(new String(file, StandardCharsets.UTF_8))
        .containsPattern("<graph edgedefault=\"directed\">\\s*<data key=\"key\\d+\">stored</data>")
        .containsPattern("<data key=\"key\\d+\">[0-9a-f]{16}</data>");
  }

  @Test
  void shouldExportTheActorsProjectionAsGexfWithWeights() {
    byte[] file = download("/api/export?format=gexf&view=actors");

    Graph<String, DefaultEdge> graph =
        new Pseudograph<>(
            SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, true);
    Map<String, Map<String, Attribute>> attributes = new HashMap<>();
    SimpleGEXFImporter<String, DefaultEdge> importer = new SimpleGEXFImporter<>();
    importer.setVertexFactory(id -> id);
    importer.addVertexAttributeConsumer(
        (pair, attr) ->
            attributes
                .computeIfAbsent(pair.getFirst(), k -> new HashMap<>())
                .put(pair.getSecond(), attr));
    importer.importGraph(graph, new StringReader(new String(file, StandardCharsets.UTF_8)));

    assertThat(graph.containsVertex("esfconet")).isFalse();
    DefaultEdge trentoToscana = graph.getEdge("provincia-autonoma-di-trento", "toscana");
    assertThat(trentoToscana).isNotNull();
    assertThat(graph.getEdgeWeight(trentoToscana)).isEqualTo(1.0);
    assertThat(attributes.get("toscana").get("label").getValue()).isEqualTo("Toscana");
  }

  @Test
  void shouldExportCsvInGephisSpreadsheetLayout() throws IOException {
    byte[] file = download("/api/export?format=csv&view=stored");

    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsKeys("nodes.csv", "edges.csv", "README.txt");
    List<CSVRecord> nodeRows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(entries.get("nodes.csv")))
            .getRecords();
    List<CSVRecord> edgeRows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(entries.get("edges.csv")))
            .getRecords();
    assertThat((long) nodeRows.size()).isEqualTo(nodes);
    assertThat((long) edgeRows.size()).isEqualTo(relationships);
    CSVRecord fuds =
        nodeRows.stream().filter(r -> r.get("Id").equals("fuds")).findFirst().orElseThrow();
    assertThat(fuds.get("Label")).isEqualTo("Fakulteta za uporabne družbene študije");
    assertThat(fuds.get("type")).isEqualTo("Organisation");
    CSVRecord lead =
        edgeRows.stream()
            .filter(r -> r.get("Source").equals("fuds") && r.get("Target").equals("com-in"))
            .findFirst()
            .orElseThrow();
    assertThat(lead.get("Type")).isEqualTo("Directed");
    assertThat(lead.get("relationship")).isEqualTo("PARTICIPATES_IN");
    assertThat(lead.get("role")).isEqualTo("lead");
  }

  @Test
  void shouldExportJsonAndAQueryGraphWithTheSameDataVersion() {
    JsonNode json = api.get("/api/export?format=json&view=regions").json();
    assertThat(json.path("view").asString()).isEqualTo("regions");
    assertThat(json.path("dataVersion").asString()).hasSize(16);

    Api.Response query =
        api.post(
            "/api/cypher/export?format=json",
            "{\"query\": \"MATCH (a)-[r:MEMBER_OF]->(n:Network {id: 'esfconet'}) RETURN a, r, n\"}");
    assertThat(query.status()).isEqualTo(200);
    JsonNode graph = query.json();
    assertThat(graph.path("view").asString()).isEqualTo("query");
    assertThat(graph.path("nodes")).hasSize(5);
    assertThat(graph.path("links")).hasSize(4);
    assertThat(graph.path("dataVersion").asString()).isEqualTo(json.path("dataVersion").asString());
  }

  @Test
  void shouldRejectUnknownFormatsAndViewsAndRefusedQueries() {
    Api.Response format = api.get("/api/export?format=xlsx");
    assertThat(format.status()).isEqualTo(400);
    assertThat(format.json().path("allowed").toString()).contains("graphml", "gexf", "csv", "json");
    assertThat(api.get("/api/export?view=nope").status()).isEqualTo(400);
    assertThat(
            api.post("/api/cypher/export", "{\"query\": \"MATCH (n) DETACH DELETE n\"}").status())
        .isEqualTo(403);
  }
}
