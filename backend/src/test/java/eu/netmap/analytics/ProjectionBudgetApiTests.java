package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a heap share too small for the seed's actors projection, asking for that view answers 503
 * with a ProblemDetail that says why and what to do, and the app goes on serving the other views. A
 * database and context of their own (the setting applies to the whole app).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProjectionBudgetApiTests {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("netmap.data-dir", () -> dataDir.toString());
    registry.add("netmap.neo4j.embedded.bolt-port", () -> "0");
    registry.add("netmap.regions.load-nuts", () -> "false");
    registry.add("netmap.backup.enabled", () -> "false");
    registry.add("netmap.security.admin-password", () -> "budget-admin-pw");
    registry.add("netmap.analytics.max-wait", () -> "120s");
    // a few bytes of heap per view: not one tie
    registry.add("netmap.analytics.view-heap-share", () -> "0.000000001");
  }

  @LocalServerPort int port;

  @Test
  void shouldRefuseTheOversizedViewWithAClearProblemAndServeTheOthers() {
    Api api = new Api(port);

    Api.Response refused = api.get("/api/analytics/hubs?view=actors&limit=3");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.contentType()).contains("application/problem+json");
    JsonNode problem = refused.json();
    assertThat(problem.path("title").asString())
        .isEqualTo("View too large for this server's memory");
    assertThat(problem.path("view").asString()).isEqualTo("actors");
    assertThat(problem.path("detail").asString())
        .contains("netmap.analytics.view-heap-share")
        .contains("Beyond one machine");

    Api.Response stored = api.get("/api/analytics/hubs?view=stored&limit=3");
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().path("items").size()).isEqualTo(3);
  }
}
