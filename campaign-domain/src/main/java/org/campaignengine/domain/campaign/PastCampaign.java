package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as it stood after the first {@code version + 1} events of its stream (the lifecycle rules' history and audit,
 * "state as of"): built by {@link Replay} with the aggregate's own {@code apply}, and its allowed actions
 * and readiness answered by the one transition table at the moment it describes.
 */
public record PastCampaign(
        String id,
        Channel channel,
        CampaignStatus status,
        CampaignSettings settings,
        Instant createdAt,
        Instant launchAt,
        List<PhoneNumber> phoneNumbers,
        String suspendedReason,
        Instant lastActivityAt,
        Instant autoArchiveAt,
        long version,
        Instant asOf,
        boolean launchable,
        List<String> missing,
        List<String> allowedActions) {

    /**
     * Folds a campaign's events, in stream order, exactly as the aggregate does. Activity published
     * outside the stream is not part of a campaign's state; only a store written before that change
     * holds it in the stream, where it counts as the aggregate counted it.
     */
    public static final class Replay {

        private CampaignState state = CampaignState.NONE;
        private long version = -1;

        /** Applies the event of sequence {@code sequence}, stored at {@code at}. */
        public void apply(CampaignEvent event, long sequence, Instant at) {
            state = state.apply(event, at);
            version = sequence;
        }

        /** Whether any event was applied: before its first event a campaign does not exist. */
        public boolean exists() {
            return version >= 0;
        }

        public long version() {
            return version;
        }

        /** The campaign as the applied events left it, judged at {@code now} (the moment asked about). */
        public PastCampaign at(Instant now, TimeRules rules) {
            if (!exists()) {
                throw new IllegalStateException("no event was applied: the campaign did not exist yet");
            }
            Situation situation = state.situation(now, rules);
            return new PastCampaign(state.id().value(), state.channel(), state.status(), state.settings(),
                    state.createdAt(), state.launchAt(), state.phoneNumbers(), state.suspendedReason(),
                    state.lastActivityAt(), state.warnedArchiveAt(), version, now, Transition.launchable(situation),
                    situation.missing(), Transition.allowedActions(situation));
        }
    }
}
