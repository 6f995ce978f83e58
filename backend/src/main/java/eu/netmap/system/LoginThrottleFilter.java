package eu.netmap.system;

import eu.netmap.accounts.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (the login form's POST, or a request with HTTP basic credentials) with
 * 429 and {@code Retry-After} while its user name or its client address has used up its failed
 * logins ({@link LoginThrottle}). It runs before the password is checked, so a refused guess costs
 * no BCrypt work and learns nothing.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final SecurityResponses responses;

  LoginThrottleFilter(LoginThrottle throttle, SecurityResponses responses) {
    this.throttle = throttle;
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean formLogin =
        "POST".equals(request.getMethod())
            && SecurityConfiguration.LOGIN.equals(request.getServletPath());
    String username = formLogin ? request.getParameter("username") : basicUsername(request);
    if (!formLogin && username == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<LoginThrottle.Refusal> refusal = throttle.check(username, request.getRemoteAddr());
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (refusal.get().retryAfter().toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    responses.problem(
        request,
        response,
        429,
        "Too many login attempts",
        refusal.get().reason() + " Try again in " + seconds + " seconds.",
        Map.of("retryAfter", seconds));
  }

  private static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null; // not base64: the basic filter refuses it
    }
  }
}
