package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.NetmapApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starting and stopping the app on the embedded database: data survives a restart, and the failures
 * users meet get one clear sentence.
 */
class StartupTests {

  @TempDir Path tmp;

  private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
    // Spring joins repeated command-line options with commas, so an option given in extra
    // replaces the default here instead of being added to it.
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg :
        List.of(
            "--server.port=0",
            "--netmap.data-dir=" + dataDir,
            "--netmap.neo4j.embedded.bolt-port=0",
            "--spring.main.banner-mode=off")) {
      args.put(arg.substring(0, arg.indexOf('=')), arg);
    }
    for (String arg : extra) {
      args.put(arg.substring(0, arg.indexOf('=')), arg);
    }
    return new SpringApplicationBuilder(NetmapApplication.class)
        .run(args.values().toArray(String[]::new));
  }

  private static long count(ConfigurableApplicationContext app, String query) {
    try (Session session = app.getBean(Driver.class).session()) {
      return session.run(query).single().get(0).asLong();
    }
  }

  @Test
  void shouldKeepDataAcrossARestartAndNotLoadTheSeedTwice() {
    Path dataDir = tmp.resolve("data");
    long nodes;
    long relationships;
    try (var app = start(dataDir)) {
      nodes = count(app, "MATCH (n) RETURN count(n)");
      relationships = count(app, "MATCH ()-[r]->() RETURN count(r)");
      try (Session session = app.getBean(Driver.class).session()) {
        session
            .run("CREATE (:Organisation {id: 'restart-marker', name: 'Restart marker'})")
            .consume();
      }
    }
    assertThat(nodes).isGreaterThan(40);

    try (var app = start(dataDir)) {
      assertThat(count(app, "MATCH (n:Organisation {id: 'restart-marker'}) RETURN count(n)"))
          .isEqualTo(1);
      assertThat(count(app, "MATCH (n) RETURN count(n)")).isEqualTo(nodes + 1);
      assertThat(count(app, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }
  }

  @Test
  void shouldSayWhichBoltPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> start(tmp.resolve("data"), "--netmap.neo4j.embedded.bolt-port=" + port).close())
          .hasRootCauseInstanceOf(java.net.BindException.class)
          .satisfies(
              e ->
                  assertThat(startupCause(e).getMessage())
                      .isEqualTo("Bolt port " + port + " on 127.0.0.1 is already in use."));
    }
  }

  @Test
  void shouldSayTheDataDirectoryIsLockedByAnotherInstance() {
    Path dataDir = tmp.resolve("data");
    try (var first = start(dataDir, "--netmap.seed.enabled=false")) {
      assertThatThrownBy(() -> start(dataDir, "--netmap.seed.enabled=false").close())
          .satisfies(
              e ->
                  assertThat(startupCause(e).getMessage())
                      .contains("is locked by another running netmap or Neo4j"));
      assertThat(first.isActive()).isTrue();
    }
  }

  @Test
  void shouldSayTheDataDirectoryCannotBeCreated() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    assertThatThrownBy(() -> start(file.resolve("data")).close())
        .satisfies(
            e ->
                assertThat(startupCause(e).getMessage())
                    .startsWith("Cannot create the data directory"));
  }

  @Test
  void shouldRefuseToOpenBoltBeyondLoopbackWithoutAPassword() {
    assertThatThrownBy(
            () ->
                start(tmp.resolve("data"), "--netmap.neo4j.embedded.bolt-address=0.0.0.0").close())
        .satisfies(
            e -> {
              StartupException cause = startupCause(e);
              assertThat(cause.getMessage()).contains("without a password");
              assertThat(cause.action()).contains("netmap.neo4j.embedded.password");
            });
  }

  @Test
  void shouldRequireTheBoltPasswordWhenOneIsSet() {
    try (var app =
        start(
            tmp.resolve("data"),
            "--netmap.seed.enabled=false",
            "--netmap.neo4j.embedded.password=secret-password")) {
      String uri = "bolt://127.0.0.1:" + boltPort(app);
      try (Driver anonymous =
          org.neo4j.driver.GraphDatabase.driver(uri, org.neo4j.driver.AuthTokens.none())) {
        assertThatThrownBy(anonymous::verifyConnectivity)
            .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
      }
      try (Driver user =
          org.neo4j.driver.GraphDatabase.driver(
              uri, org.neo4j.driver.AuthTokens.basic("neo4j", "secret-password"))) {
        user.verifyConnectivity();
      }
    }
  }

  @Test
  void shouldSayTheExternalServerIsUnreachable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                start(tmp.resolve("data"), "--spring.neo4j.uri=bolt://127.0.0.1:" + closed).close())
        .satisfies(
            e ->
                assertThat(startupCause(e).getMessage())
                    .startsWith("Cannot reach the Neo4j server at bolt://127.0.0.1:" + closed));
    assertThat(tmp.resolve("data")).doesNotExist();
  }

  private static int boltPort(ConfigurableApplicationContext app) {
    String uri =
        EmbeddedNeo4jConfiguration.boltUri(
            app.getBean(org.neo4j.dbms.api.DatabaseManagementService.class),
            app.getBean(NetmapProperties.class).neo4j().embedded());
    return Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
  }

  private static StartupException startupCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StartupException startup) {
        return startup;
      }
    }
    throw new AssertionError("no StartupException in the cause chain", e);
  }
}
