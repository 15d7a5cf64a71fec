package org.campaignengine.api.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bearer JWT, from Spring's standard {@code spring.security.oauth2.resourceserver.jwt.*} properties,
 * with one explicit order: a key set URI, else a public key, else discovery from the issuer. Whichever
 * supplies the keys, a configured issuer is required in every token, and expiry is checked.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(JwtConfiguration.AnyKeySource.class)
class JwtConfiguration {

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        String issuer = jwt.getIssuerUri();
        OAuth2TokenValidator<Jwt> validator = issuer == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        if (jwt.getJwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (jwt.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt.readPublicKey())).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
    }

    /** Just before Spring Security's chain (order -100), so what escapes it is caught here. */
    @Bean
    FilterRegistrationBean<IdentityProviderUnavailable> identityProviderUnavailable(ObjectMapper json) {
        FilterRegistrationBean<IdentityProviderUnavailable> registration =
                new FilterRegistrationBean<>(new IdentityProviderUnavailable(json));
        registration.setOrder(-101);
        return registration;
    }

    private static RSAPublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static final class AnyKeySource implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return env.containsProperty(PREFIX + "jwk-set-uri") || env.containsProperty(PREFIX + "public-key-location")
                    || env.containsProperty(PREFIX + "issuer-uri");
        }
    }
}
