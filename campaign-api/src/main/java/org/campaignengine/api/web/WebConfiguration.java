package org.campaignengine.api.web;

import java.util.List;

import org.campaignengine.api.EngineProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * No XML: the API answers JSON (and CSV or JSON lines for exports). Spring MVC adds a JAXB converter whenever
     * JAXB is on the class path, and asks it whether it can write every answer (about 1 % of a command's request
     * thread, an annotation search each time).
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(Jaxb2RootElementHttpMessageConverter.class::isInstance);
    }

    /** Spring MVC's handler adapter, with each handler method's validation groups found once. */
    @Bean
    WebMvcRegistrations rememberedValidationGroups() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RememberedValidationGroups();
            }
        };
    }

    /** Before security and everything else, so an oversized body costs nothing but its refusal. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(EngineProperties properties, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.http().maxRequestSize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Answers sent whole, with their length, unless the request streams ({@link WholeAnswers}). */
    @Bean
    FilterRegistrationBean<WholeAnswers> wholeAnswers() {
        FilterRegistrationBean<WholeAnswers> registration = new FilterRegistrationBean<>(new WholeAnswers());
        // after the request id, the size limit and the request metrics, before Spring Session and security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
