package org.campaignengine.api.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.audit.AuditTrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A campaign's history and activity as one file, archived campaigns included (the lifecycle rules' history and audit): first its
 * lifecycle events in stream order, then every activity record it accepted, batch by batch. Written as it
 * is read: one stored event at a time is in memory, however much activity the campaign had.
 */
public class CampaignExport {

    public enum Format {
        JSONL("application/x-ndjson", "jsonl"),
        CSV("text/csv", "csv");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Optional<Format> parse(String text) {
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(text)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    static final List<String> CSV_COLUMNS = List.of("kind", "sequence", "type", "occurredAt", "recordedAt", "actor",
            "requestId", "recordId", "erased", "data");

    private final CampaignHistory history;
    private final AuditTrail trail;
    private final StoredBatches batches;
    private final ObjectMapper json;
    private final PersonalData personal;

    public CampaignExport(CampaignHistory history, AuditTrail trail, StoredBatches batches, ObjectMapper json,
                          PersonalData personal) {
        this.history = history;
        this.trail = trail;
        this.batches = batches;
        this.json = json;
        this.personal = personal;
    }

    public void write(String campaignId, Format format, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Lines lines = format == Format.CSV ? new CsvLines(writer, json) : new JsonLines(writer, json);
        try {
            lines.header();
            history.forEach(campaignId, entry -> lines.event(entry));
            List<AuditTrail.Stored> batches = new ArrayList<>();
            trail.activityBatches(campaignId, batches::add);
            for (AuditTrail.Stored batch : batches) {
                writeBatch(this.batches.of(campaignId, batch), lines);
                lines.flush();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        lines.flush();
    }

    private void writeBatch(StoredBatches.Batch stored, Lines lines) {
        ActivityRecorded batch = stored.event();
        PersonalData.Opener opener = personal.opener(batch.records().stream()
                .filter(r -> r.contactId() != null && (r.contactName() != null || r.phone() != null))
                .map(r -> r.contactId().value()).distinct().toList());
        for (ActivityRecord record : batch.records()) {
            Opened opened = Opened.of(record, opener);
            lines.activity(opened.record(), opened.erased(), stored.recordedAt(),
                    text(stored.metaData().get(CampaignHistory.ACTOR)),
                    text(stored.metaData().get(CampaignHistory.REQUEST_ID)));
        }
    }

    /** A record with its contact's name and phone opened; {@code erased} once the contact was forgotten. */
    private record Opened(ActivityRecord record, boolean erased) {

        static Opened of(ActivityRecord r, PersonalData.Opener opener) {
            if (r.contactId() == null || (r.contactName() == null && r.phone() == null)) {
                return new Opened(r, false);
            }
            PersonalData.Revealed name = opener.open(r.contactId().value(), r.contactName());
            PersonalData.Revealed phone = opener.open(r.contactId().value(), r.phone());
            return new Opened(new ActivityRecord(r.recordId(), r.type(), r.at(), r.contactId(), name.text(), phone.text(),
                    r.messageId(), r.reason(), r.costMicros(), r.callerId(), r.tags(), r.operatedBy()),
                    name.erased() || phone.erased());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    interface Lines {
        void header();

        void event(CampaignHistory.Entry entry);

        void activity(ActivityRecord record, boolean erased, Instant recordedAt, String actor, String requestId);

        void flush() throws IOException;
    }

    /** One JSON object per line, {@code kind} telling an event from an activity record. */
    private record JsonLines(Writer out, ObjectMapper json) implements Lines {

        @Override
        public void header() {
        }

        @Override
        public void event(CampaignHistory.Entry entry) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", "event");
            line.put("sequence", entry.sequence());
            line.put("type", entry.type());
            line.put("occurredAt", entry.occurredAt());
            line.put("actor", entry.actor());
            line.put("requestId", entry.requestId());
            line.put("payload", entry.payload());
            write(line);
        }

        @Override
        public void activity(ActivityRecord record, boolean erased, Instant recordedAt, String actor, String requestId) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", "activity");
            line.put("erased", erased);
            line.put("recordedAt", recordedAt);
            line.put("actor", actor);
            line.put("requestId", requestId);
            line.put("record", record);
            write(line);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private void write(Map<String, Object> line) {
            try {
                out.write(json.writeValueAsString(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * RFC 4180 rows under a header; {@code data} holds the event's payload or the record as JSON. A field is
     * quoted only when it holds a comma, a quote or a line break. Jackson's strict check looks for the line
     * separator's first character (the CR of CRLF), so a text with a bare LF is quoted explicitly.
     */
    static final class CsvLines implements Lines {

        private static final CsvMapper CSV = new CsvMapper();
        private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\r\n");

        private final CsvGenerator out;
        private final ObjectMapper json;

        CsvLines(Writer writer, ObjectMapper json) {
            try {
                this.out = CSV.getFactory().createGenerator(writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.setSchema(ROWS);
            out.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
            this.json = json;
        }

        @Override
        public void header() {
            row(CSV_COLUMNS);
        }

        @Override
        public void event(CampaignHistory.Entry entry) {
            row(List.of("event", Long.toString(entry.sequence()), entry.type(), entry.occurredAt().toString(), "",
                    nonNull(entry.actor()), nonNull(entry.requestId()), "", "", entry.payload().toString()));
        }

        @Override
        public void activity(ActivityRecord record, boolean erased, Instant recordedAt, String actor, String requestId) {
            try {
                row(List.of("activity", "", record.type().name(), record.at() == null ? "" : record.at().toString(),
                        recordedAt.toString(), nonNull(actor), nonNull(requestId), record.recordId(),
                        Boolean.toString(erased), json.writeValueAsString(record)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private void row(List<String> fields) {
            try {
                out.writeStartArray();
                for (String field : fields) {
                    out.configure(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, field.indexOf('\n') >= 0);
                    out.writeString(field);
                }
                out.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String nonNull(String text) {
            return text == null ? "" : text;
        }
    }
}
