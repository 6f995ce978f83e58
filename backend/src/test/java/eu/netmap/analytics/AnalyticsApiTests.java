package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The analytics API on the seed dataset. Expected values come from
 * backend/src/test/python/seed_reference.py, which rebuilds the views from the seed YAML with
 * networkx independently of the Java code.
 */
class AnalyticsApiTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  private JsonNode ok(String path) {
    Api.Response response = api.get(path);
    assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
    return response.json();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asString()));
    return values;
  }

  @Test
  void shouldRankTheBolognaPartnersTopByDegreeInTheActorsView() {
    // networkx: the five Insieme per il lavoro actors have degree 4, then Trento, Toscana,
    // Vlaanderen and TEM with 3 (ESFCoNet)
    JsonNode hubs = ok("/api/analytics/hubs?view=actors&metric=degree&limit=7");
    assertThat(hubs.get("view").asString()).isEqualTo("actors");
    assertThat(hubs.get("metric").asString()).isEqualTo("degree");
    assertThat(hubs.get("exact").asBoolean()).isTrue();
    assertThat(hubs.get("total").asInt()).isEqualTo(18);
    JsonNode items = hubs.get("items");
    assertThat(texts(items, "id"))
        .startsWith(
            "arcidiocesi-di-bologna",
            "citta-metropolitana-di-bologna",
            "comune-di-bologna",
            "emilia-romagna",
            "fondazione-san-petronio");
    assertThat(items.get(0).get("score").asDouble()).isEqualTo(4.0);
    assertThat(items.get(4).get("rank").asInt()).isEqualTo(1);
    assertThat(items.get(5).get("score").asDouble()).isEqualTo(3.0);
    assertThat(items.get(5).get("rank").asInt()).isEqualTo(6);
    assertThat(items.get(0).get("label").asString()).isEqualTo("Organisation");
    assertThat(items.get(0).get("name").asString()).isEqualTo("Arcidiocesi di Bologna");
  }

  @Test
  void shouldPutItalyOnTopOfTheRegionsView() {
    // networkx on the regions projection: degree italy 6; betweenness italy 0.15522875816993464;
    // nx.pagerank(R, weight="weight", tol=1e-12) italy 0.16302938666244993; constraint italy
    // 0.22078124999999998 (lowest)
    JsonNode degree = ok("/api/analytics/hubs?view=regions&metric=degree&limit=1");
    assertThat(degree.get("items").get(0).get("id").asString()).isEqualTo("italy");
    assertThat(degree.get("items").get(0).get("score").asDouble()).isEqualTo(6.0);
    JsonNode betweenness = ok("/api/analytics/hubs?view=regions&metric=betweenness&limit=2");
    assertThat(betweenness.get("exact").asBoolean()).isTrue();
    assertThat(betweenness.get("items").get(0).get("score").asDouble())
        .isCloseTo(0.15522875816993464, within(1e-9));
    assertThat(betweenness.get("items").get(1).get("id").asString()).isEqualTo("finland");
    assertThat(betweenness.get("items").get(1).get("score").asDouble())
        .isCloseTo(0.02342047930283225, within(1e-9));
    JsonNode pagerank = ok("/api/analytics/hubs?view=regions&metric=pagerank&limit=1");
    assertThat(pagerank.get("items").get(0).get("score").asDouble())
        .isCloseTo(0.16302938666244993, within(1e-9));
    JsonNode constraint = ok("/api/analytics/hubs?view=regions&metric=constraint&limit=1");
    assertThat(constraint.get("order").asString()).isEqualTo("ascending");
    assertThat(constraint.get("items").get(0).get("id").asString()).isEqualTo("italy");
    assertThat(constraint.get("items").get(0).get("score").asDouble())
        .isCloseTo(0.22078124999999998, within(1e-9));
  }

  @Test
  void shouldReadTheStoredGraphAsItIs() {
    // networkx on all seed nodes and relationships: 71 nodes; esfconet degree 12, italy 11
    JsonNode hubs = ok("/api/analytics/hubs?view=stored&metric=degree&limit=2");
    assertThat(hubs.get("total").asInt()).isEqualTo(71);
    assertThat(texts(hubs.get("items"), "id")).containsExactly("esfconet", "italy");
    assertThat(hubs.get("items").get(0).get("score").asDouble()).isEqualTo(12.0);
    JsonNode betweenness = ok("/api/analytics/hubs?view=stored&metric=betweenness&limit=1");
    assertThat(betweenness.get("items").get(0).get("score").asDouble())
        .isCloseTo(0.24982182273972717, within(1e-9));
  }

  @Test
  void shouldTieTheEsfconetMembersThroughEsfconet() {
    JsonNode graph = ok("/api/analytics/graph?view=actors");
    List<String> members =
        List.of("provincia-autonoma-di-trento", "toscana", "vlaanderen", "tem-finland");
    int ties = 0;
    for (JsonNode link : graph.get("links")) {
      String source = link.get("source").asString();
      String target = link.get("target").asString();
      if (members.contains(source) && members.contains(target)) {
        ties++;
        assertThat(link.get("type").asString()).isEqualTo("TIE");
        assertThat(link.get("properties").get("weight").asDouble()).isEqualTo(1.0);
        assertThat(link.get("properties").get("via").size()).isEqualTo(1);
        assertThat(link.get("properties").get("via").get(0).asString()).isEqualTo("esfconet");
      }
    }
    assertThat(ties).isEqualTo(6);
    assertThat(graph.get("nodes")).hasSize(18);
    assertThat(graph.get("links")).hasSize(20);
    // COM-IN's two partners share the project and the network it set up
    JsonNode regions = ok("/api/analytics/graph?view=regions");
    boolean found = false;
    for (JsonNode link : regions.get("links")) {
      if (List.of(link.get("source").asString(), link.get("target").asString())
          .containsAll(List.of("italy", "slovenia"))) {
        found = true;
        assertThat(link.get("properties").get("weight").asDouble()).isEqualTo(2.0);
        assertThat(link.get("properties").get("via").get(0).asString()).isEqualTo("com-in");
        assertThat(link.get("properties").get("via").get(1).asString())
            .isEqualTo("com-in-international-network");
      }
    }
    assertThat(found).isTrue();
    assertThat(regions.get("links")).hasSize(17);
  }

  @Test
  void shouldListGapsOfTheRegionsView() {
    JsonNode gaps = ok("/api/analytics/gaps?view=regions");
    assertThat(gaps.get("componentCount").asInt()).isEqualTo(10);
    assertThat(gaps.get("components")).hasSize(1);
    assertThat(gaps.get("components").get(0).get("size").asInt()).isEqualTo(10);
    assertThat(texts(gaps.get("cutpoints"), "id")).containsExactly("italy");
    JsonNode bridge = gaps.get("bridges").get(0);
    assertThat(gaps.get("bridges")).hasSize(1);
    assertThat(bridge.get("source").get("id").asString()).isEqualTo("italy");
    assertThat(bridge.get("target").get("id").asString()).isEqualTo("romania");
    assertThat(bridge.get("via").get(0).asString()).isEqualTo("oltre-il-confine");
    assertThat(texts(gaps.get("isolated"), "id"))
        .containsExactlyInAnyOrder(
            "amman",
            "bologna",
            "emilia-romagna",
            "france",
            "jordan",
            "lombardia",
            "milano",
            "palermo",
            "sicilia");
    assertThat(texts(gaps.get("weaklyTied"), "id")).contains("romania", "finland");
  }

  @Test
  void shouldCompareDeclaredAndMappedMembers() {
    JsonNode gaps = ok("/api/analytics/gaps?view=actors");
    assertThat(gaps.get("componentCount").asInt()).isEqualTo(8);
    assertThat(gaps.get("cutpoints")).isEmpty();
    assertThat(gaps.get("bridges").get(0).get("weight").asDouble()).isEqualTo(2.0);
    assertThat(texts(gaps.get("isolated"), "id"))
        .containsExactly(
            "beta-cooperativa-sociale", "cesie", "dap-ministero-della-giustizia", "tecnostruttura");
    JsonNode dataGaps = gaps.get("dataGaps");
    assertThat(texts(dataGaps, "id"))
        .containsExactly(
            "insieme-per-il-lavoro",
            "inclusione-soggetti-in-esecuzione-penale",
            "fare-rete-per-l-inclusione-sociale",
            "oltre-il-confine",
            "com-in",
            "lavorare-bene-insieme");
    assertThat(dataGaps.get(0).get("declared").asLong()).isEqualTo(200);
    assertThat(dataGaps.get(0).get("mapped").asInt()).isEqualTo(5);
    assertThat(dataGaps.get(3).get("declared").asLong()).isEqualTo(14);
    assertThat(dataGaps.get(3).get("mapped").asInt()).isEqualTo(3);
    // every seed fact names its source
    assertThat(gaps.get("unsourced").get("total").asInt()).isZero();
  }

  @Test
  void shouldFindOneCommunityPerCollaborationInTheActorsView() {
    // nx.community.modularity(A, nx.community.louvain_communities(A, weight="weight", seed=1),
    // weight="weight") = 0.6621315192743763, 8 communities
    JsonNode result = ok("/api/analytics/communities?view=actors");
    assertThat(result.get("algorithm").asString()).isEqualTo("louvain");
    assertThat(result.get("modularity").asDouble()).isCloseTo(0.6621315192743763, within(1e-9));
    JsonNode communities = result.get("communities");
    assertThat(communities).hasSize(8);
    assertThat(communities.get(0).get("size").asInt()).isEqualTo(5);
    assertThat(texts(communities.get(0).get("members"), "id")).contains("emilia-romagna");
    assertThat(communities.get(0).get("theme").get("id").asString())
        .isEqualTo("labour-market-inclusion");
    assertThat(texts(communities.get(1).get("members"), "id"))
        .containsExactlyInAnyOrder(
            "provincia-autonoma-di-trento", "toscana", "vlaanderen", "tem-finland");
    JsonNode propagation = ok("/api/analytics/communities?view=actors&algorithm=label-propagation");
    assertThat(propagation.get("algorithm").asString()).isEqualTo("label-propagation");
    assertThat(propagation.get("modularity").asDouble())
        .isCloseTo(0.6621315192743763, within(1e-9));
  }

  @Test
  void shouldSuggestPartnersForRomaniaThroughItaly() {
    // nx.adamic_adar_index(R, romania × non-neighbours): vlaanderen, slovenia, nova-gorica,
    // finland, belgium, each 0.5581106266 = 1/ln(6) through italy
    JsonNode result = ok("/api/analytics/suggestions?for=romania");
    assertThat(result.get("view").asString()).isEqualTo("regions");
    assertThat(result.get("method").asString()).isEqualTo("adamic-adar");
    assertThat(result.get("forNode").get("id").asString()).isEqualTo("romania");
    JsonNode items = result.get("items");
    assertThat(texts(items, "id"))
        .containsExactly("finland", "belgium", "nova-gorica", "slovenia", "vlaanderen");
    for (JsonNode item : items) {
      assertThat(item.get("score").asDouble()).isCloseTo(0.5581106266, within(1e-9));
      assertThat(texts(item.get("because"), "id")).containsExactly("italy");
      assertThat(item.get("because").get(0).get("name").asString()).isEqualTo("Italia");
    }
    JsonNode ra = ok("/api/analytics/suggestions?for=romania&method=resource-allocation&limit=2");
    assertThat(ra.get("items")).hasSize(2);
    assertThat(ra.get("items").get(0).get("score").asDouble()).isCloseTo(1.0 / 6, within(1e-12));
  }

  @Test
  void shouldNameBrokersAndTheGroupsTheyConnect() {
    JsonNode brokers = ok("/api/analytics/brokers?view=regions");
    JsonNode first = brokers.get("items").get(0);
    assertThat(first.get("id").asString()).isEqualTo("italy");
    assertThat(first.get("constraint").asDouble()).isCloseTo(0.22078124999999998, within(1e-9));
    assertThat(first.get("betweenness").asDouble()).isCloseTo(0.15522875816993464, within(1e-9));
    assertThat(first.get("groups").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldScoreEveryNodeForColouring() {
    JsonNode scores = ok("/api/analytics/scores?view=two-mode&metric=coreness");
    assertThat(scores.get("scores").get("esfconet").asDouble()).isEqualTo(1.0);
    assertThat(scores.get("scores").get("insieme-per-il-lavoro").asDouble()).isEqualTo(1.0);
    assertThat(scores.get("scores").get("com-in").asDouble()).isEqualTo(2.0);
  }

  @Test
  void shouldAnswerBadParametersWithTheValidValues() {
    Api.Response view = api.get("/api/analytics/hubs?view=everything");
    assertThat(view.status()).isEqualTo(400);
    assertThat(view.contentType()).startsWith("application/problem+json");
    assertThat(view.json().get("parameter").asString()).isEqualTo("view");
    assertThat(view.json().get("allowed").size()).isEqualTo(4);
    assertThat(view.json().get("allowed").get(1).asString()).isEqualTo("two-mode");

    Api.Response metric = api.get("/api/analytics/hubs?metric=fame");
    assertThat(metric.status()).isEqualTo(400);
    assertThat(metric.json().get("parameter").asString()).isEqualTo("metric");
    assertThat(metric.json().get("allowed")).hasSize(9);

    assertThat(api.get("/api/analytics/communities?algorithm=leiden").status()).isEqualTo(400);
    assertThat(api.get("/api/analytics/hubs?limit=0").status()).isEqualTo(400);

    Api.Response unknown = api.get("/api/analytics/suggestions?for=atlantis");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asString()).contains("atlantis");
    Api.Response theme = api.get("/api/analytics/suggestions?for=social-inclusion");
    assertThat(theme.status()).isEqualTo(400);
    assertThat(theme.json().get("parameter").asString()).isEqualTo("for");
  }

  @Test
  void shouldReadANewSnapshotAfterAWrite() {
    assertThat(ok("/api/analytics/hubs?view=actors&metric=degree").get("total").asInt())
        .isEqualTo(18);
    try (Session session = driver.session()) {
      session
          .run(
              "MATCH (n:Network {id: 'esfconet'}) CREATE (:Organisation {id: 'analytics-probe',"
                  + " name: 'Probe'})-[:MEMBER_OF]->(n)")
          .consume();
      dataVersion.bump();
      JsonNode hubs = ok("/api/analytics/hubs?view=actors&metric=degree&limit=10");
      assertThat(hubs.get("total").asInt()).isEqualTo(19);
      // the probe joins the ESFCoNet clique: its members now have degree 4
      assertThat(texts(hubs.get("items"), "id")).contains("analytics-probe", "toscana");
      JsonNode gaps = ok("/api/analytics/gaps?view=actors");
      assertThat(texts(gaps.get("unsourced").get("nodes"), "id"))
          .containsExactly("analytics-probe");
    } finally {
      try (Session session = driver.session()) {
        session.run("MATCH (n:Organisation {id: 'analytics-probe'}) DETACH DELETE n").consume();
      }
      dataVersion.bump();
    }
    assertThat(ok("/api/analytics/hubs?view=actors&metric=degree").get("total").asInt())
        .isEqualTo(18);
  }
}
