package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;

/** Single packets and what a policy does with them, for readable assertions. */
final class Packets {
    private Packets() {}

    static Packet packet(String protocol, String src, String dst, int dport) {
        return new Packet(Protocols.number(protocol), Addresses.parse(src).first(), 50123, Addresses.parse(dst).first(), dport);
    }

    static PacketSet only(Packet p) {
        IntervalSet proto = IntervalSet.point(p.protocol());
        IntervalSet s = IntervalSet.of(p.source(), p.source());
        IntervalSet d = IntervalSet.of(p.destination(), p.destination());
        return PacketSet.of(new PacketBox(proto, s, d, IntervalSet.point(p.sourcePort()), IntervalSet.point(p.destinationPort())));
    }

    /** The action the policy takes for one packet, through the one evaluator. */
    static Action decide(Policy policy, Packet p) {
        Evaluation e = PolicyEvaluator.evaluate(policy, only(p), null, null);
        return e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }
}
