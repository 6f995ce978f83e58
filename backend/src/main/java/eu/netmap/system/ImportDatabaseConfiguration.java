package eu.netmap.system;

import eu.netmap.importer.ImportDatabase;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the app's imports write (the upload, the seed, the NUTS list): straight into the embedded
 * database through Neo4j's Java API when the app runs one, several times faster than Bolt; through
 * the driver when the graph lives on an external server. Same checks, staging and swap either way.
 */
@Configuration(proxyBeanMethods = false)
class ImportDatabaseConfiguration {

  @Bean
  ImportDatabase importDatabase(
      Driver driver, ObjectProvider<DatabaseManagementService> embeddedNeo4j) {
    DatabaseManagementService embedded = embeddedNeo4j.getIfAvailable();
    return embedded == null
        ? ImportDatabase.of(driver)
        : ImportDatabase.of(embedded.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
  }
}
