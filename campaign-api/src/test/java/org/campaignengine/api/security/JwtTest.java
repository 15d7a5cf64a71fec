package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.campaignengine.api.e2e.Campaigns;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/** Bearer tokens from an identity provider, which the test plays: it holds the signing key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + Callers.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:jwt-engine;DB_CLOSE_DELAY=-1"})
class JwtTest {

    static final String ISSUER = "https://idp.example.test/realms/outreach";
    static final KeyPair PROVIDER = rsa();
    static final KeyPair IMPOSTOR = rsa();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("idp-public", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    private Reply get(String token, String path) {
        return bearer(token).get(path);
    }

    private EngineClient bearer(String token) {
        return new EngineClient(port, null, null).withAuthorization("Bearer " + token);
    }

    @Test
    void a_token_from_the_issuer_is_accepted_with_its_roles_and_offices() {
        String token = token(PROVIDER, ISSUER, Instant.now().plusSeconds(300), List.of("MANAGER"), List.of("north"));
        Reply created = bearer(token).post("/api/v1/campaigns", Campaigns.readySms("By token"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(get(token, "/api/v1/campaigns/" + created.text("id") + "?minVersion=0").status()).isEqualTo(200);

        String metadata = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), created.text("id"));
        assertThat(metadata).contains("\"actor\":\"dana.organizer\"");

        Map<String, Object> elsewhere = Campaigns.readySms("Elsewhere");
        elsewhere.put("office", "south");
        assertThat(bearer(token).post("/api/v1/campaigns", elsewhere).status()).isEqualTo(403);
    }

    @Test
    void a_token_role_limits_what_it_may_do() {
        String viewer = token(PROVIDER, ISSUER, Instant.now().plusSeconds(300), List.of("VIEWER"), List.of("north"));
        assertThat(bearer(viewer).post("/api/v1/campaigns", Campaigns.readySms("Not allowed")).status()).isEqualTo(403);
        assertThat(get(viewer, "/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        String forged = token(IMPOSTOR, ISSUER, Instant.now().plusSeconds(300), List.of("ADMIN"), List.of());
        assertThat(get(forged, "/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() {
        String expired = token(PROVIDER, ISSUER, Instant.now().minusSeconds(600), List.of("ADMIN"), List.of());
        assertThat(get(expired, "/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        String foreign = token(PROVIDER, "https://elsewhere.example.test", Instant.now().plusSeconds(300),
                List.of("ADMIN"), List.of());
        assertThat(get(foreign, "/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void a_token_whose_actor_or_offices_hold_a_control_character_is_refused() {
        Instant expires = Instant.now().plusSeconds(300);
        String actor = token(PROVIDER, ISSUER, expires, List.of("MANAGER"), List.of("north"), "dana\u0000");
        assertThat(get(actor, "/api/v1/campaigns").status()).isEqualTo(401);
        String office = token(PROVIDER, ISSUER, expires, List.of("MANAGER"), List.of("north\u0000"), "dana.organizer");
        assertThat(get(office, "/api/v1/campaigns").status()).isEqualTo(401);
    }

    @Test
    void basic_credentials_still_work_beside_tokens() {
        assertThat(new EngineClient(port, "admin", Callers.ADMIN_PASSWORD).get("/api/v1/users").status()).isEqualTo(200);
        assertThat(get("not-a-token", "/api/v1/campaigns/" + UUID.randomUUID()).status()).isEqualTo(401);
    }

    private static String token(KeyPair key, String issuer, Instant expires, List<String> roles, List<String> offices) {
        return token(key, issuer, expires, roles, offices, "dana.organizer");
    }

    private static String token(KeyPair key, String issuer, Instant expires, List<String> roles, List<String> offices,
                                String username) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey((RSAPrivateKey) key.getPrivate())
                .keyID("test-key").build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject("user-4711")
                .claim("preferred_username", username).issuedAt(expires.minusSeconds(900)).expiresAt(expires)
                .claim("roles", roles).claim("offices", offices).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
