package io.lyncaudit.importer;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;

/** Test helpers of the importer tests: one packet, as a set, and what a policy does with it. */
public final class OnePacket {
    private OnePacket() {}

    /** A packet from source port 50123. */
    public static Packet packet(String protocol, String src, String dst, int dport) {
        return new Packet(Protocols.number(protocol), Addresses.parse(src).first(), 50123, Addresses.parse(dst).first(), dport);
    }

    /** The set holding just {@code p}. */
    public static PacketSet only(Packet p) {
        return PacketSet.of(new PacketBox(IntervalSet.point(p.protocol()), IntervalSet.of(p.source(), p.source()),
                IntervalSet.of(p.destination(), p.destination()), IntervalSet.point(p.sourcePort()), IntervalSet.point(p.destinationPort())));
    }

    /** What the one evaluator makes of {@code p} in {@code policy}, entering at {@code in} and leaving at {@code out}. */
    public static Action decide(Policy policy, Packet p, String in, String out) {
        Evaluation e = PolicyEvaluator.evaluate(policy, only(p), in, out);
        return e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }

    /** Exactly the one packet of {@code protocol} from {@code src}:{@code sport} to {@code dst}:{@code dport}, as a set. */
    public static PacketSet set(String protocol, String src, int sport, String dst, int dport) {
        return PacketSet.of(new PacketBox(IntervalSet.point(Protocols.number(protocol)), Addresses.parse(src), Addresses.parse(dst),
                IntervalSet.point(sport), IntervalSet.point(dport)));
    }

    /** What the whole imported firewall does with one packet from source port 50123 going from {@code in} to {@code out}. */
    public static Action decide(ImportResult fw, String in, String out, String protocol, String src, String dst, int dport) {
        return decide(fw, in, out, protocol, src, 50123, dst, dport);
    }

    /** What the whole imported firewall does with one packet going from {@code in} to {@code out}. */
    public static Action decide(ImportResult fw, String in, String out, String protocol, String src, int sport, String dst, int dport) {
        return PolicyEvaluator.evaluate(fw, set(protocol, src, sport, dst, dport), in, out).permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }
}
