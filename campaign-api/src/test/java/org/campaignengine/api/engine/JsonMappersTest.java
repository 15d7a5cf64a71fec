package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.campaignengine.api.web.input.IsoInstants;
import org.campaignengine.api.web.input.RefusedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests and events read their times through {@link IsoInstants}, and still write them as before; requests
 * alone are held to the bounds of storage, so stored events always replay.
 */
@SpringBootTest(properties = "CAMPAIGN_ADMIN_PASSWORD=json-mappers-secret")
@DirtiesContext
class JsonMappersTest {

    record Stamped(Instant at) {
    }

    record Named(String name) {
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/json-mappers-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    ObjectMapper requests;

    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    ObjectMapper events;

    @Test
    void requests_and_events_read_times_with_the_iso_instant_reader() throws Exception {
        for (ObjectMapper json : new ObjectMapper[] {requests, events}) {
            assertThat(json.readValue("{\"at\":\"2026-03-01T12:00:00.250Z\"}", Stamped.class))
                    .isEqualTo(new Stamped(Instant.parse("2026-03-01T12:00:00.250Z")));
            assertThat(json.writeValueAsString(new Stamped(Instant.parse("2026-03-01T12:00:00.250Z"))))
                    .isEqualTo("{\"at\":\"2026-03-01T12:00:00.250Z\"}");
        }
        assertThat(deserializerOfInstant(events)).isInstanceOf(IsoInstants.class);
    }

    @Test
    void requests_refuse_times_no_store_holds_and_events_read_whatever_was_stored() throws Exception {
        String farFuture = "{\"at\":\"+10000-01-01T00:00:00Z\"}";
        assertThatThrownBy(() -> requests.readValue(farFuture, Stamped.class)).isInstanceOf(RefusedValue.class);
        assertThat(events.readValue(farFuture, Stamped.class).at()).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThatThrownBy(() -> requests.readValue("{\"name\":\"a\\u0000b\"}", Named.class))
                .isInstanceOf(RefusedValue.class);
        assertThat(events.readValue("{\"name\":\"a\\u0000b\"}", Named.class).name()).isEqualTo("a\u0000b");
    }

    private static Object deserializerOfInstant(ObjectMapper json) throws Exception {
        var context = ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext) json
                .getDeserializationContext()).createInstance(json.getDeserializationConfig(), null, null);
        return context.findRootValueDeserializer(json.constructType(Instant.class));
    }
}
