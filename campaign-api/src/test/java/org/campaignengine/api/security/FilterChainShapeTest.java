package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfiguration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring Security's chain is registered as Spring Security builds it, without Spring MVC's handler look-up
 * wrapped around it ({@link WithoutHandlerLookupCache}): an upgrade that changes how Spring Security wraps it
 * fails here instead of quietly paying the look-up on every request again; and the chain checks requests with
 * the engine's firewall ({@link PlainTextFirstFirewall}). What each role may call is {@link AccessMatrixTest}'s.
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

    @Test
    void theChainChecksRequestsWithTheEnginesFirewall() {
        // Spring Security takes the context's HttpFirewall bean; its FilterChainProxy keeps it in a private field
        Object proxy = ReflectionTestUtils.getField(context.getBean(WithoutHandlerLookupCache.CHAIN),
                "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(proxy, "firewall")).isSameAs(context.getBean(HttpFirewall.class));
    }

    @Test
    void springMvcsHandlerAdapterIsTheOneThatRemembersValidationGroups() {
        assertThat(context.getBean(RequestMappingHandlerAdapter.class).getClass().getSimpleName())
                .isEqualTo("RememberedValidationGroups");
    }

    @Test
    void aHeaderValueWithAControlCharacterIsRefusedAsARejectedRequestAndOneWithAnAccentedLetterIsNot()
            throws Exception {
        // Tomcat takes header bytes as ISO-8859-1 and lets 0x80 to 0xFF through; the firewall refuses the C1 controls
        assertThat(answerWithHeaderByte(0x85)).startsWith("HTTP/1.1 400").contains("request-rejected")
                .doesNotContain("RequestRejectedException");
        assertThat(answerWithHeaderByte(0xE9)).startsWith("HTTP/1.1 200");
    }

    private String answerWithHeaderByte(int b) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Note: caf"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
