package eu.netmap.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * The CSRF handling of a single-page app (Spring Security's {@code csrf.spa()}: the token is sent
 * in the {@code XSRF-TOKEN} cookie, the page returns it raw in the {@code X-XSRF-TOKEN} header, a
 * form masked), except that API calls without a browser session are left alone. Such calls never
 * need a token (see {@link SecurityConfiguration}), but {@code spa()} makes and sends a new one
 * with every answer to a client that keeps no cookies (scripts, load tests): two reads of the
 * shared {@code SecureRandom} and a {@code Set-Cookie} per request, which under load made request
 * threads queue on the random generator's lock (a JFR profile of 50 concurrent API clients). Pages,
 * the login form, {@code GET /api/me} and every request of a session still get the cookie.
 */
final class BrowserCsrfTokenHandler implements CsrfTokenRequestHandler {

  private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
  private final XorCsrfTokenRequestAttributeHandler masked =
      new XorCsrfTokenRequestAttributeHandler();

  BrowserCsrfTokenHandler() {
    // as in spa(): both put the token under the same request attribute name
    masked.setCsrfRequestAttributeName(null);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
    if (!sessionlessApiCall(request)) {
      masked.handle(request, response, csrfToken);
    }
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
    String header = request.getHeader(csrfToken.getHeaderName());
    return (StringUtils.hasText(header) ? plain : masked).resolveCsrfTokenValue(request, csrfToken);
  }

  /** A call of the API (not {@code /api/me}, which browsers ask first) without a session. */
  static boolean sessionlessApiCall(HttpServletRequest request) {
    String path = request.getServletPath();
    return request.getRequestedSessionId() == null
        && path.startsWith("/api/")
        && !path.equals("/api/me");
  }
}
