package org.campaignengine.domain.campaign;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The instant a command or timer is handled, as an input: the engine stamps it on the message's
 * metadata under {@link #KEY} as it handles it (tests stamp their simulated time), so the domain
 * never reads a clock and every decision is a function of its inputs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@MetaDataValue(value = HandledAt.KEY, required = true)
public @interface HandledAt {

    String KEY = "handledAt";
}
