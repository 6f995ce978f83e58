package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * With {@code spring.neo4j.uri} set, netmap uses that server and starts no embedded database. Needs
 * Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExternalNeo4jTests {

  @Container
  static final Neo4jContainer NEO4J =
      new Neo4jContainer("neo4j:5.26").withAdminPassword("secret-pw");

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void external(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
    registry.add("spring.neo4j.authentication.username", () -> "neo4j");
    registry.add("spring.neo4j.authentication.password", () -> "secret-pw");
    registry.add("netmap.data-dir", () -> dataDir.resolve("data").toString());
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void shouldServeTheSeedFromTheExternalServerWithoutAnEmbeddedDatabase() {
    Api api = new Api(port);

    assertThat(context.getBeanNamesForType(DatabaseManagementService.class)).isEmpty();
    // the data directory holds the user accounts (and backups) only, no graph of its own
    assertThat(dataDir.resolve("data"))
        .isDirectoryNotContaining(
            p -> !List.of("accounts", "backups").contains(p.getFileName().toString()));
    assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
    assertThat(api.get("/api/stats").json().path("nodes").path("Network").asInt()).isEqualTo(8);
    assertThat(api.get("/api/search?q=trento").json().get(0).path("id").asString())
        .isEqualTo("provincia-autonoma-di-trento");
  }
}
