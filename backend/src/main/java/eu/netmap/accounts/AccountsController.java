package eu.netmap.accounts;

import eu.netmap.system.BadRequestException;
import eu.netmap.system.NetmapProperties;
import eu.netmap.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me} (who is logged in, for the web app to show or hide what needs a role) and the
 * user administration {@code /api/users} (ADMIN only, see SecurityConfiguration). A change to an
 * account ends that user's other browser sessions, so a disabled user or a lowered role takes
 * effect at once.
 */
@RestController
@RequestMapping("/api")
class AccountsController {

  private final AccountStore store;
  private final NetmapProperties properties;
  private final SessionRegistry sessions;

  AccountsController(AccountStore store, NetmapProperties properties, SessionRegistry sessions) {
    this.store = store;
    this.properties = properties;
    this.sessions = sessions;
  }

  /**
   * Who is asking.
   *
   * @param authenticated false for anonymous visitors
   * @param username the user's name, when logged in
   * @param role the user's role, when logged in
   * @param publicRead whether reading needs no login
   */
  record Me(boolean authenticated, String username, Role role, boolean publicRead) {}

  /**
   * A new user.
   *
   * @param username 2 to 40 lower-case letters, digits, '.', '_' or '-'
   * @param password at least 10 characters, not containing the user name
   * @param role READER (default), EDITOR or ADMIN
   * @param enabled false to create it disabled (default true)
   */
  record NewUser(String username, String password, String role, Boolean enabled) {}

  /**
   * A change to a user; what is left out stays as it is.
   *
   * @param role READER, EDITOR or ADMIN
   * @param enabled false disables the account (it cannot log in; its sessions end)
   * @param password a new password
   */
  record UserChange(String role, Boolean enabled, String password) {}

  @GetMapping("/me")
  Me me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean publicRead = properties.security().publicRead();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return new Me(false, null, null, publicRead);
    }
    return new Me(true, auth.getName(), Role.of(auth), publicRead);
  }

  @GetMapping("/users")
  List<Account> users() {
    return store.list();
  }

  @PostMapping("/users")
  ResponseEntity<Account> create(@RequestBody NewUser user) {
    String problem = AccountStore.checkUsername(user.username());
    if (problem != null) {
      throw new BadRequestException("username", problem);
    }
    problem = AccountStore.checkPassword(user.username(), user.password());
    if (problem != null) {
      throw new BadRequestException("password", problem);
    }
    Role role = user.role() == null ? Role.READER : role(user.role());
    Account account =
        store.create(
            user.username(), user.password(), role, user.enabled() == null || user.enabled());
    return ResponseEntity.created(URI.create("/api/users/" + account.username())).body(account);
  }

  @PutMapping("/users/{username}")
  Account update(
      @PathVariable String username, @RequestBody UserChange change, HttpServletRequest request) {
    Role role = change.role() == null ? null : role(change.role());
    if (change.password() != null) {
      String problem = AccountStore.checkPassword(username, change.password());
      if (problem != null) {
        throw new BadRequestException("password", problem);
      }
    }
    Account account =
        store
            .update(username, role, change.enabled(), change.password())
            .orElseThrow(() -> new NotFoundException("No user named '" + username + "'."));
    endSessions(username, request);
    return account;
  }

  @DeleteMapping("/users/{username}")
  ResponseEntity<Void> delete(@PathVariable String username, HttpServletRequest request) {
    if (!store.delete(username)) {
      throw new NotFoundException("No user named '" + username + "'.");
    }
    endSessions(username, request);
    return ResponseEntity.noContent().build();
  }

  private static Role role(String name) {
    Role role = Role.parse(name);
    if (role == null) {
      throw new BadRequestException("role", "Unknown role '" + name + "'", Role.names());
    }
    return role;
  }

  /** Ends the user's browser sessions (but not the one making this change). */
  private void endSessions(String username, HttpServletRequest request) {
    HttpSession own = request.getSession(false);
    for (Object principal : sessions.getAllPrincipals()) {
      String name =
          principal instanceof UserDetails details ? details.getUsername() : principal.toString();
      if (!name.equals(username)) {
        continue;
      }
      for (SessionInformation session : sessions.getAllSessions(principal, false)) {
        if (own == null || !own.getId().equals(session.getSessionId())) {
          session.expireNow();
        }
      }
    }
  }

  @ExceptionHandler({AccountStore.DuplicateException.class, AccountStore.LastAdminException.class})
  ProblemDetail conflict(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    return problem;
  }
}
