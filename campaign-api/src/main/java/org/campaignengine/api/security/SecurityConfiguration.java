package org.campaignengine.api.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything but {@code /actuator/health} needs credentials (HTTP Basic). Until accounts are kept by
 * the engine, the one account is the bootstrap admin, whose password comes from
 * {@code CAMPAIGN_ADMIN_PASSWORD} or is generated and printed at start.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated(json)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(denied(json)))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService bootstrapAdmin(PasswordEncoder encoder,
                                      @Value("${CAMPAIGN_ADMIN_PASSWORD:}") String configuredPassword) {
        String password = configuredPassword;
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("CAMPAIGN_ADMIN_PASSWORD is not set; generated password for user 'admin': {}", password);
        }
        return new InMemoryUserDetailsManager(User.withUsername("admin").password(encoder.encode(password))
                .roles("ADMIN").build());
    }

    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"campaign-engine\"");
            write(json, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Authentication is required"));
        };
    }

    private static AccessDeniedHandler denied(ObjectMapper json) {
        return (request, response, e) -> write(json, response,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Not allowed for this account"));
    }

    private static void write(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                              ProblemDetail problem) throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
