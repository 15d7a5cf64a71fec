package org.campaignengine.domain.campaign;

/** What the campaign makes of one record of a batch, before the activity store has been asked anything. */
public sealed interface ActivityVerdict {

    /** The record counts, unless the activity store kept its id before. */
    record Accepted() implements ActivityVerdict {
    }

    /** An earlier record of the same batch, with the same id, counts already. */
    record DuplicateInBatch() implements ActivityVerdict {
    }

    /** The lifecycle or the record's shape refuses it, for this reason. */
    record Refused(String reason) implements ActivityVerdict {
    }

    ActivityVerdict ACCEPTED = new Accepted();
    ActivityVerdict DUPLICATE_IN_BATCH = new DuplicateInBatch();
}
