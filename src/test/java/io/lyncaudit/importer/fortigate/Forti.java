package io.lyncaudit.importer.fortigate;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Uncertainty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: a FortiGate configuration written to a file and imported, and one packet sent through it. */
final class Forti {
    private Forti() {}

    static ImportResult load(Path dir, String name, String text) throws Exception {
        return load(dir, name, text, null);
    }

    static ImportResult load(Path dir, String name, String text, String vdom) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return new FortiGateImporter().importFile(f, name, ImportOptions.NONE.withVdom(vdom));
    }

    static Packet packet(String proto, String src, int sport, String dst, int dport) {
        int p = switch (proto) {
            case "tcp" -> Protocols.TCP;
            case "udp" -> Protocols.UDP;
            case "icmp" -> Protocols.ICMP;
            case "esp" -> Protocols.ESP;
            default -> Integer.parseInt(proto);
        };
        boolean ported = p == Protocols.TCP || p == Protocols.UDP || p == 132;
        return new Packet(p, Addresses.parse(src).first(), ported ? sport : 0, Addresses.parse(dst).first(), ported ? dport : 0);
    }

    static Evaluation eval(ImportResult r, String proto, String src, String dst, int dport, String in, String out) {
        return PolicyEvaluator.evaluate(r, packet(proto, src, 40000, dst, dport).toSet(), in, out);
    }

    /** The verdict for one packet entering at {@code in} and leaving at {@code out}. */
    static Action decide(ImportResult r, String proto, String src, String dst, int dport, String in, String out) {
        Evaluation e = eval(r, proto, src, dst, dport, in, out);
        return e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }

    /** Why the verdict for the packet may not be the device's, or null when it is exact. */
    static String uncertainty(ImportResult r, String proto, String src, String dst, int dport, String in, String out) {
        Evaluation e = eval(r, proto, src, dst, dport, in, out);
        Uncertainty u = new Uncertainty(r);
        java.util.List<String> why = new java.util.ArrayList<>();
        for (Decision d : e.decisions()) {
            String w = u.of(d);
            if (w != null) why.add(w);
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** The destination the last stage sees ("addr:port"), or null when nothing is permitted. */
    static String translated(ImportResult r, String proto, String src, String dst, int dport, String in, String out) {
        Evaluation e = eval(r, proto, src, dst, dport, in, out);
        if (e.permitted().isEmpty()) return null;
        PacketSet img = e.image(e.permitted());
        Packet w = img.witness();
        return Addresses.formatPoint(w.destination()) + ":" + w.destinationPort();
    }

    /** The line of the rule that decided the packet, or 0 for a default. */
    static int decidingLine(ImportResult r, String proto, String src, String dst, int dport, String in, String out) {
        Evaluation e = eval(r, proto, src, dst, dport, in, out);
        Decision last = e.decisions().get(e.decisions().size() - 1);
        for (Decision d : e.decisions()) if (d.action() == Action.DENY) last = d;
        return last.rule() == null ? 0 : last.rule().source().line();
    }
}
