package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfiguration;

/**
 * Spring Security's chain is registered as Spring Security builds it, without Spring MVC's handler look-up
 * wrapped around it ({@link WithoutHandlerLookupCache}): an upgrade that changes how Spring Security wraps it
 * fails here instead of quietly paying the look-up on every request again. What each role may call is
 * {@link AccessMatrixTest}'s.
 */
class FilterChainShapeTest extends SecuredEngine {

    @Autowired
    ApplicationContext context;

    @Test
    void theSecurityFilterChainIsSpringSecuritysOwnWithoutTheHandlerLookupBeforeIt() {
        // WebSecurityConfiguration's own chain (its request-path filter, then the FilterChainProxy), not
        // WebMvcSecurityConfiguration's wrapper that looks up the handler first
        assertThat(context.getBean(WithoutHandlerLookupCache.CHAIN).getClass().getEnclosingClass())
                .isEqualTo(WebSecurityConfiguration.class);
    }
}
