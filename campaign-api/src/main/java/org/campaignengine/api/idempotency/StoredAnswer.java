package org.campaignengine.api.idempotency;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An answer as a key keeps it: what a re-sent request gets back. */
record StoredAnswer(int status, String contentType, String location, String body) {

    /**
     * The answer a controller returns ({@code ResponseEntity} or a body answered 200) written as Spring MVC
     * writes it: JSON from the application's mapper.
     */
    static StoredAnswer of(Object answer, ObjectMapper json) {
        try {
            if (answer instanceof ResponseEntity<?> entity) {
                URI location = entity.getHeaders().getLocation();
                return new StoredAnswer(entity.getStatusCode().value(),
                        entity.hasBody() ? MediaType.APPLICATION_JSON_VALUE : null,
                        location == null ? null : location.toString(),
                        entity.hasBody() ? json.writeValueAsString(entity.getBody()) : null);
            }
            return new StoredAnswer(200, MediaType.APPLICATION_JSON_VALUE, null, json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer to a command cannot be written as JSON", e);
        }
    }
}
