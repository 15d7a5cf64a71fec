package org.campaignengine.domain.campaign;

import java.util.List;

/** Input that can never be right, whatever the campaign's status: a bad request. */
public final class InvalidCampaignInput extends CampaignRuleViolation {

    /**
     * One field's mistake. {@code allowed}: every value the field takes, when it takes only a closed set of
     * them (a channel, a status, a tab); null for any other field.
     */
    public record FieldError(String field, String message, List<String> allowed) {

        public FieldError {
            allowed = allowed == null ? null : List.copyOf(allowed);
        }

        public FieldError(String field, String message) {
            this(field, message, null);
        }

        /** A value outside a closed set: the message names every value the field takes, as {@code allowed} does. */
        public static FieldError oneOf(String field, List<String> allowed) {
            return new FieldError(field, mustBeOneOf(allowed), allowed);
        }

        /** "must be one of SMS, VOICE": how a refusal of a value outside a closed set reads everywhere. */
        public static String mustBeOneOf(List<String> allowed) {
            return "must be one of " + String.join(", ", allowed);
        }
    }

    private final List<FieldError> errors;

    public InvalidCampaignInput(List<FieldError> errors) {
        super("INVALID_INPUT", errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    public static InvalidCampaignInput of(String field, String message) {
        return new InvalidCampaignInput(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
