package eu.netmap.explore;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.importer.Neo4jWriter;
import eu.netmap.importer.WriteSummary;
import eu.netmap.importer.seed.SeedReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The read API on the seed dataset, against the real embedded database. */
class ExploreApiTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired Driver driver;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void shouldBeHealthyWithTheSchemaInPlace() {
    Api.Response health = api.get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asString()).isEqualTo("UP");
    assertThat(health.json().path("components").path("schema").path("status").asString())
        .isEqualTo("UP");
    try (var session = driver.session()) {
      List<String> constraints =
          session.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get(0).asString());
      assertThat(constraints)
          .contains(
              "organisation_id",
              "region_id",
              "network_id",
              "project_id",
              "theme_id",
              "event_id",
              "source_id");
      List<String> indexes =
          session
              .run("SHOW FULLTEXT INDEXES YIELD name, state RETURN name + ':' + state")
              .list(r -> r.get(0).asString());
      assertThat(indexes).contains("node_names:ONLINE");
    }
  }

  @Test
  void shouldCountTheSeedDatasetByLabelAndType() {
    JsonNode stats = api.get("/api/stats").json();

    assertThat(stats.path("nodes").path("Source").asInt()).isEqualTo(5);
    assertThat(stats.path("nodes").path("Network").asInt()).isEqualTo(8);
    assertThat(stats.path("nodes").path("Project").asInt()).isEqualTo(7);
    assertThat(stats.path("nodes").path("Event").asInt()).isEqualTo(3);
    assertThat(stats.path("nodes").path("Organisation").asInt()).isEqualTo(14);
    assertThat(stats.path("relationships").path("MEMBER_OF").asInt()).isEqualTo(6);
    assertThat(stats.path("relationships").path("PARTICIPATES_IN").asInt()).isEqualTo(14);
  }

  @Test
  void shouldStoreWhatTheSourcesStateAboutEsfconet() {
    try (var session = driver.session()) {
      var rows =
          session
              .run(
                  """
                  MATCH (a)-[m:MEMBER_OF]->(:Network {id: 'esfconet'})
                  RETURN a.id AS id, m.role AS role, m.sources AS sources ORDER BY id
                  """)
              .list(r -> r.get("id").asString() + ":" + r.get("role").asString());
      assertThat(rows)
          .containsExactly(
              "provincia-autonoma-di-trento:secretariat",
              "tem-finland:presidency",
              "toscana:coordinator",
              "vlaanderen:coordinator");
      long linked =
          session
              .run(
                  "MATCH (:Network {id:'esfconet'})-[:LINKED_TO]->(n:Network) RETURN count(n) AS c")
              .single()
              .get("c")
              .asLong();
      assertThat(linked).isEqualTo(3);
      String lead =
          session
              .run(
                  "MATCH (o)-[:PARTICIPATES_IN {role:'lead'}]->(:Project {id:'com-in'}) RETURN"
                      + " o.id AS id")
              .single()
              .get("id")
              .asString();
      assertThat(lead).isEqualTo("fuds");
    }
  }

  @Test
  void shouldChangeNothingWhenTheSeedIsLoadedAgain() {
    WriteSummary summary =
        new Neo4jWriter(driver).validateAndWrite(SeedReader.readBundledSeed(), true);

    assertThat(summary.nodesCreated()).isZero();
    assertThat(summary.nodesUpdated()).isZero();
    assertThat(summary.relationshipsCreated()).isZero();
    assertThat(summary.relationshipsUpdated()).isZero();
    assertThat(summary.nodesUnchanged()).isGreaterThan(60);
  }

  @Test
  void shouldFindNodesIgnoringCaseAccentsAndWordEndings() {
    assertThat(ids(api.get("/api/search?q=trento").json()))
        .startsWith("provincia-autonoma-di-trento");
    assertThat(ids(api.get("/api/search?q=com-in").json())).startsWith("com-in");
    assertThat(ids(api.get("/api/search?q=ESFCONET").json())).startsWith("esfconet");
    assertThat(ids(api.get("/api/search?q=citta%20metrop").json()))
        .contains("citta-metropolitana-di-bologna");
    assertThat(ids(api.get("/api/search?q=fuds").json())).startsWith("fuds");
    assertThat(ids(api.get("/api/search?q=Tuscany").json())).startsWith("toscana");
    JsonNode first = api.get("/api/search?q=oltre%20confine").json().get(0);
    assertThat(first.path("id").asString()).isEqualTo("oltre-il-confine");
    assertThat(first.path("label").asString()).isEqualTo("Project");
    assertThat(first.path("nameEn").asString()).isEqualTo("Beyond the Border");
    assertThat(api.get("/api/search?q=zzzznothing").json()).isEmpty();
  }

  @Test
  void shouldRejectABadSearchLimitWithAProblemDetail() {
    Api.Response response = api.get("/api/search?q=trento&limit=0");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.json().path("detail").asString()).contains("limit");
  }

  @Test
  void shouldShowANodeWithItsSources() {
    JsonNode node = api.get("/api/nodes/esfconet").json();

    assertThat(node.path("label").asString()).isEqualTo("Network");
    assertThat(node.path("name").asString()).isEqualTo("ESFCoNet");
    assertThat(node.path("nameEn").asString()).isEqualTo("ESF Cooperation Network");
    assertThat(node.path("properties").path("scope").asString()).isEqualTo("international");
    assertThat(node.path("sources").get(0).path("id").asString())
        .isEqualTo("src-tecnostruttura-2011");
    assertThat(node.path("sources").get(0).path("title").asString())
        .startsWith("L'economia sociale");
  }

  @Test
  void shouldAnswer404ForAnUnknownNode() {
    Api.Response response = api.get("/api/nodes/no-such-node");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.json().path("detail").asString()).contains("no-such-node");
    assertThat(api.get("/api/nodes/no-such-node/neighbours").status()).isEqualTo(404);
  }

  @Test
  void shouldListNeighboursIncludingTheNodeItselfAndCapThem() {
    JsonNode all = api.get("/api/nodes/esfconet/neighbours").json();
    assertThat(ids(all.path("nodes")))
        .containsExactlyInAnyOrder(
            "esfconet",
            "provincia-autonoma-di-trento",
            "tem-finland",
            "toscana",
            "vlaanderen",
            "empowerment-and-social-inclusion",
            "earlall",
            "youth-employment",
            "social-inclusion",
            "new-poverty",
            "young-people",
            "disadvantaged-and-disabled-people",
            "social-economy");
    // total counts the nodes of the whole neighbourhood, the node itself included
    assertThat(all.path("total").asInt()).isEqualTo(13);
    assertThat(all.path("truncated").asBoolean()).isFalse();
    JsonNode secretariat = null;
    for (JsonNode link : all.path("links")) {
      if (link.path("source").asString().equals("provincia-autonoma-di-trento")) {
        secretariat = link;
      }
    }
    assertThat(secretariat).isNotNull();
    assertThat(secretariat.path("type").asString()).isEqualTo("MEMBER_OF");
    assertThat(secretariat.path("target").asString()).isEqualTo("esfconet");
    assertThat(secretariat.path("properties").path("role").asString()).isEqualTo("secretariat");

    JsonNode capped = api.get("/api/nodes/esfconet/neighbours?limit=2").json();
    assertThat(capped.path("nodes")).hasSize(3);
    assertThat(capped.path("total").asInt()).isEqualTo(13);
    assertThat(capped.path("truncated").asBoolean()).isTrue();
    assertThat(api.get("/api/nodes/esfconet/neighbours?limit=1001").status()).isEqualTo(400);
  }

  @Test
  void shouldReturnTheWholeGraphCapped() {
    JsonNode graph = api.get("/api/graph").json();
    int nodes = graph.path("nodes").size();
    assertThat(graph.path("truncated").asBoolean()).isFalse();
    assertThat(graph.path("total").asInt()).isEqualTo(nodes);
    assertThat(nodes).isGreaterThan(60);

    JsonNode capped = api.get("/api/graph?limit=10").json();
    assertThat(capped.path("nodes")).hasSize(10);
    assertThat(capped.path("truncated").asBoolean()).isTrue();
    for (JsonNode link : capped.path("links")) {
      assertThat(ids(capped.path("nodes")))
          .contains(link.path("source").asString(), link.path("target").asString());
    }
  }

  @Test
  void shouldKeepTheFullGraphAndGiveACompactOneWithTheSameNodesAndLinks() {
    JsonNode full = api.get("/api/graph?limit=100000").json();
    JsonNode compact = api.get("/api/graph?limit=100000&compact=true").json();
    assertThat(ids(compact.path("nodes"))).isEqualTo(ids(full.path("nodes")));
    assertThat(linkKeys(compact.path("links")))
        .containsExactlyInAnyOrderElementsOf(linkKeys(full.path("links")));
    assertThat(compact.path("total").asLong()).isEqualTo(full.path("total").asLong());
    assertThat(compact.path("truncated").asBoolean()).isFalse();

    // the full form: every property, on nodes and links (the sources page reads them)
    JsonNode esfconet = byId(full.path("nodes"), "esfconet");
    assertThat(esfconet.path("nameEn").asString()).isEqualTo("ESF Cooperation Network");
    assertThat(esfconet.path("properties").path("scope").asString()).isEqualTo("international");
    assertThat(esfconet.path("properties").path("sources").get(0).asString())
        .isEqualTo("src-tecnostruttura-2011");
    assertThat(secretariat(full).path("properties").path("role").asString())
        .isEqualTo("secretariat");

    // the compact form: names, label and period only, links without properties
    JsonNode small = byId(compact.path("nodes"), "esfconet");
    assertThat(small.path("label").asString()).isEqualTo("Network");
    assertThat(small.path("name").asString()).isEqualTo("ESFCoNet");
    assertThat(small.path("nameEn").asString()).isEqualTo("ESF Cooperation Network");
    assertThat(small.path("properties").propertyNames()).containsExactly("period");
    assertThat(small.path("properties").path("period").asString()).isEqualTo("2007-2013");
    for (JsonNode node : compact.path("nodes")) {
      assertThat(node.path("properties").propertyNames()).isSubsetOf("period");
    }
    for (JsonNode link : compact.path("links")) {
      assertThat(link.has("properties")).as(link.toString()).isFalse();
    }
    assertThat(secretariat(compact).path("type").asString()).isEqualTo("MEMBER_OF");

    // capped: the best-connected nodes, the same in both forms, and only links among them
    JsonNode capped = api.get("/api/graph?limit=10&compact=true").json();
    assertThat(ids(capped.path("nodes")))
        .isEqualTo(ids(api.get("/api/graph?limit=10").json().path("nodes")));
    assertThat(capped.path("truncated").asBoolean()).isTrue();
    assertThat(capped.path("links")).isNotEmpty();
    for (JsonNode link : capped.path("links")) {
      assertThat(ids(capped.path("nodes")))
          .contains(link.path("source").asString(), link.path("target").asString());
    }
    assertThat(api.get("/api/graph?limit=10&compact=maybe").status()).isEqualTo(400);
  }

  private static JsonNode secretariat(JsonNode graph) {
    for (JsonNode link : graph.path("links")) {
      if (link.path("source").asString().equals("provincia-autonoma-di-trento")
          && link.path("target").asString().equals("esfconet")) {
        return link;
      }
    }
    throw new AssertionError("no link from provincia-autonoma-di-trento to esfconet");
  }

  private static JsonNode byId(JsonNode nodes, String id) {
    for (JsonNode node : nodes) {
      if (node.path("id").asString().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no node " + id);
  }

  private static List<String> linkKeys(JsonNode links) {
    List<String> keys = new ArrayList<>();
    links.forEach(
        l ->
            keys.add(
                l.path("source").asString()
                    + "|"
                    + l.path("type").asString()
                    + "|"
                    + l.path("target").asString()));
    return keys;
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }
}
