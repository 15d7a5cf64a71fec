package org.campaignengine.api.audit;

import java.util.Objects;

import org.axonframework.serialization.Serializer;
import org.campaignengine.api.availability.UnboundedReads;
import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.api.eventstore.EventLinks;
import org.campaignengine.projections.tables.Databases;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Recomputes the tamper evidence from the stored bytes and names the first event, by global position,
 * whose row no longer matches. Three passes, each one streamed (one row in memory): every link from its
 * event's row and the stored link before it in its chain (a changed row, or a link whose event row is
 * gone); every event row that has no link (a row added outside the engine); and the anchor chain from the
 * stored links (a chain rewritten from some event on, links and all). A head kept elsewhere is checked
 * against the anchor recomputed at its position, which catches a rewrite that recomputed the anchors too.
 * Then the audit trail is compared with the store ({@link TrailCheck}): what auditors list must be what
 * was stored.
 */
public class ChainVerifier {

    /** An event whose stored form does not match; {@code globalIndex} null if its row is gone and it was never anchored. */
    @Schema(name = "BadEvent", description = "The first stored event that no longer matches its chain.")
    public record BadEvent(
            @Schema(description = "Its global position; null if its row is gone and it was never anchored.",
                    example = "812", nullable = true) Long globalIndex,
            @Schema(description = "Its id.", example = "5b0d7c1e-2f4a-4e3b-8c9d-0a1b2c3d4e5f") String eventId,
            @Schema(description = "The chain it belongs to (a campaign's stream, or the events of no campaign).",
                    example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String chainId,
            @Schema(description = "Its place in that chain.", example = "4") long chainSequence,
            @Schema(description = "What does not match.", example = "its link does not match its stored bytes")
            String problem) {
    }

    /**
     * {@code events}: stored event rows checked; {@code firstBadSequence}: the global position of the first
     * bad event; {@code keptHeadMatches}: null unless a kept head was given; {@code trail}: the audit trail
     * against the store. {@code verified} only when the chain, the kept head and the trail all hold.
     */
    @Schema(name = "VerifyReport", description = "The tamper check: every link and anchor recomputed from the stored "
            + "bytes, a kept head checked if given, and the audit trail compared with the store.")
    public record Report(
            @Schema(description = "The chains, the kept head (if given) and the trail all hold.", example = "true")
            boolean verified,
            @Schema(description = "Stored event rows checked.", example = "10452") long events,
            @Schema(description = "The global position of the first bad event; null when none.", example = "812",
                    nullable = true) Long firstBadSequence,
            @Schema(description = "The first bad event; null when none.", nullable = true) BadEvent firstBad,
            @Schema(description = "Events covered by anchors.", example = "10452") long anchored,
            @Schema(description = "The anchor after the last anchored event.",
                    example = "9f2c0e4b7a1d3f5e8c6b0a2d4f6e8c0b2a4d6f8e0c2b4a6d8f0e2c4b6a8d0f2e") String head,
            @Schema(description = "Whether the kept head given as `position` and `anchor` matches; null unless one "
                    + "was given.", example = "true", nullable = true) Boolean keptHeadMatches,
            @Schema(description = "The audit trail compared with the store.") TrailCheck.Report trail) {
    }

    /** A head kept elsewhere: the anchor at {@code position}. */
    public record KeptHead(long position, String anchor) {
    }

    private static final int FETCH = 200;

    private final JdbcTemplate jdbc;
    private final AxonTables events;
    private final TransactionTemplate readOnly;
    private final TrailCheck trail;

    /** {@code tokens}: the serializer of the processors' tokens, which tell how far the audit trail has come. */
    public ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, Serializer tokens) {
        this.trail = new TrailCheck(tokens);
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.jdbc.setFetchSize(FETCH);
        this.events = new AxonTables(this.jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The whole store, in one read-only transaction (so PostgreSQL streams with a cursor), without a time limit
     * on the server or on the connection's reads.
     */
    public Report verify(KeptHead kept) {
        return readOnly.execute(status -> {
            if (Databases.isPostgres(jdbc)) {
                jdbc.execute("SET LOCAL statement_timeout = 0");
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    UnboundedReads.lift(connection);
                    return null;
                });
            }
            Findings findings = new Findings();
            checkLinks(findings);
            checkUnlinked(findings);
            Anchors anchors = checkAnchors(findings, kept);
            Boolean keptMatches = kept == null ? null : anchors.keptMatches;
            TrailCheck.Report listed = trail.check(jdbc);
            boolean verified = findings.first == null && !Boolean.FALSE.equals(keptMatches) && listed.matches();
            return new Report(verified, findings.events, findings.first == null ? null : findings.first.globalIndex(),
                    findings.first, anchors.count, anchors.head, keptMatches, listed);
        });
    }

    private void checkLinks(Findings findings) {
        String[] chain = {null};
        long[] sequence = {-1};
        String[] previous = {EventLinks.GENESIS};
        events.linksInChainOrder(linked -> {
            String chainId = linked.chainId();
            long chainSeq = linked.chainSequence();
            String stored = linked.link();
            boolean follows = chainId.equals(chain[0]) && chainSeq == sequence[0] + 1;
            String before = follows ? previous[0] : chainSeq == 0 ? EventLinks.GENESIS : null;
            if (linked.globalIndex() == null) {
                findings.bad(new BadEvent(linked.anchoredIndex(), linked.eventId(), chainId, chainSeq,
                        "the event's row is gone"));
            } else {
                findings.events++;
                if (before == null) {
                    findings.bad(new BadEvent(linked.globalIndex(), linked.eventId(), chainId, chainSeq,
                            "the event before it in its chain is gone"));
                } else if (!EventLinks.link(before, linked.row()).equals(stored)) {
                    findings.bad(new BadEvent(linked.globalIndex(), linked.eventId(), chainId, chainSeq,
                            "its stored bytes no longer match its link"));
                }
            }
            chain[0] = chainId;
            sequence[0] = chainSeq;
            previous[0] = stored;
        });
    }

    private void checkUnlinked(Findings findings) {
        events.unlinked(event -> {
            findings.events++;
            findings.bad(new BadEvent(event.globalIndex(), event.eventId(), event.aggregateId(), event.sequence(),
                    "it was stored without a link (outside the engine)"));
        });
    }

    private static final class Anchors {
        long count;
        String head = EventLinks.GENESIS;
        Boolean keptMatches;
    }

    private Anchors checkAnchors(Findings findings, KeptHead kept) {
        Anchors anchors = new Anchors();
        if (kept != null) {
            anchors.keptMatches = kept.position() == 0 && EventLinks.GENESIS.equals(kept.anchor()) ? Boolean.TRUE : Boolean.FALSE;
        }
        jdbc.query("SELECT a.position, a.event_id, a.global_index, a.anchor, l.link, l.chain_id, l.chain_seq "
                + "FROM chain_anchor a LEFT JOIN event_link l ON l.event_id = a.event_id ORDER BY a.position", rs -> {
            String link = rs.getString("link");
            anchors.head = EventLinks.anchor(anchors.head, link == null ? EventLinks.GENESIS : link);
            anchors.count++;
            long position = rs.getLong("position");
            if (position != anchors.count || !anchors.head.equals(rs.getString("anchor"))) {
                findings.bad(new BadEvent(rs.getLong("global_index"), rs.getString("event_id"), rs.getString("chain_id"),
                        rs.getLong("chain_seq"), "its anchor no longer matches: its chain was rewritten from here on"));
            }
            if (kept != null && position == kept.position()) {
                anchors.keptMatches = anchors.head.equals(kept.anchor());
            }
        });
        return anchors;
    }

    /** Counts the rows checked and keeps the bad event with the lowest global position. */
    private static final class Findings {
        long events;
        BadEvent first;

        void bad(BadEvent event) {
            if (first == null || (event.globalIndex() != null
                    && (first.globalIndex() == null || event.globalIndex() < first.globalIndex()))) {
                first = event;
            }
        }
    }
}
