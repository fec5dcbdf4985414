package io.timetocompute.scheduler.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the public benchmark data folder (psplib/, mista2013/ ...). The data is not part of the repository: it is
 * read from the system property {@value #PROPERTY}, or from {@code ../shared/data} or {@code ../../shared/data}
 * relative to the working directory (the repository root or the scheduler module), in that order.
 */
public final class BenchmarkData {

    public static final String PROPERTY = "ttc.data";

    private BenchmarkData() {
    }

    /** @throws IllegalStateException naming every folder tried, if none holds the benchmark data */
    public static Path root() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared/data"));
        candidates.add(Path.of("../../shared/data"));
        for (Path candidate : candidates) {
            if (holdsBenchmarkData(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        StringBuilder message = new StringBuilder("benchmark data folder not found; tried:");
        for (Path candidate : candidates) {
            message.append(' ').append(candidate.toAbsolutePath().normalize());
        }
        message.append(". Point -D").append(PROPERTY).append("=<folder> at the folder that holds psplib/ and ")
                .append("mista2013/.");
        throw new IllegalStateException(message.toString());
    }

    /** A folder is only accepted with the expected sub-folders, so an unrelated "data" folder is not picked up. */
    private static boolean holdsBenchmarkData(Path folder) {
        return Files.isDirectory(folder.resolve("psplib")) && Files.isDirectory(folder.resolve("mista2013"));
    }
}
