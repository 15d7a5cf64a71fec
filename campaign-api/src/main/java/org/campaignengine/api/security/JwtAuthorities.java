package org.campaignengine.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.campaignengine.api.accounts.Role;
import org.campaignengine.api.web.input.InputBounds;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's claims as the engine reads them: {@code roles} (the role names of the HTTP API, as a
 * list or a space-separated string; unknown names ignored), {@code offices} likewise, and the actor
 * from {@code preferred_username}, else {@code sub}. A token whose actor or offices hold a control character is
 * refused (401), as the engine refuses such text everywhere.
 */
class JwtAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : values(jwt.getClaim("roles"))) {
            Role.parse(name).map(Role::authority).map(SimpleGrantedAuthority::new).ifPresent(authorities::add);
        }
        List<String> offices = values(jwt.getClaim("offices"));
        for (String office : offices) {
            authorities.add(new SimpleGrantedAuthority(CallerScope.officeAuthority(office)));
        }
        String name = jwt.getClaimAsString("preferred_username");
        String actor = name == null || name.isBlank() ? jwt.getSubject() : name;
        if (!storable(actor) || !offices.stream().allMatch(JwtAuthorities::storable)) {
            throw new InvalidBearerTokenException("The token's actor or offices hold a control character");
        }
        return new JwtAuthenticationToken(jwt, authorities, actor);
    }

    /** The actor is recorded in every event it causes and offices are matched in queries: text a store keeps. */
    private static boolean storable(String text) {
        return text == null || InputBounds.textProblem(text, false) == null;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
