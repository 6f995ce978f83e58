package eu.netmap.accounts;

/**
 * A user as the API shows it; the password hash never leaves {@link AccountStore}.
 *
 * @param username the login name
 * @param role what the user may do
 * @param enabled false when an admin has disabled the account (it cannot log in)
 * @param createdAt when the account was made (ISO-8601, UTC)
 */
public record Account(String username, Role role, boolean enabled, String createdAt) {}
