package org.campaignengine.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The key-encryption keys as operators give them: environment variables named as operations.md says. */
class PrivacyConfigurationTest {

    @Test
    void keys_given_as_an_environment_variable_are_read_the_first_wrapping() {
        String newer = KeyEncryptionKeys.newEntry("k2", new SecureRandom());
        String older = KeyEncryptionKeys.newEntry("k1", new SecureRandom());
        KeyEncryptionKeys keys = new PrivacyConfiguration().keyEncryptionKeys(environment(Map.of(
                "CAMPAIGN_PRIVACY_KEY_ENCRYPTION_KEYS", newer + "," + older,
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example:5432/campaigns")));

        assertThat(keys.primaryId()).isEqualTo("k2");
        assertThat(keys.ids()).containsExactly("k2", "k1");
    }

    @Test
    void a_key_file_given_as_an_environment_variable_is_made_there(@TempDir Path dir) {
        Path file = dir.resolve("keys/contact-keys.kek");
        KeyEncryptionKeys keys = new PrivacyConfiguration().keyEncryptionKeys(environment(Map.of(
                "CAMPAIGN_PRIVACY_KEY_FILE", file.toString(),
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example:5432/campaigns")));

        assertThat(file).exists();
        assertThat(keys.ids()).hasSize(1);
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, variables));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
