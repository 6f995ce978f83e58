package eu.netmap.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a user may do. Each role includes the ones before it: an ADMIN can do all an EDITOR can, an
 * EDITOR all a READER can.
 */
public enum Role {
  /** Reads the graph (everyone can while {@code netmap.security.public-read} is on). */
  READER,
  /** Also changes the graph: edits, imports, reverts. */
  EDITOR,
  /** Also manages users and takes or restores backups. */
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role named (in any case), or null. */
  public static Role parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The highest role a login has, or null (anonymous). */
  public static Role of(Authentication auth) {
    Role best = null;
    if (auth == null) {
      return null;
    }
    for (GrantedAuthority authority : auth.getAuthorities()) {
      for (Role role : values()) {
        if (role.authority().equals(authority.getAuthority())
            && (best == null || role.compareTo(best) > 0)) {
          best = role;
        }
      }
    }
    return best;
  }

  /** The role names, for error messages. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
