package eu.netmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.NetmapApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Accounts live in their own store under the data directory and survive restarts, as the graph
 * does; the first admin's password is generated and printed once, kept on later starts, and
 * replaced when {@code netmap.security.admin-password} is set.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountsRestartTests {

  private static final Pattern PRINTED = Pattern.compile("the password of user 'admin' is: (\\S+)");

  @TempDir Path tmp;

  private ConfigurableApplicationContext start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--netmap.data-dir=" + tmp.resolve("data"),
                "--netmap.neo4j.embedded.bolt-port=0",
                "--netmap.regions.load-nuts=false",
                "--netmap.backup.enabled=false",
                "--spring.main.banner-mode=off"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(NetmapApplication.class).run(args.toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext app) {
    return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  private static int status(ConfigurableApplicationContext app, String user, String password) {
    return Logins.send(api(app), "GET", "/api/me", null, user, password).status();
  }

  @Test
  void shouldKeepUsersAndTheGraphAcrossRestarts(CapturedOutput output) {
    String generated;
    try (var app = start()) {
      Matcher printed = PRINTED.matcher(output.getOut());
      assertThat(printed.find()).isTrue();
      generated = printed.group(1);
      assertThat(generated).hasSize(24);
      assertThat(status(app, "admin", generated)).isEqualTo(200);
      assertThat(
              Logins.send(
                      api(app),
                      "POST",
                      "/api/users",
                      "{\"username\":\"kept\",\"password\":\"restart-pw-12345\",\"role\":\"EDITOR\"}",
                      "admin",
                      generated)
                  .status())
          .isEqualTo(201);
      try (var session = app.getBean(Driver.class).session()) {
        session.run("CREATE (:Organisation {id: 'restart-kept', name: 'Kept'})").consume();
      }
      // the accounts are not in the graph: not over Bolt, not in the console
      try (var session = app.getBean(Driver.class).session()) {
        assertThat(session.run("MATCH (u:User) RETURN count(u)").single().get(0).asLong()).isZero();
      }
    }
    int printedBefore = output.getOut().split("the password of user 'admin' is").length;

    try (var app = start()) {
      // not printed again, still valid; the other user and the graph are kept
      assertThat(output.getOut().split("the password of user 'admin' is").length)
          .isEqualTo(printedBefore);
      assertThat(status(app, "admin", generated)).isEqualTo(200);
      assertThat(
              Logins.send(api(app), "GET", "/api/me", null, "kept", "restart-pw-12345")
                  .json()
                  .path("role")
                  .asString())
          .isEqualTo("EDITOR");
      assertThat(api(app).get("/api/nodes/restart-kept").status()).isEqualTo(200);
    }

    try (var app = start("--netmap.security.admin-password=from-the-property")) {
      // the property wins over the stored password
      assertThat(status(app, "admin", "from-the-property")).isEqualTo(200);
      assertThat(status(app, "admin", generated)).isEqualTo(401);
      assertThat(status(app, "kept", "restart-pw-12345")).isEqualTo(200);
    }
  }
}
