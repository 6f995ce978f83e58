package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.EmbeddedNeo4jTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded Neo4j sends no anonymous usage report to Neo4j's servers (it does by default, and
 * says so in its log): netmap makes no network calls beyond this machine.
 */
class NoUsageReportTests extends EmbeddedNeo4jTest {

  @Autowired DatabaseManagementService neo4j;

  @Test
  void shouldNotReportUsage() throws Exception {
    Config config =
        ((GraphDatabaseAPI) neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
            .getDependencyResolver()
            .resolveDependency(Config.class);
    assertThat(config.get(GraphDatabaseSettings.udc_enabled)).isFalse();
    try (var logs = Files.walk(DATA_DIR)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().equals("debug.log")).toList()) {
        assertThat(Files.readString(log))
            .as(log.toString())
            .doesNotContain("Usage Data is being sent");
      }
    }
  }
}
