package eu.netmap.analytics;

/**
 * What a running analytics computation is doing: a stage name and how far through it it is. The
 * algorithms report through {@link #stage} and {@link #step}, which cost nothing when no job is
 * watching the thread (tests, exports, the planner's direct calls).
 */
public final class Progress {

  private static final ThreadLocal<Progress> CURRENT = new ThreadLocal<>();

  private volatile String stage = "queued";
  private volatile long done;
  private volatile long total;

  /** The stage, e.g. {@code "reading the graph"} or {@code "betweenness"}. */
  public String stage() {
    return stage;
  }

  /** Units of the stage done so far. */
  public long done() {
    return done;
  }

  /** Units of the stage in all; 0 when unknown. */
  public long total() {
    return total;
  }

  /** The fraction of the stage done, 0..1, or null when its size is unknown. */
  public Double fraction() {
    long t = total;
    return t <= 0 ? null : Math.min(1.0, (double) done / t);
  }

  /** Runs {@code work} with this object receiving the reports made on the current thread. */
  <T> T watch(java.util.function.Supplier<T> work) {
    Progress previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Starts a stage of {@code total} units (0 when unknown) on the watched thread, if any. */
  static void stage(String name, long total) {
    Progress progress = CURRENT.get();
    if (progress != null) {
      progress.stage = name;
      progress.total = total;
      progress.done = 0;
    }
  }

  /** Reports that {@code done} units of the current stage are done. */
  static void step(long done) {
    Progress progress = CURRENT.get();
    if (progress != null) {
      progress.done = done;
    }
  }
}
