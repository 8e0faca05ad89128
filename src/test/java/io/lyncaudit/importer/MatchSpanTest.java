package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three readings of a chain walk: exact stays exact and cheap, uncertainty flows through jumps and returns with its reasons. */
class MatchSpanTest {
    static PacketSet tcp(String ports) {
        return PacketSet.of(PacketBox.of(Protocols.TCP_SET, Addresses.ALL, Addresses.ALL, Ports.parseRange(ports)));
    }

    @Test
    void exactSpansStayExactAndAreNotMarked() {
        MatchSpan a = MatchSpan.exact(tcp("1-100")), b = MatchSpan.exact(tcp("50-200"));
        MatchSpan c = a.intersect(b).minus(MatchSpan.exact(tcp("60")));
        assertTrue(c.isExact());
        assertSame(c.set(), c.may());
        assertNull(c.reason(1));
        Rule r = new Rule(1, null, Action.PERMIT, c.set(), Set.of(), Set.of(), SourceRef.line("f", 1, "x"));
        assertSame(r, c.mark(r, 1));
    }

    @Test
    void anUncertainReturnLeavesTheRestOfTheChainBetweenTwoReadings() {
        MatchSpan live = MatchSpan.exact(tcp("1-1000"));
        MatchSpan returned = MatchSpan.over(tcp("1-100"), 7, "'-m limit' is not modelled", "the rule is treated as always matching");
        MatchSpan after = live.minus(returned);
        MatchSpan rule = MatchSpan.exact(tcp("50-60")).intersect(after);
        assertTrue(rule.set().isEmpty(), "read as returned");
        assertEquals(tcp("50-60"), rule.may(), "possibly not returned");
        assertEquals("whether it is reached depends on line 7 ('-m limit' is not modelled)", rule.reason(9));
        MatchSpan unrelated = MatchSpan.exact(tcp("500")).intersect(after);
        assertTrue(unrelated.isExact(), "the return cannot touch port 500");
    }

    @Test
    void ownReasonsComeFirstWithWhatTheImporterDid() {
        MatchSpan jump = MatchSpan.over(tcp("1-100"), 3, "'-m mark' is not modelled", "the rule is treated as always matching");
        MatchSpan inner = MatchSpan.unknown(tcp("1-1000"), 5, "the rule could not be read (x)", "the rule is read as matching nothing")
                .intersect(jump);
        assertTrue(inner.set().isEmpty());
        assertEquals(tcp("1-100"), inner.may());
        assertEquals("the rule could not be read (x); the rule is read as matching nothing; "
                + "whether it is reached depends on line 3 ('-m mark' is not modelled)", inner.reason(5));
        Rule r = inner.mark(new Rule(1, null, Action.DENY, inner.set(), Set.of(), Set.of(), SourceRef.line("f", 5, "x")), 5);
        assertTrue(r.uncertain());
        assertEquals(tcp("1-100"), r.mayMatch());
        assertTrue(MatchSpan.unknown(PacketSet.EMPTY, 1, "c", null).isExact(), "nothing possible, nothing to doubt");
    }
}
