package org.campaignengine.api.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;

import org.campaignengine.api.web.input.FreeText;
import org.campaignengine.api.web.input.HasText;
import org.campaignengine.api.web.input.InputBounds;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.OperatedBy;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The request body of {@code POST /api/v1/campaigns/{id}/activity}: a batch of records (HTTP API, Activity),
 * with its field rules as Bean Validation constraints, checked on the whole batch before the controller runs
 * (every mistake in one 400). What a record's type requires is the campaign's to judge: a record that lacks
 * it is rejected on its own, not the batch.
 */
public final class ActivityRequests {

    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    /** As wide as the read models keep them, so none is cut. */
    static final int MAX_MESSAGE_ID = 200;
    static final int MAX_CALLER_ID = 100;
    static final int MAX_REASON = 1_000;

    private ActivityRequests() {
    }

    @Schema(description = "A batch of activity records.")
    public record Activity(
            @ArraySchema(arraySchema = @Schema(description = "The records, at least one; more than the configured "
                    + "batch limit is a 413."), minItems = 1)
            @NotEmpty(message = "at least one record is required")
            List<@NotNull(message = "is null") @Valid Record> records) {
    }

    @Schema(name = "ActivityRecord", description = "One thing that happened, as the sending or calling service reports "
            + "it. `recordId` makes a report safe to send again: a record seen before counts as a duplicate. "
            + "`CONVERSATION_TAGGED` adds its `tags` to the conversation's (at most 3 of at most 30 characters).")
    @PersonalDataHasContact
    public record Record(
            @Schema(description = "The reporter's id of the record, 1 to 100 characters, unique per campaign.",
                    example = "msg-0042-sent", maxLength = MAX_ID, requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = RECORD_ID) @HasText(max = MAX_ID, message = RECORD_ID)
            String recordId,
            /* a required enum: the 400 adds the values it takes ("is required and must be one of …", allowed) */
            @Schema(description = "What happened.", example = "MESSAGE_SENT", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required")
            ActivityType type,
            @Schema(description = "When it happened.", example = "2026-12-05T10:15:00Z",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required")
            Instant at,
            @Schema(description = "The contact it concerns, 1 to 100 characters; required with `contactName` or "
                    + "`phone`.", example = "c-10001", maxLength = MAX_ID)
            @HasText(max = MAX_ID, message = "has 1 to " + MAX_ID + " characters when given")
            String contactId,
            @Schema(description = "The contact's name, at most 200 characters; kept sealed under the contact's key.",
                    example = "Ana Silva", maxLength = MAX_NAME)
            @Size(max = MAX_NAME, message = "has at most " + MAX_NAME + " characters")
            String contactName,
            @Schema(description = "The contact's phone, at most 40 characters; kept sealed under the contact's key.",
                    example = "+12125550199", maxLength = MAX_PHONE)
            @Size(max = MAX_PHONE, message = "has at most " + MAX_PHONE + " characters")
            String phone,
            @Schema(description = "The sending service's message id, at most 200 characters.", example = "sm-88412",
                    maxLength = MAX_MESSAGE_ID)
            @Size(max = MAX_MESSAGE_ID, message = "has at most " + MAX_MESSAGE_ID + " characters")
            String messageId,
            @Schema(description = "A reason (why a message was undelivered, say), at most 1,000 characters.",
                    example = "carrier rejected", maxLength = MAX_REASON)
            @Size(max = MAX_REASON, message = "has at most " + MAX_REASON + " characters")
            @FreeText String reason,
            @Schema(description = "A cost, in millionths of the currency unit (`COST_INCURRED`), from 0 "
                    + "to " + InputBounds.MAX_COST_MICROS + ".", example = "7500", minimum = "0")
            @PositiveOrZero(message = InputBounds.COST_RANGE)
            @Max(value = InputBounds.MAX_COST_MICROS, message = InputBounds.COST_RANGE)
            Long costMicros,
            @Schema(description = "The caller, for calls and caller log-ins, at most 100 characters.",
                    example = "caller-17", maxLength = MAX_CALLER_ID)
            @Size(max = MAX_CALLER_ID, message = "has at most " + MAX_CALLER_ID + " characters")
            String callerId,
            @ArraySchema(arraySchema = @Schema(description = "`CONVERSATION_TAGGED`: the tags to add."),
                    schema = @Schema(example = "volunteer", maxLength = 30))
            List<String> tags,
            @Schema(description = "`OPERATED_BY_CHANGED`: who answers the conversation now.", example = "AGENT")
            OperatedBy operatedBy) {
    }

    private static final String RECORD_ID = "is required (1 to " + MAX_ID + " characters)";

    /**
     * Whether Bean Validation would surely find nothing wrong with the batch, answered without it: true only when
     * every record keeps every constraint declared above (the same bounds, the same {@link HasText} rule). A
     * batch of 10,000 records costs Hibernate Validator some 50 ms of CPU even when all is well, a tenth of the
     * batch's intake; the check answers in well under a millisecond. It may say false of a valid batch (then
     * Bean Validation decides), never true of an invalid one: {@code ActivityRequestsTest} holds it to the
     * constraints as declared and to Bean Validation's verdicts.
     */
    static boolean plainlyValid(Activity activity) {
        if (activity.records() == null || activity.records().isEmpty()) {
            return false;
        }
        for (Record record : activity.records()) {
            if (!plainlyValid(record)) {
                return false;
            }
        }
        return true;
    }

    static boolean plainlyValid(Record record) {
        return record != null && record.recordId() != null && HasText.Check.valid(record.recordId(), MAX_ID)
                && record.type() != null && record.at() != null
                && (record.contactId() == null ? record.contactName() == null && record.phone() == null
                        : HasText.Check.valid(record.contactId(), MAX_ID))
                && atMost(record.contactName(), MAX_NAME) && atMost(record.phone(), MAX_PHONE)
                && atMost(record.messageId(), MAX_MESSAGE_ID) && atMost(record.reason(), MAX_REASON)
                && atMost(record.callerId(), MAX_CALLER_ID)
                && (record.costMicros() == null
                        || (record.costMicros() >= 0 && record.costMicros() <= InputBounds.MAX_COST_MICROS));
    }

    private static boolean atMost(String value, int max) {
        return value == null || value.length() <= max;
    }

    /**
     * A name or phone belongs to a contact: without a contact id there is no key to seal it under. Reported on
     * the record's {@code contactId}.
     */
    @Documented
    @Constraint(validatedBy = PersonalDataHasContact.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PersonalDataHasContact {

        String message() default "is required with a contactName or phone";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<PersonalDataHasContact, Record> {

            @Override
            public boolean isValid(Record record, ConstraintValidatorContext context) {
                if (record.contactId() != null || (record.contactName() == null && record.phone() == null)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("contactId").addConstraintViolation();
                return false;
            }
        }
    }
}
