package io.lyncaudit.cli;

import io.lyncaudit.audit.Timings;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.BadInputException;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `lyncaudit parse`: shows what an importer understood of a file, as the neutral policy with diagnostics. */
@Command(name = "parse", mixinStandardHelpOptions = true, header = "Show what an importer understood of a firewall or IPsec export.", versionProvider = Main.Version.class,
        description = {"Imports one firewall export and prints the neutral policy it yields, with the source line of",
                "every rule, the diagnostics of every line that was not used, and counts per category."})
final class ParseCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A firewall export.")
    Path file;

    @Option(names = "--vendor", paramLabel = "V", description = "The format, when detection should not decide (also windows-ipsec, ipsec-spreadsheet).")
    String vendor;

    @Option(names = "--encoding", paramLabel = "E",
            description = "The file's encoding, when detection should not decide: utf-8, utf-16, utf-16le, utf-16be or windows-1252.")
    String encoding;

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "json", description = "json (default) or yaml.")
    String format;

    @Option(names = "--action", paramLabel = "A", description = {"For a spreadsheet without an action column: what every row means,",
            "permit (a list of openings) or deny. Without it such a sheet is refused."})
    String action;

    @Option(names = "--vdom", paramLabel = "NAME", description = "For a FortiGate export with several VDOMs: the VDOM to read.")
    String vdom;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("yaml")) throw new Main.UsageException("unknown format '" + format + "' (json, yaml)");
        ImportOptions options;
        try {
            options = ImportOptions.of(null, action, false);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--action: " + e.getMessage());
        }
        Timings timings = new Timings();
        PrintWriter out = spec.commandLine().getOut();
        List<String> warnings;
        try {
            warnings = Importers.parseListing(file, DeploymentLoader.display(file), vendor, options.withEncoding(encoding).withVdom(vdom),
                    format.equals("yaml"), out, () -> timings.mark("import"));
        } catch (Importers.UnknownVendorException e) {
            throw new Main.UsageException(e.getMessage());
        }
        for (String w : warnings) spec.commandLine().getErr().println("lyncaudit: warning: " + BadInputException.printable(w));
        timings.mark("write");
        if (System.getenv("LYNCAUDIT_TIMING") != null) spec.commandLine().getErr().println(timings.summary());
        return ExitCode.PASS.code();
    }
}
