package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.util.List;

/**
 * What the importers' uncertainty tests share: finding an imported policy and rule, sending one
 * packet through a policy or a whole firewall, and asserting that a decision is uncertain (and why)
 * or certain.
 */
public final class UncertaintyAssertions {
    private UncertaintyAssertions() {}

    /** The imported policy called {@code name}. */
    public static Policy policy(ImportResult r, String name) {
        return r.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Rule {@code index} (1-based, as the importer numbers them) of the policy called {@code policy}. */
    public static Rule rule(ImportResult r, String policy, int index) {
        Rule rule = policy(r, policy).rules().get(index - 1);
        assertEquals(index, rule.index());
        return rule;
    }

    /**
     * Asserts that rule {@code index} of {@code policy} stands for the entry at source line {@code line},
     * which could not be read but whose action could: it keeps that action, matches nothing for sure,
     * the line is diagnosed as unrecognized, and it keeps its place (the policy's rules, numbered by
     * position, come in source order). Returns the rule.
     */
    public static Rule assertUnreadableEntryInPlace(ImportResult r, String policy, int index, int line, Action action) {
        Rule rule = rule(r, policy, index);
        assertEquals(action, rule.action());
        assertTrue(rule.match().isEmpty());
        assertEquals(line, rule.source().line());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == Diagnostic.Category.UNRECOGNIZED));
        List<Rule> rules = policy(r, policy).rules();
        for (int i = 1; i < rules.size(); i++) {
            assertTrue(rules.get(i).source().line() > rules.get(i - 1).source().line(), rules.get(i) + " is out of source order");
        }
        return rule;
    }

    /** The (flattened) rules of {@code p} that come from source line {@code line}. */
    public static List<Rule> fromLine(Policy p, int line) {
        return p.rules().stream().filter(x -> x.source().line() == line).toList();
    }

    /** TCP from {@code src} to {@code dst} port {@code port}, from any source port. */
    public static PacketSet tcp(IntervalSet src, IntervalSet dst, int port) {
        return PacketSet.of(PacketBox.of(Protocols.TCP_SET, src, dst, IntervalSet.point(port)));
    }

    /** What {@code p} decides for the one packet {@code pk} entering at {@code in}. */
    public static Evaluation eval(Policy p, Packet pk, String in) {
        return PolicyEvaluator.evaluate(p, OnePacket.only(pk), in, null);
    }

    /** The action of an evaluation of one packet. */
    public static Action action(Evaluation e) {
        return e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }

    /** Why the whole firewall's decisions for one TCP packet may not be the device's, or null when they are exact. */
    public static String uncertainty(ImportResult fw, String in, String out, String src, int sport, String dst, int dport) {
        PacketSet q = PacketSet.of(new PacketBox(Protocols.TCP_SET, Addresses.parse(src), Addresses.parse(dst),
                IntervalSet.point(sport), IntervalSet.point(dport)));
        return new Uncertainty(fw).of(PolicyEvaluator.evaluate(fw, q, in, out).decisions());
    }

    /** Asserts that {@code why} (an uncertainty) is there and mentions {@code part}; returns it. */
    public static String assertUncertain(String why, String part) {
        assertNotNull(why, "certain, but expected uncertain because of " + part);
        assertTrue(why.contains(part), why);
        return why;
    }

    /** Asserts that the evaluation decides {@code expected}, uncertainly, for a reason that mentions {@code part}. */
    public static void assertUncertain(Uncertainty u, Evaluation e, Action expected, String part) {
        assertEquals(expected, action(e));
        assertUncertain(u.of(e.decisions()), part);
    }

    /** Asserts that the evaluation decides {@code expected} and that nothing uncertain can change that. */
    public static void assertCertain(Uncertainty u, Evaluation e, Action expected) {
        assertEquals(expected, action(e));
        assertCertain(u.of(e.decisions()));
    }

    /** Asserts that {@code why} (an uncertainty) is null: the decision is exact. */
    public static void assertCertain(String why) {
        assertNull(why, "nothing uncertain can change this decision");
    }
}
