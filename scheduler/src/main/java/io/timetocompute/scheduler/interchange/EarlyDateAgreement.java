package io.timetocompute.scheduler.interchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Task;

import io.timetocompute.scheduler.interchange.ImportReport.Agreement;
import io.timetocompute.scheduler.interchange.ImportReport.Disagreement;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * Compares our forward pass (precedence, calendars and releases; no crews) with the early dates P6 or MS Project
 * stored in the file, activity by activity. Applies to schedules without progress: with progress the file's dates
 * depend on its progress settings (retained logic, progress override), which we do not imitate.
 */
final class EarlyDateAgreement {

    /** At most this many disagreements are listed; all are counted. */
    static final int LISTED = 200;

    private EarlyDateAgreement() {
    }

    static Agreement compare(Portfolio portfolio, Map<String, Task> sources, Map<String, String> inexact) {
        if (portfolio.tasks().stream().anyMatch(task -> task.progress() != null)) {
            return notComputed("the schedule has progress: the file's dates follow its own progress settings");
        }
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        int n = problem.taskCount();
        int[] start = new int[n];
        int[] end = new int[n];
        for (int t : topologicalOrder(problem)) {
            int earliest = problem.releaseDay(t, 0);
            int[] predecessors = problem.predecessors(t);
            for (int k = 0; k < predecessors.length; k++) {
                int p = predecessors[k];
                earliest = Math.max(earliest, problem.earliestStartAfterPredecessor(t, 0, k, start[p], end[p]));
            }
            start[t] = problem.calendar(t).onOrAfter(earliest);
            end[t] = problem.end(t, 0, start[t]);
        }
        int compared = 0;
        int agreeing = 0;
        int stale = 0;
        Map<String, Integer> byReason = new TreeMap<>();
        List<Disagreement> listed = new ArrayList<>();
        boolean[] disagrees = new boolean[n];
        for (int t : topologicalOrder(problem)) {
            Task source = sources.get(problem.taskId(t));
            LocalDateTime fileEarlyStart = source.getEarlyStart();
            LocalDateTime fileEarlyFinish = source.getEarlyFinish();
            if (fileEarlyStart == null || fileEarlyFinish == null) {
                continue;
            }
            compared++;
            ProjectCalendar calendar = source.getEffectiveCalendar();
            // P6 and MS Project keep times of day: work starting at a day's end (a finish milestone at 17:00)
            // starts on the next work day, as in our day model.
            LocalDate fileStart = calendar == null ? fileEarlyStart.toLocalDate()
                    : calendar.getNextWorkStart(fileEarlyStart).toLocalDate();
            LocalDate fileFinish = problem.duration(t, 0) == 0 ? fileStart : fileEarlyFinish.toLocalDate();
            LocalDate ourStart = problem.date(start[t]);
            LocalDate ourFinish = problem.duration(t, 0) == 0 ? ourStart
                    : problem.date(problem.calendar(t).lastWorkDay(start[t], problem.duration(t, 0)));
            if (fileStart.equals(ourStart) && fileFinish.equals(ourFinish)) {
                agreeing++;
                continue;
            }
            disagrees[t] = true;
            String reason = reason(problem, t, source, inexact, disagrees);
            if (reason.startsWith("stale")) {
                stale++;
            }
            byReason.merge(reason.startsWith("after predecessor") ? "after a disagreeing predecessor" : reason, 1,
                    Integer::sum);
            if (listed.size() < LISTED) {
                listed.add(new Disagreement(problem.taskId(t), fileStart, ourStart, fileFinish, ourFinish, reason));
            }
        }
        if (compared == 0) {
            return notComputed("the file stores no early dates");
        }
        double percent = Math.round(1000.0 * agreeing / compared) / 10.0;
        return new Agreement(true, null, compared, agreeing, percent, stale, byReason, listed);
    }

    private static Agreement notComputed(String reason) {
        return new Agreement(false, reason, 0, 0, 0, 0, Map.of(), List.of());
    }

    private static String reason(SchedulingProblem problem, int t, Task source, Map<String, String> inexact,
            boolean[] disagrees) {
        String known = inexact.get(problem.taskId(t));
        if (known != null) {
            return known;
        }
        if (!satisfiesItsOwnLogic(source)) {
            return "stale file dates: the file's own dates break its relationships (scheduled before edits)";
        }
        for (int p : problem.predecessors(t)) {
            if (disagrees[p]) {
                return "after predecessor " + problem.taskId(p);
            }
        }
        return "unexplained";
    }

    /** @return false when a relationship is broken by the early dates stored in the file itself */
    private static boolean satisfiesItsOwnLogic(Task task) {
        for (Relation relation : task.getPredecessors()) {
            Task predecessor = relation.getPredecessorTask();
            if (predecessor == null || predecessor.getEarlyStart() == null || predecessor.getEarlyFinish() == null) {
                continue;
            }
            RelationType type = relation.getType() == null ? RelationType.FINISH_START : relation.getType();
            boolean lagZero = relation.getLag() == null || relation.getLag().getDuration() == 0;
            if (!lagZero) {
                continue; // only zero lags can be checked without the lag calendar
            }
            LocalDateTime anchor = type == RelationType.START_START || type == RelationType.START_FINISH
                    ? predecessor.getEarlyStart() : predecessor.getEarlyFinish();
            LocalDateTime bound = type == RelationType.FINISH_FINISH || type == RelationType.START_FINISH
                    ? task.getEarlyFinish() : task.getEarlyStart();
            if (bound.isBefore(anchor)) {
                return false;
            }
        }
        return true;
    }

    static int[] topologicalOrder(SchedulingProblem problem) {
        int n = problem.taskCount();
        int[] waiting = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int t = 0; t < n; t++) {
            waiting[t] = problem.predecessors(t).length;
            if (waiting[t] == 0) {
                ready.add(t);
            }
        }
        int[] order = new int[n];
        int placed = 0;
        while (!ready.isEmpty()) {
            int t = ready.poll();
            order[placed++] = t;
            for (int s : problem.successors(t)) {
                if (--waiting[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return order;
    }
}
