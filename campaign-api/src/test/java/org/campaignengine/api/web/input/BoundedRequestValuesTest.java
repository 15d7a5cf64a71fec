package org.campaignengine.api.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.campaignengine.api.activity.ActivityRequests;
import org.campaignengine.api.campaigns.CommandRequests;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;

/** Request bodies as the engine reads them: every text and instant held to {@link InputBounds}, the field named. */
class BoundedRequestValuesTest {

    private final ObjectMapper json = requestMapper();

    @Test
    void a_control_character_in_any_text_is_refused_naming_the_field() {
        for (String bad : List.of("\\u0000", "\\u0001", "\\u001b", "\\u001f", "\\u007f", "\\t", "\\n", "\\r")) {
            assertRefused("{\"records\": [{\"recordId\": \"r1\"}, {\"messageId\": \"m" + bad + "\"}]}",
                    ActivityRequests.Activity.class, "records[1].messageId", "must not contain control characters");
            assertRefused("{\"name\": \"Canvass\", \"tags\": [\"ok\", \"t" + bad + "\"]}",
                    CommandRequests.CreateCampaign.class, "tags[1]", "must not contain control characters");
            assertRefused("{\"contactList\": {\"id\": \"list" + bad + "\"}}", CampaignSettings.class,
                    "contactList.id", "must not contain control characters");
        }
    }

    @Test
    void free_text_fields_take_tab_and_line_breaks_but_no_other_control_character() throws Exception {
        assertThat(json.readValue("{\"reason\": \"line one\\r\\nline\\ttwo\"}", CommandRequests.Suspend.class).reason())
                .isEqualTo("line one\r\nline\ttwo");
        CampaignSettings settings = json.readValue("{\"script\": \"Hi,\\n\\tthanks\", \"initialMessage\": \"a\\nb\", "
                + "\"variants\": [{\"message\": \"c\\nd\", \"ratio\": 100}]}", CampaignSettings.class);
        assertThat(settings.script()).isEqualTo("Hi,\n\tthanks");
        assertThat(settings.variants().get(0).message()).isEqualTo("c\nd");
        assertThat(json.readValue("{\"records\": [{\"reason\": \"carrier\\nblocked\"}]}", ActivityRequests.Activity.class)
                .records().get(0).reason()).isEqualTo("carrier\nblocked");
        assertRefused("{\"reason\": \"a\\u0000b\"}", CommandRequests.Suspend.class, "reason",
                "must not contain control characters other than tab and line breaks");
        assertRefused("{\"code\": \"E\\n1\", \"message\": \"fine\\nhere\"}", CommandRequests.MarkErrored.class, "code",
                "must not contain control characters");
    }

    @Test
    void half_a_surrogate_pair_is_refused_and_a_whole_pair_or_other_unusual_text_is_kept() throws Exception {
        assertRefused("{\"name\": \"a\\ud83d\"}", CommandRequests.Clone.class, "name",
                "must not contain half of a surrogate pair");
        assertRefused("{\"name\": \"\\ude00a\"}", CommandRequests.Clone.class, "name",
                "must not contain half of a surrogate pair");
        String unusual = "Ça 🗳️ \u202e\ufeff\uffff\u0085 ok";
        assertThat(json.readValue(json.writeValueAsString(new CommandRequests.Clone(unusual)), CommandRequests.Clone.class)
                .name()).isEqualTo(unusual);
    }

    @Test
    void text_longer_than_any_field_takes_is_refused() throws Exception {
        String longest = "x".repeat(InputBounds.MAX_TEXT);
        assertThat(json.readValue("{\"name\": \"" + longest + "\"}", CommandRequests.Clone.class).name()).isEqualTo(longest);
        assertRefused("{\"name\": \"" + longest + "x\"}", CommandRequests.Clone.class, "name",
                "must be at most " + InputBounds.MAX_TEXT + " characters");
    }

    @Test
    void instants_outside_the_years_1970_to_9999_are_refused_however_they_are_written() throws Exception {
        for (String bad : List.of("\"-4000-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59.999Z\"",
                "\"+10000-01-01T00:00:00Z\"", "\"+300000-01-01T00:00:00Z\"", "\"1970-01-01T01:00:00+02:00\"",
                "-1", "253402300800", "-62135596800", "1e300", "-1e300", "18446744073709551616")) {
            assertRefused("{\"launchAt\": " + bad + "}", CommandRequests.Schedule.class, "launchAt",
                    InputBounds.INSTANT_RANGE);
        }
        assertThat(json.readValue("{\"launchAt\": \"1970-01-01T00:00:00Z\"}", CommandRequests.Schedule.class).launchAt())
                .isEqualTo(InputBounds.EARLIEST);
        assertThat(json.readValue("{\"launchAt\": \"9999-12-31T23:59:59.999999999Z\"}", CommandRequests.Schedule.class)
                .launchAt()).isEqualTo(InputBounds.LATEST);
        assertRefused("{\"records\": [{}, {}, {\"at\": \"+300000-01-01T00:00:00Z\"}]}", ActivityRequests.Activity.class,
                "records[2].at", InputBounds.INSTANT_RANGE);
    }

    @Test
    void instants_are_read_by_the_engines_fast_reader_before_the_bound_is_checked() throws Exception {
        var context = ((DefaultDeserializationContext) json.getDeserializationContext())
                .createInstance(json.getDeserializationConfig(), null, null);
        Object reader = context.findRootValueDeserializer(json.constructType(Instant.class));
        assertThat(reader).isInstanceOf(StoredInstants.class);
        assertThat(((StoredInstants) reader).reader()).isInstanceOf(IsoInstants.class);
    }

    private void assertRefused(String body, Class<?> type, String field, String reason) {
        assertThatThrownBy(() -> json.readValue(body, type)).as(body).isInstanceOfSatisfying(RefusedValue.class, e -> {
            assertThat(RefusedValue.path(e, "body")).isEqualTo(field);
            assertThat(RefusedValue.reasonOf(e)).startsWith(reason);
        });
    }

    private static ObjectMapper requestMapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new InputConfiguration().boundedRequestValues().customize(builder);
        return builder.build();
    }
}
