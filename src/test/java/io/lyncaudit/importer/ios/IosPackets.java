package io.lyncaudit.importer.ios;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;

/** One packet through a whole imported firewall, with the one evaluator. */
final class IosPackets {
    private IosPackets() {}

    static PacketSet packet(String protocol, String src, int sport, String dst, int dport) {
        IntervalSet s = Addresses.parse(src), d = Addresses.parse(dst);
        return PacketSet.of(new PacketBox(IntervalSet.point(Protocols.number(protocol)), s, d, IntervalSet.point(sport),
                IntervalSet.point(dport)));
    }

    static Action decide(ImportResult fw, String in, String out, String protocol, String src, String dst, int dport) {
        return decide(fw, in, out, protocol, src, 50123, dst, dport);
    }

    static Action decide(ImportResult fw, String in, String out, String protocol, String src, int sport, String dst, int dport) {
        PacketSet q = packet(protocol, src, sport, dst, dport);
        return PolicyEvaluator.evaluate(fw, q, in, out).permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }
}
