package eu.netmap.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the security filters, in the API's one error shape (ProblemDetail JSON), and the
 * few facts about a request they depend on: is it a browser, a page navigation, a script that wants
 * JSON.
 */
final class SecurityResponses {

  private final JsonMapper json;

  SecurityResponses(JsonMapper json) {
    this.json = json;
  }

  /** Writes a problem detail with the given status, title and detail, plus extra properties. */
  void problem(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      Map<String, Object> extra)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.putAll(extra);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(body));
  }

  /** Writes a JSON body with status 200. */
  void ok(HttpServletResponse response, Object body) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(body));
  }

  /**
   * True for requests a browser makes (they carry Sec-Fetch-* headers, or the X-Requested-With of
   * scripts): those never get a {@code WWW-Authenticate: Basic} challenge, so the browser neither
   * pops up its own login box nor starts sending stored credentials with every request.
   */
  static boolean fromBrowser(HttpServletRequest request) {
    return request.getHeader("Sec-Fetch-Mode") != null
        || request.getHeader("X-Requested-With") != null;
  }

  /** True when a person opens a page (the login page is the answer, not an error). */
  static boolean isNavigation(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return mode.equals("navigate");
    }
    String accept = request.getHeader("Accept");
    return request.getHeader("X-Requested-With") == null
        && accept != null
        && accept.contains("text/html");
  }

  /** True when a script asks (fetch with X-Requested-With or Accept: application/json). */
  static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getHeader("X-Requested-With") != null
        || (accept != null && accept.contains("application/json"));
  }
}
