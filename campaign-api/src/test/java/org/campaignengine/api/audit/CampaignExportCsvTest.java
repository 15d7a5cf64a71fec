package org.campaignengine.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The export's CSV, byte for byte as clients have read it: RFC 4180, CRLF, quoted only where it must be. */
class CampaignExportCsvTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:15:30Z");
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void the_header_and_plain_fields_are_written_as_they_are_and_each_row_ends_with_crlf() throws Exception {
        StringWriter out = new StringWriter();
        CampaignExport.CsvLines lines = new CampaignExport.CsvLines(out, json);
        lines.header();
        lines.event(new CampaignHistory.Entry(0, "Created", AT, "admin", null, json.readTree("{\"name\":\"x\"}")));
        lines.flush();

        assertThat(out.toString()).isEqualTo(
                "kind,sequence,type,occurredAt,recordedAt,actor,requestId,recordId,erased,data\r\n"
                + "event,0,Created,2026-11-02T10:15:30Z,,admin,,,,\"{\"\"name\"\":\"\"x\"\"}\"\r\n");
    }

    @Test
    void a_field_is_quoted_only_when_it_holds_a_comma_a_quote_or_a_line_break() throws Exception {
        List<String> ids = List.of("plain id", " lead and trail ", "#first", "tab\there", "a,b", "say \"hi\"",
                "bare\nlf", "bare\rcr", "crlf\r\nend", "ünïcode", "");
        StringWriter out = new StringWriter();
        CampaignExport.CsvLines lines = new CampaignExport.CsvLines(out, json);
        StringBuilder expected = new StringBuilder();
        for (String id : ids) {
            ActivityRecord record = new ActivityRecord(id, ActivityType.MESSAGE_SENT, null, null, null, null, null,
                    null, null, null, List.of(), null);
            lines.activity(record, false, AT, "x y", id);
            expected.append(List.of("activity", "", "MESSAGE_SENT", "", AT.toString(), "x y", id, id, "false",
                    json.writeValueAsString(record)).stream().map(CampaignExportCsvTest::asClientsReadIt)
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        lines.flush();

        assertThat(out.toString()).isEqualTo(expected.toString());
        assertThat(out.toString()).contains(",\"bare\nlf\",", ",\"a,b\",", ",#first,", ", lead and trail ,");
    }

    /** The rule the export has always followed. */
    private static String asClientsReadIt(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
