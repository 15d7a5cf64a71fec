package org.campaignengine.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.MethodValidator;

/**
 * The handler adapter's method validator finds a handler method's validation groups once per method and class,
 * the groups Spring's own validator finds. (The engine's adapter being this one is {@code FilterChainShapeTest}'s.)
 */
class RememberedValidationGroupsTest {

    interface Strict {
    }

    static class Endpoints {
        @Validated(Strict.class)
        public void grouped() {
        }

        public void contact(String contactId) {
        }
    }

    @Test
    void aMethodsGroupsAreFoundOnceAndAreTheValidatorsOwn() throws Exception {
        List<Method> asked = new ArrayList<>();
        MethodValidator counting = new Counting(asked);
        MethodValidator remembering = new RememberedValidationGroups.Remembering(counting);
        Method grouped = Endpoints.class.getMethod("grouped");
        Method contact = Endpoints.class.getMethod("contact", String.class);
        Endpoints target = new Endpoints();

        assertThat(remembering.determineValidationGroups(target, grouped)).containsExactly(Strict.class);
        assertThat(remembering.determineValidationGroups(target, grouped)).containsExactly(Strict.class);
        assertThat(remembering.determineValidationGroups(target, contact)).isEmpty();
        assertThat(remembering.determineValidationGroups(target, contact)).isEmpty();
        assertThat(asked).containsExactly(grouped, contact);
    }

    /** Spring's own way of finding groups ({@code @Validated} on the method, then its class), counted. */
    private record Counting(List<Method> asked) implements MethodValidator {
        @Override
        public Class<?>[] determineValidationGroups(Object target, Method method) {
            asked.add(method);
            Validated validated = method.getAnnotation(Validated.class);
            return validated == null ? new Class<?>[0] : validated.value();
        }

        @Override
        public MethodValidationResult validateArguments(Object target, Method method, MethodParameter[] parameters,
                                                        Object[] arguments, Class<?>[] groups) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MethodValidationResult validateReturnValue(Object target, Method method, MethodParameter returnType,
                                                          Object returnValue, Class<?>[] groups) {
            throw new UnsupportedOperationException();
        }
    }
}
