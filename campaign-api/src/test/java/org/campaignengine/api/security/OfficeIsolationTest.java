package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** MANAGER and VIEWER reach campaigns of their own offices only; another office's campaign does not exist for them. */
class OfficeIsolationTest extends SecuredEngine {

    static final String CAMPAIGNS = "/api/v1/campaigns";
    private static Callers callers;

    @BeforeEach
    void accounts() {
        if (callers == null) {
            callers = new Callers(port, "isolation");
        }
    }

    private String northCampaign() {
        Reply created = callers.admin.post(CAMPAIGNS, readySms("North campaign"));
        assertThat(created.status()).isEqualTo(201);
        callers.admin.campaign(created.text("id"), 0);
        return created.text("id");
    }

    @Test
    void a_campaign_of_another_office_reads_exactly_like_one_that_does_not_exist() {
        String north = northCampaign();
        Reply hidden = callers.otherManager.get(CAMPAIGNS + "/" + north);
        Reply unknown = callers.otherManager.get(CAMPAIGNS + "/" + UUID.randomUUID());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(withoutInstance(hidden)).isEqualTo(withoutInstance(unknown));
        assertThat(callers.otherViewer.get(CAMPAIGNS + "/" + north).status()).isEqualTo(404);
        assertThat(callers.byRole.get("VIEWER").get(CAMPAIGNS + "/" + north).status()).isEqualTo(200);
        assertThat(callers.byRole.get("MANAGER").get(CAMPAIGNS + "/" + north).status()).isEqualTo(200);
    }

    @Test
    void a_manager_cannot_command_a_campaign_of_another_office_and_nothing_changes() {
        String north = northCampaign();
        EngineClient south = callers.otherManager;
        for (String action : List.of("launch", "archive", "clone", "schedule", "pause")) {
            Reply refused = south.post(CAMPAIGNS + "/" + north + "/" + action, Map.of());
            assertThat(refused.status()).as(action).isEqualTo(404);
        }
        assertThat(south.patch(CAMPAIGNS + "/" + north, Map.of("tags", List.of("mine"))).status()).isEqualTo(404);
        assertThat(south.delete(CAMPAIGNS + "/" + north).status()).isEqualTo(404);
        Reply unchanged = callers.admin.campaign(north, 0);
        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.text("status")).isEqualTo("DRAFT");
    }

    @Test
    void a_manager_acts_on_campaigns_of_their_own_office() {
        String north = northCampaign();
        EngineClient manager = callers.byRole.get("MANAGER");
        Reply patched = manager.patch(CAMPAIGNS + "/" + north, Map.of("tags", List.of("mine")));
        assertThat(patched.status()).isEqualTo(200);
        Reply clone = manager.post(CAMPAIGNS + "/" + north + "/clone", Map.of());
        assertThat(clone.status()).isEqualTo(201);
        assertThat(manager.campaign(clone.text("id"), 0).body().path("office").asText()).isEqualTo(Callers.OFFICE);
    }

    @Test
    void a_manager_creates_campaigns_only_in_their_offices() {
        EngineClient manager = callers.byRole.get("MANAGER");
        Map<String, Object> elsewhere = readySms("Elsewhere");
        elsewhere.put("office", Callers.OTHER_OFFICE);
        Reply refused = manager.post(CAMPAIGNS, elsewhere);
        assertThat(refused.status()).isEqualTo(403);

        Map<String, Object> noOffice = readySms("Defaulted");
        noOffice.remove("office");
        Reply created = manager.post(CAMPAIGNS, noOffice);
        assertThat(created.status()).isEqualTo(201);
        assertThat(manager.campaign(created.text("id"), 0).body().path("office").asText())
                .as("a manager of one office creates in it").isEqualTo(Callers.OFFICE);
    }

    @Test
    void a_manager_cannot_move_a_campaign_to_another_office() {
        String north = northCampaign();
        Reply refused = callers.byRole.get("MANAGER").patch(CAMPAIGNS + "/" + north, Map.of("office", Callers.OTHER_OFFICE));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(callers.admin.campaign(north, 0).version()).isZero();
    }

    @Test
    void lists_and_counts_hold_only_the_callers_offices_and_an_office_filter_cannot_widen_them() {
        String marker = "isolated-" + System.nanoTime();
        Reply north = callers.admin.post(CAMPAIGNS, named(readySms(marker + " north"), Callers.OFFICE));
        Reply south = callers.admin.post(CAMPAIGNS, named(readySms(marker + " south"), Callers.OTHER_OFFICE));
        callers.admin.campaign(north.text("id"), 0);
        callers.admin.campaign(south.text("id"), 0);

        assertThat(listed(callers.byRole.get("MANAGER"), "?q=" + marker)).containsExactly(marker + " north");
        assertThat(listed(callers.byRole.get("VIEWER"), "?q=" + marker)).containsExactly(marker + " north");
        assertThat(listed(callers.otherViewer, "?q=" + marker)).containsExactly(marker + " south");
        assertThat(listed(callers.otherManager, "?q=" + marker + "&office=" + Callers.OFFICE)).isEmpty();
        assertThat(listed(callers.byRole.get("AUDITOR"), "?q=" + marker + "&sort=name,asc"))
                .containsExactly(marker + " north", marker + " south");

        long everywhere = callers.admin.get(CAMPAIGNS + "/tabs").body().path("draft").asLong();
        long northOnly = callers.byRole.get("VIEWER").get(CAMPAIGNS + "/tabs").body().path("draft").asLong();
        long southOnly = callers.otherViewer.get(CAMPAIGNS + "/tabs").body().path("draft").asLong();
        assertThat(northOnly).isPositive();
        assertThat(southOnly).isPositive();
        assertThat(northOnly + southOnly).isLessThanOrEqualTo(everywhere);
        assertThat(callers.byRole.get("VIEWER").get(CAMPAIGNS + "?tab=draft&size=100").body().path("total").asLong())
                .isEqualTo(northOnly);
    }

    private static List<String> listed(EngineClient client, String query) {
        Reply page = client.get(CAMPAIGNS + query);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        page.body().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static Map<String, Object> named(Map<String, Object> body, String office) {
        body.put("office", office);
        return body;
    }

    @Test
    void services_auditors_and_admins_see_every_office() {
        String north = northCampaign();
        for (String role : List.of("ADMIN", "SERVICE", "AUDITOR")) {
            assertThat(callers.byRole.get(role).get(CAMPAIGNS + "/" + north).status()).as(role).isEqualTo(200);
        }
    }

    private static ObjectNode withoutInstance(Reply reply) {
        ObjectNode body = ((ObjectNode) reply.body()).deepCopy();
        body.remove("instance");
        return body;
    }
}
