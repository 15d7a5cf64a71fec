package org.campaignengine.api.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Spring MVC's handler adapter with the validation groups of each handler method found once. Spring MVC 6.2 hands
 * its method validator to every request's handler method, which then searches the method and its class for
 * {@code @Validated} (the groups to validate) on every request, whether or not anything is validated: about 4 %
 * of a command's request thread. The groups are fixed by the method and its class's annotations, so they are
 * remembered per method and class; validation itself, when a method asks for it, is Spring's own, unchanged.
 */
final class RememberedValidationGroups extends RequestMappingHandlerAdapter {

    private volatile Remembering remembering;

    @Override
    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
        return new ServletInvocableHandlerMethod(handlerMethod) {
            @Override
            public void setMethodValidator(@Nullable MethodValidator validator) {
                super.setMethodValidator(validator == null ? null : remembering(validator));
            }
        };
    }

    private MethodValidator remembering(MethodValidator validator) {
        Remembering current = remembering;
        if (current == null || current.validator != validator) {
            current = new Remembering(validator);
            remembering = current;
        }
        return current;
    }

    /** {@code validator}, with {@link #determineValidationGroups} answered once per class and method. */
    static final class Remembering implements MethodValidator {

        private record Handler(Class<?> type, Method method) {
        }

        private final MethodValidator validator;
        private final Map<Handler, Class<?>[]> groups = new ConcurrentHashMap<>();

        Remembering(MethodValidator validator) {
            this.validator = validator;
        }

        @Override
        public Class<?>[] determineValidationGroups(Object target, Method method) {
            return groups.computeIfAbsent(new Handler(target.getClass(), method),
                    handler -> validator.determineValidationGroups(target, method)).clone();
        }

        @Override
        public MethodValidationResult validateArguments(Object target, Method method,
                                                        @Nullable MethodParameter[] parameters, Object[] arguments,
                                                        Class<?>[] groups) {
            return validator.validateArguments(target, method, parameters, arguments, groups);
        }

        @Override
        public void applyArgumentValidation(Object target, Method method, @Nullable MethodParameter[] parameters,
                                            Object[] arguments, Class<?>[] groups) {
            validator.applyArgumentValidation(target, method, parameters, arguments, groups);
        }

        @Override
        public MethodValidationResult validateReturnValue(Object target, Method method,
                                                          @Nullable MethodParameter returnType,
                                                          @Nullable Object returnValue, Class<?>[] groups) {
            return validator.validateReturnValue(target, method, returnType, returnValue, groups);
        }

        @Override
        public void applyReturnValueValidation(Object target, Method method, @Nullable MethodParameter returnType,
                                               @Nullable Object returnValue, Class<?>[] groups) {
            validator.applyReturnValueValidation(target, method, returnType, returnValue, groups);
        }
    }
}
