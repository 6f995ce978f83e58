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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readies the database before the app serves anything: checks that Neo4j answers, creates the
 * schema (idempotently), and loads the seed dataset when any of its Source nodes is missing — not
 * "when the database is empty", which a start without the seed that loaded the NUTS regions would
 * have made false for good. Writing the seed merges by id, so loading it again adds nothing twice.
 * As a health indicator it keeps {@code /actuator/health} DOWN until all that is done.
 */
@Component("schema")
public class GraphSetup implements InitializingBean, HealthIndicator {

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

  @Override
  public void afterPropertiesSet() {
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
    createSchema();
    if (properties.seed().enabled()) {
      loadSeedUnlessPresent();
    }
    recoverImports();
    ready = true;
  }

  /**
   * Deletes what an import that failed or was killed left in the staging area (invisible to
   * readers), as soon as no import is running: in the background, so that a long import running
   * against an external database does not hold up the start.
   */
  private void recoverImports() {
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
