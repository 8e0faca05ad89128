package io.lyncaudit.cli;

import io.lyncaudit.audit.Auditor;
import io.lyncaudit.model.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lyncaudit command line: parses arguments, calls the application, maps outcomes to exit codes. */
@Command(name = "lyncaudit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Audits firewall exports against the Lync Server 2013 port requirements.",
        subcommands = {AuditCommand.class, RequirementsCommand.class, ParseCommand.class, DiffCommand.class, TraceCommand.class, InitCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 gate passed, 1 gate failed, 2 bad usage or input, 3 internal error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: audit, requirements, parse, diff, trace or init");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("lyncaudit: " + BadInputException.printable(ex.getMessage()));
            err.println("Try 'lyncaudit " + (ex.getCommandLine().getCommandName().equals("lyncaudit") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.BAD_INPUT.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> exitCodeFor(ex, err, System.getenv("LYNCAUDIT_DEBUG") != null));
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            err.println("lyncaudit: internal error: " + BadInputException.printable(String.valueOf(e)));
            return ExitCode.INTERNAL.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * What a command's exception means: bad input or usage (exit 2, one message line), or an
     * internal error (exit 3; the stack trace only with {@code debug}). Package-private for tests.
     */
    static int exitCodeFor(Exception ex, PrintWriter err, boolean debug) {
        // every message goes through the one filter: input text in it is cut short and its escapes made visible
        if (ex instanceof BadInputException || ex instanceof UsageException) {
            err.println("lyncaudit: " + BadInputException.printable(ex.getMessage()));
            return ExitCode.BAD_INPUT.code();
        }
        err.println("lyncaudit: internal error: " + BadInputException.printable(String.valueOf(ex)));
        if (debug) ex.printStackTrace(err);
        else err.println("Set LYNCAUDIT_DEBUG=1 for the stack trace, and please report it.");
        return ExitCode.INTERNAL.code();
    }

    /** Bad usage detected after parsing (e.g. xlsx to stdout). */
    static final class UsageException extends RuntimeException {
        UsageException(String m) {
            super(m);
        }
    }

    /** Prints the tool version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lyncaudit " + Auditor.VERSION + " (catalog lync-server-2013)"};
        }
    }
}
