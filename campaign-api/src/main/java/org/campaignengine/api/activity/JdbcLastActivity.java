package org.campaignengine.api.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.LastActivity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The campaign's last activity in {@code campaign_last_activity}, one row per campaign moved forward in
 * place, so it stays one row however many batches arrive. The row is locked by the batch that moves it
 * until its transaction ends; batches of one campaign already queue on its aggregate on each node.
 */
public class JdbcLastActivity implements LastActivity {

    private static final String MOVE = "UPDATE campaign_last_activity SET last_activity_at = "
            + "GREATEST(last_activity_at, ?) WHERE campaign_id = ?";

    private final JdbcTemplate jdbc;
    private final RowPerCampaign rows;

    public JdbcLastActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new RowPerCampaign(jdbc);
    }

    @Override
    public Optional<Instant> lastActivityAt(CampaignId campaign) {
        List<OffsetDateTime> last = jdbc.queryForList(
                "SELECT last_activity_at FROM campaign_last_activity WHERE campaign_id = ?", OffsetDateTime.class,
                campaign.value());
        return last.stream().findFirst().map(OffsetDateTime::toInstant);
    }

    /** Moves the campaign's last activity to {@code at}, unless it is later already. */
    void note(CampaignId campaign, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        rows.move(MOVE, new Object[] {time, campaign.value()},
                "INSERT INTO campaign_last_activity (campaign_id, last_activity_at) VALUES (?, ?)", campaign.value(), time);
    }
}
