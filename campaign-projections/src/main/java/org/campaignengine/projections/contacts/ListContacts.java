package org.campaignengine.projections.contacts;

/** A page of a campaign's contacts in contact id order; {@code delivery} null lists every contact. */
public record ListContacts(String campaignId, Delivery delivery, int page, int size) {
}
