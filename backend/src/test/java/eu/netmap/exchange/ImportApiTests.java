package eu.netmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import eu.netmap.importer.ImportDatabase;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Imports over HTTP: a login is required, errors name file and line, and nothing half-written. */
class ImportApiTests extends EmbeddedNeo4jTest {

  private static final String NODES =
      "id,label,name,country\n"
          + "test-coop-a,Organisation,Test Coop A,IT\n"
          + "test-coop-b,Organisation,Test Coop B,FR\n";
  private static final String EDGES =
      "source,target,type,role\n" + "test-coop-a,com-in,PARTICIPATES_IN,partner\n";

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  @Autowired ImportDatabase importDatabase;

  private Api api;
  private long before;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    before = count();
  }

  @AfterEach
  void cleanUp() {
    try (var session = driver.session()) {
      session.run(
          "MATCH (n) WHERE n.id STARTS WITH 'test-coop' OR n.id STARTS WITH 'upload' DETACH DELETE n");
      session.run("MATCH (s:Source) WHERE s.file IN ['nodes.csv', 'edges.csv'] DETACH DELETE s");
    }
    dataVersion.bump();
  }

  private long count() {
    try (var session = driver.session()) {
      return session.run("MATCH (n) RETURN count(n)").single().get(0).asLong()
          + session.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
    }
  }

  private Api.Response upload(String query, String password, String nodes, String edges) {
    String boundary = "netmap-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    for (String[] part : new String[][] {{"nodes.csv", nodes}, {"edges.csv", edges}}) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
          .append(part[0])
          .append("\"\r\nContent-Type: text/csv\r\n\r\n")
          .append(part[1])
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri("/api/import?" + query))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (password != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return api.send(request.build());
  }

  @Test
  void shouldRequireTheAdminLogin() {
    assertThat(upload("format=csv", null, NODES, EDGES).status()).isEqualTo(401);
    assertThat(upload("format=csv", "wrong-password", NODES, EDGES).status()).isEqualTo(401);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldPreviewWithoutWritingOnADryRun() {
    Api.Response response = upload("format=csv&dryRun=true", ADMIN_PASSWORD, NODES, EDGES);

    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.path("dryRun").asBoolean()).isTrue();
    assertThat(result.path("summary").path("nodesCreated").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(result.path("summary").path("relationshipsCreated").asLong()).isEqualTo(1);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldListEveryErrorWithFileAndLineAndWriteNothing() {
    String badEdges = EDGES + "test-coop-b,no-such-project,PARTICIPATES_IN,partner\n";
    String badNodes = NODES + "test-coop-c,Planet,Mars,XX\n";

    Api.Response response = upload("format=csv", ADMIN_PASSWORD, badNodes, badEdges);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).contains("application/problem+json");
    String problems = response.json().path("problems").toString();
    assertThat(problems).contains("nodes.csv:4").contains("Planet");
    assertThat(problems).contains("edges.csv:3").contains("no-such-project");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldStoreAValidImportAndShowItInTheApi() {
    Api.Response response = upload("format=csv", ADMIN_PASSWORD, NODES, EDGES);

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.get("/api/nodes/test-coop-a").json().path("name").asString())
        .isEqualTo("Test Coop A");
    JsonNode neighbours = api.get("/api/nodes/test-coop-a/neighbours").json();
    assertThat(neighbours.path("nodes").toString()).contains("com-in");
  }

  @Test
  void shouldRejectAnUnknownFormat() {
    Api.Response response = upload("format=xlsx", ADMIN_PASSWORD, NODES, EDGES);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("allowed").toString()).contains("participation");
  }

  @Test
  void shouldWriteUploadsThroughTheJavaApiOfTheEmbeddedDatabase() {
    // the app runs its own database: imports skip Bolt and Cypher for the bulk of the writing
    assertThat(importDatabase.inProcess()).isTrue();
    Api.Response response = upload("format=csv", ADMIN_PASSWORD, NODES, EDGES);

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(count()).isGreaterThan(before);
    try (var session = driver.session()) {
      assertThat(
              session
                  .run(
                      "MATCH (:Organisation {id: 'test-coop-a'})-[r:PARTICIPATES_IN {role:"
                          + " 'partner'}]->(:Project {id: 'com-in'}) RETURN count(r)")
                  .single()
                  .get(0)
                  .asLong())
          .isEqualTo(1);
      assertThat(session.run("MATCH (n:NetmapStaged) RETURN count(n)").single().get(0).asLong())
          .isZero();
    }
  }
}
