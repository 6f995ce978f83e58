package eu.netmap.system;

import eu.netmap.graph.DataVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real Neo4j database inside the app when no external server is configured, with its Bolt
 * connector open so that Neo4j Browser, cypher-shell and drivers reach the same data. The app
 * itself talks to it through the Java driver, exactly as it would to a server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

  /**
   * The database; while {@link EarlyNeo4jStart} is still starting it, a {@link StartingNeo4j} that
   * waits for it when first used, so that Spring makes the components that only keep a reference
   * meanwhile.
   */
  @Bean(destroyMethod = "shutdown")
  DatabaseManagementService embeddedNeo4j(
      NetmapProperties properties,
      DataVersion dataVersion,
      ObjectProvider<EarlyNeo4jStart.Started> early) {
    EarlyNeo4jStart.Started started = early.getIfAvailable();
    dataVersion.seeAllWrites();
    if (started == null) {
      return watched(start(properties), dataVersion);
    }
    return new StartingNeo4j(
        () -> {
          DatabaseManagementService service = started.take(properties);
          return watched(service == null ? start(properties) : service, dataVersion);
        });
  }

  /**
   * Every commit that changed data, whoever made it (the app, the importer CLI or a Bolt client),
   * makes the caches of derived data and read answers obsolete.
   */
  private static DatabaseManagementService watched(
      DatabaseManagementService service, DataVersion dataVersion) {
    service.registerTransactionEventListener(
        GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
        new TransactionEventListenerAdapter<Object>() {
          @Override
          public void afterCommit(TransactionData data, Object state, GraphDatabaseService db) {
            dataVersion.bump();
          }
        });
    return service;
  }

  /**
   * Checks the settings, starts the database and sets the Bolt password: on the thread of {@link
   * EarlyNeo4jStart}, or on Spring's when that is off.
   */
  static DatabaseManagementService start(NetmapProperties properties) {
    NetmapProperties.Embedded embedded = properties.neo4j().embedded();
    InetAddress address = resolve(embedded.boltAddress());
    if (!address.isLoopbackAddress() && !embedded.authEnabled()) {
      throw new StartupException(
          "Bolt would listen on "
              + embedded.boltAddress()
              + ", which other machines can reach, without a password.",
          "Set netmap.neo4j.embedded.password (at least 8 characters) to require a login, or keep"
              + " netmap.neo4j.embedded.bolt-address at 127.0.0.1.");
    }
    if (embedded.authEnabled() && embedded.password().length() < 8) {
      throw new StartupException(
          "netmap.neo4j.embedded.password is shorter than 8 characters.",
          "Neo4j needs a password of at least 8 characters.");
    }
    Path home = prepareDataDir(properties.dataDir());
    checkPortFree(address, embedded.boltPort());

    long start = System.nanoTime();
    long pageCache = PageCacheSize.of(embedded.pageCache(), home);
    DatabaseManagementService service;
    try {
      service =
          new DatabaseManagementServiceBuilder(home)
              // no usage report to Neo4j's servers: netmap makes no calls beyond this machine
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(
                  BoltConnector.listen_address,
                  new SocketAddress(embedded.boltAddress(), embedded.boltPort()))
              // Boot's Netty 4.2 breaks Neo4j 5.26's in-JVM local connector; TCP Bolt is enough.
              .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, embedded.authEnabled())
              .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
              // the database shares the app's heap: one runaway query must not take all of it
              .setConfig(
                  GraphDatabaseSettings.memory_transaction_max_size,
                  Runtime.getRuntime().maxMemory() / 2)
              .build();
    } catch (RuntimeException e) {
      throw explain(e, home, embedded);
    }
    if (embedded.authEnabled()) {
      setPassword(service, embedded);
    }
    log.info(
        "Embedded Neo4j started in {} ms, data in {}, Bolt on {}, page cache {} MB",
        (System.nanoTime() - start) / 1_000_000,
        home.toAbsolutePath(),
        boltUri(service, embedded),
        pageCache >> 20);
    return service;
  }

  /** The driver; one that connects when first used while the database is still starting. */
  @Bean(destroyMethod = "close")
  Driver neo4jDriver(DatabaseManagementService embeddedNeo4j, NetmapProperties properties) {
    NetmapProperties.Embedded embedded = properties.neo4j().embedded();
    AuthToken auth =
        embedded.authEnabled()
            ? AuthTokens.basic(embedded.username(), embedded.password())
            : AuthTokens.none();
    java.util.function.Supplier<Driver> connect =
        () -> {
          Driver driver =
              GraphDatabase.driver(
                  boltUri(embeddedNeo4j, embedded),
                  auth,
                  Config.builder().withoutEncryption().build());
          driver.verifyConnectivity();
          return driver;
        };
    return embeddedNeo4j instanceof StartingNeo4j ? StartingNeo4j.driver(connect) : connect.get();
  }

  /** The bolt:// URI of the embedded database, with the port it really bound (port 0 = any). */
  static String boltUri(DatabaseManagementService service, NetmapProperties.Embedded embedded) {
    if (service instanceof StartingNeo4j starting) {
      service = starting.started();
    }
    GraphDatabaseService db = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    int port =
        ((GraphDatabaseAPI) db)
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
    String host = embedded.boltAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    } else if ("0.0.0.0".equals(host)) {
      host = "127.0.0.1";
    }
    return "bolt://" + host + ":" + port;
  }

  private static void setPassword(
      DatabaseManagementService service, NetmapProperties.Embedded embedded) {
    GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    boolean exists =
        system.executeTransactionally(
            "SHOW USERS YIELD user WHERE user = $user RETURN count(*) AS n",
            java.util.Map.of("user", embedded.username()),
            r -> ((Number) r.next().get("n")).longValue() > 0);
    system.executeTransactionally(
        exists
            ? "ALTER USER `" + embedded.username() + "` SET PASSWORD $password CHANGE NOT REQUIRED"
            : "CREATE USER `"
                + embedded.username()
                + "` SET PASSWORD $password CHANGE NOT REQUIRED",
        java.util.Map.of("password", embedded.password()));
  }

  private static InetAddress resolve(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new StartupException(
          "netmap.neo4j.embedded.bolt-address '" + host + "' is not an address of this machine.",
          "Use 127.0.0.1 (the default) or an address of one of this machine's interfaces.",
          e);
    }
  }

  private static Path prepareDataDir(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StartupException(
          "Cannot create the data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(),
          "Set netmap.data-dir to a directory this user may write to.",
          e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new StartupException(
          "The data directory " + dataDir.toAbsolutePath() + " is not writable.",
          "Set netmap.data-dir to a directory this user may write to, or fix its permissions.");
    }
    return dataDir;
  }

  private static void checkPortFree(InetAddress address, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw new StartupException(
          "Bolt port " + port + " on " + address.getHostAddress() + " is already in use.",
          "Stop the other Neo4j or netmap that uses it, or set netmap.neo4j.embedded.bolt-port to"
              + " a free port (0 picks one).",
          e);
    }
  }

  private static RuntimeException explain(
      RuntimeException e, Path home, NetmapProperties.Embedded embedded) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String type = t.getClass().getSimpleName();
      if (type.equals("FileLockException")) {
        return new StartupException(
            "The data directory "
                + home.toAbsolutePath()
                + " is locked by another running netmap or Neo4j.",
            "Stop the other instance, or set netmap.data-dir to another directory.",
            e);
      }
      if (t instanceof java.net.BindException
          || type.equals("PortBindException")
          || type.contains("BindException")) {
        return new StartupException(
            "Bolt port " + embedded.boltPort() + " on " + embedded.boltAddress() + " is in use.",
            "Stop the other Neo4j or netmap that uses it, or set netmap.neo4j.embedded.bolt-port.",
            e);
      }
      if (t instanceof java.nio.file.AccessDeniedException) {
        return new StartupException(
            "Neo4j cannot write in the data directory " + home.toAbsolutePath() + ".",
            "Set netmap.data-dir to a directory this user may write to.",
            e);
      }
    }
    return e;
  }
}
