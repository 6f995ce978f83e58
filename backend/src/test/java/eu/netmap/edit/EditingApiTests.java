package eu.netmap.edit;

import static eu.netmap.edit.Editing.SEED_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The editing API against the real embedded database: validation, each kind of change read back
 * through the explore API, stale versions, the audit log and reverts. Every test node is named "ZZ
 * Edit …" and removed afterwards; seed nodes are only linked to, never changed.
 */
class EditingApiTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;

  private Editing edit;
  private JsonNode statsBefore;

  @BeforeEach
  void setUp() {
    edit = new Editing(new Api(port), ADMIN_PASSWORD);
    statsBefore = edit.get("/api/stats").json();
  }

  @AfterEach
  void cleanUp() {
    Editing.cleanUp(driver);
    dataVersion.bump();
    assertThat(edit.get("/api/stats").json()).isEqualTo(statsBefore);
  }

  // ---------------------------------------------------------------------------------- access

  @Test
  void shouldRefuseChangesWithoutALogin() {
    Map<String, Object> node =
        Map.of(
            "label", "Organisation", "name", "ZZ Edit Anonymous", "sources", List.of(SEED_SOURCE));
    assertThat(edit.send("POST", "/api/nodes", node, false).status()).isEqualTo(401);
    assertThat(edit.send("PUT", "/api/nodes/esfconet", node, false).status()).isEqualTo(401);
    assertThat(edit.send("DELETE", "/api/nodes/esfconet", Map.of("version", 0), false).status())
        .isEqualTo(401);
    assertThat(
            edit.send("POST", "/api/nodes/esfconet/merge", Map.of("other", "earlall"), false)
                .status())
        .isEqualTo(401);
    assertThat(edit.send("POST", "/api/relationships", Map.of(), false).status()).isEqualTo(401);
    assertThat(
            edit.send("DELETE", "/api/relationships/toscana/MEMBER_OF/esfconet", null, false)
                .status())
        .isEqualTo(401);
    assertThat(edit.send("POST", "/api/audit/x/revert", null, false).status()).isEqualTo(401);
    // reading the log and the model is open, like every read
    assertThat(edit.get("/api/audit").status()).isEqualTo(200);
    assertThat(edit.get("/api/model").json().path("roles").toString()).contains("secretariat");
    assertThat(edit.get("/api/nodes/zz-edit-anonymous").status()).isEqualTo(404);
  }

  // ------------------------------------------------------------------------------ validation

  @Test
  void shouldNameTheFieldOfEachInvalidNode() {
    Map<String, Object> valid = new HashMap<>();
    valid.put("label", "Organisation");
    valid.put("name", "ZZ Edit Invalid");
    valid.put("sources", List.of(SEED_SOURCE));

    assertInvalidNode(without(valid, "label"), "label", "required");
    assertInvalidNode(without(valid, "name"), "name", "required field is empty");
    assertInvalidNode(with(valid, "name", "  "), "name", "required field is empty");
    assertInvalidNode(without(valid, "sources"), "sources", "every change must name its sources");
    assertInvalidNode(with(valid, "sources", List.of()), "sources", "must name its sources");
    assertInvalidNode(with(valid, "label", "Person"), "label", "unknown label 'Person'");
    assertInvalidNode(with(valid, "sources", List.of("src-nope")), "sources", "src-nope");
    assertInvalidNode(
        with(valid, "sources", List.of("esfconet")), "sources", "is a Network, not a Source");
    assertInvalidNode(
        with(valid, "sources", List.of(Map.of("date", "2020"))), "sources[0].title", "required");
    assertInvalidNode(
        with(valid, "sources", List.of(Map.of("title", "ZZ Edit doc", "url", "ftp://x"))),
        "sources[0].url",
        "not an http(s) address");
    assertInvalidNode(
        with(valid, "sources", List.of(Map.of("title", "ZZ Edit doc", "pages", "3"))),
        "sources[0].pages",
        "not a field of a new source");
    assertInvalidNode(
        with(with(valid, "label", "Project"), "properties", Map.of("start", "31/02/2020")),
        "properties.start",
        "is not a date");
    assertInvalidNode(
        with(valid, "properties", Map.of("declaredMembers", "many")),
        "properties.declaredMembers",
        "not a whole number");
    assertInvalidNode(
        with(valid, "properties", Map.of("address", Map.of("city", "Roma"))),
        "properties.address",
        "nested objects");
    assertInvalidNode(
        with(valid, "properties", Map.of("id", "other-id")), "properties.id", "its own field");
    assertInvalidNode(
        with(valid, "properties", Map.of("bad key", "x")), "properties.bad key", "property name");

    Api.Response malformed = edit.send("POST", "/api/nodes", "{\"label\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).contains("application/problem+json");
    // nothing was written by any of them
    assertThat(edit.get("/api/search?q=ZZ%20Edit").json()).isEmpty();
  }

  @Test
  void shouldNameTheFieldOfEachInvalidRelationship() {
    String coop =
        edit.createNode("Organisation", "ZZ Edit Rel Coop", Map.of()).path("id").asString();
    Map<String, Object> valid = new HashMap<>();
    valid.put("source", coop);
    valid.put("type", "MEMBER_OF");
    valid.put("target", "esfconet");
    valid.put("sources", List.of(SEED_SOURCE));

    assertInvalidRelationship(without(valid, "source"), "source", "required");
    assertInvalidRelationship(without(valid, "target"), "target", "required");
    assertInvalidRelationship(without(valid, "type"), "type", "required");
    assertInvalidRelationship(without(valid, "sources"), "sources", "must name its sources");
    assertInvalidRelationship(
        with(valid, "type", "LIKES"), "type", "unknown relationship type 'LIKES'");
    assertInvalidRelationship(
        with(valid, "type", "LOCATED_IN"),
        "type",
        "LOCATED_IN cannot go from Organisation to Network");
    assertInvalidRelationship(with(valid, "target", "zz-edit-nowhere"), "target", "unknown node");
    assertInvalidRelationship(with(valid, "target", coop), "target", "itself");
    assertInvalidRelationship(
        with(valid, "properties", Map.of("role", "boss")),
        "properties.role",
        "unknown role 'boss'");
    assertInvalidRelationship(
        with(valid, "properties", Map.of("since", "2020-02-30")),
        "properties.since",
        "is not a date");

    // spellings the importer accepts are accepted here too
    Api.Response created =
        edit.send(
            "POST",
            "/api/relationships",
            with(with(valid, "type", "member of"), "properties", Map.of("since", "1/3/2019")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("type").asString()).isEqualTo("MEMBER_OF");
    assertThat(created.json().path("properties").path("since").asString()).isEqualTo("2019-03-01");
    assertThat(edit.send("POST", "/api/relationships", valid).status()).isEqualTo(409);
  }

  @Test
  void shouldRequireTheVersionOfAnEdit() {
    JsonNode coop = edit.createNode("Organisation", "ZZ Edit Versionless", Map.of());
    String id = coop.path("id").asString();

    Api.Response put =
        edit.send("PUT", "/api/nodes/" + id, Map.of("name", "x", "sources", List.of(SEED_SOURCE)));
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().path("parameter").asString()).isEqualTo("version");
    Api.Response delete = edit.send("DELETE", "/api/nodes/" + id, null);
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.json().path("detail").asString()).contains("version").contains("sources");
    assertThat(edit.get("/api/nodes/" + id).status()).isEqualTo(200);
    assertThat(edit.send("PUT", "/api/nodes/zz-edit-none", Map.of("version", 0)).status())
        .isEqualTo(404);
  }

  // ------------------------------------------------------------------------- nodes, read back

  @Test
  void shouldCreateUpdateAndDeleteANodeReadBackThroughExplore() {
    Api.Response created =
        edit.send(
            "POST",
            "/api/nodes",
            Map.of(
                "label", "organisation",
                "name", "ZZ Edit Cooperativa Sociale Àrnica",
                "nameEn", "ZZ Edit Arnica social cooperative",
                "properties",
                    Map.of(
                        "kind", "social-cooperative",
                        "country", "IT",
                        "aliases", "Àrnica | Coop Arnica",
                        "founded", "1999"),
                "sources",
                    List.of(
                        SEED_SOURCE,
                        Map.of(
                            "title", "ZZ Edit verbale di assemblea",
                            "date", "05/03/2024",
                            "url", "http://localhost/verbale.pdf"))));
    assertThat(created.status()).isEqualTo(201);
    JsonNode node = created.json();
    String id = node.path("id").asString();
    assertThat(id).isEqualTo("zz-edit-cooperativa-sociale-arnica");
    assertThat(node.path("label").asString()).isEqualTo("Organisation");
    assertThat(node.path("version").asLong()).isEqualTo(1);

    JsonNode read = edit.get("/api/nodes/" + id).json();
    assertThat(read.path("name").asString()).isEqualTo("ZZ Edit Cooperativa Sociale Àrnica");
    assertThat(read.path("nameEn").asString()).isEqualTo("ZZ Edit Arnica social cooperative");
    assertThat(read.path("version").asLong()).isEqualTo(1);
    assertThat(read.path("properties").path("kind").asString()).isEqualTo("social-cooperative");
    assertThat(read.path("properties").path("founded").asLong()).isEqualTo(1999);
    assertThat(texts(read.path("properties").path("aliases")))
        .containsExactly("Àrnica", "Coop Arnica");
    assertThat(texts(read.path("sources"), "id"))
        .containsExactlyInAnyOrder(SEED_SOURCE, "src-zz-edit-verbale-di-assemblea");
    JsonNode source = edit.get("/api/nodes/src-zz-edit-verbale-di-assemblea").json();
    assertThat(source.path("label").asString()).isEqualTo("Source");
    assertThat(source.path("properties").path("date").asString()).isEqualTo("2024-03-05");
    assertThat(source.path("properties").path("url").asString())
        .isEqualTo("http://localhost/verbale.pdf");
    assertThat(texts(edit.get("/api/search?q=Arnica").json(), "id")).contains(id);

    // the same name again gets the next free id
    assertThat(
            edit.createNode("Organisation", "ZZ Edit Cooperativa Sociale Arnica", Map.of())
                .path("id")
                .asString())
        .isEqualTo(id + "-2");

    // an update: the name changes, properties are replaced, sources are added to
    Api.Response updated =
        edit.send(
            "PUT",
            "/api/nodes/" + id,
            Map.of(
                "name",
                "ZZ Edit Àrnica Cooperativa",
                "nameEn",
                "",
                "properties",
                Map.of("kind", "ngo", "country", "IT"),
                "version",
                1,
                "sources",
                List.of("src-morethanajob-2020")));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().path("version").asLong()).isEqualTo(2);
    read = edit.get("/api/nodes/" + id).json();
    assertThat(read.path("name").asString()).isEqualTo("ZZ Edit Àrnica Cooperativa");
    assertThat(read.path("nameEn").isMissingNode() || read.path("nameEn").isNull()).isTrue();
    assertThat(read.path("properties").path("kind").asString()).isEqualTo("ngo");
    assertThat(read.path("properties").has("founded")).isFalse();
    assertThat(read.path("properties").has("aliases")).isFalse();
    assertThat(texts(read.path("sources"), "id"))
        .containsExactlyInAnyOrder(
            SEED_SOURCE, "src-zz-edit-verbale-di-assemblea", "src-morethanajob-2020");
    assertThat(read.path("version").asLong()).isEqualTo(2);

    // deleting takes its relationships along
    edit.createRelationship(id, "MEMBER_OF", "esfconet", Map.of("role", "member"));
    assertThat(edit.get("/api/nodes/" + id).json().path("degree").asLong()).isEqualTo(1);
    long esfconetDegree = edit.get("/api/nodes/esfconet").json().path("degree").asLong();
    Api.Response deleted =
        edit.send(
            "DELETE", "/api/nodes/" + id, Map.of("version", 2, "sources", List.of(SEED_SOURCE)));
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(edit.get("/api/nodes/" + id).status()).isEqualTo(404);
    assertThat(edit.get("/api/nodes/esfconet").json().path("degree").asLong())
        .isEqualTo(esfconetDegree - 1);

    JsonNode history = edit.history(id);
    assertThat(texts(history, "action"))
        .containsExactly("delete-node", "create-relationship", "update-node", "create-node");
    JsonNode deletion = history.get(0);
    assertThat(deletion.path("user").asString()).isEqualTo("admin");
    assertThat(texts(deletion.path("nodes"))).contains(id, "esfconet");
    assertThat(texts(deletion.path("relationships"))).containsExactly(id + "|MEMBER_OF|esfconet");
    assertThat(texts(deletion.path("before").path("nodes"), "id")).containsExactly(id);
    assertThat(deletion.path("before").path("relationships")).hasSize(1);
    assertThat(deletion.path("after").path("nodes")).isEmpty();
    JsonNode update = history.get(2);
    assertThat(
            update.path("before").path("nodes").get(0).path("properties").path("kind").asString())
        .isEqualTo("social-cooperative");
    assertThat(update.path("after").path("nodes").get(0).path("properties").path("kind").asString())
        .isEqualTo("ngo");
    assertThat(texts(update.path("sources"))).containsExactly("src-morethanajob-2020");
    assertThat(update.path("summary").asString()).contains("kind").contains("name");
    assertThat(texts(history.get(3).path("sources")))
        .containsExactlyInAnyOrder(SEED_SOURCE, "src-zz-edit-verbale-di-assemblea");
    assertThat(history.get(0).path("at").asString())
        .isGreaterThanOrEqualTo(history.get(3).path("at").asString());
    // the recent changes include them, newest first
    JsonNode recent = edit.get("/api/audit?limit=2").json();
    assertThat(recent.path("items")).hasSize(2);
    assertThat(recent.path("truncated").asBoolean()).isTrue();
    assertThat(recent.path("items").get(0).path("id").asString())
        .isEqualTo(deletion.path("id").asString());
  }

  @Test
  void shouldRefuseAStaleEditWithTheCurrentValue() {
    String id =
        edit.createNode("Organisation", "ZZ Edit Stale", Map.of("kind", "ngo"))
            .path("id")
            .asString();
    Map<String, Object> first =
        Map.of("name", "ZZ Edit Stale One", "version", 1, "sources", List.of(SEED_SOURCE));
    assertThat(edit.send("PUT", "/api/nodes/" + id, first).status()).isEqualTo(200);

    Map<String, Object> second =
        Map.of("name", "ZZ Edit Stale Two", "version", 1, "sources", List.of(SEED_SOURCE));
    Api.Response stale = edit.send("PUT", "/api/nodes/" + id, second);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("detail").asString()).contains("version 2").contains("version 1");
    assertThat(stale.json().path("current").path("name").asString()).isEqualTo("ZZ Edit Stale One");
    assertThat(stale.json().path("current").path("version").asLong()).isEqualTo(2);
    assertThat(edit.get("/api/nodes/" + id).json().path("name").asString())
        .isEqualTo("ZZ Edit Stale One");
    assertThat(
            edit.send(
                    "DELETE",
                    "/api/nodes/" + id,
                    Map.of("version", 1, "sources", List.of(SEED_SOURCE)))
                .status())
        .isEqualTo(409);
    assertThat(texts(edit.history(id), "action")).containsExactly("update-node", "create-node");

    // relationships have versions too
    edit.createRelationship(id, "MEMBER_OF", "esfconet", Map.of("role", "member"));
    String path = "/api/relationships/" + id + "/MEMBER_OF/esfconet";
    Map<String, Object> rel =
        Map.of(
            "properties", Map.of("role", "partner"), "version", 1, "sources", List.of(SEED_SOURCE));
    assertThat(edit.send("PUT", path, rel).status()).isEqualTo(200);
    Api.Response staleRel = edit.send("PUT", path, rel);
    assertThat(staleRel.status()).isEqualTo(409);
    assertThat(staleRel.json().path("current").path("properties").path("role").asString())
        .isEqualTo("partner");
    assertThat(staleRel.json().path("current").path("version").asLong()).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------- relationships

  @Test
  void shouldCreateUpdateAndDeleteARelationshipReadBackThroughExplore() {
    String id = edit.createNode("Organisation", "ZZ Edit Member", Map.of()).path("id").asString();
    Api.Response created =
        edit.send(
            "POST",
            "/api/relationships",
            Map.of(
                "source",
                id,
                "type",
                "MEMBER_OF",
                "target",
                "esfconet",
                "properties",
                Map.of("role", "member", "since", "2012"),
                "sources",
                List.of(SEED_SOURCE)));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("version").asLong()).isEqualTo(1);
    JsonNode link = link(id, "esfconet");
    assertThat(link.path("type").asString()).isEqualTo("MEMBER_OF");
    assertThat(link.path("properties").path("role").asString()).isEqualTo("member");
    assertThat(link.path("properties").path("since").asString()).isEqualTo("2012");
    assertThat(texts(link.path("properties").path("sources"))).containsExactly(SEED_SOURCE);

    String path = "/api/relationships/" + id + "/MEMBER_OF/esfconet";
    Api.Response updated =
        edit.send(
            "PUT",
            path,
            Map.of(
                "properties", Map.of("role", "secretariat", "until", "2014-06"),
                "version", 1,
                "sources", List.of("src-com-in-veneto-lavoro")));
    assertThat(updated.status()).isEqualTo(200);
    link = link(id, "esfconet");
    assertThat(link.path("properties").path("role").asString()).isEqualTo("secretariat");
    assertThat(link.path("properties").path("until").asString()).isEqualTo("2014-06");
    assertThat(link.path("properties").has("since")).isFalse();
    assertThat(texts(link.path("properties").path("sources")))
        .containsExactly(SEED_SOURCE, "src-com-in-veneto-lavoro");
    assertThat(link.path("properties").path("version").asLong()).isEqualTo(2);
    assertThat(
            edit.send("PUT", "/api/relationships/" + id + "/MEMBER_OF/earlall", Map.of()).status())
        .isEqualTo(404);

    Api.Response deleted =
        edit.send("DELETE", path, Map.of("version", 2, "sources", List.of(SEED_SOURCE)));
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(edit.get("/api/nodes/" + id + "/neighbours").json().path("links")).isEmpty();

    JsonNode history = edit.history("esfconet");
    assertThat(texts(history, "action"))
        .startsWith("delete-relationship", "update-relationship", "create-relationship");
    assertThat(texts(history.get(1).path("relationships")))
        .containsExactly(id + "|MEMBER_OF|esfconet");
    assertThat(
            history
                .get(1)
                .path("before")
                .path("relationships")
                .get(0)
                .path("properties")
                .path("role")
                .asString())
        .isEqualTo("member");
    // the seed node itself is untouched: relationship changes do not change its version
    assertThat(edit.get("/api/nodes/esfconet").json().path("version").asLong()).isZero();
  }

  // ----------------------------------------------------------------------------------- reverts

  @Test
  void shouldRevertEachKindOfChange() {
    String id =
        edit.createNode("Organisation", "ZZ Edit Revert", Map.of("kind", "ngo"))
            .path("id")
            .asString();
    String createNode = edit.history(id).get(0).path("id").asString();

    // update-node
    edit.send(
        "PUT",
        "/api/nodes/" + id,
        Map.of(
            "properties",
            Map.of("kind", "foundation"),
            "version",
            1,
            "sources",
            List.of(SEED_SOURCE)));
    JsonNode revert = revert(edit.history(id).get(0).path("id").asString());
    assertThat(revert.path("action").asString()).isEqualTo("revert");
    JsonNode node = edit.get("/api/nodes/" + id).json();
    assertThat(node.path("properties").path("kind").asString()).isEqualTo("ngo");
    assertThat(node.path("version").asLong()).isEqualTo(3);

    // create-relationship, update-relationship, delete-relationship
    edit.createRelationship(id, "MEMBER_OF", "esfconet", Map.of("role", "member"));
    revert(edit.history(id).get(0).path("id").asString());
    assertThat(edit.get("/api/nodes/" + id + "/neighbours").json().path("links")).isEmpty();
    revert(edit.history(id).get(0).path("id").asString()); // the revert of the revert
    assertThat(link(id, "esfconet").path("properties").path("version").asLong()).isEqualTo(2);

    String path = "/api/relationships/" + id + "/MEMBER_OF/esfconet";
    edit.send(
        "PUT",
        path,
        Map.of(
            "properties",
            Map.of("role", "partner"),
            "version",
            2,
            "sources",
            List.of(SEED_SOURCE)));
    revert(edit.history(id).get(0).path("id").asString());
    assertThat(link(id, "esfconet").path("properties").path("role").asString()).isEqualTo("member");

    edit.send("DELETE", path, Map.of("version", 4, "sources", List.of(SEED_SOURCE)));
    revert(edit.history(id).get(0).path("id").asString());
    assertThat(link(id, "esfconet").path("properties").path("role").asString()).isEqualTo("member");

    // delete-node: the node comes back with its relationships
    edit.send("DELETE", "/api/nodes/" + id, Map.of("version", 3, "sources", List.of(SEED_SOURCE)));
    assertThat(edit.get("/api/nodes/" + id).status()).isEqualTo(404);
    revert(edit.history(id).get(0).path("id").asString());
    node = edit.get("/api/nodes/" + id).json();
    assertThat(node.path("name").asString()).isEqualTo("ZZ Edit Revert");
    assertThat(node.path("version").asLong()).isEqualTo(4);
    assertThat(link(id, "esfconet").path("properties").path("role").asString()).isEqualTo("member");

    // create-node: refused while it has a relationship the creation did not make
    Api.Response refused = edit.send("POST", "/api/audit/" + createNode + "/revert", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asString()).contains("has changed");
    JsonNode freshNode = edit.createNode("Organisation", "ZZ Edit Revert Fresh", Map.of());
    String fresh = freshNode.path("id").asString();
    edit.createRelationship(fresh, "MEMBER_OF", "earlall", Map.of());
    Api.Response gained =
        edit.send(
            "POST",
            "/api/audit/" + edit.history(fresh).get(1).path("id").asString() + "/revert",
            null);
    assertThat(gained.status()).isEqualTo(409);
    assertThat(gained.json().path("detail").asString()).contains("has gained the relationship");
    revert(edit.history(fresh).get(0).path("id").asString());
    revert(edit.history(fresh).get(2).path("id").asString()); // the creation, now
    assertThat(edit.get("/api/nodes/" + fresh).status()).isEqualTo(404);

    // a reverted change cannot be reverted again, and says who reverted it
    JsonNode reverted = edit.history(fresh).get(3);
    assertThat(reverted.path("action").asString()).isEqualTo("create-node");
    assertThat(reverted.path("revertedBy").asString()).isNotEmpty();
    assertThat(
            edit.send("POST", "/api/audit/" + reverted.path("id").asString() + "/revert", null)
                .status())
        .isEqualTo(409);
    assertThat(edit.send("POST", "/api/audit/no-such-entry/revert", null).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseToRevertAChangeOverwrittenSince() {
    String id =
        edit.createNode("Organisation", "ZZ Edit Overwritten", Map.of()).path("id").asString();
    for (int version = 1; version <= 2; version++) {
      edit.send(
          "PUT",
          "/api/nodes/" + id,
          Map.of(
              "name",
              "ZZ Edit Overwritten " + version,
              "version",
              version,
              "sources",
              List.of(SEED_SOURCE)));
    }
    String first = edit.history(id).get(1).path("id").asString();
    Api.Response refused = edit.send("POST", "/api/audit/" + first + "/revert", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asString())
        .contains("node '" + id + "' has changed since this change");
    assertThat(refused.json().path("current").path("name").asString())
        .isEqualTo("ZZ Edit Overwritten 2");
  }

  // ------------------------------------------------------------------------------------ merge

  @Test
  void shouldMergeTwoRecordsOfOneOrganisationAndRevertTheMerge() {
    String alfa =
        edit.createNode(
                "Organisation",
                "ZZ Edit Coop Alfa",
                Map.of("kind", "social-cooperative", "aliases", List.of("Alfa")))
            .path("id")
            .asString();
    Api.Response otherResponse =
        edit.send(
            "POST",
            "/api/nodes",
            Map.of(
                "label", "Organisation",
                "name", "ZZ Edit Cooperativa Alfa",
                "nameEn", "ZZ Edit Alfa Cooperative",
                "properties", Map.of("kind", "ngo", "country", "IT"),
                "sources", List.of("src-com-in-veneto-lavoro")));
    String other = otherResponse.json().path("id").asString();
    edit.createRelationship(alfa, "MEMBER_OF", "esfconet", Map.of("role", "member"));
    edit.send(
        "POST",
        "/api/relationships",
        Map.of(
            "source",
            other,
            "type",
            "MEMBER_OF",
            "target",
            "esfconet",
            "properties",
            Map.of("role", "partner", "since", "2010"),
            "sources",
            List.of("src-com-in-veneto-lavoro")));
    edit.createRelationship(
        other, "PARTICIPATES_IN", "oltre-il-confine", Map.of("role", "partner"));
    edit.createRelationship(other, "LOCATED_IN", "toscana", Map.of());
    JsonNode alfaBefore = edit.get("/api/nodes/" + alfa).json();
    JsonNode otherBefore = edit.get("/api/nodes/" + other).json();
    List<String> alfaLinksBefore = linkLines(alfa);
    List<String> otherLinksBefore = linkLines(other);

    assertThat(
            edit.send(
                    "POST",
                    "/api/nodes/" + alfa + "/merge",
                    Map.of(
                        "other",
                        other,
                        "version",
                        1,
                        "otherVersion",
                        0,
                        "sources",
                        List.of(SEED_SOURCE)))
                .status())
        .isEqualTo(409);
    Api.Response merged =
        edit.send(
            "POST",
            "/api/nodes/" + alfa + "/merge",
            Map.of(
                "other", other, "version", 1, "otherVersion", 1, "sources", List.of(SEED_SOURCE)));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(edit.get("/api/nodes/" + other).status()).isEqualTo(404);
    JsonNode node = edit.get("/api/nodes/" + alfa).json();
    assertThat(node.path("name").asString()).isEqualTo("ZZ Edit Coop Alfa");
    assertThat(node.path("nameEn").asString()).isEqualTo("ZZ Edit Alfa Cooperative");
    assertThat(node.path("version").asLong()).isEqualTo(2);
    assertThat(node.path("properties").path("kind").asString()).isEqualTo("social-cooperative");
    assertThat(node.path("properties").path("country").asString()).isEqualTo("IT");
    assertThat(texts(node.path("properties").path("aliases")))
        .containsExactly("Alfa", "ZZ Edit Cooperativa Alfa");
    assertThat(texts(node.path("sources"), "id"))
        .containsExactlyInAnyOrder(SEED_SOURCE, "src-com-in-veneto-lavoro");
    JsonNode member = link(alfa, "esfconet");
    assertThat(member.path("properties").path("role").asString()).isEqualTo("member");
    assertThat(member.path("properties").path("since").asString()).isEqualTo("2010");
    assertThat(texts(member.path("properties").path("sources")))
        .containsExactlyInAnyOrder(SEED_SOURCE, "src-com-in-veneto-lavoro");
    assertThat(link(alfa, "oltre-il-confine").path("type").asString()).isEqualTo("PARTICIPATES_IN");
    assertThat(link(alfa, "toscana").path("type").asString()).isEqualTo("LOCATED_IN");
    JsonNode entry = edit.history(alfa).get(0);
    assertThat(entry.path("action").asString()).isEqualTo("merge-nodes");
    assertThat(entry.path("summary").asString()).contains("3 relationships moved");
    assertThat(texts(edit.history("toscana"), "action")).contains("merge-nodes");

    revert(entry.path("id").asString());
    JsonNode alfaAfter = edit.get("/api/nodes/" + alfa).json();
    JsonNode otherAfter = edit.get("/api/nodes/" + other).json();
    assertThat(withoutVersion(alfaAfter)).isEqualTo(withoutVersion(alfaBefore));
    assertThat(withoutVersion(otherAfter)).isEqualTo(withoutVersion(otherBefore));
    assertThat(alfaAfter.path("version").asLong()).isEqualTo(3);
    assertThat(otherAfter.path("version").asLong()).isEqualTo(2);
    assertThat(linkLines(alfa)).isEqualTo(alfaLinksBefore);
    assertThat(linkLines(other)).isEqualTo(otherLinksBefore);
  }

  @Test
  void shouldDropTheRelationshipBetweenTwoMergedNodes() {
    String one = edit.createNode("Project", "ZZ Edit Progetto Uno", Map.of()).path("id").asString();
    String two = edit.createNode("Project", "ZZ Edit Progetto Due", Map.of()).path("id").asString();
    edit.createRelationship(two, "LINKED_TO", one, Map.of());
    edit.createRelationship(two, "LINKED_TO", "esfconet", Map.of());

    Api.Response wrongLabel =
        edit.send(
            "POST",
            "/api/nodes/" + one + "/merge",
            Map.of(
                "other",
                "esfconet",
                "version",
                1,
                "otherVersion",
                0,
                "sources",
                List.of(SEED_SOURCE)));
    assertThat(wrongLabel.status()).isEqualTo(400);
    assertThat(wrongLabel.json().path("parameter").asString()).isEqualTo("other");
    assertThat(wrongLabel.json().path("detail").asString()).contains("same label");

    Api.Response merged =
        edit.send(
            "POST",
            "/api/nodes/" + one + "/merge",
            Map.of("other", two, "version", 1, "otherVersion", 1, "sources", List.of(SEED_SOURCE)));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(linkLines(one)).hasSize(1);
    assertThat(linkLines(one).get(0)).startsWith(one + " LINKED_TO esfconet ");
    assertThat(edit.history(one).get(0).path("summary").asString())
        .contains("1 relationship moved, 1 between the two removed");
  }

  // ---------------------------------------------------------------------------------- helpers

  private void assertInvalidNode(Map<String, Object> body, String field, String message) {
    assertInvalid(edit.send("POST", "/api/nodes", body), field, message);
  }

  private void assertInvalidRelationship(Map<String, Object> body, String field, String message) {
    assertInvalid(edit.send("POST", "/api/relationships", body), field, message);
  }

  private static void assertInvalid(Api.Response response, String field, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.json().path("parameter").asString()).as(response.text()).isEqualTo(field);
    assertThat(response.json().path("detail").asString()).as(response.text()).contains(message);
  }

  private JsonNode revert(String entryId) {
    Api.Response response = edit.send("POST", "/api/audit/" + entryId + "/revert", null);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(response.json().path("reverts").asString()).isEqualTo(entryId);
    return response.json();
  }

  /** The link between a node and a neighbour, as the explore API shows it. */
  private JsonNode link(String id, String other) {
    for (JsonNode link : edit.get("/api/nodes/" + id + "/neighbours").json().path("links")) {
      String source = link.path("source").asString();
      String target = link.path("target").asString();
      if ((source.equals(id) && target.equals(other))
          || (source.equals(other) && target.equals(id))) {
        return link;
      }
    }
    throw new AssertionError("no link between " + id + " and " + other);
  }

  /** The node's relationships as sorted lines, with their properties but not their versions. */
  private List<String> linkLines(String id) {
    List<String> lines = new ArrayList<>();
    for (JsonNode link : edit.get("/api/nodes/" + id + "/neighbours").json().path("links")) {
      if (!link.path("source").asString().equals(id)
          && !link.path("target").asString().equals(id)) {
        continue;
      }
      StringBuilder line =
          new StringBuilder(
              link.path("source").asString()
                  + " "
                  + link.path("type").asString()
                  + " "
                  + link.path("target").asString());
      Map<String, String> properties = new java.util.TreeMap<>();
      link.path("properties")
          .properties()
          .forEach(e -> properties.put(e.getKey(), e.getValue().toString()));
      properties.remove("version");
      properties.forEach((key, value) -> line.append(" ").append(key).append("=").append(value));
      lines.add(line.toString());
    }
    lines.sort(null);
    return lines;
  }

  private static JsonNode withoutVersion(JsonNode node) {
    var copy = (tools.jackson.databind.node.ObjectNode) node.deepCopy();
    copy.remove("version");
    ((tools.jackson.databind.node.ObjectNode) copy.path("properties")).remove("version");
    return copy;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asString()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.path(field).asString()));
    return out;
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, Object> without(Map<String, Object> body, String key) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.remove(key);
    return copy;
  }
}
