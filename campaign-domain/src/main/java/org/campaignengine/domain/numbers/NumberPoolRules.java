package org.campaignengine.domain.numbers;

/**
 * How many numbers one 10DLC use case may hold at once (ThruText: 49). Campaigns that name no use
 * case share {@link #DEFAULT_USE_CASE}, so the limit always applies.
 */
public record NumberPoolRules(int maxPerUseCase) {

    public static final String DEFAULT_USE_CASE = "default";

    public static String useCaseOf(String useCaseId) {
        return useCaseId == null || useCaseId.isBlank() ? DEFAULT_USE_CASE : useCaseId;
    }
}
