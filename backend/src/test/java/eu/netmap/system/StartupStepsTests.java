package eu.netmap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.accounts.AccountStore;
import eu.netmap.accounts.Role;
import eu.netmap.graph.DataVersion;
import eu.netmap.importer.ImportDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;

/**
 * The start-up steps that need the database run beside Spring's making of the app (issue 10), but
 * the app serves nothing before they are done: health stays DOWN until then, a failed step fails
 * the start and skips the steps after it, and the database and driver Spring hands out while Neo4j
 * starts wait for it only when used.
 */
class StartupStepsTests extends EmbeddedNeo4jTest {

  @Autowired Driver driver;
  @Autowired ImportDatabase database;
  @Autowired NetmapProperties properties;
  @Autowired DataVersion dataVersion;
  @Autowired Environment environment;
  @Autowired GraphSetup setup;
  @Autowired AccountStore accounts;
  @Autowired DatabaseManagementService neo4j;

  private GraphSetup freshSetup() {
    return new GraphSetup(driver, database, properties, dataVersion, environment);
  }

  @Test
  void shouldHaveSetUpTheEmptyDataDirectoryBeforeTheAppServed() {
    // the shared app started on an empty directory: every step ran before the context was ready
    assertThat(setup.isReady()).isTrue();
    assertThat(setup.health().getStatus()).isEqualTo(Status.UP);
    List<String> names;
    try (Session session = driver.session()) {
      names = GraphSetup.existingSchema(session).names().stream().sorted().toList();
    }
    assertThat(names)
        .contains(
            GraphSetup.NAME_INDEX,
            "organisation_id",
            "source_id",
            "auditentry_id",
            "auditentry_at",
            "auditentry_reverts");
    try (Session session = driver.session()) {
      assertThat(
              session
                  .run("MATCH (s:Source) WHERE s.id STARTS WITH 'src-' RETURN count(s)")
                  .single()
                  .get(0)
                  .asLong())
          .isGreaterThanOrEqualTo(5);
    }
    assertThat(accounts.find(AccountStore.ADMIN))
        .hasValueSatisfying(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
  }

  @Test
  void shouldKeepHealthDownUntilTheStepsAreDoneAndRunThemInOrder() throws Exception {
    GraphSetup fresh = freshSetup();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    try {
      fresh.afterPropertiesSet(); // the set-up again, on the shared database: nothing to create
      fresh.afterSetUp(
          () -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            ran.add("first");
          });
      fresh.onceConnected(() -> ran.add("beside"));
      fresh.afterSetUp(() -> ran.add("second"));

      assertThat(fresh.isReady()).isFalse();
      assertThat(fresh.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(ran).doesNotContain("first", "second");

      release.countDown();
      fresh.afterSingletonsInstantiated();
      assertThat(fresh.isReady()).isTrue();
      assertThat(fresh.health().getStatus()).isEqualTo(Status.UP);
      assertThat(ran).containsSubsequence("first", "second").contains("beside").hasSize(3);

      // once started, a step runs at once, on the caller's thread
      fresh.afterSetUp(() -> ran.add(Thread.currentThread().getName()));
      assertThat(ran).last().isEqualTo(Thread.currentThread().getName());
    } finally {
      release.countDown();
      fresh.destroy();
    }
  }

  @Test
  void shouldFailTheStartWithTheFirstFailedStepAndSkipTheStepsAfterIt() throws Exception {
    GraphSetup fresh = freshSetup();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    try {
      fresh.afterSetUp(
          () -> {
            throw new StartupException("The first step broke.", "Mend it.");
          });
      fresh.afterSetUp(() -> ran.add("second"));

      assertThatThrownBy(fresh::afterSingletonsInstantiated)
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("The first step broke.");
      assertThat(ran).isEmpty();
      assertThat(fresh.isReady()).isFalse();
      assertThat(fresh.health().getStatus()).isEqualTo(Status.DOWN);
    } finally {
      fresh.destroy();
    }
  }

  @Test
  void shouldNotWaitForNeo4jWhereTheDatabaseOrDriverIsOnlyHeldOrClosed() {
    AtomicInteger starts = new AtomicInteger();
    StartingNeo4j starting =
        new StartingNeo4j(
            () -> {
              starts.incrementAndGet();
              return neo4j;
            });
    GraphDatabaseService graph = starting.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    Driver waitingDriver =
        StartingNeo4j.driver(
            () -> {
              starts.incrementAndGet();
              return driver;
            });
    assertThat(waitingDriver.toString()).contains("waiting");
    waitingDriver.close(); // never connected: nothing to close, and the shared driver stays open
    new StartingNeo4j(
            () -> {
              throw new AssertionError("a database nobody used was started to be shut down");
            })
        .shutdown();
    assertThat(starts).hasValue(0);

    // the first real use waits for the database, once
    assertThat(graph.databaseName()).isEqualTo(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    assertThat(graph.isAvailable()).isTrue();
    assertThat(starting.listDatabases()).contains(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    assertThat(starts).hasValue(1);
    try (Session session = waitingDriver.session()) {
      assertThat(session.run("RETURN 1").single().get(0).asInt()).isEqualTo(1);
    }
    assertThat(starts).hasValue(2);
  }
}
