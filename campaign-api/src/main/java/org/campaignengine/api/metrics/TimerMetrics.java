package org.campaignengine.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's timers (Axon deadlines and the purge tasks, all run by db-scheduler), tagged with the
 * db-scheduler task's name ({@code task}), never with a campaign:
 * <ul>
 * <li>{@code campaign.timers.due{task}}: timers whose time has come and that no node has picked yet, and
 * {@code campaign.timers.scheduled{task}}: every timer waiting, due or not (the database's totals, the same on
 * every node; measured every {@code campaign.metrics.refresh});</li>
 * <li>{@code campaign.timers.fired{task, result}}: timers this node ran, {@code ok} or {@code failed};</li>
 * <li>{@code campaign.timers.delay{task}}: how long after its due time each started;</li>
 * <li>{@code campaign.timers.late{task}}: those that started more than {@code campaign.metrics.timer-late-after}
 * after it.</li>
 * </ul>
 */
final class TimerMetrics extends AbstractSchedulerListener {

    static final String DUE = "campaign.timers.due";
    static final String SCHEDULED = "campaign.timers.scheduled";
    static final String FIRED = "campaign.timers.fired";
    static final String DELAY = "campaign.timers.delay";
    static final String LATE = "campaign.timers.late";

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lateAfter;
    private final Gauges gauges;

    TimerMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock, Duration lateAfter) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lateAfter = lateAfter;
        this.gauges = new Gauges(registry, Map.of(
                DUE, "Timers whose time has come that no node has picked yet",
                SCHEDULED, "Timers waiting, due or not"));
    }

    @Override
    public void onExecutionStart(CurrentlyExecuting executing) {
        String task = executing.getExecution().getTaskName();
        Duration delay = Duration.between(executing.getExecution().getExecutionTime(), clock.instant());
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        Timer.builder(DELAY).description("How long after its due time a timer started").tag("task", task)
                .register(registry).record(delay);
        Counter late = Counter.builder(LATE).description("Timers started more than campaign.metrics.timer-late-after "
                + "after their due time").tag("task", task).register(registry);
        if (delay.compareTo(lateAfter) > 0) {
            late.increment();
        }
    }

    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
        Counter.builder(FIRED).description("Timers this node ran, by result")
                .tag("task", complete.getExecution().getTaskName())
                .tag("result", complete.getResult() == ExecutionComplete.Result.OK ? "ok" : "failed")
                .register(registry).increment();
    }

    /** Counts the waiting timers per task. */
    void refresh() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        gauges.begin();
        jdbc.query("SELECT task_name, SUM(CASE WHEN execution_time <= ? THEN 1 ELSE 0 END), COUNT(*) "
                + "FROM scheduled_tasks WHERE picked = FALSE GROUP BY task_name", rs -> {
                    Tags task = Tags.of("task", rs.getString(1));
                    gauges.set(DUE, task, rs.getLong(2));
                    gauges.set(SCHEDULED, task, rs.getLong(3));
                }, now);
        gauges.done(true);
    }
}
