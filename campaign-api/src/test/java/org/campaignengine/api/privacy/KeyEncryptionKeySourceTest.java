package org.campaignengine.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption keys come from, with something configured and with nothing. */
class KeyEncryptionKeySourceTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/campaigns";

    @TempDir
    Path dir;

    @Test
    void configured_keys_are_used_the_first_wrapping_and_the_others_only_unwrapping() {
        KeyEncryptionKeys keks = KeyEncryptionKeySource.resolve(List.of(TestKeks.K2, TestKeks.K1), null, POSTGRES);
        assertThat(keks.primaryId()).isEqualTo("k2");
        assertThat(keks.ids()).containsExactly("k2", "k1");
        KeyEncryptionKeys.Wrapped old = TestKeks.FIRST.wrap(new SecretKeySpec(new byte[32], "AES"));
        assertThat(keks.unwrap(old.kekId(), old.secret()).getEncoded()).isEqualTo(new byte[32]);
    }

    @Test
    void an_embedded_store_with_nothing_configured_gets_a_key_file_beside_its_data_directory_once() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/campaign-engine") + ";DB_CLOSE_ON_EXIT=FALSE";
        KeyEncryptionKeys first = KeyEncryptionKeySource.resolve(List.of(), null, url);
        Path file = dir.resolve("data-keys/campaign-engine.kek");
        assertThat(file).exists();
        assertThat(Files.exists(dir.resolve("data"))).as("nothing written into the data directory").isFalse();
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        KeyEncryptionKeys.Wrapped wrapped = first.wrap(new SecretKeySpec(new byte[32], "AES"));
        KeyEncryptionKeys again = KeyEncryptionKeySource.resolve(List.of(), null, url);
        assertThat(again.primaryId()).isEqualTo(first.primaryId());
        assertThat(again.unwrap(wrapped.kekId(), wrapped.secret()).getEncoded()).as("the same key, read back")
                .isEqualTo(new byte[32]);
    }

    @Test
    void a_configured_key_file_is_made_at_first_start_and_read_after() {
        Path file = dir.resolve("secrets/contact-keys.kek");
        KeyEncryptionKeys made = KeyEncryptionKeySource.resolve(List.of(), file.toString(), POSTGRES);
        KeyEncryptionKeys.Wrapped wrapped = made.wrap(new SecretKeySpec(new byte[32], "AES"));
        assertThat(file).exists();
        assertThat(KeyEncryptionKeySource.resolve(List.of(), file.toString(), POSTGRES)
                .unwrap(wrapped.kekId(), wrapped.secret()).getEncoded()).isEqualTo(new byte[32]);
    }

    @Test
    void a_key_file_lists_its_keys_one_a_line_with_comments() throws Exception {
        Path file = dir.resolve("rotated.kek");
        Files.writeString(file, "# rotated in December\n" + TestKeks.K2 + "\n\n" + TestKeks.K1 + "\n");
        assertThat(KeyEncryptionKeySource.resolve(List.of(), file.toString(), POSTGRES).ids())
                .containsExactly("k2", "k1");
    }

    @Test
    void an_in_memory_store_gets_a_key_held_in_memory() {
        assertThat(KeyEncryptionKeySource.resolve(List.of(), null, "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1").primaryId())
                .isEqualTo("memory");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_database_server_with_nothing_configured_refuses_to_start() {
        assertThatThrownBy(() -> KeyEncryptionKeySource.resolve(List.of(), null, POSTGRES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("campaign.privacy.key-encryption-keys")
                .hasMessageContaining("campaign.privacy.key-file");
        assertThatThrownBy(() -> KeyEncryptionKeySource.resolve(List.of(), "", "jdbc:h2:tcp://db/campaigns"))
                .as("an H2 server too").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keys_and_a_key_file_together_are_refused() {
        assertThatThrownBy(() -> KeyEncryptionKeySource.resolve(List.of(TestKeks.K1), dir.resolve("k").toString(),
                POSTGRES)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    @Test
    void malformed_keys_are_refused_without_showing_them() {
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(List.of("k1=c2hvcnQ="), "key-encryption-keys"))
                .hasMessageContaining("'k1' has 5 bytes, not 32").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(List.of("no id here"), "file"))
                .hasMessageContaining("id=Base64");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(List.of(TestKeks.K1, TestKeks.K1), "file"))
                .hasMessageContaining("'k1' is given twice");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(List.of("# only a comment"), "file"))
                .hasMessageContaining("no key-encryption key");
    }
}
