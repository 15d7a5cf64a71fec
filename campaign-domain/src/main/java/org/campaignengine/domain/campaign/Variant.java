package org.campaignengine.domain.campaign;

/** One version of the initial message and the share of contacts (percent) that receive it. */
public record Variant(String message, int ratio) {
}
