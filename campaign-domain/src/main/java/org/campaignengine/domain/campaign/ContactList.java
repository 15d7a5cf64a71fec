package org.campaignengine.domain.campaign;

/** The list of contacts a campaign reaches; only its identity and size live here. */
public record ContactList(String id, String name, int size) {
}
