package eu.netmap.edit;

import eu.netmap.Api;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes through the editing API as the test user {@code admin} (HTTP basic), and the clean-up
 * that leaves the shared test database as it was: every test node's id starts with {@link #PREFIX}
 * (its name with "ZZ Edit"), every test source's with {@code src-zz-edit}.
 */
final class Editing {

  static final String PREFIX = "zz-edit";
  static final String SEED_SOURCE = "src-tecnostruttura-2011";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Api api;
  private final String authorization;

  Editing(Api api, String password) {
    this.api = api;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  Api.Response send(String method, String path, Object body) {
    return send(method, path, body, true);
  }

  Api.Response send(String method, String path, Object body, boolean authenticated) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri(path))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authenticated) {
      request.header("Authorization", authorization);
    }
    return api.send(request.build());
  }

  Api.Response get(String path) {
    return api.get(path);
  }

  /** Creates a node and returns its JSON (fails the test if it is not created). */
  JsonNode createNode(String label, String name, Map<String, Object> properties) {
    Api.Response response =
        send(
            "POST",
            "/api/nodes",
            Map.of(
                "label", label,
                "name", name,
                "properties", properties,
                "sources", List.of(SEED_SOURCE)));
    if (response.status() != 201) {
      throw new AssertionError("create " + name + ": " + response.status() + " " + response.text());
    }
    return response.json();
  }

  JsonNode createRelationship(
      String source, String type, String target, Map<String, Object> props) {
    Api.Response response =
        send(
            "POST",
            "/api/relationships",
            Map.of(
                "source", source,
                "type", type,
                "target", target,
                "properties", props,
                "sources", List.of(SEED_SOURCE)));
    if (response.status() != 201) {
      throw new AssertionError(
          "create "
              + source
              + " "
              + type
              + " "
              + target
              + ": "
              + response.status()
              + " "
              + response.text());
    }
    return response.json();
  }

  /** The node's audit entries, newest first. */
  JsonNode history(String id) {
    return get("/api/audit?node=" + Api.enc(id) + "&limit=500").json().path("items");
  }

  static String json(Object body) {
    return body instanceof String text ? text : JSON.writeValueAsString(body);
  }

  /** Removes every test node and source, and the audit entries that name them. */
  static void cleanUp(Driver driver) {
    try (Session session = driver.session()) {
      session
          .run(
              """
              MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id STARTS WITH 'src-' + $prefix
              DETACH DELETE n
              """,
              Map.of("prefix", PREFIX))
          .consume();
      session
          .run(
              """
              MATCH (e:AuditEntry)
              WHERE any(id IN e.nodes WHERE id STARTS WITH $prefix OR id STARTS WITH 'src-' + $prefix)
              DELETE e
              """,
              Map.of("prefix", PREFIX))
          .consume();
    }
  }
}
