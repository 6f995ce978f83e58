package eu.netmap.query;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The console runs reads and refuses everything else, leaving the database as it was. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CypherConsoleTests extends EmbeddedNeo4jTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired Driver driver;

  private Api api;
  private List<String> before;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @BeforeAll
  void snapshotBefore() {
    before = fingerprint();
  }

  @AfterAll
  void databaseIsUnchanged() {
    assertThat(fingerprint()).isEqualTo(before);
  }

  static Stream<String> hostileQueries() {
    return Stream.of(
        "CREATE (n:Organisation {id: 'evil', name: 'Evil'})",
        "MERGE (n:Organisation {id: 'esfconet-2'}) RETURN n",
        "MATCH (n {id: 'esfconet'}) SET n.name = 'Hacked'",
        "MATCH (n {id: 'esfconet'}) SET n:Hacked",
        "MATCH (n {id: 'esfconet'}) SET n += {name: 'Hacked'}",
        "MATCH (n {id: 'esfconet'}) REMOVE n.name",
        "MATCH (n {id: 'esfconet'}) DELETE n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (a {id: 'fuds'}), (b {id: 'cesie'}) CREATE (a)-[:LINKED_TO]->(b)",
        "UNWIND [1, 2] AS x CREATE (:Organisation {id: toString(x)})",
        "MATCH (n) FOREACH (x IN [1] | SET n.x = 1)",
        "MATCH (n) WITH n LIMIT 1 MERGE (m:Theme {id: 'x'}) RETURN m",
        "MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS RETURN count(*)",
        "/* hidden */ cReAtE (n:Theme {id: 'y'})",
        "RETURN 1; CREATE (n:Theme {id: 'z'})",
        "CREATE INDEX evil FOR (n:Organisation) ON (n.kind)",
        "CREATE CONSTRAINT evil FOR (n:Theme) REQUIRE n.name IS UNIQUE",
        "DROP CONSTRAINT organisation_id",
        "DROP INDEX node_names",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row",
        "CALL dbms.listConfig()",
        "CALL dbms.security.createUser('eve', 'secret-password', false)",
        "CALL db.createLabel('Hacked')",
        "CALL db.createProperty('hacked')",
        "CALL db.clearQueryCaches()",
        "call db.index.fulltext.drop('node_names')",
        "CALL apoc.load.json('file:///etc/passwd')",
        "CALL db.labels() YIELD label CREATE (:Theme {id: label})",
        "SHOW USERS",
        "SHOW DATABASES",
        "SHOW SETTINGS",
        "SHOW TRANSACTIONS",
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "CREATE USER eve SET PASSWORD 'secret-password'",
        "ALTER USER neo4j SET PASSWORD 'changed-password'",
        "GRANT ROLE admin TO eve",
        "CREATE DATABASE other",
        "STOP DATABASE neo4j",
        "USE system SHOW USERS");
  }

  @ParameterizedTest
  @MethodSource("hostileQueries")
  void shouldRefuseAnythingButReading(String query) {
    Api.Response response = api.post("/api/cypher", body(query));

    assertThat(response.status()).as(query).isEqualTo(403);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.json().path("detail").asString()).startsWith("Refused");
  }

  @Test
  void shouldAnswerAReadWithColumnsRowsAndTheGraphAmongTheResults() {
    JsonNode result =
        api.post(
                "/api/cypher",
                """
                {"query": "MATCH (a)-[m:MEMBER_OF]->(n:Network {id: $id}) RETURN a, m.role AS role ORDER BY a.id",
                 "params": {"id": "esfconet"}}
                """)
            .json();

    assertThat(result.path("columns").toString()).isEqualTo("[\"a\",\"role\"]");
    assertThat(result.path("rows")).hasSize(4);
    assertThat(result.path("rows").get(0).get(0).path("id").asString())
        .isEqualTo("provincia-autonoma-di-trento");
    assertThat(result.path("rows").get(0).get(1).asString()).isEqualTo("secretariat");
    assertThat(result.path("truncated").asBoolean()).isFalse();
    assertThat(result.path("elapsedMs").asLong()).isGreaterThanOrEqualTo(0);
    // the four members are drawn; they share no relationship among themselves
    assertThat(result.path("graph").path("nodes")).hasSize(4);
    assertThat(result.path("graph").path("links")).isEmpty();
  }

  @Test
  void shouldDrawPathsAndNameRelationshipEndsByTheirIds() {
    JsonNode result =
        api.post(
                "/api/cypher",
                body(
                    "MATCH p = (:Region {id: 'provincia-autonoma-di-trento'})-[:MEMBER_OF]->(n)"
                        + " RETURN p, relationships(p)[0] AS r"))
            .json();

    JsonNode rel = result.path("rows").get(0).get(1);
    assertThat(rel.path("source").asString()).isEqualTo("provincia-autonoma-di-trento");
    assertThat(rel.path("target").asString()).isEqualTo("esfconet");
    assertThat(rel.path("type").asString()).isEqualTo("MEMBER_OF");
    assertThat(rel.path("properties").path("role").asString()).isEqualTo("secretariat");
    JsonNode path = result.path("rows").get(0).get(0);
    assertThat(path.path("nodes")).hasSize(2);
    assertThat(result.path("graph").path("links")).hasSize(1);
    assertThat(result.path("graph").path("links").get(0).path("target").asString())
        .isEqualTo("esfconet");
  }

  @Test
  void shouldRunReadsThatLookLikeWritesToANaiveFilter() {
    JsonNode literal =
        api.post("/api/cypher", body("RETURN 'CREATE (n) SET n.x = 1' AS text, 1 AS `set`")).json();
    assertThat(literal.path("rows").get(0).get(0).asString()).isEqualTo("CREATE (n) SET n.x = 1");

    assertThat(
            api.post("/api/cypher", body("MATCH (n) WHERE n.delete IS NULL RETURN count(n)"))
                .status())
        .isEqualTo(200);
    assertThat(api.post("/api/cypher", body("RETURN {set: 1, create: 2} AS m")).status())
        .isEqualTo(200);
    assertThat(api.post("/api/cypher", body("CALL db.labels() YIELD label RETURN label")).status())
        .isEqualTo(200);
    assertThat(api.post("/api/cypher", body("SHOW INDEXES YIELD name RETURN name")).status())
        .isEqualTo(200);
  }

  @Test
  void shouldCapACartesianExplosionAtTheRowLimit() {
    JsonNode result =
        api.post("/api/cypher", body("MATCH (a), (b), (c) RETURN a.id, b.id, c.id")).json();

    assertThat(result.path("truncated").asBoolean()).isTrue();
    assertThat(result.path("rows")).hasSize(1000);
  }

  @Test
  void shouldStopAQueryThatRunsPastTheTimeout() {
    Api.Response response =
        api.post(
            "/api/cypher",
            body("UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)"));

    assertThat(response.status()).isEqualTo(408);
    assertThat(response.json().path("detail").asString()).contains("netmap.cypher.timeout");
  }

  @Test
  void shouldReportASyntaxErrorWithItsPosition() {
    Api.Response response = api.post("/api/cypher", body("MATCH (n RETURN n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("title").asString()).isEqualTo("Syntax error");
    assertThat(response.json().path("line").asInt()).isEqualTo(1);
    assertThat(response.json().path("column").asInt()).isPositive();
    assertThat(response.json().path("detail").asString()).isNotBlank();
  }

  @Test
  void shouldRefuseAnEmptyQuery() {
    assertThat(api.post("/api/cypher", body("  ")).status()).isEqualTo(403);
  }

  private static String body(String query) {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    return body.toString();
  }

  private List<String> fingerprint() {
    List<String> lines = new ArrayList<>();
    try (Session session = driver.session()) {
      lines.addAll(
          session
              .run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id")
              .list(r -> r.get("l").asList() + " " + new TreeMap<>(r.get("p").asMap())));
      lines.addAll(
          session
              .run(
                  "MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS l,"
                      + " properties(r) AS p ORDER BY l")
              .list(r -> r.get("l").asString() + " " + new TreeMap<>(r.get("p").asMap())));
      lines.addAll(
          session
              .run("SHOW INDEXES YIELD name RETURN name ORDER BY name")
              .list(r -> r.get(0).asString()));
    }
    try (Session system = driver.session(SessionConfig.forDatabase("system"))) {
      lines.addAll(system.run("SHOW USERS YIELD user RETURN user").list(r -> r.get(0).asString()));
      lines.addAll(
          system
              .run("SHOW DATABASES YIELD name RETURN DISTINCT name ORDER BY name")
              .list(r -> r.get(0).asString()));
    }
    return lines;
  }
}
