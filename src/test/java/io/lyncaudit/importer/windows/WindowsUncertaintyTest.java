package io.lyncaudit.importer.windows;

import static io.lyncaudit.importer.windows.WindowsFixtures.HOST;
import static io.lyncaudit.importer.windows.WindowsFixtures.importText;
import static io.lyncaudit.importer.windows.WindowsFixtures.netsh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditions Windows applies but the audit does not model make their rules uncertain, and since
 * block wins, every decision of the other action on the packets such a rule may match is
 * uncertain too ({@link Uncertainty}); decisions nothing uncertain can change stay certain.
 */
class WindowsUncertaintyTest {
    private static final int TCP = Protocols.TCP, UDP = Protocols.UDP;

    @TempDir
    Path tmp;

    /** A netsh block with one more property before its Action line. */
    static String with(String block, String key, String value) {
        return block.replace("Action:", (key + ":").concat(" ".repeat(Math.max(1, 38 - key.length() - 1))) + value + "\nAction:");
    }

    static Evaluation inbound(ImportResult ir, int proto, String remote, int port) {
        PacketSet q = PacketSet.of(new PacketBox(IntervalSet.point(proto), Addresses.parse(remote), Addresses.parse(HOST),
                IntervalSet.point(40000), IntervalSet.point(port)));
        return PolicyEvaluator.evaluate(ir, q, "network", "host");
    }

    static boolean permitted(Evaluation e) {
        return !e.permitted().isEmpty();
    }

    static Rule rule(ImportResult ir, String name) {
        return ir.policies().stream().flatMap(p -> p.rules().stream()).filter(r -> name.equals(r.name())).findFirst().orElseThrow();
    }

    @Test
    void localSubnetIsAnyAddressAndUncertain() throws Exception {
        ImportResult ir = importText(tmp, netsh("subnet", "Yes", "In", "Domain", "TCP", "5061", "LocalSubnet", "Allow")
                + netsh("web", "Yes", "In", "Domain", "TCP", "443", "Any", "Allow")
                + netsh("rdp", "Yes", "In", "Domain", "TCP", "3389", "Any", "Block"));
        Rule subnet = rule(ir, "subnet");
        assertEquals("LocalSubnet is read as any address", subnet.uncertainty());
        assertEquals(subnet.match(), subnet.mayMatch(), "the real subnet is part of any address");
        Uncertainty u = new Uncertainty(ir);
        Evaluation sip = inbound(ir, TCP, "192.0.2.1", 5061);
        assertTrue(permitted(sip));
        assertTrue(u.of(sip.decisions()).contains("LocalSubnet is read as any address"));
        assertNull(u.of(inbound(ir, TCP, "192.0.2.1", 443).decisions()), "an exact allow");
        assertNull(u.of(inbound(ir, TCP, "192.0.2.1", 3389).decisions()), "an exact block no uncertain allow meets");
        assertNull(u.of(inbound(ir, TCP, "192.0.2.1", 8080).decisions()), "the default, no uncertain allow meets it");
    }

    @Test
    void aBlockRuleLimitedToAServiceMakesItsBlocksUncertain() throws Exception {
        ImportResult ir = importText(tmp, with(netsh("block agent", "Yes", "In", "Domain", "TCP", "5063", "Any", "Block"), "Service", "agent")
                + netsh("allow agent port", "Yes", "In", "Domain", "TCP", "5063", "Any", "Allow")
                + netsh("web", "Yes", "In", "Domain", "TCP", "443", "Any", "Allow"));
        assertEquals("limited to Service agent (read as every program)", rule(ir, "block agent").uncertainty());
        Uncertainty u = new Uncertainty(ir);
        Evaluation agent = inbound(ir, TCP, "10.0.0.1", 5063);
        assertFalse(permitted(agent), "block wins as read");
        assertNotNull(u.of(agent.decisions()), "for other programs the allow rule admits it");
        Evaluation web = inbound(ir, TCP, "10.0.0.1", 443);
        assertTrue(permitted(web));
        assertNull(u.of(web.decisions()), "the uncertain block does not meet port 443");
    }

    @Test
    void rpcPortsMayBeAnyPortSoTheDefaultBlockOfOtherTcpPortsIsUncertain() throws Exception {
        ImportResult ir = importText(tmp, netsh("rpc", "Yes", "In", "Domain", "TCP", "RPC", "Any", "Allow"));
        Rule rpc = rule(ir, "rpc");
        Packet p8080 = new Packet(TCP, Addresses.parse("10.0.0.1").first(), 40000, Addresses.parse(HOST).first(), 8080);
        assertFalse(rpc.match().contains(p8080));
        assertTrue(rpc.mayMatch().contains(p8080), "the dynamic range is the host's to configure");
        Uncertainty u = new Uncertainty(ir);
        Evaluation tcp = inbound(ir, TCP, "10.0.0.1", 8080);
        assertFalse(permitted(tcp));
        assertTrue(u.of(tcp.decisions()).contains("RPC dynamic ports are read as 49152-65535"), u.of(tcp.decisions()));
        assertNull(u.of(inbound(ir, UDP, "10.0.0.1", 8080).decisions()), "UDP is not RPC's");
    }

    @Test
    void bypassMayOverrideBlockRules() throws Exception {
        ImportResult ir = importText(tmp, netsh("admin bypass", "Yes", "In", "Domain", "TCP", "5061", "10.0.0.0/8", "Bypass")
                + netsh("block dmz", "Yes", "In", "Domain", "TCP", "5061", "10.9.0.0/16", "Block")
                + netsh("block far", "Yes", "In", "Domain", "TCP", "5061", "192.0.2.0/24", "Block"));
        Uncertainty u = new Uncertainty(ir);
        Evaluation dmz = inbound(ir, TCP, "10.9.1.1", 5061);
        assertFalse(permitted(dmz));
        assertTrue(u.of(dmz.decisions()).contains("the Bypass rule at "), u.of(dmz.decisions()));
        Evaluation far = inbound(ir, TCP, "192.0.2.1", 5061);
        assertFalse(permitted(far));
        assertNull(u.of(far.decisions()), "the bypass rule does not cover 192.0.2.0/24");
        // without a bypass, an uncertain allow rule cannot change what a block rule denies
        ImportResult plain = importText(tmp, netsh("program allow", "Yes", "In", "Domain", "TCP", "5061", "Any", "Allow")
                .replace("Action:", "Program:                              C:\\lync\\RtcHost.exe\nAction:")
                + netsh("block dmz", "Yes", "In", "Domain", "TCP", "5061", "10.9.0.0/16", "Block"));
        assertTrue(plain.policies().get(0).rules().get(0).uncertain(), "the program condition is not modelled");
        Evaluation blocked = inbound(plain, TCP, "10.9.1.1", 5061);
        assertFalse(permitted(blocked));
        assertNull(new Uncertainty(plain).of(blocked.decisions()), "block wins over any allow");
    }

    @Test
    void aRuleThatCannotBeReadStaysMatchingNothingAndItsActionMakesOthersUncertain() throws Exception {
        ImportResult ir = importText(tmp, netsh("maybe on", "Maybe", "In", "Domain", "TCP", "1433", "10.0.1.0/24", "Block")
                + netsh("sql", "Yes", "In", "Domain", "TCP", "1433", "Any", "Allow")
                + netsh("unknown action", "Maybe", "In", "Domain", "TCP", "1434", "Any", "Deny maybe"));
        Rule maybe = rule(ir, "maybe on");
        assertEquals(Action.DENY, maybe.action());
        assertTrue(maybe.match().isEmpty());
        assertEquals("Enabled 'Maybe' could not be read; the rule is read as matching nothing", maybe.uncertainty());
        Uncertainty u = new Uncertainty(ir);
        Evaluation near = inbound(ir, TCP, "10.0.1.5", 1433);
        assertTrue(permitted(near), "read as not blocking");
        assertNotNull(u.of(near.decisions()), "but it may");
        assertNull(u.of(inbound(ir, TCP, "10.0.2.5", 1433).decisions()), "outside what it could block");
        assertTrue(ir.policies().stream().flatMap(p -> p.rules().stream()).noneMatch(r -> "unknown action".equals(r.name())),
                "no rule stands for an unknown action: only the diagnostic");
    }

    @Test
    void theFixtureMarksEveryKind() throws Exception {
        ImportResult ir = new WindowsFirewallImporter().importFile(WindowsFixtures.DIR.resolve("fe02-uncertain-netsh.txt"), "u.txt");
        assertTrue(rule(ir, "Web on wireless (TCP-In)").uncertainty().contains("InterfaceTypes Wireless is read as every interface"));
        assertTrue(rule(ir, "Authenticated admin (TCP-In)").uncertainty().contains("Security Authenticate is read as unconditional"));
        assertTrue(rule(ir, "Teredo (UDP-In)").uncertainty().contains("Teredo ports are read as any port"));
        assertTrue(rule(ir, "Echo Request (ICMPv4-In)").uncertainty().contains("ICMP types and codes"));
        Rule iphttps = rule(ir, "IP-HTTPS (TCP-In)");
        assertTrue(iphttps.mayMatch().contains(new Packet(TCP, Addresses.parse("10.0.0.1").first(), 1, Addresses.parse(HOST).first(), 8443)));
        assertEquals(2, ir.policies().stream().filter(p -> p.rules().stream().anyMatch(r -> "Mistyped direction".equals(r.name()))).count(),
                "a rule of unknown direction may apply either way");
        ImportResult fl = new WindowsFirewallImporter().importFile(WindowsFixtures.DIR.resolve("fe02-uncertain-format-list.txt"), "f.txt");
        assertTrue(rule(fl, "Operators only (TCP-In)").uncertainty().contains("RemoteUser condition is read as anyone"));
        assertTrue(rule(fl, "Store app (TCP-Out)").uncertainty().startsWith("limited to Package S-1-15-2-"));
    }
}
