package org.campaignengine.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Path README = Path.of("..", "README.md");
    /** A path the README's walkthrough calls ({@code $BASE/campaigns/$ID/pause}), without its query. */
    private static final Pattern README_CALL = Pattern.compile("\\$BASE(/[^\\s\"?]*)");
    /** A path the script calls ({@code call POST "/campaigns/$ID/pause" 200}, {@code await "/campaigns/..."}). */
    private static final Pattern SCRIPT_CALL = Pattern.compile("(?:call [A-Z]+|await) \"?(/api/v1)?(/[^\\s\"?]*)");

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

    @Test
    void the_script_calls_the_paths_the_readme_walkthrough_calls() throws IOException {
        Set<String> readme = paths(Files.readString(README), README_CALL, 1);
        Set<String> script = paths(Files.readString(SCRIPT), SCRIPT_CALL, 2);
        script.remove("/actuator/health");

        assertThat(readme).isNotEmpty().isEqualTo(script);
    }

    private static Set<String> paths(String text, Pattern call, int group) {
        Set<String> paths = new TreeSet<>();
        Matcher matcher = call.matcher(text);
        while (matcher.find()) {
            paths.add(matcher.group(group));
        }
        return paths;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .anyMatch(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate));
    }
}
