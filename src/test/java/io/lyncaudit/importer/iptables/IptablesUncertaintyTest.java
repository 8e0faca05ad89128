package io.lyncaudit.importer.iptables;

import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.eval;
import static io.lyncaudit.importer.UncertaintyAssertions.fromLine;
import static io.lyncaudit.importer.UncertaintyAssertions.policy;
import static io.lyncaudit.importer.iptables.Iptables.packet;

import io.lyncaudit.importer.UncertaintyAssertions;
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
 * What the importer cannot model exactly is marked, soundly: unmodelled match modules, a jump, a
 * goto or a RETURN whose own condition is not modelled, a RETURN limited to an interface, a target
 * that may decide, a rule that cannot be read, a DROP in the mangle table. Checked on
 * {@code uncertain.rules} and through {@link Uncertainty}, the judge of which decisions they can change.
 */
class IptablesUncertaintyTest {
    static ImportResult r;
    static Policy forward;
    static Uncertainty u;

    @BeforeAll
    static void load() throws Exception {
        r = new IptablesImporter().importFile(Path.of("src/test/resources/importer/iptables/uncertain.rules"), "u.rules");
        forward = policy(r, "FORWARD");
        u = new Uncertainty(r);
    }

    @Test
    void anUnmodelledModuleIsAnOverApproximation() {
        Rule timed = fromLine(forward, 14).get(0);
        assertTrue(timed.uncertain());
        assertEquals("'-m time' is not modelled; the rule is treated as always matching", timed.uncertainty());
        assertEquals(timed.match(), timed.mayMatch(), "the device matches a subset of what is read");
        assertTrue(timed.match().contains(packet("tcp", "192.0.2.1", "172.16.10.20", 22)));
        Rule fragment = fromLine(forward, 15).get(0);
        assertTrue(fragment.uncertainty().startsWith("'-f' (fragment match) is not modelled"), fragment.uncertainty());
    }

    @Test
    void aDecisionByAnUncertainRuleIsUncertainAndAnUnrelatedOneIsNot() {
        assertUncertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.20", 22), "eth1"), Action.PERMIT,
                "'-m time' is not modelled");
        assertCertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.11", 443), "eth1"), Action.PERMIT);
    }

    @Test
    void aDropInTheMangleTableIsAStageOfThePathAndItsUnmodelledMatchMakesItUncertain() {
        Policy mangle = policy(r, "mangle PREROUTING");
        Rule drop = mangle.rules().get(0);
        assertEquals(5, drop.source().line());
        assertEquals(Action.DENY, drop.action());
        assertEquals("'-m mark' is not modelled; the rule is treated as always matching", drop.uncertainty());
        // the whole path: mangle PREROUTING drops before the filter table's accept is reached, uncertainly
        Evaluation e = io.lyncaudit.policy.PolicyEvaluator.evaluate(r, io.lyncaudit.importer.OnePacket.only(
                packet("tcp", "198.51.100.7", "172.16.10.11", 443)), "eth1", "eth0");
        assertUncertain(u, e, Action.DENY, "u.rules:5: '-m mark' is not modelled");
        // prerouting feeds the input path too
        Evaluation in = io.lyncaudit.policy.PolicyEvaluator.evaluate(r, io.lyncaudit.importer.OnePacket.only(
                packet("tcp", "198.51.100.7", "172.16.10.1", 22)), "eth1", "host");
        assertUncertain(u, in, Action.DENY, "u.rules:5");
        // other sources pass mangle PREROUTING, and the filter table decides exactly
        assertCertain(u, io.lyncaudit.policy.PolicyEvaluator.evaluate(r, io.lyncaudit.importer.OnePacket.only(
                packet("tcp", "192.0.2.1", "172.16.10.11", 443)), "eth1", "eth0"), Action.PERMIT);
    }

    @Test
    void rulesInsideAChainReachedByAnUncertainJumpAreUncertain() {
        // -m mark on the jump is ignored, so PARTNERS is entered; on the device the packet may stay in FORWARD and be dropped
        Rule accept = fromLine(forward, 24).get(0);
        assertUncertain(accept.uncertainty(), "whether it is reached depends on line 16 ('-m mark' is not modelled)");
        assertUncertain(u, eval(forward, packet("tcp", "203.0.113.5", "172.16.10.50", 80), "eth1"), Action.PERMIT,
                "line 16 ('-m mark' is not modelled)");
    }

    @Test
    void anUncertainReturnMakesTheRestOfItsChainMayMatchWhatItReturns() {
        // RETURN with -m limit: read as always returning 3389, so PARTNERS' accept is read without it...
        Rule accept = fromLine(forward, 24).get(0);
        Packet rdp = packet("tcp", "203.0.113.5", "172.16.10.50", 3389);
        assertFalse(accept.match().contains(rdp));
        assertTrue(accept.mayMatch().contains(rdp), "...but the device may not return it and accept it there");
        assertUncertain(accept.uncertainty(), "line 22 ('-m limit' is not modelled)");
        // the default drop that decides 3389 is therefore uncertain
        Evaluation e = eval(forward, rdp, "eth1");
        assertNull(e.decisions().get(0).rule(), "decided by the chain policy");
        assertUncertain(u, e, Action.DENY, "line 22 ('-m limit' is not modelled)");
    }

    @Test
    void aReturnLimitedToAnInterfaceMayTakeThePacketsOutOfTheChain() {
        // -i eth0 ... --dport 22 -j RETURN inside PARTNERS: read as continuing in the chain, so PARTNERS accepts it
        assertUncertain(u, eval(forward, packet("tcp", "203.0.113.5", "172.16.10.50", 22), "eth0"), Action.PERMIT,
                "line 23 (a return limited to an interface is not modelled)");
    }

    @Test
    void anUncertainGotoMakesItsChainAndItsFallThroughUncertain() {
        List<Rule> gotoRules = fromLine(forward, 17);
        assertEquals(1, gotoRules.size(), "the fall-through of the goto: the chain policy");
        assertEquals(Action.DENY, gotoRules.get(0).action());
        assertTrue(gotoRules.get(0).uncertainty().startsWith("'-m limit' is not modelled"), gotoRules.get(0).uncertainty());
        Rule inside = fromLine(forward, 25).get(0);
        assertUncertain(inside.uncertainty(), "'-m time' is not modelled");
        assertUncertain(inside.uncertainty(), "line 17 ('-m limit' is not modelled)");
    }

    @Test
    void aTargetThatMayDecideMakesTheRulesAfterItUncertainForItsPacketsOnly() {
        Rule after = fromLine(forward, 19).get(0);
        assertUncertain(after.uncertainty(), "line 18 (target NFQUEUE is not modelled and may decide)");
        assertFalse(fromLine(forward, 20).get(0).uncertain(), "port 443 never reaches NFQUEUE");
        assertUncertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.11", 5061), "eth1"), Action.PERMIT,
                "line 18 (target NFQUEUE is not modelled and may decide)");
    }

    @Test
    void aRuleThatCannotBeReadStaysAtItsPlaceMatchingNothing() {
        Rule placeholder = fromLine(forward, 21).get(0);
        assertEquals(Action.PERMIT, placeholder.action());
        assertTrue(placeholder.match().isEmpty());
        assertTrue(placeholder.mayMatch().contains(packet("tcp", "192.0.2.1", "172.16.10.12", 443)));
        assertTrue(placeholder.uncertainty().startsWith("the rule could not be read (unknown option '--frob-level 3')"),
                placeholder.uncertainty());
        // what the policy drops after it is uncertain: the device may accept it there
        assertUncertain(u, eval(forward, packet("tcp", "192.0.2.1", "172.16.10.12", 443), "eth1"), Action.DENY,
                "u.rules:21: the rule could not be read");
    }

    @Test
    void aJumpToAMissingChainMakesTheChainPolicyUncertain() throws Exception {
        ImportResult exact = new IptablesImporter().importFile(Path.of("src/test/resources/importer/iptables/user-chains.rules"), "x");
        // ... but for its last line, a jump to a chain that does not exist: what it does is unknown, so a
        // permit and a deny placeholder stand for it, and the chain policy after it is uncertain
        List<Rule> uncertain = exact.policies().stream().flatMap(p -> p.rules().stream()).filter(Rule::uncertain).toList();
        assertEquals(List.of(Action.PERMIT, Action.DENY), uncertain.stream().map(Rule::action).toList());
        assertTrue(uncertain.stream().allMatch(r -> r.source().line() == 26 && r.match().isEmpty()), uncertain.toString());
        Evaluation dropped = eval(policy(exact, "FORWARD"), packet("udp", "192.0.2.1", "10.9.9.9", 9), "eth1");
        assertEquals(Action.DENY, UncertaintyAssertions.action(dropped));
        assertTrue(new Uncertainty(exact).of(dropped.decisions()).contains("x:26:"), "the policy decides after the unknown jump");
    }
}
