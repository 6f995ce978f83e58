package eu.netmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Browser;
import eu.netmap.EmbeddedNeo4jTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logging in and out and the Admin page in a real headless Chromium: the login page says what went
 * wrong, the header shows who is logged in, an admin adds a user, changes its role and disables it.
 * Screenshots: target/screenshots/login*.png and admin*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsBrowserTests extends EmbeddedNeo4jTest {

  /** The failed login and the refused password on purpose show as failed resources. */
  private static final List<String> EXPECTED_CONSOLE =
      List.of(
          "the server responded with a status of 401", "the server responded with a status of 400");

  @LocalServerPort int port;
  @Autowired AccountStore accounts;
  @Autowired LoginThrottle throttle;

  private Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(port, 1280, 800);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void italian() {
    browser.driver().manage().window().setSize(new Dimension(1280, 800));
    browser.open("/login");
    browser.script("localStorage.clear(); localStorage.setItem('netmap.lang', 'it')");
    browser.driver().manage().deleteAllCookies();
    browser.consoleErrors(List.of());
  }

  @AfterEach
  void cleanUp() {
    for (Account account : accounts.list()) {
      if (account.username().startsWith("t-")) {
        accounts.delete(account.username());
      }
    }
    throttle.reset();
    assertThat(browser.consoleErrors(EXPECTED_CONSOLE)).isEmpty();
  }

  private void logIn(String username, String password) {
    browser.visible(By.id("username")).clear();
    browser.driver().findElement(By.id("username")).sendKeys(username);
    browser.driver().findElement(By.id("password")).clear();
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.driver().findElement(By.id("login-submit")).click();
  }

  @Test
  void shouldLogInManageUsersAndLogOut() {
    browser.open("/#/data");
    WebElement loginLink = browser.visible(By.id("login-link"));
    assertThat(loginLink.getText()).isEqualTo("Accedi");
    assertThat(browser.driver().findElements(By.cssSelector("#nav a[data-page=admin]"))).isEmpty();
    assertThat(browser.visible(By.id("import-login")).getText())
        .startsWith("Per importare serve l’accesso");
    assertThat(browser.driver().findElements(By.id("import-password"))).isEmpty();

    loginLink.click();
    browser.visible(By.id("login-form"));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Accesso");
    logIn("admin", "not-the-password");
    browser.textIn(By.id("login-message"), "Nome utente o password errati.");
    browser.screenshot("login-failed");

    logIn("admin", ADMIN_PASSWORD);
    browser.until(d -> d.getCurrentUrl().endsWith("/#/data"));
    assertThat(browser.visible(By.cssSelector("#account .account-name")).getText())
        .isEqualTo("admin");
    assertThat(browser.driver().findElements(By.id("import-login"))).isEmpty();

    browser.visible(By.cssSelector("#nav a[data-page=admin]")).click();
    browser.visible(By.cssSelector("#users-table tr[data-user=admin]"));
    browser.visible(By.id("new-username")).sendKeys("t-browser");
    browser.driver().findElement(By.id("new-password")).sendKeys("t-short");
    browser.driver().findElement(By.id("add-user")).click();
    browser.textIn(By.id("admin-status"), "Password non valida: servono almeno 10 caratteri");
    browser.driver().findElement(By.id("new-password")).clear();
    browser.driver().findElement(By.id("new-password")).sendKeys("browser-pw-12345");
    new Select(browser.driver().findElement(By.id("new-role"))).selectByValue("EDITOR");
    browser.driver().findElement(By.id("add-user")).click();
    browser.textIn(By.id("admin-status"), "Utente t-browser aggiunto.");
    By row = By.cssSelector("#users-table tr[data-user=t-browser]");
    browser.visible(row);
    assertThat(accounts.find("t-browser").orElseThrow().role()).isEqualTo(Role.EDITOR);

    new Select(
            browser
                .driver()
                .findElement(row)
                .findElement(By.cssSelector("select[data-field=role]")))
        .selectByValue("READER");
    browser.until(d -> accounts.find("t-browser").orElseThrow().role() == Role.READER);
    browser.visible(row).findElement(By.cssSelector("input[data-field=enabled]")).click();
    browser.until(d -> !accounts.find("t-browser").orElseThrow().enabled());
    browser.until(
        d ->
            d.findElement(row).getAttribute("class") != null
                && d.findElement(row).getAttribute("class").contains("disabled"));
    browser.textIn(By.id("admin-status"), "Utente t-browser aggiornato.");
    browser.screenshot("admin");
    browser.script("document.getElementById('restore').scrollIntoView()");
    assertThat(browser.visible(By.id("backup-download")).getAttribute("href"))
        .endsWith("/api/backup");
    browser.screenshot("admin-backup");

    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.visible(row);
    assertThat(
            (Boolean)
                browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("no sideways scrolling")
        .isTrue();
    browser.screenshot("admin-mobile");
    browser.driver().manage().window().setSize(new Dimension(1280, 800));

    browser.visible(By.id("logout")).click();
    browser.textIn(By.id("login-message"), "Sei uscito.");
    browser.screenshot("login-logged-out");
    browser.open("/#/admin");
    browser.textIn(
        By.cssSelector(".admin-page .message"), "Questa pagina è per gli amministratori.");
    assertThat(browser.driver().findElements(By.cssSelector("#nav a[data-page=admin]"))).isEmpty();
  }

  @Test
  void shouldTellADisabledUserInEnglish() {
    accounts.create("t-off", "disabled-pw-12345", Role.EDITOR, false);
    browser.open("/login");
    browser.visible(By.id("lang-switch")).click();
    browser.textIn(By.tagName("h1"), "Log in");

    logIn("t-off", "disabled-pw-12345");

    browser.textIn(By.id("login-message"), "This account is disabled: ask an administrator.");
    browser.screenshot("login-disabled-en");
  }
}
