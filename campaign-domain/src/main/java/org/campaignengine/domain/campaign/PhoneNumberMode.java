package org.campaignengine.domain.campaign;

/** Single-use numbers are bought at launch and released at archive; a reusable number stays with its owner. */
public enum PhoneNumberMode {
    SINGLE_USE,
    REUSABLE
}
