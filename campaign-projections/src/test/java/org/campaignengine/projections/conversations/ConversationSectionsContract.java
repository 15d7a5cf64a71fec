package org.campaignengine.projections.conversations;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.domain.campaign.OperatedBy.AGENT;
import static org.campaignengine.domain.campaign.OperatedBy.VIRTUAL_ASSISTANT;
import static org.campaignengine.projections.ActivityRecords.batch;
import static org.campaignengine.projections.ActivityRecords.record;
import static org.campaignengine.projections.conversations.Section.NEEDS_ATTENTION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Deleted;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionHarness.Timeline;
import org.campaignengine.projections.scope.CampaignScope;
import org.junit.jupiter.api.Test;

/**
 * When a conversation begins, which section it is in, and how it moves between sections as messages,
 * explicit records and the campaign's operator change, with the section totals kept alongside.
 */
abstract class ConversationSectionsContract extends ConversationsDatabaseTest {

    @Test
    void a_conversation_begins_with_a_message_from_or_to_the_contact_or_a_record_managing_it_not_with_a_send() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(MESSAGE_SENT, "c-1", t).name("Ann Lee").phone("+14155550101").message("out-1"),
                record(MESSAGE_DELIVERED, "c-1", t.plusSeconds(2)).message("out-1"),
                record(LINK_CLICKED, "c-7", t.plusSeconds(3))));
        assertThat(items(id, null)).isEmpty();
        assertThat(totals(id)).isEqualTo(totals(0, 0, 0));

        campaign.after(ofMinutes(1)).publish(batch(id,
                record(REPLY_RECEIVED, "c-1", t.plusSeconds(10)).message("in-1"),
                record(NEEDS_ATTENTION_CLEARED, "c-2", t.plusSeconds(11)),
                record(BOT_REPLIED, "c-3", t.plusSeconds(12)).message("bot-3"),
                record(OPTED_OUT, "c-4", t.plusSeconds(13)),
                record(CONVERSATION_TAGGED, "c-5", t.plusSeconds(14)).tags("vip"),
                record(OPERATED_BY_CHANGED, "c-6", t.plusSeconds(15)).operatedBy(VIRTUAL_ASSISTANT),
                record(AGENT_REPLIED, "c-8", t.plusSeconds(16)).message("agent-8")));
        assertThat(items(id, null)).containsExactly(
                new ConversationRow("c-8", null, null, false, AGENT, List.of(), t.plusSeconds(16),
                        new LastMessage(AGENT_REPLIED, "agent-8")),
                new ConversationRow("c-6", null, null, false, VIRTUAL_ASSISTANT, List.of(), null, null),
                new ConversationRow("c-5", null, null, false, AGENT, List.of("vip"), null, null),
                new ConversationRow("c-4", null, null, false, AGENT, List.of(), t.plusSeconds(13),
                        new LastMessage(OPTED_OUT, null)),
                new ConversationRow("c-3", null, null, false, AGENT, List.of(), t.plusSeconds(12),
                        new LastMessage(BOT_REPLIED, "bot-3")),
                new ConversationRow("c-2", null, null, false, AGENT, List.of(), null, null),
                new ConversationRow("c-1", "Ann Lee", "+14155550101", true, AGENT, List.of(), t.plusSeconds(10),
                        new LastMessage(REPLY_RECEIVED, "in-1")));
        assertThat(totals(id)).isEqualTo(totals(1, 5, 1));
    }

    @Test
    void conversations_move_between_sections_as_replies_and_explicit_records_arrive() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(REPLY_RECEIVED, "c-1", t),
                record(REPLY_RECEIVED, "c-2", t.plusSeconds(1)),
                record(AGENT_REPLIED, "c-2", t.plusSeconds(2)),
                record(OPERATED_BY_CHANGED, "c-3", t.plusSeconds(3)).operatedBy(VIRTUAL_ASSISTANT)));
        assertThat(contacts(id, NEEDS_ATTENTION, null, null)).containsExactly("c-1");
        assertThat(contacts(id, Section.AGENT, null, null)).containsExactly("c-2");
        assertThat(contacts(id, Section.VIRTUAL_ASSISTANT, null, null)).containsExactly("c-3");
        assertThat(totals(id)).isEqualTo(totals(1, 1, 1));

        campaign.publish(batch(id, record(AGENT_REPLIED, "c-1", t.plusSeconds(20))));
        assertThat(contacts(id, Section.AGENT, null, null)).containsExactly("c-1", "c-2");
        assertThat(totals(id)).isEqualTo(totals(0, 2, 1));

        campaign.publish(batch(id, record(NEEDS_ATTENTION_SET, "c-3", t.plusSeconds(30))));
        assertThat(items(id, NEEDS_ATTENTION)).extracting(ConversationRow::contactId, ConversationRow::needsAttention,
                ConversationRow::operatedBy).containsExactly(tuple("c-3", true, VIRTUAL_ASSISTANT));
        assertThat(totals(id)).isEqualTo(totals(1, 2, 0));

        campaign.publish(batch(id,
                record(NEEDS_ATTENTION_CLEARED, "c-3", t.plusSeconds(40)),
                record(OPERATED_BY_CHANGED, "c-2", t.plusSeconds(41)).operatedBy(VIRTUAL_ASSISTANT),
                record(REPLY_RECEIVED, "c-3", t.plusSeconds(42))));
        assertThat(contacts(id, Section.VIRTUAL_ASSISTANT, null, null))
                .as("a reply to the virtual assistant is its to answer").containsExactly("c-3", "c-2");
        assertThat(contacts(id, Section.AGENT, null, null)).containsExactly("c-1");
        assertThat(totals(id)).isEqualTo(totals(0, 1, 2));

        campaign.publish(batch(id, record(OPERATED_BY_CHANGED, "c-3", t.plusSeconds(50)).operatedBy(AGENT),
                record(REPLY_RECEIVED, "c-3", t.plusSeconds(51))));
        assertThat(contacts(id, NEEDS_ATTENTION, null, null)).containsExactly("c-3");
        assertThat(totals(id)).isEqualTo(totals(1, 1, 1));
    }

    @Test
    void only_the_newest_message_decides_so_a_late_reported_older_reply_does_not_flag_an_answered_conversation() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id, record(REPLY_RECEIVED, "c-1", t).message("in-1"),
                record(AGENT_REPLIED, "c-1", t.plusSeconds(60)).message("out-1")));
        campaign.publish(batch(id, record(REPLY_RECEIVED, "c-1", t.plusSeconds(30)).message("in-0")));
        assertThat(conversation(id, "c-1")).isEqualTo(new ConversationRow("c-1", null, null, false, AGENT, List.of(),
                t.plusSeconds(60), new LastMessage(AGENT_REPLIED, "out-1")));
        assertThat(totals(id)).isEqualTo(totals(0, 1, 0));
    }

    @Test
    void conversations_follow_the_campaigns_operator_unless_one_was_chosen_for_them() {
        String id = newId();
        Timeline campaign = launched(id, operatedBy(VIRTUAL_ASSISTANT), new ArrayList<>());
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(REPLY_RECEIVED, "c-1", t),
                record(OPERATED_BY_CHANGED, "c-2", t.plusSeconds(1)).operatedBy(AGENT),
                record(NEEDS_ATTENTION_SET, "c-3", t.plusSeconds(2))));
        assertThat(contacts(id, Section.VIRTUAL_ASSISTANT, null, null)).containsExactly("c-1");
        assertThat(totals(id)).isEqualTo(totals(1, 1, 1));

        campaign.publish(new SettingsUpdated(id, operatedBy(AGENT), List.of("operatedBy"), null, false));
        assertThat(contacts(id, Section.AGENT, null, null)).containsExactly("c-2", "c-1");
        assertThat(items(id, NEEDS_ATTENTION)).extracting(ConversationRow::operatedBy).containsExactly(AGENT);
        assertThat(totals(id)).isEqualTo(totals(1, 2, 0));

        campaign.publish(new SettingsUpdated(id, operatedBy(null), List.of("operatedBy"), null, false));
        assertThat(totals(id)).as("a campaign naming no operator is answered by agents").isEqualTo(totals(1, 2, 0));

        campaign.publish(new SettingsUpdated(id, operatedBy(VIRTUAL_ASSISTANT), List.of("operatedBy"), null, false));
        assertThat(contacts(id, Section.VIRTUAL_ASSISTANT, null, null)).containsExactly("c-1");
        assertThat(contacts(id, Section.AGENT, null, null)).as("chosen for it").containsExactly("c-2");
        assertThat(totals(id)).isEqualTo(totals(1, 1, 1));

        campaign.publish(batch(id, record(REPLY_RECEIVED, "c-4", t.plusSeconds(90)).name("Newcomer")));
        assertThat(conversation(id, "c-4").operatedBy()).isEqualTo(VIRTUAL_ASSISTANT);
        assertThat(totals(id)).isEqualTo(totals(1, 1, 2));
        assertThat(database.jdbc().queryForMap("SELECT operated_by, needs_attention, agent, virtual_assistant "
                + "FROM conversations_campaign WHERE campaign_id = ?", id).values())
                .as("the counters the totals are read from").containsExactly("VIRTUAL_ASSISTANT", 1L, 1L, 2L);
    }

    @Test
    void activity_stored_as_the_campaigns_own_event_counts_the_same_and_a_deleted_campaign_is_marked() {
        String id = newId();
        Timeline campaign = conversations.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SETTINGS, null));
        legacyActivity(id, 1, T0.plusSeconds(60), batch(id, record(REPLY_RECEIVED, "c-1", T0.plusSeconds(60))));
        assertThat(contacts(id, NEEDS_ATTENTION, null, null)).containsExactly("c-1");
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 1, 1));

        String draft = newId();
        Timeline deleted = conversations.campaign(draft, T0);
        deleted.publish(new Created(draft, Channel.SMS, SETTINGS, null));
        deleted.publish(new Deleted(draft));
        assertThat(scope(draft)).contains(new CampaignScope(draft, "Boston", true, 1, 0));
        assertThat(scope(newId())).isEmpty();
    }

    @Test
    void every_record_of_a_batch_counts_towards_the_activity_version_those_beginning_no_conversation_included() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 2, 0));

        campaign.publish(batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1"), record(COST_INCURRED, null, t),
                record(REPLY_RECEIVED, "x".repeat(150), t)));
        assertThat(scope(id)).as("a send begins no conversation, yet its record is applied")
                .contains(new CampaignScope(id, "Boston", false, 2, 3));
        campaign.after(ofMinutes(1)).publish(batch(id, record(REPLY_RECEIVED, "c-1", t.plusSeconds(60))));
        assertThat(scope(id)).as("activity moves the activity version, not the version")
                .contains(new CampaignScope(id, "Boston", false, 2, 4));
        assertThat(contacts(id, NEEDS_ATTENTION, null, null)).containsExactly("c-1");
    }
}
