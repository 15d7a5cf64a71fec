package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a campaign's activity lives, outside its aggregate (whose state stays the same size however
 * much activity arrives): each record id once per campaign, forever, under a unique key; each
 * conversation's tags. Keeping activity that keeps a campaign alive moves its {@link LastActivity}.
 * Writes join the command's transaction.
 */
public interface ActivityStore {

    /** Those of {@code recordIds} the campaign has kept before. */
    Set<String> known(CampaignId campaign, Collection<String> recordIds);

    /**
     * Those of {@code recordIds} known, without asking the database, to have been kept before: the ids a
     * node kept or saw lately (a re-sent batch). Any other id may have been kept too; {@link #keep} finds
     * it and does not keep it twice. Default: {@link #known} itself.
     */
    default Set<String> recentlyKnown(CampaignId campaign, Collection<String> recordIds) {
        return known(campaign, recordIds);
    }

    /**
     * Keeps the records, each under its id, noting that they arrived at {@code recordedAt}; answers
     * the ids actually kept: one kept before, by an earlier request or another node, is not kept twice.
     */
    Set<String> keep(CampaignId campaign, List<ActivityRecord> records, Instant recordedAt);

    /**
     * How many records the campaign has kept: its activity version, which {@link #keep} moves in the same
     * transaction and the analytics read model counts as it applies them.
     */
    long recordCount(CampaignId campaign);

    /** The tags of these conversations now, held against concurrent change until the transaction ends. */
    Map<ContactId, Set<String>> conversationTags(CampaignId campaign, Set<ContactId> contacts);

    void tagConversations(CampaignId campaign, Map<ContactId, Set<String>> tags);
}
