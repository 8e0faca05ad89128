package io.lyncaudit.report;

import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.RequirementRef;
import java.util.List;
import java.util.Map;

/**
 * The immutable result of one audit, the only thing renderers see. Field names follow
 * ../shared/contracts/report.example.json.
 *
 * @param resolved findings of the baseline report (--baseline) whose id this audit no longer finds; empty without one
 */
public record Report(int schemaVersion, Tool tool, String generatedAt, DeploymentInfo deployment, List<Input> inputs,
                     Summary summary, List<Finding> findings, List<RequirementStatus> requirements,
                     List<ReportDiagnostic> diagnostics, List<Finding> resolved) {

    public Report {
        inputs = List.copyOf(inputs);
        findings = List.copyOf(findings);
        requirements = List.copyOf(requirements);
        diagnostics = List.copyOf(diagnostics);
        resolved = List.copyOf(resolved);
    }

    /** A report made without a baseline: nothing resolved. */
    public Report(int schemaVersion, Tool tool, String generatedAt, DeploymentInfo deployment, List<Input> inputs,
                  Summary summary, List<Finding> findings, List<RequirementStatus> requirements,
                  List<ReportDiagnostic> diagnostics) {
        this(schemaVersion, tool, generatedAt, deployment, inputs, summary, findings, requirements, diagnostics, List.of());
    }

    /** Name and version of the tool that wrote the report. */
    public record Tool(String name, String version) {
    }

    /** The audited deployment. */
    public record DeploymentInfo(String name, String file, String catalog, String scenario) {
    }

    /** One firewall input: its file, format, hash and size. */
    public record Input(String firewall, String file, String format, String sha256, int rules, int lines, int unparsedLines) {
    }

    /**
     * Counts and the gate verdict.
     *
     * @param requirements number of (requirement, firewall) checks
     * @param satisfied    how many of them are satisfied
     * @param findings     count per finding type, every type present (zero when none)
     * @param gate         PASS or FAIL
     */
    public record Summary(int requirements, int satisfied, Map<FindingType, Integer> findings, int waived, String failOn,
                          String gate) {
    }

    /**
     * The status of one required flow on one firewall: SATISFIED, or the finding type that explains it.
     * When several requirements share one finding (one opening), each keeps its line here, with the
     * status it would have alone (the primary requirement's is the finding's type) and the shared
     * finding's id.
     *
     * @param finding the id of the finding that explains a status other than SATISFIED; null when none
     */
    public record RequirementStatus(RequirementRef requirement, String firewall, Flow flow, String status,
                                    List<Evidence> evidence, String severity, String finding) {
        public RequirementStatus {
            evidence = List.copyOf(evidence);
        }

        /** A status no finding is linked to (a satisfied requirement, or a report read back without links). */
        public RequirementStatus(RequirementRef requirement, String firewall, Flow flow, String status, List<Evidence> evidence,
                                 String severity) {
            this(requirement, firewall, flow, status, evidence, severity, null);
        }
    }

    /** A line an importer could not use, or a problem of the deployment worth a warning. */
    public record ReportDiagnostic(String file, int line, String severity, String category, String text, String message) {
    }
}
