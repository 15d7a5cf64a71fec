package org.campaignengine.api.web.input;

import java.time.Instant;

/**
 * What every store holds, checked where a request comes in, before any command is sent: text without
 * control characters, instants from 1970 to 9999 (UTC), costs from 0 to {@link #MAX_COST_MICROS}. A value
 * an event can carry but a read model's database cannot take (PostgreSQL refuses NUL in text and years
 * past 294276, H2 and PostgreSQL differ on far years) would stop that read model's processor on every retry,
 * so such values are refused with a 400 instead. Business rules (lengths of names, reasons) stay with the
 * domain; these are the bounds of storage.
 */
public final class InputBounds {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String INSTANT_RANGE = "must be an instant in the years 1970 to 9999 (UTC)";

    /**
     * One activity record's cost: 10^12 micros, a million currency units. Sums of costs saturate beyond this.
     * Held by the record's constraints ({@code @PositiveOrZero}, {@code @Max}), in these words.
     */
    public static final long MAX_COST_MICROS = 1_000_000_000_000L;
    public static final String COST_RANGE = "must be from 0 to " + MAX_COST_MICROS + " micros";

    /** The longest text any field takes (a script); fields with their own limits refuse sooner. */
    public static final int MAX_TEXT = 20_000;

    private InputBounds() {
    }

    /**
     * Why the text cannot be stored, or null if it can: a control character (U+0000 to U+001F and U+007F;
     * tab and line breaks only in {@code freeText}), half of a surrogate pair, or more than {@link #MAX_TEXT}
     * characters.
     */
    public static String textProblem(String text, boolean freeText) {
        if (text.length() > MAX_TEXT) {
            return "must be at most " + MAX_TEXT + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (!freeText || (c != '\t' && c != '\n' && c != '\r')) {
                    return freeText ? "must not contain control characters other than tab and line breaks"
                            : "must not contain control characters";
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return "must not contain half of a surrogate pair";
                }
            }
        }
        return null;
    }

    public static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
