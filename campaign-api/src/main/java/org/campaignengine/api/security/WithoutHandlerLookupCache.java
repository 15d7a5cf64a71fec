package org.campaignengine.api.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.config.BeanIds;

/**
 * Spring Security, when Spring MVC is present, wraps its filter chain in a filter that looks up the request's
 * handler among all of Spring MVC's handler mappings before the chain runs, for request matchers that ask the
 * handler mappings ({@code MvcRequestMatcher}) and for CORS. The engine has neither: its rules match path
 * patterns themselves ({@link AccessRules}) and it configures no CORS. The look-up, done again by the
 * dispatcher after security, took about 5 % of a command's request thread. This puts the chain back as Spring
 * Security built it.
 *
 * <p>It changes only the exact shape Spring Security 6.5 registers (its composite of the look-up filter and the
 * chain); any other shape is left as it is and said in the log, so an upgrade that changes it costs the look-up
 * again rather than anything else. {@code FilterChainShapeTest} holds the chain to this shape.
 */
final class WithoutHandlerLookupCache implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(WithoutHandlerLookupCache.class);
    static final String CHAIN = BeanIds.SPRING_SECURITY_FILTER_CHAIN;
    private static final String COMPOSITE = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String LOOKUP = "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        if (chain.getBeanClassName() == null || !chain.getBeanClassName().endsWith(COMPOSITE)) {
            return;
        }
        ValueHolder argument = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (argument != null && argument.getValue() instanceof List<?> parts && parts.size() == 2
                && parts.get(0) instanceof BeanDefinition lookup && lookup.getBeanClassName() != null
                && lookup.getBeanClassName().endsWith(LOOKUP) && parts.get(1) instanceof BeanDefinition original) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, original);
            return;
        }
        log.warn("Spring Security's filter chain is not in the shape this engine knows; every request keeps Spring "
                + "MVC's handler look-up before security");
    }
}
