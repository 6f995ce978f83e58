package eu.netmap.planner;

import eu.netmap.graph.DataVersion;
import eu.netmap.importer.ImportDatabase;
import eu.netmap.importer.Importer;
import eu.netmap.importer.WriteSummary;
import eu.netmap.importer.nuts.NutsReader;
import eu.netmap.system.GraphSetup;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled NUTS 2021 hierarchy (2,007 regions with their PART_OF parents) at start-up when
 * it is not in the database yet, through the importer in one transaction, and points every other
 * region carrying a NUTS code at its NUTS node with the property {@code nutsNode} (e.g. Toscana →
 * {@code nuts-iti1}). The model has no "same place as" relationship, and a PART_OF to the NUTS node
 * would wrongly hand the seed regions' collaborations to their NUTS parents, so a property it is.
 * Switched by {@code netmap.regions.load-nuts} (default true). Idempotent.
 */
@Component
class NutsLoader implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(NutsLoader.class);

  private static final String COUNT =
      "MATCH (r:Region) WHERE r.id STARTS WITH 'nuts-' RETURN count(r) AS n";

  private static final String LINK =
      """
      MATCH (r:Region) WHERE r.nuts IS NOT NULL AND NOT r.id STARTS WITH 'nuts-'
      OPTIONAL MATCH (n:Region {id: 'nuts-' + toLower(toString(r.nuts))})
      WITH r, n.id AS target WHERE coalesce(r.nutsNode, '') <> coalesce(target, '')
      SET r.nutsNode = target
      RETURN count(r) AS n
      """;

  private final Driver driver;
  private final ImportDatabase database;
  private final DataVersion dataVersion;
  private final boolean enabled;
  private final GraphSetup setup;

  NutsLoader(
      Driver driver,
      ImportDatabase database,
      DataVersion dataVersion,
      GraphSetup setup,
      @Value("${netmap.regions.load-nuts:true}") boolean enabled) {
    this.driver = driver;
    this.database = database;
    this.dataVersion = dataVersion;
    this.enabled = enabled;
    this.setup = setup;
  }

  /** Loads the regions as a start-up step after the graph's set-up (its seed links to them). */
  @Override
  public void afterPropertiesSet() {
    if (enabled) {
      setup.afterSetUp(this::load);
    }
  }

  /**
   * Writes the NUTS list when fewer NUTS regions are stored than it holds, then links the other
   * regions to their NUTS nodes.
   *
   * @return how many NUTS regions are stored afterwards
   */
  long load() {
    var batch = NutsReader.readBundled();
    long regions = batch.nodes().stream().filter(n -> n.id().startsWith("nuts-")).count();
    long stored = count();
    if (stored < regions) {
      WriteSummary summary = Importer.write(database, batch, Importer.Write.defaults());
      log.info("NUTS 2021 regions loaded: {}", summary);
      dataVersion.bump();
    }
    long linked;
    try (Session session = driver.session()) {
      linked = session.executeWrite(tx -> tx.run(LINK, Map.of()).single().get("n").asLong());
    }
    if (linked > 0) {
      dataVersion.bump();
      log.info("{} regions linked to their NUTS node", linked);
    }
    return count();
  }

  private long count() {
    try (Session session = driver.session()) {
      return session.executeRead(tx -> tx.run(COUNT).single().get("n").asLong());
    }
  }
}
