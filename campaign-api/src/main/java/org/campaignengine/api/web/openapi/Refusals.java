package org.campaignengine.api.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an operation answers besides those every operation may answer (see
 * {@code OpenApiConfiguration}): each becomes a response of its status in the OpenAPI description, with the
 * {@code Problem} schema and the types that status carries here. On a controller, the problems every one of its
 * operations answers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Refusals {

    ProblemType[] value();
}
