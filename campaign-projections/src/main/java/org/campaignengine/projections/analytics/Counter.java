package org.campaignengine.projections.analytics;

import org.campaignengine.projections.tables.Saturating;

/** The running counters of a campaign's analytics row, each named by its column. */
enum Counter {
    MESSAGES("messages"),
    DELIVERED("delivered"),
    UNDELIVERED("undelivered"),
    CONTACTS_MESSAGED("contacts_messaged"),
    CONTACTS_RESPONDED("contacts_responded"),
    /** Contacts who were messaged and replied: the engagement rate's numerator, so it never exceeds 1. */
    CONTACTS_ENGAGED("contacts_engaged"),
    CONTACTS_OPTED_OUT("contacts_opted_out"),
    CONTACT_REPLIES("contact_replies"),
    AGENT_REPLIES("agent_replies"),
    BOT_REPLIES("bot_replies"),
    /** How many agent response times the histogram holds. */
    RESPONSE_SAMPLES("response_samples"),
    COST_MICROS("cost_micros"),
    LINK_CLICKS("link_clicks"),
    DIALS("dials"),
    CONTACTS_DIALED("contacts_dialed"),
    CALLERS_LOGGED_IN("callers_logged_in"),
    /** Activity records applied: the intake's {@code activityVersion} a read may wait for. */
    ACTIVITY_RECORDS("activity_records");

    final String column;

    Counter(String column) {
        this.column = column;
    }

    /** What a batch of activity adds to each counter (negative when a receipt or logout moves one). */
    static final class Deltas {
        private final long[] values = new long[values().length];

        void add(Counter counter, long amount) {
            values[counter.ordinal()] = Saturating.add(values[counter.ordinal()], amount);
        }

        long get(Counter counter) {
            return values[counter.ordinal()];
        }

        boolean isEmpty() {
            for (long value : values) {
                if (value != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
