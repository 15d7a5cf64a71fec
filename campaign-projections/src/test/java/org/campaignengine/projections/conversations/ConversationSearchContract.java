package org.campaignengine.projections.conversations;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.domain.campaign.OperatedBy.VIRTUAL_ASSISTANT;
import static org.campaignengine.projections.ActivityRecords.batch;
import static org.campaignengine.projections.ActivityRecords.record;
import static org.campaignengine.projections.conversations.Section.AGENT;
import static org.campaignengine.projections.conversations.Section.NEEDS_ATTENTION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.campaignengine.domain.audit.AuditRecord.ContactForgotten;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.projections.ProjectionHarness.Timeline;
import org.campaignengine.projections.scope.CampaignScope;
import org.junit.jupiter.api.Test;

/** Search by name or phone, the tag filter, pages and their totals, and a replay of the same events. */
abstract class ConversationSearchContract extends ConversationsDatabaseTest {

    @Test
    void search_finds_name_or_phone_ignoring_case_with_like_wildcards_in_the_text_taken_literally() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(REPLY_RECEIVED, "c-1", t.plusSeconds(1)).name("Ann_Lee").phone("+1 (415) 555-0101"),
                record(REPLY_RECEIVED, "c-2", t.plusSeconds(2)).name("AnnXLee").phone("+1 650 555 0102"),
                record(REPLY_RECEIVED, "c-3", t.plusSeconds(3)).name("100% Sure").phone("+14155550103"),
                record(REPLY_RECEIVED, "c-4", t.plusSeconds(4)).name("Bob").phone("+1-212-555-0104"),
                record(REPLY_RECEIVED, "c-5", t.plusSeconds(5)).name("O\\Brien").phone("+1-212-555-0105"),
                record(BOT_REPLIED, "c-6", t.plusSeconds(6))));

        assertThat(contacts(id, null, "ann", null)).containsExactly("c-2", "c-1");
        assertThat(contacts(id, null, "ANN_LEE", null)).containsExactly("c-1");
        assertThat(contacts(id, null, "n_l", null)).as("_ is not a wildcard").containsExactly("c-1");
        assertThat(contacts(id, null, "0%", null)).as("% is not a wildcard").containsExactly("c-3");
        assertThat(contacts(id, null, "%", null)).containsExactly("c-3");
        assertThat(contacts(id, null, "\\", null)).as("nor the escape character").containsExactly("c-5");
        assertThat(contacts(id, null, "415 555", null)).as("phone digits, however written")
                .containsExactly("c-3", "c-1");
        assertThat(contacts(id, null, "(212) 555-0104", null)).containsExactly("c-4");
        assertThat(contacts(id, null, "+1 (415)", null)).containsExactly("c-3", "c-1");
        assertThat(contacts(id, null, "nobody", null)).isEmpty();
        assertThat(contacts(id, null, " bob  ", null)).as("surrounding blanks are not searched for").containsExactly("c-4");
        assertThat(contacts(id, null, "  ", null)).as("a blank search is no search").hasSize(6);

        ConversationPage found = page(id, NEEDS_ATTENTION, "ann", null, 0, 1);
        assertThat(found.items()).extracting(ConversationRow::contactId).containsExactly("c-2");
        assertThat(found.total()).isEqualTo(2);
        assertThat(page(id, AGENT, "ann", null, 0, 10).total()).isZero();
        assertThat(page(id, AGENT, null, null, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void the_tag_filter_takes_exact_tags_and_a_conversation_shows_its_tags_in_the_order_added() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(CONVERSATION_TAGGED, "c-1", t.plusSeconds(1)).tags("vip"),
                record(CONVERSATION_TAGGED, "c-2", t.plusSeconds(2)).tags("VIP"),
                record(CONVERSATION_TAGGED, "c-3", t.plusSeconds(3)).tags("vip-lead", "v_p"),
                record(CONVERSATION_TAGGED, "c-4", t.plusSeconds(4)).tags("vip").name("Ann"),
                record(REPLY_RECEIVED, "c-5", t.plusSeconds(5)).name("Ann")));
        campaign.after(ofMinutes(1)).publish(batch(id,
                record(CONVERSATION_TAGGED, "c-1", t.plusSeconds(10)).tags("spanish"),
                record(CONVERSATION_TAGGED, "c-4", t.plusSeconds(11)).tags("vip", "callback")));

        assertThat(contacts(id, null, null, "vip")).containsExactly("c-4", "c-1");
        assertThat(page(id, null, null, "vip", 0, 1).total()).isEqualTo(2);
        assertThat(conversation(id, "c-1").tags()).containsExactly("vip", "spanish");
        assertThat(conversation(id, "c-4").tags()).containsExactly("vip", "callback");
        assertThat(conversation(id, "c-3").tags()).containsExactly("vip-lead", "v_p");
        assertThat(contacts(id, null, null, "v%")).isEmpty();
        assertThat(contacts(id, null, null, "v_p")).containsExactly("c-3");
        assertThat(contacts(id, null, null, "VIP")).containsExactly("c-2");
        assertThat(contacts(id, null, "ann", "vip")).containsExactly("c-4");
        assertThat(contacts(id, AGENT, null, "vip")).containsExactly("c-4", "c-1");
        assertThat(page(id, NEEDS_ATTENTION, null, "vip", 0, 10).total()).isZero();
        assertThat(contacts(id, null, null, " ")).as("a blank tag is no filter").hasSize(5);
    }

    @Test
    void pages_list_the_most_recent_activity_first_then_by_contact_with_totals_from_the_section_counters() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(REPLY_RECEIVED, "c-1", t.plusSeconds(10)),
                record(BOT_REPLIED, "c-2", t.plusSeconds(70)),
                record(BOT_REPLIED, "c-3", t.plusSeconds(30)),
                record(BOT_REPLIED, "c-4", t.plusSeconds(30)),
                record(REPLY_RECEIVED, "c-5", t.plusSeconds(50)),
                record(OPERATED_BY_CHANGED, "c-6", t.plusSeconds(60)).operatedBy(VIRTUAL_ASSISTANT),
                record(BOT_REPLIED, "c-7", t.plusSeconds(5))));
        campaign.publish(batch(id, record(CONVERSATION_TAGGED, "c-1", t.plusSeconds(80)).tags("late")));

        ConversationPage first = page(id, null, null, null, 0, 3);
        assertThat(first.items()).extracting(ConversationRow::contactId).containsExactly("c-1", "c-2", "c-6");
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(3);
        assertThat(page(id, null, null, null, 1, 3).items()).extracting(ConversationRow::contactId)
                .containsExactly("c-5", "c-3", "c-4");
        assertThat(page(id, null, null, null, 2, 3).items()).extracting(ConversationRow::contactId).containsExactly("c-7");
        assertThat(page(id, null, null, null, 3, 3).items()).isEmpty();
        ConversationPage agents = page(id, AGENT, null, null, 1, 2);
        assertThat(agents.items()).extracting(ConversationRow::contactId).containsExactly("c-4", "c-7");
        assertThat(agents.total()).isEqualTo(4);
        assertThat(totals(id)).isEqualTo(totals(2, 4, 1));
    }

    @Test
    void a_replay_from_the_same_events_gives_the_same_conversations_and_totals() {
        String id = newId();
        List<EventMessage<?>> events = new ArrayList<>();
        Timeline campaign = launched(id, operatedBy(VIRTUAL_ASSISTANT), events);
        Instant t = campaign.after(ofMinutes(1)).now();
        events.add(campaign.publish(batch(id,
                record(MESSAGE_SENT, "c-1", t).name("Ann Lee").phone("+14155550101").message("m-1"),
                record(REPLY_RECEIVED, "c-1", t.plusSeconds(5)),
                record(OPERATED_BY_CHANGED, "c-2", t.plusSeconds(6)).operatedBy(OperatedBy.AGENT),
                record(REPLY_RECEIVED, "c-2", t.plusSeconds(7)).name("Bo"),
                record(CONVERSATION_TAGGED, "c-3", t.plusSeconds(8)).tags("vip", "es"),
                record(NEEDS_ATTENTION_SET, "c-3", t.plusSeconds(9)))));
        events.add(campaign.publish(new Paused(id)));
        events.add(campaign.publish(batch(id, record(CONVERSATION_TAGGED, "c-1", t.plusSeconds(20)).tags("vip"))));
        List<Object> before = snapshot(id);

        conversations.reset();
        assertThat(scope(id)).isEmpty();
        assertThat(page(id, null, null, null, 0, 10).items()).isEmpty();
        assertThat(page(id, null, null, null, 0, 10).total()).isZero();
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM campaign_conversation_tag", Long.class)).isZero();

        events.forEach(conversations::redeliver);
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 3, 7));
    }

    private List<Object> snapshot(String id) {
        List<Object> pages = new ArrayList<>();
        pages.add(page(id, null, null, null, 0, 100));
        for (Section section : Section.values()) {
            pages.add(page(id, section, null, null, 0, 100));
        }
        pages.add(page(id, null, "ann", "vip", 0, 100));
        return pages;
    }

    @Test
    void sealed_names_and_phones_are_searched_opened_and_once_forgotten_neither_shown_nor_found() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(REPLY_RECEIVED, "s-1", t.plusSeconds(1)).name(keys.seal("s-1", "Dana Scully"))
                        .phone(keys.seal("s-1", "+1 (202) 555-0199")),
                record(REPLY_RECEIVED, "s-2", t.plusSeconds(2)).name(keys.seal("s-2", "Fox Mulder"))
                        .phone(keys.seal("s-2", "+12025550142")),
                record(CONVERSATION_TAGGED, "s-1", t.plusSeconds(3)).tags("x-files")));

        assertThat(contacts(id, null, "scully", null)).containsExactly("s-1");
        assertThat(contacts(id, null, "202 555", null)).as("tagged last, so first").containsExactly("s-1", "s-2");
        assertThat(contacts(id, null, "0199", "x-files")).containsExactly("s-1");
        ConversationRow shown = page(id, null, "dana", null, 0, 10).items().get(0);
        assertThat(shown).extracting(ConversationRow::name, ConversationRow::phone, ConversationRow::erased)
                .containsExactly("Dana Scully", "+1 (202) 555-0199", false);
        assertThat(page(id, null, "dana", null, 0, 10).total()).isEqualTo(1);
        assertThat(database.jdbc().queryForList("SELECT phone FROM campaign_conversation WHERE campaign_id = ?",
                String.class, id)).allSatisfy(phone -> assertThat(phone).startsWith("pii:v1:").doesNotContain("555"));
        long before = page(id, null, null, null, 0, 10).total();

        keys.forget("s-1");
        conversations.redeliver(GenericEventMessage.asEventMessage(new ContactForgotten("s-1")));

        assertThat(contacts(id, null, "scully", null)).isEmpty();
        assertThat(contacts(id, null, "202 555", null)).containsExactly("s-2");
        ConversationRow erased = page(id, null, null, "x-files", 0, 10).items().get(0);
        assertThat(erased).extracting(ConversationRow::contactId, ConversationRow::name, ConversationRow::phone,
                ConversationRow::erased, ConversationRow::tags).containsExactly("s-1", null, null, true, List.of("x-files"));
        assertThat(page(id, null, null, null, 0, 10).total()).isEqualTo(before);
    }
}
