package io.lyncaudit.cli;

import io.lyncaudit.audit.RequirementsListing;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.report.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `lyncaudit requirements`: the catalog, or the flows a deployment requires. */
@Command(name = "requirements", mixinStandardHelpOptions = true, header = "List the catalog, or the flows a deployment requires.", versionProvider = Main.Version.class,
        description = {"Lists the requirements of the catalog (--all: one line per requirement and source row), or the",
                "concrete required flows of one deployment, with addresses resolved, per firewall they cross."})
final class RequirementsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEPLOYMENT.yaml", description = "A deployment file.")
    Path deployment;

    @Option(names = "--all", description = "List the whole catalog.")
    boolean all;

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "text", description = "text (default), csv, json or xlsx (xlsx needs --out).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "csv", "json", "xlsx").contains(format)) {
            throw new Main.UsageException("unknown format '" + format + "' (text, csv, json, xlsx)");
        }
        if (deployment == null && !all) throw new Main.UsageException("give a deployment file, or --all for the whole catalog");
        if (format.equals("xlsx") && out == null) throw new Main.UsageException("xlsx is binary; give --out FILE");
        RuleEngine engine = RuleEngine.builtIn();
        Table t;
        if (deployment != null && !all) {
            Deployment d = DeploymentLoader.load(deployment, DeploymentLoader.display(deployment));
            t = RequirementsListing.forDeployment(engine, d);
        } else {
            t = RequirementsListing.catalog(engine);
        }
        Outputs.Body body = Outputs.table(t, format);
        if (out == null) Outputs.toStdout(spec.commandLine().getOut(), body);
        else Outputs.toFile(out, body);
        return ExitCode.PASS.code();
    }
}
