package org.campaignengine.projections.analytics;

import static org.campaignengine.projections.analytics.Counter.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.projections.analytics.States.Caller;
import org.campaignengine.projections.analytics.States.Contact;
import org.campaignengine.projections.analytics.States.Delivery;
import org.campaignengine.projections.analytics.States.Message;

/**
 * Applies one batch of a campaign's activity, record by record in the batch's order, to the states it
 * touches, and collects what the batch adds to every figure. No SQL: the states are loaded before and
 * the changes written after, so a batch of thousands costs a few statements, and these rules can be
 * read (and tested) apart from the tables.
 *
 * <p>A message is known by its {@code messageId} from its send or from its first receipt, whichever
 * arrives first: a receipt proves a send even if the send's record was lost or comes later, so it
 * counts the message then, and the send that follows does not count it again. A receipt moves a
 * message from where the latest receipt put it, unless it is older ({@code at}) than that receipt.
 * A record that does not name what it concerns (no messageId on a receipt, no contactId, no callerId)
 * still counts where it can (messages, replies, dials) and is left out of the per-contact, per-message
 * or per-caller figures it cannot be tied to.
 */
final class ActivityFold {

    final Counter.Deltas counters = new Counter.Deltas();
    final BucketDeltas buckets = new BucketDeltas();
    /** Agent response times in whole seconds, with how many of each this batch added. */
    final Map<Long, Long> responseTimes = new TreeMap<>();

    private final KeyedStates<Contact> contacts;
    private final KeyedStates<Message> messages;
    private final KeyedStates<Caller> callers;

    ActivityFold(KeyedStates<Contact> contacts, KeyedStates<Message> messages, KeyedStates<Caller> callers) {
        this.contacts = contacts;
        this.messages = messages;
        this.callers = callers;
    }

    /** A record with no {@code at} (only an old stored one could lack it) is taken as of its arrival. */
    void apply(ActivityRecord record, Instant arrivedAt) {
        Instant at = record.at() != null ? record.at() : arrivedAt;
        buckets.count(record.type(), at);
        switch (record.type()) {
            case MESSAGE_SENT -> sent(record);
            case MESSAGE_DELIVERED -> receipt(record, Delivery.DELIVERED, at);
            case MESSAGE_UNDELIVERED -> receipt(record, Delivery.UNDELIVERED, at);
            case MESSAGE_RETRYING -> receipt(record, Delivery.RETRYING, at);
            case REPLY_RECEIVED -> contactReplied(record, at);
            case AGENT_REPLIED -> agentReplied(record, at);
            case BOT_REPLIED -> counters.add(BOT_REPLIES, 1);
            case OPTED_OUT -> optedOut(record);
            case LINK_CLICKED -> counters.add(LINK_CLICKS, 1);
            case COST_INCURRED -> counters.add(COST_MICROS, record.costMicros() == null ? 0 : record.costMicros());
            case CALL_PLACED -> dialed(record);
            case CALLER_LOGGED_IN -> caller(record, true, at);
            case CALLER_LOGGED_OUT -> caller(record, false, at);
            case CALL_CONNECTED, CALL_COMPLETED, NEEDS_ATTENTION_SET, NEEDS_ATTENTION_CLEARED, OPERATED_BY_CHANGED,
                    CONVERSATION_TAGGED -> {
                // not in any analytics figure
            }
        }
    }

    private void sent(ActivityRecord record) {
        String key = record.messageId() == null ? null : Keys.of(record.messageId());
        if (key == null || messages.get(key) == null) {
            counters.add(MESSAGES, 1);
            if (key != null) {
                messages.put(key, new Message(Delivery.SENT, null));
            }
        }
        Contact contact = contact(record);
        if (contact != null && !contact.messaged()) {
            counters.add(CONTACTS_MESSAGED, 1);
            counters.add(CONTACTS_ENGAGED, contact.responded() ? 1 : 0);
            contacts.put(contactKey(record), contact.withMessaged());
        }
    }

    private void receipt(ActivityRecord record, Delivery delivery, Instant at) {
        if (record.messageId() == null) {
            return;
        }
        String key = Keys.of(record.messageId());
        Message before = messages.get(key);
        if (before == null) {
            counters.add(MESSAGES, 1);
        } else if (before.at() != null && at.isBefore(before.at())) {
            return;
        } else {
            count(before.delivery(), -1);
        }
        count(delivery, 1);
        messages.put(key, new Message(delivery, at));
    }

    private void count(Delivery delivery, long amount) {
        switch (delivery) {
            case DELIVERED -> counters.add(DELIVERED, amount);
            case UNDELIVERED -> counters.add(UNDELIVERED, amount);
            case SENT, RETRYING -> {
                // pending: the total less the delivered and the undelivered
            }
        }
    }

    /** A reply is a response; the conversation now awaits an agent from its earliest unanswered message. */
    private void contactReplied(ActivityRecord record, Instant at) {
        counters.add(CONTACT_REPLIES, 1);
        Contact contact = contact(record);
        if (contact == null) {
            return;
        }
        if (!contact.responded()) {
            counters.add(CONTACTS_RESPONDED, 1);
            counters.add(CONTACTS_ENGAGED, contact.messaged() ? 1 : 0);
            contact = contact.withResponded();
        }
        if (contact.awaitingSince() == null || at.isBefore(contact.awaitingSince())) {
            contact = contact.awaiting(at);
        }
        contacts.put(contactKey(record), contact);
    }

    /** An agent's reply answers what awaits it, if it came after; a bot's reply answers nothing. */
    private void agentReplied(ActivityRecord record, Instant at) {
        counters.add(AGENT_REPLIES, 1);
        Contact contact = contact(record);
        if (contact == null || contact.awaitingSince() == null || at.isBefore(contact.awaitingSince())) {
            return;
        }
        responseTimes.merge(Duration.between(contact.awaitingSince(), at).getSeconds(), 1L, Long::sum);
        counters.add(RESPONSE_SAMPLES, 1);
        contacts.put(contactKey(record), contact.awaiting(null));
    }

    private void optedOut(ActivityRecord record) {
        Contact contact = contact(record);
        if (contact != null && !contact.optedOut()) {
            counters.add(CONTACTS_OPTED_OUT, 1);
            contacts.put(contactKey(record), contact.withOptedOut());
        }
    }

    private void dialed(ActivityRecord record) {
        counters.add(DIALS, 1);
        Contact contact = contact(record);
        if (contact != null && !contact.dialed()) {
            counters.add(CONTACTS_DIALED, 1);
            contacts.put(contactKey(record), contact.withDialed());
        }
    }

    /** The latest login or logout (by {@code at}) decides; an older one arriving late changes nothing. */
    private void caller(ActivityRecord record, boolean loggedIn, Instant at) {
        if (record.callerId() == null) {
            return;
        }
        String key = Keys.of(record.callerId());
        Caller before = callers.get(key);
        if (before != null && at.isBefore(before.at())) {
            return;
        }
        boolean wasLoggedIn = before != null && before.loggedIn();
        if (wasLoggedIn != loggedIn) {
            counters.add(CALLERS_LOGGED_IN, loggedIn ? 1 : -1);
        }
        callers.put(key, new Caller(loggedIn, at));
    }

    private Contact contact(ActivityRecord record) {
        if (record.contactId() == null) {
            return null;
        }
        Contact contact = contacts.get(contactKey(record));
        return contact == null ? Contact.NEW : contact;
    }

    private static String contactKey(ActivityRecord record) {
        return Keys.of(record.contactId().value());
    }
}
