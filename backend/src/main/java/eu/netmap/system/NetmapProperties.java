package eu.netmap.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * netmap's own settings (the {@code netmap.*} properties).
 *
 * @param dataDir where the embedded database keeps its files
 * @param neo4j the embedded database
 * @param seed loading the curated seed dataset
 * @param cypher the limits of the Cypher console
 * @param security who may change data
 */
@ConfigurationProperties("netmap")
public record NetmapProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue Neo4j neo4j,
    @DefaultValue Seed seed,
    @DefaultValue Cypher cypher,
    @DefaultValue Security security) {

  /** Settings of Neo4j as netmap runs it. */
  public record Neo4j(@DefaultValue Embedded embedded) {}

  /**
   * The embedded database's Bolt connector.
   *
   * @param boltAddress the address Bolt listens on; loopback unless auth is set
   * @param boltPort the Bolt port; 0 picks a free one
   * @param username the Bolt user when a password is set
   * @param password the Bolt password; set it to require auth (needed off loopback)
   */
  public record Embedded(
      @DefaultValue("127.0.0.1") String boltAddress,
      @DefaultValue("7687") int boltPort,
      @DefaultValue("neo4j") String username,
      String password) {

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
   * Access to what changes data.
   *
   * @param adminPassword the password of the user {@code admin}; when empty one is generated at
   *     start-up and printed once
   */
  public record Security(String adminPassword) {}
}
