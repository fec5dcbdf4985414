package io.timetocompute.api.history;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.api.store.StoreIndexes;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The plans slip is measured against, per portfolio. By default a portfolio's first published plan (the converged
 * first solve, or the one a planner approved); a planner may keep the current plan as a named baseline, which then
 * becomes the one in use, and may switch between the kept ones. Named baselines are never overwritten; every
 * document carries its portfolio id and every query filters on it first.
 */
public class Baselines {

    /** The name of the default baseline: every block's first published date. */
    public static final String FIRST_PUBLISHED = "first published plan";

    /**
     * A kept plan: every block's date in one published version.
     *
     * @param id {@code portfolioId/name} (a baseline name never contains {@code /})
     */
    @Document("baselines")
    @CompoundIndex(name = "portfolio_set", def = "{'portfolioId': 1, 'setAt': 1}")
    public record NamedBaseline(@Id String id, String portfolioId, String name, long version, Instant publishedAt,
            Instant setAt, String setBy, List<PublicationHistory.BlockDate> dates) {
    }

    /** Which kept baseline a portfolio's slip is measured against; absent for the default one. */
    @Document("chosen_baselines")
    record ChosenBaseline(@Id String portfolioId, String name, Instant chosenAt) {
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
        StoreIndexes.create(template, NamedBaseline.class, ChosenBaseline.class);
    }

    /** @return the portfolio's baseline in use: the one a planner chose, or its first published plan */
    public Baseline active(String portfolioId) {
        ChosenBaseline chosen = template.findById(portfolioId, ChosenBaseline.class);
        if (chosen != null) {
            NamedBaseline named = find(portfolioId, chosen.name());
            if (named != null) {
                return of(named);
            }
        }
        return new Baseline(FIRST_PUBLISHED, history.firstVersion(portfolioId), null, null,
                history.baselineDates(portfolioId));
    }

    /** @return the portfolio's kept baselines, oldest first (the default one is not stored and not listed) */
    public List<NamedBaseline> named(String portfolioId) {
        return template.find(query(where("portfolioId").is(portfolioId)).with(Sort.by("setAt")),
                NamedBaseline.class);
    }

    /**
     * Keeps the publication's dates as a baseline of the portfolio under {@code name} and uses it from now on.
     *
     * @throws IllegalStateException if the portfolio has a baseline of that name (baselines are never overwritten)
     */
    public Baseline keep(String portfolioId, String name, LivePlan.Publication publication, String user,
            Instant now) {
        if (FIRST_PUBLISHED.equals(name) || find(portfolioId, name) != null) {
            throw new IllegalStateException("a baseline named '" + name + "' exists already");
        }
        List<PublicationHistory.BlockDate> dates = new ArrayList<>();
        publication.projection().blocks()
                .forEach(block -> dates.add(new PublicationHistory.BlockDate(block.blockId(), block.onlineDate())));
        NamedBaseline named = new NamedBaseline(id(portfolioId, name), portfolioId, name, publication.version(),
                publication.publishedAt(), now, user, dates);
        template.insert(named);
        choose(portfolioId, name, now);
        return of(named);
    }

    /**
     * Uses the named baseline for the portfolio from now on ({@link #FIRST_PUBLISHED} for the default).
     *
     * @return false if the portfolio has no baseline of that name; nothing changes then
     */
    public boolean choose(String portfolioId, String name, Instant now) {
        if (FIRST_PUBLISHED.equals(name)) {
            template.remove(query(where("_id").is(portfolioId)), ChosenBaseline.class);
        } else if (find(portfolioId, name) == null) {
            return false;
        } else {
            template.save(new ChosenBaseline(portfolioId, name, now));
        }
        commit.commit();
        return true;
    }

    private NamedBaseline find(String portfolioId, String name) {
        return template.findById(id(portfolioId, name), NamedBaseline.class);
    }

    private static String id(String portfolioId, String name) {
        return portfolioId + "/" + name;
    }

    private static Baseline of(NamedBaseline named) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        named.dates().forEach(date -> dates.put(date.blockId(), date.onlineDate()));
        return new Baseline(named.name(), named.version(), named.setAt(), named.setBy(), dates);
    }
}
