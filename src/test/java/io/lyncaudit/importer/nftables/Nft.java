package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.importer.UncertaintyAssertions;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
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
        return OnePacket.packet(protocol, src, dst, dport);
    }

    static PacketSet only(Packet p) {
        return OnePacket.only(p);
    }

    static Policy policy(ImportResult r, String name) {
        return UncertaintyAssertions.policy(r, name);
    }

    static Action decide(Policy policy, Packet p, String in, String out) {
        return OnePacket.decide(policy, p, in, out);
    }

    /** The first forward-hook chain's answer for a TCP/UDP packet entering at {@code in}. */
    static Action forward(ImportResult r, String proto, String src, String dst, int dport, String in) {
        return decide(r.policies().stream().filter(p -> p.hook() == Hook.FORWARD).findFirst().orElseThrow(), packet(proto, src, dst, dport), in, null);
    }
}
