package org.campaignengine.api.security;

import org.campaignengine.api.accounts.AccountDisabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * A disabled account is refused at once: every node forgets what it remembered of the account as soon as it
 * hears of the change (RememberedAccounts, AccountChanges), so Basic reads it again, and its browser sessions,
 * which would otherwise live on until their idle timeout, are deleted here from the shared store (every node).
 */
@Component
class SessionsOfDisabledAccounts {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfDisabledAccounts.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    SessionsOfDisabledAccounts(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(AccountDisabled disabled) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        var ended = repository.findByPrincipalName(disabled.username()).keySet();
        ended.forEach(repository::deleteById);
        if (!ended.isEmpty()) {
            log.info("ended {} browser session(s) of disabled account {}", ended.size(), disabled.username());
        }
    }
}
