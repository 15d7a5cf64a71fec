package org.campaignengine.api.security;

import java.util.ArrayList;
import java.util.List;

import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/session}: an account's credentials, as HTTP Basic would carry them. */
@Schema(description = "An account's username and password, checked exactly as HTTP Basic checks them.")
record SignIn(
        @Schema(description = "The account's username.", example = "maria.lopes",
                requiredMode = Schema.RequiredMode.REQUIRED) String username,
        @Schema(description = "The account's password.", example = "correct-horse-battery", format = "password",
                requiredMode = Schema.RequiredMode.REQUIRED) String password) {

    /** Both present: a missing one is a malformed request (400), not a wrong password. */
    void requireValid() {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "is required"));
        }
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
    }

    @Override
    public String toString() {
        return "SignIn[username=" + username + "]";
    }
}
