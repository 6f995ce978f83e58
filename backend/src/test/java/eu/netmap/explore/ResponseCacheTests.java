package eu.netmap.explore;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import eu.netmap.graph.ResponseCache;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The cache of read answers: repeated reads come from it, and any committed change empties it,
 * whoever made it — an edit through the API, or a client writing over Bolt as the importer CLI
 * does.
 */
class ResponseCacheTests extends EmbeddedNeo4jTest {

  private static final String PREFIX = "zz-cache";

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;
  @Autowired ResponseCache cache;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @AfterEach
  void cleanUp() {
    write("MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n", Map.of("prefix", PREFIX));
    write(
        """
        MATCH (e:AuditEntry) WHERE any(id IN e.nodes WHERE id STARTS WITH $prefix) DELETE e
        """,
        Map.of("prefix", PREFIX));
  }

  @Test
  void shouldSeeEveryCommitAndNoRead() {
    assertThat(dataVersion.seesAllWrites()).isTrue();
    long before = dataVersion.current();
    try (Session session = driver.session()) {
      session.run("MATCH (n:Organisation) RETURN count(n)").consume();
    }
    assertThat(dataVersion.current()).isEqualTo(before);

    write(
        "CREATE (:Organisation {id: $id, name: 'ZZ Cache Version'})", Map.of("id", PREFIX + "-v"));

    assertThat(dataVersion.current()).isGreaterThan(before);
  }

  @Test
  void shouldAnswerARepeatedReadFromTheCache() {
    write(
        "CREATE (:Organisation {id: $id, name: 'ZZ Cache Repeated'})", Map.of("id", PREFIX + "-r"));
    assertThat(api.get("/api/nodes/" + PREFIX + "-r").status()).isEqualTo(200);
    long hits = cache.hitsAndMisses()[0];

    Api.Response again = api.get("/api/nodes/" + PREFIX + "-r");

    assertThat(again.json().path("name").asString()).isEqualTo("ZZ Cache Repeated");
    assertThat(cache.hitsAndMisses()[0]).isEqualTo(hits + 1);
  }

  @Test
  void shouldForgetCachedAnswersWhenABoltClientWrites() {
    String id = PREFIX + "-bolt";
    write(
        "CREATE (:Organisation {id: $id, name: 'ZZ Cache Before'})"
            + "-[:PARTICIPATES_IN]->(:Project {id: $project, title: 'ZZ Cache Project'})",
        Map.of("id", id, "project", PREFIX + "-p1"));
    // read twice: the second answer comes from the cache
    for (int i = 0; i < 2; i++) {
      assertThat(api.get("/api/nodes/" + id).json().path("name").asString())
          .isEqualTo("ZZ Cache Before");
      assertThat(neighbourIds(id)).containsExactlyInAnyOrder(id, PREFIX + "-p1");
      assertThat(searchIds("ZZ Cache Before")).contains(id);
    }

    // as the importer CLI does: a write over Bolt, not through the app
    write(
        """
        MATCH (o:Organisation {id: $id}) SET o.name = 'ZZ Cache After'
        CREATE (o)-[:PARTICIPATES_IN]->(:Project {id: $project, title: 'ZZ Cache Project Two'})
        """,
        Map.of("id", id, "project", PREFIX + "-p2"));

    JsonNode details = api.get("/api/nodes/" + id).json();
    assertThat(details.path("name").asString()).isEqualTo("ZZ Cache After");
    assertThat(details.path("degree").asLong()).isEqualTo(2);
    assertThat(neighbourIds(id)).containsExactlyInAnyOrder(id, PREFIX + "-p1", PREFIX + "-p2");
    assertThat(searchIds("ZZ Cache After")).contains(id);
    assertThat(searchIds("ZZ Cache Before")).doesNotContain(id);
  }

  @Test
  void shouldForgetCachedAnswersAfterAnEditThroughTheApi() {
    Api.Response created =
        send(
            "POST",
            "/api/nodes",
            Map.of(
                "label",
                "Organisation",
                "name",
                "ZZ Cache Edit One",
                "sources",
                List.of("src-tecnostruttura-2011")));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(id).startsWith(PREFIX);
    assertThat(api.get("/api/nodes/" + id).json().path("name").asString())
        .isEqualTo("ZZ Cache Edit One");
    assertThat(api.get("/api/nodes/" + id).json().path("name").asString())
        .isEqualTo("ZZ Cache Edit One");

    Api.Response edited =
        send(
            "PUT",
            "/api/nodes/" + id,
            Map.of(
                "name",
                "ZZ Cache Edit Two",
                "version",
                1,
                "sources",
                List.of("src-tecnostruttura-2011")));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(api.get("/api/nodes/" + id).json().path("name").asString())
        .isEqualTo("ZZ Cache Edit Two");
  }

  @Test
  void shouldComputeEveryTimeWhenItCannotSeeAllWritesOrIsOff() {
    DataVersion external = new DataVersion(); // an external server: others may write unseen
    ResponseCache unsure = new ResponseCache(external, 100);
    DataVersion embedded = new DataVersion();
    embedded.seeAllWrites();
    ResponseCache off = new ResponseCache(embedded, 0);
    ResponseCache on = new ResponseCache(embedded, 2);
    AtomicInteger computed = new AtomicInteger();

    for (ResponseCache c : List.of(unsure, off)) {
      c.get("k", computed::incrementAndGet);
      c.get("k", computed::incrementAndGet);
    }
    assertThat(computed).hasValue(4);

    // on: once per key and version, never more than its capacity
    List<Integer> answers = new ArrayList<>();
    answers.add(on.get("a", computed::incrementAndGet)); // 5
    answers.add(on.get("a", computed::incrementAndGet)); // 5, cached
    answers.add(on.get("b", computed::incrementAndGet)); // 6
    answers.add(on.get("a", computed::incrementAndGet)); // 5
    answers.add(on.get("b", computed::incrementAndGet)); // 6
    assertThat(answers).containsExactly(5, 5, 6, 5, 6);
    for (int i = 0; i < 50; i++) {
      on.get("k" + i, computed::incrementAndGet);
      assertThat(on.size()).isLessThanOrEqualTo(2);
    }
    assertThat(computed).hasValue(6 + 50);
    embedded.bump();
    assertThat(on.get("a", computed::incrementAndGet)).isEqualTo(57); // the data changed
    assertThat(on.get("a", computed::incrementAndGet)).isEqualTo(57);
    assertThat(on.size()).isEqualTo(1); // the older version's answers are gone
  }

  private List<String> neighbourIds(String id) {
    List<String> ids = new ArrayList<>();
    api.get("/api/nodes/" + id + "/neighbours")
        .json()
        .path("nodes")
        .forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }

  private List<String> searchIds(String text) {
    List<String> ids = new ArrayList<>();
    api.get("/api/search?q=" + Api.enc(text)).json().forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }

  private void write(String cypher, Map<String, Object> params) {
    try (Session session = driver.session()) {
      session.executeWrite(tx -> tx.run(cypher, params).consume());
    }
  }

  private Api.Response send(String method, String path, Object body) {
    String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }
}
