package org.campaignengine.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The contract of {@code docker-compose.yml} at the repository's root (no Docker engine runs where the
 * build does, so the file is read, not started): PostgreSQL, Axon Server, two engine nodes built from the
 * root {@code Dockerfile} on profiles {@code postgres,axonserver}, and one nginx publishing port 8080.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> NODES = List.of("engine-1", "engine-2");

    private final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void it_runs_postgres_axon_server_two_engine_nodes_and_one_load_balancer() {
        assertThat(services).containsOnlyKeys("postgres", "axonserver", "engine-1", "engine-2", "lb");
        assertThat(text(service("postgres").get("image"))).startsWith("postgres:");
        assertThat(text(service("axonserver").get("image"))).matches("axoniq/axonserver:\\d[\\w.-]*")
                .as("a pinned tag").doesNotEndWith(":latest");
    }

    @Test
    void each_node_runs_on_postgres_and_axon_server_and_waits_for_them() {
        for (String node : NODES) {
            Map<String, Object> service = service(node);
            Map<String, Object> env = map(service.get("environment"));
            assertThat(List.of(text(env.get("SPRING_PROFILES_ACTIVE")).split(","))).as(node)
                    .contains("postgres", "axonserver");
            assertThat(text(env.get("AXON_AXONSERVER_SERVERS"))).as(node).isEqualTo("axonserver:8124");
            assertThat(text(env.get("SPRING_DATASOURCE_URL"))).as(node).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env).as(node).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                    "CAMPAIGN_ADMIN_PASSWORD");
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            assertThat(dependsOn).as(node).containsKeys("postgres", "axonserver");
            assertThat(map(dependsOn.get("postgres"))).as(node).containsEntry("condition", "service_healthy");
            assertThat(map(service.get("healthcheck"))).as(node).containsKey("test");
            assertThat(service).as(node).doesNotContainKey("ports");
        }
        assertThat(map(service("postgres").get("healthcheck"))).containsKey("test");
    }

    @Test
    void the_nodes_are_built_from_the_root_dockerfile() throws IOException {
        for (String node : NODES) {
            Map<String, Object> build = map(service(node).get("build"));
            assertThat(ROOT.resolve(text(build.get("context"))).normalize()).as(node).isEqualTo(ROOT);
            assertThat(text(build.get("dockerfile"))).as(node).isEqualTo("Dockerfile");
        }
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre",
                "campaign-api/target/campaign-api-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void one_nginx_publishes_port_8080_in_front_of_both_nodes() throws IOException {
        Map<String, Object> lb = service("lb");
        assertThat(text(lb.get("image"))).startsWith("nginx:");
        assertThat(list(lb.get("ports"))).containsExactly((Object) "8080:8080");
        assertThat(list(lb.get("volumes"))).contains((Object) "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
        assertThat(map(lb.get("depends_on"))).containsOnlyKeys(NODES.toArray(String[]::new));
        long publishing8080 = services.values().stream()
                .flatMap(s -> list(map(s).getOrDefault("ports", List.of())).stream())
                .filter(p -> p.toString().startsWith("8080:")).count();
        assertThat(publishing8080).as("one service publishes 8080").isEqualTo(1);

        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        assertThat(nginx).contains("upstream engine", "server engine-1:8080", "server engine-2:8080",
                "listen 8080", "proxy_pass http://engine");
    }

    /** Where a Compose client is installed, it must accept the file too; where none is, this checks nothing. */
    @Test
    void a_compose_client_finds_the_file_valid_where_one_is_installed() throws Exception {
        for (List<String> client : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            Process probe;
            try {
                probe = new ProcessBuilder(concat(client, "version")).redirectErrorStream(true).start();
            } catch (IOException absent) {
                continue;
            }
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                continue;
            }
            Process config = new ProcessBuilder(concat(client, "-f", ROOT.resolve("docker-compose.yml").toString(),
                    "config", "-q")).redirectErrorStream(true).start();
            String output = new String(config.getInputStream().readAllBytes());
            assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(config.exitValue()).as(output).isZero();
            return;
        }
    }

    private Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static String text(Object node) {
        assertThat(node).isNotNull();
        return node.toString();
    }

    private static List<String> concat(List<String> command, String... more) {
        return java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more)).toList();
    }
}
