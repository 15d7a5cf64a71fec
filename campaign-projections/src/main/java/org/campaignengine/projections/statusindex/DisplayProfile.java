package org.campaignengine.projections.statusindex;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.campaignengine.domain.campaign.CampaignStatus;

/**
 * The word each product uses for a status (the lifecycle rules' statuses), so a dashboard shows its users' words as
 * {@code displayStatus}. Where a product has no word (a dash, or an action in parentheses such as
 * "(launch click)") the canonical status shows, in title case. Where the table gives two words
 * ("Processing / Ready", "Started / Sending") the first shows.
 */
public enum DisplayProfile {
    THRUTEXT("thrutext", Map.of(DRAFT, "Draft", ACTIVE, "Active", PAUSED, "Paused", ARCHIVED, "Archived")),
    THRUTALK("thrutalk", Map.of(DRAFT, "Draft", ACTIVE, "Active", ARCHIVED, "Archived")),
    TWO_WAY("two-way", Map.of(DRAFT, "Draft", SCHEDULED, "Scheduled", ACTIVE, "Active", ARCHIVED, "Archived")),
    BULK_SMS("bulk-sms", Map.of(DRAFT, "Draft", SCHEDULED, "Scheduled", LAUNCHING, "Processing",
            REJECTED, "Rejected", ACTIVE, "Started", PAUSED, "Paused", SUSPENDED, "Suspended", STOPPED, "Aborted",
            COMPLETED, "Finished")),
    STATUS_GUIDE("status-guide", Map.of(DRAFT, "Defined", SCHEDULED, "Scheduled", ACTIVE, "Running",
            STOPPED, "Stopped", ERRORED, "Errored", COMPLETED, "Completed", ARCHIVED, "Archived"));

    private final String apiName;
    private final Map<CampaignStatus, String> words;

    DisplayProfile(String apiName, Map<CampaignStatus, String> words) {
        this.apiName = apiName;
        this.words = new EnumMap<>(words);
    }

    public String apiName() {
        return apiName;
    }

    public String word(CampaignStatus status) {
        return words.getOrDefault(status, titleCase(status));
    }

    public static Optional<DisplayProfile> byApiName(String name) {
        return Arrays.stream(values()).filter(p -> p.apiName.equals(name)).findFirst();
    }

    private static String titleCase(CampaignStatus status) {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase();
    }
}
