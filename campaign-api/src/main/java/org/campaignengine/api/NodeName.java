package org.campaignengine.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes sharing a store, resolved once per process: {@code campaign.idempotency.node-id}
 * when set, else host name and HTTP port, the same after a restart; with port 0 (chosen at start) a name of the
 * process's own. Its claims on {@code Idempotency-Key}s and its processors' claims on event segments (the token
 * owner) carry it, so an operator sees which node holds what.
 */
@Component
public final class NodeName {

    private final String name;

    public NodeName(EngineProperties properties, Environment environment) {
        this.name = resolve(properties.idempotency().nodeId(), environment.getProperty("server.port", "8080"));
    }

    /** The configured name; else host name and port; with port 0 (chosen at start) a name of this process's own. */
    public static String resolve(String configured, String port) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if ("0".equals(port.trim())) {
            return "process-" + UUID.randomUUID();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + port.trim();
        } catch (UnknownHostException e) {
            return "process-" + UUID.randomUUID();
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
