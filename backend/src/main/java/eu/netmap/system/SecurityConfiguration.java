package eu.netmap.system;

import eu.netmap.accounts.AccountStore;
import eu.netmap.accounts.LoginThrottle;
import eu.netmap.accounts.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what (README "Accounts and access"): reading is open to everyone while {@code
 * netmap.security.public-read} is on (else it needs a login); changing the graph needs EDITOR;
 * users, backups and restores need ADMIN. ADMIN includes EDITOR, EDITOR includes READER.
 *
 * <p>Browsers log in on the login page ({@code /login}) and keep a session; their changes carry the
 * CSRF token of the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header. API clients send
 * HTTP basic credentials with each request and keep no session; such requests need no CSRF token (a
 * cross-site page cannot add an Authorization header). Browsers are never sent a basic challenge,
 * so they never store basic credentials that a cross-site request could reuse. The console's {@code
 * POST /api/cypher} (and its export) only read, and are treated as reads.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

  /** The login page and the form's target. */
  static final String LOGIN = "/login";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(LOGIN).setViewName("forward:/login.html");
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      NetmapProperties properties,
      LoginThrottle throttle,
      SessionRegistry sessionRegistry,
      JsonMapper json)
      throws Exception {
    boolean publicRead = properties.security().publicRead();
    SecurityResponses responses = new SecurityResponses(json);
    AuthenticationEntryPoint entryPoint = entryPoint(responses);
    RequestMatcher consoleReads =
        new OrRequestMatcher(post("/api/cypher"), post("/api/cypher/export"));
    http.authorizeHttpRequests(
            requests -> {
              requests
                  // the login page forwards to its file; errors render on /error
                  .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                  .permitAll()
                  .requestMatchers(
                      LOGIN,
                      "/login.html",
                      "/css/**",
                      "/js/**",
                      "/webjars/**",
                      "/favicon.ico",
                      "/error",
                      "/actuator/health",
                      "/actuator/health/**")
                  .permitAll()
                  .requestMatchers(HttpMethod.GET, "/api/me")
                  .permitAll()
                  .requestMatchers("/api/users", "/api/users/**")
                  .hasRole(Role.ADMIN.name())
                  .requestMatchers(HttpMethod.GET, "/api/backup")
                  .hasRole(Role.ADMIN.name())
                  .requestMatchers(HttpMethod.POST, "/api/restore")
                  .hasRole(Role.ADMIN.name());
              if (publicRead) {
                requests.requestMatchers(consoleReads).permitAll();
              } else {
                requests.requestMatchers(consoleReads).authenticated();
              }
              requests
                  .requestMatchers(HttpMethod.POST, "/api/import")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.POST, "/api/nodes/**", "/api/relationships/**")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.PUT, "/api/nodes/**", "/api/relationships/**")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.DELETE, "/api/nodes/**", "/api/relationships/**")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.POST, "/api/audit/**")
                  .hasRole(Role.EDITOR.name())
                  // any other change through the API is an edit too, until it says otherwise
                  .requestMatchers(HttpMethod.POST, "/api/**")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.PUT, "/api/**")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.PATCH, "/api/**")
                  .hasRole(Role.EDITOR.name())
                  .requestMatchers(HttpMethod.DELETE, "/api/**")
                  .hasRole(Role.EDITOR.name());
              if (publicRead) {
                requests.anyRequest().permitAll();
              } else {
                requests.anyRequest().authenticated();
              }
            })
        .formLogin(
            form ->
                form.loginPage(LOGIN)
                    .loginProcessingUrl(LOGIN)
                    .successHandler(loginSucceeded(responses))
                    .failureHandler(loginFailed(responses))
                    .permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .logoutSuccessHandler(loggedOut())
                    .deleteCookies("JSESSIONID"))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new BrowserCsrfTokenHandler())
                    .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
                    .ignoringRequestMatchers(consoleReads))
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied(responses)))
        .sessionManagement(
            sessions ->
                sessions.sessionConcurrency(
                    concurrency ->
                        concurrency
                            .maximumSessions(-1)
                            .sessionRegistry(sessionRegistry)
                            .expiredSessionStrategy(sessionEnded(responses))))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, responses),
            UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  private static RequestMatcher post(String path) {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
  }

  /**
   * A change from a browser session (it sends a session cookie) or to the login and logout forms. A
   * request without a session has no login a forged request could ride on (and one with basic
   * credentials carries its own), so it needs no token: without a login it is refused with 401.
   */
  private static boolean needsCsrfToken(HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS")
        || method.equals("TRACE")
        || basicCredentials(request)) {
      return false;
    }
    String path = request.getServletPath();
    return request.getRequestedSessionId() != null || path.equals(LOGIN) || path.equals("/logout");
  }

  /**
   * Checks the password before saying that an account is disabled, so that a guess learns nothing
   * about which accounts exist.
   */
  @Bean
  DaoAuthenticationProvider authenticationProvider(
      AccountStore accounts, PasswordEncoder passwordEncoder) {
    DaoAuthenticationProvider provider =
        new DaoAuthenticationProvider(accounts::loadUserByUsername);
    provider.setPasswordEncoder(passwordEncoder);
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(
        user -> {
          if (!user.isEnabled()) {
            throw new DisabledException("User account is disabled");
          }
        });
    return provider;
  }

  private static boolean basicCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /**
   * No observations of the security filters: the property {@code
   * management.observations.enable.spring.security=false} only mutes them, and every filter of
   * every request was still wrapped to make a muted observation (seen in a JFR profile under load).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role(Role.ADMIN.name())
        .implies(Role.EDITOR.name())
        .role(Role.EDITOR.name())
        .implies(Role.READER.name())
        .build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    // BCrypt, with the {bcrypt} prefix that lets a later encoder take over
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** The browser sessions per user, so that a change to an account can end them. */
  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Tells the session registry when sessions end. */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /** Not logged in: a page opens the login page; everything else gets 401. */
  private static AuthenticationEntryPoint entryPoint(SecurityResponses responses) {
    return (request, response, e) -> {
      if (SecurityResponses.isNavigation(request)) {
        response.sendRedirect(request.getContextPath() + LOGIN);
        return;
      }
      if (!SecurityResponses.fromBrowser(request)) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"netmap\"");
      }
      String detail =
          basicCredentials(request)
              ? e instanceof DisabledException
                  ? "This account is disabled; ask an administrator."
                  : "Wrong user name or password."
              : "Log in first: HTTP basic credentials for API clients, the login page (/login)"
                  + " in a browser.";
      responses.problem(request, response, 401, "Unauthorized", detail, Map.of());
    };
  }

  private static AccessDeniedHandler denied(SecurityResponses responses) {
    return (request, response, e) -> {
      if (e instanceof CsrfException) {
        responses.problem(
            request,
            response,
            403,
            "Forbidden",
            "Missing or wrong CSRF token: a browser session sends the value of the XSRF-TOKEN"
                + " cookie in the X-XSRF-TOKEN header; API clients log in with HTTP basic"
                + " instead.",
            Map.of());
        return;
      }
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      Role role = Role.of(auth);
      String path = request.getServletPath();
      Role needed =
          path.startsWith("/api/users")
                  || path.startsWith("/api/backup")
                  || path.startsWith("/api/restore")
              ? Role.ADMIN
              : Role.EDITOR;
      responses.problem(
          request,
          response,
          403,
          "Forbidden",
          "This needs the role "
              + needed
              + (role == null ? "." : "; '" + auth.getName() + "' has " + role + "."),
          Map.of("needed", needed.name()));
    };
  }

  /** Scripts get who logged in as JSON; a plain form post goes to the app. */
  private static AuthenticationSuccessHandler loginSucceeded(SecurityResponses responses) {
    SavedRequestAwareAuthenticationSuccessHandler page =
        new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, auth) -> {
      if (SecurityResponses.wantsJson(request)) {
        responses.ok(
            response,
            Map.of("authenticated", true, "username", auth.getName(), "role", Role.of(auth)));
      } else {
        page.onAuthenticationSuccess(request, response, auth);
      }
    };
  }

  private static AuthenticationFailureHandler loginFailed(SecurityResponses responses) {
    return (request, response, e) -> {
      if (!SecurityResponses.wantsJson(request)) {
        response.sendRedirect(request.getContextPath() + LOGIN + "?error");
        return;
      }
      responses.problem(
          request,
          response,
          401,
          "Login failed",
          e instanceof DisabledException
              ? "This account is disabled; ask an administrator."
              : "Wrong user name or password.",
          Map.of());
    };
  }

  private static LogoutSuccessHandler loggedOut() {
    return (request, response, auth) -> {
      if (SecurityResponses.wantsJson(request)) {
        response.setStatus(204);
      } else {
        response.sendRedirect(request.getContextPath() + LOGIN + "?logout");
      }
    };
  }

  /** A session whose account an admin changed: log in again. */
  private static SessionInformationExpiredStrategy sessionEnded(SecurityResponses responses) {
    return event -> {
      if (SecurityResponses.isNavigation(event.getRequest())) {
        event.getResponse().sendRedirect(event.getRequest().getContextPath() + LOGIN);
        return;
      }
      responses.problem(
          event.getRequest(),
          event.getResponse(),
          401,
          "Session ended",
          "Your session ended because an administrator changed your account; log in again.",
          Map.of());
    };
  }
}
