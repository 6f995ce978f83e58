package eu.netmap.graph;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A counter that every write through netmap bumps, so caches of derived data (analytics snapshots)
 * know when to recompute.
 */
@Component
public class DataVersion {

  private final AtomicLong version = new AtomicLong();

  /** The current version. */
  public long current() {
    return version.get();
  }

  /** Records that the data changed; returns the new version. */
  public long bump() {
    return version.incrementAndGet();
  }
}
