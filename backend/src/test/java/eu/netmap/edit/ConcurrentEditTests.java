package eu.netmap.edit;

import static eu.netmap.edit.Editing.SEED_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.Api;
import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.DataVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Twenty editors change one node at the same time, over HTTP, for several rounds: in each round all
 * of them read the same version and then send their edit together, so exactly one may win.
 */
class ConcurrentEditTests extends EmbeddedNeo4jTest {

  private static final int THREADS = 20;
  private static final int ROUNDS = 5;

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired DataVersion dataVersion;

  @AfterEach
  void cleanUp() {
    Editing.cleanUp(driver);
    dataVersion.bump();
  }

  /** One edit attempt: the version it was made on, the answer, and the note it wrote. */
  private record Attempt(int round, long version, int status, long newVersion, String note) {}

  @Test
  void shouldLetExactlyOneOfTwentyConcurrentEditsOfAVersionWin() throws Exception {
    Editing edit = new Editing(new Api(port), ADMIN_PASSWORD);
    String id =
        edit.createNode("Organisation", "ZZ Edit Contended", Map.of("note", "start"))
            .path("id")
            .asString();
    CyclicBarrier read = new CyclicBarrier(THREADS);
    CyclicBarrier done = new CyclicBarrier(THREADS);
    List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int round = 0; round < ROUNDS; round++) {
                  long version = edit.get("/api/nodes/" + id).json().path("version").asLong();
                  read.await(60, TimeUnit.SECONDS);
                  String note = "round " + round + " thread " + thread;
                  Api.Response response =
                      edit.send(
                          "PUT",
                          "/api/nodes/" + id,
                          Map.of(
                              "properties", Map.of("note", note),
                              "version", version,
                              "sources", List.of(SEED_SOURCE)));
                  long newVersion =
                      response.status() == 200 ? response.json().path("version").asLong() : -1;
                  attempts.add(new Attempt(round, version, response.status(), newVersion, note));
                  done.await(60, TimeUnit.SECONDS);
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(attempts).hasSize(THREADS * ROUNDS);
    assertThat(attempts).extracting(Attempt::status).containsOnly(200, 409);
    List<Attempt> wins = attempts.stream().filter(a -> a.status() == 200).toList();
    for (int round = 0; round < ROUNDS; round++) {
      int r = round;
      assertThat(wins.stream().filter(a -> a.round() == r).count())
          .as("winners of round %d", round)
          .isEqualTo(1);
      // everyone in a round read the same version
      assertThat(attempts.stream().filter(a -> a.round() == r).map(Attempt::version).distinct())
          .hasSize(1);
    }
    assertThat(wins).extracting(Attempt::version).doesNotHaveDuplicates();
    for (Attempt win : wins) {
      assertThat(win.newVersion()).isEqualTo(win.version() + 1);
    }

    JsonNode node = edit.get("/api/nodes/" + id).json();
    // created at version 1, then one version per successful edit
    assertThat(node.path("version").asLong()).isEqualTo(1 + wins.size());
    Attempt last = wins.stream().filter(a -> a.round() == ROUNDS - 1).findFirst().orElseThrow();
    assertThat(node.path("properties").path("note").asString()).isEqualTo(last.note());
    JsonNode history = edit.history(id);
    List<String> updates = new ArrayList<>();
    history.forEach(
        e -> {
          if (e.path("action").asString().equals("update-node")) {
            updates.add(
                e.path("after").path("nodes").get(0).path("properties").path("note").asString());
          }
        });
    assertThat(updates).hasSize(wins.size());
    // newest first: the log's order is the order the edits won in
    List<String> expected =
        new ArrayList<>(
            wins.stream()
                .sorted((a, b) -> Long.compare(b.version(), a.version()))
                .map(Attempt::note)
                .toList());
    assertThat(updates).isEqualTo(expected);
    System.out.printf(
        "Concurrent edits: %d threads x %d rounds, %d won, %d refused with 409%n",
        THREADS, ROUNDS, wins.size(), attempts.size() - wins.size());
  }
}
