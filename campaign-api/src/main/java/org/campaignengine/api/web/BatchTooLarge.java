package org.campaignengine.api.web;

/** An activity batch over the configured size: answered 413, and nothing of it is recorded. */
class BatchTooLarge extends RuntimeException {

    final int size;
    final int max;

    BatchTooLarge(int size, int max) {
        super("a batch holds at most " + max + " records; this one has " + size, null, false, false);
        this.size = size;
        this.max = max;
    }
}
