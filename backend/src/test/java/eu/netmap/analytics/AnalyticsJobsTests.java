package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background computations: bounded waits, shared work, progress and errors. */
class AnalyticsJobsTests {

  private final AnalyticsJobs jobs = new AnalyticsJobs(Duration.ofMillis(200), 2);

  @AfterEach
  void stop() {
    jobs.stop();
  }

  @Test
  void slowWorkIsAnsweredWithItsProgressAndFoundDoneLater() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    java.util.function.Supplier<String> work =
        () -> {
          runs.incrementAndGet();
          Progress.stage("counting", 10);
          Progress.step(4);
          reported.countDown();
          await(release);
          return "done";
        };

    assertThatThrownBy(() -> jobs.await("k", "count things", null, work))
        .isInstanceOfSatisfying(
            AnalyticsJobs.StillComputingException.class,
            e -> assertThat(e.job().task()).isEqualTo("count things"));
    assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
    // a second request for the same key joins the running job instead of starting another
    assertThatThrownBy(() -> jobs.await("k", "count things", Duration.ZERO, work))
        .isInstanceOfSatisfying(
            AnalyticsJobs.StillComputingException.class,
            e -> {
              assertThat(e.job().progress().stage()).isEqualTo("counting");
              assertThat(e.job().progress().done()).isEqualTo(4);
              assertThat(e.job().progress().fraction()).isEqualTo(0.4);
            });
    assertThat(jobs.running()).extracting(AnalyticsJobs.Job::task).containsExactly("count things");

    release.countDown();
    // once done, the same request gets the answer (a long wait here, as a client polling would)
    String result = jobs.await("k", "count things", null, work);
    assertThat(result).isEqualTo("done");
    assertThat(runs.get()).isIn(1, 2); // the second run, if any, starts after the first ended
  }

  @Test
  void aClientThatDoesNotWaitFindsTheFinishedAnswer() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    java.util.function.Supplier<Integer> work =
        () -> {
          runs.incrementAndGet();
          return 42;
        };
    Integer answer = null;
    for (int i = 0; i < 500 && answer == null; i++) {
      try {
        answer = jobs.await("instant", "instant work", Duration.ZERO, work);
      } catch (AnalyticsJobs.StillComputingException e) {
        Thread.sleep(10);
      }
    }
    assertThat(answer).isEqualTo(42);
    // asking again while it ran, or after, never started the work a second time
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void waitsAreCappedByTheMaximum() {
    CountDownLatch release = new CountDownLatch(1);
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                jobs.await(
                    "slow",
                    "slow work",
                    Duration.ofHours(1),
                    () -> {
                      await(release);
                      return 1;
                    }))
        .isInstanceOf(AnalyticsJobs.StillComputingException.class);
    // the cap is 200 ms: the request came back long before the hour it asked for
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    release.countDown();
  }

  @Test
  void fastWorkIsAnsweredDirectlyAndErrorsPassThrough() {
    assertThat(jobs.<Integer>await("fast", "fast work", null, () -> 42)).isEqualTo(42);
    assertThatThrownBy(
            () ->
                jobs.await(
                    "bad",
                    "bad work",
                    null,
                    () -> {
                      throw new IllegalArgumentException("no such view");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such view");
    // a failed job is forgotten: it does not stay "running"
    assertThat(jobs.running()).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
