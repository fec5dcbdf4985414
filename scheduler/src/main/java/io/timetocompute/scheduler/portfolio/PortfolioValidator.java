package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a portfolio before it is planned, so that the solver and the projections can trust their input.
 * <p>
 * All problems are collected, not just the first one: a planner fixing an exported portfolio by hand wants the
 * whole list at once. Every message names the offending item by its id (or by its position when the id itself is
 * missing). The checks run in time linear in the size of the portfolio and never recurse, so portfolios with
 * hundreds of thousands of tasks are validated quickly and without a stack overflow.
 */
public final class PortfolioValidator {

    /** Longest id, in characters: ids go into keys, URLs, event subjects and messages. */
    public static final int MAX_ID_LENGTH = 100;
    /** Longest name or other text (site, task, phase, supplier, material...), in characters. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** Problems spelled out in the exception message; beyond that they are only counted, to keep logs readable. */
    public static final int MAX_LISTED_PROBLEMS = 20;

    /** Tasks spelled out in a cycle message; a cycle through a whole generated chain would otherwise be megabytes. */
    static final int MAX_CYCLE_TASKS_SHOWN = 20;

    private final Portfolio portfolio;
    private final List<String> problems = new ArrayList<>();

    private Map<String, CalendarSpec> calendarsById = Map.of();
    private Map<String, Site> sitesById = Map.of();
    /** The site of each compute block, in portfolio order (first declaration wins for duplicated ids). */
    private final Map<String, Site> siteOfBlock = new LinkedHashMap<>();
    /** Which task brings each block online, to find blocks brought online twice or never. */
    private final Map<String, String> taskBringingBlockOnline = new HashMap<>();
    private Map<String, LaborPool> poolsById = Map.of();
    private final Map<String, Long> maxHeadcountByPool = new HashMap<>();
    private Map<String, Shipment> shipmentsById = Map.of();
    private Map<String, Budget> budgetsById = Map.of();
    private Map<String, Task> tasksById = Map.of();

    private PortfolioValidator(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    /**
     * @throws InvalidPortfolioException listing every problem found, one per line (at most
     *         {@value #MAX_LISTED_PROBLEMS}, then how many more there are)
     */
    public static void validate(Portfolio portfolio) {
        List<String> problems = findProblems(portfolio);
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(describe(portfolio, problems));
        }
    }

    /** @return every problem found, in a stable order; empty when the portfolio can be planned */
    public static List<String> findProblems(Portfolio portfolio) {
        if (portfolio == null) {
            return List.of("portfolio is missing");
        }
        PortfolioValidator validator = new PortfolioValidator(portfolio);
        validator.checkAll();
        return List.copyOf(validator.problems);
    }

    private void checkAll() {
        // Ids are indexed first: every later check resolves references against these maps.
        calendarsById = indexById("calendar", portfolio.calendars(), CalendarSpec::id);
        sitesById = indexById("site", portfolio.sites(), Site::id);
        indexBlocks();
        poolsById = indexById("pool", portfolio.pools(), LaborPool::id);
        shipmentsById = indexById("shipment", portfolio.shipments(), Shipment::id);
        budgetsById = indexById("budget", portfolio.budgets(), Budget::id);
        tasksById = indexById("task", portfolio.tasks(), Task::id);

        checkPortfolioFields();
        checkTextLengths();
        checkSites();
        checkPools();
        checkShipments();
        checkBudgets();
        checkTasks();
        checkEveryBlockIsBroughtOnline();
        checkPrecedenceIsAcyclic();
        checkStaffing();
        checkPreviousSchedule();
    }

    // ---------------------------------------------------------------------------------------------------- ids

    /** @return the items by id; blank and repeated ids are reported, and the first of a repeated id is kept */
    private <T> Map<String, T> indexById(String kind, List<T> items, Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>(items.size() * 2);
        Map<String, Integer> firstPosition = new HashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            String id = idOf.apply(items.get(i));
            int position = i + 1;
            if (isBlank(id)) {
                problem("%s #%d: id is missing", kind, position);
                continue;
            }
            Integer earlier = firstPosition.putIfAbsent(id, position);
            if (earlier == null) {
                byId.put(id, items.get(i));
            } else {
                problem("%s %s: id is used more than once (%s #%d and #%d)", kind, id, kind, earlier, position);
            }
        }
        return byId;
    }

    /** Block ids must be unique across the whole portfolio: projections and the timeline feed key on them. */
    private void indexBlocks() {
        Map<String, String> firstSiteLabel = new HashMap<>();
        for (int s = 0; s < portfolio.sites().size(); s++) {
            Site site = portfolio.sites().get(s);
            String siteLabel = label("site", site.id(), s + 1);
            for (int b = 0; b < site.computeBlocks().size(); b++) {
                String blockId = site.computeBlocks().get(b).id();
                if (isBlank(blockId)) {
                    problem("%s: block #%d: id is missing", siteLabel, b + 1);
                    continue;
                }
                String earlierSite = firstSiteLabel.putIfAbsent(blockId, siteLabel);
                if (earlierSite == null) {
                    siteOfBlock.put(blockId, site);
                } else {
                    problem("block %s: id is used more than once (%s and %s)", blockId, earlierSite, siteLabel);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- portfolio

    private void checkPortfolioFields() {
        if (portfolio.dataDate() == null) {
            problem("portfolio: dataDate is missing");
        }
        // null means the built-in Monday-to-Friday calendar; a name must resolve.
        if (portfolio.defaultCalendar() != null && !calendarsById.containsKey(portfolio.defaultCalendar())) {
            problem("portfolio: default calendar %s does not exist", portfolio.defaultCalendar());
        }
        if (portfolio.freezeWindowDays() != null && portfolio.freezeWindowDays() < 0) {
            problem("portfolio: freezeWindowDays must be >= 0 (is %d)", portfolio.freezeWindowDays());
        }
        if (portfolio.disruptionCostPerDay() != null && portfolio.disruptionCostPerDay() < 0) {
            problem("portfolio: disruptionCostPerDay must be >= 0 (is %d)", portfolio.disruptionCostPerDay());
        }
    }

    /**
     * Every id and text a planner's file carries is shown in the UI, published and kept: bounded, so that one
     * megabyte name cannot make every answer and record that carries it megabytes too. The value is not echoed.
     */
    private void checkTextLengths() {
        text("portfolio", "name", portfolio.name(), MAX_TEXT_LENGTH);
        for (int i = 0; i < portfolio.calendars().size(); i++) {
            text("calendar #" + (i + 1), "id", portfolio.calendars().get(i).id(), MAX_ID_LENGTH);
        }
        for (int i = 0; i < portfolio.sites().size(); i++) {
            Site site = portfolio.sites().get(i);
            String label = "site #" + (i + 1);
            text(label, "id", site.id(), MAX_ID_LENGTH);
            text(label, "name", site.name(), MAX_TEXT_LENGTH);
            text(label, "region", site.region(), MAX_TEXT_LENGTH);
            for (int b = 0; b < site.computeBlocks().size(); b++) {
                ComputeBlock block = site.computeBlocks().get(b);
                text(label + " block #" + (b + 1), "id", block.id(), MAX_ID_LENGTH);
                text(label + " block #" + (b + 1), "name", block.name(), MAX_TEXT_LENGTH);
            }
        }
        for (int i = 0; i < portfolio.pools().size(); i++) {
            LaborPool pool = portfolio.pools().get(i);
            text("pool #" + (i + 1), "id", pool.id(), MAX_ID_LENGTH);
            text("pool #" + (i + 1), "name", pool.name(), MAX_TEXT_LENGTH);
            text("pool #" + (i + 1), "trade", pool.trade(), MAX_TEXT_LENGTH);
        }
        for (int i = 0; i < portfolio.shipments().size(); i++) {
            Shipment shipment = portfolio.shipments().get(i);
            text("shipment #" + (i + 1), "id", shipment.id(), MAX_ID_LENGTH);
            text("shipment #" + (i + 1), "supplier", shipment.supplier(), MAX_TEXT_LENGTH);
            text("shipment #" + (i + 1), "material", shipment.material(), MAX_TEXT_LENGTH);
        }
        for (int i = 0; i < portfolio.budgets().size(); i++) {
            text("budget #" + (i + 1), "id", portfolio.budgets().get(i).id(), MAX_ID_LENGTH);
            text("budget #" + (i + 1), "name", portfolio.budgets().get(i).name(), MAX_TEXT_LENGTH);
        }
        for (int i = 0; i < portfolio.tasks().size(); i++) {
            Task task = portfolio.tasks().get(i);
            String label = "task #" + (i + 1);
            text(label, "id", task.id(), MAX_ID_LENGTH);
            text(label, "name", task.name(), MAX_TEXT_LENGTH);
            text(label, "phase", task.phase(), MAX_TEXT_LENGTH);
            for (int m = 0; m < task.modes().size(); m++) {
                text(label + " mode #" + (m + 1), "name", task.modes().get(m).name(), MAX_TEXT_LENGTH);
            }
        }
    }

    private void text(String owner, String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            problem("%s: %s is longer than %d characters (%d)", owner, field, limit, value.length());
        }
    }

    private void checkSites() {
        for (int s = 0; s < portfolio.sites().size(); s++) {
            Site site = portfolio.sites().get(s);
            String siteLabel = label("site", site.id(), s + 1);
            checkCalendarReference(siteLabel, site.calendar());
            for (int b = 0; b < site.computeBlocks().size(); b++) {
                ComputeBlock block = site.computeBlocks().get(b);
                String blockLabel = isBlank(block.id()) ? siteLabel + ": block #" + (b + 1) : "block " + block.id();
                // NaN fails every comparison, so "not >= 0" also catches it.
                if (!(block.itMw() >= 0) || Double.isInfinite(block.itMw())) {
                    problem("%s: itMw must be a number >= 0 (is %s)", blockLabel, block.itMw());
                }
                if (block.valuePerDay() < 0) {
                    problem("%s: valuePerDay must be >= 0 (is %d)", blockLabel, block.valuePerDay());
                }
                if (block.penaltyPerDayLate() < 0) {
                    problem("%s: penaltyPerDayLate must be >= 0 (is %d)", blockLabel, block.penaltyPerDayLate());
                }
            }
        }
    }

    private void checkCalendarReference(String owner, String calendarId) {
        if (calendarId != null && !calendarsById.containsKey(calendarId)) {
            problem("%s: calendar %s does not exist", owner, calendarId);
        }
    }

    // --------------------------------------------------------------------------------------------------- pools

    private void checkPools() {
        for (int p = 0; p < portfolio.pools().size(); p++) {
            LaborPool pool = portfolio.pools().get(p);
            String poolLabel = label("pool", pool.id(), p + 1);
            for (String siteId : pool.siteIds()) {
                if (!sitesById.containsKey(siteId)) {
                    problem("%s: site %s does not exist", poolLabel, siteId);
                }
            }
            checkCalendarReference(poolLabel, pool.calendar());
            if (pool.baseHeadcount() < 0) {
                problem("%s: baseHeadcount must be >= 0 (is %d)", poolLabel, pool.baseHeadcount());
            }
            for (int a = 0; a < pool.adjustments().size(); a++) {
                checkAdjustment(poolLabel, a + 1, pool.adjustments().get(a));
            }
            checkNotNegative(poolLabel, "hireLeadTimeDays", pool.hireLeadTimeDays());
            checkNotNegative(poolLabel, "maxExtraHeadcount", pool.maxExtraHeadcount());
            checkNotNegative(poolLabel, "costPerPersonDay", pool.costPerPersonDay());
            if (!isBlank(pool.id())) {
                maxHeadcountByPool.putIfAbsent(pool.id(), upperBoundOfHeadcount(pool));
            }
        }
    }

    private void checkAdjustment(String poolLabel, int position, CapacityAdjustment adjustment) {
        String adjustmentLabel = poolLabel + ": adjustment #" + position
                + (isBlank(adjustment.reason()) ? "" : " (" + adjustment.reason() + ")");
        boolean absolute = adjustment.headcount() != null;
        boolean relative = adjustment.delta() != null;
        if (absolute == relative) {
            problem("%s: needs exactly one of headcount and delta", adjustmentLabel);
        }
        if (absolute && adjustment.headcount() < 0) {
            problem("%s: headcount must be >= 0 (is %d)", adjustmentLabel, adjustment.headcount());
        }
        if (adjustment.from() != null && adjustment.to() != null && adjustment.from().isAfter(adjustment.to())) {
            problem("%s: from %s is after to %s", adjustmentLabel, adjustment.from(), adjustment.to());
        }
    }

    /**
     * An upper bound of the pool's headcount on any day, without replaying the adjustments day by day: the highest
     * absolute level, raised by every positive delta at once. Overestimating is safe here: it can only let an
     * unstaffable task through to the solver, never reject a staffable one.
     */
    private static long upperBoundOfHeadcount(LaborPool pool) {
        long highestLevel = pool.baseHeadcount();
        long allIncreases = 0;
        for (CapacityAdjustment adjustment : pool.adjustments()) {
            if (adjustment.headcount() != null) {
                highestLevel = Math.max(highestLevel, adjustment.headcount());
            }
            if (adjustment.delta() != null && adjustment.delta() > 0) {
                allIncreases += adjustment.delta();
            }
        }
        return highestLevel + allIncreases;
    }

    // ------------------------------------------------------------------------------------ shipments, budgets

    private void checkShipments() {
        for (int i = 0; i < portfolio.shipments().size(); i++) {
            Shipment shipment = portfolio.shipments().get(i);
            String shipmentLabel = label("shipment", shipment.id(), i + 1);
            checkSiteReference(shipmentLabel, shipment.siteId());
            if (shipment.quantity() < 0) {
                problem("%s: quantity must be >= 0 (is %d)", shipmentLabel, shipment.quantity());
            }
            if (shipment.receivingDays() != null && shipment.receivingDays() < 0) {
                problem("%s: receivingDays must be >= 0 (is %d)", shipmentLabel, shipment.receivingDays());
            }
            // Without any date the work waiting for it cannot be placed at all.
            if (shipment.arrivalDate() == null) {
                problem("%s: has neither a promisedDate nor a deliveredDate", shipmentLabel);
            }
            checkNotNegative(shipmentLabel, "expediteCostPerDay", shipment.expediteCostPerDay());
            if (shipment.earliestExpeditedDate() != null && shipment.promisedDate() != null
                    && shipment.earliestExpeditedDate().isAfter(shipment.promisedDate())) {
                problem("%s: earliestExpeditedDate %s is after the promisedDate %s", shipmentLabel,
                        shipment.earliestExpeditedDate(), shipment.promisedDate());
            }
        }
    }

    /** Lever data is optional; when given, it is a count or an amount of money. */
    private void checkNotNegative(String owner, String field, Number value) {
        if (value != null && value.longValue() < 0) {
            problem("%s: %s must be >= 0 (is %s)", owner, field, value);
        }
    }

    private void checkBudgets() {
        for (int i = 0; i < portfolio.budgets().size(); i++) {
            Budget budget = portfolio.budgets().get(i);
            String budgetLabel = label("budget", budget.id(), i + 1);
            // A budget without a site is shared by the whole portfolio.
            if (budget.siteId() != null && !sitesById.containsKey(budget.siteId())) {
                problem("%s: site %s does not exist", budgetLabel, budget.siteId());
            }
            if (budget.capacity() < 0) {
                problem("%s: capacity must be >= 0 (is %d)", budgetLabel, budget.capacity());
            }
        }
    }

    private void checkSiteReference(String owner, String siteId) {
        if (isBlank(siteId)) {
            problem("%s: siteId is missing", owner);
        } else if (!sitesById.containsKey(siteId)) {
            problem("%s: site %s does not exist", owner, siteId);
        }
    }

    // --------------------------------------------------------------------------------------------------- tasks

    private void checkTasks() {
        for (int i = 0; i < portfolio.tasks().size(); i++) {
            Task task = portfolio.tasks().get(i);
            String taskLabel = label("task", task.id(), i + 1);
            checkSiteReference(taskLabel, task.siteId());
            checkModes(taskLabel, task);
            checkPredecessors(taskLabel, task);
            checkMaterials(taskLabel, task);
            checkBringsOnline(taskLabel, task);
            checkProgress(taskLabel, task);
        }
    }

    private void checkModes(String taskLabel, Task task) {
        if (task.modes().isEmpty()) {
            problem("%s: has no mode", taskLabel);
            return;
        }
        Set<String> modeNames = new HashSet<>();
        for (int m = 0; m < task.modes().size(); m++) {
            TaskMode mode = task.modes().get(m);
            String modeLabel = taskLabel + ": " + modeLabel(mode, m + 1);
            if (isBlank(mode.name())) {
                problem("%s: name is missing", modeLabel);
            } else if (!modeNames.add(mode.name())) {
                problem("%s: mode name %s is used more than once", taskLabel, mode.name());
            }
            if (mode.durationDays() < 0) {
                problem("%s: durationDays must be >= 0 (is %d)", modeLabel, mode.durationDays());
            }
            if (mode.cost() < 0) {
                problem("%s: cost must be >= 0 (is %d)", modeLabel, mode.cost());
            }
            for (Map.Entry<String, Integer> need : mode.crew().entrySet()) {
                if (!poolsById.containsKey(need.getKey())) {
                    problem("%s: crew pool %s does not exist", modeLabel, need.getKey());
                }
                if (need.getValue() <= 0) {
                    problem("%s: headcount of pool %s must be > 0 (is %d)", modeLabel, need.getKey(),
                            need.getValue());
                }
            }
            for (Map.Entry<String, Integer> use : mode.budgetUse().entrySet()) {
                if (!budgetsById.containsKey(use.getKey())) {
                    problem("%s: budget %s does not exist", modeLabel, use.getKey());
                }
                if (use.getValue() < 0) {
                    problem("%s: use of budget %s must be >= 0 (is %d)", modeLabel, use.getKey(), use.getValue());
                }
            }
        }
    }

    private void checkPredecessors(String taskLabel, Task task) {
        for (int d = 0; d < task.predecessors().size(); d++) {
            String predecessorId = task.predecessors().get(d).taskId();
            if (isBlank(predecessorId)) {
                problem("%s: predecessor #%d has no task id", taskLabel, d + 1);
            } else if (predecessorId.equals(task.id())) {
                problem("%s: predecessor %s is the task itself", taskLabel, predecessorId);
            } else if (!tasksById.containsKey(predecessorId)) {
                problem("%s: predecessor %s does not exist", taskLabel, predecessorId);
            }
        }
    }

    private void checkMaterials(String taskLabel, Task task) {
        for (String shipmentId : task.materials()) {
            Shipment shipment = shipmentsById.get(shipmentId);
            if (shipment == null) {
                problem("%s: material %s is not a known shipment", taskLabel, shipmentId);
            } else if (shipment.siteId() != null && task.siteId() != null
                    && !shipment.siteId().equals(task.siteId())) {
                // Equipment is not re-routed between campuses by the planner: the task would wait forever.
                problem("%s: material %s is delivered to site %s, not to the task's site %s", taskLabel,
                        shipmentId, shipment.siteId(), task.siteId());
            }
        }
    }

    private void checkBringsOnline(String taskLabel, Task task) {
        String blockId = task.bringsOnline();
        if (blockId == null) {
            return;
        }
        Site blockSite = siteOfBlock.get(blockId);
        if (blockSite == null) {
            problem("%s: brings online block %s, which does not exist", taskLabel, blockId);
            return;
        }
        if (!Objects.equals(blockSite.id(), task.siteId())) {
            problem("%s: brings online block %s of site %s, not of its own site %s", taskLabel, blockId,
                    blockSite.id(), task.siteId());
        }
        String otherTask = taskBringingBlockOnline.putIfAbsent(blockId, taskLabel);
        if (otherTask != null) {
            problem("block %s: brought online by more than one task (%s and %s)", blockId, otherTask, taskLabel);
        }
    }

    private void checkEveryBlockIsBroughtOnline() {
        for (Map.Entry<String, Site> block : siteOfBlock.entrySet()) {
            if (!taskBringingBlockOnline.containsKey(block.getKey())) {
                problem("block %s (site %s): no task brings it online, so its online date cannot be projected",
                        block.getKey(), block.getValue().id());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ progress

    private void checkProgress(String taskLabel, Task task) {
        TaskProgress progress = task.progress();
        if (progress == null) {
            return;
        }
        LocalDate dataDate = portfolio.dataDate();
        LocalDate start = progress.actualStart();
        LocalDate finish = progress.actualFinish();
        switch (progress.status()) {
            case NOT_STARTED -> {
                if (start != null || finish != null) {
                    problem("%s: NOT_STARTED but has an actual start or finish", taskLabel);
                }
            }
            case IN_PROGRESS -> {
                if (start == null) {
                    problem("%s: IN_PROGRESS needs an actualStart", taskLabel);
                } else if (dataDate != null && start.isAfter(dataDate)) {
                    problem("%s: actualStart %s is after the data date %s", taskLabel, start, dataDate);
                }
                if (progress.remainingDays() == null) {
                    problem("%s: IN_PROGRESS needs remainingDays", taskLabel);
                } else if (progress.remainingDays() < 0) {
                    problem("%s: remainingDays must be >= 0 (is %d)", taskLabel, progress.remainingDays());
                }
                if (finish != null) {
                    problem("%s: IN_PROGRESS but has an actualFinish", taskLabel);
                }
            }
            case DONE -> {
                if (start == null) {
                    problem("%s: DONE needs an actualStart", taskLabel);
                }
                if (finish == null) {
                    problem("%s: DONE needs an actualFinish", taskLabel);
                }
                if (start != null && finish != null && start.isAfter(finish)) {
                    problem("%s: actualStart %s is after actualFinish %s", taskLabel, start, finish);
                }
                if (finish != null && dataDate != null && finish.isAfter(dataDate)) {
                    problem("%s: actualFinish %s is after the data date %s", taskLabel, finish, dataDate);
                }
            }
        }
        // A task without modes is already reported; its progress mode cannot be resolved either way.
        if (progress.mode() != null && !task.modes().isEmpty() && findMode(task, progress.mode()) == null) {
            problem("%s: progress mode %s does not exist", taskLabel, progress.mode());
        }
    }

    // ---------------------------------------------------------------------------------------- precedence cycle

    /**
     * Kahn's algorithm peels off every task whose predecessors are all peeled off; whatever remains lies on or
     * behind a cycle. Walking predecessors among the remaining tasks must then revisit a task, which closes a
     * cycle. Both steps are loops over arrays, so a chain of any length cannot overflow the stack.
     */
    private void checkPrecedenceIsAcyclic() {
        List<Task> tasks = portfolio.tasks();
        int taskCount = tasks.size();
        Map<String, Integer> indexById = new HashMap<>(taskCount * 2);
        for (int i = 0; i < taskCount; i++) {
            if (!isBlank(tasks.get(i).id())) {
                indexById.putIfAbsent(tasks.get(i).id(), i);
            }
        }

        // Predecessor edges that resolve to another task; broken references were reported by checkPredecessors.
        int[][] predecessorsOf = new int[taskCount][];
        int[] successorCount = new int[taskCount];
        for (int i = 0; i < taskCount; i++) {
            List<Dependency> dependencies = tasks.get(i).predecessors();
            int[] resolved = new int[dependencies.size()];
            int resolvedCount = 0;
            for (Dependency dependency : dependencies) {
                Integer predecessor = dependency.taskId() == null ? null : indexById.get(dependency.taskId());
                if (predecessor != null && predecessor != i) {
                    resolved[resolvedCount++] = predecessor;
                    successorCount[predecessor]++;
                }
            }
            predecessorsOf[i] = resolvedCount == resolved.length ? resolved
                    : Arrays.copyOf(resolved, resolvedCount);
        }
        // Successors in one flat array: task t's successors are successors[firstSuccessor[t] .. firstSuccessor[t+1]).
        int[] firstSuccessor = new int[taskCount + 1];
        for (int i = 0; i < taskCount; i++) {
            firstSuccessor[i + 1] = firstSuccessor[i] + successorCount[i];
        }
        int[] successors = new int[firstSuccessor[taskCount]];
        int[] nextSlot = Arrays.copyOf(firstSuccessor, taskCount);
        int[] unfinishedPredecessors = new int[taskCount];
        for (int i = 0; i < taskCount; i++) {
            unfinishedPredecessors[i] = predecessorsOf[i].length;
            for (int predecessor : predecessorsOf[i]) {
                successors[nextSlot[predecessor]++] = i;
            }
        }

        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < taskCount; i++) {
            if (unfinishedPredecessors[i] == 0) {
                ready.add(i);
            }
        }
        boolean[] peeled = new boolean[taskCount];
        int peeledCount = 0;
        while (!ready.isEmpty()) {
            int task = ready.poll();
            peeled[task] = true;
            peeledCount++;
            for (int s = firstSuccessor[task]; s < firstSuccessor[task + 1]; s++) {
                if (--unfinishedPredecessors[successors[s]] == 0) {
                    ready.add(successors[s]);
                }
            }
        }
        if (peeledCount == taskCount) {
            return;
        }

        int start = 0;
        while (peeled[start]) {
            start++;
        }
        // Every remaining task has a remaining predecessor, so this walk never gets stuck.
        int[] stepWhenVisited = new int[taskCount];
        Arrays.fill(stepWhenVisited, -1);
        List<Integer> walk = new ArrayList<>();
        int current = start;
        while (stepWhenVisited[current] < 0) {
            stepWhenVisited[current] = walk.size();
            walk.add(current);
            current = remainingPredecessor(predecessorsOf[current], peeled);
        }
        List<Integer> cycle = new ArrayList<>(walk.subList(stepWhenVisited[current], walk.size()));
        // The walk went against the arrows; report it in precedence order, starting at the earliest listed task.
        Collections.reverse(cycle);
        int earliest = cycle.indexOf(Collections.min(cycle));
        Collections.rotate(cycle, -earliest);
        problem("%s", describeCycle(cycle, tasks));
    }

    private static int remainingPredecessor(int[] predecessors, boolean[] peeled) {
        for (int predecessor : predecessors) {
            if (!peeled[predecessor]) {
                return predecessor;
            }
        }
        throw new IllegalStateException("a task left by Kahn's algorithm has no remaining predecessor");
    }

    private static String describeCycle(List<Integer> cycle, List<Task> tasks) {
        StringBuilder text = new StringBuilder("precedence cycle");
        if (cycle.size() > MAX_CYCLE_TASKS_SHOWN) {
            text.append(" of ").append(cycle.size()).append(" tasks");
        }
        text.append(": ");
        int shownBeforeGap = cycle.size() > MAX_CYCLE_TASKS_SHOWN ? MAX_CYCLE_TASKS_SHOWN - 1 : cycle.size();
        for (int i = 0; i < shownBeforeGap; i++) {
            text.append(tasks.get(cycle.get(i)).id()).append(" -> ");
        }
        if (shownBeforeGap < cycle.size()) {
            text.append("... (").append(cycle.size() - shownBeforeGap - 1).append(" more) -> ")
                    .append(tasks.get(cycle.get(cycle.size() - 1)).id()).append(" -> ");
        }
        return text.append(tasks.get(cycle.get(0)).id()).toString();
    }

    // ------------------------------------------------------------------------------------------------ staffing

    /**
     * A task no mode of which can ever be staffed would make the solver search forever or leave it unplanned.
     * Finished work needs no more crew, and work in progress is held to the mode it runs in.
     */
    private void checkStaffing() {
        List<Task> tasks = portfolio.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            TaskProgress progress = task.progressOrNotStarted();
            if (progress.status() == TaskStatus.DONE || task.modes().isEmpty()
                    || !sitesById.containsKey(task.siteId()) || referencesUnknownPool(task)) {
                continue; // nothing left to staff, or already reported as a missing mode, site or pool
            }
            TaskMode runningMode = null;
            if (progress.status() == TaskStatus.IN_PROGRESS) {
                runningMode = progress.mode() == null ? task.modes().get(0) : findMode(task, progress.mode());
                if (runningMode == null) {
                    continue; // already reported as an unknown progress mode
                }
            }
            String whyNot = whyUnstaffable(task, runningMode);
            if (whyNot != null) {
                problem("%s cannot be staffed: %s", label("task", task.id(), i + 1), whyNot);
            }
        }
    }

    /** @return why no eligible mode can be staffed, mode by mode; null if one can */
    private String whyUnstaffable(Task task, TaskMode runningMode) {
        List<String> reasons = new ArrayList<>();
        for (int m = 0; m < task.modes().size(); m++) {
            TaskMode mode = task.modes().get(m);
            if (runningMode != null && mode != runningMode) {
                continue;
            }
            List<String> shortfalls = shortfalls(mode, task.siteId());
            if (shortfalls.isEmpty()) {
                return null;
            }
            reasons.add(modeLabel(mode, m + 1) + " needs " + String.join(" and ", shortfalls));
        }
        return String.join("; ", reasons);
    }

    private boolean referencesUnknownPool(Task task) {
        for (TaskMode mode : task.modes()) {
            for (String poolId : mode.crew().keySet()) {
                if (!poolsById.containsKey(poolId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return why the mode cannot be staffed on the site, sorted for a stable message; empty if it can */
    private List<String> shortfalls(TaskMode mode, String siteId) {
        List<String> shortfalls = new ArrayList<>(0);
        for (Map.Entry<String, Integer> need : mode.crew().entrySet()) {
            LaborPool pool = poolsById.get(need.getKey());
            if (!pool.siteIds().contains(siteId)) {
                shortfalls.add("pool " + pool.id() + " which does not serve site " + siteId);
            } else if (need.getValue() > maxHeadcountByPool.get(pool.id())) {
                shortfalls.add(need.getValue() + " of pool " + pool.id() + " (max "
                        + maxHeadcountByPool.get(pool.id()) + ")");
            }
        }
        Collections.sort(shortfalls);
        return shortfalls;
    }

    // --------------------------------------------------------------------------------------- previous schedule

    private void checkPreviousSchedule() {
        Set<String> listed = new HashSet<>();
        List<PlannedStart> entries = portfolio.previousSchedule();
        for (int i = 0; i < entries.size(); i++) {
            PlannedStart entry = entries.get(i);
            if (isBlank(entry.taskId())) {
                problem("previousSchedule entry #%d: taskId is missing", i + 1);
                continue;
            }
            String entryLabel = "previousSchedule: task " + entry.taskId();
            Task task = tasksById.get(entry.taskId());
            if (task == null) {
                problem("%s does not exist", entryLabel);
            } else if (entry.mode() != null && findMode(task, entry.mode()) == null) {
                problem("%s: mode %s does not exist", entryLabel, entry.mode());
            }
            if (entry.start() == null) {
                problem("%s: start is missing", entryLabel);
            }
            if (!listed.add(entry.taskId())) {
                problem("%s: listed more than once", entryLabel);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void problem(String format, Object... arguments) {
        problems.add(String.format(format, arguments));
    }

    /** Names an item by id, or by its 1-based position in its list when the id is missing. */
    private static String label(String kind, String id, int position) {
        return isBlank(id) ? kind + " #" + position : kind + " " + id;
    }

    private static String modeLabel(TaskMode mode, int position) {
        return isBlank(mode.name()) ? "mode #" + position : "mode " + mode.name();
    }

    /** Unlike {@link Task#modeIndex}, tolerates modes without a name, which this validator must survive. */
    private static TaskMode findMode(Task task, String modeName) {
        for (TaskMode mode : task.modes()) {
            if (Objects.equals(mode.name(), modeName)) {
                return mode;
            }
        }
        return null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String describe(Portfolio portfolio, List<String> problems) {
        String name = isBlank(portfolio == null ? null : portfolio.id()) ? "portfolio" : "portfolio " + portfolio.id();
        StringBuilder message = new StringBuilder(name).append(" is invalid (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        int listed = Math.min(problems.size(), MAX_LISTED_PROBLEMS);
        for (int i = 0; i < listed; i++) {
            message.append('\n').append("- ").append(problems.get(i));
        }
        if (problems.size() > listed) {
            message.append('\n').append("... and ").append(problems.size() - listed).append(" more");
        }
        return message.toString();
    }
}
