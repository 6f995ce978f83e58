package eu.netmap.explore;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The neighbourhood API the explorer grows its graph with, on the seed data. */
class NeighboursTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;

  @Test
  void shouldReturnTheNodeWithAllItsNeighboursUnderTheLimit() {
    JsonNode json = new Api(port).get("/api/nodes/esfconet/neighbours?limit=50").json();
    List<String> ids = ids(json);
    // ESFCoNet has twelve relationships in the seed, each to a different node
    assertThat(ids).hasSize(13).startsWith("esfconet").contains("toscana", "tem-finland");
    assertThat(json.get("total").asLong()).isEqualTo(13);
    assertThat(json.get("truncated").asBoolean()).isFalse();
    assertThat(json.get("links")).hasSize(15);
  }

  @Test
  void shouldCapTheBestConnectedNeighboursAndSaySo() {
    JsonNode json = new Api(port).get("/api/nodes/esfconet/neighbours?limit=5").json();
    assertThat(ids(json)).hasSize(6).startsWith("esfconet");
    assertThat(json.get("total").asLong()).isEqualTo(13);
    assertThat(json.get("truncated").asBoolean()).isTrue();
  }

  private static List<String> ids(JsonNode json) {
    List<String> ids = new ArrayList<>();
    json.get("nodes").forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }
}
