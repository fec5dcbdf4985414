package io.timetocompute.scheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The harness itself, on a small portfolio: every change it submits is found in a publication and measured. */
class ReplanBenchmarkCommandTest {

    @Test
    void measuresEveryChangeItSubmits() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = TtcCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        int exit = commandLine.execute("bench-replan", "--tasks", "300", "--changes", "10", "--interval-ms", "100",
                "--warm-up-seconds", "1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("| 10 of 10 named |").containsPattern("p99 \\d+ ms");
    }
}
