package eu.netmap.system;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reading is open to everyone; changing data (imports) needs the {@code admin} login over HTTP
 * basic. The password comes from {@code netmap.security.admin-password}, or is generated and
 * printed once at start-up. The console's {@code POST /api/cypher} is a read and stays open.
 */
@Configuration
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, "/api/import")
                    .hasRole("ADMIN")
                    // editing (issue 9); the accounts work rewrites this file with the full rules
                    .requestMatchers(HttpMethod.POST, "/api/nodes/**", "/api/relationships/**")
                    .hasAnyRole("EDITOR", "ADMIN")
                    .requestMatchers(HttpMethod.PUT, "/api/nodes/**", "/api/relationships/**")
                    .hasAnyRole("EDITOR", "ADMIN")
                    .requestMatchers(HttpMethod.DELETE, "/api/nodes/**", "/api/relationships/**")
                    .hasAnyRole("EDITOR", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/audit/**")
                    .hasAnyRole("EDITOR", "ADMIN")
                    .anyRequest()
                    .permitAll())
        .httpBasic(Customizer.withDefaults())
        // the API keeps no session: a stateless client sends its login with every request
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(NetmapProperties properties, PasswordEncoder encoder) {
    String password = properties.security().adminPassword();
    if (password == null || password.isBlank()) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      // printed, not logged: it is shown once on the console and kept out of log files
      System.out.println(
          "netmap: no netmap.security.admin-password set; the password of user 'admin' for this"
              + " run is: "
              + password);
      log.info("Generated a password for user 'admin' (printed once on the console)");
    }
    return new InMemoryUserDetailsManager(
        User.withUsername("admin").password(encoder.encode(password)).roles("ADMIN").build());
  }
}
