package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** What the command tests share: the {@code ttc} command line run in process, with what it printed kept. */
abstract class CommandLineTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine commandLine = TtcCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
