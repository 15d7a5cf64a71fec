package org.campaignengine.domain.launch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The content check at launch: a message containing a denied term (any case) is rejected, naming the term. */
public record ContentPolicy(List<String> deniedTerms) {

    public ContentPolicy {
        deniedTerms = deniedTerms.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public Optional<String> deniedTermIn(List<String> texts) {
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String term : deniedTerms) {
                if (lower.contains(term)) {
                    return Optional.of(term);
                }
            }
        }
        return Optional.empty();
    }
}
