package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark data for tests, located on first use rather than in static initializers: a missing data folder
 * then fails every test with {@link BenchmarkData}'s message naming the folders tried, instead of a bare
 * NoClassDefFoundError after the first test.
 */
final class BenchmarkTestData {

    private static Path root;
    private static References references;

    private BenchmarkTestData() {
    }

    static synchronized Path root() {
        if (root == null) {
            root = BenchmarkData.root();
        }
        return root;
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

    static List<Path> filesIn(String relativeFolder) throws IOException {
        try (Stream<Path> files = Files.list(root().resolve(relativeFolder))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
