package eu.netmap.analytics;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs analytics computations in the background so that no request blocks for long: a request waits
 * at most {@code netmap.analytics.max-wait} (1 s by default) for its answer; if the work takes
 * longer, the request gets {@link StillComputingException} (HTTP 202 with the progress) and the
 * work goes on, so asking again later finds the answer ready in the cache. Equal requests arriving
 * while one is running share it.
 */
@Component
public class AnalyticsJobs {

  /** A computation in flight, or just finished. */
  public static final class Job {
    private final String key;
    private final String task;
    private final Instant started;
    private final Progress progress;
    private final CompletableFuture<Object> future;
    private volatile Instant ended;

    Job(
        String key,
        String task,
        Instant started,
        Progress progress,
        CompletableFuture<Object> future) {
      this.key = key;
      this.task = task;
      this.started = started;
      this.progress = progress;
      this.future = future;
    }

    /** What identifies equal work. */
    public String key() {
      return key;
    }

    /** The work in words. */
    public String task() {
      return task;
    }

    /** When it started. */
    public Instant started() {
      return started;
    }

    /** Its progress. */
    public Progress progress() {
      return progress;
    }

    CompletableFuture<Object> future() {
      return future;
    }

    void finish() {
      ended = Instant.now();
    }

    /** How long it ran, or has been running. */
    public Duration elapsed() {
      Instant end = ended;
      return Duration.between(started, end != null ? end : Instant.now());
    }

    /** Milliseconds since it started (until it ended). */
    public long elapsedMs() {
      return elapsed().toMillis();
    }
  }

  /** Thrown when a computation outlasts the wait: the answer is a 202 with its progress. */
  public static final class StillComputingException extends RuntimeException {
    private final transient Job job;

    StillComputingException(Job job) {
      super(job.task() + " is still being computed");
      this.job = job;
    }

    /** The job, still running. */
    public Job job() {
      return job;
    }
  }

  private final Duration maxWait;
  private final ExecutorService executor;
  private final Map<String, Job> running = new ConcurrentHashMap<>();

  /**
   * Finished jobs, kept for {@link #KEEP_FINISHED} so that a client that does not wait ({@code
   * wait=0}) finds the answer when it asks again, even when the computation itself is instant.
   */
  private final Map<String, Job> finished = new ConcurrentHashMap<>();

  /** How long a finished job's answer is kept for the client that asked for it. */
  static final Duration KEEP_FINISHED = Duration.ofMinutes(1);

  AnalyticsJobs(
      @Value("${netmap.analytics.max-wait:1s}") Duration maxWait,
      @Value("${netmap.analytics.threads:2}") int threads) {
    this.maxWait = maxWait;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "netmap-analytics-" + count.incrementAndGet());
          thread.setDaemon(true);
          // below request threads: a long computation must not slow down browsing
          thread.setPriority(Thread.NORM_PRIORITY - 1);
          return thread;
        };
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads), factory);
  }

  /** The longest a request waits for a computation before it is answered with the progress. */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * The result of {@code work}, computed in the background and waited for at most {@code wait}
   * (capped by {@link #maxWait()}; null means the cap).
   *
   * @param key identifies equal work: requests with the same key share one computation
   * @param task what the work is, in words, for the progress report
   * @throws StillComputingException when the wait is over and the work is not
   */
  @SuppressWarnings("unchecked")
  public <T> T await(String key, String task, Duration wait, Supplier<T> work) {
    Instant now = Instant.now();
    finished
        .values()
        .removeIf(j -> j.started().plus(j.elapsed()).plus(KEEP_FINISHED).isBefore(now));
    Job job;
    synchronized (this) { // one look at both lists, never between a job's moves
      Job done = finished.get(key);
      job =
          done != null
              ? done
              : running.computeIfAbsent(
                  key,
                  k -> {
                    Progress progress = new Progress();
                    CompletableFuture<Object> future = new CompletableFuture<>();
                    Job created = new Job(k, task, Instant.now(), progress, future);
                    executor.execute(
                        () -> {
                          Object value;
                          try {
                            value = progress.watch(work::get);
                          } catch (Throwable e) {
                            created.finish();
                            // forgotten before the caller hears of the failure: it is not running
                            synchronized (AnalyticsJobs.this) {
                              running.remove(k, created);
                            }
                            future.completeExceptionally(e);
                            return;
                          }
                          created.finish();
                          // listed as finished before it leaves the running list, and both before
                          // the
                          // callers hear of it: a request never finds it in neither, nor still
                          // running
                          synchronized (AnalyticsJobs.this) {
                            finished.put(k, created);
                            running.remove(k, created);
                          }
                          future.complete(value);
                        });
                    return created;
                  });
    }
    Duration limit = wait == null || wait.compareTo(maxWait) > 0 ? maxWait : wait;
    try {
      return (T) job.future().get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new StillComputingException(job);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StillComputingException(job);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The computations running now, oldest first. */
  public List<Job> running() {
    List<Job> jobs = new ArrayList<>(running.values());
    jobs.sort(Comparator.comparing(Job::started));
    return jobs;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
