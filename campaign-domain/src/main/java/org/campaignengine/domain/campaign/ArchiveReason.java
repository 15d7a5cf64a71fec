package org.campaignengine.domain.campaign;

public enum ArchiveReason {
    MANUAL,
    AUTO_INACTIVITY
}
