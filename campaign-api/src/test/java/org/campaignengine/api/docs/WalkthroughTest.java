package org.campaignengine.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's walkthrough, as {@code docs/walkthrough.sh} runs it, against the engine on its embedded
 * default (H2 in file mode, a fresh file under target/): it must take its campaign from creation to
 * archive and verify the history, exiting 0. Skipped only where bash or curl is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "CAMPAIGN_ADMIN_PASSWORD=" + WalkthroughTest.PASSWORD)
class WalkthroughTest {

    static final String PASSWORD = "walkthrough-secret";
    private static final Path SCRIPT = Path.of("..", "docs", "walkthrough.sh");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/walkthrough-h2/" + UUID.randomUUID()
                + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void the_walkthrough_takes_a_campaign_from_creation_to_a_verified_archive() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assumeTrue(onPath("curl"), "curl is not installed");
        assertThat(SCRIPT).isRegularFile();

        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("BASE_URL", "http://localhost:" + port);
        environment.put("ADMIN_USER", "admin");
        environment.put("ADMIN_PASSWORD", PASSWORD);
        Process script = builder.start();
        script.getOutputStream().close();
        byte[] output = script.getInputStream().readAllBytes();
        assertThat(script.waitFor(2, TimeUnit.MINUTES)).as("the walkthrough ends").isTrue();
        String printed = new String(output, StandardCharsets.UTF_8);

        assertThat(script.exitValue()).as(printed).isZero();
        assertThat(printed).contains("==> 12. Audit", "went from DRAFT to ARCHIVED");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .anyMatch(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate));
    }
}
