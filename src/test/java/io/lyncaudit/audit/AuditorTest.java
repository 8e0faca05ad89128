package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole pipeline on in-memory policies: each finding type planted once. */
class AuditorTest {
    static final String EXT_OK = """
            permit tcp any 172.25.33.10 443
            permit tcp any 172.25.33.10 5061
            permit tcp 172.25.33.10 any 5061
            permit tcp 172.25.33.10 any 80
            permit tcp 172.25.33.10 any 53
            permit udp 172.25.33.10 any 53
            permit tcp any 172.25.33.11 443
            permit tcp 172.25.33.12 any 50000-59999
            permit udp 172.25.33.12 any 3478
            permit udp any 172.25.33.12 3478
            permit tcp any 172.25.33.12 443
            permit tcp 172.25.33.12 any 443
            """;
    static final String INT_OK = """
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.5 5061
            permit tcp 10.0.10.5 10.0.1.10-10.0.1.12 5061
            permit tcp 10.0.1.11-10.0.1.12 10.0.10.5 8057
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.5 5062
            permit udp 10.0.0.0/8 10.0.10.5 3478
            permit tcp 10.0.0.0/8 10.0.10.5 443
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.5 4443
            """;

    private static Auditor.Result run(String ext, String in) throws Exception {
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/audit/deployment.yaml"), "deployment.yaml");
        Map<String, ImportResult> p = Map.of("ext", TestPolicies.parse("ext.txt", ext), "int", TestPolicies.parse("int.txt", in));
        return new Auditor(RuleEngine.builtIn(), fw -> p.get(fw.name())).audit(d, new GatePolicy(Severity.HIGH, false));
    }

    private static Map<FindingType, List<Finding>> byType(Auditor.Result r) {
        return r.report().findings().stream().collect(Collectors.groupingBy(Finding::type));
    }

    @Test
    void cleanPoliciesPassWithEveryRequirementSatisfied() throws Exception {
        Auditor.Result r = run(EXT_OK, INT_OK);
        assertEquals(List.of(), r.report().findings(), "findings");
        assertTrue(r.gate().passed());
        assertEquals(r.report().summary().requirements(), r.report().summary().satisfied());
        assertEquals(19, r.report().summary().requirements(), "12 external and 7 internal checks");
    }

    @Test
    void eachPlantedProblemIsFoundOnce() throws Exception {
        String ext = EXT_OK
                .replace("permit tcp 172.25.33.12 any 50000-59999", "permit tcp 172.25.33.12 any 50000-54999")
                .replace("permit udp any 172.25.33.12 3478", "permit udp any 172.25.33.10 3478")
                + "permit tcp any 131.107.155.10 3389\n";
        String in = INT_OK.replace("permit tcp 10.0.1.10-10.0.1.12 10.0.10.5 4443\n", "");
        Auditor.Result r = run(ext, in);
        Map<FindingType, List<Finding>> t = byType(r);
        assertEquals(1, t.get(FindingType.PARTIAL).size(), r.report().findings().toString());
        Finding partial = t.get(FindingType.PARTIAL).get(0);
        assertEquals("L13-EDGE-EXT-009", partial.requirement().id());
        assertEquals("55000-59999", partial.uncovered().ports());
        assertEquals(1, t.get(FindingType.MISSING).size());
        assertEquals("L13-EDGE-INT-008", t.get(FindingType.MISSING).get(0).requirement().id());
        assertEquals(1, t.get(FindingType.MISDIRECTED).size());
        assertEquals("L13-EDGE-EXT-014", t.get(FindingType.MISDIRECTED).get(0).requirement().id());
        assertEquals(1, t.get(FindingType.EXTRA).size(), t.get(FindingType.EXTRA).toString());
        Finding extra = t.get(FindingType.EXTRA).get(0);
        assertEquals("3389", extra.flow().ports());
        assertEquals(13, extra.evidence().get(0).line());
        assertTrue(!r.gate().passed());
    }

    @Test
    void anEarlierDenyShadowsThePermitThatWouldSatisfy() throws Exception {
        Auditor.Result r = run("deny udp any 172.25.33.12 3478\n" + EXT_OK, INT_OK);
        List<Finding> f = r.report().findings();
        assertEquals(1, f.size(), f.toString());
        assertEquals(FindingType.SHADOWED, f.get(0).type());
        assertEquals("L13-EDGE-EXT-014", f.get(0).requirement().id());
        assertEquals(11, f.get(0).evidence().get(0).line());
        assertEquals("shadows", f.get(0).evidence().get(1).role());
    }

    @Test
    void anExportWithNoRuleIsAWarningNamingItsFile() throws Exception {
        Auditor.Result r = run("", INT_OK);
        List<io.lyncaudit.report.Report.ReportDiagnostic> empty = r.report().diagnostics().stream()
                .filter(x -> x.category().equals("no-rules")).toList();
        assertEquals(1, empty.size(), r.report().diagnostics().toString());
        assertEquals("warning", empty.get(0).severity());
        assertTrue(empty.get(0).file().endsWith("ext.txt"), empty.get(0).file());
        assertTrue(empty.get(0).message().contains("holds no rule"), empty.get(0).message());
        assertTrue(run(EXT_OK, INT_OK).report().diagnostics().stream().noneMatch(x -> x.category().equals("no-rules")),
                "firewalls with rules get no such warning");
    }

    @Test
    void rulesLimitedToAZoneTheDeploymentDoesNotKnowAreReported() throws Exception {
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/audit/deployment.yaml"), "deployment.yaml");
        ImportResult ext = TestPolicies.parse("ext.txt", EXT_OK);
        io.lyncaudit.policy.Policy p = ext.policies().get(0);
        java.util.List<io.lyncaudit.policy.Rule> rules = new java.util.ArrayList<>(p.rules());
        io.lyncaudit.policy.Rule first = rules.get(0);
        rules.set(0, new io.lyncaudit.policy.Rule(1, null, first.action(), first.match(), java.util.Set.of("untrust"), java.util.Set.of(), first.source()));
        ImportResult zoned = new ImportResult("ext.txt", "test", List.of(new io.lyncaudit.policy.Policy("acl", p.kind(), null, p.defaultAction(), rules)),
                List.of(), List.of(), ext.lines(), ext.unboundDefault());
        Map<String, ImportResult> m = Map.of("ext", zoned, "int", TestPolicies.parse("int.txt", INT_OK));
        Auditor.Result r = new Auditor(RuleEngine.builtIn(), fw -> m.get(fw.name())).audit(d, new GatePolicy(Severity.HIGH, false));
        assertTrue(r.report().diagnostics().stream().anyMatch(x -> x.category().equals("unknown-zone") && x.line() == 1
                && x.message().contains("'untrust'")), r.report().diagnostics().toString());
        assertEquals("MISSING", r.report().requirements().stream().filter(x -> x.requirement().id().equals("L13-EDGE-EXT-005"))
                .findFirst().orElseThrow().status(), "the zoned rule never applies to outside -> dmz");
    }
}
