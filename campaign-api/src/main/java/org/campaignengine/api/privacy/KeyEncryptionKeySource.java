package org.campaignengine.api.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key-encryption keys come from. Configured keys ({@code campaign.privacy.key-encryption-keys})
 * or a key file ({@code campaign.privacy.key-file}, made at first start when absent); with neither, the
 * embedded H2 store gets a key file of its own beside its data directory ({@code ./data} →
 * {@code ./data-keys/campaign-engine.kek}), so a {@code java -jar} on a laptop runs with nothing set
 * and a copy of {@code ./data} holds no key. Any other database refuses to start without one: a
 * server's keys belong where the operator keeps secrets, not where a node happened to write a file.
 */
public final class KeyEncryptionKeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeySource.class);
    private static final String H2 = "jdbc:h2:";

    private KeyEncryptionKeySource() {
    }

    public static KeyEncryptionKeys resolve(List<String> configured, String keyFile, String datasourceUrl) {
        boolean listed = configured != null && configured.stream().anyMatch(entry -> !entry.isBlank());
        boolean filed = keyFile != null && !keyFile.isBlank();
        if (listed && filed) {
            throw new IllegalStateException("Set campaign.privacy.key-encryption-keys or campaign.privacy.key-file, "
                    + "not both");
        }
        if (listed) {
            return KeyEncryptionKeys.parse(configured, "campaign.privacy.key-encryption-keys");
        }
        if (filed) {
            return readOrCreate(Path.of(keyFile), "campaign.privacy.key-file");
        }
        String url = datasourceUrl == null ? "" : datasourceUrl;
        if (url.startsWith(H2 + "mem:")) {
            log.info("Contact keys are wrapped by a key-encryption key held in memory only, like the in-memory "
                    + "database they are kept in");
            return KeyEncryptionKeys.parse(List.of(KeyEncryptionKeys.newEntry("memory", new SecureRandom())),
                    "memory");
        }
        Path embedded = embeddedDatabase(url);
        if (embedded != null) {
            return readOrCreate(defaultKeyFile(embedded), "the embedded database's key file");
        }
        throw new IllegalStateException("No key-encryption key for the contacts' keys: set "
                + "campaign.privacy.key-encryption-keys (id=Base64 of 32 random bytes, e.g. "
                + "CAMPAIGN_PRIVACY_KEY_ENCRYPTION_KEYS=k1=$(openssl rand -base64 32)) or campaign.privacy.key-file "
                + "(a file made at first start when absent); see docs/operations.md");
    }

    /** The file of an H2 database in file mode ({@code jdbc:h2:file:./data/x}, {@code jdbc:h2:~/x}), or null. */
    static Path embeddedDatabase(String url) {
        if (!url.startsWith(H2)) {
            return null;
        }
        String name = url.substring(H2.length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^[A-Za-z]{2,}:.*")) {
            return null;
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name).toAbsolutePath().normalize();
    }

    /** Beside the data directory, never in it: {@code <dir>/<db>} → {@code <dir>-keys/<db>.kek}. */
    static Path defaultKeyFile(Path database) {
        Path directory = database.getParent();
        return directory.resolveSibling(directory.getFileName() + "-keys").resolve(database.getFileName() + ".kek");
    }

    static KeyEncryptionKeys readOrCreate(Path file, String source) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return KeyEncryptionKeys.parse(Files.readAllLines(file, StandardCharsets.UTF_8), source + " " + file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or make the key-encryption key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String id = "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        String content = "# Key-encryption keys of the contacts' keys, id=Base64; the first wraps, the others only "
                + "unwrap.\n# Keep this file, apart from the database's backups: without it no sealed name or phone "
                + "can be read.\n" + KeyEncryptionKeys.newEntry(id, new SecureRandom()) + "\n";
        FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path written = Files.createTempFile(file.toAbsolutePath().getParent(), ".kek-", ".tmp", ownerOnly);
        try {
            Files.writeString(written, content, StandardCharsets.UTF_8);
            // a link appears whole or not at all, and never replaces a file another node made meanwhile
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException raced) {
            return;
        } finally {
            Files.deleteIfExists(written);
        }
        log.warn("Made a key-encryption key ('{}') for the contacts' keys in {}: keep this file, and back it up "
                + "apart from the database; without it no sealed name or phone can be read", id, file);
    }
}
