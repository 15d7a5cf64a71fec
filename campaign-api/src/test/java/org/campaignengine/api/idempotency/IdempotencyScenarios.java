package org.campaignengine.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.campaignengine.api.CampaignEngineApplication;
import org.campaignengine.api.e2e.Campaigns;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.api.e2e.MovableClock;
import org.campaignengine.domain.campaign.CampaignCommand.CreateCampaign;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Idempotency-Key across failures, over HTTP: a command's answer is stored in the command's transaction,
 * so a command that did not commit leaves its key to a re-send, one that committed is answered from its
 * marker even when its answer could not be kept, and a claim whose node died is taken over once its lease
 * has run out. The engine's clock is moved by hand. Subclasses choose the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {CampaignEngineApplication.class, MovableClock.Config.class},
        properties = {"CAMPAIGN_ADMIN_PASSWORD=" + IdempotencyScenarios.PASSWORD, "campaign.idempotency.lease=PT5S"})
abstract class IdempotencyScenarios {

    static final String PASSWORD = "idempotency-admin-secret";
    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final Duration LEASE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandBus commandBus;

    @Autowired
    MovableClock clock;

    @MockitoSpyBean
    IdempotencyStore store;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", PASSWORD);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        Mockito.reset(store);
    }

    @Test
    void a_command_that_fails_after_its_answer_was_written_stores_neither_and_its_resend_runs_it_once() {
        String name = "Fails at commit " + System.nanoTime();
        AtomicBoolean failNext = new AtomicBoolean(true);
        Registration failing = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof CreateCampaign create
                    && name.equals(create.settings().name()) && failNext.getAndSet(false)) {
                unitOfWork.onPrepareCommit(u -> {
                    throw new IllegalStateException("the events could not be stored");
                });
            }
            return result;
        });
        try {
            Map<String, String> key = key("fails-at-commit");
            Map<String, Object> body = Campaigns.readySms(name);
            Reply failed = admin.send("POST", CAMPAIGNS, body, key);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(created(name)).as("no events").isZero();
            assertThat(keys(key)).as("no answer kept: the key was released").isZero();

            Reply resent = admin.send("POST", CAMPAIGNS, body, key);
            assertThat(resent.status()).isEqualTo(201);
            assertThat(resent.header(IdempotencyFilter.REPLAYED_HEADER)).isNull();
            Reply again = admin.send("POST", CAMPAIGNS, body, key);
            assertThat(again.header(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
            assertThat(again.text("id")).isEqualTo(resent.text("id"));
            assertThat(created(name)).isEqualTo(1);
        } finally {
            failing.cancel();
        }
    }

    @Test
    void a_run_whose_claim_a_resend_took_over_meanwhile_is_rolled_back_and_answered_in_progress() {
        String name = "Claim taken over " + System.nanoTime();
        Map<String, String> key = key("taken-over");
        Registration takeOver = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof CreateCampaign create
                    && name.equals(create.settings().name())) {
                CompletableFuture.runAsync(() -> jdbc.update("UPDATE idempotency_key SET claim_id = 'a-resend', "
                        + "node_id = 'another-node' WHERE idem_key = ?", key.get(IdempotencyFilter.HEADER))).join();
            }
            return chain.proceed();
        });
        try {
            Reply stale = admin.send("POST", CAMPAIGNS, Campaigns.readySms(name), key);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.text("type")).endsWith("idempotency-key-in-progress");
            assertThat(created(name)).as("rolled back").isZero();
            assertThat(jdbc.queryForObject("SELECT claim_id FROM idempotency_key WHERE idem_key = ?", String.class,
                    key.get(IdempotencyFilter.HEADER))).as("the re-send's claim stands").isEqualTo("a-resend");
        } finally {
            takeOver.cancel();
        }
    }

    @Test
    void a_committed_command_whose_answer_could_not_be_kept_is_answered_from_its_marker_and_runs_once() {
        doThrow(new DataAccessResourceFailureException("the store went away after the commit"))
                .when(store).answer(any(), any());
        String name = "Answer lost " + System.nanoTime();
        Map<String, String> key = key("answer-lost");
        Map<String, Object> body = Campaigns.readySms(name);
        Reply first = admin.send("POST", CAMPAIGNS, body, key);
        assertThat(first.status()).as("the caller still gets the command's answer").isEqualTo(201);
        Mockito.reset(store);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ? "
                + "AND committed_at IS NOT NULL", Integer.class, key.get(IdempotencyFilter.HEADER))).isEqualTo(1);

        clock.advance(LEASE.multipliedBy(3));
        Reply resent = admin.send("POST", CAMPAIGNS, body, key);
        assertThat(resent.status()).isEqualTo(201);
        assertThat(resent.header(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(resent.header("Location")).isEqualTo(first.header("Location"));
        assertThat(resent.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(created(name)).isEqualTo(1);
    }

    @Test
    void a_resent_request_takes_over_the_claim_of_a_node_that_died_once_its_lease_has_run_out() throws Exception {
        String name = "Claimed by a dead node " + System.nanoTime();
        byte[] body = new ObjectMapper().writeValueAsBytes(Campaigns.readySms(name));
        Map<String, String> key = key("dead-node");
        Instant now = clock.instant();
        jdbc.update("INSERT INTO idempotency_key (principal, idem_key, fingerprint, created_at, claim_id, node_id, "
                        + "lease_until) VALUES ('admin', ?, ?, ?, 'claim-of-a-dead-node', 'dead-node', ?)",
                key.get(IdempotencyFilter.HEADER), IdempotencyFilter.fingerprint("POST", CAMPAIGNS, null, body),
                now.atOffset(ZoneOffset.UTC), now.plus(LEASE).atOffset(ZoneOffset.UTC));
        String json = new String(body, StandardCharsets.UTF_8);

        Reply early = admin.send("POST", CAMPAIGNS, json, key);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("type")).endsWith("idempotency-key-in-progress");

        clock.advance(LEASE.plusSeconds(1));
        Reply resent = admin.send("POST", CAMPAIGNS, json, key);
        assertThat(resent.status()).isEqualTo(201);
        assertThat(admin.send("POST", CAMPAIGNS, json, key).text("id")).isEqualTo(resent.text("id"));
        assertThat(created(name)).isEqualTo(1);
    }

    private static Map<String, String> key(String name) {
        return Map.of(IdempotencyFilter.HEADER, name + "-" + System.nanoTime());
    }

    private int keys(Map<String, String> key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Integer.class,
                key.get(IdempotencyFilter.HEADER));
    }

    /** Campaigns created with this name, as the event store holds them. */
    private int created(String name) {
        return (int) jdbc.queryForList("SELECT payload FROM DomainEventEntry WHERE payloadType LIKE '%$Created'",
                byte[].class).stream().filter(p -> new String(p, StandardCharsets.UTF_8).contains("\"" + name + "\""))
                .count();
    }
}
