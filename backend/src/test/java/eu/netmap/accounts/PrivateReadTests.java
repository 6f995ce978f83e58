package eu.netmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code netmap.security.public-read=false} reading needs a login too: pages lead to the login
 * page, the API answers 401, and the login page itself, its assets, health and {@code /api/me} stay
 * open. A database and context of its own (the shared one reads publicly).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PrivateReadTests {

  static final String ADMIN_PASSWORD = "private-admin-pw";

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void privateRead(DynamicPropertyRegistry registry) {
    registry.add("netmap.data-dir", () -> dataDir.resolve("data").toString());
    registry.add("netmap.neo4j.embedded.bolt-port", () -> "0");
    registry.add("netmap.regions.load-nuts", () -> "false");
    registry.add("netmap.backup.enabled", () -> "false");
    registry.add("netmap.security.admin-password", () -> ADMIN_PASSWORD);
    registry.add("netmap.security.public-read", () -> "false");
    registry.add("netmap.security.login-attempts.per-address", () -> "3");
  }

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;

  @AfterEach
  void forgetFailures() {
    throttle.reset();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(new Api(port).uri(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldNeedALoginToRead() throws Exception {
    HttpResponse<String> api = get("/api/stats", "Accept", "application/json");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"netmap\"");

    HttpResponse<String> page = get("/", "Accept", "text/html", "Sec-Fetch-Mode", "navigate");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    // a script in a browser gets no basic challenge (no browser login box)
    HttpResponse<String> script = get("/api/stats", "Sec-Fetch-Mode", "cors");
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();

    Api anonymous = new Api(port);
    assertThat(anonymous.post("/api/cypher", "{\"query\":\"RETURN 1\"}").status()).isEqualTo(401);
    assertThat(
            Logins.send(anonymous, "GET", "/api/stats", null, "admin", ADMIN_PASSWORD)
                .json()
                .path("nodes")
                .path("Network")
                .asInt())
        .isEqualTo(8);
  }

  @Test
  void shouldKeepTheLoginPageAndWhatItNeedsOpen() throws Exception {
    HttpResponse<String> login = get("/login", "Accept", "text/html");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("id=\"login-form\"").contains("js/login.js");
    assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    assertThat(get("/js/login.js").statusCode()).isEqualTo(200);
    assertThat(get("/css/app.css").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(get("/api/me").body()).isEqualTo("{\"authenticated\":false,\"publicRead\":false}");

    Logins.Session browser = new Logins.Session(new Api(port));
    assertThat(browser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(browser.get("/api/stats").status()).isEqualTo(200);
  }

  @Test
  void shouldThrottleFailedLoginsPerAddress() {
    Api api = new Api(port);
    for (int i = 0; i < 3; i++) {
      assertThat(Logins.send(api, "GET", "/api/stats", null, "guess-" + i, "wrong-pw").status())
          .isEqualTo(401);
    }

    Api.Response refused = Logins.send(api, "GET", "/api/stats", null, "admin", ADMIN_PASSWORD);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("detail").asString())
        .startsWith("Too many failed logins from this address (at most 3 in 15 minutes).");
  }
}
