package io.lyncaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.catalog.EndpointSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the endpoints resolve: servers and load balancer VIPs apart, per loadBalancing mode, and the Edge pools. */
class TopologyTest {
    private static final Path CASES = Path.of("src/test/resources/catalog-cases");

    private static Deployment load(Path file) throws Exception {
        return DeploymentLoader.load(file, file.getFileName().toString());
    }

    /** One address, range or CIDR, or several joined by ", ". */
    private static IntervalSet addr(String text) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String a : text.split(",\\s*")) s = s.union(Addresses.parse(a));
        return s;
    }

    private static FirewallSpec firewall(Deployment d, String name) {
        return d.firewalls().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void vipEndpointsAreTheLoadBalancerAddressesAndTheServerEndpointsLeaveThemOut() throws Exception {
        Deployment d = load(CASES.resolve("deployment-hlb.yaml"));
        Topology t = new Topology(d);
        FirewallSpec ext = firewall(d, "ext");
        assertEquals(addr("131.107.155.10"), t.required(EndpointSpec.parse("accessEdgeVip"), ext));
        assertEquals(addr("131.107.155.20"), t.required(EndpointSpec.parse("webConferencingEdgeVip"), ext));
        assertEquals(addr("131.107.155.30"), t.required(EndpointSpec.parse("avEdgeVip"), ext));
        assertEquals(addr("10.0.10.4"), t.required(EndpointSpec.parse("edgeInternalVip"), ext));
        assertEquals(addr("131.107.155.31-131.107.155.32"), t.required(EndpointSpec.parse("avEdge"), ext));
        assertEquals(addr("10.0.10.5-10.0.10.6"), t.required(EndpointSpec.parse("edgeInternal"), ext));
        assertTrue(t.lyncAddresses().containsAll(addr("10.0.10.4-10.0.10.6")), "VIPs are Lync addresses");
        assertTrue(t.lyncAddresses().containsAll(addr("131.107.155.30")));
    }

    @Test
    void anEdgePoolRequiresItsVipAndJustifiesTheServersToo() throws Exception {
        Deployment d = load(CASES.resolve("deployment-hlb.yaml"));
        Topology t = new Topology(d);
        FirewallSpec in = firewall(d, "int");
        EndpointSpec e = EndpointSpec.parse("edgeInternalPool(edgeInternalVip)");
        assertEquals(addr("10.0.10.4"), t.required(e, in));
        assertEquals(addr("10.0.10.4-10.0.10.6"), t.justified(e, in));
        EndpointSpec a = EndpointSpec.parse("accessEdgePool(accessEdgeVip)");
        assertEquals(addr("131.107.155.10"), t.required(a, in));
        assertEquals(addr("131.107.155.10-131.107.155.12"), t.justified(a, in));
        // the whole-side form is unchanged: required the roles, justified the side
        EndpointSpec any = EndpointSpec.parse("internal(directorServers)");
        assertEquals(addr("10.0.2.11"), t.required(any, in));
        assertEquals(addr("10.0.0.0/8").subtract(addr("10.0.10.4-10.0.10.6")), t.justified(any, in));
    }

    @Test
    void withoutLoadBalancersTheVipEndpointsAreEmptyAndThePoolsAreTheServers() throws Exception {
        Deployment d = load(CASES.resolve("deployment-scaled-dns-nat.yaml"));
        Topology t = new Topology(d);
        FirewallSpec ext = firewall(d, "ext");
        assertTrue(t.required(EndpointSpec.parse("accessEdgeVip"), ext).isEmpty());
        assertEquals(addr("172.25.33.10-172.25.33.11"), t.justified(EndpointSpec.parse("accessEdgePool(accessEdgeVip)"), ext));
        FirewallSpec pub = firewall(d, "ext-public");
        assertEquals(addr("131.107.155.10-131.107.155.11"), t.required(EndpointSpec.parse("accessEdge"), pub));
    }

    @Test
    void vipsFollowEdgeAddressesLikeTheServers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fw.txt"), "x\n");
        Files.writeString(dir.resolve("d.yaml"), """
                schemaVersion: 1
                edge:
                  scenario: scaled-hlb
                  servers:
                    - { name: e1, internal: 10.0.10.5, accessEdge: 131.107.155.11, webConferencingEdge: 131.107.155.21, avEdge: 131.107.155.31 }
                  vips:
                    internal: 10.0.10.4
                    accessEdge: { address: 172.25.33.10, public: 131.107.155.10 }
                    webConferencingEdge: 131.107.155.20
                    avEdge: 131.107.155.30
                networks: { internal: [10.0.0.0/8], perimeter: [172.25.32.0/22] }
                firewalls:
                  - { name: priv, config: fw.txt, interfaces: { outside: [internet], dmz: [perimeter] } }
                  - { name: pub, config: fw.txt, edgeAddresses: public, interfaces: { outside: [internet], dmz: [perimeter] } }
                """);
        Deployment d = load(dir.resolve("d.yaml"));
        Topology t = new Topology(d);
        assertEquals(addr("172.25.33.10"), t.required(EndpointSpec.parse("accessEdgeVip"), firewall(d, "priv")));
        assertEquals(addr("131.107.155.10"), t.required(EndpointSpec.parse("accessEdgeVip"), firewall(d, "pub")));
        assertEquals(addr("131.107.155.30"), t.required(EndpointSpec.parse("avEdgeVip"), firewall(d, "pub")));
    }

    /**
     * deployment-internal.yaml: fe (hlb, VIP 10.0.1.10, servers .11/.12, collocated Mediation), fe2
     * (dns, VIP 10.3.1.10, server 10.3.1.11), dir (hlb, VIP 10.3.0.10), med (hlb, VIP 10.2.1.10).
     */
    @Test
    void serverNamesNeverHoldAVipAndVipNamesFollowTheLoadBalancingMode() throws Exception {
        Deployment d = load(CASES.resolve("deployment-internal.yaml"));
        Topology t = new Topology(d);
        FirewallSpec in = firewall(d, "int");
        IntervalSet vips = addr("10.0.1.10, 10.3.1.10, 10.3.0.10, 10.2.1.10");
        for (EndpointSpec.Name n : EndpointSpec.VOCABULARY.values()) {
            if (n.kind() != EndpointSpec.Kind.SERVERS) continue;
            assertTrue(!t.required(EndpointSpec.parse(n.name()), in).intersects(vips), n.name() + " holds a VIP");
        }
        assertEquals(addr("10.0.1.11-10.0.1.12, 10.3.1.11"), t.required(EndpointSpec.parse("frontEndServers"), in));
        assertEquals(addr("10.0.1.10, 10.3.1.10"), t.required(EndpointSpec.parse("frontEndVip"), in));
        assertEquals(addr("10.0.1.10"), t.required(EndpointSpec.parse("frontEndHlbVip"), in));
        assertEquals(addr("10.0.1.10"), t.required(EndpointSpec.parse("frontEndWithMediationHlbVip"), in));
        assertEquals(addr("10.0.1.10, 10.3.1.10"), t.required(EndpointSpec.parse("frontEndWeb"), in));
        assertEquals(addr("10.3.0.10"), t.required(EndpointSpec.parse("directorSip"), in));
        assertEquals(addr("10.2.1.10"), t.required(EndpointSpec.parse("mediationHlbVip"), in));
        assertEquals(addr("10.0.1.11-10.0.1.12, 10.2.1.11"), t.required(EndpointSpec.parse("mediationServers"), in));
        // the web ports of pools with a VIP reach the servers through the load balancer: on a network
        // firewall no server is required, on a server's own firewall every one is
        assertTrue(t.required(EndpointSpec.parse("frontEndServersNoVip"), in).isEmpty());
        assertEquals(addr("10.0.1.11-10.0.1.12, 10.3.1.11"), t.required(EndpointSpec.parse("frontEndServersNoVip"), firewall(d, "fe-host")));
        assertEquals(addr("10.0.1.11-10.0.1.12, 10.3.1.11"),
                t.justified(EndpointSpec.parse("frontEndServers(frontEndServersNoVip)"), in));
        assertEquals("fe VIP, fe servers, fe2 VIP", t.owners(addr("10.0.1.10-10.0.1.12, 10.3.1.10")));
        assertEquals("dir servers, network", t.owners(addr("10.3.0.11, 10.1.0.0/16")));
    }

    @Test
    void sipGoesToTheVipOfAnHlbPoolAndToTheServersOfADnsPool(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fw.txt"), "x\n");
        Files.writeString(dir.resolve("d.yaml"), """
                schemaVersion: 1
                edge:
                  scenario: single-consolidated-nat
                  servers:
                    - name: e1
                      internal: 10.0.10.5
                      accessEdge: { address: 172.25.33.10, public: 131.107.155.10 }
                      webConferencingEdge: { address: 172.25.33.11, public: 131.107.155.20 }
                      avEdge: { address: 172.25.33.12, public: 131.107.155.30 }
                features: { federation: false, publicIm: true }
                pools:
                  - { name: d1, role: director, vip: 10.0.2.10, servers: [10.0.2.11] }
                  - { name: d2, role: director, vip: 10.0.3.10, loadBalancing: dns, servers: [10.0.3.11] }
                  - { name: d3, role: director, servers: [10.0.4.11] }
                networks: { internal: [10.0.0.0/8], perimeter: [172.25.32.0/22], publicImPartners: [192.0.2.0/24] }
                firewalls:
                  - { name: int, config: fw.txt, interfaces: { dmz: [perimeter], inside: [internal] } }
                """);
        Deployment d = load(dir.resolve("d.yaml"));
        Topology t = new Topology(d);
        FirewallSpec in = firewall(d, "int");
        assertEquals(addr("10.0.2.10, 10.0.3.11, 10.0.4.11"), t.required(EndpointSpec.parse("directorSip"), in));
        assertEquals(addr("10.0.2.10, 10.0.3.10, 10.0.4.11"), t.required(EndpointSpec.parse("directorWeb"), in));
        assertEquals(addr("10.0.2.10"), t.required(EndpointSpec.parse("directorHlbVip"), in));
        assertEquals(addr("10.0.2.10, 10.0.3.10"), t.required(EndpointSpec.parse("directorVip"), in));
        assertEquals(addr("10.0.4.11"), t.required(EndpointSpec.parse("directorServersNoVip"), in));
        // SIP partners follow the features that are on: public IM only here
        assertEquals(addr("192.0.2.0/24"), t.required(EndpointSpec.parse("sipPartners"), in));
        assertEquals("192.0.2.0/24", t.label(EndpointSpec.parse("sipPartners"), addr("192.0.2.0/24")));
    }
}
