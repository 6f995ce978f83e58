package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.SecondNeo4j;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * netmap against an external server reached with the routing scheme {@code neo4j://}, as for a
 * cluster or Aura: the driver asks the server for its routing table and sends reads ({@code
 * executeRead}, {@code AccessMode.READ} sessions) to its readers and writes to its writer. The
 * "external server" is a second embedded Neo4j with Bolt on loopback, so this runs without Docker
 * (ExternalNeo4jTests does the same against the Neo4j image where Docker exists); a single instance
 * answers the routing table with itself in every role.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExternalRoutingTests {

  static final SecondNeo4j SERVER = new SecondNeo4j();
  static final String PASSWORD = "routing-admin-pw";

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void external(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> "neo4j://127.0.0.1:" + SERVER.port());
    registry.add("netmap.data-dir", () -> dataDir.resolve("data").toString());
    registry.add("netmap.security.admin-password", () -> PASSWORD);
    registry.add("netmap.regions.load-nuts", () -> "false");
    registry.add("netmap.backup.enabled", () -> "false");
    registry.add("netmap.analytics.max-wait", () -> "120s");
  }

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Driver driver;

  @Test
  void shouldReadAndWriteThroughTheRoutingDriverWithoutAnEmbeddedDatabase() {
    Api api = new Api(port);

    assertThat(context.getBeanNamesForType(DatabaseManagementService.class)).isEmpty();
    assertThat(driver.isEncrypted()).isFalse();
    // the seed went into the external server: its own driver sees it
    assertThat(count("MATCH (n:Network) RETURN count(n)")).isEqualTo(8);
    assertThat(api.get("/api/stats").json().path("nodes").path("Network").asInt()).isEqualTo(8);
    assertThat(api.get("/api/search?q=trento").json().get(0).path("id").asString())
        .isEqualTo("provincia-autonoma-di-trento");
    assertThat(api.get("/api/nodes/esfconet/neighbours").status()).isEqualTo(200);
    // analytics read the snapshot through the driver (no embedded Java API here)
    Api.Response hubs = api.get("/api/analytics/hubs?view=stored&limit=3");
    assertThat(hubs.status()).isEqualTo(200);
    assertThat(hubs.json().path("items").size()).isEqualTo(3);
    // the console reads through a READ session and still refuses to write
    assertThat(
            api.post("/api/cypher", "{\"query\": \"MATCH (n:Network) RETURN count(n) AS n\"}")
                .json()
                .path("rows")
                .get(0)
                .get(0)
                .asInt())
        .isEqualTo(8);
    assertThat(api.post("/api/cypher", "{\"query\": \"CREATE (n:Network {id: 'x'})\"}").status())
        .isEqualTo(403);

    // a write goes to the writer and is seen by the server's own driver
    Api.Response created =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/nodes"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"label\": \"Organisation\", \"name\": \"ZZ Routing Coop\","
                            + " \"sources\": [\"src-tecnostruttura-2011\"]}"))
                .build());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(count("MATCH (o:Organisation {id: 'zz-routing-coop'}) RETURN count(o)"))
        .isEqualTo(1);
    assertThat(api.get("/api/search?q=routing").json().get(0).path("id").asString())
        .isEqualTo("zz-routing-coop");
  }

  private static long count(String query) {
    try (Session session = SERVER.driver().session()) {
      return session.run(query).single().get(0).asLong();
    }
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
