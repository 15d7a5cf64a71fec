package org.campaignengine.api.web.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text, when given, of 1 to {@link #max} characters that is not all whitespace ({@link String#isBlank}, so
 * Unicode spaces count as blank too, unlike {@code @NotBlank}'s trim): one rule, one violation, where
 * {@code @NotBlank} and {@code @Size} together would report a long blank value twice. A null passes; add
 * {@code @NotNull} with the same message where the text is required.
 */
@Documented
@Constraint(validatedBy = HasText.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {

    /** The most characters (UTF-16 units, as {@link String#length}) the text may have. */
    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<HasText, CharSequence> {

        private int max;

        @Override
        public void initialize(HasText constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || valid(value, max);
        }

        /** The rule for a value that is there: not all whitespace, and at most {@code max} characters. */
        public static boolean valid(CharSequence value, int max) {
            return !value.toString().isBlank() && value.length() <= max;
        }
    }
}
