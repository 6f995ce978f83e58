package eu.netmap.planner;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.analytics.AnalyticsService;
import eu.netmap.analytics.View;
import eu.netmap.graph.DataVersion;
import eu.netmap.importer.nuts.NutsRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Loading the NUTS 2021 hierarchy into the seed database (tests start without it), then removing it
 * again so the other tests find the seed as it was.
 */
class NutsLoaderTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired NutsLoader loader;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  @Autowired AnalyticsService analytics;

  private long count(String cypher) {
    try (Session session = driver.session()) {
      return session.run(cypher).single().get(0).asLong();
    }
  }

  private Object value(String cypher) {
    try (Session session = driver.session()) {
      return session.run(cypher).single().get(0).asObject();
    }
  }

  @AfterEach
  void removeNuts() {
    try (Session session = driver.session()) {
      session
          .run("MATCH (n) WHERE n.id IN ['twin-test-org', 'twin-test-project'] DETACH DELETE n")
          .consume();
      session.run("MATCH (r:Region) WHERE r.id STARTS WITH 'nuts-' DETACH DELETE r").consume();
      session
          .run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", NutsRegions.SOURCE_ID))
          .consume();
      session.run("MATCH (r:Region) WHERE r.nutsNode IS NOT NULL REMOVE r.nutsNode").consume();
    }
    dataVersion.bump();
  }

  @Test
  void shouldLoadTheNutsHierarchyOnceAndLinkTheSeedRegions() {
    int regionsBefore = analytics.snapshot().graph(View.REGIONS).vertexSet().size();
    long tiesBefore = analytics.snapshot().graph(View.REGIONS).edgeSet().size();

    assertThat(loader.load()).isEqualTo(2007);
    assertThat(count("MATCH (r:Region) WHERE r.id STARTS WITH 'nuts-' RETURN count(r)"))
        .isEqualTo(2007);
    assertThat(
            count(
                "MATCH (r:Region) WHERE r.id STARTS WITH 'nuts-it' AND r.level = 'nuts2'"
                    + " RETURN count(r)"))
        .isEqualTo(21);
    assertThat(
            count(
                "MATCH (:Region {id: 'nuts-ith2'})-[:PART_OF]->(:Region {id: 'nuts-ith'})"
                    + "-[:PART_OF]->(:Region {id: 'nuts-it'}) RETURN count(*)"))
        .isEqualTo(1);
    assertThat(value("MATCH (r:Region {id: 'toscana'}) RETURN r.nutsNode")).isEqualTo("nuts-iti1");
    assertThat(value("MATCH (r:Region {id: 'italy'}) RETURN r.nutsNode")).isEqualTo("nuts-it");
    assertThat(value("MATCH (r:Region {id: 'jordan'}) RETURN r.nutsNode")).isNull();
    long relationships = count("MATCH ()-[r]->() RETURN count(r)");

    // a second run changes nothing
    assertThat(loader.load()).isEqualTo(2007);
    assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);

    // reference-only NUTS regions stay out of analytics: the regions view is unchanged
    assertThat(analytics.snapshot().graph(View.REGIONS).vertexSet()).hasSize(regionsBefore);
    assertThat(analytics.snapshot().graph(View.REGIONS).edgeSet()).hasSize((int) tiesBefore);

    // the planner still finds Toscana by its NUTS code, not the untied NUTS node
    Api.Response plan = new Api(port).get("/api/planner?region=ITI1");
    assertThat(plan.status()).isEqualTo(200);
    assertThat(plan.json().get("region").get("id").asString()).isEqualTo("toscana");
  }

  private JsonNode ok(Api api, String path) {
    Api.Response response = api.get(path);
    assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
    return response.json();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }

  /**
   * An organisation in Firenze (the NUTS 3 region nuts-iti14, below nuts-iti1) works with Veneto:
   * the planner and the map count it for Toscana, the curated twin of nuts-iti1, and show no second
   * Toscana.
   */
  @Test
  void shouldTreatTheNutsRegionAndItsCuratedTwinAsOne() {
    loader.load();
    try (Session session = driver.session()) {
      session
          .run(
              """
              MATCH (f:Region {id: 'nuts-iti14'}), (v:Region {id: 'veneto'})
              CREATE (o:Organisation {id: 'twin-test-org', name: 'Twin test organisation',
                                      sources: ['src-gisco-nuts-2021']})
              CREATE (p:Project {id: 'twin-test-project', name: 'Twin test project',
                                 period: '2021-2027', sources: ['src-gisco-nuts-2021']})
              CREATE (o)-[:LOCATED_IN {sources: ['src-gisco-nuts-2021']}]->(f)
              CREATE (o)-[:PARTICIPATES_IN {sources: ['src-gisco-nuts-2021']}]->(p)
              CREATE (v)-[:PARTICIPATES_IN {sources: ['src-gisco-nuts-2021']}]->(p)
              """)
          .consume();
    }
    dataVersion.bump();
    Api api = new Api(port);

    // looked up both ways: the NUTS id and code find the curated region
    JsonNode byId = ok(api, "/api/planner?region=nuts-iti1&lang=en");
    assertThat(byId.get("region").get("id").asString()).isEqualTo("toscana");
    assertThat(byId.get("notes").get(0).get("text").asString())
        .isEqualTo(
            "nuts-iti1 is Toscana in netmap: the NUTS region and the curated region are one place");
    assertThat(ok(api, "/api/planner?region=ITI1").get("region").get("id").asString())
        .isEqualTo("toscana");

    // Veneto's partners: Toscana through the Firenze organisation, Firenze folded into it, and
    // neither nuts-iti1, nuts-iti14 nor Centro (nuts-iti, nothing of its own) on their own
    JsonNode veneto = ok(api, "/api/planner?region=veneto&lang=en&limit=50");
    assertThat(ids(veneto.get("partners"))).doesNotContain("nuts-iti1", "nuts-iti14", "nuts-iti");
    JsonNode toscana = null;
    for (JsonNode p : veneto.get("partners")) {
      if (p.get("id").asString().equals("toscana")) {
        toscana = p;
      }
    }
    assertThat(toscana).isNotNull();
    List<String> reasons = new ArrayList<>();
    toscana.get("reasons").forEach(r -> reasons.add(r.get("text").asString()));
    assertThat(reasons)
        .contains(
            "1 member of your networks and projects is there: Twin test organisation",
            "already cooperates with you in Twin test project",
            "includes Firenze (not ranked on its own)");

    // the map: one Toscana, with the project, tied to Veneto
    JsonNode map = ok(api, "/api/planner/map?period=2021-2027");
    assertThat(ids(map.get("regions"))).contains("toscana", "veneto").doesNotContain("nuts-iti1");
    JsonNode tosc = null;
    for (JsonNode r : map.get("regions")) {
      if (r.get("id").asString().equals("toscana")) {
        tosc = r;
      }
    }
    assertThat(tosc.get("collaborations").get(0).asString()).isEqualTo("twin-test-project");
    boolean tied = false;
    for (JsonNode t : map.get("ties")) {
      tied |=
          t.get("source").asString().equals("toscana")
              && t.get("target").asString().equals("veneto");
    }
    assertThat(tied).as("toscana–veneto in " + map.get("ties")).isTrue();
  }
}
