package eu.netmap.planner;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The planner on the seed dataset. Expected scores are worked out by hand from the seed's regions
 * (see {@link PlannerService} for the formula and {@link RegionUnits} for the levels). At the level
 * of regions the seed has 8 ties: ESFCoNet ties Toscana, Trento, Vlaanderen and Suomi pairwise (6);
 * Oltre il Confine ties Italia (its ministries) and România; COM-IN and its network tie Veneto and
 * Slovenija (Nova Gorica folded in). Belgium carries nothing Vlaanderen does not, and Italy only
 * its national bodies. E.g. Toscana–Suomi = 1 member (TEM) + 5 shared themes × 0.5 + 2 shared
 * partners (Trento, Vlaanderen) = 5.5.
 */
class PlannerApiTests extends EmbeddedNeo4jTest {

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

  private JsonNode ok(String path, String acceptLanguage) {
    Api.Response response =
        api.send(
            HttpRequest.newBuilder(api.uri(path))
                .header("Accept-Language", acceptLanguage)
                .GET()
                .build());
    assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
    return response.json();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asString()));
    return values;
  }

  private static List<Double> scores(JsonNode plan) {
    List<Double> values = new ArrayList<>();
    plan.get("partners").forEach(p -> values.add(p.get("score").asDouble()));
    return values;
  }

  private static List<String> reasons(JsonNode partner) {
    return texts(partner.get("reasons"), "text");
  }

  private static JsonNode partner(JsonNode plan, String id) {
    for (JsonNode p : plan.get("partners")) {
      if (p.get("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no partner " + id + " in " + plan);
  }

  private static final String TOSCANA_THEMES =
      "shares 5 themes with you: disadvantaged and disabled people, new poverty, social economy,"
          + " social inclusion, young people between education and work";

  @Test
  void shouldRankToscanasPartnersAsRegionsWithPlacesFoldedIn() {
    JsonNode plan = ok("/api/planner?region=toscana&lang=en");
    assertThat(plan.get("region").get("id").asString()).isEqualTo("toscana");
    assertThat(plan.get("region").get("name").asString()).isEqualTo("Toscana");
    assertThat(plan.get("region").get("nuts").asString()).isEqualTo("ITI1");
    assertThat(plan.get("region").get("level").asString()).isEqualTo("nuts2");
    assertThat(plan.get("level").asString()).isEqualTo("regions");
    assertThat(plan.get("lang").asString()).isEqualTo("en");
    // the data version exports name
    assertThat(plan.get("dataVersion").asString())
        .matches("[0-9a-f]{16}")
        .isEqualTo(
            api.get("/api/export?format=json&view=regions").json().get("dataVersion").asString());
    assertThat(texts(plan.get("notes"), "text"))
        .containsExactly("Ranked as regions: provinces and towns count as part of their region.");
    // Palermo, Bologna and Nova Gorica count with Sicilia, Emilia-Romagna and Slovenija; Belgium
    // adds nothing to Vlaanderen; Italy contains Toscana
    assertThat(texts(plan.get("partners"), "id"))
        .containsExactly(
            "provincia-autonoma-di-trento",
            "finland",
            "vlaanderen",
            "sicilia",
            "romania",
            "slovenia",
            "veneto",
            "emilia-romagna");
    assertThat(scores(plan)).containsExactly(5.5, 5.5, 5.5, 1.5, 0.5, 0.5, 0.5, 0.5);

    JsonNode finland = partner(plan, "finland");
    assertThat(finland.get("nuts").asString()).isEqualTo("FI");
    assertThat(finland.get("tied").asBoolean()).isTrue();
    assertThat(reasons(finland))
        .containsExactly(
            "1 member of your networks and projects is there: Työ- ja elinkeinoministeriö",
            TOSCANA_THEMES,
            "already cooperates with you in ESFCoNet; shares 2 partners with you");
    assertThat(texts(finland.get("reasons"), "code"))
        .containsExactly("members", "shared-themes", "tied");
    JsonNode members = finland.get("reasons").get(0).get("params");
    assertThat(members.get("count").asInt()).isEqualTo(1);
    assertThat(members.get("members").get(0).get("id").asString()).isEqualTo("tem-finland");
    assertThat(finland.get("reasons").get(2).get("params").get("sharedPartners").asInt())
        .isEqualTo(2);

    // Sicilia: public-private cooperation, social economy, social inclusion (MoreThanAJob, in
    // Palermo)
    JsonNode sicilia = partner(plan, "sicilia");
    assertThat(sicilia.get("tied").asBoolean()).isFalse();
    assertThat(reasons(sicilia))
        .containsExactly(
            "shares 3 themes with you: public-private cooperation, social economy, social"
                + " inclusion",
            "includes Palermo (not ranked on its own)");
    assertThat(texts(sicilia.get("includes"), "id")).containsExactly("palermo");
    assertThat(texts(partner(plan, "slovenia").get("includes"), "name"))
        .containsExactly("Nova Gorica");

    assertThat(texts(plan.get("sources"), "id"))
        .containsExactly(
            "src-com-in-veneto-lavoro",
            "src-insieme-per-il-lavoro",
            "src-morethanajob-2020",
            "src-tecnostruttura-2011");
  }

  @Test
  void shouldRankEveryPlaceOnItsOwnWhenAskedNotToFold() {
    JsonNode plan = ok("/api/planner?region=toscana&fold=false&lang=en");
    assertThat(plan.get("level").asString()).isEqualTo("all");
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
    // 1 member (TEM) + 5 shared themes × 0.5 + 3 shared partners (Trento, Vlaanderen, België)
    assertThat(scores(plan)).startsWith(6.5, 6.5, 5.5, 5.5, 1.5, 1.5);
    assertThat(reasons(partners.get(0)))
        .containsExactly(
            "1 member of your networks and projects is there: Työ- ja elinkeinoministeriö",
            TOSCANA_THEMES,
            "already cooperates with you in ESFCoNet; shares 3 partners with you");
    assertThat(texts(partners, "id")).doesNotContain("italy", "toscana");
  }

  @Test
  void shouldCountOnlyTheNationalBodiesOfACountryWhoseRegionsAreRanked() {
    JsonNode plan = ok("/api/planner?region=vlaanderen&lang=en");
    assertThat(texts(plan.get("partners"), "id"))
        .containsExactly(
            "provincia-autonoma-di-trento",
            "finland",
            "toscana",
            "sicilia",
            "italy",
            "romania",
            "slovenia",
            "veneto",
            "emilia-romagna");
    assertThat(scores(plan)).containsExactly(5.5, 5.5, 5.5, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5);
    // Italy without its six regions: Oltre il Confine, the prisoners' project, Lavorare bene
    // insieme — of their themes only the social economy is Vlaanderen's too
    assertThat(reasons(partner(plan, "italy")))
        .containsExactly(
            "shares 1 theme with you: social economy",
            "counts only what is in none of its 6 regions, which are ranked on their own");
  }

  @Test
  void shouldFindTheRegionByNutsCodeAndPutTheThemeFirst() {
    JsonNode plan = ok("/api/planner?region=iti1&theme=trafficking-victims&limit=3&lang=en");
    assertThat(plan.get("region").get("id").asString()).isEqualTo("toscana");
    assertThat(plan.get("theme").get("id").asString()).isEqualTo("trafficking-victims");
    assertThat(plan.get("theme").get("nameEn").asString()).isEqualTo("Victims of trafficking");
    JsonNode partners = plan.get("partners");
    assertThat(texts(partners, "id"))
        .containsExactly("romania", "provincia-autonoma-di-trento", "finland");
    // 3 for Oltre il Confine on the theme; Suomi (1 member + 2 shared partners) halved: off theme
    assertThat(scores(plan)).containsExactly(3.0, 1.5, 1.5);
    assertThat(reasons(partners.get(0)))
        .containsExactly("works on victims of trafficking in Oltre il Confine");
    assertThat(reasons(partners.get(2))).contains("no known work on victims of trafficking yet");
    assertThat(texts(plan.get("gaps"), "text"))
        .contains("no partner region on victims of trafficking yet");
  }

  @Test
  void shouldRankCountriesForACountryAndSuggestClosingTriangles() {
    JsonNode plan = ok("/api/planner?region=RO&lang=en");
    assertThat(plan.get("level").asString()).isEqualTo("countries");
    assertThat(texts(plan.get("partners"), "id"))
        .containsExactly("italy", "belgium", "finland", "slovenia");
    assertThat(scores(plan)).containsExactly(3.5, 2.5, 2.5, 2.5);
    // 2 members in Italia (DPO, Ministry of Labour) + 3 shared themes × 0.5
    assertThat(reasons(partner(plan, "italy")))
        .startsWith(
            "2 members of your networks and projects are there: Dipartimento per le Pari"
                + " Opportunità and Ministero del Lavoro e delle Politiche Sociali",
            "shares 3 themes with you: labour-market inclusion, social economy, victims of"
                + " trafficking",
            "already cooperates with you in Oltre il Confine");
    assertThat(reasons(partner(plan, "italy")))
        .last()
        .isEqualTo(
            "includes Bologna, Emilia-Romagna, Lombardia, Milano, Palermo, Provincia Autonoma di"
                + " Trento, Sicilia, Toscana and Veneto (not ranked on their own)");
    // 1 shared theme × 0.5 + 1 shared partner + 1 for a new tie
    assertThat(reasons(partner(plan, "belgium")))
        .containsExactly(
            "shares 1 theme with you: social economy",
            "no tie yet; shares 1 partner with you (Italia)",
            "includes Vlaanderen (not ranked on its own)");
    JsonNode gaps = plan.get("gaps");
    assertThat(texts(gaps, "text"))
        .contains(
            "not in ESFCoNet, where your partner Italia is",
            "not in Rete internazionale COM-IN, where your partner Italia is",
            "the tie with Italia rests on one organisation, Ministerul Muncii, Familiei și"
                + " Protecției Sociale (Oltre il Confine)");
    assertThat(texts(gaps, "kind")).contains("theme", "network", "single-organisation");
  }

  @Test
  void shouldNameTiesThatRestOnOneOrganisation() {
    // COM-IN reaches Slovenia only through Veneto Lavoro, Romania through its ministry, Finland
    // through TEM; Belgium (Vlaanderen itself) is not an organisation
    assertThat(singleOrganisationGaps("/api/planner?region=italy"))
        .containsExactly("romania", "slovenia", "finland");
    // every place on its own: Nova Gorica too
    assertThat(singleOrganisationGaps("/api/planner?region=italy&fold=false"))
        .containsExactlyInAnyOrder("nova-gorica", "romania", "slovenia", "finland");
  }

  private List<String> singleOrganisationGaps(String path) {
    List<String> single = new ArrayList<>();
    ok(path)
        .get("gaps")
        .forEach(
            g -> {
              if (g.get("kind").asString().equals("single-organisation")) {
                single.add(g.get("id").asString());
              }
            });
    return single;
  }

  @Test
  void shouldGiveReasonsGapsAndNotesInItalianOrEnglish() {
    JsonNode plan = ok("/api/planner?region=toscana&lang=it");
    assertThat(plan.get("lang").asString()).isEqualTo("it");
    assertThat(reasons(partner(plan, "finland")))
        .containsExactly(
            "Vi si trova 1 membro delle tue reti e dei tuoi progetti: Työ- ja elinkeinoministeriö",
            "condivide con te 5 temi: economia sociale, giovani tra istruzione e lavoro, inclusione"
                + " sociale, nuove povertà, persone svantaggiate e disabili",
            "coopera già con te in ESFCoNet; condivide con te 2 partner");
    assertThat(reasons(partner(plan, "sicilia")))
        .last()
        .isEqualTo("comprende Palermo (non valutato a parte)");
    assertThat(texts(plan.get("notes"), "text"))
        .containsExactly(
            "Classifica per regioni: province e comuni contano come parte della loro regione.");
    // codes and parameters do not change with the language
    assertThat(texts(partner(plan, "finland").get("reasons"), "code"))
        .containsExactly("members", "shared-themes", "tied");

    JsonNode romania = ok("/api/planner?region=romania", "it-IT,it;q=0.9,en;q=0.5");
    assertThat(romania.get("lang").asString()).isEqualTo("it");
    assertThat(texts(romania.get("gaps"), "text"))
        .contains(
            "non fai parte di Rete internazionale COM-IN, dove c’è il tuo partner Italia",
            "il legame con Italia dipende da una sola organizzazione, Ministerul Muncii, Familiei"
                + " și Protecției Sociale (Oltre il Confine)",
            "nessuna regione partner su nuove povertà finora");
    assertThat(reasons(partner(romania, "belgium")))
        .contains("nessun legame finora; condivide con te 1 partner (Italia)");

    assertThat(ok("/api/planner?region=romania&lang=en", "it").get("lang").asString())
        .isEqualTo("en");
    assertThat(ok("/api/planner?region=romania", "fr-FR, de").get("lang").asString())
        .isEqualTo("en");
    assertThat(ok("/api/planner?region=romania").get("lang").asString()).isEqualTo("en");
    Api.Response french = api.get("/api/planner?region=romania&lang=fr");
    assertThat(french.status()).isEqualTo(400);
    assertThat(french.json().get("parameter").asString()).isEqualTo("lang");
    assertThat(strings(french.json().get("allowed"))).containsExactly("en", "it");
  }

  @Test
  void shouldAnswerAnEmptyPlanWithGapsForARegionWithoutTies() {
    // Piemonte: in the NUTS list, not in the data (tests run without the NUTS regions loaded)
    JsonNode piemonte = ok("/api/planner?region=ITC1&lang=en");
    assertThat(piemonte.get("region").get("id").asString()).isEqualTo("nuts-itc1");
    assertThat(piemonte.get("region").get("name").asString()).isEqualTo("Piemonte");
    assertThat(piemonte.get("region").get("level").asString()).isEqualTo("nuts2");
    assertThat(piemonte.get("partners").size()).isZero();
    assertThat(texts(piemonte.get("notes"), "code"))
        .containsExactly("reference", "no-ties", "level");
    assertThat(texts(piemonte.get("notes"), "text")).contains("no ties mapped yet");
    // the themes regions cooperate on: ESFCoNet's 5, Oltre il Confine's 2 more, COM-IN's 2 more
    assertThat(texts(piemonte.get("gaps"), "kind")).hasSize(9).containsOnly("theme");
    assertThat(ok("/api/planner?region=nuts-itc1").get("region").get("id").asString())
        .isEqualTo("nuts-itc1");
    assertThat(ok("/api/planner?region=Piemonte").get("region").get("nuts").asString())
        .isEqualTo("ITC1");

    // Lombardia is in the seed, but neither it nor Milano takes part in anything
    JsonNode lombardia = ok("/api/planner?region=lombardia&lang=en");
    assertThat(lombardia.get("partners").size()).isZero();
    assertThat(texts(lombardia.get("notes"), "text"))
        .containsExactly(
            "no ties mapped yet",
            "Ranked as regions: provinces and towns count as part of their region.");
    assertThat(texts(lombardia.get("gaps"), "kind")).hasSize(9);
  }

  @Test
  void shouldMapNuts2016CodesToTheir2021Successors() {
    // Sassari was ITG25 in NUTS 2016 and is ITG2D in NUTS 2021; nothing is there in the seed
    JsonNode sassari = ok("/api/planner?region=ITG25&lang=en");
    assertThat(sassari.get("region").get("id").asString()).isEqualTo("nuts-itg2d");
    assertThat(sassari.get("region").get("nuts").asString()).isEqualTo("ITG2D");
    JsonNode note = sassari.get("notes").get(0);
    assertThat(note.get("code").asString()).isEqualTo("nuts-2016");
    assertThat(note.get("text").asString()).isEqualTo("NUTS 2016 code ITG25 is ITG2D in NUTS 2021");
    assertThat(note.get("params").get("nuts2021").asString()).isEqualTo("ITG2D");
    assertThat(ok("/api/planner?region=itg25&lang=it").get("notes").get(0).get("text").asString())
        .isEqualTo("il codice NUTS 2016 ITG25 corrisponde a ITG2D in NUTS 2021");

    // a region of the data carrying the 2021 code is found by the 2016 one
    try (Session session = driver.session()) {
      session
          .run(
              """
              MATCH (t:Region {id: 'toscana'}), (s:Source {id: 'src-tecnostruttura-2011'})
              CREATE (r:Region {id: 'pt-sassari', name: 'Sassari (test)', nuts: 'ITG2D',
                                level: 'nuts3', sources: [s.id]})
              CREATE (n:Network {id: 'pt-network', name: 'Planner test network',
                                 sources: [s.id]})
              CREATE (r)-[:MEMBER_OF {sources: [s.id]}]->(n)
              CREATE (t)-[:MEMBER_OF {sources: [s.id]}]->(n)
              """)
          .consume();
      dataVersion.bump();
      JsonNode plan = ok("/api/planner?region=ITG25&lang=en");
      assertThat(plan.get("region").get("id").asString()).isEqualTo("pt-sassari");
      assertThat(texts(plan.get("notes"), "code")).containsExactly("nuts-2016", "level");
      // Toscana: 1 member (Toscana itself) and the tie, no themes on the test network; its
      // ESFCoNet partners: 1 shared partner (Toscana) + 1 for a new tie
      assertThat(texts(plan.get("partners"), "id"))
          .containsExactly("provincia-autonoma-di-trento", "finland", "vlaanderen", "toscana");
      assertThat(scores(plan)).containsExactly(2.0, 2.0, 2.0, 1.0);
      assertThat(reasons(partner(plan, "toscana")))
          .containsExactly(
              "1 member of your networks and projects is there: Toscana",
              "already cooperates with you in Planner test network");
    } finally {
      try (Session session = driver.session()) {
        session
            .run("MATCH (n) WHERE n.id IN ['pt-sassari', 'pt-network'] DETACH DELETE n")
            .consume();
      }
      dataVersion.bump();
    }
  }

  @Test
  void shouldAnswerProblemsForBadRequests() {
    Api.Response nowhere = api.get("/api/planner?region=nowhere");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.json().get("detail").asString())
        .isEqualTo("No region with id, NUTS code or name 'nowhere'");
    assertThat(api.get("/api/planner?region=ZZ9").status()).isEqualTo(404);
    Api.Response theme = api.get("/api/planner?region=toscana&theme=nothing");
    assertThat(theme.status()).isEqualTo(400);
    assertThat(theme.json().get("parameter").asString()).isEqualTo("theme");
    assertThat(strings(theme.json().get("allowed"))).contains("trafficking-victims");
    Api.Response notRegion = api.get("/api/planner?region=esfconet");
    assertThat(notRegion.status()).isEqualTo(400);
    assertThat(notRegion.json().get("parameter").asString()).isEqualTo("region");
    assertThat(api.get("/api/planner?region=toscana&limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/planner").status()).isEqualTo(400);
    assertThat(api.get("/api/planner/csv?region=nowhere").status()).isEqualTo(404);
  }

  @Test
  void shouldExportThePlanAsCsvInTheSameOrder() {
    JsonNode plan = ok("/api/planner?region=toscana&theme=social-economy&lang=it");
    Api.Response csv = api.get("/api/planner/csv?region=toscana&theme=social-economy&lang=it");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.text()))) {
      assertThat(parser.getHeaderNames())
          .containsExactly("type", "rank", "id", "name", "nuts", "score", "tied", "text");
      rows = parser.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode partners = plan.get("partners");
    assertThat(rows).hasSize(partners.size() + plan.get("gaps").size());
    for (int i = 0; i < partners.size(); i++) {
      JsonNode p = partners.get(i);
      CSVRecord row = rows.get(i);
      assertThat(row.values())
          .containsExactly(
              "partner",
              String.valueOf(i + 1),
              p.get("id").asString(),
              p.get("name").asString(),
              p.get("nuts").asString(),
              String.valueOf(p.get("score").asDouble()),
              String.valueOf(p.get("tied").asBoolean()),
              String.join(" · ", reasons(p)));
    }
    JsonNode gap = plan.get("gaps").get(0);
    assertThat(rows.get(partners.size()).values())
        .containsExactly(
            "gap-" + gap.get("kind").asString(),
            "",
            gap.get("id").asString(),
            gap.get("name").asString(),
            "",
            "",
            "",
            gap.get("text").asString());
    assertThat(csv.text()).contains("Vi si trova"); // Italian, as asked
  }

  @Test
  void shouldListTheThemesWithWhatWorksOnThem() {
    Api.Response response = api.get("/api/themes");
    assertThat(response.status()).isEqualTo(200);
    JsonNode themes = response.json();
    assertThat(themes.size()).isEqualTo(15);
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    themes.forEach(t -> byId.put(t.get("id").asString(), t));
    JsonNode trafficking = byId.get("trafficking-victims");
    assertThat(trafficking.get("name").asString()).isEqualTo("Vittime di tratta");
    assertThat(trafficking.get("nameEn").asString()).isEqualTo("Victims of trafficking");
    // the SAVIAV network; Oltre il Confine, with two Italian bodies and the Romanian ministry, so
    // Italia and România
    assertThat(counts(trafficking)).containsExactly(1, 1, 3, 2);
    // ESFCoNet, Empowerment and social inclusion; Fare rete, COM-IN, MoreThanAJob; TEM, FUDS,
    // Veneto Lavoro, CESIE; 11 regions of every level (Toscana, Trento, Vlaanderen, België, Suomi,
    // Italia, Veneto, Nova Gorica,
    // Slovenija, Sicilia, Palermo)
    assertThat(counts(byId.get("social-inclusion"))).containsExactly(2, 3, 4, 11);
    assertThat(texts(themes, "id")).isSorted();
  }

  private static List<Integer> counts(JsonNode theme) {
    JsonNode c = theme.get("counts");
    return List.of(
        c.get("networks").asInt(),
        c.get("projects").asInt(),
        c.get("organisations").asInt(),
        c.get("regions").asInt());
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

  @Test
  void shouldCapTheCollaborationsTheMapListsButCountThemAll() {
    // the seed's strongest tie, Veneto–Slovenija, rests on COM-IN and its network
    JsonNode full = ok("/api/planner/map");
    JsonNode tie = tie(full, "slovenia", "veneto");
    assertThat(tie.get("weight").asDouble()).isEqualTo(2.0);
    assertThat(strings(tie.get("via"))).containsExactly("com-in", "com-in-international-network");
    JsonNode toscana = region(full, "toscana");
    assertThat(toscana.get("collaborationCount").asInt()).isEqualTo(2);
    assertThat(toscana.get("collaborations").size()).isEqualTo(2);

    JsonNode capped = ok("/api/planner/map?via=1&collaborations=1");
    tie = tie(capped, "slovenia", "veneto");
    assertThat(tie.get("weight").asDouble()).isEqualTo(2.0); // still both counted
    assertThat(strings(tie.get("via"))).containsExactly("com-in"); // the first by id
    toscana = region(capped, "toscana");
    assertThat(toscana.get("collaborationCount").asInt()).isEqualTo(2);
    assertThat(toscana.get("collaborations").size()).isEqualTo(1);
    assertThat(toscana.get("strength").asDouble())
        .isEqualTo(region(full, "toscana").get("strength").asDouble());
    assertThat(capped.get("ties").size()).isEqualTo(full.get("ties").size());
    // the collaborations named: only those listed somewhere
    assertThat(capped.get("collaborations").size()).isLessThan(full.get("collaborations").size());
    JsonNode none = ok("/api/planner/map?via=0&collaborations=0");
    assertThat(none.get("ties").get(0).get("via").size()).isZero();
    assertThat(none.get("collaborations").size()).isZero();

    for (String bad : List.of("via=-1", "via=100001", "via=many", "collaborations=-5")) {
      Api.Response response = api.get("/api/planner/map?" + bad);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.json().get("parameter").asString()).isEqualTo(bad.split("=")[0]);
    }
  }

  private static JsonNode tie(JsonNode map, String source, String target) {
    for (JsonNode tie : map.get("ties")) {
      if (tie.get("source").asString().equals(source)
          && tie.get("target").asString().equals(target)) {
        return tie;
      }
    }
    throw new AssertionError("no tie " + source + " – " + target);
  }

  private static JsonNode region(JsonNode map, String id) {
    for (JsonNode region : map.get("regions")) {
      if (region.get("id").asString().equals(id)) {
        return region;
      }
    }
    throw new AssertionError("no region " + id);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }
}
