package eu.netmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.SecondNeo4j;
import eu.netmap.importer.ImportFormat;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.Importer;
import eu.netmap.importer.PreparedImport;
import eu.netmap.importer.WriteSummary;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Export → import gives back the same graph: the seed graph exported by {@code GET /api/export}
 * (GraphML, GEXF and the CSV zip) and imported into an empty database holds the same nodes, labels,
 * relationships and properties, value types included.
 */
class RoundTripTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired Driver driver;

  private byte[] download(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(new Api(port).uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private void shouldGiveBackTheSameGraph(String format, ImportFormat as, String fileName)
      throws Exception {
    byte[] export = download("/api/export?format=" + format);
    List<String> exported = SecondNeo4j.fingerprint(driver);

    try (SecondNeo4j empty = new SecondNeo4j()) {
      PreparedImport prepared =
          Importer.prepare(as, List.of(ImportInput.of(fileName, export)), ImportOptions.defaults());
      WriteSummary summary = prepared.write(empty.driver(), Importer.Write.defaults());
      WriteSummary again =
          Importer.prepare(as, List.of(ImportInput.of(fileName, export)), ImportOptions.defaults())
              .write(empty.driver(), Importer.Write.defaults());

      List<String> imported = SecondNeo4j.fingerprint(empty.driver());
      // kept for a look when the round trip loses something
      java.nio.file.Path dir = java.nio.file.Path.of("target", "round-trip");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(format + "-lost.txt"), minus(exported, imported));
      java.nio.file.Files.write(dir.resolve(format + "-added.txt"), minus(imported, exported));
      assertThat(minus(exported, imported)).as("lost in the round trip").isEmpty();
      assertThat(minus(imported, exported)).as("added by the round trip").isEmpty();
      assertThat(imported).isEqualTo(exported);
      assertThat(summary.nodesCreated() + summary.relationshipsCreated())
          .isEqualTo(exported.size());
      assertThat(again.unchanged()).isTrue();
    }
  }

  private static List<String> minus(List<String> a, List<String> b) {
    java.util.List<String> rest = new java.util.ArrayList<>(a);
    b.forEach(rest::remove);
    return rest;
  }

  @Test
  void shouldGiveBackTheSameGraphFromAGraphMlExport() throws Exception {
    shouldGiveBackTheSameGraph("graphml", ImportFormat.GRAPHML, "netmap-stored.graphml");
  }

  @Test
  void shouldGiveBackTheSameGraphFromTheCsvZip() throws Exception {
    shouldGiveBackTheSameGraph("csv", ImportFormat.CSV, "netmap-stored.zip");
  }

  @Test
  void shouldGiveBackTheSameGraphFromAGexfExport() throws Exception {
    shouldGiveBackTheSameGraph("gexf", ImportFormat.GEXF, "netmap-stored.gexf");
  }
}
