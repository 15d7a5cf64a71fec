package org.campaignengine.api.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.activity.ActivityRequests.Activity;
import org.campaignengine.api.activity.ActivityRequests.Record;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A batch over the limit is refused as it is read, before any of its records is validated. */
class BatchLimitTest {

    private final BatchLimit limit = new BatchLimit(new EngineProperties(null, null, null, null, null,
            new EngineProperties.Activity(3, 0), null, null, null));

    @Test
    void a_batch_over_the_limit_is_refused_413_whatever_its_records_hold() {
        List<Record> invalid = new ArrayList<>(Collections.nCopies(4, (Record) null));
        assertThatThrownBy(() -> limit.afterBodyRead(new Activity(invalid), null, null, Activity.class, null))
                .isInstanceOfSatisfying(BatchTooLarge.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(e.getBody().getProperties()).containsEntry("maxRecords", 3);
                });
    }

    @Test
    void a_batch_within_the_limit_or_without_records_is_left_to_its_constraints() {
        Activity three = new Activity(new ArrayList<>(Collections.nCopies(3, (Record) null)));
        assertThat(limit.afterBodyRead(three, null, null, Activity.class, null)).isSameAs(three);
        Activity none = new Activity(null);
        assertThat(limit.afterBodyRead(none, null, null, Activity.class, null)).isSameAs(none);
    }
}
