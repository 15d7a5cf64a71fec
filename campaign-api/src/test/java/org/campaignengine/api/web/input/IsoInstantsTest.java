package org.campaignengine.api.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class IsoInstantsTest {

    record Stamped(Instant at) {
    }

    private final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(IsoInstants.module());

    @Test
    void theUsualFormReadsAsTheStandardParserReadsIt() throws Exception {
        List<String> texts = List.of("2026-03-01T12:00:00Z", "2026-03-01T12:00:00.5Z", "2026-03-01T12:00:00.123Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.000001Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.1234567Z");
        for (String text : texts) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            assertThat(read(fast, text)).as(text).isEqualTo(read(standard, text));
        }
    }

    @Test
    void randomInstantsRoundTripThroughTheirText() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void otherFormsAreLeftToTheStandardParserWithTheSameResult() throws Exception {
        for (String text : List.of("2026-03-01T12:00:00+02:00", " 2026-03-01T12:00:00Z", "2026-03-01T24:00:00Z",
                "2016-12-31T23:59:60Z", "2026-03-01T12:00:00.Z", "+12026-03-01T12:00:00Z")) {
            assertThat(IsoInstants.parse(text)).as(text).isNull();
            assertThat(read(fast, text)).as(text).isEqualTo(read(standard, text));
        }
        assertThat(fast.readValue("{\"at\":1700000000}", Stamped.class))
                .isEqualTo(standard.readValue("{\"at\":1700000000}", Stamped.class));
    }

    @Test
    void impossibleTimesAreRefusedAsBefore() {
        for (String text : List.of("2026-02-30T12:00:00Z", "2026-13-01T12:00:00Z", "2026-03-01T12:00Z",
                "2026-03-01T24:00:01Z", "2026-03-01T12:60:00Z", "2026-03-01T12:00:00.1234567890Z",
                "2026-03-01T1a:00:00Z", "yesterday")) {
            assertThat(IsoInstants.parse(text)).as(text).isNull();
            assertThatThrownBy(() -> read(fast, text)).as(text).isInstanceOf(InvalidFormatException.class);
            assertThatThrownBy(() -> read(standard, text)).as(text).isInstanceOf(InvalidFormatException.class);
        }
    }

    private static Instant read(ObjectMapper json, String text) throws Exception {
        return json.readValue("{\"at\":\"" + text + "\"}", Stamped.class).at();
    }
}
