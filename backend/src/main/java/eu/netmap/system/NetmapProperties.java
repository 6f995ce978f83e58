package eu.netmap.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * netmap's own settings (the {@code netmap.*} properties).
 *
 * @param dataDir where the embedded database keeps its files
 * @param neo4j the embedded database
 * @param seed loading the curated seed dataset
 * @param cypher the limits of the Cypher console
 * @param security who may read and change data
 * @param backup scheduled backups
 */
@ConfigurationProperties("netmap")
public record NetmapProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue Neo4j neo4j,
    @DefaultValue Seed seed,
    @DefaultValue Cypher cypher,
    @DefaultValue Security security,
    @DefaultValue Backup backup) {

  /** Settings of Neo4j as netmap runs it. */
  public record Neo4j(@DefaultValue Embedded embedded) {}

  /**
   * The embedded database's Bolt connector.
   *
   * @param boltAddress the address Bolt listens on; loopback unless auth is set
   * @param boltPort the Bolt port; 0 picks a free one
   * @param username the Bolt user when a password is set
   * @param password the Bolt password; set it to require auth (needed off loopback)
   * @param pageCache the page cache (off-heap); unset: 1.5 times the stored graph, at least 1 GB,
   *     at most half of the memory beside the heap
   * @param earlyStart start the database on a thread of its own while Spring starts the rest
   */
  public record Embedded(
      @DefaultValue("127.0.0.1") String boltAddress,
      @DefaultValue("7687") int boltPort,
      @DefaultValue("neo4j") String username,
      String password,
      DataSize pageCache,
      @DefaultValue("true") boolean earlyStart) {

    /** True when Bolt clients must log in. */
    public boolean authEnabled() {
      return password != null && !password.isBlank();
    }
  }

  /**
   * @param enabled load the seed dataset at start-up when any of its Source nodes is missing
   */
  public record Seed(@DefaultValue("true") boolean enabled) {}

  /**
   * Limits of the read-only Cypher console.
   *
   * @param timeout a query running longer is stopped by the database
   * @param maxRows rows beyond this are not returned; the answer says {@code truncated}
   */
  public record Cypher(@DefaultValue("10s") Duration timeout, @DefaultValue("10000") int maxRows) {}

  /**
   * Who may read and change data.
   *
   * @param adminPassword the password of the user {@code admin}; when empty at the first start one
   *     is generated and printed once; when set, it wins over the stored password at every start
   * @param publicRead true: anyone may read without logging in; false: reading needs a login too
   * @param loginAttempts how many failed logins are allowed before further attempts wait
   */
  public record Security(
      String adminPassword,
      @DefaultValue("true") boolean publicRead,
      @DefaultValue LoginAttempts loginAttempts) {}

  /**
   * Failed logins allowed per user name and per client address within a period; the allowance comes
   * back evenly over the period (with the defaults, one attempt per user name every 90 s).
   *
   * @param perUser failed logins per user name
   * @param perAddress failed logins per client address
   * @param period the time over which the allowance comes back
   */
  public record LoginAttempts(
      @DefaultValue("10") int perUser,
      @DefaultValue("50") int perAddress,
      @DefaultValue("15m") Duration period) {}

  /**
   * Backups of the graph into {@code ${netmap.data-dir}/backups}.
   *
   * @param enabled take backups on a schedule
   * @param interval the time between two backups
   * @param keep how many backups to keep; older ones are deleted
   */
  public record Backup(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("24h") Duration interval,
      @DefaultValue("7") int keep) {}
}
