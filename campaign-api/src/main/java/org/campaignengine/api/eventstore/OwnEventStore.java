package org.campaignengine.api.eventstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean that exists only while the engine keeps its own events in the JDBC table {@code DomainEventEntry}
 * (Axon Server off, as {@code application.yml} sets it): the storage engine, its hash chain and what reads
 * that table. The {@code axonserver} profile turns Axon Server on, and these beans off with it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public @interface OwnEventStore {
}
