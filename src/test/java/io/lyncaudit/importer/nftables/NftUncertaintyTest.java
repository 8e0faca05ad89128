package io.lyncaudit.importer.nftables;

import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.eval;
import static io.lyncaudit.importer.UncertaintyAssertions.fromLine;
import static io.lyncaudit.importer.UncertaintyAssertions.policy;
import static io.lyncaudit.importer.nftables.Nft.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Packet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the importer cannot model exactly is marked, soundly: {@code meta mark}, {@code ct mark},
 * {@code limit}, ICMP types, a verdict map on the mark, a jump whose condition is not modelled,
 * returns with an unmodelled or interface condition, {@code queue}, rules that cannot be read.
 * Checked on {@code uncertain.nft} and {@code uncertain.json}, and through {@link Uncertainty}.
 */
class NftUncertaintyTest {
    static final String DIR = "src/test/resources/importer/nftables/";
    static ImportResult r;
    static Policy forward;
    static Uncertainty u;

    @BeforeAll
    static void load() throws Exception {
        r = new NftablesImporter().importFile(Path.of(DIR + "uncertain.nft"), "u.nft");
        forward = policy(r, "inet filter forward");
        u = new Uncertainty(r);
    }

    @Test
    void ignoredExpressionsAreOverApproximations() {
        Rule marked = fromLine(forward, 10).get(0);
        assertEquals("'meta mark' is not modelled; the rule is treated as always matching", marked.uncertainty());
        assertEquals(marked.match(), marked.mayMatch());
        assertTrue(marked.match().contains(packet("tcp", "192.0.2.1", "172.16.10.20", 22)));
        assertTrue(fromLine(forward, 11).get(0).uncertainty().startsWith("'limit' is not modelled"));
        assertTrue(fromLine(forward, 12).get(0).uncertainty().startsWith("'icmp type' is not modelled"));
        // a verdict map on the mark: every verdict may apply to the rule's packets
        List<Rule> vmap = fromLine(forward, 14);
        assertEquals(List.of(Action.PERMIT, Action.DENY), vmap.stream().map(Rule::action).toList());
        assertTrue(vmap.stream().allMatch(Rule::uncertain));
    }

    @Test
    void aDecisionAnUncertainRuleCanChangeIsUncertainAndAnUnrelatedOneIsNot() {
        assertUncertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.20", 22), "eth1"), Action.PERMIT,
                "u.nft:10: 'meta mark' is not modelled");
        // the mark map: with the mark not modelled, its first entry (accept) is read as taking every packet to .40,
        // but on the device the packet's mark decides, and the drop entry may take it instead
        assertUncertain(u, eval(forward, packet("udp", "192.0.2.1", "172.16.10.40", 53), "eth1"), Action.PERMIT, "meta mark");
        assertCertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.11", 443), "eth1"), Action.PERMIT);
    }

    @Test
    void anUncertainJumpAndUncertainReturnsMakeTheRegularChainUncertain() {
        Rule accept = fromLine(forward, 26).get(0);
        assertUncertain(accept.uncertainty(), "line 13 ('ct mark' is not modelled)");
        assertUncertain(accept.uncertainty(), "line 23 ('limit' is not modelled)");
        assertUncertain(accept.uncertainty(), "line 24 (a return limited to an interface is not modelled)");
        Packet rdp = packet("tcp", "203.0.113.5", "172.16.10.50", 3389);
        assertFalse(accept.match().contains(rdp), "read as returned by the limit rule");
        assertTrue(accept.mayMatch().contains(rdp), "the device may not return it");
        Evaluation e = eval(forward, rdp, "eth1");
        assertNull(e.decisions().get(0).rule(), "the chain policy decides");
        assertUncertain(u, e, Action.DENY, "line 23 ('limit' is not modelled)");
    }

    @Test
    void aQueueVerdictMakesTheRulesAfterItUncertainForItsPackets() {
        assertUncertain(fromLine(forward, 16).get(0).uncertainty(), "line 15 (verdict queue is not modelled and may decide)");
        assertFalse(fromLine(forward, 17).get(0).uncertain());
        // queue may go either way: a permit and a deny placeholder stand for it, matching nothing for sure
        assertEquals(List.of(Action.PERMIT, Action.DENY), fromLine(forward, 15).stream().map(Rule::action).toList());
        assertTrue(fromLine(forward, 15).stream().allMatch(r -> r.match().isEmpty() && r.uncertain()));
    }

    @Test
    void rulesThatCannotBeReadStayMatchingNothingBoundedByWhatCouldBeRead() {
        Rule unparsed = fromLine(forward, 18).get(0);
        assertEquals(Action.PERMIT, unparsed.action());
        assertTrue(unparsed.match().isEmpty());
        assertTrue(unparsed.uncertainty().startsWith("the rule could not be read (unknown statement 'frobnicate')"));
        Rule noSet = fromLine(forward, 19).get(0);
        assertTrue(noSet.match().isEmpty());
        assertTrue(noSet.mayMatch().contains(packet("tcp", "192.0.2.1", "172.16.10.13", 80)));
        assertFalse(noSet.mayMatch().contains(packet("tcp", "192.0.2.1", "172.16.10.14", 80)), "bounded by ip daddr");
        // the default drop of what it may accept is uncertain
        assertUncertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.13", 80), "eth1"), Action.DENY,
                "u.nft:19: the rule could not be read");
    }

    @Test
    void theJsonFormIsMarkedTheSameWay() throws Exception {
        ImportResult j = new NftablesImporter().importFile(Path.of(DIR + "uncertain.json"), "u.json");
        Policy p = policy(j, "ip filter forward");
        assertTrue(fromLine(p, 4).get(0).uncertainty().startsWith("'meta mark' is not modelled"));
        Rule unread = fromLine(p, 5).get(0);
        assertTrue(unread.match().isEmpty());
        assertTrue(unread.mayMatch().contains(packet("tcp", "192.0.2.1", "172.16.10.12", 80)));
        assertFalse(unread.mayMatch().contains(packet("tcp", "192.0.2.1", "172.16.10.11", 80)), "bounded by the statements that could be read");
        assertFalse(fromLine(p, 6).get(0).uncertain());
    }
}
