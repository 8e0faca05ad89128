package io.lyncaudit.importer.nftables;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.uncertainty;
import static io.lyncaudit.importer.nftables.Nft.load;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Translation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packet path of an nftables ruleset, packet by packet through the one evaluator: every base
 * chain of every family is a stage at its hook, in priority order; accept ends only its base chain;
 * nat chains translate for every later stage; notrack skips nat; bridge chains and ingress chains
 * of unknown devices are uncertain.
 */
class NftPathTest {

    @TempDir
    Path tmp;

    static final String FWD = "table inet f {\n chain fwd {\n  type filter hook forward priority filter; policy drop;\n"
            + "  ip daddr 172.16.10.11 tcp dport { 443, 5061 } accept\n  ip daddr 172.16.10.12 tcp dport 4443 accept\n }\n}\n";

    private ImportResult nft(String text) throws Exception {
        return load(tmp, "r.nft", text);
    }

    private static List<String> names(ImportResult r) {
        return r.policies().stream().map(Policy::name).toList();
    }

    @Test
    void aDropInAPreroutingChainDeniesWhatTheForwardChainAccepts() throws Exception {
        ImportResult r = nft(FWD + "table inet early {\n chain pre {\n  type filter hook prerouting priority mangle; policy accept;\n"
                + "  iifname \"eth0\" ip daddr 172.16.10.11 tcp dport 5061 drop\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "172.16.10.11", 443));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "172.16.10.11", 5061));
        // the same packet from another interface is not dropped there
        assertEquals(PERMIT, decide(r, "eth2", "eth1", "tcp", "192.0.2.1", "172.16.10.11", 5061));
        // the drop is the decision that denies it
        Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set("tcp", "192.0.2.1", 50123, "172.16.10.11", 5061), "eth0", "eth1");
        assertTrue(e.decisions().stream().anyMatch(d -> d.rule() != null && d.rule().source().line() == 11 && d.action() == DENY));
        // and it stops traffic to the box too (prerouting is on the input path)
        assertEquals(DENY, decide(r, "eth0", Hook.HOST, "tcp", "192.0.2.1", "172.16.10.11", 5061));
        assertEquals(Hook.PREROUTING, Nft.policy(r, "inet early pre").hook());
    }

    @Test
    void anAcceptEndsOnlyItsBaseChainAndEveryChainOfTheHookMustAccept() throws Exception {
        ImportResult r = nft("table inet a {\n chain late {\n  type filter hook forward priority filter + 10; policy accept;\n"
                + "  tcp dport 8080 drop\n }\n chain first {\n  type filter hook forward priority filter; policy drop;\n"
                + "  tcp dport { 443, 8080 } accept\n }\n chain earliest {\n  type filter hook forward priority mangle - 5; policy accept;\n"
                + "  tcp dport 8081 drop\n }\n}\n");
        // in priority order: mangle - 5 (-155), filter (0), filter + 10 (10), whatever the order they are written in
        assertEquals(List.of("inet a earliest", "inet a first", "inet a late"), names(r));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 443));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 8080), "accepted by 'first', dropped by 'late'");
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 22));
    }

    @Test
    void numbersNamesAndArithmeticOrderTheChainsOfAHookAcrossTablesAndFamilies() throws Exception {
        ImportResult r = nft("table ip b {\n chain c {\n  type filter hook prerouting priority -150; policy accept;\n }\n}\n"
                + "table inet a {\n chain raw {\n  type filter hook prerouting priority raw; policy accept;\n }\n"
                + " chain sec {\n  type filter hook prerouting priority security; policy accept;\n }\n"
                + " chain m5 {\n  type filter hook prerouting priority mangle + 5; policy accept;\n }\n"
                + " chain tie {\n  type filter hook prerouting priority mangle; policy accept;\n }\n}\n"
                + "table ip nat {\n chain dst {\n  type nat hook prerouting priority dstnat; policy accept;\n }\n}\n");
        // -300, -150 (ip b, declared first), -150 (tie), -145, -100 (the nat chains), 50
        assertEquals(List.of("inet a raw", "ip b c", "inet a tie", "inet a m5", "ip nat dst", "inet a sec"), names(r));
        assertEquals(-150, NftHooks.priority("inet", "mangle"));
        assertEquals(-155, NftHooks.priority("ip", "mangle - 5"));
        assertEquals(10, NftHooks.priority("inet", "filter+10"));
        assertEquals(-200, NftHooks.priority("bridge", "filter"));
        assertEquals(300, NftHooks.priority("bridge", "srcnat"));
        assertNull(NftHooks.priority("inet", "out"), "'out' is a bridge name only");
    }

    @Test
    void aNetdevIngressDropAppliesOnlyToTrafficEnteringAtItsDevices() throws Exception {
        ImportResult r = nft(FWD.replace("policy drop", "policy accept") + "table netdev edge {\n chain ing {\n"
                + "  type filter hook ingress devices = { eth0, eth2 } priority filter; policy accept;\n"
                + "  ip saddr 198.51.100.0/24 drop\n }\n chain one {\n  type filter hook ingress device eth1 priority -10; policy drop;\n"
                + "  ip saddr 10.0.0.0/8 accept\n }\n}\n");
        assertEquals(List.of("netdev edge one", "netdev edge ing (eth0)", "netdev edge ing (eth2)", "inet f fwd"), names(r));
        assertEquals(new Binding("eth0", Binding.Direction.IN), Nft.policy(r, "netdev edge ing (eth0)").binding());
        assertEquals(Hook.INGRESS, Nft.policy(r, "netdev edge ing (eth0)").hook());
        assertEquals(DENY, decide(r, "eth0", "eth3", "tcp", "198.51.100.7", "172.16.10.11", 443));
        assertEquals(DENY, decide(r, "eth2", "eth3", "tcp", "198.51.100.7", "172.16.10.11", 443));
        assertEquals(PERMIT, decide(r, "eth3", "eth0", "tcp", "198.51.100.7", "172.16.10.11", 443), "enters at eth3: no ingress chain");
        // eth1's own chain drops what is not from 10/8, also to the box itself
        assertEquals(DENY, decide(r, "eth1", "eth0", "tcp", "192.0.2.1", "172.16.10.11", 443));
        assertEquals(PERMIT, decide(r, "eth1", "eth0", "tcp", "10.1.1.1", "172.16.10.11", 443));
        assertEquals(DENY, decide(r, "eth1", Hook.HOST, "tcp", "192.0.2.1", "172.16.10.1", 22));
        // the box's own traffic never passes an ingress hook
        assertEquals(PERMIT, decide(r, Hook.HOST, "eth0", "tcp", "198.51.100.7", "192.0.2.9", 443));
    }

    @Test
    void inetIngressChainsAreIngressStagesToo() throws Exception {
        ImportResult r = nft("table inet t {\n chain ing {\n  type filter hook ingress device \"eth0\" priority filter; policy accept;\n"
                + "  tcp dport 23 drop\n }\n}\n");
        Policy p = Nft.policy(r, "inet t ing");
        assertEquals(Hook.INGRESS, p.hook());
        assertEquals(new Binding("eth0", Binding.Direction.IN), p.binding());
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 23));
        assertEquals(PERMIT, decide(r, "eth1", "eth0", "tcp", "192.0.2.1", "192.0.2.2", 23));
    }

    @Test
    void dnatTranslatesForEveryLaterStageAndTheForwardChainSeesThePrivateAddress() throws Exception {
        ImportResult r = nft(FWD + "table ip nat {\n chain pre {\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + "  iifname \"eth0\" ip daddr 131.107.155.10 tcp dport { 443, 5061 } dnat to 172.16.10.11\n"
                + "  iifname \"eth0\" ip daddr 131.107.155.20 tcp dport 443 dnat ip to 172.16.10.12:4443\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.10", 5061));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.20", 443), "to 172.16.10.12:4443, which fwd accepts");
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.10", 80), "not translated: fwd drops the public address");
        assertEquals(DENY, decide(r, "eth2", "eth1", "tcp", "192.0.2.1", "131.107.155.10", 443), "dnat only from eth0");
        Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set("tcp", "192.0.2.1", 50123, "131.107.155.20", 443), "eth0", "eth1");
        Translation t = e.translated().get(0).translation();
        assertEquals(Addresses.parse("172.16.10.12"), t.destination());
        assertEquals(IntervalSet.point(4443), t.destinationPort());
        // the deployment's NAT check still gets the static pairs
        assertEquals(2, r.nat().size());
        assertEquals(Addresses.parse("131.107.155.20"), r.nat().get(1).mapped());
    }

    @Test
    void dnatToARangeReadsTheFirstAddressAndPortUncertainly() throws Exception {
        ImportResult r = nft("table ip nat {\n chain pre {\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + "  ip daddr 131.107.155.10 tcp dport 443 dnat to 172.16.10.20-172.16.10.29:8000-8009\n }\n}\n"
                + "table ip f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n  ip daddr 172.16.10.20 tcp dport 8000 accept\n }\n}\n");
        Rule dnat = Nft.policy(r, "ip nat pre").rules().get(0);
        assertEquals(Addresses.parse("172.16.10.20"), dnat.translation().destination());
        assertEquals(IntervalSet.point(8000), dnat.translation().destinationPort());
        assertTrue(dnat.uncertainty().startsWith("DNAT to an address range and a port range: the kernel picks one per connection"));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.10", 443));
        assertUncertain(uncertainty(r, "eth0", "eth1", "192.0.2.1", 50123, "131.107.155.10", 443), "DNAT to an address range");
    }

    @Test
    void anIpv6DnatReadsTheAddressInBracketsAndThePort() throws Exception {
        ImportResult r = nft("table inet nat {\n chain pre {\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + "  meta nfproto ipv6 tcp dport 80 dnat ip6 to [2001:db8::11]:8080\n }\n}\n"
                + "table ip6 f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n  ip6 daddr 2001:db8::11 tcp dport 8080 accept\n }\n}\n");
        Rule dnat = Nft.policy(r, "inet nat pre").rules().get(0);
        assertEquals(Addresses.parse("2001:db8::11"), dnat.translation().destination());
        assertEquals(IntervalSet.point(8080), dnat.translation().destinationPort());
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "2001:db8:1::5", "2001:db8::80", 80));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "2001:db8:1::5", "2001:db8::80", 81));
    }

    @Test
    void theListedRulesetReadsAlikeAsTextAndAsJsonSaveTheDevicesTheJsonLeavesOut() throws Exception {
        ImportResult text = NftablesImporterTest.fixture("ruleset-list.nft");
        ImportResult json = NftablesImporterTest.fixture("ruleset-list.json");
        String[] sources = {"192.0.2.1", "198.51.100.7", "10.20.1.5", "10.20.0.9", "2001:db8:1::1", "fc00::1"};
        String[] destinations = {"172.16.10.11", "172.16.10.12", "172.16.10.13", "131.107.155.10", "131.107.155.30", "192.0.2.80",
            "2001:db8:10::11"};
        String[][] crossings = {{"eth0", "eth1"}, {"eth1", "eth0"}, {"eth2", "eth1"}, {"eth1", Hook.HOST}, {"eth0", Hook.HOST}, {Hook.HOST, "eth0"}};
        int compared = 0;
        for (String src : sources) {
            for (String dst : destinations) {
                if (src.contains(":") != dst.contains(":")) continue;
                for (String[] x : crossings) {
                    for (int port : new int[] {22, 80, 443, 3478, 5061, 8080}) {
                        for (String proto : new String[] {"tcp", "udp"}) {
                            boolean ingressDrop = (x[0].equals("eth0") || x[0].equals("eth2")) && (src.startsWith("198.51.100.") || src.startsWith("fc00"));
                            if (ingressDrop) continue;
                            assertEquals(decide(text, x[0], x[1], proto, src, dst, port), decide(json, x[0], x[1], proto, src, dst, port),
                                    proto + " " + src + " -> " + dst + ":" + port + " " + x[0] + " -> " + x[1]);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000);
        // the ingress drop: certain from the text, uncertain from the JSON (which names no devices)
        assertEquals(DENY, decide(text, "eth0", "eth1", "tcp", "198.51.100.7", "172.16.10.11", 443));
        assertEquals(PERMIT, decide(json, "eth0", "eth1", "tcp", "198.51.100.7", "172.16.10.11", 443));
        assertUncertain(uncertainty(json, "eth0", "eth1", "198.51.100.7", 50123, "172.16.10.11", 443), "are not in the export");
    }

    @Test
    void aDnatMapIsOneTranslatingRulePerElement() throws Exception {
        ImportResult r = nft(FWD + "table ip nat {\n map pub {\n  type ipv4_addr . inet_service : ipv4_addr . inet_service\n"
                + "  elements = { 131.107.155.10 . 443 : 172.16.10.11 . 443, 131.107.155.20 . 443 : 172.16.10.12 . 4443 }\n }\n"
                + " chain pre {\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + "  dnat ip to ip daddr . tcp dport map @pub\n  dnat to tcp dport map { 5061 : 172.16.10.11 }\n }\n}\n");
        List<Rule> rules = Nft.policy(r, "ip nat pre").rules();
        assertEquals(3, rules.size());
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.20", 443));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.99", 5061), "any address to 5061 goes to .11");
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.20", 5061 + 1));
        assertEquals(List.of("131.107.155.10", "131.107.155.20"),
                r.nat().stream().map(n -> Addresses.format(n.mapped())).toList());
    }

    @Test
    void aRedirectTakesPacketsToTheBoxItself() throws Exception {
        ImportResult r = nft("table ip nat {\n chain pre {\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + "  iifname \"eth1\" tcp dport 80 redirect to :3128\n }\n}\n"
                + "table inet f {\n chain in {\n  type filter hook input priority 0; policy drop;\n  tcp dport 3128 accept\n }\n}\n");
        // through the box, a redirected packet never leaves by the egress interface: the redirect denies it
        Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set("tcp", "10.0.0.5", 50123, "192.0.2.80", 80), "eth1", "eth0");
        assertTrue(e.permitted().isEmpty());
        assertTrue(e.decisions().stream().anyMatch(d -> d.translation() != null && d.translation().toHost() && d.action() == DENY));
        // to the box: the input chain sees port 3128 and accepts it
        assertEquals(PERMIT, decide(r, "eth1", Hook.HOST, "tcp", "10.0.0.5", "192.0.2.80", 80));
        assertEquals(DENY, decide(r, "eth0", Hook.HOST, "tcp", "10.0.0.5", "192.0.2.80", 80), "not redirected from eth0");
    }

    @Test
    void theNatChainsOfAHookAreOneStageAcceptMovesOnAndATranslationEndsIt() throws Exception {
        ImportResult r = nft(FWD.replace("policy drop", "policy accept") + "table ip nat {\n chain a {\n"
                + "  type nat hook prerouting priority dstnat; policy accept;\n  tcp dport 22 accept\n"
                + "  ip daddr 131.107.155.10 dnat to 172.16.10.11\n  ip daddr 131.107.155.66 drop\n  tcp dport 22 dnat to 172.16.10.99\n }\n"
                + " chain b {\n  type nat hook prerouting priority dstnat + 10; policy accept;\n  ip daddr 172.16.10.11 dnat to 172.16.10.77\n"
                + "  tcp dport 22 dnat to 172.16.10.22\n }\n}\n");
        assertEquals(List.of("ip nat a + ip nat b", "inet f fwd"), names(r));
        Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set("tcp", "192.0.2.1", 50123, "131.107.155.10", 443), "eth0", "eth1");
        assertEquals(Addresses.parse("172.16.10.11"), e.translated().get(0).translation().destination(),
                "chain b never sees a packet chain a translated");
        // accept in chain a ends a only: chain b translates port 22
        e = PolicyEvaluator.evaluate(r, OnePacket.set("tcp", "192.0.2.1", 50123, "131.107.155.50", 22), "eth0", "eth1");
        assertEquals(Addresses.parse("172.16.10.22"), e.translated().get(0).translation().destination());
        // a drop in a nat chain is final
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "131.107.155.66", 443));
    }

    @Test
    void masqueradeAndSnatEndTheNatChainWithoutChangingWhatLaterStagesSee() throws Exception {
        ImportResult r = nft("table ip nat {\n chain post {\n  type nat hook postrouting priority srcnat; policy accept;\n"
                + "  oifname \"eth0\" masquerade\n  oifname \"eth0\" drop\n }\n chain post2 {\n  type nat hook postrouting priority srcnat + 1;"
                + " policy accept;\n  oifname \"eth0\" ip saddr 10.0.0.0/8 drop\n }\n}\n"
                + "table ip late {\n chain post {\n  type filter hook postrouting priority 200; policy accept;\n"
                + "  ip saddr 10.1.2.3 tcp dport 25 drop\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth1", "eth0", "tcp", "10.1.2.4", "192.0.2.9", 443), "masquerade: the later nat drops are not met");
        assertEquals(DENY, decide(r, "eth1", "eth0", "tcp", "10.1.2.3", "192.0.2.9", 25), "the later filter chain still sees the source");
        assertEquals(PERMIT, decide(r, "eth1", "eth2", "tcp", "10.1.2.5", "192.0.2.9", 443), "leaving by eth2, no nat rule applies");
        // without the masquerade, chain post2 is met: its drop is final
        ImportResult s = nft("table ip nat {\n chain post {\n  type nat hook postrouting priority srcnat; policy accept;\n"
                + "  oifname \"eth0\" ip saddr 10.9.0.0/16 masquerade\n }\n chain post2 {\n  type nat hook postrouting priority srcnat + 1;"
                + " policy accept;\n  oifname \"eth0\" ip saddr 10.0.0.0/8 drop\n }\n}\n");
        assertEquals(PERMIT, decide(s, "eth1", "eth0", "tcp", "10.9.2.4", "192.0.2.9", 443));
        assertEquals(DENY, decide(s, "eth1", "eth0", "tcp", "10.8.2.4", "192.0.2.9", 443));
    }

    @Test
    void untrackedPacketsSkipNatAndMeetCtStateUntrackedNotNew() throws Exception {
        ImportResult r = nft("table inet raw {\n chain pre {\n  type filter hook prerouting priority raw; policy accept;\n"
                + "  ip daddr 131.107.155.30 udp dport 3478 notrack\n }\n}\n"
                + "table ip nat {\n chain pre {\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + "  ip daddr 131.107.155.30 dnat to 172.16.10.13\n }\n}\n"
                + "table inet f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                + "  ct state new ip daddr 172.16.10.13 accept\n  ct state untracked ip daddr 131.107.155.30 udp dport 3478 accept\n }\n}\n");
        // UDP 3478 is untracked: not translated, accepted by the 'untracked' rule under its public address
        Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set("udp", "192.0.2.1", 50123, "131.107.155.30", 3478), "eth0", "eth1");
        assertTrue(e.translated().isEmpty());
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "192.0.2.1", "131.107.155.30", 3478));
        // UDP 3479 is tracked: translated, accepted by the 'new' rule
        e = PolicyEvaluator.evaluate(r, OnePacket.set("udp", "192.0.2.1", 50123, "131.107.155.30", 3479), "eth0", "eth1");
        assertEquals(Addresses.parse("172.16.10.13"), e.translated().get(0).translation().destination());
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "192.0.2.1", "131.107.155.30", 3479));
        // without the untracked rule the untracked packet would meet only 'ct state new' (which it is not) and the drop policy
        ImportResult s = nft("table inet raw {\n chain pre {\n  type filter hook prerouting priority raw; policy accept;\n"
                + "  udp dport 3478 notrack\n }\n}\ntable inet f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                + "  ct state new udp dport 3478 accept\n }\n}\n");
        assertEquals(DENY, decide(s, "eth0", "eth1", "udp", "192.0.2.1", "192.0.2.2", 3478));
    }

    @Test
    void notrackAfterConnectionTrackingChangesNothing() throws Exception {
        ImportResult r = nft("table inet t {\n chain pre {\n  type filter hook prerouting priority filter; policy accept;\n"
                + "  udp dport 3478 notrack\n }\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                + "  ct state new udp dport 3478 accept\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "192.0.2.1", "192.0.2.2", 3478));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 4 && d.message().contains("notrack after connection tracking")));
    }

    @Test
    void ctStateBeforeConnectionTrackingIsUncertain() throws Exception {
        ImportResult r = nft("table inet t {\n chain raw {\n  type filter hook prerouting priority raw; policy accept;\n"
                + "  ct state new tcp dport 23 drop\n }\n}\n");
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 23));
        assertUncertain(uncertainty(r, "eth0", "eth1", "192.0.2.1", 50123, "192.0.2.2", 23), "before connection tracking");
    }

    @Test
    void theOutputInterfaceIsNotKnownBeforeRouting() throws Exception {
        ImportResult r = nft("table inet t {\n chain pre {\n  type filter hook prerouting priority 0; policy accept;\n"
                + "  oifname \"eth1\" drop\n }\n chain in {\n  type filter hook input priority 0; policy accept;\n  oifname \"host\" drop\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 443));
        assertEquals(PERMIT, decide(r, "eth0", Hook.HOST, "tcp", "192.0.2.1", "192.0.2.2", 443));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 4 && d.message().contains("before routing")));
    }

    @Test
    void theInputAndOutputPathsMeetTheirHooks() throws Exception {
        ImportResult r = nft("table inet t {\n chain in {\n  type filter hook input priority 0; policy drop;\n  tcp dport 22 accept\n }\n"
                + " chain out {\n  type filter hook output priority 0; policy drop;\n  tcp dport 53 accept\n }\n"
                + " chain post {\n  type filter hook postrouting priority 0; policy accept;\n  tcp dport 25 drop\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth0", Hook.HOST, "tcp", "192.0.2.1", "192.0.2.2", 22));
        assertEquals(DENY, decide(r, "eth0", Hook.HOST, "tcp", "192.0.2.1", "192.0.2.2", 23));
        assertEquals(PERMIT, decide(r, Hook.HOST, "eth0", "tcp", "192.0.2.2", "192.0.2.1", 53));
        assertEquals(DENY, decide(r, Hook.HOST, "eth0", "tcp", "192.0.2.2", "192.0.2.1", 22));
        // through the box: neither input nor output, but postrouting
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.3", 23));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.3", 25));
        // no base chain on a hook: the kernel accepts (the unbound default)
        assertEquals(PERMIT, nft("table inet t {\n chain c {\n  tcp dport 1 drop\n }\n}\n").unboundDefault());
    }

    @Test
    void ipTablesSeeIpv4AndIp6TablesIpv6() throws Exception {
        ImportResult r = nft("table ip v4 {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n  tcp dport 443 accept\n }\n}\n");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "2001:db8::1", "2001:db8::2", 22), "the ip table's policy does not see IPv6");
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 22));
    }

    @Test
    void bridgeChainsAreUncertainWhereTheyMayDropAndSilentElsewhere() throws Exception {
        ImportResult r = nft(FWD + "table bridge br {\n chain fwd {\n  type filter hook forward priority filter; policy accept;\n"
                + "  ether type arp accept\n  ip daddr 172.16.10.11 tcp dport 5061 drop\n }\n"
                + " chain in {\n  type filter hook input priority filter; policy drop;\n  ip saddr 10.0.0.0/8 accept\n }\n}\n");
        Policy fwd = Nft.policy(r, "bridge br fwd");
        assertEquals(Hook.FORWARD, fwd.hook());
        assertTrue(fwd.rules().stream().allMatch(x -> x.match().isEmpty() && x.uncertain()));
        // read as not dropping (a routed packet never meets a bridge chain), uncertainly where they might
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.1.1.1", "172.16.10.11", 5061));
        assertUncertain(uncertainty(r, "eth0", "eth1", "10.1.1.1", 50123, "172.16.10.11", 5061), "bridge family chain bridge br fwd");
        assertCertain(uncertainty(r, "eth0", "eth1", "10.1.1.1", 50123, "172.16.10.11", 443));
        // the input chain's drop policy may drop what is not from 10/8
        assertUncertain(uncertainty(r, "eth0", "eth1", "192.0.2.1", 50123, "172.16.10.11", 443), "bridge br in");
        assertEquals(Hook.PREROUTING, Nft.policy(r, "bridge br in").hook());
    }

    @Test
    void arpTablesAndDormantTablesFilterNothing() throws Exception {
        ImportResult r = nft("table arp a {\n chain in {\n  type filter hook input priority 0; policy drop;\n }\n}\n"
                + "table inet off {\n flags dormant\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n }\n}\n");
        assertEquals(List.of(), r.policies());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().contains("family arp")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 9 && d.message().contains("is dormant")));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 22));
    }

    @Test
    void anIngressChainWithoutItsDevicesInTheJsonIsUncertain() throws Exception {
        ImportResult r = load(tmp, "d.json", "{\"nftables\": [{\"table\": {\"family\": \"netdev\", \"name\": \"e\"}},"
                + "{\"chain\": {\"family\": \"netdev\", \"table\": \"e\", \"name\": \"i\", \"type\": \"filter\", \"hook\": \"ingress\", \"prio\": 0,"
                + " \"policy\": \"accept\"}},{\"rule\": {\"family\": \"netdev\", \"table\": \"e\", \"chain\": \"i\", \"expr\": [{\"match\": {\"op\": "
                + "\"==\", \"left\": {\"payload\": {\"protocol\": \"tcp\", \"field\": \"dport\"}}, \"right\": 23}}, {\"drop\": null}]}},"
                + "{\"chain\": {\"family\": \"netdev\", \"table\": \"e\", \"name\": \"j\", \"type\": \"filter\", \"hook\": \"ingress\", \"prio\": 0,"
                + " \"policy\": \"accept\", \"dev\": [\"eth5\"]}}]}");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 23));
        assertUncertain(uncertainty(r, "eth0", "eth1", "192.0.2.1", 50123, "192.0.2.2", 23), "are not in the export");
        assertEquals(new Binding("eth5", Binding.Direction.IN), Nft.policy(r, "netdev e j").binding());
    }

    @Test
    void aNetdevEgressChainIsTheLastStageForItsDevice() throws Exception {
        ImportResult r = nft("table netdev e {\n chain eg {\n  type filter hook egress device eth0 priority 0; policy accept;\n"
                + "  tcp dport 25 drop\n }\n}\n");
        assertEquals(DENY, decide(r, "eth1", "eth0", "tcp", "10.0.0.1", "192.0.2.2", 25));
        assertEquals(DENY, decide(r, Hook.HOST, "eth0", "tcp", "10.0.0.1", "192.0.2.2", 25));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "192.0.2.2", 25));
        assertEquals(new Binding("eth0", Binding.Direction.OUT), Nft.policy(r, "netdev e eg").binding());
    }

    @Test
    void aHookThatIsNotOneOfTheFamilyIsDiagnosed() throws Exception {
        ImportResult r = nft("table inet t {\n chain c {\n  type nat hook forward priority 0; policy accept;\n }\n"
                + " chain d {\n  type filter hook sideways priority 0; policy drop;\n }\n chain e {\n"
                + "  type filter hook forward priority frob; policy accept;\n }\n}\n");
        assertEquals(List.of("inet t e"), names(r));
        assertNotNull(find(r, 3));
        assertEquals(Diagnostic.Category.UNRECOGNIZED, find(r, 6).category());
        assertEquals(Diagnostic.Category.UNSUPPORTED, find(r, 9).category());
    }

    private static Diagnostic find(ImportResult r, int line) {
        return r.diagnostics().stream().filter(d -> d.line() == line).findFirst().orElse(null);
    }
}
