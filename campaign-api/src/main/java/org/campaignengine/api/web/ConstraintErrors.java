package org.campaignengine.api.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean Validation's violations as the API's error entries ({@code errors: [{field, message, allowed}]}): each
 * named by its path in the request ({@code records[1].messageId}), in the request's order (parameter by
 * parameter, element by element, field by field as the body's type declares them), at most {@link #MAX_ERRORS}.
 * A field that takes a closed set of values (an enum) names them, as every other refusal of such a field does.
 */
final class ConstraintErrors {

    /** A batch of a thousand bad records is answered with its first mistakes, not a wall of them. */
    static final int MAX_ERRORS = 20;

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[([^\\]]*)]");
    private static final int UNKNOWN = Integer.MAX_VALUE;

    private ConstraintErrors() {
    }

    /** The violations of one validated object ({@code @Valid @RequestBody}), at their paths in it. */
    static List<FieldError> of(Errors errors, Object target) {
        List<Located> located = new ArrayList<>();
        collect(errors, target, 0, located);
        return ordered(located);
    }

    /** The violations of a handler's parameters (a constrained path or query value, or a body among them). */
    static List<FieldError> of(HandlerMethodValidationException e) {
        List<Located> located = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            int position = parameter.getParameterIndex();
            if (result instanceof ParameterErrors errors) {
                collect(errors, errors.getArgument(), position, located);
                continue;
            }
            String field = name(parameter) + (result.getContainerIndex() != null
                    ? "[" + result.getContainerIndex() + "]" : "");
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                located.add(new Located(List.of(position, index(result.getContainerIndex())),
                        entry(field, error.getDefaultMessage(), parameter.getParameterType())));
            }
        }
        return ordered(located);
    }

    private static void collect(Errors errors, Object target, int position, List<Located> located) {
        for (ObjectError error : errors.getAllErrors()) {
            String field = error instanceof org.springframework.validation.FieldError fieldError
                    ? fieldError.getField() : "";
            Walk walk = walk(target, field);
            List<Integer> order = new ArrayList<>(List.of(position));
            order.addAll(walk.order());
            located.add(new Located(order, entry(field.isEmpty() ? "body" : field, error.getDefaultMessage(),
                    walk.type())));
        }
    }

    private static FieldError entry(String field, String message, Class<?> type) {
        if (type != null && type.isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                allowed.add(((Enum<?>) constant).name());
            }
            return new FieldError(field, message + " and " + FieldError.mustBeOneOf(allowed), allowed);
        }
        return new FieldError(field, message);
    }

    private static List<FieldError> ordered(List<Located> located) {
        return located.stream().sorted(Comparator.comparing(Located::order, ConstraintErrors::compare))
                .limit(MAX_ERRORS).map(Located::error).toList();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int step = Integer.compare(a.get(i), b.get(i));
            if (step != 0) {
                return step;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Follows {@code records[1].messageId} through the validated value: the place of each step (a record's
     * component in declaration order, a list's index) and the declared type of the last component.
     */
    private static Walk walk(Object target, String path) {
        List<Integer> order = new ArrayList<>();
        Object value = target;
        Class<?> type = null;
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            type = null;
            if (step.group(1) != null) {
                RecordComponent component = component(value, step.group(1));
                order.add(component == null ? UNKNOWN : indexOf(component));
                type = component == null ? null : component.getType();
                value = component == null ? null : read(component, value);
            } else {
                int index = index(step.group(2));
                order.add(index);
                value = value instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
        }
        return new Walk(order, type);
    }

    private static RecordComponent component(Object value, String name) {
        if (value == null || !value.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** Its place among its record's components (each call of getRecordComponents makes new ones: by name). */
    private static int indexOf(RecordComponent component) {
        RecordComponent[] components = component.getDeclaringRecord().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component.getName())) {
                return i;
            }
        }
        return UNKNOWN;
    }

    private static Object read(RecordComponent component, Object value) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static int index(Object text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.toString());
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    /** The name the request gives the parameter: its annotation's, else the parameter's own. */
    private static String name(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String named = path != null ? path.value() : query != null ? query.value() : header != null ? header.value() : "";
        return named.isEmpty() && parameter.getParameterName() != null ? parameter.getParameterName() : named;
    }

    private record Walk(List<Integer> order, Class<?> type) {
    }

    private record Located(List<Integer> order, FieldError error) {
    }
}
