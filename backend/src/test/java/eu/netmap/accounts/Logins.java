package eu.netmap.accounts;

import eu.netmap.Api;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP requests as a user: HTTP basic for API clients, or a browser-like session with cookies. */
final class Logins {

  private Logins() {}

  /** The Authorization header value for HTTP basic. */
  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request with a JSON body (or none), as this user over HTTP basic (null: anonymous). */
  static Api.Response send(
      Api api, String method, String path, String json, String username, String password) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .header("Accept", "application/json");
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (username != null) {
      request.header("Authorization", basic(username, password));
    }
    return api.send(request.build());
  }

  /** A browser-like client: keeps the session and XSRF-TOKEN cookies between requests. */
  static final class Session {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final Api api;

    Session(Api api) {
      this.api = api;
    }

    /** The current XSRF-TOKEN cookie, or null. */
    String csrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    /** Opens the login page (which sets the CSRF cookie) and logs in as a script would. */
    Api.Response login(String username, String password) {
      get("/login");
      String form =
          "username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return send(
          HttpRequest.newBuilder(api.uri("/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .header("X-Requested-With", "XMLHttpRequest")
              .header("X-XSRF-TOKEN", csrfToken())
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Api.Response get(String path) {
      return send(HttpRequest.newBuilder(api.uri(path)).header("Accept", "application/json").GET());
    }

    /** A change with a JSON body, with or without the CSRF header. */
    Api.Response change(String method, String path, String json, boolean withToken) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.uri(path))
              .header("Accept", "application/json")
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json));
      if (withToken) {
        request.header("X-XSRF-TOKEN", csrfToken());
      }
      return send(request);
    }

    Api.Response send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.body());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
