package org.campaignengine.domain.numbers;

/**
 * The pool's answer to a reservation. A refusal is an answer, not an exception: the launch process
 * asks inside its own transaction, which a thrown exception would mark for rollback.
 */
public record Reservation(boolean granted, int held, String refusal) {

    static Reservation granted(int held) {
        return new Reservation(true, held, null);
    }

    static Reservation refused(int held, String why) {
        return new Reservation(false, held, why);
    }
}
