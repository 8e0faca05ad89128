package io.lyncaudit.cli;

import io.lyncaudit.audit.Timings;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.policy.ImportResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `lyncaudit parse`: shows what an importer understood of a file, as the neutral policy with diagnostics. */
@Command(name = "parse", mixinStandardHelpOptions = true, header = "Show what an importer understood of a firewall export.", versionProvider = Main.Version.class,
        description = {"Imports one firewall export and prints the neutral policy it yields, with the source line of",
                "every rule, the diagnostics of every line that was not used, and counts per category."})
final class ParseCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A firewall export.")
    Path file;

    @Option(names = "--vendor", paramLabel = "V", description = "The format, when detection should not decide.")
    String vendor;

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "json", description = "json (default) or yaml.")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("yaml")) throw new Main.UsageException("unknown format '" + format + "' (json, yaml)");
        String display = DeploymentLoader.display(file);
        if (!Files.isRegularFile(file)) throw new io.lyncaudit.model.BadInputException(display, 0, "file not found");
        Importer importer = vendor != null ? Importers.forFormat(vendor) : Importers.detect(file, display);
        if (importer == null) throw new Main.UsageException("unknown vendor '" + vendor + "' (supported: " + Importers.names() + ")");
        Timings timings = new Timings();
        ImportResult r = importer.importFile(file, display);
        timings.mark("import");
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("yaml")) {
            out.print(NeutralWriter.toYaml(r));
            out.flush();
        } else {
            NeutralWriter.writeJson(r, out); // streamed: a 100,000-line config gives tens of MB of JSON
        }
        timings.mark("write");
        if (System.getenv("LYNCAUDIT_TIMING") != null) spec.commandLine().getErr().println(timings.summary());
        return ExitCode.PASS.code();
    }
}
