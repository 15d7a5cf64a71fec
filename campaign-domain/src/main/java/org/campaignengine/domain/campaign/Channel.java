package org.campaignengine.domain.campaign;

/** How a campaign reaches contacts. Channel differences in the lifecycle are data in {@link Transition}. */
public enum Channel {
    SMS,
    VOICE
}
