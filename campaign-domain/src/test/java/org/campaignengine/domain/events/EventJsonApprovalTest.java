package org.campaignengine.domain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.campaignengine.domain.campaign.*;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.numbers.NumberPoolEvent;
import org.campaignengine.domain.numbers.NumberPoolEvent.NumbersReleased;
import org.campaignengine.domain.numbers.NumberPoolEvent.NumbersReserved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored JSON of every event, approved once and committed, so an accidental schema change fails
 * the build. A missing file is written and the test fails, asking for it to be reviewed and committed.
 */
class EventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved/events");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Instant AT = Instant.parse("2030-01-08T15:00:00Z");
    /** A send as most arrive: no name, phone, reason, cost, caller, tags or operator. */
    private static final ActivityRecord SPARSE = new ActivityRecord("r-2", ActivityType.MESSAGE_SENT, AT,
            ContactId.of("contact-2"), null, null, "message-2", null, null, null, List.of(), null);

    static List<Object> oneOfEach() {
        CampaignSettings settings = CampaignFixtures.smsSettings().toBuilder()
                .variants(List.of(new Variant("Hi!", 60), new Variant("Hello!", 40))).senderId("CANVASS").build();
        List<PhoneNumber> numbers = CampaignFixtures.NUMBERS;
        ActivityRecord record = new ActivityRecord("r-1", ActivityType.MESSAGE_UNDELIVERED, AT, ContactId.of("contact-1"),
                "Ada Lovelace", "+16175550199", "message-1", "carrier rejected", 750L, "caller-1", List.of("donor"),
                OperatedBy.AGENT);
        return List.of(
                new Created("c-1", Channel.SMS, settings, "c-0"),
                new SettingsUpdated("c-1", settings, List.of("name", "tags"), AT, true),
                new Scheduled("c-1", AT),
                new Unscheduled("c-1", AT),
                new LaunchRequested("c-1", "l-1", Channel.SMS, settings, AT),
                new Launched("c-1", "l-1", numbers, "use-case-1"),
                new LaunchFailed("c-1", "l-1", "missed its launch time"),
                new Rejected("c-1", "l-1", "it contains the denied term \"casino\""),
                new Paused("c-1"),
                new Resumed("c-1", "every link domain hit its limit"),
                new Suspended("c-1", "every link domain hit its limit"),
                new Stopped("c-1", Channel.VOICE),
                new Restarted("c-1"),
                new Completed("c-1", true),
                new Errored("c-1", "DIALER_DOWN", "the dialer stopped answering"),
                new Archived("c-1", ArchiveReason.AUTO_INACTIVITY, numbers, "use-case-1"),
                new AutoArchiveWarned("c-1", AT),
                new Cloned("c-1", "c-2"),
                new Deleted("c-1"),
                new ActivityRecorded("c-1", List.of(record)),
                new NumbersReserved("use-case-1", "c-1", 2, 47),
                new NumbersReleased("use-case-1", "c-1", 2, 45));
    }

    @Test
    void every_event_type_has_an_approval_sample() {
        var sampled = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsAll(eventTypes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void every_event_carries_a_revision(Class<?> type) {
        assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName() + " @Revision").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void event_json_matches_its_approved_snapshot(Object event) throws IOException {
        String json = JSON.writeValueAsString(event) + "\n";
        Path file = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
        if (!Files.exists(file)) {
            Files.createDirectories(APPROVED);
            Files.writeString(file, json, StandardCharsets.UTF_8);
            fail("No approved JSON for " + event.getClass().getSimpleName() + "; wrote " + file
                    + ": review it, commit it and run again");
        }
        assertThat(json).as("JSON of " + event.getClass().getSimpleName() + " (a schema change needs a new "
                + "@Revision and an upcaster)").isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void approved_json_reads_back_into_an_equal_event() throws IOException {
        Map<Class<?>, Object> samples = oneOfEach().stream()
                .collect(Collectors.toMap(Object::getClass, Function.identity()));
        for (var entry : samples.entrySet()) {
            Path file = APPROVED.resolve(entry.getKey().getSimpleName() + ".json");
            if (Files.exists(file)) {
                assertThat(JSON.readValue(Files.readString(file), entry.getKey())).isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void an_activity_record_is_stored_without_the_fields_it_leaves_out() throws IOException {
        String stored = JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(SPARSE);

        assertThat(stored).isEqualTo("{\"recordId\":\"r-2\",\"type\":\"MESSAGE_SENT\",\"at\":\"2030-01-08T15:00:00Z\","
                + "\"contactId\":\"contact-2\",\"messageId\":\"message-2\"}");
        assertThat(JSON.readValue(stored, ActivityRecord.class)).isEqualTo(SPARSE);
    }

    @Test
    void an_activity_record_stored_with_every_field_spelled_out_reads_the_same() throws IOException {
        String spelledOut = "{\"recordId\":\"r-2\",\"type\":\"MESSAGE_SENT\",\"at\":\"2030-01-08T15:00:00Z\","
                + "\"contactId\":\"contact-2\",\"contactName\":null,\"phone\":null,\"messageId\":\"message-2\","
                + "\"reason\":null,\"costMicros\":null,\"callerId\":null,\"tags\":[],\"operatedBy\":null}";

        assertThat(JSON.readValue(spelledOut, ActivityRecord.class)).isEqualTo(SPARSE);
    }

    static List<Class<?>> eventTypes() {
        return Stream.of(CampaignEvent.class, NumberPoolEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .toList();
    }
}
