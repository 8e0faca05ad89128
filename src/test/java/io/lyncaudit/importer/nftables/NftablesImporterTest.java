package io.lyncaudit.importer.nftables;

import static io.lyncaudit.importer.nftables.Nft.forward;
import static io.lyncaudit.importer.nftables.Nft.load;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nftables semantics: sets (named, anonymous, intervals), verdict maps, jump/goto/return, state, families, NAT. */
class NftablesImporterTest {

    @TempDir
    Path tmp;

    static ImportResult fixture(String name) throws Exception {
        return new NftablesImporter().importFile(Path.of("src/test/resources/importer/nftables/" + name), name);
    }

    @Test
    void namedAndAnonymousSetsWithIntervals() throws Exception {
        ImportResult r = fixture("forward-basic.nft");
        assertEquals(PERMIT, forward(r, "tcp", "10.20.1.5", "172.16.10.12", 5061, "eth1"));
        assertEquals(DENY, forward(r, "tcp", "10.20.1.5", "172.16.10.12", 5061, "eth2"));
        assertEquals(PERMIT, forward(r, "udp", "10.20.1.5", "172.16.10.11", 55555, null));
        assertEquals(DENY, forward(r, "udp", "10.20.1.5", "172.16.10.13", 55555, null));
        assertEquals(PERMIT, forward(r, "tcp", "2001:db8:20:1::9", "2001:db8:10::11", 443, null));
        // negated source and port
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "172.16.10.11", 80, null));
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "172.16.10.99", 445, null));
    }

    @Test
    void verdictMapsJumpGotoAndReturn() throws Exception {
        ImportResult r = fixture("vmap-jump.nft");
        assertEquals(PERMIT, forward(r, "tcp", "192.0.2.1", "192.0.2.2", 443, null));   // named vmap
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "192.0.2.2", 8080, null));    // named vmap: drop
        assertEquals(PERMIT, forward(r, "udp", "192.0.2.1", "192.0.2.2", 53, null));    // anonymous vmap
        assertEquals(DENY, forward(r, "udp", "192.0.2.1", "192.0.2.2", 123, null));
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "192.0.2.2", 8443, null));    // return in the base chain: policy
        assertEquals(PERMIT, forward(r, "tcp", "192.0.2.1", "192.0.2.2", 22, null));    // last rule
        // jump edge_in from eth0: return for the partner, drop for the rest, media via jump
        assertEquals(PERMIT, forward(r, "tcp", "203.0.113.9", "172.16.10.3", 22, "eth0"));
        assertEquals(DENY, forward(r, "tcp", "198.51.100.1", "172.16.10.3", 22, "eth0"));
        assertEquals(PERMIT, forward(r, "udp", "198.51.100.1", "172.16.10.3", 50000, "eth0"));
        // goto media: falling off its end does not come back
        assertEquals(PERMIT, forward(r, "udp", "192.0.2.1", "172.16.10.5", 3478, "eth1"));
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "172.16.10.5", 22, "eth1"));
    }

    @Test
    void jsonReadsLikeText() throws Exception {
        ImportResult r = fixture("forward.json");
        assertEquals(PERMIT, forward(r, "tcp", "10.20.1.5", "172.16.10.12", 4443, "eth1"));
        assertEquals(PERMIT, forward(r, "udp", "10.20.1.5", "192.0.2.9", 50000, null));
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "192.0.2.9", 8080, null));
        assertEquals(DENY, forward(r, "tcp", "192.0.2.1", "192.0.2.9", 3389, null));
        assertEquals(PERMIT, forward(r, "udp", "192.0.2.1", "172.16.10.25", 3478, null));
        assertEquals(DENY, forward(r, "udp", "192.0.2.1", "172.16.10.25", 3479, null));
    }

    @Test
    void dnatRecordedStateOnlyRulesIgnored() throws Exception {
        ImportResult r = fixture("nat.nft");
        assertEquals(2, r.nat().size());
        assertEquals(Addresses.parse("172.16.10.11"), r.nat().get(0).real());
        ImportResult s = load(tmp, "s.nft", "table inet f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                + "  ct state established,related accept\n  ct state new tcp dport 443 accept\n }\n}\n");
        assertEquals(DENY, forward(s, "tcp", "192.0.2.1", "192.0.2.2", 80, null));
        assertEquals(PERMIT, forward(s, "tcp", "192.0.2.1", "192.0.2.2", 443, null));
    }

    @Test
    void twoForwardBaseChainsMustBothAccept() throws Exception {
        ImportResult r = load(tmp, "two.nft", "table inet a {\n chain fwd {\n  type filter hook forward priority 0; policy accept;\n"
                + "  tcp dport 22 drop\n }\n}\ntable ip b {\n chain fwd {\n  type filter hook forward priority 10; policy drop;\n"
                + "  tcp dport { 22, 443 } accept\n }\n}\n");
        assertEquals(2, r.policies().size());
        var q = Nft.only(Nft.packet("tcp", "192.0.2.1", "192.0.2.2", 22));
        assertTrue(PolicyEvaluator.evaluate(r, q, null, null).permitted().isEmpty());
        var ok = Nft.only(Nft.packet("tcp", "192.0.2.1", "192.0.2.2", 443));
        assertEquals(ok, PolicyEvaluator.evaluate(r, ok, null, null).permitted());
    }

    @Test
    void anIpTableAndAnIp6TableEachFilterTheirOwnFamilyOnly() throws Exception {
        ImportResult r = load(tmp, "dual.nft", "table ip v4 {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                + "  ip daddr 192.0.2.2 tcp dport 443 accept\n }\n}\ntable ip6 v6 {\n chain fwd {\n  type filter hook forward priority 0;"
                + " policy drop;\n  ip6 daddr 2001:db8::2 tcp dport 443 accept\n }\n}\n");
        var v6 = Nft.only(Nft.packet("tcp", "2001:db8::1", "2001:db8::2", 443));
        assertEquals(v6, PolicyEvaluator.evaluate(r, v6, null, null).permitted(), "the ip table's drop policy does not see IPv6");
        var v4 = Nft.only(Nft.packet("tcp", "192.0.2.1", "192.0.2.2", 443));
        assertEquals(v4, PolicyEvaluator.evaluate(r, v4, null, null).permitted(), "nor the ip6 table's IPv4");
        var other = Nft.only(Nft.packet("tcp", "2001:db8::1", "2001:db8::3", 443));
        assertTrue(PolicyEvaluator.evaluate(r, other, null, null).permitted().isEmpty(), "the ip6 table's policy drops the rest of IPv6");
    }

    @Test
    void hostileInputIsDiagnosedOrRefusedQuickly() throws Exception {
        StringBuilder deep = new StringBuilder("table ip t {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n  jump c0\n }\n");
        for (int i = 0; i < 100; i++) deep.append(" chain c").append(i).append(" {\n  jump c").append(i + 1).append("\n }\n");
        deep.append(" chain c100 {\n  accept\n }\n}\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(tmp, "deep.nft", deep.toString()));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("nested deeper")));
        String huge = "table ip t {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n  tcp dport { "
                + "1, ".repeat(400_000) + "2 } accept\n }\n}\n";
        BadInputException h = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BadInputException.class, () -> load(tmp, "huge.nft", huge)));
        assertTrue(h.getMessage().startsWith("huge.nft:4: the line is 1200024 characters long;"), h.getMessage());
        String unclosed = "table ip t {\n set s {\n  elements = { 1, 2,\n" + "  3,\n".repeat(1000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(tmp, "unclosed.nft", unclosed));
        assertThrows(BadInputException.class, () -> load(tmp, "deep.json", "{\"nftables\": [" + "[".repeat(5000) + "]".repeat(5000) + "]}"));
        assertThrows(BadInputException.class, () -> load(tmp, "x.nft", "hostname fw\n"));
    }
}
