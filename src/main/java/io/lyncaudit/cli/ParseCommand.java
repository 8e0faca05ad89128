package io.lyncaudit.cli;

import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.importer.sheet.IpsecSpreadsheetImporter;
import io.lyncaudit.importer.windows.WindowsIpsecImporter;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** --vendor for a spreadsheet of connection-security rules (a plain spreadsheet is a firewall). */
    static final String IPSEC_SHEET = "ipsec-spreadsheet";

    private static byte[] head(Path file) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("yaml")) throw new Main.UsageException("unknown format '" + format + "' (json, yaml)");
        String display = DeploymentLoader.display(file);
        if (!Files.isRegularFile(file)) throw new io.lyncaudit.model.BadInputException(display, 0, "file not found");
        String text;
        if (WindowsIpsecImporter.FORMAT.equals(vendor) || IPSEC_SHEET.equals(vendor)
                || vendor == null && new WindowsIpsecImporter().detect(file, head(file))) {
            // an IPsec input: its connection-security rules rather than a firewall policy
            IpsecPolicy p = Importers.loadIpsec(file, display, IPSEC_SHEET.equals(vendor) ? IpsecSpreadsheetImporter.FORMAT : WindowsIpsecImporter.FORMAT);
            text = format.equals("yaml") ? NeutralWriter.toYaml(p) : NeutralWriter.toJson(p);
        } else {
            Importer importer = vendor != null ? Importers.forFormat(vendor) : Importers.detect(file, display);
            if (importer == null) {
                throw new Main.UsageException("unknown vendor '" + vendor + "' (supported: " + Importers.names() + ", " + IPSEC_SHEET + ")");
            }
            ImportResult r = importer.importFile(file, display);
            text = format.equals("yaml") ? NeutralWriter.toYaml(r) : NeutralWriter.toJson(r);
        }
        Outputs.toStdout(spec.commandLine().getOut(), o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        return ExitCode.PASS.code();
    }
}
