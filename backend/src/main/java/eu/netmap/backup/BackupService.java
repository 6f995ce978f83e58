package eu.netmap.backup;

import eu.netmap.NetmapApplication;
import eu.netmap.importer.backup.BackupSummary;
import eu.netmap.importer.backup.GraphBackup;
import eu.netmap.system.NetmapProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Backup files in {@code ${netmap.data-dir}/backups}, named {@code
 * netmap-backup-2026-05-31T02-00-00-000Z.jsonl} (UTC), so that their names sort by age. With {@code
 * netmap.backup.enabled} one is taken every {@code netmap.backup.interval}, counted from the newest
 * one already there (a minute after start-up when that one is overdue), and only the newest {@code
 * netmap.backup.keep} are kept.
 */
@Component
class BackupService implements DisposableBean {

  /** Backup file names: their timestamp sorts by age. */
  static final Pattern NAME =
      Pattern.compile("netmap-backup-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z\\.jsonl");

  /** Wait after start-up before an overdue backup, so start-up is not slowed. */
  static final Duration FIRST_DELAY = Duration.ofMinutes(1);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss-SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Logger log = LoggerFactory.getLogger(BackupService.class);

  private final Driver driver;
  private final NetmapProperties.Backup settings;
  private final Path directory;
  private ScheduledExecutorService scheduler;

  @org.springframework.beans.factory.annotation.Autowired
  BackupService(Driver driver, NetmapProperties properties) {
    this(driver, properties.dataDir().resolve("backups"), properties.backup());
  }

  BackupService(Driver driver, Path directory, NetmapProperties.Backup settings) {
    this.driver = driver;
    this.settings = settings;
    this.directory = directory;
  }

  /** The netmap version named in backups. */
  static String netmapVersion() {
    String version = NetmapApplication.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** A backup file name for this moment. */
  static String fileName(Instant at) {
    return "netmap-backup-" + STAMP.format(at) + GraphBackup.EXTENSION;
  }

  Path directory() {
    return directory;
  }

  /** The backups in the directory, oldest first. */
  List<Path> list() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  /** Takes a backup into the directory now, then deletes the oldest beyond the number kept. */
  synchronized Path backupNow() throws IOException {
    Files.createDirectories(directory);
    Instant now = Instant.now();
    Path target = directory.resolve(fileName(now));
    while (Files.exists(target)) {
      now = now.plusMillis(1);
      target = directory.resolve(fileName(now));
    }
    // written under another name first: a half-written file never looks like a backup
    Path part = directory.resolve(target.getFileName() + ".part");
    try {
      BackupSummary summary = GraphBackup.backup(driver, part, netmapVersion());
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      log.info("Backup of {} written to {}", summary, target.toAbsolutePath());
    } finally {
      Files.deleteIfExists(part);
    }
    rotate();
    return target;
  }

  /** Deletes the oldest backups beyond {@code netmap.backup.keep}. */
  void rotate() throws IOException {
    List<Path> backups = list();
    for (int i = 0; i < backups.size() - Math.max(1, settings.keep()); i++) {
      Files.deleteIfExists(backups.get(i));
      log.info("Old backup {} deleted (netmap.backup.keep={})", backups.get(i), settings.keep());
    }
  }

  /** When the next scheduled backup is due: an interval after the newest one. */
  Duration firstDelay(Instant now) throws IOException {
    List<Path> backups = list();
    if (backups.isEmpty()) {
      return FIRST_DELAY;
    }
    Instant newest = instantOf(backups.get(backups.size() - 1));
    Duration untilDue = Duration.between(now, newest.plus(settings.interval()));
    return untilDue.compareTo(FIRST_DELAY) < 0 ? FIRST_DELAY : untilDue;
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() throws IOException {
    if (!settings.enabled()) {
      log.info("Scheduled backups are off (netmap.backup.enabled=false)");
      return;
    }
    if (settings.interval().compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalStateException("netmap.backup.interval must be at least 1m");
    }
    Duration first = firstDelay(Instant.now());
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "netmap-backup");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleAtFixedRate(
        this::scheduledBackup,
        first.toMillis(),
        settings.interval().toMillis(),
        TimeUnit.MILLISECONDS);
    log.info(
        "Backups every {} into {}, keeping {}; next in {} min",
        settings.interval(),
        directory.toAbsolutePath(),
        settings.keep(),
        first.toMinutes());
  }

  private void scheduledBackup() {
    try {
      backupNow();
    } catch (IOException | RuntimeException e) {
      // the next run tries again; a failed run must not end the schedule
      log.error("Scheduled backup failed: {}", e.toString());
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** When a backup was taken, from its name. */
  static Instant instantOf(Path backup) {
    String name = backup.getFileName().toString();
    String stamp = name.substring("netmap-backup-".length(), name.length() - ".jsonl".length());
    return Instant.from(STAMP.parse(stamp)).truncatedTo(ChronoUnit.MILLIS);
  }
}
