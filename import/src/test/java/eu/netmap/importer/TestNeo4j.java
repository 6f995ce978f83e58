package eu.netmap.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A real Neo4j database for the import module's tests: embedded, in a temporary directory, Bolt on
 * a free loopback port, reached through the Java driver as the CLI reaches a server.
 */
public final class TestNeo4j implements AutoCloseable {

  private final DatabaseManagementService service;
  private final Driver driver;
  private final String uri;
  private final Path temporary;

  /** A database in a temporary directory, deleted again by {@link #close()}. */
  public TestNeo4j() {
    this(temporaryHome(), true);
  }

  /** A database in the given directory (a Neo4j home, as the app's data directory). */
  public TestNeo4j(Path home) {
    this(home, false);
  }

  private TestNeo4j(Path home, boolean temporary) {
    this.temporary = temporary ? home : null;
    service =
        new DatabaseManagementServiceBuilder(home)
            // no usage report to Neo4j's servers: netmap makes no calls beyond this machine
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
            .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .build();
    int port =
        ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
    uri = "bolt://127.0.0.1:" + port;
    driver =
        GraphDatabase.driver(uri, AuthTokens.none(), Config.builder().withoutEncryption().build());
    try (var session = driver.session()) {
      for (String label : GraphModel.LABELS) {
        session.run(
            "CREATE CONSTRAINT IF NOT EXISTS FOR (n:`" + label + "`) REQUIRE n.id IS UNIQUE");
      }
    }
  }

  private static Path temporaryHome() {
    try {
      return Files.createTempDirectory("netmap-import-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A driver connected over Bolt. */
  public Driver driver() {
    return driver;
  }

  /** The database itself, for imports through the Java API in this process. */
  public GraphDatabaseService database() {
    return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  /** The database as an import target in this process (Java API, no Bolt). */
  public ImportDatabase embedded() {
    return ImportDatabase.of(database());
  }

  /** The bolt:// URI of the database. */
  public String uri() {
    return uri;
  }

  /** Runs a query that returns one number. */
  public long count(String query) {
    try (var session = driver.session()) {
      return session.run(query).single().get(0).asLong();
    }
  }

  /** Deletes every node and relationship (constraints stay). */
  public void clear() {
    try (var session = driver.session()) {
      session.run("MATCH (n) DETACH DELETE n").consume();
    }
  }

  @Override
  public void close() {
    driver.close();
    service.shutdown();
    if (temporary != null) {
      try (Stream<Path> files = Files.walk(temporary)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
