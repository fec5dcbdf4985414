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
 * What the REST API reads and changes, per portfolio: a live plan's current portfolio, its latest published schedule
 * and the baseline dates, with lookups that answer 404 for unknown ids (an unknown portfolio too), and the planners'
 * what-if changes.
 */
@Component
public class PlanView {

    /** Prefix of the event ids of changes made through the API, so that the timeline names them as causes. */
    public static final String EVENT_ID_PREFIX = "api-";

    private final LivePlans session;
    private final PublicationHistory history;
    private final Clock clock = Clock.systemUTC();

    PlanView(LivePlans session, PublicationHistory history) {
        this.session = session;
        this.history = history;
    }

    /** @throws ResourceNotFoundException if no active portfolio has this id */
    public Portfolio portfolio(String portfolioId) {
        return session.plan(portfolioId).portfolio();
    }

    /** @throws ScheduleNotPublishedException while the portfolio has no published schedule yet */
    public Publication publication(String portfolioId) {
        var plan = session.plan(portfolioId);
        return plan.latestPublication().orElseThrow(() -> new ScheduleNotPublishedException(plan.firstSolve()));
    }

    /** @return every block's date in the portfolio's baseline in use, which slip is measured from */
    public Map<String, LocalDate> baselineDates(String portfolioId) {
        return baseline(portfolioId).dates();
    }

    /** @return the portfolio's baseline in use: its first published plan, or the one a planner kept and chose */
    public Baselines.Baseline baseline(String portfolioId) {
        session.plan(portfolioId);
        return history.baselines().active(portfolioId);
    }

    public Clock clock() {
        return clock;
    }

    public Site site(String portfolioId, String siteId) {
        return find(portfolio(portfolioId).sites(), Site::id, siteId, "site");
    }

    public Task task(String portfolioId, String taskId) {
        return find(portfolio(portfolioId).tasks(), Task::id, taskId, "task");
    }

    public Shipment shipment(String portfolioId, String shipmentId) {
        return find(portfolio(portfolioId).shipments(), Shipment::id, shipmentId, "shipment");
    }

    public LaborPool pool(String portfolioId, String poolId) {
        return find(portfolio(portfolioId).pools(), LaborPool::id, poolId, "pool");
    }

    /**
     * Submits a planner's change as an event of the inbound contract ({@code docs/events.md}), through the same
     * processor as Kafka and HTTP ingest: it is validated the same way, recorded in the event log (so a restart
     * replays it), and named as the cause in the timeline.
     *
     * @param data the event's data, e.g. {@link io.timetocompute.events.contract.EventData.ShipmentEtaChanged}
     * @throws io.timetocompute.events.inbound.InvalidEventException if the plan refuses it
     */
    public ChangeAccepted submit(String portfolioId, String eventType, String subject, Object data) {
        EventProcessor processor = session.processor(portfolioId);
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
