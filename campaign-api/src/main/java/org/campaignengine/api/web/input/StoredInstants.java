package org.campaignengine.api.web.input;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Every instant of every request body, read by the engine's own reader and refused outside the years
 * every store holds ({@link InputBounds#storable}): one comparison after the parse, so it stays as fast.
 */
final class StoredInstants extends StdScalarDeserializer<Instant> {

    private static final BigDecimal FIRST_SECOND = BigDecimal.valueOf(InputBounds.EARLIEST.getEpochSecond());
    private static final BigDecimal PAST_LAST_SECOND = BigDecimal.valueOf(InputBounds.LATEST.getEpochSecond() + 1);

    private final JsonDeserializer<Instant> reader;

    StoredInstants(JsonDeserializer<Instant> reader) {
        super(Instant.class);
        this.reader = reader;
    }

    JsonDeserializer<Instant> reader() {
        return reader;
    }

    /**
     * A number is seconds since 1970 (with a fraction for nanoseconds). It is checked before it is read: a
     * number far beyond a long is not refused by the reader but cut to its low bits, which can land in range.
     */
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken().isNumeric() && !storable(p.getDecimalValue())) {
            throw new RefusedValue(p, InputBounds.INSTANT_RANGE);
        }
        Instant instant = reader.deserialize(p, ctxt);
        if (instant != null && !InputBounds.storable(instant)) {
            throw new RefusedValue(p, InputBounds.INSTANT_RANGE);
        }
        return instant;
    }

    private static boolean storable(BigDecimal seconds) {
        return seconds.compareTo(FIRST_SECOND) >= 0 && seconds.compareTo(PAST_LAST_SECOND) < 0;
    }
}
