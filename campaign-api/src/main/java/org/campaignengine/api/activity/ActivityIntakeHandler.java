package org.campaignengine.api.activity;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.modelling.command.Repository;
import org.campaignengine.domain.campaign.ActivityDecision;
import org.campaignengine.domain.campaign.ActivityIntake;
import org.campaignengine.domain.campaign.ActivityOutcome;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityStore;
import org.campaignengine.domain.campaign.Campaign;
import org.campaignengine.domain.campaign.CampaignCommand.AssessActivity;
import org.campaignengine.domain.campaign.CampaignCommand.RecordActivity;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.HandledAt;

/**
 * Takes a batch of activity: asks the campaign for its verdicts ({@link AssessActivity}, under the
 * command's metadata, so the campaign's office check and handling time apply), reads from the activity
 * store only what the rest of the rules need ({@link ActivityIntake}), keeps the records and publishes the
 * accepted ones as activity events, all in the command's unit of work and transaction.
 *
 * <p>Ids the store recalls without a look-up are duplicates at once; only the ids the campaign refused are
 * looked up (a record kept before is a duplicate, not a refusal); {@link ActivityStore#keep} keeps no id
 * twice, and what it does not keep was a duplicate too.
 */
public class ActivityIntakeHandler {

    private final Repository<Campaign> campaigns;
    private final ActivityStore store;
    private final EventBus events;

    public ActivityIntakeHandler(Repository<Campaign> campaigns, ActivityStore store, EventBus events) {
        this.campaigns = campaigns;
        this.store = store;
        this.events = events;
    }

    @CommandHandler
    public ActivityOutcome handle(RecordActivity cmd, CommandMessage<RecordActivity> message, @HandledAt Instant now)
            throws Exception {
        CampaignId campaign = cmd.campaignId();
        List<ActivityRecord> batch = cmd.records();
        ActivityDecision decision = (ActivityDecision) campaigns.load(campaign.value()).handle(
                GenericCommandMessage.asCommandMessage(new AssessActivity(campaign, batch))
                        .andMetaData(message.getMetaData()));
        Set<String> known = new HashSet<>(store.recentlyKnown(campaign,
                batch.stream().map(ActivityRecord::recordId).toList()));
        Set<String> refused = new HashSet<>(decision.refusedIds());
        refused.removeAll(known);
        if (!refused.isEmpty()) {
            known.addAll(store.known(campaign, refused));
        }
        ActivityIntake.Sorted sorted = ActivityIntake.sort(batch, decision.verdicts(), known);
        Set<ContactId> tagged = ActivityIntake.taggedContacts(sorted.candidates());
        Map<ContactId, Set<String>> tags = tagged.isEmpty() ? Map.of() : store.conversationTags(campaign, tagged);
        ActivityIntake.Tagged decided = ActivityIntake.withinTagLimits(sorted, tags);
        if (!decided.changedTags().isEmpty()) {
            store.tagConversations(campaign, decided.changedTags());
        }
        List<ActivityRecord> accepted = decided.accepted();
        if (accepted.isEmpty()) {
            return outcome(accepted, sorted.duplicates(), decided, decision, store.recordCount(campaign));
        }
        Set<String> kept = store.keep(campaign, accepted, now);
        List<ActivityRecord> keptRecords = accepted.stream().filter(r -> kept.contains(r.recordId())).toList();
        if (!keptRecords.isEmpty()) {
            events.publish(CampaignMessages.activity(campaign.value(), keptRecords));
        }
        return outcome(keptRecords, sorted.duplicates() + accepted.size() - keptRecords.size(), decided, decision,
                store.recordCount(campaign));
    }

    private static ActivityOutcome outcome(List<ActivityRecord> accepted, int duplicates, ActivityIntake.Tagged decided,
                                           ActivityDecision decision, long activityVersion) {
        return new ActivityOutcome(accepted.size(), duplicates, decided.rejected(), decision.status(),
                decision.version(), activityVersion);
    }
}
