package org.campaignengine.projections.conversations;

/**
 * A page of a campaign's conversations, most recent activity first. {@code section} null lists every
 * section; {@code q} (name or phone, ignoring case and surrounding blanks) and {@code tag} (exact) narrow
 * it when not blank.
 */
public record ListConversations(String campaignId, Section section, String q, String tag, int page, int size) {
}
