package io.lyncaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An uncertain rule limited to some zones changes no decision made for packets that crossed other
 * zones (a zone firewall's contexts never see each other's traffic); where the crossing is not
 * known, it still counts.
 */
class UncertaintyZonesTest {
    private static final PacketSet HTTPS = PacketSet.of(new PacketBox(Protocols.TCP_SET, Addresses.ALL, Addresses.parse("172.25.33.11"),
            Ports.ALL, IntervalSet.point(443)));

    private static ImportResult zoneFirewall() {
        // an uncertain permit of the context trust -> dmz (a DNS-name source: it may be any address), then a deny of untrust -> dmz
        Rule unsure = new Rule(1, "dns", Action.PERMIT, PacketSet.EMPTY, Set.of("trust"), Set.of("dmz"), SourceRef.line("f", 1, "dns"))
                .withUncertainty("a DNS name", PacketSet.ALL);
        Rule permit = new Rule(2, "https", Action.DENY, HTTPS, Set.of("untrust"), Set.of("dmz"), SourceRef.line("f", 2, "https"));
        Policy p = new Policy("security policies", PolicyKind.FIRST_MATCH, null, Action.DENY, List.of(unsure, permit));
        return new ImportResult("f", "test", List.of(p), List.of(), List.of(), new LineCounts(2, 2, 0, 0, 0), Action.DENY);
    }

    @Test
    void aRuleOfAnotherZoneChangesNothing() {
        ImportResult fw = zoneFirewall();
        Uncertainty u = new Uncertainty(fw);
        Evaluation e = PolicyEvaluator.evaluate(fw, HTTPS, "untrust", "dmz");
        assertEquals(HTTPS, e.denied());
        assertNull(u.of(e.decisions()), "the permit of trust -> dmz never sees traffic from untrust");
        Evaluation t = PolicyEvaluator.evaluate(fw, HTTPS, "trust", "dmz");
        assertEquals(HTTPS, t.denied());
        assertNotNull(u.of(t.decisions()), "from trust the uncertain permit may take it before the default deny");
    }

    @Test
    void anUnknownCrossingCountsEveryUncertainRule() {
        ImportResult fw = zoneFirewall();
        Evaluation e = PolicyEvaluator.evaluate(fw, HTTPS, null, null);
        assertNotNull(new Uncertainty(fw).of(e.decisions()));
        // a decision made without a crossing (as before there were crossings) is judged as before
        Decision d = e.decisions().get(0);
        assertNotNull(new Uncertainty(fw).of(new Decision(d.policy(), d.rule(), d.action(), d.packets())));
    }
}
