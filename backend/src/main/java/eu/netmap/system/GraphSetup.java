package eu.netmap.system;

import eu.netmap.graph.DataVersion;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.ImportDatabase;
import eu.netmap.importer.Neo4jWriter;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Staging;
import eu.netmap.importer.WriteSummary;
import eu.netmap.importer.seed.SeedReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readies the database before the app serves anything: checks that Neo4j answers, creates the
 * schema (idempotently), and loads the seed dataset when any of its Source nodes is missing — not
 * "when the database is empty", which a start without the seed that loaded the NUTS regions would
 * have made false for good. Writing the seed merges by id, so loading it again adds nothing twice.
 *
 * <p>This and the other start-up steps that need the database ({@link #afterSetUp}) run in order on
 * a thread of their own, while Spring makes the rest of the app (issue 10: they mostly wait for
 * Neo4j to start and to compile its first queries). The app waits for them once all its components
 * are made, before the web server takes requests: no request sees a database half set up, and a
 * step that fails fails the start as before. As a health indicator it keeps {@code
 * /actuator/health} DOWN until all that is done.
 */
@Component("schema")
public class GraphSetup
    implements InitializingBean, SmartInitializingSingleton, DisposableBean, HealthIndicator {

  /** The full-text index behind search. */
  public static final String NAME_INDEX = "node_names";

  private static final Logger log = LoggerFactory.getLogger(GraphSetup.class);

  private final Driver driver;
  private final ImportDatabase database;
  private final NetmapProperties properties;
  private final DataVersion dataVersion;
  private final String uri;
  private volatile boolean ready;
  private volatile Schema schemaAtStart = new Schema(Set.of(), false);
  private final ExecutorService steps =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "netmap-setup");
            thread.setDaemon(true);
            return thread;
          });
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final List<Future<?>> pending = new ArrayList<>();
  private volatile boolean failed;
  private boolean joined;

  GraphSetup(
      Driver driver,
      ImportDatabase database,
      NetmapProperties properties,
      DataVersion dataVersion,
      org.springframework.core.env.Environment environment) {
    this.driver = driver;
    this.database = database;
    this.properties = properties;
    this.dataVersion = dataVersion;
    this.uri = environment.getProperty("spring.neo4j.uri", "the embedded database");
  }

  /** Starts setting up the database, on the thread of the start-up steps. */
  @Override
  public void afterPropertiesSet() {
    afterSetUp(this::setUp);
  }

  /**
   * Runs {@code step} on the thread of the start-up steps, after the set-up and the steps given
   * before; at once, on this thread, when the start-up is over. A step is skipped when one before
   * it failed.
   */
  public void afterSetUp(Runnable step) {
    synchronized (pending) {
      if (!joined) {
        pending.add(
            steps.submit(
                () -> {
                  if (failed) {
                    return;
                  }
                  try {
                    step.run();
                  } catch (RuntimeException | Error e) {
                    failed = true;
                    throw e;
                  }
                }));
        return;
      }
    }
    step.run();
  }

  /**
   * Runs {@code step} on a thread of its own once Neo4j is known to answer, beside the set-up and
   * the steps after it (a step that needs none of their work: the accounts store); at once, on this
   * thread, when the start-up is over.
   */
  public void onceConnected(Runnable step) {
    synchronized (pending) {
      if (!joined) {
        pending.add(
            connected.thenRunAsync(
                step,
                r -> {
                  Thread thread = new Thread(r, "netmap-setup-beside");
                  thread.setDaemon(true);
                  thread.start();
                }));
        return;
      }
    }
    step.run();
  }

  /**
   * Waits for the start-up steps, once Spring has made every component and before the web server
   * starts; throws what the first step that failed threw.
   */
  @Override
  public void afterSingletonsInstantiated() {
    List<Future<?>> waiting;
    synchronized (pending) {
      joined = true;
      waiting = List.copyOf(pending);
      pending.clear();
    }
    steps.shutdown();
    for (Future<?> step : waiting) {
      try {
        step.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the database was set up", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
    }
    ready = true;
  }

  /** Stops the start-up steps when the app closes before they are done (its start failed). */
  @Override
  public void destroy() throws InterruptedException {
    connected.cancel(false);
    steps.shutdownNow();
    steps.awaitTermination(1, TimeUnit.MINUTES);
  }

  /**
   * Checks that Neo4j answers, creates the schema that is missing and loads the seed unless present
   * (the first start-up step; tests call it again).
   */
  public void setUp() {
    try {
      checkConnectivity();
      connected.complete(null);
    } catch (RuntimeException | Error e) {
      connected.completeExceptionally(e);
      throw e;
    }
    createSchema();
    if (properties.seed().enabled()) {
      loadSeedUnlessPresent();
    }
  }

  private void checkConnectivity() {
    try {
      driver.verifyConnectivity();
    } catch (ServiceUnavailableException e) {
      throw new StartupException(
          "Cannot reach the Neo4j server at " + uri + ": " + e.getMessage(),
          "Start the server or correct spring.neo4j.uri; unset spring.neo4j.uri to use the"
              + " embedded database.",
          e);
    } catch (AuthenticationException e) {
      throw new StartupException(
          "The Neo4j server at " + uri + " refused the credentials: " + e.getMessage(),
          "Check spring.neo4j.authentication.username and spring.neo4j.authentication.password.",
          e);
    }
  }

  /**
   * Deletes what an import that failed or was killed left in the staging area (invisible to
   * readers), as soon as no import is running: in the background once the app is ready, so that
   * neither a long import running against an external database nor the clean-up hold up the start.
   */
  @EventListener(ApplicationReadyEvent.class)
  void recoverImports() {
    Thread thread =
        new Thread(
            () -> {
              try {
                Staging.recover(database);
              } catch (RuntimeException e) {
                log.warn("Could not clean up after an interrupted import: {}", e.getMessage());
              }
            },
            "netmap-import-recovery");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Creates the constraints and the full-text index that are missing. One {@code SHOW} of what
   * exists, and a {@code CREATE} only for what does not: each distinct statement costs the database
   * a parse and a plan, which on a start (nothing compiled yet) adds up (issue 10).
   */
  private void createSchema() {
    try (Session session = driver.session()) {
      Schema existing = existingSchema(session);
      schemaAtStart = existing;
      int created = 0;
      for (String label : GraphModel.LABELS) {
        String name = label.toLowerCase(Locale.ROOT) + "_id";
        if (!existing.names().contains(name)) {
          session.run(
              "CREATE CONSTRAINT `%s` IF NOT EXISTS FOR (n:`%s`) REQUIRE n.id IS UNIQUE"
                  .formatted(name, label));
          created++;
        }
      }
      if (!existing.names().contains(NAME_INDEX)) {
        session.run(
            "CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.name, n.nameEn,"
                    .formatted(NAME_INDEX, String.join("|", GraphModel.LABELS))
                + " n.aliases, n.title] OPTIONS {indexConfig: {`fulltext.analyzer`:"
                + " 'standard-folding', `fulltext.eventually_consistent`: false}}");
        created++;
      }
      if (created > 0 || !existing.allOnline()) {
        session.run("CALL db.awaitIndexes(300)");
      }
      if (created > 0) {
        log.info("Schema: {} constraints and indexes created", created);
      }
    }
  }

  /**
   * The names of the existing indexes and constraints (a uniqueness constraint has an index of the
   * same name), and whether every index is online.
   */
  record Schema(Set<String> names, boolean allOnline) {}

  /** The schema as {@code SHOW INDEXES} lists it. */
  static Schema existingSchema(Session session) {
    Set<String> names = new HashSet<>();
    boolean online = true;
    for (Record r : session.run("SHOW INDEXES YIELD name, state").list()) {
      names.add(r.get("name").asString());
      online &= "ONLINE".equals(r.get("state").asString());
    }
    return new Schema(Set.copyOf(names), online);
  }

  private void loadSeedUnlessPresent() {
    GraphBatch seed = SeedReader.readBundledSeed();
    List<String> sources =
        seed.nodes().stream()
            .filter(n -> GraphModel.SOURCE.equals(n.label()))
            .map(NodeRecord::id)
            .toList();
    long present;
    try (Session session = driver.session()) {
      present =
          session
              .run(
                  "MATCH (s:Source) WHERE s.id IN $ids RETURN count(s) AS n",
                  Map.of("ids", sources))
              .single()
              .get(0)
              .asLong();
    }
    if (present == sources.size()) {
      log.info("Seed dataset present (its {} sources are in the database): not loaded", present);
      return;
    }
    WriteSummary summary = new Neo4jWriter(database).validateAndWrite(seed, true);
    dataVersion.bump();
    log.info(
        "Seed dataset loaded ({} of its {} sources were missing): {}",
        sources.size() - present,
        sources.size(),
        summary);
  }

  /**
   * True when an index or constraint of this name existed when the app started (the other
   * components' schema can then skip their {@code CREATE … IF NOT EXISTS}).
   */
  public boolean existedAtStart(String name) {
    return schemaAtStart.names().contains(name);
  }

  /** True once the schema exists and the seed (if enabled) is loaded. */
  public boolean isReady() {
    return ready;
  }

  @Override
  public Health health() {
    return ready
        ? Health.up().withDetail("schema", "created").build()
        : Health.down().withDetail("schema", "not yet created").build();
  }
}
