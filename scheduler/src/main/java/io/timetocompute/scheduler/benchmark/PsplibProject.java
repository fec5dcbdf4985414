package io.timetocompute.scheduler.benchmark;

import java.util.List;

/**
 * One PSPLIB project file (.sm or .mm) as written in the file, before any mapping onto a portfolio. Jobs, modes and
 * resources keep the file's 1-based numbering: {@code job(1)} is the dummy source, {@code job(jobCount())} the sink.
 * <p>
 * The benchmark checker works from this data, never from the compiled solver problem, so that a mapping error in
 * the portfolio cannot hide behind a checker that shares it.
 *
 * @param releaseDate the file's {@code rel.date} (0 in every PSPLIB file; MISTA gives releases in the instance file)
 * @param mpmTime the file's critical-path length {@code MPM-Time}
 * @param renewableCapacities per-period capacity of R 1, R 2, ...
 * @param nonRenewableCapacities total budget of N 1, N 2, ... over the whole project
 */
public record PsplibProject(String fileName, int releaseDate, int mpmTime, List<Integer> renewableCapacities,
        List<Integer> nonRenewableCapacities, List<Job> jobs) {

    public PsplibProject {
        renewableCapacities = List.copyOf(renewableCapacities);
        nonRenewableCapacities = List.copyOf(nonRenewableCapacities);
        jobs = List.copyOf(jobs);
    }

    /**
     * @param successors job numbers of the successors (finish-to-start, no lag)
     */
    public record Job(int number, List<Integer> successors, List<Mode> modes) {

        public Job {
            successors = List.copyOf(successors);
            modes = List.copyOf(modes);
        }

        /** @param number 1-based, as in the file */
        public Mode mode(int number) {
            return modes.get(number - 1);
        }
    }

    /**
     * @param renewableDemands demand per period on R 1, R 2, ...
     * @param nonRenewableDemands total consumption of N 1, N 2, ...
     */
    public record Mode(int number, int duration, List<Integer> renewableDemands, List<Integer> nonRenewableDemands) {

        public Mode {
            renewableDemands = List.copyOf(renewableDemands);
            nonRenewableDemands = List.copyOf(nonRenewableDemands);
        }
    }

    public int jobCount() {
        return jobs.size();
    }

    /** @param number 1-based, as in the file */
    public Job job(int number) {
        return jobs.get(number - 1);
    }

    public int renewableCount() {
        return renewableCapacities.size();
    }

    public int nonRenewableCount() {
        return nonRenewableCapacities.size();
    }
}
