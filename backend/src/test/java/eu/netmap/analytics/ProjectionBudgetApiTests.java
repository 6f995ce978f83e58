package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.Browser;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a heap share too small for the seed's actors projection, asking for that view answers 503
 * with a ProblemDetail that says why and what to do (with a stable code, in English or Italian),
 * and the app goes on serving the other views. A database and context of their own (the setting
 * applies to the whole app).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProjectionBudgetApiTests {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("netmap.data-dir", () -> dataDir.toString());
    registry.add("netmap.neo4j.embedded.bolt-port", () -> "0");
    registry.add("netmap.regions.load-nuts", () -> "false");
    registry.add("netmap.backup.enabled", () -> "false");
    registry.add("netmap.security.admin-password", () -> "budget-admin-pw");
    registry.add("netmap.analytics.max-wait", () -> "120s");
    // a few bytes of heap per view: not one tie
    registry.add("netmap.analytics.view-heap-share", () -> "0.000000001");
  }

  @LocalServerPort int port;

  @Test
  void shouldRefuseTheOversizedViewWithAClearProblemAndServeTheOthers() {
    Api api = new Api(port);

    Api.Response refused = api.get("/api/analytics/hubs?view=actors&limit=3");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.contentType()).contains("application/problem+json");
    JsonNode problem = refused.json();
    assertThat(problem.path("title").asString())
        .isEqualTo("View too large for this server's memory");
    assertThat(problem.path("view").asString()).isEqualTo("actors");
    assertThat(problem.path("code").asString()).isEqualTo("view-too-large");
    assertThat(problem.path("lang").asString()).isEqualTo("en");
    assertThat(problem.path("detail").asString())
        .contains("netmap.analytics.view-heap-share")
        .contains("Beyond one machine");

    // in Italian when asked for (lang=, else Accept-Language); the code stays the same
    JsonNode italian = api.get("/api/analytics/hubs?view=actors&limit=3&lang=it").json();
    assertThat(italian.path("code").asString()).isEqualTo("view-too-large");
    assertThat(italian.path("lang").asString()).isEqualTo("it");
    assertThat(italian.path("title").asString())
        .isEqualTo("Vista troppo grande per la memoria di questo server");
    assertThat(italian.path("detail").asString())
        .startsWith("La vista actors ha più di ")
        .contains("netmap.analytics.view-heap-share")
        .contains("dai più heap all'app");
    Api.Response byHeader =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/analytics/communities?view=actors"))
                .header("Accept-Language", "it-IT,it;q=0.9,en;q=0.5")
                .GET()
                .build());
    assertThat(byHeader.status()).isEqualTo(503);
    assertThat(byHeader.json().path("lang").asString()).isEqualTo("it");
    assertThat(byHeader.json().path("title").asString()).startsWith("Vista troppo grande");
    JsonNode unknown = api.get("/api/analytics/hubs?view=actors&limit=3&lang=fr").json();
    assertThat(unknown.path("lang").asString()).isEqualTo("en");
    assertThat(unknown.path("title").asString())
        .isEqualTo("View too large for this server's memory");

    Api.Response stored = api.get("/api/analytics/hubs?view=stored&limit=3");
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().path("items").size()).isEqualTo(3);
  }

  @Test
  void shouldShowTheTwoModeViewWithANoticeWhenThePageAsksForARefusedView() {
    try (Browser browser = Browser.start(port, 1280, 800)) {
      for (String lang : List.of("en", "it")) {
        browser.freshPage(lang.equals("en") ? 1280 : 390, 800, lang, "/#/analytics");
        browser.visible(By.cssSelector("#analytics-panel table.data"));
        assertThat(browser.present(By.id("analytics-notice")).isDisplayed()).isFalse();

        new Select(browser.visible(By.id("analytics-view"))).selectByValue("actors");

        WebElement notice = browser.visible(By.id("analytics-notice"));
        assertThat(notice.getAttribute("role")).isEqualTo("status");
        if (lang.equals("en")) {
          assertThat(notice.getText())
              .contains("“Actors (organisation × organisation)” view is too large")
              .contains("showing the “Two-mode (actors × collaborations)” view instead");
        } else {
          assertThat(notice.getText())
              .contains("La vista «Attori (organizzazioni × organizzazioni)» è troppo grande")
              .contains("è mostrata la vista «Bipartito (attori × collaborazioni)»");
        }
        browser.until(
            d ->
                "two-mode"
                    .equals(
                        new Select(d.findElement(By.id("analytics-view")))
                            .getFirstSelectedOption()
                            .getAttribute("value")));
        browser.visible(By.cssSelector("#analytics-panel table.data"));
        browser.screenshot("analytics-view-too-large-" + lang);
      }
    }
  }

  @Test
  void shouldSayOnTheMapPageWhyTheTimelineOfRegionsIsMissing() {
    Api.Response timeline = new Api(port).get("/api/analytics/timeline?view=regions");
    assertThat(timeline.status()).isEqualTo(503);
    assertThat(timeline.json().path("view").asString()).isEqualTo("regions");
    try (Browser browser = Browser.start(port, 1280, 800)) {
      for (String lang : List.of("en", "it")) {
        browser.freshPage(1280, 800, lang, "/#/map");
        browser.until(d -> !d.findElement(By.id("map-timeline")).getText().isBlank());
        String text = browser.present(By.id("map-timeline")).getText();
        if (lang.equals("en")) {
          assertThat(text)
              .startsWith("The ties between regions are too many for the server’s memory (over ")
              .contains("the chart per period is not available");
        } else {
          assertThat(text)
              .startsWith("I legami tra regioni sono troppi per la memoria del server (oltre ")
              .contains("il grafico per periodo non è disponibile");
        }
        // the map itself is drawn all the same
        browser.visible(By.id("map-credits"));
      }
    }
  }
}
