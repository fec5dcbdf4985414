package io.timetocompute.api.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.EventTranslator;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.PlanIntake;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.RefusedChange;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.ImprovementGate;
import io.timetocompute.scheduler.solver.ScoreExplanation;

/**
 * The live plans this instance owns (today one): the {@link LivePlan} of the current portfolio, rebuilt from the
 * store on start (the stored portfolio plus every event applied since it was imported) and replaced when a planner
 * imports another portfolio. Publications go to every {@link LivePlan.Listener} bean, the history first.
 */
public class LivePlans implements PlanIntake, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePlans.class);

    private final PlanningProperties properties;
    private final PortfolioStore portfolios;
    private final EventLog eventLog;
    private final PublicationHistory history;
    private final List<LivePlan.Listener> listeners;
    private final Clock clock;
    private LivePlan service;

    LivePlans(PlanningProperties properties, PortfolioStore portfolios, EventLog eventLog,
            PublicationHistory history, List<LivePlan.Listener> listeners, Clock clock) {
        this.properties = properties;
        this.portfolios = portfolios;
        this.eventLog = eventLog;
        this.history = history;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Rebuilds the plan from the store, or starts the given one if the store has none. */
    synchronized LivePlans start(Portfolio ifNoneStored, String origin) throws InterruptedException {
        PortfolioStore.StoredPortfolio stored = portfolios.load().orElse(null);
        if (stored == null) {
            Instant now = clock.instant();
            portfolios.save(ifNoneStored, now, origin);
            stored = new PortfolioStore.StoredPortfolio(ifNoneStored, now, origin);
        } else {
            LOG.info("resuming the stored portfolio ({}, imported {})", stored.origin(), stored.importedAt());
        }
        service = start(newService(replay(stored.portfolio(), stored.importedAt())));
        return this;
    }

    /**
     * Replaces the plan with another portfolio: the solver starts over on it, and publications go on from the last
     * version, so the timeline shows which dates the import moved.
     *
     * @throws io.timetocompute.scheduler.portfolio.InvalidPortfolioException listing what is wrong; nothing changes
     */
    public synchronized void importPortfolio(Portfolio portfolio, String origin) throws InterruptedException {
        // Building the next service compiles, and so validates, the portfolio before the current one stops.
        LivePlan next = newService(portfolio);
        service.close();
        portfolios.save(portfolio, clock.instant(), origin);
        service = start(next);
        LOG.info("imported portfolio {} ({})", portfolio.id(), origin);
    }

    @Override
    public synchronized Portfolio portfolio() {
        return service.portfolio();
    }

    @Override
    public synchronized List<RefusedChange> submitAll(List<PortfolioChange> changes) {
        return service.submitAll(changes);
    }

    @Override
    public synchronized ImprovementGate.Hold holdImprovement() {
        return service.holdImprovement();
    }

    public synchronized Optional<LivePlan.Publication> latestPublication() {
        return service.latestPublication();
    }

    /** How the first solve of the current plan is doing (published or still converging). */
    public synchronized LivePlan.FirstSolve firstSolve() {
        return service.firstSolve();
    }

    /** Publishes the current plan's best schedule now if its first publication is still held for its budget. */
    public synchronized void approveFirstPlan() {
        service.approveFirstPlan();
    }

    public synchronized ScoreExplanation explainScore(int matchesPerConstraint) {
        return service.explainScore(matchesPerConstraint);
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            service.close();
        }
    }

    private Portfolio replay(Portfolio portfolio, Instant since) {
        EventTranslator translator = new EventTranslator();
        List<InboundEvent> events = eventLog.appliedSince(since);
        Portfolio current = portfolio;
        int replayed = 0;
        for (InboundEvent event : events) {
            try {
                PortfolioChange change = translator.translate(event, current);
                if (change != null) {
                    current = change.replayOnto(current);
                    replayed++;
                }
            } catch (RuntimeException e) {
                // It applied once, so this means the code changed in between; the log keeps the event for audit.
                LOG.warn("event {} no longer applies on replay: {}", event.id(), e.getMessage());
            }
        }
        if (replayed > 0) {
            LOG.info("replayed {} applied events onto the stored portfolio", replayed);
        }
        return current;
    }

    private LivePlan newService(Portfolio portfolio) {
        return new LivePlan(portfolio, this::fanOut, properties.coalesceWindow(),
                properties.reoptimizationInterval(), properties.solverSeed())
                .publishFirstAfter(properties.firstPublicationBudget());
    }

    /** Publications go on from the stored history, whichever portfolio the service plans. */
    private LivePlan start(LivePlan next) throws InterruptedException {
        return next.resumeFrom(history.lastVersion(), history.publishedDates()).start();
    }

    private void fanOut(LivePlan.Publication publication) {
        for (LivePlan.Listener listener : listeners) {
            try {
                listener.published(publication);
            } catch (RuntimeException e) {
                LOG.error("{} failed on version {}", listener.getClass().getSimpleName(), publication.version(), e);
            }
        }
    }
}
