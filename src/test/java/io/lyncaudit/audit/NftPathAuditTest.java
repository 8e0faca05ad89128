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
import io.lyncaudit.importer.nftables.NftablesImporter;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole audit on an nftables perimeter firewall: its base chains are stages of the path, so a
 * drop in a prerouting or ingress chain makes a requirement the forward chain accepts MISSING,
 * with the dropping line as evidence; a dnat stage lets the forward chain be written with the
 * private addresses.
 */
class NftPathAuditTest {

    @TempDir
    Path tmp;

    /** The external firewall of the audit test deployment (outside: internet, dmz: perimeter), as an nftables forward chain. */
    static final String FORWARD = """
            table inet filter {
            	chain forward {
            		type filter hook forward priority filter; policy drop;
            		ip daddr 172.25.33.10 tcp dport { 443, 5061 } accept
            		ip saddr 172.25.33.10 tcp dport { 5061, 80, 53 } accept
            		ip saddr 172.25.33.10 udp dport 53 accept
            		ip daddr 172.25.33.11 tcp dport 443 accept
            		ip saddr 172.25.33.12 tcp dport 50000-59999 accept
            		ip saddr 172.25.33.12 udp dport 3478 accept
            		ip daddr 172.25.33.12 udp dport 3478 accept
            		ip daddr 172.25.33.12 tcp dport 443 accept
            		ip saddr 172.25.33.12 tcp dport 443 accept
            	}
            }
            """;

    private Auditor.Result audit(String ext, String deploymentEdit) throws Exception {
        Path dep = Path.of("src/test/resources/audit/deployment.yaml");
        Deployment d;
        if (deploymentEdit == null) {
            d = DeploymentLoader.load(dep, "deployment.yaml");
        } else {
            Path copy = tmp.resolve("deployment.yaml");
            Files.writeString(copy, Files.readString(dep).replace("    config: ext.txt\n", "    config: ext.txt\n" + deploymentEdit));
            for (String c : new String[] {"ext.txt", "int.txt"}) Files.copy(dep.resolveSibling(c), tmp.resolve(c), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            d = DeploymentLoader.load(copy, "deployment.yaml");
        }
        Path f = Files.writeString(tmp.resolve("ext.nft"), ext, StandardCharsets.UTF_8);
        ImportResult e = new NftablesImporter().importFile(f, "ext.nft");
        Map<String, ImportResult> p = Map.of("ext", e, "int", TestPolicies.parse("int.txt", AuditorTest.INT_OK));
        return new Auditor(RuleEngine.builtIn(), fw -> p.get(fw.name())).audit(d, new GatePolicy(Severity.HIGH, false));
    }

    private static String status(Auditor.Result r, String id) {
        return r.report().requirements().stream().filter(x -> x.requirement().id().equals(id)).findFirst().orElseThrow().status();
    }

    @Test
    void theForwardChainAloneSatisfiesEveryRequirement() throws Exception {
        Auditor.Result r = audit(FORWARD, null);
        assertEquals(0, r.report().findings().size(), r.report().findings().toString());
        assertEquals(r.report().summary().requirements(), r.report().summary().satisfied());
    }

    @Test
    void aDropInAPreroutingChainMakesAForwardRequirementMissing() throws Exception {
        String pre = "table inet early {\n\tchain pre {\n\t\ttype filter hook prerouting priority mangle; policy accept;\n"
                + "\t\tiifname \"outside\" ip daddr 172.25.33.10 tcp dport 5061 drop\n\t}\n}\n";
        Auditor.Result r = audit(FORWARD + pre, null);
        Finding missing = r.report().findings().stream().filter(f -> f.type() == FindingType.MISSING).findFirst().orElseThrow(
                () -> new AssertionError(r.report().findings().toString()));
        assertEquals("MISSING", status(r, missing.requirement().id()));
        assertEquals("5061", missing.flow().ports());
        // the prerouting line is the evidence that denies it
        assertTrue(missing.evidence().stream().anyMatch(ev -> ev.line() == 18 && ev.role().equals("denies")), missing.evidence().toString());
        assertTrue(!r.gate().passed());
    }

    @Test
    void anIngressDropOnTheOutsideInterfaceMakesItMissingToo() throws Exception {
        String ingress = "table netdev wire {\n\tchain in {\n\t\ttype filter hook ingress device \"outside\" priority 0; policy accept;\n"
                + "\t\tudp dport 3478 drop\n\t}\n}\n";
        Auditor.Result r = audit(FORWARD + ingress, null);
        assertTrue(r.report().findings().stream().anyMatch(f -> f.type() == FindingType.MISSING && f.flow().ports().equals("3478")
                && f.flow().protocol().equals("UDP")), r.report().findings().toString());
        // from the perimeter side (dmz) nothing is dropped there: the A/V Edge's outbound 3478 stays satisfied
        assertTrue(r.report().findings().stream().noneMatch(f -> f.type() == FindingType.MISSING && f.flow().source().contains("A/V")),
                r.report().findings().toString());
    }

    @Test
    void aDnatStageLetsTheForwardChainBeWrittenWithPrivateAddresses() throws Exception {
        String nat = "table ip nat {\n\tchain pre {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n"
                + "\t\tiifname \"outside\" dnat to ip daddr map { 131.107.155.10 : 172.25.33.10, 131.107.155.20 : 172.25.33.11,"
                + " 131.107.155.30 : 172.25.33.12 }\n\t}\n}\n";
        // edgeAddresses unsaid and the export translates the Edge public addresses: the queries use them as they
        // arrive, and the nat stage translates them for the forward chain
        for (String said : new String[] {null, "    edgeAddresses: nat\n"}) {
            Auditor.Result r = audit(FORWARD + nat, said);
            assertTrue(r.report().findings().stream().noneMatch(f -> f.type() == FindingType.MISSING || f.type() == FindingType.PARTIAL),
                    r.report().findings().toString());
            assertTrue(r.report().diagnostics().stream().noneMatch(x -> x.category().equals("nat")), r.report().diagnostics().toString());
        }
        // 'public' would ask the Edges' own traffic from their public addresses, which this box sees private
        Auditor.Result pub = audit(FORWARD + nat, "    edgeAddresses: public\n");
        assertTrue(pub.report().diagnostics().stream().anyMatch(x -> x.category().equals("nat") && x.message().contains("remove it")),
                pub.report().diagnostics().toString());
        // without the nat stage the forward chain never sees the public addresses the queries use
        Auditor.Result none = audit(FORWARD, "    edgeAddresses: public\n");
        assertTrue(none.report().findings().stream().anyMatch(f -> f.type() == FindingType.MISSING || f.type() == FindingType.MISDIRECTED),
                none.report().findings().toString());
    }
}
