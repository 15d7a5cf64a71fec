package org.campaignengine.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.CampaignEngineApplication;
import org.campaignengine.domain.privacy.PersonalData.Revealed;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine as an operator starts it on the embedded store: with nothing configured it makes its key file
 * beside the data directory; started again with a new key first it re-wraps every contact key, and the
 * sealed values still open; started without the key the stored rows name, it refuses to start.
 */
class H2KeyRotationOnStartTest {

    @Test
    void a_key_file_is_made_at_first_start_and_a_rotation_configured_later_rewraps_at_the_next() throws Exception {
        Path data = Path.of("target/e2e-h2", UUID.randomUUID().toString());
        String url = "jdbc:h2:file:./" + data + "/engine;DB_CLOSE_ON_EXIT=FALSE";
        Path keyFile = Path.of(data + "-keys", "engine.kek");

        String sealed;
        try (ConfigurableApplicationContext node = start(url)) {
            sealed = node.getBean(ContactKeys.class).sealer(List.of("c-1")).seal("c-1", "Ann Lee");
        }
        assertThat(keyFile).exists();
        String generated = Files.readAllLines(keyFile).stream().filter(line -> !line.startsWith("#")).findFirst()
                .orElseThrow();
        String generatedId = generated.substring(0, generated.indexOf('='));
        assertThat(kekIdAfterStart(url, generated)).isEqualTo(generatedId);

        String rotated = KeyEncryptionKeys.newEntry("k-next", new SecureRandom());
        try (ConfigurableApplicationContext node = start(url,
                "--campaign.privacy.key-encryption-keys=" + rotated + "," + generated)) {
            assertThat(kekId(node)).as("re-wrapped as the node started").isEqualTo("k-next");
            assertThat(node.getBean(ContactKeys.class).opener(List.of("c-1")).open("c-1", sealed))
                    .isEqualTo(new Revealed("Ann Lee", false));
        }
        try (ConfigurableApplicationContext node = start(url, "--campaign.privacy.key-encryption-keys=" + rotated)) {
            assertThat(node.getBean(ContactKeys.class).opener(List.of("c-1")).open("c-1", sealed).text())
                    .as("the old key is no longer needed").isEqualTo("Ann Lee");
        }
        assertThatThrownBy(() -> start(url).close()).as("the key file alone no longer opens the rows")
                .hasStackTraceContaining("'k-next', which is not configured here");
    }

    private static String kekIdAfterStart(String url, String entry) {
        try (ConfigurableApplicationContext node = start(url, "--campaign.privacy.key-encryption-keys=" + entry)) {
            return kekId(node);
        }
    }

    private static String kekId(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class).queryForObject(
                "SELECT kek_id FROM contact_key WHERE contact_id = 'c-1'", String.class);
    }

    private static ConfigurableApplicationContext start(String url, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--CAMPAIGN_ADMIN_PASSWORD=key rotation secret"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(CampaignEngineApplication.class).run(arguments.toArray(String[]::new));
    }
}
