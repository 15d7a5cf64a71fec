package org.campaignengine.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.campaignengine.api.accounts.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's claims as the engine reads them: {@code roles} (the role names of API.md, as a
 * list or a space-separated string; unknown names ignored), {@code offices} likewise, and the actor
 * from {@code preferred_username}, else {@code sub}.
 */
class JwtAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : values(jwt.getClaim("roles"))) {
            Role.parse(name).map(Role::authority).map(SimpleGrantedAuthority::new).ifPresent(authorities::add);
        }
        for (String office : values(jwt.getClaim("offices"))) {
            authorities.add(new SimpleGrantedAuthority(CallerScope.officeAuthority(office)));
        }
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name == null || name.isBlank() ? jwt.getSubject() : name);
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
