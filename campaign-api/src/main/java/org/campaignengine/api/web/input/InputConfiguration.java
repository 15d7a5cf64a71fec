package org.campaignengine.api.web.input;

import java.time.Instant;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Requests are held to {@link InputBounds} as they are read: bodies by their JSON readers, parameters before the controller. */
@Configuration(proxyBeanMethods = false)
public class InputConfiguration implements WebMvcConfigurer {

    /**
     * Request bodies read every text and instant through the bounded readers, instants with
     * {@link IsoInstants}. The builder applies these after its modules, so they are the ones asked. Events are
     * read by Axon's own mapper, never through these: a value stored before the bounds still replays.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer boundedRequestValues() {
        return builder -> builder.deserializerByType(String.class, StoredText.PLAIN)
                .deserializerByType(Instant.class, new StoredInstants(IsoInstants.deserializer()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterBounds()).addPathPatterns("/api/**");
    }
}
