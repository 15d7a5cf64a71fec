package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.CampaignType;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.OpenHours;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.domain.campaign.Variant;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The status index fed real event streams through Axon's handler machinery and read back from the
 * database. Every test runs once per database: each subclass supplies its own {@link IndexDatabase}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CampaignIndexProjectionContract extends StatusIndexTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123Z");
    static final PhoneNumber SINGLE_USE_1 = new PhoneNumber("+14155550101", "415", PhoneNumberMode.SINGLE_USE);
    static final PhoneNumber SINGLE_USE_2 = new PhoneNumber("+16505550102", "650", PhoneNumberMode.SINGLE_USE);
    static final PhoneNumber REUSABLE = new PhoneNumber("+18005550199", null, PhoneNumberMode.REUSABLE);

    static final CampaignSettings SPRING_SALE = CampaignSettings.builder()
            .name("Spring sale")
            .office("Boston")
            .tags(List.of("retail", "spring"))
            .areaCodes(List.of("415", "650"))
            .build();

    @Test
    void migrations_build_the_index_from_this_modules_scripts_and_start_it_empty() {
        assertThat(database.jdbc().queryForList("SELECT \"version\" FROM \"flyway_schema_history\"", String.class))
                .contains("3", "5", "11");
        assertThat(count("campaign_index")).isZero();
        assertThat(count("campaign_tab_count")).isZero();
    }

    @Test
    void created_campaign_is_indexed_as_a_draft_with_its_name_office_and_settings() {
        String id = newId();

        index.campaign(id, T0).publish(new Created(id, Channel.SMS, SPRING_SALE, null));

        CampaignRow row = row(id);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.channel()).isEqualTo(Channel.SMS);
        assertThat(row.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(row.settings()).isEqualTo(SPRING_SALE);
        assertThat(row.settings().name()).isEqualTo("Spring sale");
        assertThat(row.settings().office()).isEqualTo("Boston");
        assertThat(row.phoneNumbers()).isEmpty();
        assertThat(row.createdAt()).isEqualTo(T0);
        assertThat(row.updatedAt()).isEqualTo(T0);
        assertThat(row.launchedAt()).isNull();
        assertThat(row.launchAt()).isNull();
        assertThat(row.statusReason()).isNull();
        assertThat(row.autoArchiveAt()).isNull();
        assertThat(row.autoArchiveWarned()).isFalse();
        assertThat(row.clonedFrom()).isNull();
        assertThat(row.version()).isZero();
        assertThat(database.jdbc().queryForMap("SELECT name, office FROM campaign_index WHERE id = ?", id))
                .containsEntry("name", "Spring sale")
                .containsEntry("office", "Boston");
    }

    @Test
    void sms_campaign_is_indexed_through_its_whole_life_from_draft_to_archive() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));

        CampaignSettings edited = SPRING_SALE.toBuilder()
                .name("Spring sale, final")
                .office("Lisbon")
                .contactList(new ContactList("list-7", "Spring leads", 1200))
                .initialMessage("Hi {firstName}, 20% off this week")
                .build();
        Instant editedAt = campaign.after(ofMinutes(10)).now();
        campaign.publish(new SettingsUpdated(id, edited, List.of("name", "office", "contactList", "initialMessage"),
                null, false));
        CampaignRow draft = row(id);
        assertThat(draft.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(draft.settings()).isEqualTo(edited);
        assertThat(draft.createdAt()).isEqualTo(T0);
        assertThat(draft.updatedAt()).isEqualTo(editedAt);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(database.jdbc().queryForMap("SELECT name, office FROM campaign_index WHERE id = ?", id))
                .containsEntry("name", "Spring sale, final")
                .containsEntry("office", "Lisbon");

        campaign.after(ofMinutes(5)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, edited, null));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.LAUNCHING);

        Instant launchedAt = campaign.after(ofSeconds(40)).now();
        campaign.publish(new Launched(id, "launch-1", List.of(SINGLE_USE_1, SINGLE_USE_2), "use-case-1"));
        CampaignRow active = row(id);
        assertThat(active.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(active.statusReason()).isNull();
        assertThat(active.phoneNumbers()).containsExactly(SINGLE_USE_1, SINGLE_USE_2);
        assertThat(active.launchedAt()).isEqualTo(launchedAt);
        assertThat(active.autoArchiveAt()).isEqualTo(launchedAt.plus(ofDays(30)));
        assertThat(active.autoArchiveWarned()).isFalse();
        assertThat(active.version()).isEqualTo(3);

        Instant pausedAt = campaign.after(ofDays(2)).now();
        campaign.publish(new Paused(id));
        CampaignRow paused = row(id);
        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(paused.updatedAt()).isEqualTo(pausedAt);
        assertThat(paused.autoArchiveAt()).as("pausing does not restart the inactivity window")
                .isEqualTo(launchedAt.plus(ofDays(30)));

        Instant resumedAt = campaign.after(ofDays(1)).now();
        campaign.publish(new Resumed(id, null));
        CampaignRow resumed = row(id);
        assertThat(resumed.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(resumed.autoArchiveAt()).as("resuming restarts the inactivity window")
                .isEqualTo(resumedAt.plus(ofDays(30)));

        campaign.after(ofDays(3)).publish(new Stopped(id, Channel.SMS));
        CampaignRow stopped = row(id);
        assertThat(stopped.status()).isEqualTo(CampaignStatus.STOPPED);
        assertThat(stopped.phoneNumbers()).containsExactly(SINGLE_USE_1, SINGLE_USE_2);
        assertThat(stopped.autoArchiveAt()).isEqualTo(resumedAt.plus(ofDays(30)));

        Instant archivedAt = campaign.after(ofHours(1)).now();
        campaign.publish(new Archived(id, ArchiveReason.MANUAL, List.of(SINGLE_USE_1, SINGLE_USE_2), "use-case-1"));
        CampaignRow archived = row(id);
        assertThat(archived.status()).isEqualTo(CampaignStatus.ARCHIVED);
        assertThat(archived.archiveReason()).isEqualTo("MANUAL");
        assertThat(archived.phoneNumbers()).as("released single-use numbers leave the row").isEmpty();
        assertThat(archived.statusReason()).isNull();
        assertThat(archived.autoArchiveAt()).isNull();
        assertThat(archived.autoArchiveWarned()).isFalse();
        assertThat(archived.launchedAt()).isEqualTo(launchedAt);
        assertThat(archived.settings()).isEqualTo(edited);
        assertThat(archived.createdAt()).isEqualTo(T0);
        assertThat(archived.updatedAt()).isEqualTo(archivedAt);
        assertThat(archived.version()).isEqualTo(7);
    }

    @Test
    void archive_keeps_a_reusable_number_listed_and_drops_the_released_single_use_ones() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1, REUSABLE, SINGLE_USE_2));

        campaign.after(ofDays(1)).publish(new Archived(id, ArchiveReason.MANUAL, List.of(SINGLE_USE_1, SINGLE_USE_2),
                null));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.ARCHIVED);
        assertThat(row.phoneNumbers()).containsExactly(REUSABLE);
    }

    @Test
    void inactive_campaign_is_warned_then_archived_automatically_keeping_its_reusable_number() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(REUSABLE));
        Instant launchedAt = row(id).launchedAt();

        Instant archiveAt = launchedAt.plus(ofDays(30));
        campaign.after(ofDays(23)).publish(new AutoArchiveWarned(id, archiveAt));
        CampaignRow warned = row(id);
        assertThat(warned.autoArchiveWarned()).isTrue();
        assertThat(warned.autoArchiveAt()).isEqualTo(archiveAt);
        assertThat(warned.status()).isEqualTo(CampaignStatus.ACTIVE);

        campaign.after(ofDays(7)).publish(new Stopped(id, Channel.SMS));
        campaign.publish(new Archived(id, ArchiveReason.AUTO_INACTIVITY, List.of(), null));
        CampaignRow archived = row(id);
        assertThat(archived.status()).isEqualTo(CampaignStatus.ARCHIVED);
        assertThat(archived.archiveReason()).isEqualTo("AUTO_INACTIVITY");
        assertThat(archived.phoneNumbers()).containsExactly(REUSABLE);
        assertThat(archived.autoArchiveWarned()).isFalse();
        assertThat(archived.autoArchiveAt()).isNull();
    }

    @Test
    void warning_sets_the_flag_and_date_and_outbound_activity_clears_it_and_restarts_the_window() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1));
        Instant launchedAt = row(id).launchedAt();
        Instant archiveAt = launchedAt.plus(ofDays(30));

        campaign.after(ofDays(23)).publish(new AutoArchiveWarned(id, archiveAt));
        assertThat(row(id).autoArchiveWarned()).isTrue();
        assertThat(row(id).autoArchiveAt()).isEqualTo(archiveAt);

        Instant receiptAt = campaign.after(ofHours(2)).now();
        campaign.publish(new ActivityRecorded(id, List.of(activity("r-1", ActivityType.MESSAGE_DELIVERED, receiptAt))));
        CampaignRow afterReceipt = row(id);
        assertThat(afterReceipt.autoArchiveWarned()).as("a delivery receipt is not activity").isTrue();
        assertThat(afterReceipt.autoArchiveAt()).isEqualTo(archiveAt);
        assertThat(afterReceipt.updatedAt()).isEqualTo(receiptAt);
        assertThat(afterReceipt.version()).as("activity is outside the campaign's stream").isEqualTo(3);

        Instant sentAt = campaign.after(ofHours(1)).now();
        campaign.publish(new ActivityRecorded(id, List.of(
                activity("r-2", ActivityType.MESSAGE_DELIVERED, sentAt),
                activity("r-3", ActivityType.MESSAGE_SENT, sentAt))));
        CampaignRow afterSend = row(id);
        assertThat(afterSend.autoArchiveWarned()).isFalse();
        assertThat(afterSend.autoArchiveAt()).isEqualTo(sentAt.plus(ofDays(30)));
        assertThat(afterSend.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(afterSend.version()).isEqualTo(3);
    }

    @Test
    void scheduled_campaign_shows_its_launch_time_until_unscheduled() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        Instant launchAt = T0.plus(ofDays(3));

        campaign.after(ofMinutes(1)).publish(new Scheduled(id, launchAt));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(row(id).launchAt()).isEqualTo(launchAt);

        Instant moved = launchAt.plus(ofHours(4));
        CampaignSettings renamed = SPRING_SALE.toBuilder().name("Spring sale (moved)").build();
        campaign.after(ofMinutes(1)).publish(new SettingsUpdated(id, renamed, List.of("name"), moved, false));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(row(id).launchAt()).isEqualTo(moved);
        assertThat(row(id).settings().name()).isEqualTo("Spring sale (moved)");

        campaign.after(ofMinutes(1)).publish(new Unscheduled(id, moved));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(row(id).launchAt()).isNull();
        assertThat(row(id).version()).isEqualTo(3);
    }

    @Test
    void failed_launch_returns_to_draft_with_the_reason_until_the_next_launch() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        Instant launchAt = T0.plus(ofHours(2));
        campaign.publish(new Scheduled(id, launchAt));
        campaign.after(ofHours(2)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, SPRING_SALE, launchAt));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.LAUNCHING);

        String reason = "no phone numbers available in area codes 415, 650";
        campaign.after(ofSeconds(5)).publish(new LaunchFailed(id, "launch-1", reason));
        CampaignRow failed = row(id);
        assertThat(failed.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(failed.statusReason()).isEqualTo(reason);
        assertThat(failed.launchAt()).isNull();
        assertThat(failed.launchedAt()).isNull();

        campaign.after(ofMinutes(30)).publish(new LaunchRequested(id, "launch-2", Channel.SMS, SPRING_SALE, null));
        assertThat(row(id).statusReason()).isNull();
        campaign.after(ofSeconds(5)).publish(new Launched(id, "launch-2", List.of(SINGLE_USE_1), null));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(row(id).statusReason()).isNull();
    }

    @Test
    void rejected_campaign_shows_the_content_checks_reason() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, SPRING_SALE, null));

        String reason = "the message contains the denied term 'free money'";
        campaign.after(ofSeconds(2)).publish(new Rejected(id, "launch-1", reason));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.REJECTED);
        assertThat(row.statusReason()).isEqualTo(reason);
        assertThat(row.version()).isEqualTo(2);
    }

    @Test
    void editing_a_rejected_campaign_returns_it_to_draft_without_the_rejection_reason() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, SPRING_SALE, null));
        campaign.after(ofSeconds(2)).publish(new Rejected(id, "launch-1", "the message contains the denied term 'free'"));

        CampaignSettings fixed = SPRING_SALE.toBuilder().initialMessage("20% off this week").build();
        campaign.after(ofMinutes(3)).publish(new SettingsUpdated(id, fixed, List.of("initialMessage"), null, true));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(row.settings()).isEqualTo(fixed);
        assertThat(row.statusReason()).as("HTTP API: statusReason is null unless a reason explains the status")
                .isNull();
    }

    @Test
    void suspension_shows_its_reason_until_resumed() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1));

        String reason = "every link domain hit its daily limit";
        campaign.after(ofHours(3)).publish(new Suspended(id, reason));
        CampaignRow suspended = row(id);
        assertThat(suspended.status()).isEqualTo(CampaignStatus.SUSPENDED);
        assertThat(suspended.suspendedReason()).isEqualTo(reason);
        assertThat(suspended.statusReason()).isEqualTo(reason);

        Instant resumedAt = campaign.after(ofHours(5)).now();
        campaign.publish(new Resumed(id, reason));
        CampaignRow resumed = row(id);
        assertThat(resumed.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(resumed.suspendedReason()).isNull();
        assertThat(resumed.statusReason()).isNull();
        assertThat(resumed.autoArchiveAt()).isEqualTo(resumedAt.plus(ofDays(30)));
    }

    @Test
    void errored_voice_campaign_shows_the_error_code_and_message() {
        String id = newId();
        var campaign = launched(id, Channel.VOICE, List.of(SINGLE_USE_1));

        campaign.after(ofHours(1)).publish(new Errored(id, "DIALER_UNREACHABLE", "the dialer stopped answering"));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.ERRORED);
        assertThat(row.channel()).isEqualTo(Channel.VOICE);
        assertThat(row.errorCode()).isEqualTo("DIALER_UNREACHABLE");
        assertThat(row.errorMessage()).isEqualTo("the dialer stopped answering");
        assertThat(row.statusReason()).isEqualTo("the dialer stopped answering");
    }

    @Test
    void stopped_sms_campaign_restarts_with_a_new_inactivity_window_and_then_completes() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1));
        campaign.after(ofDays(1)).publish(new Stopped(id, Channel.SMS));

        Instant restartedAt = campaign.after(ofDays(10)).now();
        campaign.publish(new Restarted(id));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(row(id).autoArchiveAt()).isEqualTo(restartedAt.plus(ofDays(30)));

        campaign.after(ofDays(2)).publish(new Completed(id, true));
        assertThat(row(id).status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(row(id).autoArchiveAt()).isEqualTo(restartedAt.plus(ofDays(30)));
        assertThat(row(id).version()).isEqualTo(5);
    }

    @Test
    void deleted_draft_is_marked_deleted() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));

        Instant deletedAt = campaign.after(ofMinutes(2)).now();
        campaign.publish(new Deleted(id));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.DELETED);
        assertThat(row.updatedAt()).isEqualTo(deletedAt);
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void clone_is_a_new_draft_that_names_its_source_which_is_otherwise_unchanged() {
        String sourceId = newId();
        var source = launched(sourceId, Channel.SMS, List.of(SINGLE_USE_1));
        CampaignRow sourceBefore = row(sourceId);

        String cloneId = newId();
        Instant clonedAt = source.after(ofDays(1)).now();
        source.publish(new Cloned(sourceId, cloneId));
        CampaignSettings copy = SPRING_SALE.toBuilder().name("Copy of Spring sale").build();
        index.campaign(cloneId, clonedAt).publish(new Created(cloneId, Channel.SMS, copy, sourceId));

        CampaignRow clone = row(cloneId);
        assertThat(clone.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(clone.clonedFrom()).isEqualTo(sourceId);
        assertThat(clone.settings()).isEqualTo(copy);
        assertThat(clone.phoneNumbers()).isEmpty();
        assertThat(clone.launchedAt()).isNull();
        assertThat(clone.createdAt()).isEqualTo(clonedAt);
        assertThat(clone.version()).isZero();

        CampaignRow sourceAfter = row(sourceId);
        assertThat(sourceAfter.version()).isEqualTo(sourceBefore.version() + 1);
        assertThat(sourceAfter.clonedFrom()).isNull();
        assertThat(sourceAfter).usingRecursiveComparison().ignoringFields("version", "updatedAt")
                .isEqualTo(sourceBefore);
    }

    @Test
    void redelivered_events_change_nothing() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        EventMessage<CampaignEvent> created = campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, SPRING_SALE, null));
        EventMessage<CampaignEvent> launched = campaign.after(ofSeconds(3))
                .publish(new Launched(id, "launch-1", List.of(SINGLE_USE_1), null));
        EventMessage<CampaignEvent> paused = campaign.after(ofHours(1)).publish(new Paused(id));
        CampaignRow before = row(id);
        assertThat(before.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(before.version()).isEqualTo(3);

        index.redeliver(paused);
        index.redeliver(launched);
        index.redeliver(created);

        assertThat(row(id)).isEqualTo(before);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void redelivered_archive_does_not_drop_numbers_again_or_move_the_row() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1, REUSABLE));
        EventMessage<CampaignEvent> archived = campaign.after(ofDays(1))
                .publish(new Archived(id, ArchiveReason.MANUAL, List.of(SINGLE_USE_1), null));
        CampaignRow before = row(id);

        index.redeliver(archived);

        assertThat(row(id)).isEqualTo(before);
        assertThat(row(id).phoneNumbers()).containsExactly(REUSABLE);
    }

    // Regression: events whose reason is null (a launch process exception without a message, for
    // one) once failed the projection with a NullPointerException.

    @Test
    void launch_failure_without_a_reason_or_launch_id_is_indexed_as_a_draft_without_a_reason() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, SPRING_SALE, null));

        campaign.after(ofSeconds(1)).publish(new LaunchFailed(id, null, null));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(row.statusReason()).isNull();
        assertThat(row.version()).isEqualTo(2);
    }

    @Test
    void rejection_without_a_reason_is_indexed() {
        String id = newId();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", Channel.SMS, SPRING_SALE, null));

        campaign.after(ofSeconds(1)).publish(new Rejected(id, "launch-1", null));

        assertThat(row(id).status()).isEqualTo(CampaignStatus.REJECTED);
        assertThat(row(id).statusReason()).isNull();
        assertThat(row(id).version()).isEqualTo(2);
    }

    @Test
    void suspension_without_a_reason_is_indexed() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1));

        campaign.after(ofMinutes(1)).publish(new Suspended(id, null));

        assertThat(row(id).status()).isEqualTo(CampaignStatus.SUSPENDED);
        assertThat(row(id).suspendedReason()).isNull();
        assertThat(row(id).statusReason()).isNull();
        assertThat(row(id).version()).isEqualTo(3);
    }

    @Test
    void archive_without_a_reason_is_indexed() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1));
        campaign.after(ofDays(1)).publish(new Stopped(id, Channel.SMS));

        campaign.after(ofMinutes(1)).publish(new Archived(id, null, List.of(SINGLE_USE_1), null));

        CampaignRow row = row(id);
        assertThat(row.status()).isEqualTo(CampaignStatus.ARCHIVED);
        assertThat(row.archiveReason()).isNull();
        assertThat(row.phoneNumbers()).isEmpty();
        assertThat(row.version()).isEqualTo(4);
    }

    @Test
    void find_campaign_query_answers_the_row_and_nothing_for_an_unknown_campaign() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, List.of(SINGLE_USE_1));
        campaign.after(ofHours(1)).publish(new Paused(id));

        Object answer = find(new FindCampaign(id));
        Object unknown = find(new FindCampaign(newId()));

        // Axon's query handler adapter unwraps the handler's Optional: the row, or null for no row.
        assertThat(answer).isEqualTo(row(id));
        assertThat(((CampaignRow) answer).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(((CampaignRow) answer).phoneNumbers()).containsExactly(SINGLE_USE_1);
        assertThat(unknown).isNull();
    }

    @Test
    void reset_empties_the_index_and_a_replay_rebuilds_it() {
        String first = newId();
        String second = newId();
        launched(first, Channel.SMS, List.of(SINGLE_USE_1));
        index.campaign(second, T0).publish(new Created(second, Channel.VOICE, SPRING_SALE, null));
        assertThat(count()).isEqualTo(2);

        index.reset();

        assertThat(count()).isZero();
        assertThat(repository.find(first)).isEmpty();
        assertThat(find(new FindCampaign(first))).isNull();

        launched(first, Channel.SMS, List.of(SINGLE_USE_1));
        assertThat(row(first).status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(row(first).version()).isEqualTo(2);
        assertThat(count()).isEqualTo(1);
    }

    /** The persistence check: every column written, read back unchanged on this database. */
    @Test
    void a_row_with_every_column_set_reads_back_exactly() {
        String id = newId();
        String sourceId = newId();
        CampaignSettings settings = CampaignSettings.builder()
                .name("Promoção de verão ☀ — \"quoted\" 'and' \\ escaped")
                .office("São Paulo")
                .tags(List.of("retail", "verão"))
                .contactList(new ContactList("list-42", "Clientes", 98_765))
                .initialMessage("Olá {firstName}! 20% off")
                .script("x".repeat(20_000))
                .startAt(Instant.parse("2026-06-01T12:00:00.250Z"))
                .endAt(Instant.parse("2026-06-30T21:59:59.999Z"))
                .timeZone("America/Sao_Paulo")
                .openHours(new OpenHours(LocalTime.of(9, 0), LocalTime.of(21, 30)))
                .areaCodes(List.of("11", "21"))
                .phoneNumberMode(PhoneNumberMode.REUSABLE)
                .reusableNumber("+5511999990000")
                .operatedBy(OperatedBy.VIRTUAL_ASSISTANT)
                .type(CampaignType.INBOUND_AND_OUTBOUND)
                .senderId("SHOP")
                .variants(List.of(new Variant("A", 60), new Variant("B", 40)))
                .useCaseId("use-case-9")
                .build();
        PhoneNumber reusable = new PhoneNumber("+5511999990000", null, PhoneNumberMode.REUSABLE);
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.VOICE, settings, sourceId));
        Instant launchAt = T0.plus(ofDays(1)).plusMillis(1);
        campaign.after(ofMinutes(31)).publish(new Scheduled(id, launchAt));
        campaign.after(ofDays(1)).publish(new LaunchRequested(id, "launch-1", Channel.VOICE, settings, launchAt));
        Instant launchedAt = campaign.after(ofMillis(457)).now();
        campaign.publish(new Launched(id, "launch-1", List.of(reusable), "use-case-9"));
        campaign.after(ofHours(1)).publish(new Suspended(id, "carrier complaint"));
        Instant warnedAt = campaign.after(ofDays(23)).now();
        Instant archiveAt = launchedAt.plus(ofDays(30));
        campaign.publish(new AutoArchiveWarned(id, archiveAt));

        // Errored is VOICE-only from ACTIVE in the domain; the column pair is checked by its own test.
        assertThat(row(id)).isEqualTo(new CampaignRow(id, Channel.VOICE, CampaignStatus.SUSPENDED, settings,
                List.of(reusable), T0, warnedAt, launchedAt, launchAt, "carrier complaint", null,
                "carrier complaint", null, null, archiveAt, true, new Figures(98_765, 0, 0, 0, 0, 0, 0), sourceId, 5));
        assertThat(row(id).figures().dialsRemaining(Channel.VOICE)).isEqualTo(98_765);
        assertThat(repository.find(newId())).isEmpty();
    }

    /** Created at {@link #T0}, launched two minutes later with the given numbers: sequence numbers 0 to 2. */
    private ProjectionHarness<CampaignIndexProjection>.Timeline launched(String id, Channel channel, List<PhoneNumber> numbers) {
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, channel, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", channel, SPRING_SALE, null));
        campaign.after(ofMinutes(1)).publish(new Launched(id, "launch-1", numbers, null));
        return campaign;
    }

    private static ActivityRecord activity(String recordId, ActivityType type, Instant at) {
        return new ActivityRecord(recordId, type, at, ContactId.of("contact-1"), "Ana", "+14155550000", "msg-" + recordId, null,
                null, null, null, null);
    }

    /** Asks the query handler as the query bus would; Axon unwraps the Optional to the row or null. */
    private Object find(FindCampaign query) {
        return queries.ask(query, ResponseTypes.optionalInstanceOf(CampaignRow.class));
    }

    private long count() {
        return count("campaign_index");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
