package org.campaignengine.api.eventstore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Appends events with Axon's own statement ({@link JdbcEventStorageEngineStatements#appendEvents}) and, on the
 * same connection and so in the same transaction, the link of each ({@link EventLinks}) to {@code event_link}.
 * On PostgreSQL both rows of an event are one statement (Axon's insert as a common table expression of the
 * link's): one round trip an append instead of two.
 * The link covers the serialized forms Axon stores: a message serializes its payload and metadata once per
 * serializer and keeps them, and the serializer writes the same bytes for the same event.
 * Each chain is one aggregate's stream, so appends to different campaigns never wait for each other; two
 * nodes appending to one campaign collide on its sequence in Axon's own insert, which runs first, and the
 * loser's append fails whole as a {@code ConcurrencyException}.
 */
public class ChainedAppend implements AppendEventsStatementBuilder {

    public static final String INSERT_LINK = "INSERT INTO event_link (event_id, chain_id, chain_seq, link) VALUES (?, ?, ?, ?)";

    private record Last(long sequence, String link) {
    }

    /** An event as Axon stores it, its serialized payload and metadata, and its link. */
    private record Linked(DomainEventMessage<?> event, SerializedObject<?> payload, SerializedObject<?> metaData,
                          String link) {
    }

    private final ChainHeads heads;
    private volatile Boolean oneStatement;

    /** An append that reads the link before each stream's first event in it. */
    public ChainedAppend() {
        this(null);
    }

    /** An append that chains from the links {@code heads} remembers and tells it the links it committed. */
    public ChainedAppend(ChainHeads heads) {
        this.heads = heads;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (oneStatement == null) {
            oneStatement = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        OneTripCommit oneTrip = oneStatement ? OneTripCommit.current() : null;
        if (oneTrip != null) {
            // an append the transaction holds goes first: its stream's link and its place in the store
            oneTrip.flush();
        }
        List<Linked> linked = link(connection, events, serializer, dataType);
        if (oneStatement) {
            String append = "WITH appended AS (INSERT INTO " + schema.domainEventTable() + " ("
                    + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)) " + INSERT_LINK;
            if (oneTrip != null && linked.size() == 1) {
                Linked row = linked.get(0);
                return oneTrip.hold((onConnection, thenCommit) -> bound(onConnection.prepareStatement(
                        thenCommit ? append + "; COMMIT" : append), row, timestampWriter), row.event());
            }
            return batched(connection.prepareStatement(append), linked, timestampWriter);
        }
        PreparedStatement append = JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events,
                serializer, timestampWriter);
        try {
            return linkedAfter(append, batched(connection.prepareStatement(INSERT_LINK), linked, null));
        } catch (SQLException | RuntimeException e) {
            append.close();
            throw e;
        }
    }

    /** Each event with its link, chained in order; once the append has committed, {@link #heads} remembers them. */
    private List<Linked> link(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer,
                              Class<?> dataType) throws SQLException {
        List<Linked> linked = new ArrayList<>(events.size());
        // an event of no aggregate is a one-event chain at sequence 0, linked from the genesis: only aggregates'
        // chains can continue within the batch, and only theirs are remembered
        Map<String, Last> aggregates = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            String chain = event.getAggregateIdentifier();
            long sequence = event.getSequenceNumber();
            String link = EventLinks.link(previous(connection, aggregates, chain, sequence), new EventLinks.Row(
                    event.getIdentifier(), chain, sequence, event.getType(),
                    DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), bytes(payload), bytes(metaData)));
            if (message instanceof DomainEventMessage<?>) {
                aggregates.put(chain, new Last(sequence, link));
            }
            linked.add(new Linked(event, payload, metaData, link));
        }
        rememberOnCommit(aggregates);
        return linked;
    }

    /**
     * {@code statement} with a batch entry for each event: its link's columns, after Axon's own columns in the order
     * of Axon's statement if {@code timestampWriter} is given (the one-statement append).
     */
    private static PreparedStatement batched(PreparedStatement statement, List<Linked> linked,
                                             TimestampWriter timestampWriter) throws SQLException {
        return closedIfFails(statement, batch -> {
            for (Linked row : linked) {
                bind(batch, row, timestampWriter);
                batch.addBatch();
            }
        });
    }

    /** {@code statement} with {@code row}'s values, as {@link #batched} binds each. */
    private static PreparedStatement bound(PreparedStatement statement, Linked row, TimestampWriter timestampWriter)
            throws SQLException {
        return closedIfFails(statement, one -> bind(one, row, timestampWriter));
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** {@code statement} once {@code binding} has set its values; closed if that fails. */
    private static PreparedStatement closedIfFails(PreparedStatement statement, Binding binding)
            throws SQLException {
        try {
            binding.bind(statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Linked row, TimestampWriter timestampWriter)
            throws SQLException {
        int at = timestampWriter == null ? 1 : 10;
        DomainEventMessage<?> event = row.event();
        if (timestampWriter != null) {
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, row.payload().getType().getName());
            statement.setString(7, row.payload().getType().getRevision());
            statement.setObject(8, row.payload().getData());
            statement.setObject(9, row.metaData().getData());
        }
        statement.setString(at, event.getIdentifier());
        statement.setString(at + 1, event.getAggregateIdentifier());
        statement.setLong(at + 2, event.getSequenceNumber());
        statement.setString(at + 3, row.link());
    }

    /**
     * Once the append's transaction has committed, {@link #heads} remembers each aggregate's stream's newest link
     * (not the one-event streams of events of no aggregate, which nothing appends to again).
     */
    private void rememberOnCommit(Map<String, Last> chains) {
        if (heads != null && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> chains.forEach((chain, last) ->
                    heads.committed(chain, last.sequence(), last.link())));
        }
    }

    /**
     * Axon's statement, whose batch writes the links once Axon's own rows are in. A taken sequence so fails on
     * Axon's insert, where Axon reads a duplicate key as a {@code ConcurrencyException} (409, or a retry), not
     * while the statement is being built, where any failure is an opaque {@code JdbcException} (a 500).
     */
    private static PreparedStatement linkedAfter(PreparedStatement append, PreparedStatement links) {
        return (PreparedStatement) Proxy.newProxyInstance(ChainedAppend.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    try {
                        switch (method.getName()) {
                            case "executeBatch" -> {
                                int[] appended = append.executeBatch();
                                links.executeBatch();
                                return appended;
                            }
                            case "close" -> {
                                try (append) {
                                    links.close();
                                }
                                return null;
                            }
                            default -> {
                                return method.invoke(append, args);
                            }
                        }
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * The link before {@code sequence}: from this append, else as this node remembers it ({@link ChainHeads}), else
     * as stored; a chain starts at {@link EventLinks#GENESIS}.
     */
    private String previous(Connection connection, Map<String, Last> chains, String chain, long sequence)
            throws SQLException {
        Last last = chains.get(chain);
        if (last != null && last.sequence() == sequence - 1) {
            return last.link();
        }
        if (sequence == 0) {
            return EventLinks.GENESIS;
        }
        String known = heads == null ? null : heads.link(chain, sequence - 1);
        if (known != null) {
            return known;
        }
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT link FROM event_link WHERE chain_id = ? AND chain_seq = ?")) {
            find.setString(1, chain);
            find.setLong(2, sequence - 1);
            try (ResultSet rs = find.executeQuery()) {
                // a chain whose earlier link is missing is linked from the start; verify names the break
                return rs.next() ? rs.getString(1) : EventLinks.GENESIS;
            }
        }
    }

    private static byte[] bytes(SerializedObject<?> serialized) {
        Object data = serialized.getData();
        if (data instanceof byte[] raw) {
            return raw;
        }
        throw new IllegalStateException("events are stored as bytes (BYTEA or BLOB), not " + data.getClass());
    }

    /** As Axon stores an event of no aggregate: a stream of its own, named by the event's id, at sequence 0. */
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
