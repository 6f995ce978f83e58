package eu.netmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Users over the API and in browser sessions: validation, CSRF, disabled users, sessions that end
 * when an admin changes the account, and login throttling. Every user made here is deleted after.
 */
class AccountsApiTests extends EmbeddedNeo4jTest {

  static final String PASSWORD = "accounts-api-pw-1";

  @LocalServerPort int port;
  @Autowired AccountStore accounts;
  @Autowired LoginThrottle throttle;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @AfterEach
  void cleanUp() {
    for (Account account : accounts.list()) {
      if (account.username().startsWith("t-")) {
        accounts.delete(account.username());
      }
    }
    throttle.reset();
  }

  private Api.Response asAdmin(String method, String path, String json) {
    return Logins.send(api, method, path, json, "admin", ADMIN_PASSWORD);
  }

  @Test
  void shouldAddListChangeAndDeleteUsers() {
    Api.Response created =
        asAdmin(
            "POST",
            "/api/users",
            "{\"username\":\"t-ana\",\"password\":\"" + PASSWORD + "\",\"role\":\"editor\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("role").asString()).isEqualTo("EDITOR");
    assertThat(created.json().path("enabled").asBoolean()).isTrue();
    assertThat(created.json().has("password")).isFalse();
    JsonNode list = asAdmin("GET", "/api/users", null).json();
    assertThat(list.toString()).contains("\"username\":\"t-ana\"").doesNotContain("bcrypt");

    Api.Response changed = asAdmin("PUT", "/api/users/t-ana", "{\"role\":\"READER\"}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("role").asString()).isEqualTo("READER");
    assertThat(
            Logins.send(api, "GET", "/api/me", null, "t-ana", PASSWORD)
                .json()
                .path("role")
                .asString())
        .isEqualTo("READER");

    assertThat(asAdmin("PUT", "/api/users/t-ana", "{\"password\":\"t-ana-new-password\"}").status())
        .isEqualTo(400);
    assertThat(asAdmin("PUT", "/api/users/t-ana", "{\"password\":\"another-good-pw\"}").status())
        .isEqualTo(200);
    assertThat(Logins.send(api, "GET", "/api/me", null, "t-ana", PASSWORD).status()).isEqualTo(401);
    assertThat(Logins.send(api, "GET", "/api/me", null, "t-ana", "another-good-pw").status())
        .isEqualTo(200);

    assertThat(asAdmin("DELETE", "/api/users/t-ana", null).status()).isEqualTo(204);
    assertThat(asAdmin("DELETE", "/api/users/t-ana", null).status()).isEqualTo(404);
    assertThat(accounts.find("t-ana")).isEmpty();
  }

  @Test
  void shouldStoreOnlyABcryptHash() {
    accounts.create("t-hash", PASSWORD, Role.READER, true);

    String hash = accounts.loadUserByUsername("t-hash").getPassword();
    assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD);
  }

  @Test
  void shouldExplainInvalidUsers() {
    accounts.create("t-taken", PASSWORD, Role.READER, true);

    Api.Response duplicate =
        asAdmin(
            "POST", "/api/users", "{\"username\":\"t-taken\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().path("detail").asString())
        .isEqualTo("A user named 't-taken' already exists.");

    Api.Response weak =
        asAdmin("POST", "/api/users", "{\"username\":\"t-weak\",\"password\":\"short\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.contentType()).startsWith("application/problem+json");
    assertThat(weak.json().path("parameter").asString()).isEqualTo("password");
    assertThat(weak.json().path("detail").asString()).isEqualTo(AccountStore.PASSWORD_RULE);

    Api.Response empty =
        asAdmin("POST", "/api/users", "{\"username\":\"t-empty\",\"password\":\"\"}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("detail").asString()).contains("at least 10 characters");

    Api.Response withName =
        asAdmin("POST", "/api/users", "{\"username\":\"t-named\",\"password\":\"my-t-named-pw\"}");
    assertThat(withName.status()).isEqualTo(400);

    Api.Response badName =
        asAdmin(
            "POST", "/api/users", "{\"username\":\"T Upper\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.json().path("detail").asString()).isEqualTo(AccountStore.USERNAME_RULE);

    Api.Response badRole =
        asAdmin(
            "POST",
            "/api/users",
            "{\"username\":\"t-role\",\"password\":\"" + PASSWORD + "\",\"role\":\"owner\"}");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.json().path("allowed").toString())
        .isEqualTo("[\"READER\",\"EDITOR\",\"ADMIN\"]");

    assertThat(asAdmin("PUT", "/api/users/t-nobody", "{\"enabled\":false}").status())
        .isEqualTo(404);
    assertThat(accounts.list())
        .extracting(Account::username)
        .doesNotContain("t-weak", "t-empty", "t-named", "t-role");
  }

  @Test
  void shouldKeepOneEnabledAdmin() {
    Api.Response disableLast = asAdmin("PUT", "/api/users/admin", "{\"enabled\":false}");

    assertThat(disableLast.status()).isEqualTo(409);
    assertThat(disableLast.json().path("detail").asString())
        .startsWith("At least one enabled ADMIN");
    assertThat(asAdmin("PUT", "/api/users/admin", "{\"role\":\"EDITOR\"}").status()).isEqualTo(409);
    assertThat(asAdmin("DELETE", "/api/users/admin", null).status()).isEqualTo(409);
    assertThat(accounts.find("admin").orElseThrow())
        .isEqualTo(
            new Account("admin", Role.ADMIN, true, accounts.find("admin").get().createdAt()));
  }

  @Test
  void shouldRefuseDisabledUsersAndEndTheirSessions() {
    accounts.create("t-dora", PASSWORD, Role.EDITOR, true);
    Logins.Session browser = new Logins.Session(api);
    assertThat(browser.login("t-dora", PASSWORD).status()).isEqualTo(200);
    assertThat(browser.get("/api/me").json().path("username").asString()).isEqualTo("t-dora");

    assertThat(asAdmin("PUT", "/api/users/t-dora", "{\"enabled\":false}").status()).isEqualTo(200);

    Api.Response ended = browser.get("/api/me");
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.json().path("detail").asString())
        .contains("administrator changed your account");
    Api.Response basic = Logins.send(api, "GET", "/api/me", null, "t-dora", PASSWORD);
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.json().path("detail").asString())
        .isEqualTo("This account is disabled; ask an administrator.");
    Api.Response form = new Logins.Session(api).login("t-dora", PASSWORD);
    assertThat(form.status()).isEqualTo(401);
    assertThat(form.json().path("detail").asString())
        .isEqualTo("This account is disabled; ask an administrator.");
    // a wrong password does not reveal that the account exists and is disabled
    Api.Response guess = new Logins.Session(api).login("t-dora", "not-the-password");
    assertThat(guess.json().path("detail").asString()).isEqualTo("Wrong user name or password.");

    assertThat(asAdmin("PUT", "/api/users/t-dora", "{\"enabled\":true}").status()).isEqualTo(200);
    assertThat(new Logins.Session(api).login("t-dora", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void shouldRequireTheCsrfTokenInABrowserSession() {
    Logins.Session browser = new Logins.Session(api);
    String before = browser.get("/api/me").text();
    assertThat(before).contains("\"authenticated\":false");
    // the login form itself needs the token
    Api.Response noTokenLogin =
        browser.send(
            HttpRequest.newBuilder(api.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password=" + ADMIN_PASSWORD)));
    assertThat(noTokenLogin.status()).isEqualTo(403);

    assertThat(browser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    String body = "{\"username\":\"t-csrf\",\"password\":\"" + PASSWORD + "\"}";

    Api.Response without = browser.change("POST", "/api/users", body, false);
    assertThat(without.status()).isEqualTo(403);
    assertThat(without.json().path("detail").asString()).startsWith("Missing or wrong CSRF token");
    assertThat(accounts.find("t-csrf")).isEmpty();

    Api.Response with = browser.change("POST", "/api/users", body, true);
    assertThat(with.status()).isEqualTo(201);
    assertThat(accounts.find("t-csrf")).isPresent();

    // logging out ends the session: the same cookies are anonymous afterwards
    assertThat(
            browser
                .send(
                    HttpRequest.newBuilder(api.uri("/logout"))
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", browser.csrfToken())
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .status())
        .isEqualTo(204);
    assertThat(browser.get("/api/me").json().path("authenticated").asBoolean()).isFalse();
  }

  @Test
  void shouldThrottleFailedLoginsPerUserName() throws Exception {
    accounts.create("t-guessed", PASSWORD, Role.READER, true);
    for (int i = 0; i < 10; i++) {
      assertThat(Logins.send(api, "GET", "/api/me", null, "t-guessed", "wrong-" + i).status())
          .isEqualTo(401);
    }

    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.uri("/api/me"))
                    .header("Authorization", Logins.basic("t-guessed", PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // even the right password waits: the guesser learns nothing more
    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 90L);
    assertThat(refused.body())
        .contains("Too many failed logins for user 't-guessed' (at most 10 in 15 minutes).")
        .contains("Try again in " + retryAfter + " seconds.");
    Api.Response form = new Logins.Session(api).login("T-GUESSED", PASSWORD);
    assertThat(form.status()).isEqualTo(429);
    // other users are not affected
    assertThat(Logins.send(api, "GET", "/api/me", null, "admin", ADMIN_PASSWORD).status())
        .isEqualTo(200);
  }
}
