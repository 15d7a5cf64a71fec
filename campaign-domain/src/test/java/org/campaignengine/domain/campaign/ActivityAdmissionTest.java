package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campaignengine.domain.campaign.ActivityOutcome.Rejection;
import org.campaignengine.domain.campaign.ActivityVerdict.Refused;
import org.junit.jupiter.api.Test;

/** The admission of a batch as a function of the situation, the settings and the records; no store, no bus. */
class ActivityAdmissionTest {

    private static final CampaignSettings SETTINGS = launchReady(Channel.SMS);
    private static final Situation ACTIVE = situation(CampaignStatus.ACTIVE);

    @Test
    void a_record_the_rules_allow_is_accepted() {
        assertThat(verdicts(ACTIVE, activity("r-1", ActivityType.MESSAGE_SENT, NOW)))
                .containsExactly(ActivityVerdict.ACCEPTED);
    }

    @Test
    void a_second_record_with_the_same_id_is_a_duplicate_in_the_batch() {
        ActivityRecord sent = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        assertThat(verdicts(ACTIVE, sent, sent))
                .containsExactly(ActivityVerdict.ACCEPTED, ActivityVerdict.DUPLICATE_IN_BATCH);
    }

    @Test
    void a_refused_record_leaves_its_id_to_a_later_copy() {
        ActivityRecord outsideHours = activity("r-1", ActivityType.MESSAGE_SENT, Instant.parse("2030-01-08T10:00:00Z"));
        ActivityRecord inside = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        ActivityAdmission.Admitted admitted = ActivityAdmission.admit(ACTIVE, SETTINGS, List.of(outsideHours, inside));
        assertThat(admitted.verdicts().get(0)).isInstanceOf(Refused.class);
        assertThat(admitted.verdicts().get(1)).isEqualTo(ActivityVerdict.ACCEPTED);
        assertThat(admitted.refusedIds()).containsExactly("r-1");
    }

    @Test
    void outbound_activity_of_a_paused_campaign_is_refused_naming_its_status() {
        assertThat(reason(situation(CampaignStatus.PAUSED), activity("r-1", ActivityType.MESSAGE_SENT, NOW)))
                .isEqualTo("the campaign is PAUSED: no outbound activity");
    }

    @Test
    void activity_before_launch_is_refused() {
        assertThat(reason(situation(CampaignStatus.DRAFT), activity("r-1", ActivityType.REPLY_RECEIVED, NOW)))
                .contains("DRAFT", "before it is launched");
    }

    @Test
    void outbound_activity_outside_open_hours_is_refused_naming_them() {
        assertThat(reason(ACTIVE, activity("r-1", ActivityType.MESSAGE_SENT, Instant.parse("2030-01-08T10:00:00Z"))))
                .startsWith("outside the campaign's open hours");
    }

    @Test
    void a_reply_without_a_contact_is_refused() {
        ActivityRecord reply = new ActivityRecord("r-1", ActivityType.REPLY_RECEIVED, NOW, null, null, null, null,
                null, null, null, List.of(), null);
        assertThat(reason(ACTIVE, reply)).isEqualTo("REPLY_RECEIVED needs a contactId");
    }

    @Test
    void a_conversation_tag_longer_than_30_characters_is_refused() {
        assertThat(reason(ACTIVE, tagged("r-1", "t".repeat(31))))
                .isEqualTo("a conversation tag has 1 to 30 characters");
    }

    @Test
    void a_record_kept_before_is_a_duplicate_even_where_it_is_now_refused() {
        ActivityRecord sent = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        List<ActivityRecord> batch = List.of(sent, activity("r-2", ActivityType.MESSAGE_SENT, NOW));
        ActivityAdmission.Admitted admitted = ActivityAdmission.admit(situation(CampaignStatus.PAUSED), SETTINGS, batch);
        ActivityIntake.Sorted sorted = ActivityIntake.sort(batch, admitted.verdicts(), Set.of("r-1"));
        assertThat(sorted.duplicates()).isEqualTo(1);
        assertThat(sorted.candidates()).isEmpty();
        assertThat(sorted.rejected()).extracting(Rejection::recordId).containsExactly("r-2");
    }

    @Test
    void a_fourth_tag_of_a_conversation_is_refused_after_the_earlier_ones() {
        List<ActivityRecord> batch = List.of(tagged("r-2", "c"), tagged("r-3", "d"));
        ActivityIntake.Sorted sorted = ActivityIntake.sort(batch, ActivityAdmission.admit(ACTIVE, SETTINGS, batch)
                .verdicts(), Set.of());
        ActivityIntake.Tagged tagged = ActivityIntake.withinTagLimits(sorted,
                Map.of(ContactId.of("contact-1"), Set.of("a", "b")));
        assertThat(tagged.accepted()).extracting(ActivityRecord::recordId).containsExactly("r-2");
        assertThat(tagged.rejected()).containsExactly(new Rejection("r-3", "a conversation holds at most 3 tags"));
        assertThat(tagged.changedTags()).containsEntry(ContactId.of("contact-1"), Set.of("a", "b", "c"));
    }

    private static List<ActivityVerdict> verdicts(Situation situation, ActivityRecord... records) {
        return ActivityAdmission.admit(situation, SETTINGS, List.of(records)).verdicts();
    }

    private static String reason(Situation situation, ActivityRecord record) {
        return ((Refused) verdicts(situation, record).get(0)).reason();
    }

    private static Situation situation(CampaignStatus status) {
        return new Situation(status, Channel.SMS, false, status != CampaignStatus.DRAFT, List.of());
    }

    private static ActivityRecord tagged(String recordId, String... tags) {
        return new ActivityRecord(recordId, ActivityType.CONVERSATION_TAGGED, NOW, ContactId.of("contact-1"), null, null,
                null, null, null, null, List.of(tags), null);
    }
}
