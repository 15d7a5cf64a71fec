package org.campaignengine.bench.crud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Authentication as the engine does it: HTTP Basic against accounts in the database, read on every request;
 * the delegating password encoder (bcrypt), with a matched password remembered for five minutes under an
 * HMAC only this process knows; Bearer JWT as well when a key source is configured; 401 and 403 as problem
 * details. The account running the bench is {@code admin} with the password in {@code CAMPAIGN_ADMIN_PASSWORD}.
 */
@Configuration(proxyBeanMethods = false)
class CrudSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwt) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"crud-baseline\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "Authentication is required");
        };
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/health").permitAll()
                        .requestMatchers(HttpMethod.GET, "/campaigns").authenticated()
                        .requestMatchers("/campaigns", "/campaigns/**").hasAnyRole("ADMIN", "MANAGER", "SERVICE")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(
                        (request, response, denied) -> write(json, response, HttpStatus.FORBIDDEN,
                                "Not allowed for this account")))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(resource -> resource.jwt(j -> { }).authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwords() {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5));
    }

    /** The account of a request, read from the database on every request, as the engine reads its accounts. */
    @Bean
    UserDetailsService accounts(JdbcTemplate sql, CrudSchema schema) {
        return username -> {
            List<UserDetails> found = sql.query("SELECT password_hash, role, enabled FROM crud_account WHERE username = ?",
                    (rs, n) -> User.withUsername(username).password(rs.getString(1)).roles(rs.getString(2))
                            .disabled(!rs.getBoolean(3)).build(), username);
            if (found.isEmpty()) {
                throw new UsernameNotFoundException("no account " + username);
            }
            return found.get(0);
        };
    }

    @Bean
    CrudSchema schema(JdbcTemplate sql, PasswordEncoder passwords,
                      @Value("${CAMPAIGN_ADMIN_PASSWORD:crud-baseline}") String password) {
        return CrudSchema.create(sql, passwords.encode(password));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The engine's verified-password memo, in the baseline's words: only matches are remembered. */
    static final class RememberedPasswords implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final SecretKeySpec key;
        private final Cache<String, Boolean> verified;

        RememberedPasswords(PasswordEncoder delegate, Duration ttl) {
            this.delegate = delegate;
            this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            this.key = new SecretKeySpec(secret, "HmacSHA256");
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || encodedPassword == null) {
                return delegate.matches(rawPassword, encodedPassword);
            }
            String memo = encodedPassword + "|" + hmac(rawPassword);
            if (verified.getIfPresent(memo) != null) {
                return true;
            }
            boolean matches = delegate.matches(rawPassword, encodedPassword);
            if (matches) {
                verified.put(memo, Boolean.TRUE);
            }
            return matches;
        }

        private String hmac(CharSequence rawPassword) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
            }
        }
    }
}
