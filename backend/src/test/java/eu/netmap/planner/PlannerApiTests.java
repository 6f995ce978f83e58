package eu.netmap.planner;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The planner on the seed dataset. Expected scores are worked out by hand from the seed's regions
 * projection (see {@link PlannerService} for the formula): e.g. Toscana–Suomi = 1 member (TEM) + 5
 * shared themes × 0.5 + 3 shared partners (Trento, Vlaanderen, België) = 6.5.
 */
class PlannerApiTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
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

  private static JsonNode partner(JsonNode plan, String id) {
    for (JsonNode p : plan.get("partners")) {
      if (p.get("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no partner " + id + " in " + plan);
  }

  @Test
  void shouldRankToscanasEsfconetPartnersFirstWithReasons() {
    JsonNode plan = ok("/api/planner?region=toscana");
    assertThat(plan.get("region").get("id").asString()).isEqualTo("toscana");
    assertThat(plan.get("region").get("name").asString()).isEqualTo("Toscana");
    assertThat(plan.get("region").get("nuts").asString()).isEqualTo("ITI1");
    JsonNode partners = plan.get("partners");
    assertThat(partners.size()).isEqualTo(10);
    assertThat(texts(partners, "id"))
        .startsWith(
            "finland",
            "provincia-autonoma-di-trento",
            "belgium",
            "vlaanderen",
            "palermo",
            "sicilia");
    JsonNode finland = partners.get(0);
    assertThat(finland.get("score").asDouble()).isEqualTo(6.5);
    assertThat(finland.get("nuts").asString()).isEqualTo("FI");
    assertThat(finland.get("tied").asBoolean()).isTrue();
    assertThat(strings(finland.get("reasons")))
        .containsExactly(
            "1 member of your networks and projects is there: Työ- ja elinkeinoministeriö",
            "shares 5 themes with you: disadvantaged and disabled people, new poverty, social"
                + " economy, social inclusion, young people between education and work",
            "already cooperates with you in ESFCoNet; shares 3 partners with you");
    assertThat(partner(plan, "provincia-autonoma-di-trento").get("score").asDouble())
        .isEqualTo(6.5);
    assertThat(partner(plan, "belgium").get("score").asDouble()).isEqualTo(5.5);
    // Sicilia: public-private cooperation, social economy, social inclusion (MoreThanAJob)
    assertThat(partner(plan, "sicilia").get("score").asDouble()).isEqualTo(1.5);
    assertThat(partner(plan, "sicilia").get("tied").asBoolean()).isFalse();
    // Italia contains Toscana: never suggested
    assertThat(texts(partners, "id")).doesNotContain("italy", "toscana");
  }

  @Test
  void shouldFindTheRegionByNutsCodeAndPutTheThemeFirst() {
    JsonNode plan = ok("/api/planner?region=iti1&theme=trafficking-victims&limit=3");
    assertThat(plan.get("region").get("id").asString()).isEqualTo("toscana");
    assertThat(plan.get("theme").get("id").asString()).isEqualTo("trafficking-victims");
    assertThat(plan.get("theme").get("nameEn").asString()).isEqualTo("Victims of trafficking");
    JsonNode partners = plan.get("partners");
    assertThat(texts(partners, "id"))
        .containsExactly("romania", "finland", "provincia-autonoma-di-trento");
    // 3 for Oltre il Confine on the theme; Suomi (1 member + 3 shared partners) halved: off theme
    assertThat(partners.get(0).get("score").asDouble()).isEqualTo(3.0);
    assertThat(strings(partners.get(0).get("reasons")))
        .containsExactly("works on victims of trafficking in Oltre il Confine");
    assertThat(partners.get(1).get("score").asDouble()).isEqualTo(2.0);
    assertThat(strings(partners.get(1).get("reasons")))
        .contains("no known work on victims of trafficking yet");
    assertThat(strings(plan.get("gaps"), "text"))
        .contains("no partner region on victims of trafficking yet");
  }

  @Test
  void shouldSuggestClosingTrianglesForRomania() {
    JsonNode plan = ok("/api/planner?region=RO");
    JsonNode partners = plan.get("partners");
    assertThat(partners.get(0).get("id").asString()).isEqualTo("italy");
    // 2 members in Italia (DPO, Ministry of Labour) + 3 shared themes × 0.5
    assertThat(partners.get(0).get("score").asDouble()).isEqualTo(3.5);
    assertThat(strings(partners.get(0).get("reasons")))
        .contains(
            "2 members of your networks and projects are there: Dipartimento per le Pari"
                + " Opportunità and Ministero del Lavoro e delle Politiche Sociali",
            "already cooperates with you in Oltre il Confine");
    JsonNode finland = partner(plan, "finland");
    // 1 shared theme × 0.5 + 1 shared partner + 1 for a new tie
    assertThat(finland.get("score").asDouble()).isEqualTo(2.5);
    assertThat(finland.get("tied").asBoolean()).isFalse();
    assertThat(strings(finland.get("reasons")))
        .contains("no tie yet; shares 1 partner with you (Italia)");
    JsonNode gaps = plan.get("gaps");
    assertThat(strings(gaps, "text"))
        .contains(
            "not in Rete internazionale COM-IN, where your partner Italia is",
            "the tie with Italia rests on one organisation, Ministerul Muncii, Familiei și"
                + " Protecției Sociale (Oltre il Confine)");
    assertThat(strings(gaps, "kind")).contains("theme", "network", "single-organisation");
  }

  @Test
  void shouldNameTiesThatRestOnOneOrganisation() {
    JsonNode gaps = ok("/api/planner?region=italy").get("gaps");
    List<String> single = new ArrayList<>();
    gaps.forEach(
        g -> {
          if (g.get("kind").asString().equals("single-organisation")) {
            single.add(g.get("id").asString());
          }
        });
    // COM-IN reaches Slovenia only through Veneto Lavoro, Romania through its ministry, Finland
    // through TEM; Belgium/Vlaanderen (Vlaanderen itself) and others are not organisations
    assertThat(single).containsExactlyInAnyOrder("nova-gorica", "romania", "slovenia", "finland");
  }

  @Test
  void shouldAnswerProblemsForBadRequests() {
    assertThat(api.get("/api/planner?region=nowhere").status()).isEqualTo(404);
    Api.Response theme = api.get("/api/planner?region=toscana&theme=nothing");
    assertThat(theme.status()).isEqualTo(400);
    assertThat(theme.json().get("parameter").asString()).isEqualTo("theme");
    assertThat(strings(theme.json().get("allowed"))).contains("trafficking-victims");
    Api.Response notRegion = api.get("/api/planner?region=esfconet");
    assertThat(notRegion.status()).isEqualTo(400);
    assertThat(notRegion.json().get("parameter").asString()).isEqualTo("region");
    assertThat(api.get("/api/planner?region=toscana&limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/planner").status()).isEqualTo(400);
  }

  @Test
  void shouldGiveTheMapItsRegionsAndTiesPerPeriod() {
    JsonNode all = ok("/api/planner/map");
    assertThat(all.has("period")).isFalse(); // nulls are left out
    assertThat(all.get("ties").size()).isEqualTo(17); // 13 (2007-2013) + 4 (COM-IN and its network)
    JsonNode map = ok("/api/planner/map?period=2021-2027");
    assertThat(map.get("period").asString()).isEqualTo("2021-2027");
    assertThat(map.get("ties").size()).isEqualTo(4);
    assertThat(texts(map.get("collaborations"), "id")).containsExactly("com-in");
    JsonNode veneto = null;
    for (JsonNode region : map.get("regions")) {
      if (region.get("id").asString().equals("veneto")) {
        veneto = region;
      }
    }
    assertThat(veneto).isNotNull();
    assertThat(veneto.get("nuts").asString()).isEqualTo("ITH3");
    assertThat(veneto.get("ties").asInt()).isEqualTo(2); // Slovenija, Nova Gorica
    assertThat(veneto.get("strength").asDouble()).isEqualTo(2.0);
    assertThat(strings(veneto.get("collaborations"))).containsExactly("com-in");
    Api.Response bad = api.get("/api/planner/map?period=1990-1999");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("parameter").asString()).isEqualTo("period");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }

  private static List<String> strings(JsonNode array, String field) {
    return texts(array, field);
  }
}
