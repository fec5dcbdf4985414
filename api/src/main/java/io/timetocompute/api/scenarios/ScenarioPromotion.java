package io.timetocompute.api.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.events.inbound.OutcomeListener;

/**
 * Promotes a scenario: its changes of an inbound event type go to the live plan through the portfolio's event
 * processor, exactly as if the planner had sent them (validated, logged, applied, published), in the scenario's
 * order. Each keeps its id; its source names the planner and the scenario, so the event log and the timeline say
 * where it came from, and promoting twice is answered as duplicates. Levers have no inbound event type: they are
 * reported, not applied.
 */
class ScenarioPromotion {

    static final String NOT_PROMOTABLE = "NOT_PROMOTABLE";

    private static final Set<String> INBOUND = inbound();

    private final LivePlans plans;
    private final Clock clock;

    ScenarioPromotion(LivePlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** @param status the event processor's outcome, or {@link #NOT_PROMOTABLE} for a lever */
    record Promoted(String id, String type, String source, String status, String detail) {
    }

    record Promotion(String scenarioId, String scenario, int applied, int refused, List<Promoted> changes) {
    }

    Promotion promote(ScenarioDocument scenario, String planner) {
        EventProcessor processor = plans.processor(scenario.portfolioId());
        JsonNode changes;
        try {
            changes = ScenarioJson.mapper().readTree(scenario.request());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String source = sourceOf(planner, scenario.id());
        List<Promoted> results = new ArrayList<>();
        int applied = 0;
        int refused = 0;
        for (JsonNode event : changes) {
            String id = event.get("id").asText();
            String type = event.get("type").asText();
            if (!INBOUND.contains(type)) {
                results.add(new Promoted(id, type, null, NOT_PROMOTABLE,
                        "a lever has no inbound event type; report the change it stands for instead"));
                refused++;
                continue;
            }
            byte[] data;
            try {
                data = ScenarioJson.mapper().writeValueAsBytes(event.get("data"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Stamped now: the live plan takes what is reported today (a scenario may date events in the future).
            InboundEvent inbound = new InboundEvent(id, type, source, "scenario " + scenario.name(), clock.instant(),
                    data);
            EventProcessor.Outcome outcome = processor.process(inbound, OutcomeListener.HTTP);
            if (outcome.status() == EventProcessor.Status.APPLIED || outcome.status() == EventProcessor.Status.RECORDED) {
                applied++;
            } else {
                refused++;
            }
            results.add(new Promoted(id, type, source, outcome.status().name(), outcome.detail()));
        }
        return new Promotion(scenario.id(), scenario.name(), applied, refused, List.copyOf(results));
    }

    /** The events' source: the planner who promoted, and the scenario. */
    static String sourceOf(String planner, String scenarioId) {
        return "/planners/" + planner + "/scenarios/" + scenarioId;
    }

    private static Set<String> inbound() {
        Set<String> types = new HashSet<>(EventTypes.SUPPLY);
        types.addAll(EventTypes.LABOR);
        types.addAll(EventTypes.PROGRESS);
        return Set.copyOf(types);
    }
}
