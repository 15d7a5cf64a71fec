package org.campaignengine.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Campaigns written straight into the event store as the engine would have stored them (the approved
 * JSON of {@code Created}, {@code Scheduled} and {@code Archived}): the read models are then built
 * from them by the engine's own processors, which is itself measured. Writing a million campaigns
 * through the command API would take the bench longer than the engine's read side it measures.
 */
final class SyntheticHistory {

    private static final String EVENT = "org.campaignengine.domain.campaign.CampaignEvent$";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"canvass", "turnout", "volunteers", "donors", "reminder", "survey",
            "outreach", "gotv", "petition", "townhall"};

    private final Random random = new Random(42);
    private final byte[] metaData = "{\"actor\":\"bench\",\"requestId\":\"bench-history\"}".getBytes(StandardCharsets.UTF_8);
    private long events;

    private final Instant start = Instant.now().minus(Duration.ofDays(400));
    private int next;

    /** The history's campaigns name {@code office-0} to {@code office-19} in turn; the CRUD comparison's too. */
    static String office(long i) {
        return "office-" + (i % 20);
    }

    /**
     * Writes {@code count} live campaigns (drafts, a fifth of them scheduled), or archived drafts when
     * {@code archived}; answers the events written by this call. Calls continue one another's numbering
     * (names and timestamps stay apart), and each event's {@code globalIndex} comes from the store's own
     * sequence, so a second call appends after the first's events (and after the engine's, if it ran
     * between them) like any other writer.
     */
    long write(Connection c, int count, boolean archived) throws Exception {
        long before = events;
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier, "
                + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                + "VALUES (?, ?, 'Campaign', ?, ?, ?, '1', ?, ?)")) {
            for (int n = 0; n < count; n++) {
                int i = next++;
                String id = UUID.randomUUID().toString();
                Instant at = start.plusSeconds(i * 13L);
                add(insert, id, 0, "Created", created(id, i), at);
                if (archived) {
                    add(insert, id, 1, "Archived", Map.of("campaignId", id, "reason", "MANUAL",
                            "releasedNumbers", new Object[0]), at.plusSeconds(60));
                } else if (i % 5 == 0) {
                    add(insert, id, 1, "Scheduled", Map.of("campaignId", id,
                            "launchAt", Instant.now().plus(Duration.ofDays(1 + i % 60)).toString()), at.plusSeconds(60));
                }
                if (n % 2_000 == 1_999) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return events - before;
    }

    private Map<String, Object> created(String id, int i) {
        String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
        Map<String, Object> settings = Map.of("name", name, "office", office(i),
                "tags", new String[] {WORDS[i % WORDS.length]},
                "contactList", Map.of("id", "list-" + i, "name", "List " + i, "size", 100 + random.nextInt(10_000)),
                "initialMessage", "Hello from " + name, "timeZone", "UTC",
                "openHours", Map.of("from", "09:00", "to", "21:00"), "areaCodes", new String[] {"212"},
                "phoneNumberMode", "SINGLE_USE");
        return Map.of("campaignId", id, "channel", i % 4 == 0 ? "VOICE" : "SMS", "settings", settings);
    }

    private void add(PreparedStatement insert, String id, long sequence, String type, Object payload, Instant at)
            throws SQLException {
        try {
            insert.setString(1, id);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, metaData);
            insert.setBytes(5, JSON.writeValueAsBytes(payload));
            insert.setString(6, EVENT + type);
            insert.setString(7, at.toString());
            insert.addBatch();
            events++;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
