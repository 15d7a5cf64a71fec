package org.campaignengine.projections.statusindex;

import java.util.List;
import java.util.Locale;

import org.campaignengine.domain.campaign.PhoneNumber;

/**
 * The stored sort keys of a row: lowered in one way for sorting and searching alike, and cut to their
 * columns' sizes, so an event holding an unusually long value still indexes (V11).
 */
final class SortKeys {

    static final int TEXT = 200;
    static final int PHONE = 32;

    private SortKeys() {
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
