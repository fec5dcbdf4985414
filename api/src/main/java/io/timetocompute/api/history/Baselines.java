package io.timetocompute.api.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The plans slip is measured against. By default the first published plan (the converged first solve, or the one a
 * planner approved); a planner may keep the current plan as a named baseline, which then becomes the one in use,
 * and may switch between the kept ones. Named baselines are never overwritten.
 */
public class Baselines {

    /** The name of the default baseline: every block's first published date. */
    public static final String FIRST_PUBLISHED = "first published plan";
    private static final String SETTINGS = "settings";
    private static final String CHOSEN_ID = "baseline";

    /** A kept plan: every block's date in one published version. */
    @org.springframework.data.mongodb.core.mapping.Document("baselines")
    public record NamedBaseline(@Id String name, long version, Instant publishedAt, Instant setAt, String setBy,
            List<PublicationHistory.BlockDate> dates) {
    }

    /**
     * The baseline in use.
     *
     * @param version the schedule version it was taken from (for the default, the first published one; 0 when
     *        nothing is published yet)
     * @param setAt when a planner kept it; null for the default
     */
    public record Baseline(String name, long version, Instant setAt, String setBy, Map<String, LocalDate> dates) {
    }

    private final MongoTemplate template;
    private final StoreCommit commit;
    private final PublicationHistory history;

    Baselines(MongoTemplate template, StoreCommit commit, PublicationHistory history) {
        this.template = template;
        this.commit = commit;
        this.history = history;
    }

    /** @return the baseline in use: the one a planner chose, or the first published plan */
    public Baseline active() {
        Document chosen = template.findById(CHOSEN_ID, Document.class, SETTINGS);
        if (chosen != null) {
            NamedBaseline named = template.findById(chosen.getString("name"), NamedBaseline.class);
            if (named != null) {
                return of(named);
            }
        }
        return new Baseline(FIRST_PUBLISHED, history.firstVersion(), null, null, history.baselineDates());
    }

    /** @return the kept baselines, oldest first (the default one is not stored and not listed) */
    public List<NamedBaseline> named() {
        return template.find(new Query().with(Sort.by("setAt")), NamedBaseline.class);
    }

    /**
     * Keeps the publication's dates as a baseline under {@code name} and uses it from now on.
     *
     * @throws IllegalStateException if a baseline of that name exists (baselines are never overwritten)
     */
    public Baseline keep(String name, LivePlan.Publication publication, String user, Instant now) {
        if (FIRST_PUBLISHED.equals(name) || template.findById(name, NamedBaseline.class) != null) {
            throw new IllegalStateException("a baseline named '" + name + "' exists already");
        }
        List<PublicationHistory.BlockDate> dates = new ArrayList<>();
        publication.projection().blocks()
                .forEach(block -> dates.add(new PublicationHistory.BlockDate(block.blockId(), block.onlineDate())));
        NamedBaseline named = new NamedBaseline(name, publication.version(), publication.publishedAt(), now, user,
                dates);
        template.insert(named);
        choose(name);
        return of(named);
    }

    /**
     * Uses the named baseline from now on ({@link #FIRST_PUBLISHED} for the default).
     *
     * @return false if there is no baseline of that name; nothing changes then
     */
    public boolean choose(String name) {
        if (FIRST_PUBLISHED.equals(name)) {
            template.remove(new Query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(CHOSEN_ID)),
                    SETTINGS);
        } else if (template.findById(name, NamedBaseline.class) == null) {
            return false;
        } else {
            template.save(new Document("_id", CHOSEN_ID).append("name", name), SETTINGS);
        }
        commit.commit();
        return true;
    }

    private static Baseline of(NamedBaseline named) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        named.dates().forEach(date -> dates.put(date.blockId(), date.onlineDate()));
        return new Baseline(named.name(), named.version(), named.setAt(), named.setBy(), dates);
    }
}
