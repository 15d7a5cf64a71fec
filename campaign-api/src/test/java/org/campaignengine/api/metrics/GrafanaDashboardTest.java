package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provisioned Grafana dashboard ({@code deploy/grafana/dashboards/campaign-engine.json}) against a running
 * engine: after a workload, every metric its PromQL names is in a scrape, so no panel stays empty for a
 * misspelt or renamed metric; and every panel reads the provisioned Prometheus data source.
 */
class GrafanaDashboardTest extends MetricsEngine {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DASHBOARD = ROOT.resolve("deploy/grafana/dashboards/campaign-engine.json");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "le", "inf", "nan");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MetricsEngine::h2);
    }

    @Test
    void every_metric_the_dashboard_queries_is_in_a_scrape_after_a_workload() throws IOException {
        Set<String> queried = new TreeSet<>();
        expressions(dashboard()).forEach(expr -> queried.addAll(metricNames(expr)));
        assertThat(queried).as("the dashboard's metrics").hasSizeGreaterThan(15);

        workload();
        Scrape scrape = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(this::scrape, s -> s.names().containsAll(queried));
        assertThat(scrape.names()).containsAll(queried);
        Files.writeString(Path.of("target/metrics-scrape.txt"), scraper().get("/actuator/prometheus").body().asText());
    }

    @Test
    void every_panel_reads_the_provisioned_prometheus() throws IOException {
        JsonNode dashboard = dashboard();
        String datasources = Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources).contains("uid: prometheus", "url: http://prometheus:9090");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                        .isEqualTo("prometheus");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void the_name_extraction_leaves_functions_labels_and_variables_out() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le, command) (rate(campaign_commands_seconds_bucket"
                + "{job=\"$job\",uri=\"/api/v1/campaigns/{id}\"}[$__rate_interval])))"))
                .containsExactly("campaign_commands_seconds_bucket");
        assertThat(metricNames("max by (processor) (campaign_processor_lag_events{job=\"$job\"}) / 1e3 + up"))
                .containsExactlyInAnyOrder("campaign_processor_lag_events", "up");
    }

    static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        dashboard.path("templating").path("list").forEach(variable ->
                expressions.add(variable.path("definition").asText().replaceAll("^label_values\\(([^,)]+).*", "$1")));
        return expressions;
    }

    /** The metric names a PromQL expression reads: no function, keyword, label, string, range or variable. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("(?<![\\w.])\\d+(\\.\\d+)?([eE][+-]?\\d+)?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
