package org.campaignengine.api.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.campaignengine.api.activity.ActivityRequests.Activity;
import org.campaignengine.api.activity.ActivityRequests.Record;
import org.campaignengine.api.web.input.InputBounds;
import org.campaignengine.domain.campaign.ActivityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** An activity batch's field rules, as its constraints state them: the words and the field each names. */
class ActivityRecordRulesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Instant AT = Instant.parse("2026-12-05T10:15:00Z");

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void a_record_with_its_id_type_and_time_and_nothing_else_is_valid() {
        assertThat(violations(record("r-1"))).isEmpty();
        Record full = new Record("r".repeat(100), ActivityType.COST_INCURRED, AT, "c".repeat(100), "n".repeat(200),
                "1".repeat(40), "m".repeat(200), "x".repeat(1_000), InputBounds.MAX_COST_MICROS, "k".repeat(100),
                List.of("t"), null);
        assertThat(violations(full)).isEmpty();
        assertThat(violations(costing(0L))).isEmpty();
    }

    @Test
    void a_record_id_is_required_with_1_to_100_characters_blank_counting_as_none() {
        for (String bad : Arrays.asList(null, "", " ", "\u2003", "r".repeat(101), " ".repeat(101))) {
            assertThat(violations(record(bad))).as("[%s]", bad)
                    .isEqualTo(Map.of("records[0].recordId", List.of("is required (1 to 100 characters)")));
        }
    }

    @Test
    void type_and_time_are_required() {
        assertThat(violations(new Record("r-1", null, null, null, null, null, null, null, null, null, null, null)))
                .isEqualTo(Map.of("records[0].type", List.of("is required"), "records[0].at", List.of("is required")));
    }

    @Test
    void a_contact_id_when_given_has_1_to_100_characters() {
        for (String bad : List.of("", " ", "c".repeat(101))) {
            assertThat(violations(withContact(bad, null, null))).as("[%s]", bad)
                    .isEqualTo(Map.of("records[0].contactId", List.of("has 1 to 100 characters when given")));
        }
    }

    @Test
    void a_name_or_phone_needs_a_contact_id_to_be_sealed_under() {
        Map<String, List<String>> required = Map.of("records[0].contactId",
                List.of("is required with a contactName or phone"));
        assertThat(violations(withContact(null, "Ann Lee", null))).isEqualTo(required);
        assertThat(violations(withContact(null, null, "+14155550101"))).isEqualTo(required);
        assertThat(violations(withContact("c-1", "Ann Lee", "+14155550101"))).isEmpty();
    }

    @Test
    void names_phones_ids_and_reasons_are_no_longer_than_the_read_models_keep() {
        Record long_ = new Record("r-1", ActivityType.MESSAGE_SENT, AT, "c-1", "n".repeat(201), "1".repeat(41),
                "m".repeat(201), "x".repeat(1_001), null, "k".repeat(101), null, null);
        assertThat(violations(long_)).isEqualTo(Map.of(
                "records[0].contactName", List.of("has at most 200 characters"),
                "records[0].phone", List.of("has at most 40 characters"),
                "records[0].messageId", List.of("has at most 200 characters"),
                "records[0].reason", List.of("has at most 1000 characters"),
                "records[0].callerId", List.of("has at most 100 characters")));
    }

    @Test
    void a_cost_lies_from_0_to_the_cap() {
        for (long bad : List.of(-1L, Long.MIN_VALUE, InputBounds.MAX_COST_MICROS + 1, Long.MAX_VALUE)) {
            assertThat(violations(costing(bad))).as("%d", bad)
                    .isEqualTo(Map.of("records[0].costMicros", List.of(InputBounds.COST_RANGE)));
        }
    }

    @Test
    void a_batch_has_at_least_one_record_and_no_null_one() {
        Map<String, List<String>> none = Map.of("records", List.of("at least one record is required"));
        assertThat(violations(new Activity(null))).isEqualTo(none);
        assertThat(violations(new Activity(List.of()))).isEqualTo(none);
        List<Record> withNull = new ArrayList<>(List.of(record("r-1")));
        withNull.add(null);
        assertThat(violations(new Activity(withNull))).isEqualTo(Map.of("records[1]", List.of("is null")));
    }

    @Test
    void tags_and_what_a_type_requires_are_left_to_the_campaign() {
        Record tagless = new Record("r-1", ActivityType.CONVERSATION_TAGGED, AT, null, null, null, null, null, null,
                null, List.of("t".repeat(31), " "), null);
        assertThat(violations(tagless)).as("rejected record by record, not the batch as bad input").isEmpty();
    }

    private static Record record(String recordId) {
        return new Record(recordId, ActivityType.MESSAGE_SENT, AT, null, null, null, null, null, null, null, null, null);
    }

    private static Record withContact(String contactId, String name, String phone) {
        return new Record("r-1", ActivityType.REPLY_RECEIVED, AT, contactId, name, phone, null, null, null, null, null,
                null);
    }

    private static Record costing(long micros) {
        return new Record("r-1", ActivityType.COST_INCURRED, AT, null, null, null, null, null, micros, null, null,
                null);
    }

    private static Map<String, List<String>> violations(Record record) {
        return violations(new Activity(List.of(record)));
    }

    /** Each violated field's path, as the 400 names it, with its messages. */
    private static Map<String, List<String>> violations(Activity activity) {
        Map<String, List<String>> found = new TreeMap<>();
        for (ConstraintViolation<Activity> violation : FACTORY.getValidator().validate(activity)) {
            String path = violation.getPropertyPath().toString().replace(".<list element>", "");
            found.computeIfAbsent(path, p -> new ArrayList<>()).add(violation.getMessage());
        }
        return found;
    }
}
