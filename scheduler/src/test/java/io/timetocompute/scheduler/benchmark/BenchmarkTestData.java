package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The benchmark data for tests. By default the few instance files the tests name, shipped in the test resources
 * ({@code benchmark-data/}, same layout as the public data folder; sources in its README), so that a clone with
 * nothing beside it passes. The whole public sets are read only when a data folder is given with
 * {@code -Dttc.data=DIR} or the environment variable {@code TTC_DATA}; tests over whole sets call
 * {@link #assumeWholeSets()} and are skipped otherwise.
 */
final class BenchmarkTestData {

    static final String ENVIRONMENT_VARIABLE = "TTC_DATA";
    static final String BUNDLED = "/benchmark-data/README.md";

    private static Path root;
    private static References references;

    private BenchmarkTestData() {
    }

    static synchronized Path root() {
        if (root == null) {
            root = givenDataFolder().map(BenchmarkTestData::checked).orElseGet(BenchmarkTestData::bundled);
        }
        return root;
    }

    /** The data folder given explicitly (system property first, then the environment), if any. */
    static Optional<Path> givenDataFolder() {
        return Stream.of(System.getProperty(BenchmarkData.PROPERTY), System.getenv(ENVIRONMENT_VARIABLE))
                .filter(value -> value != null && !value.isBlank()).findFirst().map(Path::of);
    }

    /** Skips the calling test unless a data folder with the whole public sets was given. */
    static void assumeWholeSets() {
        Assumptions.assumeTrue(givenDataFolder().isPresent(), "whole public sets only with -D" + BenchmarkData.PROPERTY
                + "=DIR or " + ENVIRONMENT_VARIABLE + "=DIR");
    }

    private static Path checked(Path given) {
        if (!Files.isDirectory(given.resolve("psplib")) || !Files.isDirectory(given.resolve("mista2013"))) {
            throw new IllegalStateException("the given benchmark data folder " + given.toAbsolutePath().normalize()
                    + " does not hold psplib/ and mista2013/");
        }
        return given.toAbsolutePath().normalize();
    }

    private static Path bundled() {
        URL readme = BenchmarkTestData.class.getResource(BUNDLED);
        if (readme == null) {
            throw new IllegalStateException("test resource " + BUNDLED + " is missing");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized References references() {
        if (references == null) {
            references = References.load(root());
        }
        return references;
    }

    /** @param relativePath e.g. {@code psplib/j30/j301_1.sm} */
    static BenchmarkInstance psplib(String relativePath) {
        return PsplibReader.read(root().resolve(relativePath));
    }

    /** @param instanceFile e.g. {@code A-1.txt} */
    static BenchmarkInstance mista(String instanceFile) {
        return MistaReader.read(root().resolve("mista2013/instances").resolve(instanceFile));
    }

    /** Every file of a whole public set: skips the calling test unless the data folder was given. */
    static List<Path> filesIn(String relativeFolder) throws IOException {
        assumeWholeSets();
        try (Stream<Path> files = Files.list(root().resolve(relativeFolder))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
