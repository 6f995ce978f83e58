package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The regions projection per programme period on the seed dataset. Expected values: the regions
 * taking part in each period's collaborations, tied pairwise except where one contains the other;
 * density is networkx.density(G) of those members and ties, largest component max(len(c) for c in
 * networkx.connected_components(G)).
 */
class TimelineApiTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  private static List<String> ids(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get("id").asString()));
    return values;
  }

  @Test
  void shouldFollowTheRegionsAcrossProgrammePeriods() {
    Api.Response response = api.get("/api/analytics/timeline?view=regions");
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode timeline = response.json();
    assertThat(timeline.get("view").asString()).isEqualTo("regions");
    assertThat(ids(timeline.get("withoutPeriod")))
        .containsExactly("com-in-international-network", "lavorare-bene-insieme");
    JsonNode periods = timeline.get("periods");
    assertThat(periods.size()).isEqualTo(4);

    // 2000-2006: Fare rete — Toscana and Italia, one inside the other, so no tie
    JsonNode p1 = periods.get(0);
    assertThat(p1.get("period").asString()).isEqualTo("2000-2006");
    assertThat(p1.get("collaborations").asInt()).isEqualTo(1);
    assertThat(p1.get("nodes").asInt()).isEqualTo(2);
    assertThat(p1.get("ties").asInt()).isZero();
    assertThat(p1.get("density").asDouble()).isZero();
    assertThat(p1.get("largestComponent").asInt()).isEqualTo(1);
    assertThat(ids(p1.get("newMembers"))).containsExactlyInAnyOrder("toscana", "italy");

    // 2007-2013: ESFCoNet (6 regions, 15 pairs - 3 nested) + Oltre il Confine (Italia-România)
    JsonNode p2 = periods.get(1);
    assertThat(p2.get("period").asString()).isEqualTo("2007-2013");
    assertThat(p2.get("collaborations").asInt()).isEqualTo(3);
    assertThat(p2.get("nodes").asInt()).isEqualTo(7);
    assertThat(p2.get("ties").asInt()).isEqualTo(13);
    assertThat(p2.get("tiesGained").asInt()).isEqualTo(13);
    assertThat(p2.get("tiesLost").asInt()).isZero();
    assertThat(p2.get("density").asDouble()).isCloseTo(13.0 / 21, within(1e-9)); // 0.619047…
    assertThat(p2.get("largestComponent").asInt()).isEqualTo(7);
    assertThat(ids(p2.get("newMembers")))
        .containsExactlyInAnyOrder(
            "belgium", "finland", "provincia-autonoma-di-trento", "romania", "vlaanderen");
    assertThat(ids(p2.get("departedMembers"))).isEmpty();

    // 2014-2020: Insieme per il lavoro and MoreThanAJob, each within Italy: no interregional tie
    JsonNode p3 = periods.get(2);
    assertThat(p3.get("nodes").asInt()).isEqualTo(5);
    assertThat(p3.get("ties").asInt()).isZero();
    assertThat(p3.get("tiesLost").asInt()).isEqualTo(13);
    assertThat(p3.get("largestComponent").asInt()).isEqualTo(1);
    assertThat(ids(p3.get("newMembers")))
        .containsExactlyInAnyOrder("bologna", "emilia-romagna", "palermo", "sicilia");
    assertThat(ids(p3.get("departedMembers"))).hasSize(6).doesNotContain("italy");

    // 2021-2027: COM-IN — Veneto and Italia with Slovenija and Nova Gorica
    JsonNode p4 = periods.get(3);
    assertThat(p4.get("nodes").asInt()).isEqualTo(4);
    assertThat(p4.get("ties").asInt()).isEqualTo(4);
    assertThat(p4.get("tiesGained").asInt()).isEqualTo(4);
    assertThat(p4.get("density").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(p4.get("largestComponent").asInt()).isEqualTo(4);
    assertThat(ids(p4.get("newMembers")))
        .containsExactlyInAnyOrder("veneto", "slovenia", "nova-gorica");
  }

  @Test
  void shouldRefuseTheTimelineOfTheStoredGraph() {
    Api.Response response = api.get("/api/analytics/timeline?view=stored");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("view");
  }
}
