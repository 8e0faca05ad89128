package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the Auditor with {@code Importers.load} / {@code Importers.loadIpsec} as the
 * loaders: a Front End's host firewall given as a netsh export, and IPsec rules given as a netsh
 * consec export, both detected from content.
 */
class WindowsHostAuditTest {
    private static final RuleEngine ENGINE = RuleEngine.builtIn();
    private static final Path WINDOWS = Path.of("src/test/resources/importer/windows");

    @TempDir
    Path tmp;

    private static String status(Report r, String firewall, String id) {
        return r.requirements().stream().filter(m -> m.requirement().id().equals(id) && m.firewall().equals(firewall))
                .map(Report.RequirementStatus::status).findFirst().orElse("NOT CHECKED");
    }

    @Test
    void frontEndHostFirewallFromANetshExport() throws Exception {
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/catalog-cases/deployment-internal.yaml"), "deployment-internal.yaml");
        Report r = new Auditor(ENGINE, fw -> fw.name().equals("fe-host") ? Importers.load(WINDOWS.resolve("fe01-netsh.txt"), "fe01-netsh.txt", null)
                : TestPolicies.parse("other.txt", "deny ip any any")).audit(d, new GatePolicy(Severity.HIGH, false)).report();
        assertEquals("SATISFIED", status(r, "fe-host", "L13-INT-SRV-003"), "5061 allowed inbound, outbound open by default");
        assertEquals("MISSING", status(r, "fe-host", "L13-INT-SRV-007"), "8057: no rule, inbound blocked by default");
        assertEquals("SATISFIED", status(r, "fe-host", "L13-INT-SRV-005"), "135 from the RPCEPMap rule");
        assertEquals("SATISFIED", status(r, "fe-host", "L13-INT-SRV-002"), "5060 goes out to the RCC gateway: outbound is open by default");
        assertTrue(r.findings().stream().noneMatch(f -> f.type() == io.lyncaudit.finding.FindingType.EXTRA && f.firewall().equals("fe-host")
                && f.flow().ports().contains("5060")), "5060 inbound is allowed but blocked: block wins, so nothing is opened");
        assertTrue(!status(r, "fe-host", "L13-INT-SRV-037").equals("SATISFIED"), "outbound SMB blocked: the store cannot push its replicas");
        assertTrue(r.diagnostics().stream().anyMatch(x -> x.message().equals("rule disabled")), "import diagnostics reach the report");
    }

    @Test
    void ipsecExemptionsFromANetshConsecExport() throws Exception {
        String consec = """

                Rule Name:                            A/V Edge internal exemption (TCP)
                ----------------------------------------------------------------------
                Enabled:                              Yes
                Profiles:                             Domain,Private,Public
                Type:                                 Static
                Mode:                                 Transport
                Endpoint1:                            Any
                Endpoint2:                            10.0.10.5
                Protocol:                             TCP
                Action:                               NoAuthentication

                Rule Name:                            A/V Edge internal exemption (UDP)
                ----------------------------------------------------------------------
                Enabled:                              Yes
                Profiles:                             Domain,Private,Public
                Type:                                 Static
                Mode:                                 Transport
                Endpoint1:                            Any
                Endpoint2:                            10.0.10.5
                Protocol:                             UDP
                Action:                               NoAuthentication

                Rule Name:                            A/V Edge external (should be exempt, is not)
                ----------------------------------------------------------------------
                Enabled:                              Yes
                Profiles:                             Domain,Private,Public
                Type:                                 Static
                Mode:                                 Transport
                Endpoint1:                            Any
                Endpoint2:                            172.25.33.12
                Protocol:                             Any
                Action:                               RequireInRequestOut
                Ok.
                """;
        Path f = tmp.resolve("consec.txt");
        Files.write(f, ("\uFEFF" + consec.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE));
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/ipsec-cases/deployment.yaml"), "deployment.yaml");
        Report r = new Auditor(ENGINE, fw -> TestPolicies.parse("other.txt", "deny ip any any"),
                in -> Importers.loadIpsec(f, "consec.txt", null)).audit(d, new GatePolicy(Severity.HIGH, false)).report();
        assertEquals("SATISFIED", status(r, "consec.txt", "L13-IPSEC-001"));
        assertEquals("IPSEC_MISSING", status(r, "consec.txt", "L13-IPSEC-002"));
        assertTrue(r.findings().stream().anyMatch(x -> x.type() == FindingType.IPSEC_MISSING));
    }
}
