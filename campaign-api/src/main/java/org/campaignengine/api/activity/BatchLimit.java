package org.campaignengine.api.activity;

import java.lang.reflect.Type;

import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.activity.ActivityRequests.Activity;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A batch over {@code campaign.activity.max-batch} is refused as soon as it is read, before its records are
 * validated ({@code @Valid}): a 413 {@link BatchTooLarge}, never a 400 listing the mistakes of records that
 * would not be taken anyway.
 */
@ControllerAdvice(assignableTypes = ActivityController.class)
class BatchLimit extends RequestBodyAdviceAdapter {

    private final EngineProperties properties;

    BatchLimit(EngineProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType() == Activity.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        int max = properties.activity().maxBatch();
        if (body instanceof Activity activity && activity.records() != null && activity.records().size() > max) {
            throw new BatchTooLarge(activity.records().size(), max);
        }
        return body;
    }
}
