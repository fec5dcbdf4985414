package io.timetocompute.api.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.planning.PlanningSession;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.api.web.ScheduleNotPublishedException;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.ReplanningService.Publication;

/**
 * What the REST API reads and changes: the planning session's current portfolio, its latest published schedule and
 * the baseline dates, with lookups that answer 404 for unknown ids, and the planners' what-if changes.
 */
@Component
public class CurrentPlan {

    /** Prefix of the event ids of changes made through the API, so that the timeline names them as causes. */
    public static final String EVENT_ID_PREFIX = "api-";

    private final PlanningSession session;
    private final PublicationHistory history;
    private final Clock clock = Clock.systemUTC();

    CurrentPlan(PlanningSession session, PublicationHistory history) {
        this.session = session;
        this.history = history;
    }

    public Portfolio portfolio() {
        return session.portfolio();
    }

    /** @throws ScheduleNotPublishedException while the current portfolio has no published schedule yet */
    public Publication publication() {
        return session.latestPublication().orElseThrow(ScheduleNotPublishedException::new);
    }

    /** @return every block's first published date, which slip is measured from */
    public Map<String, LocalDate> baselineDates() {
        return history.baselineDates();
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
     * Submits a planner's change under a new event id.
     *
     * @param change builds the change from the event id it is to carry
     * @throws io.timetocompute.scheduler.replanning.InvalidChangeException if the plan refuses it
     */
    public ChangeAccepted submit(Function<String, PortfolioChange> change) {
        PortfolioChange built = change.apply(EVENT_ID_PREFIX + UUID.randomUUID());
        session.submit(built);
        return new ChangeAccepted(ChangeAccepted.APPLIED, built.description(), built.eventId());
    }

    private static <T> T find(List<T> items, Function<T, String> idOf, String id, String kind) {
        return items.stream().filter(item -> idOf.apply(item).equals(id)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(kind, id));
    }
}
