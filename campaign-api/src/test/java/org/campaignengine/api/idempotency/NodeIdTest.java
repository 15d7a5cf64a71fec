package org.campaignengine.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node's name on its claims: what a restarted node recognises as its own. */
class NodeIdTest {

    @Test
    void a_configured_node_id_is_used_as_it_is() {
        assertThat(IdempotencyConfiguration.nodeId("engine-1", "8080")).isEqualTo("engine-1");
    }

    @Test
    void without_one_the_node_is_named_by_its_host_and_port_the_same_after_a_restart() {
        String first = IdempotencyConfiguration.nodeId(null, "8080");
        assertThat(first).endsWith(":8080");
        assertThat(IdempotencyConfiguration.nodeId(" ", "8080")).isEqualTo(first);
    }

    @Test
    void a_port_chosen_at_start_names_no_node_so_each_process_has_a_name_of_its_own() {
        String one = IdempotencyConfiguration.nodeId(null, "0");
        assertThat(one).startsWith("process-");
        assertThat(IdempotencyConfiguration.nodeId(null, "0")).isNotEqualTo(one);
    }
}
