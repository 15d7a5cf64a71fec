package org.campaignengine.api.web;

import org.campaignengine.api.EngineProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Before security and everything else, so an oversized body costs nothing but its refusal. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(EngineProperties properties, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.http().maxRequestSize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
