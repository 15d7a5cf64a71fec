package org.campaignengine.domain.campaign;

/** What the sending and calling services report (the lifecycle rules' activity rules), each with the direction the rules read. */
public enum ActivityType {
    MESSAGE_SENT(Direction.OUTBOUND),
    MESSAGE_DELIVERED(Direction.RECEIPT),
    MESSAGE_UNDELIVERED(Direction.RECEIPT),
    MESSAGE_RETRYING(Direction.RECEIPT),
    REPLY_RECEIVED(Direction.INBOUND),
    AGENT_REPLIED(Direction.OUTBOUND),
    BOT_REPLIED(Direction.OUTBOUND),
    OPTED_OUT(Direction.INBOUND),
    LINK_CLICKED(Direction.INBOUND),
    COST_INCURRED(Direction.RECEIPT),
    CALL_PLACED(Direction.OUTBOUND),
    CALL_CONNECTED(Direction.RECEIPT),
    CALL_COMPLETED(Direction.RECEIPT),
    CALLER_LOGGED_IN(Direction.OUTBOUND),
    CALLER_LOGGED_OUT(Direction.RECEIPT),
    NEEDS_ATTENTION_SET(Direction.INBOUND),
    NEEDS_ATTENTION_CLEARED(Direction.INBOUND),
    OPERATED_BY_CHANGED(Direction.INBOUND),
    CONVERSATION_TAGGED(Direction.INBOUND);

    /**
     * Outbound reaches contacts (or readies callers to); inbound comes from contacts or manages their
     * conversations; receipts report on earlier sends and are accepted for as long as analytics need them.
     */
    public enum Direction {
        OUTBOUND,
        INBOUND,
        RECEIPT
    }

    private final Direction direction;

    ActivityType(Direction direction) {
        this.direction = direction;
    }

    public Direction direction() {
        return direction;
    }

    /** Outbound and inbound activity keep a campaign alive; receipts do not (the lifecycle rules' time rules). */
    public boolean resetsInactivity() {
        return direction != Direction.RECEIPT;
    }
}
