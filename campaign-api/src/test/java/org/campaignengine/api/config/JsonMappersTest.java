package org.campaignengine.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests and events read their times through {@link IsoInstants}, and still write them as before. */
@SpringBootTest(properties = "CAMPAIGN_ADMIN_PASSWORD=json-mappers-secret")
@DirtiesContext
class JsonMappersTest {

    record Stamped(Instant at) {
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
            assertThat(deserializerOfInstant(json)).isInstanceOf(IsoInstants.class);
        }
    }

    private static Object deserializerOfInstant(ObjectMapper json) throws Exception {
        var context = ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext) json
                .getDeserializationContext()).createInstance(json.getDeserializationConfig(), null, null);
        return context.findRootValueDeserializer(json.constructType(Instant.class));
    }
}
