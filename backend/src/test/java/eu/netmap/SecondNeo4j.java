package eu.netmap;

import eu.netmap.importer.GraphModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A second, empty embedded Neo4j (temporary directory, Bolt on a free loopback port, the netmap
 * constraints) to import into: the app's shared test database cannot be wiped.
 */
public final class SecondNeo4j implements AutoCloseable {

  private final Path home;
  private final DatabaseManagementService service;
  private final Driver driver;
  private final int port;

  public SecondNeo4j() {
    try {
      home = Files.createTempDirectory("netmap-second-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service =
        new DatabaseManagementServiceBuilder(home)
            // no usage report to Neo4j's servers: netmap makes no calls beyond this machine
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
            .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .build();
    port =
        ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
    driver =
        GraphDatabase.driver(
            "bolt://127.0.0.1:" + port,
            AuthTokens.none(),
            Config.builder().withoutEncryption().build());
    try (Session session = driver.session()) {
      for (String label : GraphModel.LABELS) {
        session.run(
            "CREATE CONSTRAINT IF NOT EXISTS FOR (n:`" + label + "`) REQUIRE n.id IS UNIQUE");
      }
    }
  }

  public Driver driver() {
    return driver;
  }

  /** The loopback port its Bolt connector listens on. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    driver.close();
    service.shutdown();
  }

  /**
   * Everything a database holds, as sorted lines: each node with all its labels and properties
   * (values with their types), each relationship with its ends' ids, its type and properties.
   */
  public static List<String> fingerprint(Driver driver) {
    List<String> lines = new ArrayList<>();
    try (Session session = driver.session()) {
      session
          .run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
          .forEachRemaining(
              r ->
                  lines.add(
                      "node "
                          + r.get("labels").asList(Value::asString).stream().sorted().toList()
                          + " "
                          + typed(r.get("props").asMap())));
      session
          .run(
              "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b,"
                  + " properties(r) AS props")
          .forEachRemaining(
              r ->
                  lines.add(
                      "rel "
                          + r.get("a").asString(null)
                          + " "
                          + r.get("type").asString()
                          + " "
                          + r.get("b").asString(null)
                          + " "
                          + typed(r.get("props").asMap())));
    }
    Collections.sort(lines);
    return lines;
  }

  private static String typed(Map<String, Object> properties) {
    Map<String, String> sorted = new TreeMap<>();
    properties.forEach(
        (key, value) -> sorted.put(key, value.getClass().getSimpleName() + ":" + value));
    return sorted.toString();
  }
}
