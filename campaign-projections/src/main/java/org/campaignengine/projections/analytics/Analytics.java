package org.campaignengine.projections.analytics;

/**
 * One campaign's analytics (the lifecycle rules' read models), in the shape the API answers. Rates are fractions from
 * 0; the engagement rate never exceeds 1, the click-through rate may (a contact can click twice).
 * {@code voice} is set only for a VOICE campaign and is null for every other channel (the field is always
 * present in the JSON answer, as null), so a client tells "no dials yet" from "a channel that never dials".
 */
public record Analytics(SendStatus sendStatus, Engagement engagement, Responses responses, long costMicros,
                        double clickThroughRate, Recipients recipients, Voice voice) {

    /** Messages sent, delivered, undelivered, and the rest (no receipt yet, or retrying). */
    public record SendStatus(long total, long succeeded, long failed, long pending) {
    }

    /** Distinct contacts; {@code rate} is the share of messaged contacts who replied. */
    public record Engagement(long messaged, long responded, long optedOut, double rate) {
    }

    /** Reply counts by who replied; the exact median agent response time, null before the first one. */
    public record Responses(long contact, long agent, long bot, Double medianAgentResponseSeconds) {
    }

    /** Contacts messaged out of the contact list's size. */
    public record Recipients(long sent, long total) {
    }

    /** A VOICE campaign's calls placed, contacts of the list not yet dialed, and callers logged in now. */
    public record Voice(long dials, long remaining, long callersLoggedIn) {
    }
}
