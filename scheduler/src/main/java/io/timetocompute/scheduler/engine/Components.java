package io.timetocompute.scheduler.engine;

import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * Splits the tasks into groups that share nothing: no precedence, no pool, no budget. Sites are coupled only through
 * traveling pools and shared budgets, so a change on one site re-decodes only its group.
 */
final class Components {

    private Components() {
    }

    /** @return task indices of each component, each in ascending task order */
    static int[][] of(SchedulingProblem problem) {
        int n = problem.taskCount();
        int[] parent = new int[n];
        for (int t = 0; t < n; t++) {
            parent[t] = t;
        }
        int[] firstTaskOfPool = filledWithNone(problem.poolCount());
        int[] firstTaskOfBudget = filledWithNone(problem.budgetCount());
        for (int t = 0; t < n; t++) {
            for (int predecessor : problem.predecessors(t)) {
                union(parent, t, predecessor);
            }
            for (int m = 0; m < problem.modeCount(t); m++) {
                for (int pool : problem.demandPools(t, m)) {
                    if (firstTaskOfPool[pool] < 0) {
                        firstTaskOfPool[pool] = t;
                    } else {
                        union(parent, t, firstTaskOfPool[pool]);
                    }
                }
                for (int budget : problem.budgetsUsed(t, m)) {
                    if (firstTaskOfBudget[budget] < 0) {
                        firstTaskOfBudget[budget] = t;
                    } else {
                        union(parent, t, firstTaskOfBudget[budget]);
                    }
                }
            }
        }
        int[] componentOfRoot = filledWithNone(n);
        List<List<Integer>> members = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int root = find(parent, t);
            if (componentOfRoot[root] < 0) {
                componentOfRoot[root] = members.size();
                members.add(new ArrayList<>());
            }
            members.get(componentOfRoot[root]).add(t);
        }
        int[][] components = new int[members.size()][];
        for (int c = 0; c < components.length; c++) {
            components[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return components;
    }

    private static int[] filledWithNone(int size) {
        int[] array = new int[size];
        java.util.Arrays.fill(array, -1);
        return array;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
