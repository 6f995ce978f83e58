package eu.netmap.edit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The audit log lives in the graph's database but never in the graph people see: not in counts, the
 * graph, search, exports (nor their data version) or analytics; and edits reach analytics.
 */
class AuditLogIsolationTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;

  private Editing edit;

  @BeforeEach
  void setUp() {
    edit = new Editing(new Api(port), ADMIN_PASSWORD);
  }

  @AfterEach
  void cleanUp() {
    Editing.cleanUp(driver);
    dataVersion.bump();
  }

  @Test
  void shouldKeepAuditEntriesOutOfEveryGraphRead() {
    JsonNode statsBefore = edit.get("/api/stats").json();
    String versionBefore =
        edit.get("/api/export?format=json&view=stored").json().path("dataVersion").asString();

    // a node made, linked and deleted again: the graph is as before, the log has three entries
    String id =
        edit.createNode("Organisation", "ZZ Edit Passing Through", Map.of()).path("id").asString();
    edit.createRelationship(id, "MEMBER_OF", "esfconet", Map.of());
    assertThat(
            edit.send(
                    "DELETE",
                    "/api/nodes/" + id,
                    Map.of("version", 1, "sources", List.of(Editing.SEED_SOURCE)))
                .status())
        .isEqualTo(204);
    Set<String> entries = new HashSet<>();
    try (Session session = driver.session()) {
      session
          .run("MATCH (e:AuditEntry) RETURN e.id AS id")
          .forEachRemaining(r -> entries.add(r.get("id").asString()));
      assertThat(
              session
                  .run(
                      "MATCH (e:AuditEntry) WHERE $id IN e.nodes RETURN count(e)", Map.of("id", id))
                  .single()
                  .get(0)
                  .asLong())
          .isEqualTo(3);
      assertThat(session.run("MATCH (e:AuditEntry)--() RETURN count(e)").single().get(0).asLong())
          .isZero();
    }

    JsonNode stats = edit.get("/api/stats").json();
    assertThat(stats).isEqualTo(statsBefore);
    assertThat(stats.path("nodes").has("AuditEntry")).isFalse();
    long total = 0;
    for (JsonNode count : stats.path("nodes")) {
      total += count.asLong();
    }

    JsonNode graph = edit.get("/api/graph?limit=100000").json();
    assertThat(graph.path("total").asLong()).isEqualTo(total);
    assertThat(graph.path("nodes")).hasSize((int) total);
    for (JsonNode node : graph.path("nodes")) {
      assertThat(node.path("label").asString()).isNotEqualTo("AuditEntry");
      assertThat(entries).doesNotContain(node.path("id").asString());
    }
    assertThat(edit.get("/api/search?q=admin").json().toString()).doesNotContain("AuditEntry");

    JsonNode export = edit.get("/api/export?format=json&view=stored").json();
    assertThat(export.path("dataVersion").asString()).isEqualTo(versionBefore);
    assertThat(export.path("nodes")).hasSize((int) total);
    String graphml = edit.get("/api/export?format=graphml&view=stored").text();
    assertThat(graphml).doesNotContain("AuditEntry").doesNotContain(entries.iterator().next());

    JsonNode scores =
        edit.get("/api/analytics/scores?view=stored&metric=degree").json().path("scores");
    assertThat(scores.size()).isEqualTo((int) total);
    for (String entry : entries) {
      assertThat(scores.has(entry)).isFalse();
    }
    JsonNode gaps = edit.get("/api/analytics/gaps?view=stored&limit=1000").json();
    assertThat(gaps.toString())
        .doesNotContain("AuditEntry")
        .doesNotContain(entries.iterator().next());
    assertThat(edit.get("/api/planner?region=toscana").status()).isEqualTo(200);
  }

  @Test
  void shouldRecomputeHubsAfterAnEdit() {
    double before = degree("esfconet");
    String id =
        edit.createNode("Organisation", "ZZ Edit New Member", Map.of()).path("id").asString();
    edit.createRelationship(id, "MEMBER_OF", "esfconet", Map.of("role", "member"));

    assertThat(degree("esfconet")).isEqualTo(before + 1);
    assertThat(degree(id)).isEqualTo(1);
    JsonNode hubs = edit.get("/api/analytics/hubs?view=stored&metric=degree&limit=1").json();
    assertThat(hubs.path("items").get(0).path("id").asString()).isEqualTo("esfconet");
    assertThat(hubs.path("items").get(0).path("score").asDouble()).isEqualTo(before + 1);

    edit.send(
        "DELETE",
        "/api/nodes/" + id,
        Map.of("version", 1, "sources", List.of(Editing.SEED_SOURCE)));
    assertThat(degree("esfconet")).isEqualTo(before);
  }

  private double degree(String id) {
    return edit.get("/api/analytics/scores?view=stored&metric=degree")
        .json()
        .path("scores")
        .path(id)
        .asDouble();
  }
}
