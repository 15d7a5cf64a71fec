package org.campaignengine.api.web.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The query parameters and path variables of every API request, held to the same text bounds as bodies
 * ({@link InputBounds#textProblem}, no free text) before the controller runs: a search, filter or name in
 * the path is matched against stored text, and PostgreSQL refuses a NUL even in a query.
 */
final class ParameterBounds implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                check(name, value, errors);
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
        return true;
    }

    private static void check(String name, String value, List<FieldError> errors) {
        String problem = InputBounds.textProblem(value, false);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
        }
    }
}
