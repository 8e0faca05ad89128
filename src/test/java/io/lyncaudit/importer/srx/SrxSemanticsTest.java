package io.lyncaudit.importer.srx;

import static io.lyncaudit.importer.srx.Srx.at;
import static io.lyncaudit.importer.srx.Srx.eval;
import static io.lyncaudit.importer.srx.Srx.load;
import static io.lyncaudit.importer.srx.Srx.set;
import static io.lyncaudit.importer.srx.Srx.uncertainty;
import static io.lyncaudit.importer.srx.Srx.verdict;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each SRX statement means for the verdicts, bullet by bullet of the importer's issue. */
class SrxSemanticsTest {
    @TempDir
    Path tmp;

    /** Three zones, one interface each. */
    static final String ZONES = set(
            "security zones security-zone untrust interfaces ge-0/0/0.0",
            "security zones security-zone dmz interfaces ge-0/0/1.0",
            "security zones security-zone trust interfaces ge-0/0/3.0");

    /** A policy of a context, from its parts. */
    static String policy(String from, String to, String name, String src, String dst, String app, String then) {
        String p = "security policies from-zone " + from + " to-zone " + to + " policy " + name + " ";
        return set(p + "match source-address " + src, p + "match destination-address " + dst, p + "match application " + app,
                p + "then " + then);
    }

    static String global(String name, String src, String dst, String app, String then, String... zones) {
        String p = "security policies global policy " + name + " ";
        StringBuilder b = new StringBuilder(set(p + "match source-address " + src, p + "match destination-address " + dst,
                p + "match application " + app, p + "then " + then));
        for (String z : zones) b.append(set(p + "match " + z));
        return b.toString();
    }

    @Test
    void zonePoliciesInOrderThenGlobalPoliciesThenTheDefault() throws Exception {
        ImportResult r = load(tmp, "order.set", ZONES
                + policy("untrust", "dmz", "deny-ssh", "any", "any", "junos-ssh", "deny")
                + policy("untrust", "dmz", "all", "any", "any", "any", "permit")
                + global("g-telnet", "any", "any", "junos-telnet", "permit")
                + global("g-deny", "any", "any", "any", "deny", "from-zone trust")
                + set("security policies default-policy permit-all"));
        // the zone context decides first: ssh denied, the rest permitted
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 22));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 23));
        // no context from trust to dmz: the global policies in order, telnet before the deny
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.11", 23));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.11", 443));
        // neither: the default policy, here permit-all
        assertEquals(PERMIT, verdict(r, "dmz", "untrust", "udp", "172.25.33.11", "203.0.113.5", 53));
        Policy fwd = r.policies().stream().filter(p -> p.hook() == Hook.FORWARD).findFirst().orElseThrow();
        assertEquals("set security policies default-policy permit-all", fwd.defaultSource().text());
        // intra-zone traffic needs a policy of its own on an SRX
        ImportResult strict = load(tmp, "intra.set", ZONES + policy("trust", "dmz", "p", "any", "any", "any", "permit"));
        assertEquals(DENY, verdict(strict, "trust", "trust", "tcp", "10.0.0.5", "10.0.0.6", 445));
        assertEquals(PERMIT, verdict(strict, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.11", 445));
    }

    @Test
    void thenRejectDeniesAndPermitOptionsStillPermitCountAndLogDecideNothing() throws Exception {
        String p = "security policies from-zone untrust to-zone dmz policy ";
        ImportResult r = load(tmp, "then.set", ZONES
                + policy("untrust", "dmz", "rej", "any", "any", "junos-ssh", "reject")
                + set(p + "idp match source-address any", p + "idp match destination-address any", p + "idp match application junos-https",
                        p + "idp then permit application-services idp", p + "idp then count", p + "idp then log session-init",
                        p + "vpn match source-address any", p + "vpn match destination-address any", p + "vpn match application junos-http",
                        p + "vpn then permit tunnel ipsec-vpn to-partner"));
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 22));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 80));
        assertNull(uncertainty(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        boolean counted = r.diagnostics().stream().anyMatch(d -> d.text().endsWith("then count") && d.message().contains("decide nothing"));
        assertTrue(counted, r.diagnostics().toString());
    }

    @Test
    void inactiveDeactivateAndReplaceMarks() throws Exception {
        String hier = """
                security {
                    policies {
                        from-zone untrust to-zone dmz {
                            inactive: policy off {
                                match { source-address any; destination-address any; application any; }
                                then { permit; }
                            }
                            replace: policy https {
                                match {
                                    source-address any;
                                    destination-address any;
                                    inactive: application junos-ssh;
                                    application junos-https;
                                }
                                then { permit; }
                            }
                        }
                    }
                    zones {
                        security-zone untrust { interfaces { ge-0/0/0.0; } }
                        security-zone dmz { interfaces { ge-0/0/1.0; } }
                    }
                }
                """;
        ImportResult r = load(tmp, "marks.conf", hier);
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 22));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertTrue(at(r, 4).message().contains("inactive"), at(r, 4).toString());
        ImportResult s = load(tmp, "marks.set", ZONES + policy("untrust", "dmz", "off", "any", "any", "any", "permit")
                + policy("untrust", "dmz", "https", "any", "any", "junos-https", "permit")
                + set("deactivate security policies from-zone untrust to-zone dmz policy off"));
        assertEquals(DENY, verdict(s, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 22));
        assertEquals(PERMIT, verdict(s, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertTrue(at(s, 4).message().startsWith("deactivated by line 12"), at(s, 4).toString());
    }

    @Test
    void addressBooksGlobalZoneAttachedAndTheZonesOwn() throws Exception {
        ImportResult r = load(tmp, "books.set", ZONES + set(
                "security address-book global address srv 10.0.0.10/32",
                "security address-book global address other 10.0.0.99/32",
                "security address-book dmz-book address srv 172.25.33.10/32",
                "security address-book dmz-book attach zone dmz",
                "security zones security-zone trust address-book address srv 10.0.0.20/32",
                "security address-book global address-set pair address srv",
                "security address-book global address-set pair address other",
                "security address-book global address-set outer address-set pair")
                + policy("trust", "dmz", "a", "srv", "srv", "junos-https", "permit")
                + policy("untrust", "trust", "b", "any", "outer", "junos-https", "permit"));
        // 'srv' is the trust zone's own entry as a source, the dmz book's as a destination
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.0.20", "172.25.33.10", 443));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.0.10", "172.25.33.10", 443));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.0.20", "10.0.0.10", 443));
        // the trust zone's own 'srv' hides the global one; 'outer' (a set of a set) resolves in the global book for zone trust
        assertEquals(PERMIT, verdict(r, "untrust", "trust", "tcp", "203.0.113.5", "10.0.0.99", 443));
        assertEquals(PERMIT, verdict(r, "untrust", "trust", "tcp", "203.0.113.5", "10.0.0.20", 443));
        assertEquals(DENY, verdict(r, "untrust", "trust", "tcp", "203.0.113.5", "10.0.0.10", 443));
    }

    @Test
    void rangeWildcardAndDnsNameAddresses() throws Exception {
        ImportResult r = load(tmp, "addr.set", ZONES + set(
                "security address-book global address rng range-address 10.0.1.11 to 10.0.1.19",
                "security address-book global address odd wildcard-address 10.0.2.1/255.255.255.1",
                "security address-book global address partner dns-name sip.fabrikam.example",
                "security address-book global address v6 2001:db8:1::/64")
                + policy("trust", "dmz", "r", "rng", "any", "junos-https", "permit")
                + policy("trust", "dmz", "w", "odd", "any", "junos-http", "permit")
                + policy("trust", "dmz", "v", "v6", "any-ipv6", "junos-ssh", "permit")
                + policy("untrust", "dmz", "d", "partner", "any", "any", "deny")
                + policy("untrust", "dmz", "all", "any", "any", "junos-https", "permit"));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.1.19", "172.25.33.1", 443));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.1.20", "172.25.33.1", 443));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.2.77", "172.25.33.1", 80));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.2.78", "172.25.33.1", 80));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "2001:db8:1::5", "2001:db8:9::1", 22));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "2001:db8:1::5", "172.25.33.1", 22));
        // the DNS name is read as no address: the permit after it decides, and is uncertain; what it cannot change stays exact
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.1", 443));
        assertTrue(uncertainty(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.1", 443).contains("DNS name sip.fabrikam.example"));
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.1", 22));
        assertNull(uncertainty(r, "trust", "dmz", "tcp", "10.0.1.19", "172.25.33.1", 443));
    }

    @Test
    void applicationsSetsAndPredefinedOnesFromTheTable() throws Exception {
        ImportResult r = load(tmp, "apps.set", ZONES + set(
                "applications application sip-tls protocol tcp destination-port 5061",
                "applications application media term t1 protocol udp destination-port 50000-59999",
                "applications application media term t2 protocol tcp destination-port 50000-50019",
                "applications application-set lync application sip-tls",
                "applications application-set lync application media",
                "applications application-set lync application-set web",
                "applications application-set web application junos-http",
                "applications application-set web application junos-https")
                + policy("untrust", "dmz", "lync", "any", "any", "lync", "permit")
                + policy("trust", "dmz", "made-up", "any", "any", "junos-lync-media", "permit"));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.31", 5061));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "udp", "203.0.113.5", "172.25.33.31", 59999));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.31", 50019));
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.31", 50020));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.31", 80));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.31", 443));
        assertEquals(DENY, verdict(r, "untrust", "dmz", "udp", "203.0.113.5", "172.25.33.31", 443));
        // a junos-* name the table does not hold is never guessed: read as nothing, it may be anything
        assertEquals(DENY, verdict(r, "trust", "dmz", "udp", "10.0.0.5", "172.25.33.31", 3478));
        assertTrue(uncertainty(r, "trust", "dmz", "udp", "10.0.0.5", "172.25.33.31", 3478).contains("junos-lync-media"));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.category() == Diagnostic.Category.UNSUPPORTED
                && d.message().contains("junos-lync-media")));
        // every table entry reads: a name of the defaults resolves to what the resource says
        assertEquals(Addresses.ALL, SrxDefaults.box(6, io.lyncaudit.model.IntervalSet.point(22)).bounds().sources());
        assertNotNull(SrxDefaults.application("junos-ms-rpc"));
        assertEquals(80, SrxDefaults.port("http"));
    }

    @Test
    void excludedAddressesAreANegation() throws Exception {
        String p = "security policies from-zone trust to-zone dmz policy ";
        ImportResult r = load(tmp, "excl.set", ZONES + set("security address-book global address fe 10.0.1.0/28",
                "security address-book global address edge 172.25.34.5/32",
                p + "not-fe match source-address fe", p + "not-fe match source-address-excluded", p + "not-fe match destination-address edge",
                p + "not-fe match application any", p + "not-fe then deny",
                p + "not-edge match source-address any", p + "not-edge match destination-address edge",
                p + "not-edge match destination-address-excluded", p + "not-edge match application junos-https", p + "not-edge then permit",
                p + "rest match source-address any", p + "rest match destination-address any", p + "rest match application any",
                p + "rest then permit"));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.2.5", "172.25.34.5", 5061));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.1.5", "172.25.34.5", 5061));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.2.5", "172.25.34.6", 5061));
    }

    @Test
    void dynamicApplicationIsUncertainUnlessNoneOrAny() throws Exception {
        String p = "security policies from-zone trust to-zone dmz policy ";
        ImportResult r = load(tmp, "dyn.set", ZONES + set(
                p + "none match source-address any", p + "none match destination-address edge5", p + "none match application junos-https",
                p + "none match dynamic-application none", p + "none then permit",
                p + "http match source-address any", p + "http match destination-address any", p + "http match application any",
                p + "http match dynamic-application junos:HTTP", p + "http then permit",
                "security address-book global address edge5 172.25.33.5/32"));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.5", 443));
        assertNull(uncertainty(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.5", 443));
        // junos:HTTP is read as its whole 5-tuple match, uncertain: the device permits only what it identifies as HTTP
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.9", 8080));
        assertTrue(uncertainty(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.9", 8080).contains("dynamic-application junos:HTTP"));
    }

    @Test
    void staticAndDestinationNatHappenBeforeThePolicyLookup() throws Exception {
        ImportResult r = load(tmp, "nat.set", ZONES + set(
                "security zones security-zone dmz address-book address access-edge 172.25.33.11/32",
                "security zones security-zone dmz address-book address rp 172.25.33.40/32",
                "security nat static rule-set pub from zone untrust",
                "security nat static rule-set pub rule ae match destination-address 131.107.155.11/32",
                "security nat static rule-set pub rule ae then static-nat prefix 172.25.33.11/32",
                "security nat destination pool rp address 172.25.33.40/32 port 4443",
                "security nat destination rule-set dst from zone untrust",
                "security nat destination rule-set dst rule rp match destination-address 131.107.155.40/32",
                "security nat destination rule-set dst rule rp match destination-port 443",
                "security nat destination rule-set dst rule rp then destination-nat pool rp",
                "security nat source rule-set out from zone dmz",
                "security nat source rule-set out to zone untrust",
                "security nat source rule-set out rule r match source-address 0.0.0.0/0",
                "security nat source rule-set out rule r then source-nat interface")
                + policy("untrust", "dmz", "ae", "any", "access-edge", "junos-https", "permit")
                + policy("untrust", "dmz", "rp", "any", "rp", "rp4443", "permit")
                + set("applications application rp4443 protocol tcp destination-port 4443"));
        // the policy names the private address; the packet arrives at the public one and is translated first
        Evaluation e = eval(r, "untrust", "dmz", "tcp", "203.0.113.5", "131.107.155.11", 443);
        assertTrue(!e.permitted().isEmpty());
        assertEquals("172.25.33.11", Addresses.format(e.translated().get(0).translation().destination()));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "131.107.155.40", 443));
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "131.107.155.40", 80));
        // the private address asked directly is permitted too (no translation needed), from the inside no NAT applies
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertEquals(DENY, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "131.107.155.11", 443));
        // source NAT cannot change a verdict: ignored, saying so
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.text().contains("source-nat interface")
                && d.category() == Diagnostic.Category.IGNORED && d.message().contains("cannot change a verdict")));
        assertEquals(2, r.nat().size(), "the static pair and the reverse proxy's");
        assertTrue(r.translates(), "the NAT stage translates, so 'edgeAddresses: nat' is right for this firewall");
    }

    @Test
    void aPrefixToPrefixStaticNatIsUncertain() throws Exception {
        ImportResult r = load(tmp, "prefix.set", ZONES + set(
                "security nat static rule-set pub from zone untrust",
                "security nat static rule-set pub rule block match destination-address 131.107.155.0/29",
                "security nat static rule-set pub rule block then static-nat prefix 172.25.33.0/29",
                "security zones security-zone dmz address-book address all-edges 172.25.33.0/29")
                + policy("untrust", "dmz", "edges", "any", "all-edges", "junos-https", "permit"));
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "131.107.155.3", 443));
        String why = uncertainty(r, "untrust", "dmz", "tcp", "203.0.113.5", "131.107.155.3", 443);
        assertTrue(why != null && why.contains("each address to its own"), why);
    }

    @Test
    void applyGroupsAreInheritedAndAGroupNamedByAVariableMakesThePoliciesUncertain() throws Exception {
        ImportResult r = load(tmp, "groups.set", ZONES + set(
                "groups tail security policies from-zone <*> to-zone dmz policy deny-rest match source-address any",
                "groups tail security policies from-zone <*> to-zone dmz policy deny-rest match destination-address any",
                "groups tail security policies from-zone <*> to-zone dmz policy deny-rest match application any",
                "groups tail security policies from-zone <*> to-zone dmz policy deny-rest then deny",
                "groups permit-all security policies default-policy permit-all",
                "apply-groups permit-all",
                "security policies from-zone untrust to-zone dmz apply-groups tail")
                + policy("untrust", "dmz", "https", "any", "any", "junos-https", "permit"));
        // the inherited deny comes after the context's own policy; the inherited default-policy applies where nothing else does
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertEquals(DENY, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 80));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.11", 80));
        assertEquals("deny-rest", eval(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 80).decisions().stream()
                .filter(d -> d.rule() != null).findFirst().orElseThrow().rule().name());
        ImportResult node = load(tmp, "node.set", ZONES + set("groups node0 security policies default-policy permit-all",
                "apply-groups \"${node}\"") + policy("untrust", "dmz", "https", "any", "any", "junos-https", "permit"));
        assertEquals(PERMIT, verdict(node, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertNotNull(uncertainty(node, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
        assertNotNull(uncertainty(node, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 80));
    }

    @Test
    void trafficToTheDeviceItselfPassesHostInboundTrafficAndTheJunosHostPolicies() throws Exception {
        ImportResult r = load(tmp, "host.set", ZONES + set(
                "security zones security-zone trust host-inbound-traffic system-services ssh",
                "security address-book global address mgmt 10.0.9.0/24")
                + policy("trust", "junos-host", "ssh", "mgmt", "any", "junos-ssh", "permit")
                + policy("untrust", "dmz", "all", "any", "any", "any", "permit"));
        // untrust has no host-inbound-traffic: dropped, exactly
        assertEquals(DENY, verdict(r, "untrust", Hook.HOST, "tcp", "203.0.113.5", "131.107.155.2", 22));
        assertNull(uncertainty(r, "untrust", Hook.HOST, "tcp", "203.0.113.5", "131.107.155.2", 22));
        // trust's host-inbound-traffic is not modelled: whatever passes the junos-host policies is uncertain
        assertEquals(DENY, verdict(r, "trust", Hook.HOST, "tcp", "10.0.9.5", "10.0.0.1", 22));
        assertTrue(uncertainty(r, "trust", Hook.HOST, "tcp", "10.0.9.5", "10.0.0.1", 22).contains("host-inbound-traffic of zone trust"));
        // the junos-host policies see traffic to the device only: transit is the other stage's
        assertEquals(PERMIT, verdict(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 22));
        Policy jh = r.policies().stream().filter(p -> p.name().equals("security policies from-zone trust to-zone junos-host")).findFirst()
                .orElseThrow();
        assertEquals(Hook.INPUT, jh.hook());
        assertEquals(1, jh.rules().size());
    }

    @Test
    void aStatelessFilterOnAZoneInterfaceMakesWhatCrossesItUncertain() throws Exception {
        ImportResult r = load(tmp, "filter.set", ZONES + set(
                "interfaces ge-0/0/3 unit 0 family inet filter input lan-in",
                "firewall family inet filter lan-in term t then accept")
                + policy("trust", "dmz", "all", "any", "any", "any", "permit")
                + policy("untrust", "dmz", "all", "any", "any", "any", "permit"));
        assertEquals(PERMIT, verdict(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.11", 443));
        assertTrue(uncertainty(r, "trust", "dmz", "tcp", "10.0.0.5", "172.25.33.11", 443).contains("lan-in"));
        assertNull(uncertainty(r, "untrust", "dmz", "tcp", "203.0.113.5", "172.25.33.11", 443));
    }

    @Test
    void theDeploymentContractsNameJunosIsThisImporter() {
        assertEquals(SrxImporter.FORMAT, io.lyncaudit.importer.Importers.forFormat("junos").format());
        assertEquals(SrxImporter.FORMAT, io.lyncaudit.importer.Importers.forFormat("junos-srx").format());
        assertTrue(io.lyncaudit.deployment.DeploymentLoader.FORMATS.contains("junos"));
    }
}
