package io.timetocompute.api.scenarios;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.scheduler.goal.GoalObjective;
import io.timetocompute.scheduler.goal.GoalResult;
import io.timetocompute.scheduler.goal.GoalSeeker;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.scenario.ComparedSchedule;
import io.timetocompute.scheduler.scenario.Scenario;
import io.timetocompute.scheduler.scenario.ScenarioReport;
import io.timetocompute.scheduler.scenario.ScenarioResult;
import io.timetocompute.scheduler.scenario.ScenarioSolver;
import io.timetocompute.api.web.ScheduleNotPublishedException;

/**
 * The scenarios and goal-seeking runs of the portfolios: stored in MongoDB, solved in the background by solvers of
 * their own. A run forks the live plan when it is asked for (its portfolio and latest publication, values the live
 * plan never changes in place), so nothing it does reaches the live plan, its versions, Kafka or the timeline.
 * {@code concurrentSolves} threads of the lowest priority solve them, so the live plans keep the cores; the others
 * wait in a bounded queue. A run that was queued or solving when the service stopped is marked failed at the next
 * start (its fork was in memory only): ask for it again.
 */
class Scenarios implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scenarios.class);
    static final String RESTARTED = "the service restarted before this run finished; create it again";

    private final LivePlans plans;
    private final MongoTemplate mongo;
    private final StoreCommit commit;
    private final ScenarioProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

    Scenarios(LivePlans plans, MongoTemplate mongo, StoreCommit commit, ScenarioProperties properties, Clock clock) {
        this.plans = plans;
        this.mongo = mongo;
        this.commit = commit;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        BlockingQueue<Runnable> queue = properties.queueCapacity() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(properties.queueCapacity());
        this.executor = new ThreadPoolExecutor(properties.concurrentSolves(), properties.concurrentSolves(), 0,
                TimeUnit.MILLISECONDS, queue, runnable -> {
                    Thread thread = new Thread(runnable, "ttc-scenario-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    // The live plans' solvers run at normal priority. Where the OS honours Java priorities this keeps
                    // the cores for them; everywhere, concurrentSolves bounds how many cores scenarios take.
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        failUnfinished();
    }

    /** A restart lost the forks of the unfinished runs: they are marked failed, with the reason. */
    private void failUnfinished() {
        var result = mongo.updateMulti(query(where("status").in(ScenarioDocument.Status.QUEUED.name(),
                        ScenarioDocument.Status.SOLVING.name())),
                new Update().set("status", ScenarioDocument.Status.FAILED.name()).set("failure", RESTARTED)
                        .set("finishedAt", clock.instant()), ScenarioDocument.class);
        if (result.getModifiedCount() > 0) {
            commit.commit();
            LOG.info("{} scenario or goal runs unfinished at the last stop are marked failed",
                    result.getModifiedCount());
        }
    }

    /** Forks the live plan now and queues the scenario's solve. */
    ScenarioDocument submitScenario(String portfolioId, String name, String user, boolean shared, Duration limit,
            String changesJson, List<PortfolioChange> changes) {
        LivePlan plan = plans.plan(portfolioId);
        if (plan.latestPublication().isEmpty()) {
            throw new ScheduleNotPublishedException();
        }
        Scenario scenario = Scenario.fork(name, plan, changes);
        ScenarioDocument queued = queued(portfolioId, ScenarioDocument.SCENARIO, name, user, shared, limit,
                scenario.forkedAtVersion(), changesJson);
        return submit(queued, () -> {
            ScenarioResult result = ScenarioSolver.solve(scenario, limit, properties.seed());
            ScenarioReport report = ScenarioReport.of(result, "live v" + scenario.forkedAtVersion());
            ComparedSchedule compared = ComparedSchedule.of(result);
            return new Finished(ScenarioJson.write(report), compared.leverCost(),
                    ScenarioJson.gzip(compared.portfolio()), ScenarioJson.gzip(compared.projection()));
        });
    }

    /** Takes the live plan's portfolio and latest schedule now and queues the goal-seeking run. */
    ScenarioDocument submitGoal(String portfolioId, GoalObjective objective, String user, Duration limit,
            String objectiveJson) {
        LivePlan plan = plans.plan(portfolioId);
        LivePlan.Publication publication = plan.latestPublication()
                .orElseThrow(() -> new ScheduleNotPublishedException());
        Portfolio portfolio = plan.portfolio();
        ScenarioDocument queued = queued(portfolioId, ScenarioDocument.GOAL, objective.describe(), user, false, limit,
                publication.version(), objectiveJson);
        return submit(queued, () -> {
            GoalResult result = GoalSeeker.seek(portfolio, publication.projection(), objective, limit,
                    properties.seed());
            return new Finished(ScenarioJson.write(result), result.totalCost(), null, null);
        });
    }

    private ScenarioDocument queued(String portfolioId, String kind, String name, String user, boolean shared,
            Duration limit, long version, String request) {
        return new ScenarioDocument(UUID.randomUUID().toString(), portfolioId, kind, name, user, shared,
                clock.instant(), ScenarioDocument.Status.QUEUED, null, null, limit.toMillis(), version, request,
                null, null, 0, null, null);
    }

    private record Finished(String result, long cost, byte[] portfolio, byte[] projection) {
    }

    private ScenarioDocument submit(ScenarioDocument queued, Supplier<Finished> solve) {
        mongo.insert(queued);
        commit.commit();
        try {
            running.put(queued.id(), executor.submit(() -> run(queued.id(), solve)));
        } catch (RejectedExecutionException e) {
            mongo.remove(byId(queued.id()), ScenarioDocument.class);
            commit.commit();
            throw new ScenarioQueueFullException(executor.getQueue().size());
        }
        return queued;
    }

    private void run(String id, Supplier<Finished> solve) {
        try {
            // Deleted while it waited: nothing to do.
            if (mongo.updateFirst(byId(id), new Update().set("status", ScenarioDocument.Status.SOLVING.name())
                    .set("startedAt", clock.instant()), ScenarioDocument.class).getMatchedCount() == 0) {
                return;
            }
            commit.commit();
            Finished finished = solve.get();
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            mongo.updateFirst(byId(id), new Update().set("status", ScenarioDocument.Status.DONE.name())
                    .set("finishedAt", clock.instant()).set("result", finished.result())
                    .set("leverCost", finished.cost()).set("portfolio", finished.portfolio())
                    .set("projection", finished.projection()), ScenarioDocument.class);
            commit.commit();
        } catch (RuntimeException e) {
            LOG.warn("scenario run {} failed", id, e);
            mongo.updateFirst(byId(id), new Update().set("status", ScenarioDocument.Status.FAILED.name())
                    .set("finishedAt", clock.instant()).set("failure", e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage()), ScenarioDocument.class);
            commit.commit();
        } finally {
            running.remove(id);
        }
    }

    /** @return the runs of a kind of a portfolio, oldest first; only the shared ones when {@code sharedOnly} */
    List<ScenarioDocument> list(String portfolioId, String kind, boolean sharedOnly) {
        plans.plan(portfolioId);
        Query query = query(where("portfolioId").is(portfolioId).and("kind").is(kind));
        if (sharedOnly) {
            query.addCriteria(where("shared").is(true));
        }
        query.fields().exclude("portfolio", "projection", "result", "request");
        return mongo.find(query.with(Sort.by("createdAt")), ScenarioDocument.class);
    }

    /** @throws ResourceNotFoundException if the portfolio has no such run, or it is not shared and must be */
    ScenarioDocument get(String portfolioId, String kind, String id, boolean sharedOnly) {
        ScenarioDocument document = id == null ? null : mongo.findOne(byId(id), ScenarioDocument.class);
        if (document == null || !document.portfolioId().equals(portfolioId) || !document.kind().equals(kind)
                || (sharedOnly && !document.shared())) {
            throw new ResourceNotFoundException(kind, id);
        }
        return document;
    }

    /** Deletes a run; one waiting or solving is cancelled (the solver stops at its next step). */
    void delete(String portfolioId, String kind, String id) {
        get(portfolioId, kind, id, false);
        mongo.remove(byId(id), ScenarioDocument.class);
        commit.commit();
        Future<?> future = running.remove(id);
        if (future != null) {
            future.cancel(true);
        }
    }

    ScenarioDocument share(String portfolioId, String id, boolean shared) {
        get(portfolioId, ScenarioDocument.SCENARIO, id, false);
        mongo.updateFirst(byId(id), new Update().set("shared", shared), ScenarioDocument.class);
        commit.commit();
        return get(portfolioId, ScenarioDocument.SCENARIO, id, false);
    }

    /** A done scenario's schedule, with its portfolio after the changes and what its levers cost. */
    ComparedSchedule compared(ScenarioDocument scenario) {
        if (scenario.status() != ScenarioDocument.Status.DONE) {
            throw new ScenarioNotDoneException(scenario.id(), scenario.status());
        }
        return new ComparedSchedule("scenario " + scenario.name(), ScenarioJson.gunzipPortfolio(scenario.portfolio()),
                ScenarioJson.gunzip(scenario.projection(), ScheduleProjection.class), scenario.leverCost());
    }

    /** A run's progress from 0 to 1: a solve runs until its time limit, so the time spent says how far it is. */
    double progress(ScenarioDocument document) {
        return switch (document.status()) {
            case QUEUED -> 0;
            case DONE, FAILED -> 1;
            case SOLVING -> document.startedAt() == null || document.limitMillis() <= 0 ? 0
                    : Math.min(0.99, Duration.between(document.startedAt(), clock.instant()).toMillis()
                            / (double) document.limitMillis());
        };
    }

    Duration limit(Integer seconds) {
        Duration limit = seconds == null ? properties.defaultLimit() : Duration.ofSeconds(seconds);
        if (limit.isNegative() || limit.isZero() || limit.compareTo(properties.maxLimit()) > 0) {
            throw new io.timetocompute.scheduler.scenario.InvalidScenarioException("seconds must be from 1 to "
                    + properties.maxLimit().toSeconds());
        }
        return limit;
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
