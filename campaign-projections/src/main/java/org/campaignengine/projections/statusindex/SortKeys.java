package org.campaignengine.projections.statusindex;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.campaignengine.domain.campaign.PhoneNumber;

/**
 * The stored sort keys of a row: lowered in one way for sorting and searching alike, and cut to their
 * columns' sizes, so an event holding an unusually long value still indexes (V11).
 */
final class SortKeys {

    static final int TEXT = 200;
    static final int PHONE = 32;
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private SortKeys() {
    }

    /**
     * The row key pages are ordered by after their sort column (V18): the campaign's id as a UUID, which
     * orders as its lowercase text does. The engine only makes UUID ids; any other id gets a UUID derived
     * from it, so it still has a fixed place.
     */
    static UUID rowKey(String id) {
        return CANONICAL_UUID.matcher(id).matches() ? UUID.fromString(id)
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower case as the search lowers its text, so a name is found by any case of any part of it. */
    static String lower(String text) {
        return text == null ? null : cut(text.toLowerCase(Locale.ROOT), TEXT);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** {@code |a|b|}: one LIKE on {@code %|tag|%} finds an exact tag. */
    static String tags(List<String> tags) {
        return "|" + (tags == null ? "" : tags.stream().map(t -> t + "|").reduce("", String::concat));
    }

    static String firstNumber(List<PhoneNumber> numbers) {
        return numbers.isEmpty() ? null : cut(numbers.get(0).number(), PHONE);
    }
}
