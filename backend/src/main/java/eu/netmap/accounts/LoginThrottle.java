package eu.netmap.accounts;

import eu.netmap.system.NetmapProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: each failed login takes a token from a bucket of its user name and
 * one of its client address (token buckets, bucket4j); while either is empty, further logins with
 * that name or from that address are refused until a token comes back. Successful logins cost
 * nothing, so API clients that send their login with every request are not slowed.
 */
@Component
public class LoginThrottle {

  /** Buckets kept at most per kind before full (idle) ones are dropped. */
  static final int MAX_TRACKED = 10_000;

  private final NetmapProperties.LoginAttempts limits;
  private final ConcurrentMap<String, Bucket> users = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Bucket> addresses = new ConcurrentHashMap<>();

  LoginThrottle(NetmapProperties properties) {
    this.limits = properties.security().loginAttempts();
  }

  /**
   * Why a login is refused now and how long to wait.
   *
   * @param retryAfter time until one more attempt is allowed
   * @param reason what was exceeded, in words
   */
  public record Refusal(Duration retryAfter, String reason) {}

  /** A refusal when this user name or this address has used up its failed logins. */
  public Optional<Refusal> check(String username, String address) {
    if (username != null) {
      Optional<Duration> wait = waitFor(users.get(key(username)));
      if (wait.isPresent()) {
        return Optional.of(
            new Refusal(
                wait.get(),
                "Too many failed logins for user '"
                    + username
                    + "' (at most "
                    + limits.perUser()
                    + " in "
                    + words(limits.period())
                    + ")."));
      }
    }
    if (address != null) {
      Optional<Duration> wait = waitFor(addresses.get(address));
      if (wait.isPresent()) {
        return Optional.of(
            new Refusal(
                wait.get(),
                "Too many failed logins from this address (at most "
                    + limits.perAddress()
                    + " in "
                    + words(limits.period())
                    + ")."));
      }
    }
    return Optional.empty();
  }

  /** Counts a failed login (wrong password, unknown or disabled user). */
  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String username = event.getAuthentication().getName();
    if (username != null && !username.isEmpty()) {
      take(users, key(username), limits.perUser());
    }
    if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null) {
      take(addresses, details.getRemoteAddress(), limits.perAddress());
    }
  }

  /** Forgets every failed login (for tests). */
  void reset() {
    users.clear();
    addresses.clear();
  }

  private void take(ConcurrentMap<String, Bucket> buckets, String key, int capacity) {
    if (buckets.size() >= MAX_TRACKED) {
      // a full bucket holds no information: drop those first
      buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
    }
    buckets
        .computeIfAbsent(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, limits.period())
                            .build())
                    .build())
        .tryConsume(1);
  }

  private static Optional<Duration> waitFor(Bucket bucket) {
    if (bucket == null) {
      return Optional.empty();
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  private static String words(Duration period) {
    long seconds = period.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
    }
    return seconds + " seconds";
  }
}
