package eu.netmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.Browser;
import eu.netmap.EmbeddedNeo4jTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Map and Planner pages in a real headless Chromium against the app with the seed data: NUTS
 * shapes, colours by measure, arcs by weight, hover and click, zoom, periods, the timeline and the
 * credits; the planner's ranked list against the API, its map, its CSV and its one-page printed
 * summary. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPlannerBrowserTests extends EmbeddedNeo4jTest {

  private static final String CREDITS =
      "© EuroGeographics for the administrative boundaries (Eurostat GISCO)";

  @LocalServerPort int port;

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

  @BeforeEach
  void freshPage() {
    browser.freshPage(1280, 900, "it", "/");
  }

  @AfterEach
  void noConsoleErrors() {
    // the app has no favicon: Chromium asks for one anyway
    assertThat(browser.consoleErrors(List.of("favicon.ico"))).isEmpty();
  }

  /** Nothing on the page (outside drawings) reaches beyond the window's right edge. */
  private boolean fitsTheWidth() {
    return (Boolean)
        browser.script(
            """
            const w = window.innerWidth + 1;
            return document.documentElement.scrollWidth <= w
              && [...document.querySelectorAll('main *')]
                .filter((e) => !e.closest('svg') || e.tagName === 'svg')
                .every((e) => e.getBoundingClientRect().right <= w);
            """);
  }

  private long count(String css) {
    return ((Number) browser.script("return document.querySelectorAll(arguments[0]).length", css))
        .longValue();
  }

  private String attribute(String css, String name) {
    return browser.driver().findElement(By.cssSelector(css)).getAttribute(name);
  }

  private String fill(String css) {
    return (String)
        browser.script("return getComputedStyle(document.querySelector(arguments[0])).fill", css);
  }

  private double width(String css) {
    return ((Number)
            browser.script("return document.querySelector(arguments[0]).getBBox().width", css))
        .doubleValue();
  }

  private void fire(String css, String event) {
    browser.script(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent(arguments[1],"
            + " {bubbles: true}))",
        css,
        event);
  }

  private void waitForArcs(int n) {
    browser.until(d -> count("path.map-arc") == n);
  }

  @Test
  void shouldDrawRegionsArcsAndThePanelOfTheMap() {
    browser.open("/#/map");
    browser.textIn(By.cssSelector("main h2"), "Mappa delle regioni");
    // every tie of the seed joins two regions with a NUTS code: 17 arcs
    waitForArcs(17);
    assertThat(count("path.map-region")).isEqualTo(333); // the NUTS 2021 level 2 shapes
    assertThat(count("path.map-country")).isEqualTo(37);
    assertThat(browser.visible(By.id("map-credits")).getText()).isEqualTo(CREDITS);
    assertThat(browser.visible(By.id("map-unmapped")).getText()).endsWith("Al-Urdun, Amman");

    // width = 1 + 2 × weight: COM-IN and its network tie Veneto and Slovenija twice
    assertThat(attribute("path.map-arc[data-source=slovenia][data-target=veneto]", "stroke-width"))
        .isEqualTo("5");
    assertThat(attribute("path.map-arc[data-source=finland][data-target=toscana]", "stroke-width"))
        .isEqualTo("3");

    // colours: Toscana 4 of 6 ties, then 2 of 9 networks and projects; Italy's sum is not painted
    // under its regions, Finland (no region of its own in the data) is, France (no ties) lightly
    String byTies = fill("path.map-region[data-nuts=ITI1]");
    String noData = fill("path.map-country[data-nuts=DE]"); // Germany: not in the seed
    assertThat(fill("path.map-country[data-nuts=IT]")).isEqualTo(noData);
    assertThat(fill("path.map-country[data-nuts=FI]")).isNotEqualTo(noData);
    assertThat(fill("path.map-country[data-nuts=FR]"))
        .isNotEqualTo(noData)
        .isNotEqualTo(fill("path.map-country[data-nuts=FI]"));
    assertThat(browser.visible(By.id("map-legend")).getText()).contains("Numero di legami: 0", "6");
    new Select(browser.visible(By.id("map-measure"))).selectByValue("collaborations");
    browser.until(d -> !fill("path.map-region[data-nuts=ITI1]").equals(byTies));
    assertThat(browser.visible(By.id("map-legend")).getText()).contains("9");
    browser.screenshot("map-europe-collaborations");
    new Select(browser.visible(By.id("map-measure"))).selectByValue("ties");

    // hover names the region, its measure and collaborations
    fire("path.map-region[data-nuts=ITI1]", "mouseenter");
    assertThat(browser.visible(By.id("map-hover")).getText())
        .startsWith("Toscana (ITI1): numero di legami 4")
        .contains("ESFCoNet");

    // a click shows its networks and partners and fades the other arcs
    fire("path.map-region[data-nuts=ITI1]", "click");
    browser.textIn(By.cssSelector("#map-panel h3"), "Toscana (ITI1)");
    WebElement panel = browser.visible(By.id("map-panel"));
    assertThat(texts("#map-panel .map-networks li"))
        .hasSize(2)
        .anySatisfy(t -> assertThat(t).startsWith("ESFCoNet · 2007-2013"));
    assertThat(texts("#map-panel .map-partners button"))
        .containsExactlyInAnyOrder(
            "België / Belgique", "Provincia Autonoma di Trento", "Suomi", "Vlaanderen");
    assertThat(count("path.map-arc:not(.is-faded)")).isEqualTo(4);
    assertThat(attribute("path.map-region[data-nuts=ITI1]", "class")).contains("is-selected");
    browser.screenshot("map-toscana-selected");

    // the keyboard reaches the dots: Enter on Veneto's selects it
    // countries are diamonds, regions and places circles
    assertThat(count("path.map-dot.is-country[data-id=italy]")).isEqualTo(1);
    assertThat(count("path.map-dot.is-country[data-id=veneto]")).isZero();
    WebElement veneto = browser.present(By.cssSelector("path.map-dot[data-id=veneto]"));
    veneto.sendKeys(Keys.ENTER);
    browser.textIn(By.cssSelector("#map-panel h3"), "Veneto (ITH3)");
    assertThat(panel.getText()).contains("Slovenija", "Nova Gorica", "COM-IN");

    // the panel leads to the planner for the region
    browser.driver().findElement(By.id("map-plan")).click();
    browser.until(d -> d.getCurrentUrl().contains("#/planner?region=veneto"));
  }

  private List<String> texts(String css) {
    List<String> texts = new ArrayList<>();
    browser.driver().findElements(By.cssSelector(css)).forEach(e -> texts.add(e.getText()));
    return texts;
  }

  @Test
  void shouldZoomToItalyAndShowEachPeriodWithTheTimeline() {
    browser.open("/#/map");
    waitForArcs(17);
    double europe = width("path.map-country[data-nuts=IT]");
    browser.driver().findElement(By.id("map-zoom-italy")).click();
    browser.until(d -> width("path.map-country[data-nuts=IT]") > 3 * europe);
    assertThat(attribute("#map-zoom-italy", "aria-pressed")).isEqualTo("true");
    browser.screenshot("map-italy");
    browser.driver().findElement(By.id("map-zoom-europe")).click();
    browser.until(d -> Math.abs(width("path.map-country[data-nuts=IT]") - europe) < 1);

    // the timeline: one bar per period, the one shown marked
    browser.until(d -> count("#map-timeline rect[data-period]") == 4);
    Select period = new Select(browser.visible(By.id("map-period")));
    period.selectByValue("2021-2027");
    waitForArcs(4); // COM-IN: Veneto, Nova Gorica, Slovenija, Italia
    assertThat(attribute("#map-timeline rect[data-period='2021-2027']", "class"))
        .contains("is-current");
    assertThat(count("path.map-arc[data-source=slovenia][data-target=veneto]")).isEqualTo(1);
    browser.screenshot("map-2021-2027");
    period.selectByValue("2000-2006");
    waitForArcs(0); // Fare rete: Toscana alone
    assertThat(fill("path.map-region[data-nuts=ITI1]"))
        .isNotEqualTo(fill("path.map-country[data-nuts=DE]"));
    period.selectByValue("2007-2013");
    waitForArcs(13);
  }

  @Test
  void shouldFitTheMapOnANarrowScreen() {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/#/map");
    waitForArcs(17);
    assertThat(fitsTheWidth()).as("nothing beyond the right edge").isTrue();
    browser.screenshot("map-mobile");
    browser.open("/#/planner?region=toscana");
    browser.present(By.cssSelector("#planner-partners tbody tr"));
    browser.present(By.cssSelector("#planner-map path.is-partner"));
    assertThat(fitsTheWidth()).as("nothing beyond the right edge").isTrue();
    browser.screenshot("planner-mobile");
  }

  @Test
  void shouldAskForARegionWhenTheFieldIsEmpty() {
    browser.open("/#/planner");
    WebElement region = browser.visible(By.id("planner-region"));
    region.clear();
    browser.driver().findElement(By.id("planner-go")).click();
    assertThat(browser.visible(By.id("planner-no-region")).getText())
        .startsWith("Scrivi una regione");
    assertThat(browser.driver().findElements(By.id("planner-error"))).isEmpty();
  }

  @Test
  void shouldRankPartnersAsTheApiDoesAndShowThemOnTheMap() {
    browser.open("/#/planner");
    WebElement region = browser.visible(By.id("planner-region"));
    region.clear();
    region.sendKeys("Toscana");
    Select theme = new Select(browser.visible(By.id("planner-theme")));
    browser.until(d -> theme.getOptions().size() == 16); // any theme + the 15 of the seed
    theme.selectByValue("social-economy");
    JsonNode counts = null;
    for (JsonNode t : api.get("/api/themes").json()) {
      if (t.get("id").asString().equals("social-economy")) {
        counts = t.get("counts");
      }
    }
    int collaborations = counts.get("networks").asInt() + counts.get("projects").asInt();
    assertThat(theme.getFirstSelectedOption().getText())
        .isEqualTo("Economia sociale (" + collaborations + " reti e progetti)");
    browser.driver().findElement(By.id("planner-go")).click();
    heading("Piano di cooperazione per Toscana (ITI1) · Economia sociale");

    JsonNode plan =
        api.get("/api/planner?region=Toscana&theme=social-economy&limit=20&lang=it").json();
    List<String> ids = new ArrayList<>();
    plan.get("partners").forEach(p -> ids.add(p.get("id").asString()));
    assertThat(ids).hasSizeGreaterThan(3);
    browser.until(d -> rowIds().equals(ids));
    // the reasons as the API words them, in Italian
    List<String> firstReasons = new ArrayList<>();
    plan.get("partners")
        .get(0)
        .get("reasons")
        .forEach(r -> firstReasons.add(r.get("text").asString()));
    assertThat(texts("#planner-partners tbody tr:first-child li")).isEqualTo(firstReasons);
    assertThat(firstReasons)
        .anySatisfy(r -> assertThat(r).startsWith("lavora su economia sociale in"));

    // partners on the map: Trento's and Sicilia's shapes, Finland's country, Vlaanderen's five
    browser.present(By.cssSelector("#planner-map path.is-plan-region[data-nuts=ITI1]"));
    assertThat(count("#planner-map path.map-region.is-partner[data-nuts=ITH2]")).isEqualTo(1);
    assertThat(count("#planner-map path.map-region.is-partner[data-nuts=ITG1]")).isEqualTo(1);
    assertThat(count("#planner-map path.map-country.is-partner[data-nuts=FI]")).isEqualTo(1);
    assertThat(count("#planner-map path.map-region.is-partner[data-nuts^=BE2]")).isEqualTo(5);
    assertThat(count("#planner-map text.plan-rank")).isEqualTo(ids.size());
    assertThat(
            browser
                .driver()
                .findElement(
                    By.cssSelector("#planner-map text.plan-rank[data-id=" + ids.get(0) + "]"))
                .getText())
        .isEqualTo("1");
    assertThat(browser.visible(By.id("planner-sources")).getText()).contains(CREDITS);
    browser.screenshot("planner-toscana-social-economy");

    // the CSV link gives the same plan, in the same order
    String href = attribute("#planner-csv", "href");
    assertThat(href)
        .contains("/api/planner/csv?region=Toscana")
        .contains("theme=social-economy")
        .contains("lang=it");
    Api.Response csv = api.get(href.substring(href.indexOf("/api/")));
    assertThat(csv.status()).isEqualTo(200);
    String[] lines = csv.text().split("\r\n");
    List<String> csvIds = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("partner,")) {
        csvIds.add(line.split(",")[2]);
      }
    }
    assertThat(csvIds).isEqualTo(ids);

    // a click on the map plans for the region clicked: Piemonte, with no ties yet
    fire("#planner-map path.map-region[data-nuts=ITC1]", "click");
    heading("Piano di cooperazione per Piemonte (ITC1) · Economia sociale");
    assertThat(browser.visible(By.id("planner-notes")).getText())
        .contains("nessun legame mappato finora");
    assertThat(browser.visible(By.id("planner-none")).getText())
        .isEqualTo("Nessun partner trovato.");
    assertThat(browser.driver().getCurrentUrl()).contains("region=ITC1");
  }

  /** Waits for the plan's heading (its text, not the upper case it is shown in). */
  private void heading(String text) {
    browser.until(
        d ->
            text.equals(
                browser.script(
                    "return document.getElementById('planner-heading')?.textContent ?? null")));
  }

  private List<String> rowIds() {
    List<String> ids = new ArrayList<>();
    browser
        .driver()
        .findElements(By.cssSelector("#planner-partners tbody tr"))
        .forEach(tr -> ids.add(tr.getAttribute("data-id")));
    return ids;
  }

  @Test
  void shouldPrintTheSummaryOnOneA4PageInItalianAndEnglish() throws Exception {
    // a region with a theme; a country, whose partners include long lists of regions; every place
    // on its own, the longest list
    for (String[] c :
        List.of(
            new String[] {"en", "toscana&theme=social-inclusion", "toscana"},
            new String[] {"it", "romania", "romania"},
            new String[] {"it", "italy&fold=false", "italy"})) {
      String lang = c[0];
      browser.script("localStorage.setItem('netmap.lang', arguments[0])", lang);
      browser.open("/#/planner?region=" + c[1]);
      browser.driver().navigate().refresh();
      browser.present(By.cssSelector("#planner-partners tbody tr"));
      browser.present(By.cssSelector("#planner-map path.is-partner"));
      String head =
          browser.present(By.cssSelector(".planner-print-head")).getAttribute("textContent");
      assertThat(head)
          .contains(lang.equals("it") ? "Piano di cooperazione" : "Cooperation plan")
          .contains(lang.equals("it") ? "versione dei dati" : "data version")
          .containsPattern("[0-9a-f]{16}");
      if (!c[1].contains("theme=")) {
        // a link without a theme is planned without one, whatever the last plan's was
        assertThat(head).doesNotContain("Tema");
      }

      PrintOptions options = new PrintOptions();
      options.setPageSize(new PageSize(29.7, 21.0)); // A4, in centimetres
      options.setBackground(true);
      byte[] pdf =
          Base64.getDecoder().decode(((PrintsPage) browser.driver()).print(options).getContent());
      String name = "planner-summary-" + c[2] + "-" + lang;
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.write(Browser.SCREENSHOTS.resolve(name + ".pdf"), pdf);
      assertThat(pages(pdf)).as("pages of " + name).isEqualTo(1);

      // what the print shows, at A4's width in CSS pixels
      HasCdp cdp = (HasCdp) browser.driver();
      browser.driver().manage().window().setSize(new Dimension(794, 1123));
      cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      try {
        assertThat(
                browser.driver().findElement(By.cssSelector(".planner-print-head")).isDisplayed())
            .isTrue();
        assertThat(browser.driver().findElement(By.id("planner-form")).isDisplayed()).isFalse();
        browser.screenshot(name);
      } finally {
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
      }
    }
  }

  /** The number of pages of a PDF from Chromium (its page objects are not compressed). */
  private static int pages(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    Matcher count = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)").matcher(text);
    if (n == 0 && count.find()) {
      n = Integer.parseInt(count.group(1));
    }
    return n;
  }
}
