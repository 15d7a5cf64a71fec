package org.campaignengine.api.web.input;

import java.util.Arrays;
import java.util.List;

import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/**
 * A well-formed JSON value the engine will not store ({@link InputBounds}), refused while the request is
 * read. Jackson adds the path of the field it was reading, so the 400 names it ({@code records[3].messageId}).
 */
public final class RefusedValue extends JsonMappingException {

    public static final String WRONG_FORM = "has a value of the wrong form";

    private final String reason;

    public RefusedValue(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    /** Where in the body a value was refused ({@code settings.variants[1].message}), else the fallback. */
    public static String path(JsonMappingException e, String fallback) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return path.isEmpty() ? fallback : path;
    }

    /**
     * What a 400 says of the field: why it was refused; for an enum given a value it does not take, every value
     * it takes ("must be one of SMS, VOICE"); else that it has the wrong form.
     */
    public static String reasonOf(JsonMappingException e) {
        if (e instanceof RefusedValue refused) {
            return refused.reason;
        }
        List<String> allowed = allowedOf(e);
        return allowed != null ? FieldError.mustBeOneOf(allowed) : WRONG_FORM;
    }

    /**
     * The values the field takes when it is an enum and the value given is not one of them (an unknown name,
     * a number past the last, an object or an array), by name as requests spell them; null for any other field.
     */
    public static List<String> allowedOf(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && !(e instanceof PropertyBindingException)
                && mismatch.getTargetType() != null && mismatch.getTargetType().isEnum()) {
            return Arrays.stream(mismatch.getTargetType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        return null;
    }

    /** The error entry of the field: its reason, and the values it takes when it takes only those. */
    public static FieldError errorOf(String field, JsonMappingException e) {
        return new FieldError(field, reasonOf(e), allowedOf(e));
    }
}
