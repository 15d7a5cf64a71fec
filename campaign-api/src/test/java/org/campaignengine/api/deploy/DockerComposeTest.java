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
 * The contract of {@code docker-compose.yml} at the repository's root and of its Axon Server overlay
 * {@code docker-compose.axonserver.yml} (no Docker engine runs where the build does, so the files are
 * read, not started). The default is the deployment in which everything works, audit verify included:
 * PostgreSQL, two engine nodes built from the root {@code Dockerfile} on profile {@code postgres}, and one
 * nginx publishing port 8080, whose forwarded headers the nodes trust and no one else's. The overlay puts
 * the nodes on Axon Server and waits for it to be healthy. Prometheus scrapes each node as the scraper account
 * the nodes make, and Grafana shows the provisioned dashboard (deploy/prometheus, deploy/grafana).
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> NODES = List.of("engine-1", "engine-2");

    private final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Object> services = map(compose.get("services"));
    private final Map<String, Object> overlay = map(load(ROOT.resolve("docker-compose.axonserver.yml")).get("services"));

    @Test
    void by_default_it_runs_postgres_two_engine_nodes_and_one_load_balancer() {
        assertThat(services).containsOnlyKeys("postgres", "engine-1", "engine-2", "lb", "prometheus", "grafana");
        assertThat(text(service("postgres").get("image"))).startsWith("postgres:");
    }

    @Test
    void each_node_runs_on_postgres_alone_so_that_audit_verify_and_head_work_and_waits_for_it() {
        for (String node : NODES) {
            Map<String, Object> service = service(node);
            Map<String, Object> env = map(service.get("environment"));
            assertThat(text(env.get("SPRING_PROFILES_ACTIVE"))).as(node).isEqualTo("postgres");
            assertThat(env).as(node).doesNotContainKey("AXON_AXONSERVER_SERVERS");
            assertThat(text(env.get("SPRING_DATASOURCE_URL"))).as(node).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env).as(node).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                    "CAMPAIGN_ADMIN_PASSWORD");
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            assertThat(dependsOn).as(node).containsOnlyKeys("postgres");
            assertThat(map(dependsOn.get("postgres"))).as(node).containsEntry("condition", "service_healthy");
            assertThat(list(map(service.get("healthcheck")).get("test"))).as(node)
                    .contains("http://localhost:8080/actuator/health/readiness");
            assertThat(service).as(node).doesNotContainKey("ports");
        }
        assertThat(map(service("postgres").get("healthcheck"))).containsKey("test");
    }

    @Test
    void the_nodes_trust_forwarded_headers_from_the_balancer_address_only() {
        Map<String, Object> lbNetworks = map(service("lb").get("networks"));
        String balancer = text(map(lbNetworks.get("engines")).get("ipv4_address"));
        Map<String, Object> ipam = map(map(map(compose.get("networks")).get("engines")).get("ipam"));
        String subnet = text(map(list(ipam.get("config")).get(0)).get("subnet"));
        assertThat(balancer).as("the balancer's fixed address lies in the network's subnet")
                .startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1));
        for (String node : NODES) {
            Map<String, Object> env = map(service(node).get("environment"));
            assertThat(text(env.get("SERVER_FORWARD_HEADERS_STRATEGY"))).as(node).isEqualTo("native");
            String trusted = text(env.get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES"));
            assertThat(balancer.matches(trusted)).as(node + " trusts the balancer").isTrue();
            assertThat("172.28.0.11".matches(trusted) || "10.0.0.1".matches(trusted) || "192.168.1.1".matches(trusted))
                    .as(node + " trusts no other address").isFalse();
            assertThat(list(service(node).get("networks"))).as(node).containsExactly("engines");
        }
    }

    @Test
    void the_nodes_are_built_from_the_root_dockerfile_with_dependencies_in_their_own_layer() throws IOException {
        for (String node : NODES) {
            Map<String, Object> build = map(service(node).get("build"));
            assertThat(ROOT.resolve(text(build.get("context"))).normalize()).as(node).isEqualTo(ROOT);
            assertThat(text(build.get("dockerfile"))).as(node).isEqualTo("Dockerfile");
        }
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre",
                "campaign-api/target/campaign-api-0.1.0-SNAPSHOT.jar");
        int dependencies = dockerfile.indexOf("dependency:go-offline");
        int sources = dockerfile.indexOf("COPY . .");
        assertThat(dependencies).as("a dependency layer").isPositive();
        assertThat(dependencies).as("built before the sources are copied").isLessThan(sources);
        for (String module : List.of("campaign-domain", "campaign-test-support", "campaign-projections",
                "campaign-api", "campaign-bench")) {
            assertThat(dockerfile.indexOf("COPY " + module + "/pom.xml")).as(module).isBetween(0, dependencies);
        }
        assertThat(dockerfile.substring(sources)).as("the real build runs offline").contains("mvn -B -q -o ");
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
        assertThat(nginx.split("location ", -1)).as("every location forwards the caller's address")
                .allSatisfy(block -> {
                    if (block.contains("proxy_pass")) {
                        assertThat(block).contains("X-Forwarded-For $proxy_add_x_forwarded_for",
                                "X-Forwarded-Proto $scheme");
                    }
                });
    }

    @Test
    void the_axon_server_overlay_adds_a_healthy_axon_server_and_puts_both_nodes_on_it() {
        assertThat(overlay).containsOnlyKeys("axonserver", "engine-1", "engine-2");
        Map<String, Object> axonServer = map(overlay.get("axonserver"));
        assertThat(text(axonServer.get("image"))).matches("axoniq/axonserver:\\d[\\w.-]*")
                .as("a pinned tag").doesNotContain("latest");
        assertThat(list(map(axonServer.get("healthcheck")).get("test"))).contains("http://localhost:8024/actuator/health");
        assertThat(list(axonServer.get("networks"))).containsExactly("engines");
        for (String node : NODES) {
            Map<String, Object> service = map(overlay.get(node));
            Map<String, Object> env = map(service.get("environment"));
            assertThat(List.of(text(env.get("SPRING_PROFILES_ACTIVE")).split(","))).as(node)
                    .containsExactly("postgres", "axonserver");
            assertThat(text(env.get("AXON_AXONSERVER_SERVERS"))).as(node).isEqualTo("axonserver:8124");
            assertThat(map(map(service.get("depends_on")).get("axonserver"))).as(node)
                    .containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void prometheus_scrapes_every_node_as_the_scraper_account_the_nodes_make() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        assertThat(text(prometheus.get("image"))).matches("prom/prometheus:v\\d[\\w.-]*");
        assertThat(list(prometheus.get("volumes"))).contains(
                "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", "prometheus-data:/prometheus");
        assertThat(map(compose.get("volumes"))).containsKeys("prometheus-data", "grafana-data");
        assertThat(list(prometheus.get("networks"))).containsExactly("engines");
        assertThat(list(map(prometheus.get("healthcheck")).get("test"))).contains("http://localhost:9090/-/healthy");

        Map<String, Object> config = load(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        List<Object> jobs = list(config.get("scrape_configs"));
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = map(jobs.get(0));
        assertThat(text(job.get("metrics_path"))).isEqualTo("/actuator/prometheus");
        List<Object> targets = list(map(list(job.get("static_configs")).get(0)).get("targets"));
        assertThat(targets).as("each node, not the balancer, which would alternate between them")
                .containsExactlyInAnyOrder(NODES.stream().map(node -> node + ":8080").toArray());
        Map<String, Object> auth = map(job.get("basic_auth"));
        assertThat(text(auth.get("username"))).isEqualTo("metrics");
        String passwordFile = text(auth.get("password_file"));
        String entrypoint = String.join(" ", list(prometheus.get("entrypoint")).stream().map(Object::toString).toList());
        assertThat(entrypoint).as("the password file is written from the environment before Prometheus starts")
                .contains("\"$$CAMPAIGN_METRICS_PASSWORD\" > " + passwordFile, "exec /bin/prometheus",
                        "--config.file=/etc/prometheus/prometheus.yml");
        Object password = map(prometheus.get("environment")).get("CAMPAIGN_METRICS_PASSWORD");
        for (String node : NODES) {
            assertThat(map(service(node).get("environment")).get("CAMPAIGN_METRICS_PASSWORD")).as(node)
                    .isNotNull().isEqualTo(password);
        }
    }

    @Test
    void grafana_is_provisioned_with_prometheus_and_the_engine_dashboard() throws IOException {
        Map<String, Object> grafana = service("grafana");
        assertThat(text(grafana.get("image"))).matches("grafana/grafana:\\d[\\w.-]*");
        List<Object> volumes = list(grafana.get("volumes"));
        assertThat(volumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro", "grafana-data:/var/lib/grafana");
        assertThat(map(map(grafana.get("depends_on")).get("prometheus"))).containsEntry("condition", "service_healthy");
        assertThat(list(grafana.get("networks"))).containsExactly("engines");
        long published = services.values().stream()
                .flatMap(s -> list(map(s).getOrDefault("ports", List.of())).stream()).map(Object::toString)
                .filter(p -> p.startsWith("3000:") || p.startsWith("9090:")).count();
        assertThat(published).as("Grafana on 3000, Prometheus on 9090").isEqualTo(2);

        Map<String, Object> datasource = map(list(load(ROOT.resolve(
                "deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0));
        assertThat(text(datasource.get("type"))).isEqualTo("prometheus");
        assertThat(text(datasource.get("url"))).isEqualTo("http://prometheus:9090");
        Map<String, Object> provider = map(list(load(ROOT.resolve(
                "deploy/grafana/provisioning/dashboards/campaign-engine.yml")).get("providers")).get(0));
        assertThat(text(map(provider.get("options")).get("path"))).isEqualTo("/var/lib/grafana/dashboards");
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/campaign-engine.json"));
        assertThat(dashboard).as("its panels read the provisioned data source")
                .contains("\"uid\": \"" + text(datasource.get("uid")) + "\"");
        assertThat(text(map(grafana.get("environment")).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")))
                .isEqualTo("/var/lib/grafana/dashboards/campaign-engine.json");
    }

    /** Where a Compose client is installed, it must accept the files too; where none is, this checks nothing. */
    @Test
    void a_compose_client_finds_the_file_and_the_overlay_valid_where_one_is_installed() throws Exception {
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
            String base = ROOT.resolve("docker-compose.yml").toString();
            String axonServer = ROOT.resolve("docker-compose.axonserver.yml").toString();
            validate(concat(client, "-f", base, "config", "-q"));
            validate(concat(client, "-f", base, "-f", axonServer, "config", "-q"));
            return;
        }
    }

    private static void validate(List<String> command) throws Exception {
        Process config = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
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
