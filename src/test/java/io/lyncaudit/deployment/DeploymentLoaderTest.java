package io.lyncaudit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The deployment contract, every scenario, and the messages of the most common mistakes. */
class DeploymentLoaderTest {

    private static Path write(Path dir, String yaml, String... configs) throws Exception {
        for (String c : configs) Files.writeString(dir.resolve(c), "x");
        Path p = dir.resolve("deployment.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void theContractExampleLoadsAsWritten(@TempDir Path dir) throws Exception {
        Path example = Path.of(System.getProperty("lyncaudit.shared", "../shared"), "contracts", "deployment.example.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(example), "contracts not present");
        Path p = write(dir, Files.readString(example), "edge-external.asa", "edge-internal-rules.xlsx", "fe01-firewall.csv", "ipsec-rules.csv");
        Deployment d = DeploymentLoader.load(p, "deployment.yaml");
        assertEquals("Contoso HQ", d.name());
        assertEquals(EdgeScenario.SINGLE_CONSOLIDATED_NAT, d.edge().scenario());
        assertEquals("131.107.155.30", Addresses.format(d.edge().servers().get(0).avEdge().publicAddress().set()));
        assertTrue(d.feature("federation"));
        assertTrue(!d.feature("xmpp"));
        assertEquals("50000-59999", Ports.format(d.portRanges().get("edgeMedia")));
        assertEquals(5, d.pools().size());
        assertEquals(Role.REVERSE_PROXY, d.pools().get(4).role());
        assertEquals("131.107.155.40", Addresses.format(d.pools().get(4).external().publicAddress().set()));
        assertEquals(3, d.firewalls().size());
        assertEquals("cisco-asa", d.firewalls().get(0).format());
        assertNull(d.firewalls().get(1).format());
        assertEquals("10.0.1.11", Addresses.format(d.firewalls().get(2).host().set()));
        assertEquals(1, d.ipsec().size());
        // internet is everything the named networks do not hold
        assertTrue(d.network("internet").containsAll(Addresses.parse("131.107.155.10")));
        assertTrue(!d.network("internet").intersects(Addresses.parse("10.1.2.3")));
    }

    @ParameterizedTest
    @EnumSource(EdgeScenario.class)
    void everyScenarioTemplateLoads(EdgeScenario s, @TempDir Path dir) throws Exception {
        Path p = write(dir, InitTemplate.render(s), "edge-external-rules.xlsx", "edge-internal-rules.csv");
        Deployment d = DeploymentLoader.load(p, "deployment.yaml");
        assertEquals(s, d.edge().scenario());
        assertEquals(s == EdgeScenario.SCALED_HLB, d.edge().vips() != null);
        assertEquals(s.nat(), d.edge().servers().get(0).accessEdge().publicAddress() != null);
    }

    private static String message(Path dir, String yaml) throws Exception {
        Path p = write(dir, yaml, "a.csv");
        return assertThrows(BadInputException.class, () -> DeploymentLoader.load(p, "d.yaml")).getMessage();
    }

    private static final String EDGE = """
            schemaVersion: 1
            edge:
              scenario: single-consolidated-public
              servers:
                - name: e
                  internal: 172.25.34.5
                  accessEdge: 131.107.155.10
                  webConferencingEdge: 131.107.155.20
                  avEdge: 131.107.155.30
            """;

    @Test
    void anEncodingIsDeclaredPerFirewallAndIpsecInputInAnyOfItsNames(@TempDir Path dir) throws Exception {
        String yaml = EDGE + "networks: { perimeter: [172.25.32.0/22] }\nfirewalls:\n  - name: f\n    config: a.csv\n    encoding: Latin-1\n"
                + "    interfaces: { a: [internet], b: [perimeter] }\n  - name: g\n    config: a.csv\n    interfaces: { a: [internet], b: [perimeter] }\n"
                + "ipsec:\n  - config: a.csv\n    encoding: UTF16LE\n";
        Path p = write(dir, yaml, "a.csv");
        Deployment d = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> DeploymentLoader.load(p, "d.yaml"));
        assertEquals("windows-1252", d.firewalls().get(0).encoding());
        assertNull(d.firewalls().get(1).encoding(), "detected");
        assertEquals("utf-16le", d.ipsec().get(0).encoding());
        assertEquals("d.yaml:21: ipsec[0].encoding: unknown encoding 'klingon'; expected one of: utf-8, utf-16, utf-16le, utf-16be, "
                + "windows-1252 (also latin-1), or leave it out to let the content decide", message(dir, yaml.replace("UTF16LE", "klingon")));
    }

    @Test
    void mistakesNameTheLineAndField(@TempDir Path dir) throws Exception {
        assertEquals("d.yaml:9: edge.servers[0].avEdge: '131.107.155.300' is not a valid address: octet 300 is over 255",
                message(dir, EDGE.replace("131.107.155.30", "131.107.155.300")));
        assertEquals("d.yaml:3: edge.scenario: unknown scenario 'single'; expected one of: " + EdgeScenario.ids(),
                message(dir, EDGE.replace("single-consolidated-public", "single")));
        assertTrue(message(dir, EDGE + "featurs: {}\n").startsWith("d.yaml:10: featurs: unknown field 'featurs' (did you mean 'features'?)"));
        assertTrue(message(dir, EDGE + "networks:\n  internal: [10.0.0.0/8]\n  perimeter: [10.0.0.0/7]\n  clients: [11.0.0.0-12.255.255.255]\n")
                .startsWith("d.yaml:13: networks.clients: network 'clients' partly overlaps network 'perimeter'"));
        assertEquals("d.yaml:12: firewalls[0].config: config file 'missing.csv' not found (looked at " + dir.resolve("missing.csv") + ")",
                message(dir, EDGE + "firewalls:\n  - name: f\n    config: missing.csv\n    interfaces: { a: [internet], b: [perimeter] }\nnetworks: { perimeter: [172.25.32.0/22] }\n"));
        assertTrue(message(dir, EDGE.replace("single-consolidated-public", "single-consolidated-nat"))
                .startsWith("d.yaml:7: edge.servers[0].accessEdge: scenario single-consolidated-nat uses NAT"));
        assertTrue(message(dir, EDGE + "  vips: {}\n").contains("'vips' belongs to scenario scaled-hlb only"));
        assertTrue(message(dir, "schemaVersion: 1\nedge: [\n").startsWith("d.yaml:3: YAML syntax error"));
    }

    @Test
    void loadBalancingDefaultsToHardwareWhenAVipIsGivenAndNeedsOne(@TempDir Path dir) throws Exception {
        Deployment d = DeploymentLoader.load(write(dir, EDGE + """
                pools:
                  - { name: a, role: front-end, vip: 10.0.1.10, servers: [10.0.1.11] }
                  - { name: b, role: front-end, vip: 10.0.2.10, loadBalancing: dns, servers: [10.0.2.11] }
                  - { name: c, role: director, servers: [10.0.3.11] }
                """), "d.yaml");
        assertEquals("hlb", d.pools().get(0).loadBalancing());
        assertEquals("dns", d.pools().get(1).loadBalancing());
        assertEquals(null, d.pools().get(2).loadBalancing());
        assertTrue(message(dir, EDGE + "pools:\n  - { name: a, role: front-end, servers: [10.0.1.11], loadBalancing: dns }\n")
                .contains("loadBalancing needs a 'vip'"));
        assertTrue(message(dir, EDGE + "pools:\n  - { name: a, role: front-end, vip: 10.0.1.10, loadBalancing: round }\n")
                .contains("loadBalancing is 'hlb' or 'dns', found 'round'"));
    }

    @Test
    void nestedNetworksAreAllowedAndTheTopologyPutsEdgeInterfacesInThePerimeter(@TempDir Path dir) throws Exception {
        Path p = write(dir, EDGE + "networks:\n  internal: [10.0.0.0/8]\n  clients: [10.1.0.0/16]\n  perimeter: [172.25.32.0/22]\n");
        Deployment d = DeploymentLoader.load(p, "d.yaml");
        assertNotNull(d.networks().get("clients"));
        io.lyncaudit.analysis.Topology t = new io.lyncaudit.analysis.Topology(d);
        assertTrue(t.side("perimeter").containsAll(Addresses.parse("131.107.155.10")), "public Edge addresses are perimeter");
        assertTrue(!t.side("internet").intersects(Addresses.parse("131.107.155.10")));
    }

    @Test
    void aFirewallMaySayWhatTheRowsOfItsSheetMean(@TempDir Path dir) throws Exception {
        String yaml = InitTemplate.render(EdgeScenario.SINGLE_CONSOLIDATED_NAT)
                .replace("    # action: permit ", "    action: Permit ");
        Deployment d = DeploymentLoader.load(write(dir, yaml, "edge-external-rules.xlsx", "edge-internal-rules.csv"), "deployment.yaml");
        assertEquals("permit", d.firewalls().get(0).rowAction());
        assertNull(d.firewalls().get(1).rowAction(), "no action: the sheet must say it");
        assertEquals("permit", d.firewalls().get(0).withConfig(dir.resolve("x.csv"), "x.csv").rowAction(), "diff keeps it");

        String bad = InitTemplate.render(EdgeScenario.SINGLE_CONSOLIDATED_NAT).replace("    # action: permit ", "    action: yes ");
        BadInputException e = assertThrows(BadInputException.class,
                () -> DeploymentLoader.load(write(dir, bad, "edge-external-rules.xlsx", "edge-internal-rules.csv"), "deployment.yaml"));
        assertTrue(e.getMessage().matches("deployment\\.yaml:\\d+: firewalls\\[0\\]\\.action: expected 'permit' \\(every row of the spreadsheet is an opening\\) or "
                + "'deny', found 'yes'"), e.getMessage());
    }
}
