package eu.netmap.planner;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.analytics.AnalyticsService;
import eu.netmap.analytics.View;
import eu.netmap.graph.DataVersion;
import eu.netmap.importer.nuts.NutsRegions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
}
