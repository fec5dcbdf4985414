package io.timetocompute.scheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDataTest {

    @Test
    void theSystemPropertyComesFirst(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("psplib"));
        Files.createDirectories(folder.resolve("mista2013"));
        String before = System.getProperty(BenchmarkData.PROPERTY);
        System.setProperty(BenchmarkData.PROPERTY, folder.toString());
        try {
            assertThat(BenchmarkData.root()).isEqualTo(folder.toAbsolutePath().normalize());
        } finally {
            if (before == null) {
                System.clearProperty(BenchmarkData.PROPERTY);
            } else {
                System.setProperty(BenchmarkData.PROPERTY, before);
            }
        }
    }
}
