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
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.report.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Host firewalls: the host/network pseudo-interfaces, the zone contract for importers, and EXTRA inbound only. */
class HostFirewallTest {
    private static final Path DIR = Path.of("src/test/resources/catalog-cases");

    private static Report audit(ImportResult feHost) throws Exception {
        Deployment d = DeploymentLoader.load(DIR.resolve("deployment-internal.yaml"), "deployment-internal.yaml");
        return new Auditor(RuleEngine.builtIn(), fw -> fw.name().equals("fe-host") ? feHost
                : TestPolicies.parse("other.txt", "deny ip any any")).audit(d, new GatePolicy(Severity.HIGH, false)).report();
    }

    private static String status(Report r, String id) {
        return r.requirements().stream().filter(m -> m.requirement().id().equals(id) && m.firewall().equals("fe-host"))
                .map(Report.RequirementStatus::status).findFirst().orElse("NOT CHECKED");
    }

    @Test
    void extraIsUnjustifiedInboundToTheHostOnly() throws Exception {
        Report r = audit(TestPolicies.parse("fe.txt", """
                permit tcp any 10.0.1.11 5061
                permit tcp any 10.0.1.11 3389
                permit ip 10.0.1.11 any
                """));
        assertEquals("SATISFIED", status(r, "L13-INT-SRV-003"));
        List<Finding> extra = r.findings().stream().filter(f -> f.type() == FindingType.EXTRA && f.firewall().equals("fe-host")).toList();
        assertEquals(1, extra.size(), extra.toString());
        assertEquals("3389", extra.get(0).flow().ports());
        assertEquals(Severity.HIGH, extra.get(0).severity(), "any address, the internet included, can start it");
        assertTrue(r.diagnostics().stream().noneMatch(x -> x.message().contains("host firewall")), r.diagnostics().toString());
    }

    @Test
    void requiredPortsFromAnyAddressAreNotExtraOnAHost() throws Exception {
        // Lync Server setup creates its Windows Firewall rules with remote address Any
        Report r = audit(TestPolicies.parse("fe.txt", """
                permit tcp any 10.0.1.11 5061
                permit tcp any 10.0.1.11 443
                """));
        assertTrue(r.findings().stream().noneMatch(f -> f.type() == FindingType.EXTRA && f.firewall().equals("fe-host")),
                r.findings().toString());
    }

    @Test
    void inboundRulesMarkedToHostDoNotOpenOutbound() throws Exception {
        PacketSet m = PacketSet.of(PacketBox.of(Protocols.ALL, Addresses.ALL, Addresses.ALL, Ports.ALL));
        Rule inbound = new Rule(1, "in", Action.PERMIT, m, Set.of(), Set.of("host"), SourceRef.line("fe.csv", 2, "in"));
        ImportResult ir = new ImportResult("fe.csv", "test", List.of(new Policy("host", PolicyKind.FIRST_MATCH, null, Action.DENY,
                List.of(inbound))), List.of(), List.of(), new LineCounts(1, 1, 0, 0, 0), Action.DENY);
        Report r = audit(ir);
        // 5061 between the Front End servers: in to this host is open, out from it is not
        assertEquals("PARTIAL", status(r, "L13-INT-SRV-003"));
        // outbound only (Mediation to the gateways): not opened; the inbound 'permit any' carries it swapped
        assertEquals("MISDIRECTED", status(r, "L13-INT-SRV-025"));
    }
}
