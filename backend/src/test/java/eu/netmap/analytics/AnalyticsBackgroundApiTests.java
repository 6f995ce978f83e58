package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A request that does not want to wait ({@code wait=0}) for a computation that is not cached gets
 * 202 with the progress and a Retry-After header; asking again gives the same answer as waiting.
 */
class AnalyticsBackgroundApiTests extends EmbeddedNeo4jTest {

  @LocalServerPort int port;
  @Autowired DataVersion dataVersion;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aComputationNotReadyIsAnsweredWith202AndItsProgress() throws Exception {
    String path = "/api/analytics/hubs?view=two-mode&metric=betweenness&limit=5";
    JsonNode waited = api.get(path).json();

    // a write makes every cached result stale: the snapshot must be read again. On a very busy
    // machine the request thread can lose the processor long enough for the seed's small job to
    // finish before it looks (then 200): each attempt is a new data version, so a new job
    HttpResponse<String> first = null;
    for (int attempt = 0; attempt < 5 && (first == null || first.statusCode() == 200); attempt++) {
      dataVersion.bump();
      first =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(api.uri(path + "&wait=0")).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
    }
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode computing = new Api.Response(202, "application/json", first.body()).json();
    assertThat(computing.get("status").asString()).isEqualTo("computing");
    assertThat(computing.get("task").asString())
        .isEqualTo("hubs view=two-mode metric=betweenness limit=5");
    assertThat(computing.get("retryAfterMs").asInt()).isEqualTo(1000);
    assertThat(computing.has("stage")).isTrue();

    // polling as a client does: the answer arrives, equal to the one computed while waiting
    Api.Response later = api.get(path + "&wait=0");
    for (int i = 0; i < 600 && later.status() == 202; i++) {
      Thread.sleep(100);
      later = api.get(path + "&wait=0");
    }
    assertThat(later.status()).as(later.text()).isEqualTo(200);
    assertThat(later.json()).isEqualTo(waited);
    assertThat(api.get("/api/analytics/jobs").json().isArray()).isTrue();
  }

  @Test
  void aNegativeWaitIsABadRequest() {
    Api.Response response = api.get("/api/analytics/hubs?wait=-5");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("wait");
  }
}
