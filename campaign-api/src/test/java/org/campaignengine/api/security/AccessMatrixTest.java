package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API, called as every role and anonymously, against the HTTP API's role table
 * written out here. An endpoint the application serves but this table lacks fails the build. The metrics
 * endpoints (Spring Boot's actuator, which that check does not see) are listed too; METRICS, a scraper's
 * role, may call them alone.
 */
class AccessMatrixTest extends SecuredEngine {

    static final Set<String> EVERYONE = Set.of("ADMIN", "MANAGER", "SERVICE", "AUDITOR", "VIEWER");
    static final Set<String> MANAGERS = Set.of("ADMIN", "MANAGER");
    static final Set<String> AUDITORS = Set.of("ADMIN", "AUDITOR");
    static final Set<String> SCRAPERS = Set.of("ADMIN", "METRICS");
    static final Set<String> ANY_ACCOUNT = Set.of("ADMIN", "MANAGER", "SERVICE", "AUDITOR", "VIEWER", "METRICS");
    /** Served to anyone, without credentials: signing in (see BrowserSessionTest). */
    static final Set<String> OPEN = Set.of("POST /api/v1/session");

    /** What a call needs: its path with real ids, and its body. */
    record Call(String path, Object body) {
    }

    record Endpoint(String method, String pattern, Set<String> roles, int success, Function<States, Call> allowed) {

        String name() {
            return method + " " + pattern;
        }
    }

    static final List<Endpoint> TABLE = List.of(
            endpoint("GET", "/api/v1/campaigns", EVERYONE, 200, s -> new Call("/api/v1/campaigns?tab=all&size=5", null)),
            endpoint("GET", "/api/v1/campaigns/tabs", EVERYONE, 200, s -> new Call("/api/v1/campaigns/tabs", null)),
            endpoint("GET", "/api/v1/campaigns/calendar", EVERYONE, 200,
                    s -> new Call("/api/v1/campaigns/calendar?from=2026-01-01&to=2026-12-31&zone=Europe/Lisbon", null)),
            endpoint("GET", "/api/v1/campaigns/{id}", EVERYONE, 200, s -> campaign(s.draft(), "", null)),
            endpoint("POST", "/api/v1/campaigns", MANAGERS, 201, s -> new Call("/api/v1/campaigns", s.newCampaign())),
            endpoint("PATCH", "/api/v1/campaigns/{id}", MANAGERS, 200,
                    s -> campaign(s.draft(), "", Map.of("tags", List.of("matrix")))),
            endpoint("DELETE", "/api/v1/campaigns/{id}", MANAGERS, 204, s -> campaign(s.draft(), "", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/schedule", MANAGERS, 200,
                    s -> campaign(s.draft(), "/schedule", Map.of("launchAt", Instant.now().plusSeconds(600).toString()))),
            endpoint("POST", "/api/v1/campaigns/{id}/unschedule", MANAGERS, 200, s -> campaign(s.scheduled(), "/unschedule", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/launch", MANAGERS, 202, s -> campaign(s.draft(), "/launch", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/pause", MANAGERS, 200, s -> campaign(s.active("SMS"), "/pause", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/resume", MANAGERS, 200, s -> campaign(s.paused(), "/resume", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/stop", MANAGERS, 200, s -> campaign(s.active("SMS"), "/stop", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/restart", MANAGERS, 200, s -> campaign(s.stopped(), "/restart", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/archive", MANAGERS, 200, s -> campaign(s.draft(), "/archive", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/clone", MANAGERS, 201, s -> campaign(s.draft(), "/clone", Map.of())),
            endpoint("POST", "/api/v1/campaigns/{id}/suspend", Set.of("ADMIN", "SERVICE"), 200,
                    s -> campaign(s.active("SMS"), "/suspend", Map.of("reason", "link domains exhausted"))),
            endpoint("POST", "/api/v1/campaigns/{id}/complete", Set.of("ADMIN", "MANAGER", "SERVICE"), 200,
                    s -> campaign(s.active("SMS"), "/complete", null)),
            endpoint("POST", "/api/v1/campaigns/{id}/error", Set.of("ADMIN", "MANAGER", "SERVICE"), 200,
                    s -> campaign(s.active("VOICE"), "/error", Map.of("code", "DIALER", "message", "trunk down"))),
            endpoint("POST", "/api/v1/campaigns/{id}/activity", Set.of("ADMIN", "SERVICE"), 200,
                    s -> campaign(s.active("SMS"), "/activity", Map.of("records", List.of(record("m1", "MESSAGE_SENT"))))),
            endpoint("GET", "/api/v1/stream", EVERYONE, 200, s -> new Call("/api/v1/stream", null)),
            endpoint("GET", "/api/v1/admin/projections", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/projections", null)),
            endpoint("POST", "/api/v1/admin/projections/{name}/replay", Set.of("ADMIN"), 202,
                    s -> new Call("/api/v1/admin/projections/status-index/replay", null)),
            endpoint("GET", "/api/v1/admin/projections/{name}/replay", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/projections/status-index/replay", null)),
            endpoint("GET", "/api/v1/admin/processors", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/processors", null)),
            endpoint("GET", "/api/v1/admin/processors/{name}", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/processors/status-index", null)),
            endpoint("POST", "/api/v1/admin/processors/{name}/segments/{segment}/split", Set.of("ADMIN"), 404,
                    s -> new Call("/api/v1/admin/processors/no-such-processor/segments/0/split", null)),
            endpoint("POST", "/api/v1/admin/processors/{name}/segments/{segment}/merge", Set.of("ADMIN"), 404,
                    s -> new Call("/api/v1/admin/processors/no-such-processor/segments/0/merge", null)),
            endpoint("POST", "/api/v1/admin/processors/{name}/segments/{segment}/release", Set.of("ADMIN"), 404,
                    s -> new Call("/api/v1/admin/processors/status-index/segments/99/release", null)),
            endpoint("GET", "/api/v1/admin/dead-letters", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/dead-letters?processor=status-index", null)),
            endpoint("GET", "/api/v1/admin/dead-letters/count", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/dead-letters/count", null)),
            endpoint("POST", "/api/v1/admin/dead-letters/{processor}/retry", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/admin/dead-letters/analytics/retry", null)),
            endpoint("POST", "/api/v1/admin/dead-letters/{processor}/{sequenceId}/retry", Set.of("ADMIN"), 404,
                    s -> new Call("/api/v1/admin/dead-letters/analytics/no-such-campaign/retry", null)),
            endpoint("DELETE", "/api/v1/admin/dead-letters/{processor}/{sequenceId}", Set.of("ADMIN"), 404,
                    s -> new Call("/api/v1/admin/dead-letters/analytics/no-such-campaign", null)),
            endpoint("POST", "/api/v1/users", Set.of("ADMIN"), 201, s -> new Call("/api/v1/users", s.newAccount())),
            endpoint("GET", "/api/v1/users", Set.of("ADMIN"), 200, s -> new Call("/api/v1/users", null)),
            endpoint("GET", "/api/v1/users/{username}", Set.of("ADMIN"), 200, s -> new Call("/api/v1/users/admin", null)),
            endpoint("DELETE", "/api/v1/users/{username}", Set.of("ADMIN"), 204, s -> new Call("/api/v1/users/" + s.account(), null)),
            endpoint("GET", "/api/v1/campaigns/{id}/contacts", Set.of("ADMIN", "MANAGER", "SERVICE", "AUDITOR"), 200,
                    s -> campaign(s.draft(), "/contacts?minVersion=0", null)),
            endpoint("GET", "/api/v1/campaigns/{id}/conversations", Set.of("ADMIN", "MANAGER", "SERVICE", "AUDITOR"), 200,
                    s -> campaign(s.draft(), "/conversations?minVersion=0", null)),
            endpoint("GET", "/api/v1/campaigns/{id}/analytics", EVERYONE, 200,
                    s -> campaign(s.draft(), "/analytics?minVersion=0", null)),
            endpoint("GET", "/api/v1/campaigns/{id}/analytics/activity", EVERYONE, 200,
                    s -> campaign(s.draft(), "/analytics/activity?granularity=day&minVersion=0", null)),
            endpoint("GET", "/api/v1/campaigns/{id}/history", AUDITORS, 200, s -> campaign(s.draft(), "/history", null)),
            endpoint("GET", "/api/v1/campaigns/{id}/state", AUDITORS, 200, s -> campaign(s.draft(), "/state?version=0", null)),
            endpoint("GET", "/api/v1/campaigns/{id}/export", AUDITORS, 200,
                    s -> campaign(s.draft(), "/export?format=csv", null)),
            endpoint("GET", "/api/v1/audit/events", AUDITORS, 200, s -> new Call("/api/v1/audit/events?size=5", null)),
            endpoint("GET", "/api/v1/audit/head", AUDITORS, 200, s -> new Call("/api/v1/audit/head", null)),
            endpoint("GET", "/api/v1/audit/verify", AUDITORS, 200, s -> new Call("/api/v1/audit/verify", null)),
            endpoint("POST", "/api/v1/contacts/{contactId}/forget", Set.of("ADMIN"), 200,
                    s -> new Call("/api/v1/contacts/matrix-contact-" + UUID.randomUUID() + "/forget", null)),
            // a browser session's own (BrowserSessionTest); with Basic there is no session: 204 all the same
            endpoint("GET", "/api/v1/session", ANY_ACCOUNT, 200, s -> new Call("/api/v1/session", null)),
            endpoint("DELETE", "/api/v1/session", ANY_ACCOUNT, 204, s -> new Call("/api/v1/session", null)),
            endpoint("GET", "/actuator/prometheus", SCRAPERS, 200, s -> new Call("/actuator/prometheus", null)),
            endpoint("GET", "/actuator/metrics", SCRAPERS, 200, s -> new Call("/actuator/metrics", null)),
            endpoint("GET", "/actuator/metrics/{name}", SCRAPERS, 200,
                    s -> new Call("/actuator/metrics/campaign.commands", null)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_endpoint_the_engine_serves_is_in_the_table() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.campaignengine")) {
                info.getPatternValues().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> served.add(verb.name() + " " + pattern)));
            }
        });
        Set<String> listed = new TreeSet<>(TABLE.stream().map(Endpoint::name).toList());
        listed.addAll(OPEN);
        assertThat(listed).containsAll(served);
    }

    @TestFactory
    Stream<DynamicTest> every_role_gets_exactly_the_answers_the_role_table_gives() {
        Callers callers = new Callers(port, "matrix");
        States states = new States(callers.admin);
        states.prepare(TABLE, callers.byRole.keySet());
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : TABLE) {
            tests.add(DynamicTest.dynamicTest(endpoint.name() + " as anonymous", () -> {
                Reply reply = callers.anonymous.send(endpoint.method(), concrete(endpoint), body(endpoint, states), Map.of());
                assertThat(reply.status()).isEqualTo(401);
            }));
            callers.byRole.forEach((role, client) -> tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + role, () -> {
                if (endpoint.roles().contains(role)) {
                    Call call = endpoint.allowed().apply(states);
                    Reply reply = client.send(endpoint.method(), call.path(), call.body(), Map.of());
                    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(endpoint.success());
                } else {
                    Reply reply = client.send(endpoint.method(), concrete(endpoint), body(endpoint, states), Map.of());
                    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(403);
                    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                }
            })));
        }
        return tests.stream();
    }

    /** A denied or anonymous call: the role check comes first, so any id will do. */
    private static String concrete(Endpoint endpoint) {
        return endpoint.pattern().replace("{id}", UUID.randomUUID().toString()).replace("{username}", "someone")
                .replace("{name}", "status-index").replace("{contactId}", "someone")
                .replace("{processor}", "status-index").replace("{sequenceId}", "some-campaign")
                .replace("{segment}", "0");
    }

    private static Object body(Endpoint endpoint, States states) {
        return endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? null : Map.of();
    }

    private static Endpoint endpoint(String method, String pattern, Set<String> roles, int success,
                                     Function<States, Call> allowed) {
        return new Endpoint(method, pattern, roles, success, allowed);
    }

    private static Call campaign(String id, String action, Object body) {
        return new Call("/api/v1/campaigns/" + id + action, body);
    }

    /**
     * Campaigns of office north in the status a call needs, made by the admin: each allowed call gets one of
     * its own. Reaching a status takes the engine a while (a launch most of all), so {@link #prepare} makes
     * all the campaigns the table's calls will take before the calls run, several at a time.
     */
    static class States {
        private final EngineClient admin;
        private final AtomicInteger made = new AtomicInteger();
        private final Map<String, Queue<String>> prepared = new ConcurrentHashMap<>();

        States(EngineClient admin) {
            this.admin = admin;
        }

        /** Makes, concurrently, every campaign in a status the allowed calls of {@code endpoints} will take. */
        void prepare(List<Endpoint> endpoints, Set<String> roles) {
            Tally tally = new Tally();
            for (Endpoint endpoint : endpoints) {
                for (String role : roles) {
                    if (endpoint.roles().contains(role)) {
                        endpoint.allowed().apply(tally);
                    }
                }
            }
            ExecutorService workers = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Void>> making = new ArrayList<>();
                tally.needed.forEach((kind, count) -> {
                    Queue<String> ready = prepared.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
                    for (int i = 0; i < count; i++) {
                        making.add(CompletableFuture.runAsync(() -> ready.add(make(kind)), workers));
                    }
                });
                CompletableFuture.allOf(making.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                throw failed;
            } finally {
                workers.shutdownNow();
            }
        }

        Map<String, Object> newCampaign() {
            Map<String, Object> body = readySms("Matrix " + made.incrementAndGet());
            body.put("office", Callers.OFFICE);
            return body;
        }

        String draft() {
            return take("draft");
        }

        String scheduled() {
            return take("scheduled");
        }

        String active(String channel) {
            return take("active " + channel);
        }

        String paused() {
            return take("paused");
        }

        String stopped() {
            return take("stopped");
        }

        Map<String, Object> newAccount() {
            return Map.of("username", "made-" + made.incrementAndGet(), "password", Callers.PASSWORD,
                    "roles", List.of("VIEWER"), "offices", List.of(Callers.OFFICE));
        }

        String account() {
            return take("account");
        }

        /** A prepared one of {@code kind}, or (if all are taken) one made now. */
        String take(String kind) {
            Queue<String> ready = prepared.get(kind);
            String one = ready == null ? null : ready.poll();
            return one != null ? one : make(kind);
        }

        private String make(String kind) {
            return switch (kind) {
                case "draft" -> created("SMS");
                case "scheduled" -> {
                    String id = created("SMS");
                    assertThat(admin.post("/api/v1/campaigns/" + id + "/schedule",
                            Map.of("launchAt", Instant.now().plusSeconds(600).toString())).status()).isEqualTo(200);
                    yield id;
                }
                case "active SMS" -> launched("SMS");
                case "active VOICE" -> launched("VOICE");
                case "paused" -> {
                    String id = launched("SMS");
                    assertThat(admin.post("/api/v1/campaigns/" + id + "/pause").status()).isEqualTo(200);
                    yield id;
                }
                case "stopped" -> {
                    String id = launched("SMS");
                    assertThat(admin.post("/api/v1/campaigns/" + id + "/stop").status()).isEqualTo(200);
                    yield id;
                }
                case "account" -> {
                    Map<String, Object> body = newAccount();
                    assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
                    yield body.get("username").toString();
                }
                default -> throw new IllegalArgumentException(kind);
            };
        }

        private String launched(String channel) {
            String id = created(channel);
            admin.post("/api/v1/campaigns/" + id + "/launch");
            admin.awaitStatus(id, "ACTIVE");
            return id;
        }

        private String created(String channel) {
            int n = made.incrementAndGet();
            Map<String, Object> body = channel.equals("SMS") ? readySms("State " + n) : readyVoice("State " + n);
            body.put("office", Callers.OFFICE);
            Reply reply = admin.post("/api/v1/campaigns", body);
            assertThat(reply.status()).isEqualTo(201);
            admin.campaign(reply.text("id"), 0);
            return reply.text("id");
        }
    }

    /** Counts the campaigns and accounts calls take, making none. */
    static final class Tally extends States {
        final Map<String, Integer> needed = new LinkedHashMap<>();

        Tally() {
            super(null);
        }

        @Override
        String take(String kind) {
            needed.merge(kind, 1, Integer::sum);
            return kind.replace(' ', '-') + "-" + needed.get(kind);
        }
    }
}
