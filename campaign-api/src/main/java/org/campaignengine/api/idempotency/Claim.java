package org.campaignengine.api.idempotency;

/** One run of a keyed request: the caller's key, held by this run ({@code id}) until answered or released. */
record Claim(String principal, String key, String id) {
}
