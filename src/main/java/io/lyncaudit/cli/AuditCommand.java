package io.lyncaudit.cli;

import io.lyncaudit.audit.Adjustments;
import io.lyncaudit.audit.Auditor;
import io.lyncaudit.audit.FirewallLoader;
import io.lyncaudit.audit.Timings;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.report.AtomicReportWriter;
import io.lyncaudit.report.ReportFormat;
import io.lyncaudit.report.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `lyncaudit audit`: audits every firewall of a deployment and reports; the exit code is the gate. */
@Command(name = "audit", mixinStandardHelpOptions = true, header = "Audit the firewalls of a deployment; the exit code is the gate.", versionProvider = Main.Version.class, sortOptions = false,
        description = {"Audits the firewalls of a deployment against the catalog and reports MISSING, PARTIAL, EXTRA,",
                "MISDIRECTED and SHADOWED findings with the config lines behind them."},
        footer = {"", "Examples:", "  lyncaudit audit samples/contoso-single-edge-nat/deployment.yaml",
                "  lyncaudit audit deployment.yaml --format json --format xlsx --out reports/ --fail-on medium",
                "  lyncaudit audit deployment.yaml --waivers waivers.yaml --baseline main.json --format sarif --format junit --out reports/",
                "", "Exit codes: 0 gate passed, 1 gate failed, 2 bad usage or input, 3 internal error."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEPLOYMENT.yaml", description = "The deployment file.")
    Path deployment;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "console (default), json, xlsx, sarif, junit or md; repeat for several (needs --out).")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write each format to DIR/lyncaudit.<ext> instead of stdout.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Fail the gate on unwaived findings at or above: info, low, medium, high (default), critical, or none.")
    String failOn;

    @Option(names = "--fail-on-unparsed", description = "Also fail the gate when an input line was unsupported or unrecognized.")
    boolean failOnUnparsed;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Accepted findings (reason, owner, expires): they stay in the report, marked waived, and do not fail the gate.")
    Path waivers;

    @Option(names = "--waiver-warn-days", paramLabel = "N", defaultValue = "30",
            description = "Warn about waivers that expire within N days (default 30).")
    int waiverWarnDays;

    @Option(names = "--fail-on-expired-waivers", description = "Also fail the gate when a waiver has expired.")
    boolean failOnExpiredWaivers;

    @Option(names = "--fail-on-unused-waivers", description = "Also fail the gate when a waiver matched no finding.")
    boolean failOnUnusedWaivers;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous JSON report: only findings not in it count for the gate; the report shows new, unchanged and resolved findings.")
    Path baseline;

    // for reproducible runs and tests: the date waivers are checked against
    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true)
    String today;

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra DRL rules (a site's own policy), compiled at start.")
    Path rules;

    @Override
    public Integer call() throws Exception {
        List<ReportFormat> fmts = new ArrayList<>();
        for (String f : new LinkedHashSet<>(formats.isEmpty() ? List.of("console") : formats)) {
            try {
                fmts.add(ReportFormat.parse(f));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
        }
        if (out == null && fmts.size() > 1) throw new Main.UsageException("several formats need --out DIR");
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new Main.UsageException("--out " + out + " is a file; it must name a directory (reports are written as DIR/lyncaudit.<ext>)");
        }
        if (out == null && fmts.get(0).renderer().binary()) {
            throw new Main.UsageException(fmts.get(0).formatName() + " is binary; give --out DIR to write it to a file");
        }
        GatePolicy gate;
        try {
            gate = new GatePolicy(GatePolicy.parseFailOn(failOn), failOnUnparsed, failOnExpiredWaivers, failOnUnusedWaivers);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--fail-on: " + e.getMessage() + "; or none to never fail");
        }
        if (waiverWarnDays < 0) throw new Main.UsageException("--waiver-warn-days must be 0 or more, not " + waiverWarnDays);
        LocalDate date;
        try {
            date = today == null ? LocalDate.now() : LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new Main.UsageException("--today: expected a date as yyyy-mm-dd, found '" + today + "'");
        }
        if (out != null) Outputs.requireWritableDirectory(out);
        Adjustments adj = Adjustments.load(waivers, baseline, date, waiverWarnDays, DeploymentLoader::display);
        Timings timings = new Timings();
        Deployment d = DeploymentLoader.load(deployment, DeploymentLoader.display(deployment));
        timings.mark("deployment");
        RuleEngine engine = rules != null ? RuleEngine.withUserRules(rules) : RuleEngine.builtIn();
        timings.mark("rules");
        Auditor.Result result = new Auditor(engine, FirewallLoader.IMPORTERS)
                .audit(d, gate, timings, adj);

        for (ReportFormat f : fmts) {
            ReportRenderer r = f.renderer();
            if (out == null) {
                Outputs.toStdout(spec.commandLine().getOut(), o -> r.render(result.report(), o));
            } else {
                Path written;
                try {
                    written = AtomicReportWriter.write(result.report(), r, out);
                } catch (IOException e) {
                    throw Outputs.unwritable(AtomicReportWriter.target(out, r), e);
                }
                spec.commandLine().getErr().println("wrote " + BadInputException.printable(DeploymentLoader.display(written)));
            }
        }
        timings.mark("render");
        if (System.getenv("LYNCAUDIT_TIMING") != null) spec.commandLine().getErr().println(timings.summary());
        if (!result.gate().passed() && out != null) {
            spec.commandLine().getErr().println("gate FAIL: " + String.join("; ", result.gate().reasons()));
        }
        return result.gate().passed() ? ExitCode.PASS.code() : ExitCode.FAIL.code();
    }

}
