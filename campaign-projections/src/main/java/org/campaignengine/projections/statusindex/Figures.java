package org.campaignengine.projections.statusindex;

import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.tables.Saturating;

/**
 * A campaign's running figures as the status index keeps them (the lifecycle rules' read models): counted as activity
 * arrives, never at query time. {@code contactsMessaged} and {@code contactsDialed} count distinct
 * contacts; {@code contactsTotal} is the size of the campaign's contact list.
 */
public record Figures(
        int contactsTotal,
        long contactsMessaged,
        long contactsDialed,
        long messagesDelivered,
        long linksClicked,
        long costMicros,
        int callersLoggedIn) {

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

    /** Clicks per delivered message; 0 before anything was delivered. */
    public double clickThroughRate() {
        return messagesDelivered == 0 ? 0 : (double) linksClicked / messagesDelivered;
    }

    /** Contacts of a voice campaign not dialed yet; none for SMS, where no one dials. */
    public Long dialsRemaining(Channel channel) {
        return channel == Channel.VOICE ? Math.max(0, contactsTotal - contactsDialed) : null;
    }

    Figures withContactsTotal(int total) {
        return new Figures(total, contactsMessaged, contactsDialed, messagesDelivered, linksClicked, costMicros,
                callersLoggedIn);
    }

    /** These figures plus a batch's; sums saturate ({@link Saturating}), so no report can break the index. */
    Figures plus(Figures batch) {
        return new Figures(contactsTotal,
                Saturating.add(contactsMessaged, batch.contactsMessaged),
                Saturating.add(contactsDialed, batch.contactsDialed),
                Saturating.add(messagesDelivered, batch.messagesDelivered),
                Saturating.add(linksClicked, batch.linksClicked),
                Saturating.add(costMicros, batch.costMicros),
                Math.max(0, callersLoggedIn + batch.callersLoggedIn));
    }
}
