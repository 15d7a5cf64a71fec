package org.campaignengine.domain.campaign;

import java.util.List;

/** Input that can never be right, whatever the campaign's status: a bad request. */
public final class InvalidCampaignInput extends CampaignRuleViolation {

    public record FieldError(String field, String message) {
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
