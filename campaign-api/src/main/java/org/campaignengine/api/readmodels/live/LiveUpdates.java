package org.campaignengine.api.readmodels.live;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The node's live-update hub. While a stream is open it holds one subscription to the read models' changes
 * ({@link WatchCampaigns}, emitted once each change has committed), reads each changed row or figures once
 * on its own reader thread and hands the result to every open stream whose caller may see it. A campaign
 * that changes again before its change was read is read once for both. The emitting event processor only
 * notes the change, so it never waits for a read or a stream. Each stream holds at most {@link #BUFFER}
 * updates; one that falls further behind is dropped ({@link LiveStream}). While the node runs, every stream
 * is sent a {@link LiveUpdate.KeepAlive} every {@code campaign.live.keep-alive}, so one whose client went
 * away ends when the write to it fails.
 */
@Component
public class LiveUpdates implements SmartLifecycle, DisposableBean {

    public static final int BUFFER = 256;
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final QueryGateway queries;
    private final Set<LiveStream> streams = new CopyOnWriteArraySet<>();
    private final Set<CampaignChanged> unread = ConcurrentHashMap.newKeySet();
    private final ChangeReader reader;
    private final Scheduler reading = Schedulers.newSingle("live-updates", true);
    private final ExecutorService sending = Executors.newCachedThreadPool(daemons("live-stream-"));
    /** Disposing a sender never interrupts a write in progress (unlike a scheduler that owns its executor). */
    private final Scheduler senders = Schedulers.fromExecutor(sending);
    private final AtomicLong overflows = new AtomicLong();
    private final Duration keepAlive;
    private Disposable keepingAlive;
    private SubscriptionQueryResult<String, CampaignChanged> subscription;
    private Disposable listening;
    private volatile boolean running;
    private boolean stopped;

    public LiveUpdates(QueryGateway queries) {
        this(queries, KEEP_ALIVE);
    }

    @Autowired
    public LiveUpdates(QueryGateway queries, @Value("${campaign.live.keep-alive:PT20S}") Duration keepAlive) {
        this.queries = queries;
        this.reader = new ChangeReader(queries);
        this.keepAlive = keepAlive;
    }

    /**
     * Opens a stream for a caller who sees {@code offices} (all when null): {@code send} writes one update to
     * its client, {@code end} ends it when it fell a full buffer behind or the node stops. Dispose the stream
     * when its client goes away.
     */
    public synchronized LiveStream open(Set<String> offices, Consumer<LiveUpdate> send, Runnable end) {
        if (stopped) {
            LiveStream closing = new LiveStream(offices, BUFFER, senders, send, end, () -> { });
            closing.end();
            return closing;
        }
        if (listening == null) {
            subscription = queries.subscriptionQuery(WatchCampaigns.class.getName(), new WatchCampaigns(),
                    ResponseTypes.instanceOf(String.class), ResponseTypes.instanceOf(CampaignChanged.class), BUFFER);
            listening = subscription.updates().subscribe(this::changed);
        }
        LiveStream[] opened = new LiveStream[1];
        opened[0] = new LiveStream(offices, BUFFER, senders, send, end, () -> close(opened[0]));
        streams.add(opened[0]);
        return opened[0];
    }

    private synchronized void close(LiveStream stream) {
        if (streams.remove(stream) && streams.isEmpty() && listening != null) {
            listening.dispose();
            subscription.close();
            listening = null;
        }
    }

    /** On the committing processor's thread: notes the change for the reader and returns at once. */
    void changed(CampaignChanged change) {
        if (!ChangeReader.streamed(change.readModel()) || !unread.add(change)) {
            return;
        }
        try {
            reading.schedule(() -> {
                unread.remove(change);
                reader.read(change).ifPresent(this::fanOut);
            });
        } catch (RejectedExecutionException shuttingDown) {
            unread.remove(change);
        }
    }

    private void fanOut(LiveUpdate update) {
        for (LiveStream stream : streams) {
            if (stream.sees(update.office())) {
                offer(stream, update);
            }
        }
    }

    /** On the reader's thread, the buffers' single producer, like every update. */
    private void keepAlive() {
        LiveUpdate.KeepAlive keepAlive = new LiveUpdate.KeepAlive();
        for (LiveStream stream : streams) {
            offer(stream, keepAlive);
        }
    }

    private void offer(LiveStream stream, LiveUpdate update) {
        if (!stream.offer(update)) {
            log.info("A live stream fell {} updates behind and is dropped; its client may reconnect", BUFFER);
            overflows.incrementAndGet();
            close(stream);
            stream.end();
        }
    }

    /** Rows and figures read for the streams since start: one per change at most, however many streams are open. */
    public long reads() {
        return reader.reads();
    }

    /** Streams dropped since start for falling a full buffer behind. */
    public long overflows() {
        return overflows.get();
    }

    public int streams() {
        return streams.size();
    }

    @Override
    public synchronized void start() {
        running = true;
        stopped = false;
        if (keepingAlive == null) {
            keepingAlive = reading.schedulePeriodically(this::keepAlive, keepAlive.toMillis(), keepAlive.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Ends every stream, and from now on each new one at once, before the web server waits for its requests
     * to finish (a later phase): their clients reconnect, to another node if there is one, instead of
     * holding the shutdown up.
     */
    @Override
    public void stop() {
        synchronized (this) {
            running = false;
            stopped = true;
            if (keepingAlive != null) {
                keepingAlive.dispose();
                keepingAlive = null;
            }
        }
        for (LiveStream stream : streams) {
            close(stream);
            stream.end();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void destroy() {
        if (listening != null) {
            listening.dispose();
            subscription.close();
        }
        reading.dispose();
        senders.dispose();
        sending.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
