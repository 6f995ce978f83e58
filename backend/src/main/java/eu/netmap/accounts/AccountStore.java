package eu.netmap.accounts;

import eu.netmap.system.GraphSetup;
import eu.netmap.system.NetmapProperties;
import eu.netmap.system.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The user accounts, in a Neo4j store of their own under {@code ${netmap.data-dir}/accounts}: no
 * Bolt connector and a small page cache, so the accounts are out of reach of the Cypher console,
 * Bolt clients, exports and backups of the graph, also when the graph lives on an external server.
 * Passwords are stored as BCrypt hashes.
 *
 * <p>The first admin, {@code admin}, is made at the first start with the password from {@code
 * netmap.security.admin-password}, or a generated one printed once on the console. Later starts
 * keep the stored password, unless the property is set: then it wins, and {@code admin} is an
 * enabled ADMIN with that password again (the way back in for a forgotten password).
 *
 * <p>Opens once the graph's database is known to answer ({@link GraphSetup#onceConnected}), so that
 * a graph server that cannot be reached fails the start before anything is written in the data
 * directory; on a thread of its own, beside the graph's set-up and while Spring makes the rest of
 * the app.
 */
@Component
public class AccountStore implements InitializingBean, DisposableBean {

  /** The user name of the first admin. */
  public static final String ADMIN = "admin";

  /** Password length at least. */
  public static final int MIN_PASSWORD_LENGTH = 10;

  /** BCrypt reads at most this many bytes of a password. */
  public static final int MAX_PASSWORD_BYTES = 72;

  /** The rule for passwords, as users read it. */
  public static final String PASSWORD_RULE =
      "A password needs at least "
          + MIN_PASSWORD_LENGTH
          + " characters (at most "
          + MAX_PASSWORD_BYTES
          + " bytes) and must not contain the user name.";

  /** The rule for user names, as users read it. */
  public static final String USERNAME_RULE =
      "A user name has 2 to 40 characters: lower-case letters, digits, '.', '_' or '-', starting"
          + " with a letter or digit.";

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
  private static final Label USER = Label.label("User");
  private static final Logger log = LoggerFactory.getLogger(AccountStore.class);

  private final NetmapProperties properties;
  private final PasswordEncoder encoder;
  private final GraphSetup setup;
  private volatile DatabaseManagementService service;
  private volatile GraphDatabaseService db;
  private boolean closed;

  AccountStore(NetmapProperties properties, PasswordEncoder encoder, GraphSetup setup) {
    this.properties = properties;
    this.encoder = encoder;
    this.setup = setup;
  }

  /** Thrown when a user name is taken. */
  public static final class DuplicateException extends RuntimeException {
    DuplicateException(String username) {
      super("A user named '" + username + "' already exists.");
    }
  }

  /** Thrown when a change would leave no enabled admin. */
  public static final class LastAdminException extends RuntimeException {
    LastAdminException() {
      super("At least one enabled ADMIN must remain: make another user ADMIN first.");
    }
  }

  @Override
  public void afterPropertiesSet() {
    setup.onceConnected(this::open);
  }

  private synchronized void open() {
    if (closed) {
      return;
    }
    Path home = properties.dataDir().resolve("accounts");
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new StartupException(
          "Cannot create the accounts store " + home.toAbsolutePath() + ": " + e.getMessage(),
          "Set netmap.data-dir to a directory this user may write to.",
          e);
    }
    try {
      service =
          new DatabaseManagementServiceBuilder(home)
              // no usage report to Neo4j's servers: netmap makes no calls beyond this machine
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              .setConfig(BoltConnector.enabled, false)
              .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, 8L << 20)
              .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 1L << 20)
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
              .build();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getClass().getSimpleName().equals("FileLockException")) {
          throw new StartupException(
              "The accounts store "
                  + home.toAbsolutePath()
                  + " is locked by another running netmap.",
              "Stop the other instance, or set netmap.data-dir to another directory.",
              e);
        }
      }
      throw e;
    }
    db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!hasUserNameConstraint()) {
      db.executeTransactionally(
          "CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE");
    }
    ensureAdmin();
  }

  /** Asked through the Java API: no Cypher statement to compile at every start. */
  private boolean hasUserNameConstraint() {
    try (Transaction tx = db.beginTx()) {
      for (var constraint : tx.schema().getConstraints(USER)) {
        if ("user_name".equals(constraint.getName())) {
          return true;
        }
      }
      return false;
    }
  }

  /** Shuts the store down; one still opening (the app's start failed) when it has opened. */
  @Override
  public synchronized void destroy() {
    closed = true;
    if (service != null) {
      service.shutdown();
    }
  }

  private synchronized void ensureAdmin() {
    String configured = properties.security().adminPassword();
    boolean isConfigured = configured != null && !configured.isBlank();
    Optional<Stored> admin = stored(ADMIN);
    if (admin.isEmpty()) {
      String password = configured;
      if (!isConfigured) {
        password = generatePassword();
        // printed, not logged: shown once on the console, kept out of log files
        System.out.println(
            "netmap: no netmap.security.admin-password set; the password of user 'admin' is: "
                + password
                + "\nnetmap: it is stored (as a hash) and not shown again; change it on the Admin"
                + " page, or set netmap.security.admin-password.");
        log.info("Created user 'admin' with a generated password (printed once on the console)");
      } else {
        log.info("Created user 'admin' with the password of netmap.security.admin-password");
      }
      write(
          tx -> {
            Node user = tx.createNode(USER);
            user.setProperty("username", ADMIN);
            user.setProperty("createdAt", now());
            return user;
          },
          Role.ADMIN,
          true,
          hash(password));
      return;
    }
    Stored stored = admin.get();
    if (isConfigured
        && (!encoder.matches(configured, stored.hash)
            || stored.account.role() != Role.ADMIN
            || !stored.account.enabled())) {
      update(ADMIN, Role.ADMIN, true, configured, false);
      log.info("User 'admin' reset to the password of netmap.security.admin-password");
    }
  }

  private static String generatePassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private String hash(String password) {
    return encoder.encode(password);
  }

  private record Stored(Account account, String hash) {}

  private static Stored stored(Node user) {
    return new Stored(
        new Account(
            (String) user.getProperty("username"),
            Role.valueOf((String) user.getProperty("role")),
            (Boolean) user.getProperty("enabled"),
            (String) user.getProperty("createdAt", "")),
        (String) user.getProperty("password"));
  }

  private Optional<Stored> stored(String username) {
    try (Transaction tx = db.beginTx()) {
      Node user = tx.findNode(USER, "username", username);
      return Optional.ofNullable(user).map(AccountStore::stored);
    }
  }

  /** The account of this user, if any. */
  public Optional<Account> find(String username) {
    return stored(username).map(Stored::account);
  }

  /** Every account, by user name. */
  public List<Account> list() {
    List<Account> accounts = new ArrayList<>();
    try (Transaction tx = db.beginTx()) {
      tx.findNodes(USER).forEachRemaining(n -> accounts.add(stored(n).account()));
    }
    accounts.sort(java.util.Comparator.comparing(Account::username));
    return accounts;
  }

  /** The login of a user, for Spring Security; its password is the stored hash. */
  public UserDetails loadUserByUsername(String username) {
    Stored stored =
        stored(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return User.withUsername(stored.account.username())
        .password(stored.hash)
        .authorities(stored.account.role().authority())
        .disabled(!stored.account.enabled())
        .build();
  }

  /** Null when the user name is valid, else what is wrong with it. */
  public static String checkUsername(String username) {
    return username != null && USERNAME.matcher(username).matches() ? null : USERNAME_RULE;
  }

  /** Null when the password is acceptable for this user, else the rule it breaks. */
  public static String checkPassword(String username, String password) {
    if (password == null
        || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
        || (username != null
            && password
                .toLowerCase(java.util.Locale.ROOT)
                .contains(username.toLowerCase(java.util.Locale.ROOT)))) {
      return PASSWORD_RULE;
    }
    return null;
  }

  /**
   * Makes an account; the caller has checked name and password.
   *
   * @throws DuplicateException when the name is taken
   */
  public synchronized Account create(String username, String password, Role role, boolean enabled) {
    if (stored(username).isPresent()) {
      throw new DuplicateException(username);
    }
    String hash = hash(password);
    write(
        tx -> {
          Node user = tx.createNode(USER);
          user.setProperty("username", username);
          user.setProperty("createdAt", now());
          return user;
        },
        role,
        enabled,
        hash);
    return find(username).orElseThrow();
  }

  /**
   * Changes what is given (null leaves it as it is); empty when there is no such user.
   *
   * @throws LastAdminException when no enabled ADMIN would remain
   */
  public Optional<Account> update(String username, Role role, Boolean enabled, String password) {
    return update(username, role, enabled, password, true);
  }

  private synchronized Optional<Account> update(
      String username, Role role, Boolean enabled, String password, boolean guard) {
    Optional<Stored> current = stored(username);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Account before = current.get().account();
    Role newRole = role == null ? before.role() : role;
    boolean newEnabled = enabled == null ? before.enabled() : enabled;
    if (guard
        && before.role() == Role.ADMIN
        && before.enabled()
        && (newRole != Role.ADMIN || !newEnabled)) {
      requireAnotherAdmin(username);
    }
    String hash = password == null ? current.get().hash : hash(password);
    write(tx -> tx.findNode(USER, "username", username), newRole, newEnabled, hash);
    return find(username);
  }

  /**
   * Deletes an account; false when there is none.
   *
   * @throws LastAdminException when it is the last enabled ADMIN
   */
  public synchronized boolean delete(String username) {
    Optional<Stored> current = stored(username);
    if (current.isEmpty()) {
      return false;
    }
    if (current.get().account().role() == Role.ADMIN && current.get().account().enabled()) {
      requireAnotherAdmin(username);
    }
    db.executeTransactionally(
        "MATCH (u:User {username: $name}) DELETE u", Map.of("name", username));
    return true;
  }

  private void requireAnotherAdmin(String username) {
    boolean another =
        list().stream()
            .anyMatch(a -> a.role() == Role.ADMIN && a.enabled() && !a.username().equals(username));
    if (!another) {
      throw new LastAdminException();
    }
  }

  private void write(
      java.util.function.Function<Transaction, Node> target,
      Role role,
      boolean enabled,
      String hash) {
    try (Transaction tx = db.beginTx()) {
      Node user = target.apply(tx);
      user.setProperty("role", role.name());
      user.setProperty("enabled", enabled);
      user.setProperty("password", hash);
      user.setProperty("updatedAt", now());
      tx.commit();
    }
  }
}
