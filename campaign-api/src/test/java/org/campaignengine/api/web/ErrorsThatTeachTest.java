package org.campaignengine.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.activity.ActivityRequests;
import org.campaignengine.api.campaigns.CommandRequests;
import org.campaignengine.api.web.input.InputConfiguration;
import org.campaignengine.api.web.input.MalformedJson;
import org.campaignengine.api.web.input.RefusedValue;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.campaignengine.domain.campaign.OperatedBy;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The words of a refusal, as the engine reads request bodies: an enum value that does not fit names every
 * value the field takes, and a body that is not JSON says where it broke.
 */
class ErrorsThatTeachTest {

    private final ObjectMapper json = requestMapper();

    @Test
    void an_unknown_channel_is_refused_naming_every_channel() {
        FieldError error = refusal("{\"name\": \"Canvass\", \"channel\": \"FAX\"}", CommandRequests.CreateCampaign.class);
        assertThat(error).isEqualTo(new FieldError("channel", "must be one of SMS, VOICE", List.of("SMS", "VOICE")));
    }

    @Test
    void an_unknown_activity_type_is_refused_naming_every_type_at_its_record() {
        FieldError error = refusal("{\"records\": [{\"recordId\": \"r1\", \"type\": \"MESSAGE_SENT\"}, "
                + "{\"recordId\": \"r2\", \"type\": \"TELEPORTED\"}]}", ActivityRequests.Activity.class);
        List<String> types = Arrays.stream(ActivityType.values()).map(Enum::name).toList();
        assertThat(error.field()).isEqualTo("records[1].type");
        assertThat(error.allowed()).isEqualTo(types);
        assertThat(error.message()).isEqualTo("must be one of " + String.join(", ", types))
                .startsWith("must be one of MESSAGE_SENT, MESSAGE_DELIVERED, ");
    }

    @Test
    void an_enum_given_a_number_past_its_last_value_or_an_object_is_refused_naming_its_values() {
        FieldError number = refusal("{\"records\": [{\"operatedBy\": 7}]}", ActivityRequests.Activity.class);
        assertThat(number.field()).isEqualTo("records[0].operatedBy");
        assertThat(number.allowed()).isEqualTo(Arrays.stream(OperatedBy.values()).map(Enum::name).toList());
        FieldError object = refusal("{\"name\": \"x\", \"channel\": {\"is\": \"SMS\"}}", CommandRequests.CreateCampaign.class);
        assertThat(object.allowed()).containsExactly("SMS", "VOICE");
    }

    @Test
    void a_settings_enum_that_does_not_fit_names_its_values_and_other_fields_keep_their_words() {
        FieldError operatedBy = refusal("{\"operatedBy\": \"ROBOT\"}", CampaignSettings.class);
        assertThat(operatedBy.field()).isEqualTo("operatedBy");
        assertThat(operatedBy.message()).isEqualTo("must be one of " + String.join(", ", operatedBy.allowed()));
        FieldError wrongShape = refusal("{\"contactList\": {\"size\": \"many\"}}", CampaignSettings.class);
        assertThat(wrongShape).isEqualTo(new FieldError("contactList.size", RefusedValue.WRONG_FORM, null));
    }

    @Test
    void a_path_or_query_enum_that_does_not_fit_names_its_values_and_other_types_say_what_they_take() {
        assertThat(RequestProblems.mismatch("channel", Channel.class))
                .isEqualTo(new FieldError("channel", "must be one of SMS, VOICE", List.of("SMS", "VOICE")));
        assertThat(RequestProblems.mismatch("id", UUID.class).message()).startsWith("must be a UUID such as ");
        assertThat(RequestProblems.mismatch("minVersion", Long.class).message()).isEqualTo("must be a whole number");
        assertThat(RequestProblems.mismatch("when", java.time.Instant.class).message()).isEqualTo(RefusedValue.WRONG_FORM);
    }

    @Test
    void malformed_json_says_where_it_broke_and_what_was_expected() {
        MalformedJson comma = malformed("{\"name\": \"x\",}");
        assertThat(comma.line()).isEqualTo(1);
        assertThat(comma.column()).isEqualTo(14);
        assertThat(comma.message()).isEqualTo("is not valid JSON: unexpected character '}' at line 1, column 14; "
                + "expected double-quote to start field name");

        MalformedJson truncated = malformed("{\n  \"name\": \"x\",\n  \"channel\": \"SMS\"");
        assertThat(truncated.message()).startsWith("is not valid JSON: unexpected end of input at line 3, column ");
        assertThat(truncated.line()).isEqualTo(3);

        assertThat(malformed("{\"name\": nope}").message())
                .startsWith("is not valid JSON: unrecognized token 'nope' at line 1, column ");
        assertThat(malformed("{\"name\" \"x\"}").message()).endsWith("; expected a colon to separate field name and value");
        assertThat(malformed("[1, 2}").message()).startsWith("is not valid JSON: unexpected '}' at line 1, column ");
        assertThat(malformed("{\"name\": \"a\u0001b\"}").message())
                .startsWith("is not valid JSON: control character (code 1) in a string, where it must be escaped");
    }

    @Test
    void a_number_no_long_holds_is_valid_json_refused_for_its_range_with_its_place() throws Exception {
        var parser = json.createParser("\n  9223372036854775808");
        parser.nextToken();
        StreamReadException e = catchThrowableOfType(parser::getLongValue, StreamReadException.class);
        MalformedJson huge = MalformedJson.of(e);
        assertThat(huge.message()).startsWith("has a number out of the range its field takes at line 2, column ");
        assertThat(huge.line()).isEqualTo(2);

        FieldError inRecord = refusal("{\"records\": [{\"costMicros\": 9223372036854775808}]}",
                ActivityRequests.Activity.class);
        assertThat(inRecord.field()).as("read into a field, the field is named").isEqualTo("records[0].costMicros");
        assertThat(inRecord.allowed()).isNull();
    }

    private FieldError refusal(String body, Class<?> type) {
        JsonMappingException e = catchThrowableOfType(() -> json.readValue(body, type), JsonMappingException.class);
        assertThat(e).as(body).isNotNull();
        return RefusedValue.errorOf(RefusedValue.path(e, "body"), e);
    }

    private MalformedJson malformed(String body) {
        StreamReadException e = catchThrowableOfType(() -> json.readTree(body), StreamReadException.class);
        assertThat(e).as(body).isNotNull();
        return MalformedJson.of(e);
    }

    private static ObjectMapper requestMapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new InputConfiguration().boundedRequestValues().customize(builder);
        return builder.build();
    }
}
