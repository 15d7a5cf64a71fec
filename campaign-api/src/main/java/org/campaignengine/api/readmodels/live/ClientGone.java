package org.campaignengine.api.readmodels.live;

/**
 * Thrown by a stream's sender when a write to its client failed because the client went away: the stream
 * leaves the hub at once, whether or not the web server reports the broken connection as well.
 */
public final class ClientGone extends RuntimeException {

    public ClientGone(Throwable cause) {
        super("the client of a live stream went away", cause, false, false);
    }
}
