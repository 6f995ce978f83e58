package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.NetmapApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The seed loads when its Source nodes are missing, not only into an empty database: a first start
 * without the seed loads the NUTS regions, and the seed must still come in on the next start; and
 * loading it again writes nothing twice.
 */
class SeedLoadingTests {

  @TempDir Path tmp;

  private static ConfigurableApplicationContext start(Path dataDir, boolean seed) {
    return new SpringApplicationBuilder(NetmapApplication.class)
        .run(
            "--server.port=0",
            "--netmap.data-dir=" + dataDir,
            "--netmap.neo4j.embedded.bolt-port=0",
            "--spring.main.banner-mode=off",
            "--netmap.seed.enabled=" + seed);
  }

  private static long count(ConfigurableApplicationContext app, String query) {
    try (Session session = app.getBean(Driver.class).session()) {
      return session.run(query).single().get(0).asLong();
    }
  }

  private static Object value(ConfigurableApplicationContext app, String query) {
    try (Session session = app.getBean(Driver.class).session()) {
      return session.run(query).single().get(0).asObject();
    }
  }

  private static final String SEED_SOURCES =
      "MATCH (s:Source) WHERE s.id <> 'src-gisco-nuts-2021' RETURN count(s)";

  @Test
  void shouldLoadTheSeedAfterAStartWithoutItAndNeverTwice() {
    Path dataDir = tmp.resolve("data");
    try (var app = start(dataDir, false)) {
      assertThat(count(app, "MATCH (r:Region) WHERE r.id STARTS WITH 'nuts-' RETURN count(r)"))
          .isEqualTo(2007);
      assertThat(count(app, SEED_SOURCES)).isZero();
      assertThat(count(app, "MATCH (o:Organisation) RETURN count(o)")).isZero();
    }

    long nodes;
    long relationships;
    try (var app = start(dataDir, true)) {
      // the five seed documents, their 14 organisations, and Toscana linked to its NUTS region
      assertThat(count(app, SEED_SOURCES)).isEqualTo(5);
      assertThat(count(app, "MATCH (o:Organisation) RETURN count(o)")).isEqualTo(14);
      assertThat(value(app, "MATCH (r:Region {id: 'toscana'}) RETURN r.nutsNode"))
          .isEqualTo("nuts-iti1");
      nodes = count(app, "MATCH (n) RETURN count(n)");
      relationships = count(app, "MATCH ()-[r]->() RETURN count(r)");

      // one seed source gone: the seed is written again, and nothing is there twice
      try (Session session = app.getBean(Driver.class).session()) {
        session
            .run(
                "MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", "src-morethanajob-2020"))
            .consume();
      }
      app.getBean(GraphSetup.class).setUp();
      assertThat(count(app, SEED_SOURCES)).isEqualTo(5);
      assertThat(count(app, "MATCH (n) RETURN count(n)")).isEqualTo(nodes);
      assertThat(count(app, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }

    try (var app = start(dataDir, true)) {
      assertThat(count(app, "MATCH (n) RETURN count(n)")).isEqualTo(nodes);
      assertThat(count(app, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }
  }
}
