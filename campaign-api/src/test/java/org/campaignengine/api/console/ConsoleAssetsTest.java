package org.campaignengine.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campaignengine.api.e2e.EngineClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's pages and every file they load are served by the engine itself, without credentials (they
 * hold no data), from the jar: the static files and the WebJars of the versions the build declares.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleAssetsTest {

    private static final Pattern ASSET = Pattern.compile("(?<![:\\w-])(?:src|href)=\"([^\"#:]+)\"");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/console-assets-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }

    @LocalServerPort
    int port;

    @Test
    void every_file_the_console_pages_load_is_served_without_credentials() throws IOException {
        EngineClient anonymous = new EngineClient(port, null, null);
        for (String page : List.of("index.html", "login.html")) {
            String html = resource("static/console/" + page);
            List<String> assets = assets(html);
            assertThat(assets).as(page).isNotEmpty();
            for (String asset : assets) {
                String path = asset.startsWith("/") ? asset : "/console/" + asset;
                assertThat(anonymous.get(path).status()).as(page + " loads " + path).isEqualTo(200);
            }
        }
        assertThat(anonymous.get("/console/login.html").status()).isEqualTo(200);
    }

    @Test
    void the_pages_name_the_webjar_versions_the_build_declares() throws IOException {
        String html = resource("static/console/index.html");
        assertThat(html).contains("/webjars/alpinejs/" + webjarVersion("alpinejs") + "/")
                .contains("/webjars/chart.js/" + webjarVersion("chart.js") + "/");
        assertThat(resource("static/console/login.html")).contains("/webjars/alpinejs/" + webjarVersion("alpinejs") + "/");
    }

    private static List<String> assets(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ASSET.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String webjarVersion(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleAssetsTest.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            assertThat(in).as(name + " webjar on the class path").isNotNull();
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsoleAssetsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
