package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The link arithmetic: every field counts, field borders count, and the previous link counts. */
class EventLinksTest {

    private static final EventLinks.Row ROW = row("event-1", "campaign-1", 3, "{\"a\":1}");

    @Test
    void the_same_row_after_the_same_link_always_links_alike() {
        assertThat(EventLinks.link(EventLinks.GENESIS, ROW)).isEqualTo(EventLinks.link(EventLinks.GENESIS, ROW))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void a_changed_payload_sequence_or_previous_link_changes_the_link() {
        String link = EventLinks.link(EventLinks.GENESIS, ROW);
        assertThat(EventLinks.link(EventLinks.GENESIS, row("event-1", "campaign-1", 3, "{\"a\":2}"))).isNotEqualTo(link);
        assertThat(EventLinks.link(EventLinks.GENESIS, row("event-1", "campaign-1", 4, "{\"a\":1}"))).isNotEqualTo(link);
        assertThat(EventLinks.link(link, ROW)).isNotEqualTo(link);
    }

    @Test
    void moving_a_border_between_fields_or_emptying_a_null_changes_the_link() {
        String link = EventLinks.link(EventLinks.GENESIS, row("ab", "c", 0, "{}"));
        assertThat(EventLinks.link(EventLinks.GENESIS, row("a", "bc", 0, "{}"))).isNotEqualTo(link);
        EventLinks.Row withNullType = new EventLinks.Row("e", "c", 0, null, "t", "p", null, new byte[0], null);
        EventLinks.Row withEmptyType = new EventLinks.Row("e", "c", 0, "", "t", "p", null, new byte[0], null);
        assertThat(EventLinks.link(EventLinks.GENESIS, withNullType))
                .isNotEqualTo(EventLinks.link(EventLinks.GENESIS, withEmptyType));
    }

    @Test
    void an_anchor_covers_the_anchor_before_it_and_the_link() {
        String first = EventLinks.anchor(EventLinks.GENESIS, EventLinks.link(EventLinks.GENESIS, ROW));
        assertThat(EventLinks.anchor(first, EventLinks.GENESIS)).isNotEqualTo(EventLinks.anchor(EventLinks.GENESIS,
                EventLinks.GENESIS));
        assertThat(first).isNotEqualTo(EventLinks.anchor(EventLinks.GENESIS, EventLinks.GENESIS));
    }

    private static EventLinks.Row row(String eventId, String aggregateId, long sequence, String payload) {
        return new EventLinks.Row(eventId, aggregateId, sequence, "Campaign", "2026-11-25T10:00:00Z",
                "org.campaignengine.domain.campaign.CampaignEvent$Created", "1",
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
