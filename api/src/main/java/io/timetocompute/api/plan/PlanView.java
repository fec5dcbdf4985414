package io.timetocompute.api.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.timetocompute.api.history.Baselines;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.api.web.ScheduleNotPublishedException;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.OutcomeListener;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;

/**
 * What the REST API reads and changes: the live plan's current portfolio, its latest published schedule and
 * the baseline dates, with lookups that answer 404 for unknown ids, and the planners' what-if changes.
 */
@Component
public class PlanView {

    /** Prefix of the event ids of changes made through the API, so that the timeline names them as causes. */
    public static final String EVENT_ID_PREFIX = "api-";

    private final LivePlans session;
    private final PublicationHistory history;
    private final Clock clock = Clock.systemUTC();

    private final EventProcessor processor;

    PlanView(LivePlans session, PublicationHistory history, EventProcessor processor) {
        this.session = session;
        this.history = history;
        this.processor = processor;
    }

    public Portfolio portfolio() {
        return session.portfolio();
    }

    /** @throws ScheduleNotPublishedException while the current portfolio has no published schedule yet */
    public Publication publication() {
        return session.latestPublication()
                .orElseThrow(() -> new ScheduleNotPublishedException(session.firstSolve()));
    }

    /** @return every block's date in the baseline in use, which slip is measured from */
    public Map<String, LocalDate> baselineDates() {
        return baseline().dates();
    }

    /** @return the baseline in use: the first published plan, or the one a planner kept and chose */
    public Baselines.Baseline baseline() {
        return history.baselines().active();
    }

    public Clock clock() {
        return clock;
    }

    public Site site(String siteId) {
        return find(portfolio().sites(), Site::id, siteId, "site");
    }

    public Task task(String taskId) {
        return find(portfolio().tasks(), Task::id, taskId, "task");
    }

    public Shipment shipment(String shipmentId) {
        return find(portfolio().shipments(), Shipment::id, shipmentId, "shipment");
    }

    public LaborPool pool(String poolId) {
        return find(portfolio().pools(), LaborPool::id, poolId, "pool");
    }

    /**
     * Submits a planner's change as an event of the inbound contract ({@code docs/events.md}), through the same
     * processor as Kafka and HTTP ingest: it is validated the same way, recorded in the event log (so a restart
     * replays it), and named as the cause in the timeline.
     *
     * @param data the event's data, e.g. {@link io.timetocompute.events.contract.EventData.ShipmentEtaChanged}
     * @throws io.timetocompute.events.inbound.InvalidEventException if the plan refuses it
     */
    public ChangeAccepted submit(String eventType, String subject, Object data) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String eventId = EVENT_ID_PREFIX + UUID.randomUUID();
        InboundEvent event = new InboundEvent(eventId, eventType,
                Suppliers.plannerSource(user == null ? "unknown" : user.getName()), subject, clock.instant(),
                PortfolioJson.toJson(data).getBytes(StandardCharsets.UTF_8));
        EventProcessor.Outcome outcome = processor.process(event, OutcomeListener.API);
        return new ChangeAccepted(outcome.status().name(), outcome.detail(), eventId);
    }

    private static <T> T find(List<T> items, Function<T, String> idOf, String id, String kind) {
        return items.stream().filter(item -> idOf.apply(item).equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(kind, id));
    }
}
