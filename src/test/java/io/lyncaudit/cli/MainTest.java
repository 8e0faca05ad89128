package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.audit.Auditor;
import io.lyncaudit.model.BadInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The top command: usage errors, --help, --version, and how exceptions map to exit codes 2 and 3. */
class MainTest {

    @Test
    void noCommandIsBadUsage() {
        Cli.Result r = Cli.run();
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r::toString);
        assertEquals(List.of("lyncaudit: a command is required: audit, requirements, parse, diff, trace or init", "Try 'lyncaudit --help'."),
                r.err().strip().lines().toList());
        Cli.assertNoStackTrace(r);
    }

    @Test
    void unknownOptionOfASubcommandIsBadUsage() {
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--bogus");
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r::toString);
        assertEquals(List.of("lyncaudit: Unknown option: '--bogus'", "Try 'lyncaudit audit --help'."), r.err().strip().lines().toList());
        assertEquals("", r.out());
    }

    @Test
    void unknownTopLevelOptionIsBadUsage() {
        Cli.Result r = Cli.run("--bogus");
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r::toString);
        assertEquals(List.of("lyncaudit: Unknown option: '--bogus'", "Try 'lyncaudit --help'."), r.err().strip().lines().toList());
    }

    @Test
    void unknownCommandIsBadUsage() {
        Cli.Result r = Cli.run("audti", Cli.PLANTED);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r::toString);
        Cli.assertNoStackTrace(r);
    }

    @Test
    void topLevelHelp() {
        Cli.Result r = Cli.run("--help");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().startsWith("Usage: lyncaudit "), r::toString);
        for (String c : List.of("audit", "requirements", "parse", "init")) assertTrue(r.out().contains("\n  " + c + " "), c);
        assertTrue(r.out().contains("Exit codes: 0 gate passed, 1 gate failed, 2 bad usage or input, 3 internal"), r::toString);
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "requirements", "parse", "diff", "init"})
    void subcommandHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Usage: lyncaudit " + command + " ")), r::toString);
        assertEquals("", r.err());
        // `lyncaudit help COMMAND` says the same
        Cli.Result h = Cli.run("help", command);
        assertEquals(ExitCode.PASS.code(), h.code(), h::toString);
        assertEquals(r.out(), h.out());
    }

    @Test
    void version() {
        Cli.Result r = Cli.run("--version");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals("lyncaudit " + Auditor.VERSION + " (catalog lync-server-2013)", r.out().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "requirements", "parse", "diff", "init"})
    void subcommandVersion(String command) {
        // every usage line advertises -V; it used to print nothing below the top command
        Cli.Result r = Cli.run(command, "-V");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals(Cli.run("--version").out(), r.out());
    }

    // Exit code 3 cannot be provoked honestly from outside (every known failure is bad input), so
    // the mapping the command line installs is tested directly.

    @Test
    void internalErrorIsExit3WithoutStackTrace() {
        StringWriter err = new StringWriter();
        int code = Main.exitCodeFor(new IllegalStateException("boom"), new PrintWriter(err, true), false);
        assertEquals(ExitCode.INTERNAL.code(), code);
        assertEquals(List.of("lyncaudit: internal error: java.lang.IllegalStateException: boom",
                "Set LYNCAUDIT_DEBUG=1 for the stack trace, and please report it."), err.toString().strip().lines().toList());
    }

    @Test
    void internalErrorShowsTheStackTraceInDebugMode() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.INTERNAL.code(), Main.exitCodeFor(new IllegalStateException("boom"), new PrintWriter(err, true), true));
        assertTrue(err.toString().contains("\tat "), err::toString);
    }

    @Test
    void badInputAndUsageAreExit2() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err, true);
        assertEquals(ExitCode.BAD_INPUT.code(), Main.exitCodeFor(new BadInputException("fw.csv", 7, "cell D7: port 70000 is outside 0-65535"), w, true));
        assertEquals(ExitCode.BAD_INPUT.code(), Main.exitCodeFor(new Main.UsageException("several formats need --out DIR"), w, true));
        assertEquals(List.of("lyncaudit: fw.csv:7: cell D7: port 70000 is outside 0-65535", "lyncaudit: several formats need --out DIR"),
                err.toString().strip().lines().toList(), "bad input never shows a stack trace, even in debug mode");
    }
}
