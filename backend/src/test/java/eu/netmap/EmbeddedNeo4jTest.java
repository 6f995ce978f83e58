package eu.netmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the running app on a real embedded Neo4j loaded with the seed
 * dataset. Bolt and HTTP take free ports and the data lives in a fresh temporary directory, so
 * builds can run side by side; Spring caches the context, so all such test classes share one
 * database per JVM. Tests must leave the seed data as they found it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedNeo4jTest {

  /** The password of the user {@code admin} in tests. */
  protected static final String ADMIN_PASSWORD = "test-admin-pw";

  /** The data directory of the shared test database. */
  protected static final Path DATA_DIR = tempDir();

  @DynamicPropertySource
  static void embeddedNeo4j(DynamicPropertyRegistry registry) {
    registry.add("netmap.data-dir", DATA_DIR::toString);
    registry.add("netmap.neo4j.embedded.bolt-port", () -> "0");
    // short console limits, so tests can reach them quickly
    registry.add("netmap.cypher.timeout", () -> "2s");
    registry.add("netmap.cypher.max-rows", () -> "1000");
    registry.add("netmap.security.admin-password", () -> ADMIN_PASSWORD);
    // the seed alone: tests count its nodes; NutsLoaderTests loads the NUTS list and removes it
    registry.add("netmap.regions.load-nuts", () -> "false");
    // the API answers at once: no 202 "still computing" unless a test asks for it (wait=0)
    registry.add("netmap.analytics.max-wait", () -> "120s");
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("netmap-test-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
