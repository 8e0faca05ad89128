package io.lyncaudit.cli;

import io.lyncaudit.audit.Auditor;
import io.lyncaudit.audit.ChangeAudit;
import io.lyncaudit.audit.FirewallLoader;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.report.ChangeReport;
import io.lyncaudit.report.ChangeReportRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `lyncaudit diff`: what a change to one firewall fixes and breaks; exit 1 when it introduces a finding at or above --fail-on. */
@Command(name = "diff", mixinStandardHelpOptions = true, header = "Compare two versions of one firewall: findings introduced and resolved, rules and required flows changed.",
        versionProvider = Main.Version.class, sortOptions = false,
        footer = {"", "Example:", "  lyncaudit diff deployment.yaml --firewall edge-external --before current.csv --after proposed.csv",
                "", "Exit codes: 0 nothing introduced at or above --fail-on, 1 the change introduces such a finding, 2 bad usage or input, 3 internal error."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEPLOYMENT.yaml", description = "The deployment file.")
    Path deployment;

    @Option(names = "--before", required = true, paramLabel = "FILE", description = "The firewall export before the change.")
    Path before;

    @Option(names = "--after", required = true, paramLabel = "FILE", description = "The firewall export after the change.")
    Path after;

    @Option(names = "--firewall", paramLabel = "NAME", description = "The firewall of the deployment that changes (needed when it has several).")
    String firewall;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when the change introduces a finding at or above: info, low, medium, high (default), critical, or none.")
    String failOn;

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "console", description = "console (default) or json.")
    String format;

    @Override
    public Integer call() throws Exception {
        Severity threshold;
        try {
            threshold = GatePolicy.parseFailOn(failOn);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--fail-on: " + e.getMessage() + "; or none to never fail");
        }
        if (!format.equals("console") && !format.equals("json")) throw new Main.UsageException("diff --format is console or json, not '" + format + "'");
        for (Path p : new Path[] {before, after}) {
            if (!Files.isRegularFile(p)) throw new Main.UsageException(DeploymentLoader.display(p) + ": file not found");
        }
        Deployment d = DeploymentLoader.load(deployment, DeploymentLoader.display(deployment));
        FirewallLoader loader = FirewallLoader.IMPORTERS;
        ChangeReport c = new ChangeAudit(new Auditor(RuleEngine.builtIn(), loader), loader)
                .diff(d, firewall, before, after, threshold, DeploymentLoader::display);
        Outputs.toStdout(spec.commandLine().getOut(), o -> {
            if (format.equals("json")) ChangeReportRenderer.json(c, o);
            else ChangeReportRenderer.text(c, o);
        });
        return "PASS".equals(c.gate()) ? ExitCode.PASS.code() : ExitCode.FAIL.code();
    }
}
