package org.campaignengine.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A well-formed JSON value the engine will not store ({@link InputBounds}), refused while the request is
 * read. Jackson adds the path of the field it was reading, so the 400 names it ({@code records[3].messageId}).
 */
public final class RefusedValue extends JsonMappingException {

    static final String WRONG_FORM = "has a value of the wrong form";

    private final String reason;

    public RefusedValue(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    /** What a 400 says of the field: why it was refused, or that it has the wrong form. */
    static String reasonOf(JsonMappingException e) {
        return e instanceof RefusedValue refused ? refused.reason : WRONG_FORM;
    }
}
