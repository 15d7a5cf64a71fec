package org.campaignengine.bench.crud;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service a team would write instead of the engine, as the bench's baseline: a campaign is a row with a
 * mutable status column and a version. Same web stack as the engine (Spring Boot, Spring MVC on Tomcat,
 * Spring Security with HTTP Basic against accounts in the database, bcrypt with verified passwords
 * remembered as the engine remembers them, and Bearer JWT when Spring's resource-server properties name a
 * key; Jackson with the engine's settings; problem details for every error), on the same database:
 * <ul>
 *   <li>{@code POST /campaigns} inserts a row, status DRAFT;</li>
 *   <li>{@code POST /campaigns/{id}/pause} and {@code /resume} and {@code PATCH /campaigns/{id}} (a new name)
 *       read the row and update it under a version check (0 rows updated: 409);</li>
 *   <li>{@code GET /campaigns?sort=name&page=&size=} reads a page of an indexed table.</li>
 * </ul>
 * It runs on the engine's own jar (Spring Boot's {@code PropertiesLauncher} with this package's jar on
 * {@code loader.path}), so its libraries are exactly the engine's; it reads no {@code application.yml} of
 * the engine's ({@code spring.config.name} is its own) and imports only the auto-configurations it names.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@Import({CrudSecurity.class, CrudCampaigns.class})
public class CrudService {

    /** The engine's own settings for what both have: JSON, problem details and the connection pool. */
    static final Map<String, Object> SETTINGS = Map.of(
            "spring.jackson.deserialization.fail-on-unknown-properties", "true",
            "spring.jackson.serialization.write-dates-as-timestamps", "false",
            "spring.jackson.default-property-inclusion", "always",
            "spring.mvc.problemdetails.enabled", "true",
            "server.error.include-stacktrace", "never",
            "server.error.include-message", "never",
            "spring.threads.virtual.enabled", "false",
            "spring.datasource.hikari.connection-init-sql",
            "SET statement_timeout = '60s'; SET idle_in_transaction_session_timeout = '60s'",
            "spring.datasource.hikari.connection-timeout", "3000");

    public static void main(String[] args) {
        System.setProperty("spring.config.name", "crud-baseline");
        SpringApplication application = new SpringApplication(CrudService.class);
        application.setDefaultProperties(SETTINGS);
        application.run(args);
    }
}
