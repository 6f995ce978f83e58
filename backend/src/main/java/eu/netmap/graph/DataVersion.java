package eu.netmap.graph;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A counter that every write bumps, so caches of derived data (analytics snapshots, read responses)
 * know when to recompute. Writes through netmap bump it themselves; with the embedded database a
 * transaction listener bumps it after every commit that changed data, whoever wrote (the importer
 * CLI and Neo4j Browser over Bolt too), and {@link #seesAllWrites()} is true.
 */
@Component
public class DataVersion {

  private final AtomicLong version = new AtomicLong();
  private volatile boolean seesAllWrites;

  /** The current version. */
  public long current() {
    return version.get();
  }

  /** Records that the data changed; returns the new version. */
  public long bump() {
    return version.incrementAndGet();
  }

  /**
   * True when every committed change bumps the version (the embedded database), false when others
   * may write unseen (an external server).
   */
  public boolean seesAllWrites() {
    return seesAllWrites;
  }

  /** Called once the database reports every commit. */
  public void seeAllWrites() {
    seesAllWrites = true;
  }
}
