package org.campaignengine.api.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console: static files under {@code classpath:/static/console/}, served by Spring Boot's own
 * resource handling at {@code /console/**} without credentials (they hold no data; the console signs in
 * through {@code POST /api/v1/session} and then calls the API like any client). {@code /} and {@code /console}
 * send the browser to {@code /console/}, which is the console's {@code index.html}. A file that is not there
 * is the engine's usual {@code no-such-path} problem.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final String HOME = "/console/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", HOME).setStatusCode(HttpStatus.FOUND);
        registry.addRedirectViewController("/console", HOME).setStatusCode(HttpStatus.FOUND);
        registry.addViewController(HOME).setViewName("forward:" + HOME + "index.html");
    }
}
