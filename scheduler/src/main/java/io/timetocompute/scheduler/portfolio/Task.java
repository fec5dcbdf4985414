package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A unit of work on one site.
 *
 * @param modes ways to execute the task (standard, overtime, extra crew...); the first is the default
 * @param materials ids of the shipments that must be delivered (plus receiving) before the task starts
 * @param requiresPower energization work: cannot finish before the site's power-available date
 * @param bringsOnline id of the compute block that is online when this task finishes (null: none)
 * @param progress what has already happened (null: not started)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Task(String id, String siteId, String name, String phase, List<TaskMode> modes,
        List<Dependency> predecessors, List<String> materials, boolean requiresPower, String bringsOnline,
        TaskProgress progress) {

    public Task {
        modes = modes == null ? List.of() : List.copyOf(modes);
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    public TaskProgress progressOrNotStarted() {
        return progress == null ? TaskProgress.NOT_STARTED : progress;
    }

    public Task withProgress(TaskProgress newProgress) {
        return new Task(id, siteId, name, phase, modes, predecessors, materials, requiresPower, bringsOnline,
                newProgress);
    }

    public int modeIndex(String modeName) {
        for (int i = 0; i < modes.size(); i++) {
            if (modes.get(i).name().equals(modeName)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the date work may start according to the progress, if it is pinned */
    public LocalDate actualStartOrNull() {
        return progress == null ? null : progress.actualStart();
    }
}
