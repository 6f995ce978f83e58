package eu.netmap.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded Neo4j on a thread of its own as soon as the app's settings are known, before
 * Spring reads its configuration classes and makes its beans: the two take about as long, and on a
 * machine with two or more cores they now run side by side (issue 10, BENCHMARKS.md "Start-up").
 * The {@code embeddedNeo4j} bean then takes the started database, or the failure to start it, which
 * it reports as before. Off with {@code netmap.neo4j.embedded.early-start=false}, and when an
 * external server is configured ({@code spring.neo4j.uri}).
 */
class EarlyNeo4jStart implements ApplicationListener<ApplicationPreparedEvent> {

  /** The name the start is registered under in the bean factory. */
  static final String BEAN = "netmapEarlyNeo4jStart";

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    Environment environment = event.getApplicationContext().getEnvironment();
    String uri = environment.getProperty("spring.neo4j.uri");
    if ((uri != null && !uri.isBlank())
        || !environment.getProperty("netmap.neo4j.embedded.early-start", Boolean.class, true)) {
      return;
    }
    ConfigurableListableBeanFactory beans = event.getApplicationContext().getBeanFactory();
    if (beans.containsSingleton(BEAN)) {
      return;
    }
    NetmapProperties properties =
        Binder.get(environment).bindOrCreate("netmap", NetmapProperties.class);
    Started started = new Started(properties);
    beans.registerSingleton(BEAN, started);
    if (beans instanceof DefaultListableBeanFactory registry) {
      // shut down again if the app fails to start before the bean takes the database
      registry.registerDisposableBean(BEAN, started);
    }
  }

  /** The database being started with the settings it was started with. */
  static final class Started implements DisposableBean {

    private final NetmapProperties properties;
    private final CompletableFuture<DatabaseManagementService> service = new CompletableFuture<>();
    private volatile boolean taken;

    Started(NetmapProperties properties) {
      this.properties = properties;
      Thread thread =
          new Thread(
              () -> {
                try {
                  service.complete(EmbeddedNeo4jConfiguration.start(properties));
                } catch (Throwable e) {
                  service.completeExceptionally(e);
                }
              },
              "netmap-neo4j-start");
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * The started database, once it is up, if it was started with these settings; null when the
     * settings differ (the caller starts its own) — the one started early is then shut down.
     */
    DatabaseManagementService take(NetmapProperties wanted) {
      DatabaseManagementService started = await();
      taken = true;
      if (!properties.equals(wanted)) {
        started.shutdown();
        return null;
      }
      return started;
    }

    private DatabaseManagementService await() {
      try {
        return service.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the embedded Neo4j started", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
    }

    @Override
    public void destroy() {
      if (!taken) {
        try {
          await().shutdown();
        } catch (RuntimeException e) {
          // it did not start: nothing to shut down
        }
      }
    }
  }
}
