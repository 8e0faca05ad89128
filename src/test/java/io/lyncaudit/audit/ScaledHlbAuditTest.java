package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

/**
 * The whole audit of a scaled-hlb Edge pool (catalog-cases/deployment-hlb.yaml): a clean pair of
 * policies, and what the catalog says about openings the HLB page does not ask for (see
 * docs/catalog-decisions.md, decisions 20-28).
 */
class ScaledHlbAuditTest {
    static final String EXT_OK = """
            permit tcp any 131.107.155.10 443
            permit tcp any 131.107.155.10 5061
            permit tcp any 131.107.155.10 5269
            permit tcp 131.107.155.10 any 5061
            permit tcp 131.107.155.10 any 5269
            permit tcp 131.107.155.11-131.107.155.12 any 80
            permit tcp 131.107.155.11-131.107.155.12 any 53
            permit udp 131.107.155.11-131.107.155.12 any 53
            permit tcp any 131.107.155.20 443
            permit udp any 131.107.155.30 3478
            permit tcp any 131.107.155.30 443
            permit udp any 131.107.155.31-131.107.155.32 3478
            permit tcp any 131.107.155.31-131.107.155.32 443
            permit tcp any 131.107.155.31-131.107.155.32 50000-59999
            permit udp any 131.107.155.31-131.107.155.32 50000-59999
            permit udp 131.107.155.31-131.107.155.32 any 3478
            permit tcp 131.107.155.31-131.107.155.32 any 443
            permit tcp 131.107.155.31-131.107.155.32 any 50000-59999
            permit udp 131.107.155.31-131.107.155.32 any 50000-59999
            """;
    static final String INT_OK = """
            permit udp 10.0.0.0/8 10.0.10.4-10.0.10.6 3478
            permit tcp 10.0.0.0/8 10.0.10.4-10.0.10.6 443
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.4 5061
            permit tcp 10.0.2.11 10.0.10.4 5061
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.4 5062
            permit tcp 10.0.5.2 10.0.10.4 5062
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.5-10.0.10.6 23456
            permit tcp 10.0.1.11-10.0.1.12 10.0.10.5-10.0.10.6 8057
            permit tcp 10.0.1.10-10.0.1.12 10.0.10.5-10.0.10.6 4443
            permit tcp 10.0.0.0/8 10.0.10.5-10.0.10.6 50001-50003
            permit tcp 10.0.10.4 10.0.1.10-10.0.1.12 5061
            permit tcp 10.0.10.4 10.0.2.11 5061
            permit tcp 10.0.10.4 10.0.0.0/8 443
            """;

    private static List<Finding> findings(String deployment, String ext, String in) throws Exception {
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/catalog-cases", deployment), deployment);
        Map<String, ImportResult> p = Map.of("ext", TestPolicies.parse("ext.txt", ext), "int", TestPolicies.parse("int.txt", in));
        return new Auditor(RuleEngine.builtIn(), fw -> p.get(fw.name())).audit(d, new GatePolicy(Severity.HIGH, false))
                .report().findings();
    }

    private static void assertOneExtraAt(List<Finding> f, String file, int line) {
        assertEquals(1, f.size(), f.toString());
        assertEquals(FindingType.EXTRA, f.get(0).type());
        assertEquals(file, f.get(0).evidence().get(0).file());
        assertEquals(line, f.get(0).evidence().get(0).line());
    }

    @Test
    void cleanPoliciesHaveNoFindingAndEveryCheckIsSatisfied() throws Exception {
        Deployment d = DeploymentLoader.load(Path.of("src/test/resources/catalog-cases/deployment-hlb.yaml"), "d");
        Map<String, ImportResult> p = Map.of("ext", TestPolicies.parse("ext.txt", EXT_OK), "int", TestPolicies.parse("int.txt", INT_OK));
        var report = new Auditor(RuleEngine.builtIn(), fw -> p.get(fw.name())).audit(d, new GatePolicy(Severity.HIGH, false)).report();
        assertEquals(List.of(), report.findings());
        assertEquals(report.summary().requirements(), report.summary().satisfied());
        // every feature is on: 11 node and 8 VIP checks outside, 8 node and 6 VIP checks inside
        assertEquals(33, report.summary().requirements());
    }

    @Test
    void sipToTheAccessEdgeServersAsWellAsTheVipIsExtra() throws Exception {
        assertOneExtraAt(findings("deployment-hlb.yaml", EXT_OK + "permit tcp any 131.107.155.11-131.107.155.12 443\n", INT_OK),
                "ext.txt", 20);
    }

    @Test
    void mediaFromTheAvEdgeVipIsExtra() throws Exception {
        assertOneExtraAt(findings("deployment-hlb.yaml", EXT_OK + "permit tcp 131.107.155.30 any 50000-59999\n", INT_OK),
                "ext.txt", 20);
    }

    @Test
    void webConferencingToTheInternalVipIsExtra() throws Exception {
        assertOneExtraAt(findings("deployment-hlb.yaml", EXT_OK, INT_OK + "permit tcp 10.0.1.11-10.0.1.12 10.0.10.4 8057\n"),
                "int.txt", 14);
    }

    @Test
    void edgeServersMayStartTheTrafficTheVipTablesNameTheVipFor() throws Exception {
        String more = """
                permit tcp 10.0.10.5-10.0.10.6 10.0.1.10-10.0.1.12 5061
                permit tcp 10.0.10.5-10.0.10.6 10.0.2.11 5061
                permit tcp 10.0.10.5-10.0.10.6 10.0.0.0/8 443
                """;
        String moreExt = """
                permit tcp 131.107.155.11-131.107.155.12 any 5061
                permit tcp 131.107.155.11-131.107.155.12 any 5269
                """;
        assertEquals(List.of(), findings("deployment-hlb.yaml", EXT_OK + moreExt, INT_OK + more));
    }

    @Test
    void outboundTcp443FromTheEdgeInternalSideIsExtraOutsideScaledHlb() throws Exception {
        // inbound 443 (L13-EDGE-INT-007) is open, so the outbound opening is not read as a swapped one
        List<Finding> f = findings("deployment-nat.yaml", "deny ip any any",
                "permit tcp 10.0.0.0/8 10.0.10.5 443\npermit tcp 10.0.10.5 10.0.0.0/8 443");
        List<String> extra = f.stream().filter(x -> x.type() == FindingType.EXTRA)
                .map(x -> x.evidence().get(0).file() + ":" + x.evidence().get(0).line()).toList();
        assertEquals(List.of("int.txt:2"), extra);
    }
}
