package io.timetocompute.api.history;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import io.timetocompute.api.planning.PublicationListener;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.api.store.StoreIndexes;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * Every published schedule version and every change of a block's projected date, per portfolio, in MongoDB: how a
 * date slipped, the executives' timeline, the baseline that slip is measured from, and where publication resumes
 * after a restart. Every document carries its portfolio id, every query filters on it first, and a version is
 * unique by (portfolio, version).
 */
public class PublicationHistory implements PublicationListener {

    /** What moved a date, when no event did. */
    public static final String REOPTIMIZATION = LivePlan.BlockDateChange.REOPTIMIZATION;

    private final MongoTemplate template;
    private final StoreCommit commit;
    private final Baselines baselines;

    public PublicationHistory(MongoTemplate template, StoreCommit commit) {
        this.template = template;
        this.commit = commit;
        StoreIndexes.create(template, ScheduleVersion.class, BlockDateChangeDocument.class);
        this.baselines = new Baselines(template, commit, this);
    }

    /** The plans slip is measured against, per portfolio: the first published one, or one a planner kept and chose. */
    public Baselines baselines() {
        return baselines;
    }

    /** A cause of a publication: the event and what it changed, in words. */
    public record Cause(String eventId, String kind, String subject, String description) {
    }

    /**
     * One published schedule.
     *
     * @param causes the events the solver took in since the previous version; empty when it found a better plan
     */
    @Document("schedule_versions")
    @CompoundIndex(name = "portfolio_version", def = "{'portfolioId': 1, 'version': -1}", unique = true)
    public record ScheduleVersion(@Id String id, String portfolioId, long version, Instant publishedAt, String score,
            boolean feasible,
            long moneyObjective, LocalDate portfolioFinish, List<Cause> causes, List<BlockDate> blockDates) {
    }

    public record BlockDate(String blockId, LocalDate onlineDate) {
    }

    /**
     * One change of a block's projected online date; the first one of a block ({@code oldDate} null) is its
     * baseline.
     *
     * @param cause what moved it, in words
     * @param eventIds the events credited with a part of the move
     * @param eventEffectDays, reoptimizationDays, jointCauses, shares, interactionDays see
     *        {@link LivePlan.BlockDateChange}; null in documents stored before attribution was recorded
     */
    @Document("block_dates")
    @CompoundIndex(name = "portfolio_version", def = "{'portfolioId': 1, 'version': -1, 'blockId': 1}")
    @CompoundIndex(name = "portfolio_block", def = "{'portfolioId': 1, 'blockId': 1, 'version': 1}")
    @CompoundIndex(name = "portfolio_baseline", def = "{'portfolioId': 1, 'oldDate': 1, 'version': 1}")
    @CompoundIndex(name = "portfolio_events", def = "{'portfolioId': 1, 'eventIds': 1}")
    public record BlockDateChangeDocument(@Id String id, String portfolioId, long version, Instant publishedAt,
            String siteId, String blockId,
            double itMw, LocalDate oldDate, LocalDate newDate, long deltaDays, String cause, List<String> eventIds,
            Long eventEffectDays, Long reoptimizationDays, Boolean jointCauses, List<LivePlan.EventShare> shares,
            Long interactionDays) {
    }

    @Override
    public void published(String portfolioId, LivePlan.Publication publication) {
        var projection = publication.projection();
        List<BlockDate> dates = projection.blocks().stream()
                .map(block -> new BlockDate(block.blockId(), block.onlineDate())).toList();
        List<Cause> causes = publication.newlyApplied().stream()
                .map(change -> new Cause(change.eventId(), change.kind(), change.subject(), change.description()))
                .toList();
        template.insert(new ScheduleVersion(portfolioId + "@" + publication.version(), portfolioId,
                publication.version(), publication.publishedAt(), projection.score(),
                projection.feasible(), projection.moneyObjective(), projection.portfolioFinish(), causes, dates));
        for (LivePlan.BlockDateChange change : publication.changes()) {
            List<String> eventIds = change.causes().stream().map(AppliedChange::eventId).toList();
            template.insert(new BlockDateChangeDocument(
                    portfolioId + "/" + change.blockId() + "@" + publication.version(), portfolioId,
                    publication.version(), publication.publishedAt(), change.siteId(), change.blockId(),
                    change.itMw(), change.oldDate(), change.newDate(), change.deltaDays(), change.explanation(),
                    eventIds, change.eventEffectDays(), change.reoptimizationDays(), change.jointCauses(),
                    change.shares(), change.interactionDays()));
        }
        commit.commit();
    }

    /** @return the newest published version, 0 if none */
    public long lastVersion(String portfolioId) {
        ScheduleVersion last = template.findOne(query(where("portfolioId").is(portfolioId))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), ScheduleVersion.class);
        return last == null ? 0 : last.version();
    }

    /** @return every block's last published date */
    public Map<String, LocalDate> publishedDates(String portfolioId) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        template.find(query(where("portfolioId").is(portfolioId)).with(Sort.by("version")),
                        BlockDateChangeDocument.class)
                .forEach(change -> dates.put(change.blockId(), change.newDate()));
        return dates;
    }

    /** @return the portfolio's first published version, 0 if none */
    public long firstVersion(String portfolioId) {
        ScheduleVersion first = template.findOne(query(where("portfolioId").is(portfolioId))
                .with(Sort.by(Sort.Direction.ASC, "version")).limit(1), ScheduleVersion.class);
        return first == null ? 0 : first.version();
    }

    /** @return every block's first published date: the default baseline */
    public Map<String, LocalDate> baselineDates(String portfolioId) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        template.find(query(where("portfolioId").is(portfolioId).and("oldDate").is(null)).with(Sort.by("version")),
                        BlockDateChangeDocument.class)
                .forEach(change -> dates.putIfAbsent(change.blockId(), change.newDate()));
        return dates;
    }

    /** @return the changes of published dates (baselines excluded), newest first */
    public List<BlockDateChangeDocument> timeline(String portfolioId, int page, int size) {
        return template.find(query(where("portfolioId").is(portfolioId).and("oldDate").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "version").and(Sort.by("blockId")))
                .skip((long) page * size).limit(size), BlockDateChangeDocument.class);
    }

    public long timelineSize(String portfolioId) {
        return template.count(query(where("portfolioId").is(portfolioId).and("oldDate").ne(null)),
                BlockDateChangeDocument.class);
    }

    /** @return every published date of a block, oldest first, starting with its baseline */
    public List<BlockDateChangeDocument> blockHistory(String portfolioId, String blockId) {
        return template.find(query(where("portfolioId").is(portfolioId).and("blockId").is(blockId))
                .with(Sort.by("version")), BlockDateChangeDocument.class);
    }

    /** @return every change of a block's date, oldest first (the calendar feed's last move per block) */
    public List<BlockDateChangeDocument> changes(String portfolioId) {
        return template.find(query(where("portfolioId").is(portfolioId)).with(Sort.by("version")),
                BlockDateChangeDocument.class);
    }

    public List<ScheduleVersion> versions(String portfolioId, int page, int size) {
        return template.find(query(where("portfolioId").is(portfolioId)).with(Sort.by(Sort.Direction.DESC, "version"))
                .skip((long) page * size).limit(size), ScheduleVersion.class);
    }
}
