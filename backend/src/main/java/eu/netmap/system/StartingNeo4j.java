package eu.netmap.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.DatabaseEventListener;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * The embedded Neo4j while {@link EarlyNeo4jStart} is still starting it: a bean that Spring can
 * hand to every component at once, which waits for the database only when first used. The
 * components that merely keep a reference (most of them) are then made while Neo4j starts, and only
 * the work that reads or writes (the start-up steps of {@link GraphSetup}, on a thread of their
 * own) waits for it (issue 10).
 */
final class StartingNeo4j implements DatabaseManagementService {

  private final Waiting<DatabaseManagementService> started;

  StartingNeo4j(Supplier<DatabaseManagementService> start) {
    this.started = new Waiting<>(start);
  }

  /** The database, waiting for its start if need be. */
  DatabaseManagementService started() {
    return started.value();
  }

  /**
   * A database of this DBMS: the database itself once started, else one that waits for the start
   * when first used (the import database's bean takes one while Neo4j is still starting).
   */
  @Override
  public GraphDatabaseService database(String databaseName) {
    DatabaseManagementService service = started.value;
    if (service != null) {
      return service.database(databaseName);
    }
    return waitingFor(GraphDatabaseService.class, () -> started().database(databaseName));
  }

  @Override
  public void createDatabase(String databaseName, org.neo4j.graphdb.config.Configuration config) {
    started().createDatabase(databaseName, config);
  }

  @Override
  public void dropDatabase(String databaseName) {
    started().dropDatabase(databaseName);
  }

  @Override
  public void startDatabase(String databaseName) {
    started().startDatabase(databaseName);
  }

  @Override
  public void shutdownDatabase(String databaseName) {
    started().shutdownDatabase(databaseName);
  }

  @Override
  public List<String> listDatabases() {
    return started().listDatabases();
  }

  @Override
  public void registerDatabaseEventListener(DatabaseEventListener listener) {
    started().registerDatabaseEventListener(listener);
  }

  @Override
  public void unregisterDatabaseEventListener(DatabaseEventListener listener) {
    started().unregisterDatabaseEventListener(listener);
  }

  @Override
  public void registerTransactionEventListener(
      String databaseName, TransactionEventListener<?> listener) {
    started().registerTransactionEventListener(databaseName, listener);
  }

  @Override
  public void unregisterTransactionEventListener(
      String databaseName, TransactionEventListener<?> listener) {
    started().unregisterTransactionEventListener(databaseName, listener);
  }

  /**
   * Shuts the database down if anyone used it; one that was started early and never used is shut
   * down by {@link EarlyNeo4jStart.Started}.
   */
  @Override
  public void shutdown() {
    DatabaseManagementService service = started.value;
    if (service != null) {
      service.shutdown();
    }
  }

  /**
   * A driver that connects when first used, with {@code connect}; closing one that never connected
   * does nothing.
   */
  static Driver driver(Supplier<Driver> connect) {
    Waiting<Driver> waiting = new Waiting<>(connect);
    return (Driver)
        Proxy.newProxyInstance(
            Driver.class.getClassLoader(),
            new Class<?>[] {Driver.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                Driver driver = waiting.value;
                if (driver != null) {
                  driver.close();
                }
                return null;
              }
              return waiting.invoke(proxy, method, args);
            });
  }

  /** An instance of {@code type} that gets the real one from {@code get} when first used. */
  private static <T> T waitingFor(Class<T> type, Supplier<T> get) {
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Waiting<>(get)));
  }

  /** Calls on an object got once, on the first call that needs it. */
  private static final class Waiting<T> implements InvocationHandler {

    private final Supplier<T> get;
    private volatile T value;

    Waiting(Supplier<T> get) {
      this.get = get;
    }

    private T value() {
      T result = value;
      if (result == null) {
        synchronized (this) {
          result = value;
          if (result == null) {
            result = get.get();
            value = result;
          }
        }
      }
      return result;
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args)
        throws Throwable {
      switch (method.getName()) {
        case "equals":
          if (method.getParameterCount() == 1) {
            return proxy == args[0];
          }
          break;
        case "hashCode":
          if (method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
          }
          break;
        case "toString":
          if (method.getParameterCount() == 0) {
            T current = value;
            return current == null ? "(waiting for Neo4j to start)" : current.toString();
          }
          break;
        default:
          break;
      }
      try {
        return method.invoke(value(), args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
