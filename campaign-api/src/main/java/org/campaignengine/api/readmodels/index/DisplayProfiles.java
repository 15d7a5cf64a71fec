package org.campaignengine.api.readmodels.index;

import java.util.Arrays;
import java.util.List;

import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.springframework.stereotype.Component;

/** The {@code profile} a list or detail request names, else the engine's default ({@code campaign.display.profile}). */
@Component
public class DisplayProfiles {

    /** What a profile may be, for the 400 that refuses another. */
    static final List<String> NAMES = Arrays.stream(DisplayProfile.values()).map(DisplayProfile::apiName).toList();

    private final DisplayProfile fallback;

    DisplayProfiles(DisplayProperties properties) {
        this.fallback = properties.profile();
    }

    DisplayProfile fallback() {
        return fallback;
    }

    public DisplayProfile chosen(String profile) {
        if (profile == null) {
            return fallback;
        }
        return DisplayProfile.byApiName(profile)
                .orElseThrow(() -> new InvalidCampaignInput(List.of(FieldError.oneOf("profile", NAMES))));
    }
}
