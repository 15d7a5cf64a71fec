package org.campaignengine.bench.crud;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The baseline's campaigns: one row each, its status a column. A change reads the row, checks that its
 * status allows it, and updates it where the version is still the one read (optimistic locking, as JPA's
 * {@code @Version} would); a lost race or a status that does not allow it is a 409. Bodies and parameters are
 * checked by Bean Validation (Spring MVC's method validation), as the engine checks them.
 */
@RestController
class CrudCampaigns {

    record NewCampaign(@NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "SMS|VOICE") String channel,
                       @NotBlank @Size(max = 100) String office) {
    }

    record Rename(@NotBlank @Size(max = 200) String name) {
    }

    record Campaign(UUID id, String name, String channel, String office, String status, long version,
                    Instant createdAt, Instant updatedAt) {
    }

    record Page(List<Campaign> items, int page, int size) {
    }

    private static final String COLUMNS = "id, name, channel, office, status, version, created_at, updated_at";

    private final JdbcTemplate sql;
    private final TransactionTemplate transaction;

    CrudCampaigns(JdbcTemplate sql, TransactionTemplate transaction) {
        this.sql = sql;
        this.transaction = transaction;
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @PostMapping("/campaigns")
    ResponseEntity<Campaign> create(@Valid @RequestBody NewCampaign body) {
        Instant now = Instant.now();
        Campaign created = new Campaign(UUID.randomUUID(), body.name(), body.channel(), body.office(), "DRAFT", 0, now,
                now);
        sql.update("INSERT INTO crud_campaign (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", created.id(),
                created.name(), created.channel(), created.office(), created.status(), created.version(),
                Timestamp.from(now), Timestamp.from(now));
        return ResponseEntity.created(URI.create("/campaigns/" + created.id())).body(created);
    }

    @PostMapping("/campaigns/{id}/pause")
    Campaign pause(@PathVariable UUID id) {
        return change(id, "ACTIVE", "pause", campaign -> withStatus(campaign, "PAUSED"));
    }

    @PostMapping("/campaigns/{id}/resume")
    Campaign resume(@PathVariable UUID id) {
        return change(id, "PAUSED", "resume", campaign -> withStatus(campaign, "ACTIVE"));
    }

    @PatchMapping("/campaigns/{id}")
    Campaign rename(@PathVariable UUID id, @Valid @RequestBody Rename body) {
        return change(id, null, "rename", campaign -> new Campaign(campaign.id(), body.name(), campaign.channel(),
                campaign.office(), campaign.status(), campaign.version(), campaign.createdAt(), campaign.updatedAt()));
    }

    @GetMapping("/campaigns")
    Page page(@RequestParam(defaultValue = "name") @Pattern(regexp = "name") String sort,
              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Campaign> items = sql.query("SELECT " + COLUMNS + " FROM crud_campaign ORDER BY LOWER(name), id "
                + "LIMIT ? OFFSET ?", CrudCampaigns::row, size, (long) page * size);
        return new Page(items, page, size);
    }

    /** Reads the row, checks its status ({@code requiredStatus}, or any but ARCHIVED), writes it under its version. */
    private Campaign change(UUID id, String requiredStatus, String action, java.util.function.UnaryOperator<Campaign> edit) {
        return transaction.execute(tx -> {
            List<Campaign> found = sql.query("SELECT " + COLUMNS + " FROM crud_campaign WHERE id = ?",
                    CrudCampaigns::row, id);
            if (found.isEmpty()) {
                throw problem(HttpStatus.NOT_FOUND, "No campaign " + id);
            }
            Campaign campaign = found.get(0);
            boolean allowed = requiredStatus == null ? !campaign.status().equals("ARCHIVED")
                    : campaign.status().equals(requiredStatus);
            if (!allowed) {
                throw problem(HttpStatus.CONFLICT, "A " + campaign.status() + " campaign cannot " + action);
            }
            Campaign changed = edit.apply(campaign);
            Instant now = Instant.now();
            int updated = sql.update("UPDATE crud_campaign SET name = ?, status = ?, version = ?, updated_at = ? "
                    + "WHERE id = ? AND version = ?", changed.name(), changed.status(), campaign.version() + 1,
                    Timestamp.from(now), id, campaign.version());
            if (updated == 0) {
                throw problem(HttpStatus.CONFLICT, "The campaign changed meanwhile; read it again");
            }
            return new Campaign(id, changed.name(), changed.channel(), changed.office(), changed.status(),
                    campaign.version() + 1, campaign.createdAt(), now);
        });
    }

    private static Campaign withStatus(Campaign campaign, String status) {
        return new Campaign(campaign.id(), campaign.name(), campaign.channel(), campaign.office(), status,
                campaign.version(), campaign.createdAt(), campaign.updatedAt());
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static Campaign row(ResultSet rs, int n) throws SQLException {
        return new Campaign(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }
}
