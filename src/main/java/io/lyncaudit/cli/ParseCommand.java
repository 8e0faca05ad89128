package io.lyncaudit.cli;

import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.importer.Importers;
import java.nio.charset.StandardCharsets;
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

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "json", description = "json (default) or yaml.")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("yaml")) throw new Main.UsageException("unknown format '" + format + "' (json, yaml)");
        String text;
        try {
            text = Importers.parseListing(file, DeploymentLoader.display(file), vendor, format.equals("yaml"));
        } catch (Importers.UnknownVendorException e) {
            throw new Main.UsageException(e.getMessage());
        }
        Outputs.toStdout(spec.commandLine().getOut(), o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        return ExitCode.PASS.code();
    }
}
