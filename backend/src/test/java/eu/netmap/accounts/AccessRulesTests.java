package eu.netmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access rules (README "Accounts and access") per role and endpoint, over HTTP basic: anonymous
 * and readers cannot write, editors cannot manage users or backups, admins can do everything.
 * Writes use ids that do not exist or bodies that fail validation, so an allowed request changes
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests extends EmbeddedNeo4jTest {

  static final String PASSWORD = "access-rules-pw-1";

  @LocalServerPort int port;
  @Autowired AccountStore accounts;
  @Autowired Driver driver;

  private Api api;
  private long nodesBefore;

  @BeforeAll
  void users() {
    api = new Api(port);
    accounts.create("access-reader", PASSWORD, Role.READER, true);
    accounts.create("access-editor", PASSWORD, Role.EDITOR, true);
    nodesBefore = nodes();
  }

  @AfterAll
  void removeUsers() {
    accounts.delete("access-reader");
    accounts.delete("access-editor");
    assertThat(nodes()).isEqualTo(nodesBefore);
  }

  private long nodes() {
    try (var session = driver.session()) {
      return session.run("MATCH (n) RETURN count(n)").single().get(0).asLong();
    }
  }

  /** A request and the least role it needs (null: anyone). */
  record Rule(String method, String path, String body, Role needs) {}

  static final List<Rule> RULES =
      List.of(
          new Rule("GET", "/api/stats", null, null),
          new Rule("GET", "/api/nodes/esfconet", null, null),
          new Rule("GET", "/api/search?q=trento", null, null),
          new Rule("POST", "/api/cypher", "{\"query\":\"RETURN 1 AS one\"}", null),
          new Rule("POST", "/api/cypher/export?format=json", "{\"query\":\"RETURN 1\"}", null),
          new Rule("POST", "/api/nodes", "{}", Role.EDITOR),
          new Rule("PUT", "/api/nodes/no-such-node-access", "{}", Role.EDITOR),
          new Rule("DELETE", "/api/nodes/no-such-node-access", null, Role.EDITOR),
          new Rule("POST", "/api/nodes/no-such-node-access/merge", "{}", Role.EDITOR),
          new Rule("POST", "/api/relationships", "{}", Role.EDITOR),
          new Rule("PUT", "/api/relationships/no-such-relationship", "{}", Role.EDITOR),
          new Rule("DELETE", "/api/relationships/no-such-relationship", null, Role.EDITOR),
          new Rule("POST", "/api/audit/no-such-entry/revert", "{}", Role.EDITOR),
          new Rule("POST", "/api/import?format=csv&dryRun=true", "{}", Role.EDITOR),
          new Rule("GET", "/api/users", null, Role.ADMIN),
          new Rule("POST", "/api/users", "{}", Role.ADMIN),
          new Rule("PUT", "/api/users/no-such-user", "{}", Role.ADMIN),
          new Rule("DELETE", "/api/users/no-such-user", null, Role.ADMIN),
          new Rule("POST", "/api/restore", "not a backup", Role.ADMIN));

  private int status(Rule rule, String username, String password) {
    return Logins.send(api, rule.method(), rule.path(), rule.body(), username, password).status();
  }

  @Test
  void shouldLetEachRoleDoExactlyWhatTheContractSays() {
    List<String> wrong = new ArrayList<>();
    for (Rule rule : RULES) {
      String what = rule.method() + " " + rule.path();
      int anonymous = status(rule, null, null);
      int reader = status(rule, "access-reader", PASSWORD);
      int editor = status(rule, "access-editor", PASSWORD);
      int admin = status(rule, "admin", ADMIN_PASSWORD);
      if (rule.needs() == null) {
        check(wrong, what + " anonymous", anonymous, true);
      } else {
        if (anonymous != 401) {
          wrong.add(what + " anonymous: " + anonymous + ", expected 401");
        }
      }
      check(wrong, what + " reader", reader, rule.needs() == null || rule.needs() == Role.READER);
      check(wrong, what + " editor", editor, rule.needs() != Role.ADMIN);
      check(wrong, what + " admin", admin, true);
    }
    assertThat(wrong).isEmpty();
  }

  private static void check(List<String> wrong, String what, int status, boolean allowed) {
    if (allowed && (status == 401 || status == 403)) {
      wrong.add(what + ": " + status + ", expected to pass");
    }
    if (!allowed && status != 403) {
      wrong.add(what + ": " + status + ", expected 403");
    }
  }

  @Test
  void shouldLetOnlyAdminsTakeABackup() {
    Rule backup = new Rule("GET", "/api/backup", null, Role.ADMIN);
    assertThat(status(backup, null, null)).isEqualTo(401);
    assertThat(status(backup, "access-reader", PASSWORD)).isEqualTo(403);
    assertThat(status(backup, "access-editor", PASSWORD)).isEqualTo(403);
    assertThat(status(backup, "admin", ADMIN_PASSWORD)).isEqualTo(200);
  }

  @Test
  void shouldSayWhichRoleIsMissing() {
    Api.Response response = Logins.send(api, "GET", "/api/users", null, "access-editor", PASSWORD);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asString())
        .isEqualTo("This needs the role ADMIN; 'access-editor' has EDITOR.");
  }

  @Test
  void shouldRefuseAnonymousWritesWithALoginChallenge() {
    Api.Response response = Logins.send(api, "POST", "/api/nodes", "{}", null, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("detail").asString()).startsWith("Log in first");
  }

  @Test
  void shouldTellWhoIsLoggedIn() {
    assertThat(api.get("/api/me").json().toString())
        .isEqualTo("{\"authenticated\":false,\"publicRead\":true}");
    assertThat(
            Logins.send(api, "GET", "/api/me", null, "access-editor", PASSWORD).json().toString())
        .isEqualTo(
            "{\"authenticated\":true,\"username\":\"access-editor\",\"role\":\"EDITOR\","
                + "\"publicRead\":true}");
    assertThat(
            Logins.send(api, "GET", "/api/me", null, "admin", ADMIN_PASSWORD)
                .json()
                .path("role")
                .asString())
        .isEqualTo("ADMIN");
  }
}
