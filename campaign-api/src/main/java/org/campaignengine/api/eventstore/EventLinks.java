package org.campaignengine.api.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The tamper evidence's arithmetic (issue 10). Every stored event is a link of its aggregate's chain: the
 * SHA-256 of the previous link and of every column of the event's row as stored (identity, aggregate and
 * sequence, type, time, payload type and revision, payload bytes and metadata bytes), each field length-
 * prefixed so no two rows hash alike. An event of no aggregate is a chain of its own. The chains are
 * anchored together, in the order one processor saw the events, by {@link #anchor}.
 */
public final class EventLinks {

    /** The link before a chain's first event. */
    public static final String GENESIS = "0".repeat(64);

    /** One row of the event table, as the hash covers it. */
    public record Row(String eventId, String aggregateId, long sequence, String type, String timeStamp,
                      String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        /** The stored payload as the event serializer reads it back. */
        public SerializedObject<byte[]> serializedPayload() {
            return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
        }
    }

    private EventLinks() {
    }

    public static String link(String previous, Row row) {
        MessageDigest digest = sha256();
        field(digest, previous.getBytes(StandardCharsets.US_ASCII));
        field(digest, text(row.eventId()));
        field(digest, text(row.aggregateId()));
        field(digest, text(Long.toString(row.sequence())));
        field(digest, text(row.type()));
        field(digest, text(row.timeStamp()));
        field(digest, text(row.payloadType()));
        field(digest, text(row.payloadRevision()));
        field(digest, row.payload());
        field(digest, row.metaData());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The anchor after {@code previous} once the event whose link is {@code link} is anchored. */
    public static String anchor(String previous, String link) {
        MessageDigest digest = sha256();
        field(digest, previous.getBytes(StandardCharsets.US_ASCII));
        field(digest, link.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** A null field hashes as length -1, an empty one as length 0. */
    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
