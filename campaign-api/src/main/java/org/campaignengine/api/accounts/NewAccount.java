package org.campaignengine.api.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/users}, checked whole: every problem is reported at once. */
@Schema(description = "A new account; every mistake is reported at once.")
record NewAccount(
        @Schema(description = "3 to 100 letters, digits or `. _ @ -`.", example = "maria.lopes",
                pattern = "^[A-Za-z0-9._@-]{3,100}$", requiredMode = Schema.RequiredMode.REQUIRED) String username,
        @Schema(description = "At least 12 characters and at most 72 bytes (UTF-8).", example = "correct-horse-battery",
                minLength = 12, format = "password", requiredMode = Schema.RequiredMode.REQUIRED) String password,
        @Schema(description = "At least one of ADMIN, MANAGER, SERVICE, AUDITOR, VIEWER, METRICS (a metrics scraper: "
                + "reads /actuator/prometheus and nothing else); MANAGER and VIEWER (limited to offices) cannot be "
                + "combined with the others.", example = "[\"MANAGER\"]",
                requiredMode = Schema.RequiredMode.REQUIRED) List<String> roles,
        @Schema(description = "The offices of a MANAGER or VIEWER (at least one); none for the other roles.",
                example = "[\"lisbon\"]") List<String> offices) {

    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    private static final Pattern OFFICE = Pattern.compile("[A-Za-z0-9 ._-]{1,100}");
    /** What a role may be, for the 400 that refuses another. */
    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

    Set<Role> validRoles() {
        Set<Role> valid = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.forEach(name -> Role.parse(name).ifPresent(valid::add));
        }
        return valid;
    }

    Set<String> validOffices() {
        return offices == null ? Set.of() : new LinkedHashSet<>(offices);
    }

    void requireValid() {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 3 to 100 letters, digits or . _ @ -"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must have at least " + MIN_PASSWORD + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new FieldError("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes"));
        }
        checkRoles(errors);
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
    }

    private void checkRoles(List<FieldError> errors) {
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "at least one of " + String.join(", ", ROLES), ROLES));
            return;
        }
        roles.stream().filter(name -> Role.parse(name).isEmpty())
                .forEach(name -> errors.add(new FieldError("roles", "'" + name + "' is not a role: "
                        + FieldError.mustBeOneOf(ROLES), ROLES)));
        Set<Role> valid = validRoles();
        boolean scoped = valid.stream().anyMatch(Role::officeScoped);
        if (scoped && valid.stream().anyMatch(r -> !r.officeScoped())) {
            errors.add(new FieldError("roles", "MANAGER and VIEWER are limited to their offices and cannot be "
                    + "combined with ADMIN, SERVICE, AUDITOR or METRICS"));
        }
        Set<String> given = validOffices();
        if (scoped && given.isEmpty()) {
            errors.add(new FieldError("offices", "MANAGER and VIEWER accounts need at least one office"));
        }
        if (!scoped && !given.isEmpty()) {
            errors.add(new FieldError("offices", "only MANAGER and VIEWER accounts are limited to offices"));
        }
        given.stream().filter(office -> office == null || !OFFICE.matcher(office).matches())
                .forEach(office -> errors.add(new FieldError("offices", "'" + office
                        + "' must be 1 to 100 letters, digits, spaces or . _ -")));
    }
}
