package io.lyncaudit.importer.nftables;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: import text, and ask the one evaluator what a policy does with one packet. */
final class Nft {
    private Nft() {}

    static ImportResult load(Path dir, String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        return new NftablesImporter().importFile(f, name);
    }

    static Packet packet(String protocol, String src, String dst, int dport) {
        return new Packet(Protocols.number(protocol), Addresses.parse(src).first(), 50123, Addresses.parse(dst).first(), dport);
    }

    static PacketSet only(Packet p) {
        return PacketSet.of(new PacketBox(IntervalSet.point(p.protocol()), IntervalSet.of(p.source(), p.source()),
                IntervalSet.of(p.destination(), p.destination()), IntervalSet.point(p.sourcePort()), IntervalSet.point(p.destinationPort())));
    }

    static Policy policy(ImportResult r, String name) {
        return r.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static Action decide(Policy policy, Packet p, String in, String out) {
        Evaluation e = PolicyEvaluator.evaluate(policy, only(p), in, out);
        return e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }

    /** FORWARD's answer for a TCP/UDP packet entering at {@code in}. */
    static Action forward(ImportResult r, String proto, String src, String dst, int dport, String in) {
        return decide(r.policies().stream().filter(p -> p.binding() == null).findFirst().orElseThrow(), packet(proto, src, dst, dport), in, null);
    }
}
