package eu.netmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who is sent the {@code XSRF-TOKEN} cookie: pages, the login form, {@code /api/me} and every
 * request of a browser session; API calls without a session are not (they never need a token, and
 * making one per call queued request threads on the random generator under load).
 */
class CsrfCookieTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  private List<String> xsrfCookies(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<Void> response =
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("XSRF-TOKEN="))
        .toList();
  }

  @Test
  void shouldSendTheTokenCookieToPagesAndSessionsOnly() throws Exception {
    assertThat(xsrfCookies("/", null)).hasSize(1);
    assertThat(xsrfCookies("/login", null)).hasSize(1);
    assertThat(xsrfCookies("/api/me", null)).hasSize(1);
    // a script's reads: no token made, no cookie
    assertThat(xsrfCookies("/api/search?q=a", null)).isEmpty();
    assertThat(xsrfCookies("/api/stats", null)).isEmpty();
    // a browser's reads within a session (even an unknown one) keep getting it
    assertThat(xsrfCookies("/api/search?q=a", "JSESSIONID=0123456789ABCDEF")).hasSize(1);
  }

  @Test
  void shouldStillLogInAndChangeWithTheCookieOfThePage() {
    Logins.Session browser = new Logins.Session(api);
    browser.get("/");
    assertThat(browser.csrfToken()).isNotBlank();
    assertThat(browser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    // the session's requests carry the new token after the login
    assertThat(browser.get("/api/stats").status()).isEqualTo(200);
    assertThat(browser.csrfToken()).isNotBlank();
    assertThat(browser.change("POST", "/api/users", "{}", false).status()).isEqualTo(403);
  }
}
