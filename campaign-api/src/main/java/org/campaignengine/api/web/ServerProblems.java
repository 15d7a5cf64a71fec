package org.campaignengine.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The web server's own refusals (a request Tomcat rejects before any servlet sees it, such as a path with an
 * encoded NUL) answered as problems too, in place of Tomcat's HTML error page: {@code application/problem+json}
 * with the engine's types ({@code request-rejected}, {@code no-such-path}, {@code internal}) and nothing of the
 * server named. Errors the application answers itself are left as they are: this reports only a response
 * nothing was written to.
 */
@Configuration(proxyBeanMethods = false)
class ServerProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as a problem. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json(code));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing more can be said
            }
        }

        private static String json(int code) {
            HttpStatus status = HttpStatus.resolve(code);
            String type;
            String title;
            String detail;
            if (code == 404) {
                type = "no-such-path";
                title = "No such path";
                detail = "No endpoint answers this path; the API's paths are described at /v3/api-docs";
            } else if (code >= 500) {
                type = "internal";
                title = "Internal error";
                detail = "The request could not be completed; the failure was logged";
            } else {
                type = "request-rejected";
                title = "Request refused";
                detail = "The request was refused before it reached the API: its method, path or headers hold what "
                        + "the engine does not take (such as an encoded control character in the path)";
            }
            return "{\"type\":\"urn:campaign-engine:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
                    + (status == null ? code : status.value()) + ",\"detail\":\"" + detail + "\"}";
        }
    }
}
