package eu.netmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.Browser;
import eu.netmap.EmbeddedNeo4jTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The web explorer in a real headless Chromium against the app with the seed data: search, expand,
 * details with sources, language switch, undo, save and restore, analytics, sources, a narrow
 * screen and big graphs on canvas. Screenshots of each page go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests extends EmbeddedNeo4jTest {

  private static final String TECNOSTRUTTURA_TITLE =
      "L'economia sociale nelle reti e progetti promossi dalle Regioni italiane";
  private static final String TECNOSTRUTTURA_TITLE_EN =
      "The social economy in the networks and projects promoted by the Italian regions";

  /** Console errors the app causes on purpose: API answers it handles (404 of a missing API). */
  private static final List<String> EXPECTED_CONSOLE =
      List.of(
          "the server responded with a status of 404",
          // the Query page's refused write: the 403 is the expected answer
          "the server responded with a status of 403");

  @LocalServerPort int port;

  private Browser browser;
  private Api api;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(port, 1280, 800);
    api = new Api(port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void freshPage() {
    browser.freshPage(1280, 800, "it", "/");
  }

  @AfterEach
  void noConsoleErrors() {
    assertThat(browser.consoleErrors(EXPECTED_CONSOLE)).isEmpty();
  }

  @Test
  void shouldSearchOpenExpandAndShowSources() {
    browser.open("/#/explore");
    WebElement search = browser.visible(By.id("search"));
    search.sendKeys("ESFCo");
    browser.visible(By.cssSelector("#search-suggestions [role=option][data-id=esfconet]"));
    search.sendKeys(Keys.ARROW_DOWN);
    assertThat(search.getAttribute("aria-activedescendant")).isEqualTo("suggestion-0");
    search.sendKeys(Keys.ENTER);

    // ESFCoNet with its twelve neighbours (degree 12 in the seed)
    browser.present(By.cssSelector("g.node[data-id=esfconet]"));
    browser.until(d -> nodeIds().size() == 13);
    assertThat(nodeIds()).contains("toscana", "vlaanderen", "tem-finland", "social-inclusion");
    browser.graphAtRest();
    browser.textIn(By.id("details-heading"), "ESFCoNet");
    browser.textIn(By.cssSelector("#details a.source-link"), TECNOSTRUTTURA_TITLE);
    assertThat(browser.visible(By.id("details")).getText())
        .contains("coordinamento") // Toscana's role in ESFCoNet, in Italian
        .contains("2007-2013");
    assertThat(placedLabelsOverlap()).as("labels at rest overlap").isEmpty();
    browser.screenshot("explore-esfconet");

    // a click on a neighbour expands it: Toscana brings Italia
    browser.driver().findElement(By.cssSelector("g.node[data-id=toscana]")).click();
    browser.until(d -> nodeIds().contains("italy"));
    browser.textIn(By.id("details-heading"), "Toscana");
    browser.graphAtRest();
    assertThat(placedLabelsOverlap()).as("labels at rest overlap").isEmpty();
    browser.screenshot("explore-expanded");

    // export: the downloads are caught in the page and read back
    browser.script(CATCH_DOWNLOADS);
    browser.driver().findElement(By.id("export-svg")).click();
    browser.driver().findElement(By.id("export-png")).click();
    browser.until(d -> browser.script("return window.__downloads.length === 2"));
    Map<String, Object> files = Browser.map(browser.asyncScript(READ_DOWNLOADS));
    assertThat((String) files.get("netmap.svg"))
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains(">Toscana</text>")
        .contains("<title>Italia</title>");
    assertThat((String) files.get("netmap.png")).startsWith("\u0089PNG");
    assertThat(num(files.get("netmap.png.size"))).isGreaterThan(5000);

    // undo the expand
    browser.driver().findElement(By.id("undo")).click();
    browser.until(d -> !nodeIds().contains("italy"));
    assertThat(nodeIds()).hasSize(13);
  }

  @Test
  void shouldShowTheFullDetailsOfANodeFromTheCompactWholeGraph() {
    browser.open("/#/explore");
    browser.script(
        "const s = document.querySelector('#whole-limit'); s.value = '500';"
            + " s.dispatchEvent(new Event('change'))");
    browser.driver().findElement(By.id("whole")).click();
    browser.present(By.cssSelector("g.node[data-id=esfconet]"));
    browser.graphAtRest();
    // ESFCoNet expands on click; Toscana, chosen from its relations, is only selected: its
    // properties and the roles of its other links come from the API, not from the compact graph
    browser.driver().findElement(By.cssSelector("g.node[data-id=esfconet]")).click();
    browser.textIn(By.id("details-heading"), "ESFCoNet");
    browser.visible(By.cssSelector("#details a.node-link[data-id=toscana]")).click();
    browser.textIn(By.id("details-heading"), "Toscana");
    browser.until(d -> browser.visible(By.id("details")).getText().contains("ITI1"));
    browser.until(
        d ->
            !d.findElements(
                    By.xpath(
                        "//aside[@id='details']//li[a[@data-id='fare-rete-per-l-inclusione-sociale']]"
                            + "/span[@class='role']"))
                .isEmpty());
  }

  @Test
  void shouldSwitchLanguage() {
    browser.open("/#/explore?node=esfconet");
    browser.textIn(By.id("details-heading"), "ESFCoNet");
    assertThat(navTexts())
        .containsExactly("Esplora", "Analisi", "Fonti", "Mappa", "Pianifica", "Query", "Dati");

    browser.driver().findElement(By.id("lang-switch")).click();
    assertThat(navTexts())
        .containsExactly("Explore", "Analytics", "Sources", "Map", "Planner", "Query", "Data");
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    browser.textIn(By.id("details-heading"), "ESF Cooperation Network");
    browser.textIn(By.cssSelector("#details a.source-link"), TECNOSTRUTTURA_TITLE_EN);
    assertThat(
            browser.script(
                "return document.querySelector('text.label[data-id=esfconet]').textContent"))
        .isEqualTo("ESF Cooperation Network");
    browser.graphAtRest();
    browser.screenshot("explore-english");

    // the choice is kept
    browser.open("/#/sources");
    browser.textIn(By.tagName("h1"), "Data sources");
    browser.driver().findElement(By.id("lang-switch")).click();
    browser.textIn(By.tagName("h1"), "Fonti dei dati");
  }

  @Test
  void shouldSaveAndRestoreTheLayout() {
    browser.open("/#/explore?node=esfconet");
    browser.until(d -> nodeIds().size() == 13);
    browser.graphAtRest();
    Map<String, Object> before = Browser.map(browser.script(POSITIONS));
    browser.driver().findElement(By.id("save")).click();
    String url = browser.driver().getCurrentUrl();
    assertThat(url).contains("#/explore?view=");

    browser.open(url.substring(url.indexOf("/#")));
    browser.driver().navigate().refresh();
    browser.until(d -> nodeIds().size() == 13);
    browser.graphAtRest();
    Map<String, Object> after = Browser.map(browser.script(POSITIONS));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String id : before.keySet()) {
      List<?> a = (List<?>) before.get(id);
      List<?> b = (List<?>) after.get(id);
      assertThat(num(b.get(0)))
          .as(id + " x")
          .isCloseTo(num(a.get(0)), org.assertj.core.data.Offset.offset(0.5));
      assertThat(num(b.get(1)))
          .as(id + " y")
          .isCloseTo(num(a.get(1)), org.assertj.core.data.Offset.offset(0.5));
    }
  }

  @Test
  void shouldShowHubsOnTheAnalyticsPage() {
    browser.open("/#/analytics");
    browser.present(By.cssSelector("#analytics-graph g.node[data-id=esfconet]"));
    Api.Response hubs = api.get("/api/analytics/hubs?view=two-mode&metric=degree&limit=50");
    if (hubs.status() == 404) {
      // the analytics API is built on another branch: the page must say so plainly
      browser.textIn(By.id("analytics-panel"), "non è ancora disponibile");
      browser.graphAtRest();
      browser.screenshot("analytics");
      Assumptions.abort(
          "GET /api/analytics/hubs answers 404 on this branch: the hub assertions run once the"
              + " analytics API is merged");
    }
    assertThat(hubs.status()).isEqualTo(200);
    JsonNode first = hubs.json().get("items").get(0);
    By firstRow = By.cssSelector("#analytics-panel table.data tbody tr");
    browser.visible(firstRow);
    WebElement row = browser.driver().findElement(firstRow);
    assertThat(row.getAttribute("data-id")).isEqualTo(first.get("id").asString());
    row.click();
    browser.until(
        d ->
            browser.script(
                "return document.querySelectorAll('#analytics-graph g.node.highlighted').length > 0"));
    browser.graphAtRest();
    browser.screenshot("analytics");

    // gaps: several tables; communities colour the graph
    browser.driver().findElement(By.id("tab-gaps")).click();
    browser.visible(By.cssSelector("#analytics-panel table.data[data-table=cutpoints]"));
    browser.screenshot("analytics-gaps");
    browser.driver().findElement(By.id("tab-communities")).click();
    browser.visible(By.cssSelector("#analytics-panel table.data[data-table=communities]"));
    browser.driver().findElement(By.id("colour-communities")).click();
    browser.until(
        d ->
            (Long)
                    browser.script(
                        "return new Set([...document.querySelectorAll('#analytics-graph path.shape')]"
                            + ".map(p => p.getAttribute('fill'))).size")
                > 5);
    browser.graphAtRest();
    browser.screenshot("analytics-communities");
  }

  @Test
  void shouldListTheSourcesWithWhatTheySupport() {
    JsonNode graph = api.get("/api/graph?limit=1000").json();
    long supported = 0;
    for (JsonNode node : graph.get("nodes")) {
      JsonNode sources = node.get("properties").get("sources");
      if (sources != null && sources.toString().contains("\"src-tecnostruttura-2011\"")) {
        supported++;
      }
    }
    browser.open("/#/sources?id=src-tecnostruttura-2011");
    WebElement card = browser.visible(By.id("source-src-tecnostruttura-2011"));
    assertThat(browser.driver().findElements(By.cssSelector("article.source-card"))).hasSize(5);
    assertThat(card.getText())
        .contains(TECNOSTRUTTURA_TITLE)
        .contains("Tecnostruttura delle Regioni per il Fondo Sociale Europeo")
        .contains("Sostiene " + supported + " nodi");
    assertThat(card.getAttribute("class")).contains("current");
    browser.screenshot("sources");
  }

  @Test
  void shouldFitANarrowScreen() {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/#/explore?node=esfconet");
    browser.until(d -> nodeIds().size() == 13);
    browser.graphAtRest();
    assertThat(
            (Boolean)
                browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("no sideways scrolling")
        .isTrue();
    browser.screenshot("explore-mobile");
    browser.open("/#/analytics");
    browser.present(By.cssSelector("#analytics-graph g.node"));
    browser.visible(By.cssSelector("#analytics-panel table.data, #analytics-panel .message"));
    browser.graphAtRest();
    browser.screenshot("analytics-mobile");
  }

  @Test
  void shouldDrawBigGraphsOnCanvas() {
    long start = System.nanoTime();
    browser.open("/#/explore?demo=5000");
    browser.present(By.cssSelector(".graph-view[data-mode=canvas]"));
    browser.until(
        d ->
            browser.script(
                "return document.querySelector('.graph-view[data-state=rest]') !== null"));
    double layoutSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> frames = Browser.map(browser.asyncScript(ZOOM_FRAMES, 40));
    System.out.printf(
        "5,000 nodes on canvas: laid out in %.1f s; while zooming a frame drew in %.1f ms on"
            + " average; frame interval mean %.1f ms, p95 %.1f ms%n",
        layoutSeconds, num(frames.get("paint")), num(frames.get("mean")), num(frames.get("p95")));
    assertThat(status()).contains("5000 nodi").contains("canvas");
    // the drawing itself, not the frame rate, which a busy build machine makes noisy
    assertThat(num(frames.get("paint"))).as("mean draw time while zooming (ms)").isLessThan(50);
    browser.screenshot("explore-canvas-5000");

    start = System.nanoTime();
    browser.open("/#/explore?demo=50000");
    browser.driver().navigate().refresh();
    browser.until(d -> status().contains("50.000 nodi"), Duration.ofSeconds(90));
    browser.until(
        d ->
            browser.script(
                "return document.querySelector('.graph-view[data-state=rest]') !== null"),
        Duration.ofSeconds(90));
    double bigSeconds = (System.nanoTime() - start) / 1e9;
    // "must at least draw": the time of one full drawing, not a zoom, which a busy machine
    // can stretch past the script time-out
    double paint =
        Double.parseDouble(
            String.valueOf(
                browser.script("return document.querySelector('.graph-view').dataset.paintMs")));
    System.out.printf(
        "50,000 nodes on canvas: drawn and laid out in %.1f s; one full drawing %.1f ms%n",
        bigSeconds, paint);
    assertThat(browser.script(INKED)).as("the canvas has drawn something").isEqualTo(true);
    browser.screenshot("explore-canvas-50000");
  }

  @Test
  void shouldSelectTheNodeUnderTheCursorOnCanvas() {
    browser.open("/#/explore?demo=2000");
    browser.present(By.cssSelector(".graph-view[data-mode=canvas]"));
    browser.until(d -> status().contains("2000 nodi"), Duration.ofSeconds(60));
    browser.until(
        d ->
            browser.script(
                "return document.querySelector('.graph-view[data-state=rest]') !== null"),
        Duration.ofSeconds(60));
    // zoom in on the middle, so that shapes are big enough to aim at
    browser.script(
        """
        const c = document.querySelector('canvas.graph-canvas');
        const r = c.getBoundingClientRect();
        for (let i = 0; i < 6; i++) c.dispatchEvent(new WheelEvent('wheel', { deltaY: -200,
          clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true }));
        """);
    browser.script("return new Promise((r) => setTimeout(r, 1200))");
    // a spot deep inside a Project's triangle (its colour all around): the node under the cursor
    @SuppressWarnings("unchecked")
    List<Number> spot = (List<Number>) browser.script(PROJECT_SPOT);
    assertThat(spot).as("a project drawn on the canvas").isNotNull();
    new org.openqa.selenium.interactions.Actions(browser.driver())
        .moveToLocation(spot.get(0).intValue(), spot.get(1).intValue())
        .click()
        .perform();
    browser.until(
        d ->
            browser
                .driver()
                .findElement(By.id("details-heading"))
                .getText()
                .matches("Project \\d+"));
    assertThat(browser.script("return document.querySelector('.graph-view').dataset.mode"))
        .isEqualTo("canvas");
  }

  /** The viewport point in the middle of a 7 × 7 pixel block of the Project colour, or null. */
  private static final String PROJECT_SPOT =
      """
      const c = document.querySelector('canvas.graph-canvas');
      const box = c.getBoundingClientRect();
      const ratio = c.width / box.width;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const project = (x, y) => {
        const i = (y * c.width + x) * 4;
        return Math.abs(data[i] - 0xaa) < 8 && Math.abs(data[i + 1] - 0x44) < 8 && Math.abs(data[i + 2] - 0x99) < 8;
      };
      const h = Math.round(3 * ratio);
      for (let y = h + 20; y < c.height - h - 20; y += 2) {
        for (let x = h + 20; x < c.width - h - 20; x += 2) {
          let all = true;
          for (let dy = -h; dy <= h && all; dy++) for (let dx = -h; dx <= h && all; dx++) all = project(x + dx, y + dy);
          if (all) return [Math.round(box.left + x / ratio), Math.round(box.top + y / ratio)];
        }
      }
      return null;
      """;

  private String status() {
    return String.valueOf(
        browser.script("return document.querySelector('.status')?.textContent ?? ''"));
  }

  private List<String> nodeIds() {
    Object ids =
        browser.script(
            "return [...document.querySelectorAll('#graph g.node:not(.stub)')].map(g => g.dataset.id)");
    List<String> out = new ArrayList<>();
    for (Object id : (List<?>) ids) {
      out.add(String.valueOf(id));
    }
    return out;
  }

  private List<String> navTexts() {
    return browser.driver().findElements(By.cssSelector("#nav a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Pairs of visible labels whose boxes overlap on screen. */
  @SuppressWarnings("unchecked")
  private List<String> placedLabelsOverlap() {
    return (List<String>)
        browser.script(
            """
            const boxes = [...document.querySelectorAll('#graph text.label:not(.hidden)')]
              .map(t => [t.dataset.id, t.getBoundingClientRect()]);
            const out = [];
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i][1], b = boxes[j][1];
                if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                  out.push(boxes[i][0] + ' / ' + boxes[j][0]);
              }
            return out;
            """);
  }

  private static double num(Object value) {
    return ((Number) value).doubleValue();
  }

  private static final String POSITIONS =
      """
      const out = {};
      for (const g of document.querySelectorAll('#graph g.node:not(.stub)')) {
        const m = /translate\\(([-\\d.e]+),([-\\d.e]+)\\)/.exec(g.getAttribute('transform'));
        out[g.dataset.id] = [Number(m[1]), Number(m[2])];
      }
      return out;
      """;

  /** Zooms the canvas with wheel events, one a frame, and measures the frame and draw times. */
  private static final String ZOOM_FRAMES =
      """
      const done = arguments[arguments.length - 1];
      const canvas = document.querySelector('canvas.graph-canvas');
      const r = canvas.getBoundingClientRect();
      const count = arguments[0];
      const view = document.querySelector('.graph-view');
      const times = [];
      const paints = [];
      let last = performance.now();
      let i = 0;
      function frame(now) {
        times.push(now - last);
        paints.push(Number(view.dataset.paintMs));
        last = now;
        canvas.dispatchEvent(new WheelEvent('wheel', {
          deltaY: i < count / 2 ? -60 : 60, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
          bubbles: true, cancelable: true }));
        if (++i < count) requestAnimationFrame(frame);
        else {
          const s = times.slice(1).sort((a, b) => a - b);
          const p = paints.slice(1);
          done({ mean: s.reduce((a, b) => a + b, 0) / s.length, p95: s[Math.floor(s.length * 0.95)],
                 paint: p.reduce((a, b) => a + b, 0) / p.length });
        }
      }
      requestAnimationFrame(frame);
      """;

  private static final String CATCH_DOWNLOADS =
      """
      window.__downloads = [];
      HTMLAnchorElement.prototype.click = function () {
        if (this.download) window.__downloads.push([this.download, this.href]);
      };
      """;

  private static final String READ_DOWNLOADS =
      """
      const done = arguments[arguments.length - 1];
      (async () => {
        const out = {};
        for (const [name, href] of window.__downloads) {
          const blob = await (await fetch(href)).blob();
          const bytes = new Uint8Array(await blob.arrayBuffer());
          out[name] = name.endsWith('.png') ? String.fromCharCode(...bytes.slice(0, 4)) : await blob.text();
          out[name + '.size'] = bytes.length;
        }
        done(out);
      })();
      """;

  private static final String INKED =
      """
      const c = document.querySelector('canvas.graph-canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 0; i < d.length; i += 4 * 97) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) inked++;
      return inked > 100;
      """;

  @Test
  void shouldRunAnExampleQueryShowRowsAndExplainARefusal() {
    browser.open("/#/query");
    browser.present(By.cssSelector(".query-page .CodeMirror"));
    new org.openqa.selenium.support.ui.Select(browser.visible(By.id("cypher-examples")))
        .selectByValue("secretariats");
    browser.visible(By.id("cypher-run")).click();
    browser.until(d -> d.findElements(By.cssSelector(".result-table tbody tr")).size() == 4);
    assertThat(browser.visible(By.cssSelector(".result-table tbody")).getText())
        .contains("ESFCoNet")
        .contains("Provincia Autonoma di Trento")
        .contains("secretariat");
    browser.screenshot("query");

    browser.script(
        "document.querySelector('.query-page .CodeMirror').CodeMirror"
            + ".setValue('MATCH (n) DETACH DELETE n')");
    browser.visible(By.id("cypher-run")).click();
    browser.textIn(By.cssSelector(".query-page .error"), "Refused");
    assertThat(api.get("/api/stats").json().path("nodes").path("Network").asInt()).isEqualTo(8);

    browser.open("/#/data");
    browser.visible(By.id("import-format"));
    browser.textIn(By.cssSelector(".data-page .export-links"), "GRAPHML");
    browser.screenshot("data");
  }
}
