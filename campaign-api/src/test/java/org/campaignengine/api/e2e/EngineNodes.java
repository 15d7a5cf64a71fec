package org.campaignengine.api.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.CampaignEngineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine nodes started and stopped by a test, as an operator would: same store, own HTTP port.
 * Closed nodes are gone; the store is all that survives between them. Settings are passed as
 * command-line arguments, which (unlike builder defaults) take precedence over application.yml.
 */
final class EngineNodes implements AutoCloseable {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private Runnable afterClose = () -> { };
    private int started;

    EngineNodes(String datasourceUrl, String... profiles) {
        properties.put("spring.datasource.url", datasourceUrl);
        properties.put("spring.profiles.active", String.join(",", profiles));
        properties.put("server.port", "0");
        properties.put("CAMPAIGN_ADMIN_PASSWORD", EngineScenarios.PASSWORD);
        properties.put("campaign.schedule.min-lead-time", "PT2S");
        properties.put("campaign.schedule.lock-window", "PT1S");
        properties.put("campaign.schedule.late-launch-grace", "PT2M");
    }

    /** A setting of every node started from now on. */
    EngineNodes with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    ConfigurableApplicationContext start() {
        Map<String, Object> own = new LinkedHashMap<>(properties);
        own.put("db-scheduler.scheduler-name", "test-node-" + ++started);
        String[] arguments = own.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext node = new SpringApplicationBuilder(CampaignEngineApplication.class)
                .run(arguments);
        running.add(node);
        return node;
    }

    static EngineClient client(ConfigurableApplicationContext node) {
        int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
        return new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    /** Runs {@code disposal} (dropping the store, say) once every node is closed. */
    EngineNodes whenClosed(Runnable disposal) {
        afterClose = disposal;
        return this;
    }

    void stop(ConfigurableApplicationContext node) {
        node.close();
        running.remove(node);
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
        afterClose.run();
    }
}
