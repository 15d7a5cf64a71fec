package org.campaignengine.api.security;

import java.util.ArrayList;
import java.util.List;

import org.campaignengine.api.accounts.AccountStore;
import org.campaignengine.api.accounts.Role;
import org.campaignengine.api.web.input.InputBounds;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts the engine keeps, for HTTP Basic: roles and offices become authorities; disabled accounts fail. A
 * username no store could hold (a control character) names no account and is not looked up.
 */
class AccountUserDetails implements UserDetailsService {

    private final AccountStore accounts;

    AccountUserDetails(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (InputBounds.textProblem(username, false) != null) {
            throw new UsernameNotFoundException("no such account");
        }
        AccountStore.Credentials found = accounts.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        found.account().roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).forEach(authorities::add);
        found.account().offices().stream().map(CallerScope::officeAuthority).map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        return User.withUsername(found.account().username()).password(found.passwordHash())
                .disabled(!found.account().enabled()).authorities(authorities).build();
    }
}
