package org.campaignengine.api.web.input;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;

/**
 * Reads a query's parameters and collects every bad one, so a client learns all its mistakes from one
 * 400 ({@code errors: [{field, message}]}, with {@code allowed} for a parameter that takes a closed set of
 * values), never a 500 from a value the read model cannot use.
 */
public final class QueryParameters {

    /** The page size cap: a client cannot ask the engine for a whole read model at once. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The page size when a request names none. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    private final List<FieldError> errors = new ArrayList<>();

    /** {@code text} parsed, or null when absent; a value the parser refuses is an error naming {@code expected}. */
    public <T> T choice(String field, String text, Function<String, Optional<T>> parser, String expected) {
        if (text == null) {
            return null;
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "must be " + expected));
        }
        return value.orElse(null);
    }

    /**
     * {@code text} parsed, or null when absent; a value outside the closed set is an error that lists every
     * allowed value, in its message ("must be one of a, b") and as {@code allowed}.
     */
    public <T> T oneOf(String field, String text, Function<String, Optional<T>> parser, List<String> allowed) {
        if (text == null) {
            return null;
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(FieldError.oneOf(field, allowed));
        }
        return value.orElse(null);
    }

    /** The names of an enum's values, as the API spells an enum it reads by name. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    public int number(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like an out-of-range number
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return min;
    }

    /** The page number: from 0, bounded so that page times the largest size stays an int. */
    public int page(String text) {
        return number("page", text, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    }

    /** The page size, from 1 to {@link #MAX_PAGE_SIZE}. */
    public int size(String text) {
        return number("size", text, 1, MAX_PAGE_SIZE);
    }

    /** An ISO-8601 instant ({@code 2026-12-01T15:00:00Z}) in the years every store holds, or null when absent. */
    public Instant instant(String field, String text) {
        Instant instant = choice(field, text, QueryParameters::parseInstant,
                "an ISO-8601 instant such as 2026-12-01T15:00:00Z");
        if (instant != null && !InputBounds.storable(instant)) {
            errors.add(new FieldError(field, InputBounds.INSTANT_RANGE));
            return null;
        }
        return instant;
    }

    public long version(String field, String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like a negative number
        }
        errors.add(new FieldError(field, "must be a whole number from 0"));
        return 0;
    }

    /** A rule that holds between parameters, such as "exactly one of these". */
    public void require(boolean holds, String field, String message) {
        if (!holds) {
            errors.add(new FieldError(field, message));
        }
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public void requireValid() {
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
    }
}
