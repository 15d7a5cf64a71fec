package org.campaignengine.api.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Who is asking and which request this is: the audit metadata every command (and so every event) carries. */
public final class RequestContext {

    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";
    public static final String SYSTEM_ACTOR = "system";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestContext() {
    }

    /** A caller's own request id is kept when it is sane; otherwise the engine makes one. */
    static String requestIdFrom(String header) {
        return header != null && ACCEPTED_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    public static String requestId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null
                : attributes.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    /** The authenticated principal's name: never a value taken from the request body. */
    public static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("commands are only sent for authenticated callers");
        }
        return authentication.getName();
    }

    public static MetaData auditMetaData() {
        return MetaData.with(ACTOR, actor()).and(REQUEST_ID, requestId());
    }
}
