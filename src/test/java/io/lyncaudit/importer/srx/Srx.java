package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Uncertainty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: import Junos text, and ask the one evaluator what the whole firewall does with one packet between two zones. */
final class Srx {
    private Srx() {}

    static ImportResult load(Path dir, String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        return new SrxImporter().importFile(f, name);
    }

    /** The set form of the given statements, one {@code set} line each. */
    static String set(String... statements) {
        StringBuilder b = new StringBuilder();
        for (String s : statements) b.append(s.startsWith("set ") || s.startsWith("deactivate ") || s.startsWith("#") ? s : "set " + s)
                .append('\n');
        return b.toString();
    }

    static PacketSet packet(String proto, String src, String dst, int dport) {
        return OnePacket.set(proto, src, 50123, dst, dport);
    }

    static Evaluation eval(ImportResult r, String in, String out, String proto, String src, String dst, int dport) {
        return PolicyEvaluator.evaluate(r, packet(proto, src, dst, dport), in, out);
    }

    static Action verdict(ImportResult r, String in, String out, String proto, String src, String dst, int dport) {
        return OnePacket.decide(r, in, out, proto, src, dst, dport);
    }

    /** Why the verdict on the packet may not be the device's, or null when it is exact. */
    static String uncertainty(ImportResult r, String in, String out, String proto, String src, String dst, int dport) {
        return new Uncertainty(r).of(eval(r, in, out, proto, src, dst, dport).decisions());
    }

    /** The diagnostic of line {@code line}, or null. */
    static Diagnostic at(ImportResult r, int line) {
        for (Diagnostic d : r.diagnostics()) if (d.line() == line) return d;
        return null;
    }
}
