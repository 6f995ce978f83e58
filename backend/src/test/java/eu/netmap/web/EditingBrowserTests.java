package eu.netmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.Browser;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing in the Explore details panel, in headless Chromium. A browser cannot log in over HTTP
 * basic, so the history test makes its changes through the API and checks the History panel shows
 * them; the editor test gives the browser the admin's basic login on every request (Chromium's
 * DevTools protocol) and answers {@code /api/me} as an admin, then works through the forms.
 * Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditingBrowserTests extends EmbeddedNeo4jTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NODE = "zz-edit-browser-coop";

  /** Answers the app's /api/me as a logged-in admin, before any of the page's scripts run. */
  private static final String ME_AS_ADMIN =
      """
      const realFetch = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input.url;
        if (url === '/api/me' || url.endsWith('/api/me')) {
          return Promise.resolve(new Response(
            JSON.stringify({authenticated: true, username: 'admin', role: 'ADMIN'}),
            {status: 200, headers: {'Content-Type': 'application/json'}}));
        }
        return realFetch(input, init);
      };
      """;

  /**
   * The app asks /api/me, which does not exist before the accounts work (a handled 404); the editor
   * test sends a change without sources on purpose (400).
   */
  private static final List<String> EXPECTED_CONSOLE =
      List.of(
          "the server responded with a status of 404", "the server responded with a status of 400");

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;

  private Browser browser;
  private Api api;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(port, 1280, 900);
    api = new Api(port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void cleanUp() {
    try (Session session = driver.session()) {
      session
          .run(
              "MATCH (n) WHERE n.id STARTS WITH 'zz-edit' OR n.id STARTS WITH 'src-zz-edit'"
                  + " DETACH DELETE n")
          .consume();
      session
          .run(
              "MATCH (e:AuditEntry) WHERE any(id IN e.nodes WHERE id STARTS WITH 'zz-edit'"
                  + " OR id STARTS WITH 'src-zz-edit') DELETE e")
          .consume();
    }
    dataVersion.bump();
    if (browser != null) {
      assertThat(browser.consoleErrors(EXPECTED_CONSOLE)).isEmpty();
    }
  }

  @Test
  void shouldListChangesMadeThroughTheApiInTheHistoryPanel() {
    createTestNode();
    assertThat(
            change(
                    "POST",
                    "/api/relationships",
                    Map.of(
                        "source",
                        NODE,
                        "type",
                        "MEMBER_OF",
                        "target",
                        "esfconet",
                        "properties",
                        Map.of("role", "member"),
                        "sources",
                        List.of("src-tecnostruttura-2011")))
                .status())
        .isEqualTo(201);
    assertThat(
            change(
                    "PUT",
                    "/api/nodes/" + NODE,
                    Map.of(
                        "properties", Map.of("kind", "ngo", "country", "IT"),
                        "version", 1,
                        "sources", List.of("src-morethanajob-2020")))
                .status())
        .isEqualTo(200);

    browser.freshPage(1280, 900, "it", "/#/explore?node=" + NODE);
    browser.textIn(By.id("details-heading"), "ZZ Edit Browser Coop");
    browser.until(d -> d.findElements(By.cssSelector("#history .history-entry")).size() == 3);
    List<WebElement> entries =
        browser.driver().findElements(By.cssSelector("#history .history-entry"));
    assertThat(entries.get(0).getAttribute("data-action")).isEqualTo("update-node");
    assertThat(entries.get(0).getText())
        .contains("Modifica")
        .contains("admin")
        .contains("cambiati: country, kind");
    assertThat(entries.get(1).getText())
        .contains("Nuova relazione")
        .contains("aggiunta: membro di ESFCoNet");
    assertThat(entries.get(2).getText()).contains("Creazione");
    // not logged in: no edit controls, no revert buttons
    assertThat(browser.driver().findElements(By.id("edit-node"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("#history button.revert"))).isEmpty();
    browser.graphAtRest();
    browser.screenshot("editing-history");

    // English
    browser.driver().findElement(By.id("lang-switch")).click();
    browser.until(d -> d.findElements(By.cssSelector("#history .history-entry")).size() == 3);
    assertThat(browser.visible(By.id("history-heading")).getAttribute("textContent"))
        .isEqualTo("History");
    assertThat(browser.visible(By.id("history")).getText())
        .contains("Relationship added")
        .contains("added: member of ESF Cooperation Network");
  }

  @Test
  void shouldEditLinkRevertAndDeleteThroughTheForms() {
    createTestNode();
    String script = actAsAdmin();
    try {
      editThroughTheForms();
    } finally {
      HasCdp cdp = (HasCdp) browser.driver();
      cdp.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
      cdp.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }
  }

  private void editThroughTheForms() {
    browser.freshPage(1280, 900, "en", "/#/explore?node=" + NODE);
    browser.textIn(By.id("details-heading"), "ZZ Edit Browser Coop");

    // edit the node: a new English name and a property, citing a seed source
    browser.visible(By.id("edit-node")).click();
    WebElement nameEn = browser.visible(By.id("edit-name-en"));
    nameEn.sendKeys("ZZ Edit Browser Cooperative");
    browser.driver().findElement(By.cssSelector(".add-property")).click();
    WebElement key = browser.driver().switchTo().activeElement();
    key.sendKeys("kind");
    key.sendKeys(Keys.TAB, "social-cooperative");
    tickSource("src-tecnostruttura-2011");
    browser.screenshot("editing-node-form");
    browser.driver().findElement(By.id("edit-submit")).click();
    browser.textIn(By.id("details-heading"), "ZZ Edit Browser Cooperative");
    browser.textIn(By.cssSelector("#history .history-entry"), "changed: kind, nameEn");
    assertThat(stored().path("properties").path("kind").asString()).isEqualTo("social-cooperative");

    // a change without a source is refused, and the form says why
    browser.driver().findElement(By.id("edit-node")).click();
    browser.visible(By.id("edit-name")).sendKeys(" X");
    browser.driver().findElement(By.id("edit-submit")).click();
    browser.textIn(By.cssSelector(".form-error"), "sources");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("fieldset.sources-picker"))
                .getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.driver().findElement(By.id("edit-name")).sendKeys(Keys.ESCAPE);
    browser.until(d -> d.findElements(By.cssSelector(".edit-form")).isEmpty());

    // add a relationship: search the network, choose the type and role
    browser.driver().findElement(By.id("edit-link")).click();
    WebElement target = browser.visible(By.id("edit-target-search"));
    target.sendKeys("EARLALL");
    browser.visible(By.cssSelector("#edit-target-search-suggestions [data-id=earlall]"));
    target.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    browser.textIn(By.cssSelector(".edit-form .chosen"), "Lifelong Learning (Network)");
    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("edit-rel-role")))
        .selectByValue("founder");
    browser.driver().findElement(By.id("edit-rel-since")).sendKeys("2008");
    tickSource("src-tecnostruttura-2011");
    browser.driver().findElement(By.id("edit-submit")).click();
    browser.textIn(By.cssSelector("#details .relations"), "Lifelong Learning");
    assertThat(browser.driver().findElement(By.cssSelector("#details .relations")).getText())
        .contains("founder")
        .contains("2008");
    browser.textIn(By.cssSelector("#history .history-entry"), "Relationship added");

    // narrow screen, with the relationship form open
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.driver().findElement(By.cssSelector("#details .rel-actions button")).click();
    browser.visible(By.id("edit-rel-role"));
    assertThat(
            (Boolean)
                browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("no sideways scrolling at 390 px")
        .isTrue();
    browser.script("document.querySelector('.edit-form').scrollIntoView()");
    browser.screenshot("editing-relationship-form-390");
    browser.driver().findElement(By.id("edit-cancel")).click();
    browser.driver().manage().window().setSize(new Dimension(1280, 900));

    // revert the new relationship from the history
    WebElement newest = browser.visible(By.cssSelector("#history .history-entry"));
    assertThat(newest.getAttribute("data-action")).isEqualTo("create-relationship");
    newest.findElement(By.cssSelector("button.revert")).click();
    browser.until(d -> d.findElements(By.cssSelector("#details ul.relations")).isEmpty());
    browser.textIn(By.cssSelector("#history .history-entry"), "Reverted");
    assertThat(browser.driver().findElement(By.cssSelector("#history")).getText())
        .contains("reverted");
    assertThat(api.get("/api/nodes/" + NODE).json().path("degree").asLong()).isZero();
    browser.screenshot("editing-reverted");

    // delete the node
    browser.driver().findElement(By.id("edit-delete")).click();
    tickSource("src-tecnostruttura-2011");
    browser.driver().findElement(By.id("edit-submit")).click();
    browser.textIn(By.id("details-heading"), "Details");
    assertThat(api.get("/api/nodes/" + NODE).status()).isEqualTo(404);

    // a new node, citing a new source, opens in the graph
    browser.driver().findElement(By.id("new-node")).click();
    new org.openqa.selenium.support.ui.Select(browser.visible(By.id("edit-label")))
        .selectByValue("Network");
    browser.driver().findElement(By.id("edit-name")).sendKeys("ZZ Edit Browser Rete");
    browser.driver().findElement(By.cssSelector(".new-source summary")).click();
    browser.visible(By.id("edit-source-title")).sendKeys("ZZ Edit verbale");
    browser.driver().findElement(By.id("edit-source-date")).sendKeys("2024-03");
    browser.driver().findElement(By.id("edit-submit")).click();
    browser.textIn(By.id("details-heading"), "ZZ Edit Browser Rete");
    JsonNode created = api.get("/api/nodes/zz-edit-browser-rete").json();
    assertThat(created.path("label").asString()).isEqualTo("Network");
    assertThat(created.path("sources").get(0).path("title").asString())
        .isEqualTo("ZZ Edit verbale");
    browser.textIn(By.cssSelector("#history .history-entry"), "Created");
  }

  private void tickSource(String id) {
    WebElement box =
        browser.visible(
            By.cssSelector(".edit-form input[type=checkbox][data-source='" + id + "']"));
    box.click();
  }

  /**
   * Every request of the browser carries the admin's basic login and /api/me answers as admin;
   * returns the id of the injected script, to remove it.
   */
  private String actAsAdmin() {
    HasCdp cdp = (HasCdp) browser.driver();
    cdp.executeCdpCommand("Network.enable", Map.of());
    cdp.executeCdpCommand(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", basic())));
    return (String)
        cdp.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", ME_AS_ADMIN))
            .get("identifier");
  }

  private void createTestNode() {
    Api.Response created =
        change(
            "POST",
            "/api/nodes",
            Map.of(
                "label", "Organisation",
                "name", "ZZ Edit Browser Coop",
                "sources", List.of("src-tecnostruttura-2011")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().path("id").asString()).isEqualTo(NODE);
  }

  private JsonNode stored() {
    return api.get("/api/nodes/" + NODE).json();
  }

  private Api.Response change(String method, String path, Object body) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", basic())
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
