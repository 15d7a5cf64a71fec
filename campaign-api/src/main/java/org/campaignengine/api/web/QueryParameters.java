package org.campaignengine.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;

/**
 * Reads a query's parameters and collects every bad one, so a client learns all its mistakes from one
 * 400 ({@code errors: [{field, message}]}), never a 500 from a value the read model cannot use.
 */
final class QueryParameters {

    private final List<FieldError> errors = new ArrayList<>();

    /** {@code text} parsed, or null when absent; a value the parser refuses is an error naming {@code expected}. */
    <T> T choice(String field, String text, Function<String, Optional<T>> parser, String expected) {
        if (text == null) {
            return null;
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "must be " + expected));
        }
        return value.orElse(null);
    }

    int number(String field, String text, int min, int max) {
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
    int page(String text) {
        return number("page", text, 0, Integer.MAX_VALUE / CampaignListController.MAX_SIZE);
    }

    /** The page size, capped as the index pages cap it. */
    int size(String text) {
        return number("size", text, 1, CampaignListController.MAX_SIZE);
    }

    void requireValid() {
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
    }
}
