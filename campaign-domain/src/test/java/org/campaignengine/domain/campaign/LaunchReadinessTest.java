package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** the lifecycle rules' launch readiness: one test per item a launch needs, each named by the field the page points to. */
class LaunchReadinessTest {

    private static List<String> missingSms(CampaignSettings.Builder settings) {
        return LaunchReadiness.missing(Channel.SMS, settings.build(), NOW);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void launch_ready_settings_miss_nothing(Channel channel) {
        assertThat(LaunchReadiness.missing(channel, launchReady(channel), NOW)).isEmpty();
    }

    @Test
    void name_is_required() {
        assertThat(missingSms(smsSettings().toBuilder().name(" "))).containsExactly("name");
    }

    @Test
    void contact_list_is_required() {
        assertThat(missingSms(smsSettings().toBuilder().contactList(null))).containsExactly("contactList");
    }

    @Test
    void contact_list_needs_at_least_one_contact() {
        assertThat(missingSms(smsSettings().toBuilder().contactList(new ContactList("list-0", "Empty", 0))))
                .containsExactly("contactList");
    }

    @Test
    void sms_needs_an_initial_message() {
        assertThat(missingSms(smsSettings().toBuilder().initialMessage(""))).containsExactly("initialMessage");
    }

    @Test
    void sms_initial_message_may_have_1600_characters() {
        assertThat(missingSms(smsSettings().toBuilder().initialMessage("m".repeat(1600)))).isEmpty();
    }

    @Test
    void sms_initial_message_of_1601_characters_is_not_ready() {
        assertThat(missingSms(smsSettings().toBuilder().initialMessage("m".repeat(1601))))
                .containsExactly("initialMessage");
    }

    @Test
    void voice_needs_a_script_not_an_initial_message() {
        assertThat(LaunchReadiness.missing(Channel.VOICE, voiceSettings().toBuilder().script(null).build(), NOW))
                .containsExactly("script");
    }

    @Test
    void start_date_is_required() {
        assertThat(missingSms(smsSettings().toBuilder().startAt(null))).containsExactly("startAt");
    }

    @Test
    void end_date_is_required() {
        assertThat(missingSms(smsSettings().toBuilder().endAt(null))).containsExactly("endAt");
    }

    @Test
    void end_date_must_be_after_the_start() {
        assertThat(missingSms(smsSettings().toBuilder().endAt(LAUNCH_AT))).containsExactly("endAt");
    }

    @Test
    void end_date_must_be_in_the_future() {
        assertThat(missingSms(smsSettings().toBuilder().startAt(NOW.minusSeconds(7200)).endAt(NOW)))
                .containsExactly("endAt");
    }

    @Test
    void open_hours_are_required() {
        assertThat(missingSms(smsSettings().toBuilder().openHours(null))).containsExactly("openHours");
    }

    @Test
    void open_hours_need_a_time_zone() {
        assertThat(missingSms(smsSettings().toBuilder().timeZone(null))).containsExactly("timeZone");
    }

    @Test
    void an_area_code_region_is_required_for_single_use_numbers() {
        assertThat(missingSms(smsSettings().toBuilder().areaCodes(List.of()))).containsExactly("areaCodes");
    }

    @Test
    void a_chosen_reusable_number_replaces_area_codes() {
        assertThat(missingSms(smsSettings().toBuilder().areaCodes(List.of()).phoneNumberMode(PhoneNumberMode.REUSABLE)
                .reusableNumber("+16175550123"))).isEmpty();
    }

    @Test
    void reusable_mode_needs_the_chosen_number() {
        assertThat(missingSms(smsSettings().toBuilder().phoneNumberMode(PhoneNumberMode.REUSABLE)))
                .containsExactly("reusableNumber");
    }

    @Test
    void a_bare_draft_lists_everything_it_misses() {
        assertThat(LaunchReadiness.missing(Channel.SMS, CampaignSettings.named("Draft"), NOW)).containsExactly(
                "contactList", "initialMessage", "startAt", "endAt", "openHours", "timeZone", "areaCodes");
    }

    @Test
    void open_hours_window_starts_inclusive_and_ends_exclusive() {
        OpenHours hours = new OpenHours(LocalTime.of(9, 0), LocalTime.of(21, 0));
        assertThat(hours.contains(LocalTime.of(9, 0))).isTrue();
        assertThat(hours.contains(LocalTime.of(20, 59, 59))).isTrue();
        assertThat(hours.contains(LocalTime.of(21, 0))).isFalse();
        assertThat(hours.contains(LocalTime.of(8, 59, 59))).isFalse();
    }
}
