package org.campaignengine.api.activity;

import java.util.UUID;

import org.campaignengine.api.activity.ActivityRequests.Activity;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;

import jakarta.validation.Validator;

/**
 * Bean Validation of an activity batch, as {@code @Valid @RequestBody} would do it, with the same answer (a
 * {@link MethodArgumentNotValidException} listing every mistake at its path, {@code records[1].messageId}), but
 * Bean Validation runs only when {@link ActivityRequests#plainlyValid} cannot vouch for the batch: a batch whose
 * every record is plainly within its constraints needs no walk of 10,000 records through the validator.
 */
@Component
class ActivityValidation {

    private final SpringValidatorAdapter validator;
    private final MethodParameter body;

    ActivityValidation(Validator validator) throws NoSuchMethodException {
        this.validator = new SpringValidatorAdapter(validator);
        this.body = new MethodParameter(ActivityController.class.getDeclaredMethod("activity", UUID.class,
                Activity.class), 1);
    }

    void check(Activity activity) throws MethodArgumentNotValidException {
        if (ActivityRequests.plainlyValid(activity)) {
            return;
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(activity, "activity");
        validator.validate(activity, errors);
        if (errors.hasErrors()) {
            throw new MethodArgumentNotValidException(body, errors);
        }
    }
}
