package io.timetocompute.api.planning;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.api.web.InvalidPortfolioIdException;
import io.timetocompute.api.web.PortfolioExistsException;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.inbound.EventAdmission;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.EventTranslator;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.events.inbound.OutcomeListener;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.replanning.PlanIntake;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.RefusedChange;
import io.timetocompute.scheduler.solver.ImprovementGate;

/**
 * The registry of the live plans on this instance: one {@link LivePlan} per active portfolio, each with its own
 * {@link EventProcessor} and event log, rebuilt from the store on start (the stored portfolio plus every event
 * applied to it since it was imported). Portfolios are created, replaced and archived here; an inbound event is
 * routed here to the plan of its portfolio. Publications go to every {@link PublicationListener} bean, with the
 * portfolio's id, the history first.
 */
public class LivePlans implements PortfolioRouting, AutoCloseable {

    /** The quick start's portfolio, created at the first start. */
    public static final String DEMO = "demo";
    /** Portfolio ids: lowercase letters, digits and inner dashes, at most 40 characters (they go into keys). */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private static final Logger LOG = LoggerFactory.getLogger(LivePlans.class);

    private final PlanningProperties properties;
    private final PortfolioStore portfolios;
    private final Function<String, EventLog> eventLogs;
    private final PublicationHistory history;
    private final List<PublicationListener> listeners;
    private final List<OutcomeListener> outcomeListeners;
    private final Clock clock;
    private final EventAdmission admission;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    /** Per entity key (e.g. {@code shipment:SHP-1}), the active portfolios that have it: how events are routed. */
    private volatile Map<String, Set<String>> owners = Map.of();

    LivePlans(PlanningProperties properties, PortfolioStore portfolios, Function<String, EventLog> eventLogs,
            PublicationHistory history, List<PublicationListener> listeners, List<OutcomeListener> outcomeListeners,
            EventAdmission admission, Clock clock) {
        this.admission = admission;
        this.properties = properties;
        this.portfolios = portfolios;
        this.eventLogs = eventLogs;
        this.history = history;
        this.listeners = listeners;
        this.outcomeListeners = outcomeListeners;
        this.clock = clock;
    }

    /**
     * One portfolio's place in the registry: its live plan (replaced on an import) behind the processor that
     * applies its events, which stays.
     */
    private final class Slot implements PlanIntake {

        private final String portfolioId;
        private final EventProcessor processor;
        private volatile LivePlan plan;

        Slot(String portfolioId) {
            this.portfolioId = portfolioId;
            this.processor = new EventProcessor(this, eventLogs.apply(portfolioId), outcomeListeners, admission);
        }

        @Override
        public Portfolio portfolio() {
            return plan.portfolio();
        }

        @Override
        public List<RefusedChange> submitAll(List<PortfolioChange> changes) {
            return plan.submitAll(changes);
        }

        @Override
        public ImprovementGate.Hold holdImprovement() {
            return plan.holdImprovement();
        }
    }

    /**
     * Rebuilds every active portfolio's plan from the store, and creates the default portfolio if the store has never
     * held it.
     */
    synchronized LivePlans start(String defaultId, Supplier<Portfolio> ifNoneStored, String origin)
            throws InterruptedException {
        for (PortfolioStore.StoredPortfolio stored : portfolios.loadActive()) {
            LOG.info("resuming portfolio {} ({}, imported {})", stored.portfolioId(), stored.origin(),
                    stored.importedAt());
            Slot slot = new Slot(stored.portfolioId());
            slot.plan = start(stored.portfolioId(), newPlan(stored.portfolioId(),
                    replay(slot, stored.portfolio(), stored.importedAt())));
            slots.put(stored.portfolioId(), slot);
        }
        if (portfolios.entry(defaultId).isEmpty()) {
            create(defaultId, ifNoneStored.get(), origin);
        }
        indexOwners();
        return this;
    }

    /**
     * Creates a portfolio and starts its live plan.
     *
     * @throws InvalidPortfolioIdException if the id is not of {@link #ID}'s form
     * @throws PortfolioExistsException if a portfolio of that id exists, active or archived
     * @throws io.timetocompute.scheduler.portfolio.InvalidPortfolioException listing what is wrong; nothing changes
     */
    public synchronized void create(String portfolioId, Portfolio portfolio, String origin)
            throws InterruptedException {
        requireValidId(portfolioId);
        if (portfolios.entry(portfolioId).isPresent()) {
            throw new PortfolioExistsException(portfolioId);
        }
        LivePlan plan = newPlan(portfolioId, portfolio);
        portfolios.save(portfolioId, portfolio, clock.instant(), origin);
        Slot slot = new Slot(portfolioId);
        slot.plan = start(portfolioId, plan);
        slots.put(portfolioId, slot);
        indexOwners();
        LOG.info("created portfolio {} ({})", portfolioId, origin);
    }

    /**
     * Replaces a portfolio's plan: the solver starts over on the new portfolio, and publications go on from the last
     * version, so the timeline shows which dates the import moved.
     *
     * @throws io.timetocompute.scheduler.portfolio.InvalidPortfolioException listing what is wrong; nothing changes
     */
    public synchronized void importPortfolio(String portfolioId, Portfolio portfolio, String origin)
            throws InterruptedException {
        Slot slot = slot(portfolioId);
        // Building the next plan compiles, and so validates, the portfolio before the current one stops.
        LivePlan next = newPlan(portfolioId, portfolio);
        slot.plan.close();
        portfolios.save(portfolioId, portfolio, clock.instant(), origin);
        slot.plan = start(portfolioId, next);
        indexOwners();
        LOG.info("imported portfolio {} ({})", portfolioId, origin);
    }

    /**
     * Stops a portfolio's plan and marks it archived: its portfolio, event log and history stay in the store, its
     * events are no longer routed to it.
     */
    public synchronized void archive(String portfolioId) {
        Slot slot = slot(portfolioId);
        slots.remove(portfolioId);
        indexOwners();
        slot.plan.close();
        portfolios.archive(portfolioId, clock.instant());
        LOG.info("archived portfolio {}", portfolioId);
    }

    /** @return the ids of the active portfolios planned on this instance, sorted */
    public Set<String> ids() {
        return new TreeSet<>(slots.keySet());
    }

    /** @throws ResourceNotFoundException if no active portfolio has this id */
    public LivePlan plan(String portfolioId) {
        return slot(portfolioId).plan;
    }

    /** @return what applies events to the portfolio's plan and records them in its event log */
    public EventProcessor processor(String portfolioId) {
        return slot(portfolioId).processor;
    }

    public Optional<LivePlan.Publication> latestPublication(String portfolioId) {
        return plan(portfolioId).latestPublication();
    }

    /**
     * The portfolio an event is about: the one it names, or else the one active portfolio that has the shipment,
     * pool, site or task it names.
     */
    @Override
    public Route route(String namedPortfolio, InboundEvent event) {
        if (namedPortfolio != null) {
            Slot slot = slots.get(namedPortfolio);
            if (slot == null) {
                throw new InvalidEventException("event " + event.id() + " names portfolio '" + namedPortfolio
                        + "', which is not an active portfolio");
            }
            return new Route(namedPortfolio, slot.processor);
        }
        String entity = entityOf(event);
        Set<String> candidates = owners.getOrDefault(entity, Set.of());
        if (candidates.isEmpty()) {
            throw new InvalidEventException("event " + event.id() + ": no active portfolio has " + entity);
        }
        if (candidates.size() > 1) {
            throw new InvalidEventException("event " + event.id() + " is ambiguous: " + entity + " is in portfolios "
                    + new TreeSet<>(candidates) + "; name one in the CloudEvents attribute " + EXTENSION);
        }
        String portfolioId = candidates.iterator().next();
        Slot slot = slots.get(portfolioId);
        if (slot == null) {
            throw new InvalidEventException("event " + event.id() + ": portfolio " + portfolioId
                    + " was archived meanwhile");
        }
        return new Route(portfolioId, slot.processor);
    }

    @Override
    public void refusedByTransport(String transport) {
        outcomeListeners.forEach(listener -> listener.processed(transport, EventProcessor.Status.REJECTED));
    }

    @Override
    public synchronized void close() {
        slots.values().forEach(slot -> slot.plan.close());
        slots.clear();
    }

    private Slot slot(String portfolioId) {
        Slot slot = portfolioId == null ? null : slots.get(portfolioId);
        if (slot == null) {
            throw new ResourceNotFoundException("portfolio", portfolioId);
        }
        return slot;
    }

    static void requireValidId(String portfolioId) {
        if (portfolioId == null || !ID.matcher(portfolioId).matches()) {
            throw new InvalidPortfolioIdException(portfolioId);
        }
    }

    /** The entity key an event is about, read from its data, as {@link EventTranslator#entityKey} names it. */
    private static String entityOf(InboundEvent event) {
        String type = event.type();
        String kind = type == null ? null : EventTypes.SUPPLY.contains(type) ? "shipment"
                : EventTypes.LABOR.contains(type) ? "pool"
                : EventTypes.POWER_DATE_CHANGED.equals(type) ? "site"
                : EventTypes.PROGRESS.contains(type) ? "task" : null;
        if (kind == null) {
            throw new InvalidEventException("event " + event.id() + " has an unknown type " + type);
        }
        JsonNode id;
        try {
            id = event.data() == null ? null : PortfolioJson.mapper().readTree(event.data()).get(kind + "Id");
        } catch (IOException e) {
            throw new InvalidEventException("event " + event.id() + " (" + type + ") has malformed data: "
                    + e.getMessage(), e);
        }
        if (id == null || !id.isTextual()) {
            throw new InvalidEventException("event " + event.id() + " (" + type + ") names no " + kind + "Id");
        }
        return kind + ":" + id.asText();
    }

    private void indexOwners() {
        Map<String, Set<String>> index = new HashMap<>();
        slots.forEach((portfolioId, slot) -> {
            Portfolio portfolio = slot.plan.portfolio();
            portfolio.shipments().forEach(s -> add(index, "shipment:" + s.id(), portfolioId));
            portfolio.pools().forEach(p -> add(index, "pool:" + p.id(), portfolioId));
            portfolio.sites().forEach(s -> add(index, "site:" + s.id(), portfolioId));
            portfolio.tasks().forEach(t -> add(index, "task:" + t.id(), portfolioId));
        });
        owners = index;
    }

    private static void add(Map<String, Set<String>> index, String entity, String portfolioId) {
        index.computeIfAbsent(entity, key -> new HashSet<>(2)).add(portfolioId);
    }

    private Portfolio replay(Slot slot, Portfolio portfolio, Instant since) {
        EventTranslator translator = new EventTranslator();
        List<InboundEvent> events = eventLogs.apply(slot.portfolioId).appliedSince(since);
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
            LOG.info("replayed {} applied events onto the stored portfolio {}", replayed, slot.portfolioId);
        }
        return current;
    }

    private LivePlan newPlan(String portfolioId, Portfolio portfolio) {
        return new LivePlan(portfolio, publication -> fanOut(portfolioId, publication),
                properties.coalesceWindow(), properties.reoptimizationInterval(), properties.solverSeed())
                .publishFirstAfter(properties.firstPublicationBudget());
    }

    /** Publications go on from the portfolio's stored history, whichever portfolio file the plan was built from. */
    private LivePlan start(String portfolioId, LivePlan next) throws InterruptedException {
        return next.resumeFrom(history.lastVersion(portfolioId), history.publishedDates(portfolioId)).start();
    }

    private void fanOut(String portfolioId, LivePlan.Publication publication) {
        for (PublicationListener listener : listeners) {
            try {
                listener.published(portfolioId, publication);
            } catch (RuntimeException e) {
                LOG.error("{} failed on version {} of portfolio {}", listener.getClass().getSimpleName(),
                        publication.version(), portfolioId, e);
            }
        }
    }
}
