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
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;

import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * Every published schedule version and every change of a block's projected date, in MongoDB: how a date slipped,
 * the executives' timeline, the baseline that slip is measured from, and where publication resumes after a
 * restart.
 */
public class PublicationHistory implements LivePlan.Listener {

    /** What moved a date, when no event did. */
    public static final String REOPTIMIZATION = LivePlan.BlockDateChange.REOPTIMIZATION;

    private final MongoTemplate template;
    private final StoreCommit commit;
    private final Baselines baselines;

    public PublicationHistory(MongoTemplate template, StoreCommit commit) {
        this.template = template;
        this.commit = commit;
        this.baselines = new Baselines(template, commit, this);
    }

    /** The plans slip is measured against: the first published one, or one a planner kept and chose. */
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
    public record ScheduleVersion(@Id long version, Instant publishedAt, String score, boolean feasible,
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
    public record BlockDateChangeDocument(@Id String id, long version, Instant publishedAt, String siteId, String blockId,
            double itMw, LocalDate oldDate, LocalDate newDate, long deltaDays, String cause, List<String> eventIds,
            Long eventEffectDays, Long reoptimizationDays, Boolean jointCauses, List<LivePlan.EventShare> shares,
            Long interactionDays) {
    }

    @Override
    public void published(LivePlan.Publication publication) {
        var projection = publication.projection();
        List<BlockDate> dates = projection.blocks().stream()
                .map(block -> new BlockDate(block.blockId(), block.onlineDate())).toList();
        List<Cause> causes = publication.newlyApplied().stream()
                .map(change -> new Cause(change.eventId(), change.kind(), change.subject(), change.description()))
                .toList();
        template.insert(new ScheduleVersion(publication.version(), publication.publishedAt(), projection.score(),
                projection.feasible(), projection.moneyObjective(), projection.portfolioFinish(), causes, dates));
        for (LivePlan.BlockDateChange change : publication.changes()) {
            List<String> eventIds = change.causes().stream().map(AppliedChange::eventId).toList();
            template.insert(new BlockDateChangeDocument(change.blockId() + "@" + publication.version(),
                    publication.version(), publication.publishedAt(), change.siteId(), change.blockId(),
                    change.itMw(), change.oldDate(), change.newDate(), change.deltaDays(), change.explanation(),
                    eventIds, change.eventEffectDays(), change.reoptimizationDays(), change.jointCauses(),
                    change.shares(), change.interactionDays()));
        }
        commit.commit();
    }

    /** @return the newest published version, 0 if none */
    public long lastVersion() {
        ScheduleVersion last = template.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                ScheduleVersion.class);
        return last == null ? 0 : last.version();
    }

    /** @return every block's last published date */
    public Map<String, LocalDate> publishedDates() {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        template.find(new Query().with(Sort.by("version")), BlockDateChangeDocument.class)
                .forEach(change -> dates.put(change.blockId(), change.newDate()));
        return dates;
    }

    /** @return the first published version, 0 if none */
    public long firstVersion() {
        ScheduleVersion first = template.findOne(new Query().with(Sort.by(Sort.Direction.ASC, "_id")).limit(1),
                ScheduleVersion.class);
        return first == null ? 0 : first.version();
    }

    /** @return every block's first published date: the default baseline */
    public Map<String, LocalDate> baselineDates() {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        template.find(query(where("oldDate").is(null)).with(Sort.by("version")), BlockDateChangeDocument.class)
                .forEach(change -> dates.putIfAbsent(change.blockId(), change.newDate()));
        return dates;
    }

    /** @return the changes of published dates (baselines excluded), newest first */
    public List<BlockDateChangeDocument> timeline(int page, int size) {
        return template.find(query(where("oldDate").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "version").and(Sort.by("blockId")))
                .skip((long) page * size).limit(size), BlockDateChangeDocument.class);
    }

    public long timelineSize() {
        return template.count(query(where("oldDate").ne(null)), BlockDateChangeDocument.class);
    }

    /** @return every published date of a block, oldest first, starting with its baseline */
    public List<BlockDateChangeDocument> blockHistory(String blockId) {
        return template.find(query(where("blockId").is(blockId)).with(Sort.by("version")), BlockDateChangeDocument.class);
    }

    public List<ScheduleVersion> versions(int page, int size) {
        return template.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id"))
                .skip((long) page * size).limit(size), ScheduleVersion.class);
    }
}
