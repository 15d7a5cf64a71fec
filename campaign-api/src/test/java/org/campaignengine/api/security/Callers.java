package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.e2e.EngineClient;

/**
 * One account per role, made through the API by the bootstrap admin. MANAGER and VIEWER belong to
 * office {@link #OFFICE}; the "other" manager and viewer to {@link #OTHER_OFFICE}.
 */
final class Callers {

    static final String ADMIN_PASSWORD = "security-admin-secret";
    static final String OFFICE = "north";
    static final String OTHER_OFFICE = "south";
    static final String PASSWORD = "correct horse battery";

    final EngineClient admin;
    final Map<String, EngineClient> byRole = new LinkedHashMap<>();
    final EngineClient otherManager;
    final EngineClient otherViewer;
    final EngineClient anonymous;

    Callers(int port, String suffix) {
        admin = new EngineClient(port, "admin", ADMIN_PASSWORD);
        byRole.put("ADMIN", admin);
        byRole.put("MANAGER", account(port, "manager-" + suffix, "MANAGER", List.of(OFFICE)));
        byRole.put("SERVICE", account(port, "service-" + suffix, "SERVICE", List.of()));
        byRole.put("AUDITOR", account(port, "auditor-" + suffix, "AUDITOR", List.of()));
        byRole.put("VIEWER", account(port, "viewer-" + suffix, "VIEWER", List.of(OFFICE)));
        byRole.put("METRICS", account(port, "metrics-" + suffix, "METRICS", List.of()));
        otherManager = account(port, "manager-south-" + suffix, "MANAGER", List.of(OTHER_OFFICE));
        otherViewer = account(port, "viewer-south-" + suffix, "VIEWER", List.of(OTHER_OFFICE));
        anonymous = admin.anonymous();
    }

    private EngineClient account(int port, String username, String role, List<String> offices) {
        EngineClient.Reply created = admin.post("/api/v1/users",
                Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "offices", offices));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return new EngineClient(port, username, PASSWORD);
    }
}
