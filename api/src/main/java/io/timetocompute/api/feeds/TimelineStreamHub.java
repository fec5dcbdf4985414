package io.timetocompute.api.feeds;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.timetocompute.api.planning.PublicationListener;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The subscribers of the timeline stream. Every publication goes to each of them as one {@code date-changed}
 * event per moved date and one {@code publication} event; a comment every 15 s keeps idle connections open through
 * proxies that close silent ones. A subscriber that completes, times out or fails is dropped.
 */
@Component
@Order(20)
class TimelineStreamHub implements PublicationListener, DisposableBean {

    static final String DATE_CHANGED = "date-changed";
    static final String PUBLICATION = "publication";
    /** Browsers' EventSource reconnects by itself after this, so a long timeout costs nothing. */
    private static final Duration SUBSCRIPTION_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(TimelineStreamHub.class);

    /** Each subscriber, with the portfolio whose timeline it follows. */
    private final Map<SseEmitter, String> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ttc-timeline-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    TimelineStreamHub() {
        heartbeat.scheduleAtFixedRate(this::sendHeartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(String portfolioId) {
        SseEmitter emitter = new SseEmitter(SUBSCRIPTION_TIMEOUT.toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> subscribers.remove(emitter));
        subscribers.put(emitter, portfolioId);
        // Sends the response headers now: without a first write, a client sees nothing until the next publication.
        send(emitter, SseEmitter.event().comment("subscribed"));
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void published(String portfolioId, LivePlan.Publication publication) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (LivePlan.BlockDateChange change : publication.changes()) {
            if (change.oldDate() != null) {
                TimelineItem item = TimelineItem.of(publication, change);
                broadcast(portfolioId, () -> SseEmitter.event().name(DATE_CHANGED).data(item));
            }
        }
        PublicationSummary summary = PublicationSummary.of(publication);
        broadcast(portfolioId, () -> SseEmitter.event().name(PUBLICATION).data(summary));
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        subscribers.keySet().forEach(SseEmitter::complete);
        subscribers.clear();
    }

    private void sendHeartbeat() {
        subscribers.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("heartbeat")));
    }

    /** Builds the event once per subscriber: a built event cannot be sent twice. */
    private void broadcast(String portfolioId, Supplier<SseEmitter.SseEventBuilder> event) {
        subscribers.forEach((emitter, followed) -> {
            if (followed.equals(portfolioId)) {
                send(emitter, event.get());
            }
        });
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away; the container reports it through onError too, but not always at once.
            LOG.debug("dropping a timeline subscriber: {}", e.getMessage());
            subscribers.remove(emitter);
            emitter.completeWithError(e);
        }
    }
}
