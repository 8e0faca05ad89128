package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Uncertainty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The abstract model behind the soundness tests of the Linux importers' uncertainty marks: random
 * rule sets of a forward base chain and two user chains, whose rules match a protocol, a port, a
 * range of destinations and an interface, jump, go to or return, and may depart from what the
 * importer models exactly ({@link Flaw}). An oracle walks the chains like the kernel, with a random
 * truth for every unmodelled condition per packet; whenever {@link Uncertainty} calls the imported
 * decision certain, it must be the oracle's.
 *
 * <p>Each vendor's test gives its {@link Dialect}: how often its rules have which flaws, how a rule
 * set is written in its syntax, and how it is imported; {@link #assertSound} does the rest.
 */
public final class RandomChains {
    /** How many rule sets a check imports. */
    public static final int RULESETS = 1000;
    /** How many chains a rule set has: chain 0 is the forward base chain, the others are user chains. */
    public static final int CHAINS = 3;
    public static final int TCP = Protocols.TCP, UDP = Protocols.UDP;
    public static final int[] PORTS = {53, 443, 3478, 5061};
    public static final String[] IFACES = {"eth0", "eth1"};

    private RandomChains() {}

    /** What a rule does when it matches; {@code CONTINUE} is a rule that decides nothing (LOG, counter). */
    public enum Verdict { ACCEPT, DROP, CONTINUE, RETURN, JUMP, GOTO }

    /** How a rule departs from what the importer models exactly. */
    public enum Flaw {
        NONE,
        /** A condition on the packet's mark, which the importer does not model. */
        MARK,
        /** A rule that cannot be read: whether it matches is the device's business. */
        UNREADABLE,
        /** The rule's interface is negated. */
        NOT_IFACE,
        /** The verdict is a map on the mark: mark 1 accepts, mark 2 drops, any other continues. */
        MARK_VMAP
    }

    /**
     * One rule. {@code dLo..dHi}: last octets of destinations 10.0.0.x (dLo &lt; 0: any); port 0: none;
     * iface null: any; target: the chain a JUMP or GOTO enters (else -1).
     */
    public record Rule(int id, int proto, int dLo, int dHi, int port, String iface, Verdict verdict, int target, Flaw flaw) {}

    /** A rule set: its chains (forward first) and whether the forward chain's policy drops. */
    public record Ruleset(List<List<Rule>> chains, boolean drop) {}

    /**
     * How often rules are flawed: a rule draws a number below {@code outOf}, and number {@code i} below
     * {@code drawn.size()} gives it flaw {@code drawn.get(i)}, any other none. A flaw on a condition
     * is none in a rule set where interface conditions alone are at work, a negated interface needs an
     * interface, and a rule that cannot be read is drawn only for the verdicts in {@code unreadable}.
     */
    public record Flaws(int outOf, List<Flaw> drawn, Set<Verdict> unreadable) {
        Flaw draw(Random rnd, Verdict verdict, String iface, boolean interfacesOnly) {
            int i = rnd.nextInt(outOf);
            Flaw f = i < drawn.size() ? drawn.get(i) : Flaw.NONE;
            return switch (f) {
                case NONE -> Flaw.NONE;
                case NOT_IFACE -> iface != null ? f : Flaw.NONE;
                case UNREADABLE -> interfacesOnly || !unreadable.contains(verdict) ? Flaw.NONE : f;
                case MARK, MARK_VMAP -> interfacesOnly ? Flaw.NONE : f;
            };
        }
    }

    /** Imports the {@code t}-th rule set, written {@code text}. */
    public interface Loader {
        ImportResult load(int t, String text) throws Exception;
    }

    /** What a vendor's test supplies: how its rules are flawed, its syntax, its importer and the name of its forward chain. */
    public record Dialect(Flaws flaws, Function<Ruleset, String> syntax, Loader loader, String forward) {}

    /**
     * Imports {@link #RULESETS} random rule sets and sends {@code packets} random packets through each:
     * every decision {@link Uncertainty} calls certain must be the oracle's, whatever the unmodelled
     * conditions are, and most must be certain (the check is not vacuous).
     */
    public static void assertSound(long seed, int packets, Dialect dialect) throws Exception {
        Random rnd = new Random(seed);
        int certain = 0, total = 0;
        for (int t = 0; t < RULESETS; t++) {
            // every third rule set has no unmodelled match at all: interface conditions alone are then at work
            boolean interfacesOnly = t % 3 == 0;
            List<List<Rule>> chains = new ArrayList<>();
            int id = 0;
            for (int c = 0; c < CHAINS; c++) {
                List<Rule> rules = new ArrayList<>();
                int n = rnd.nextInt(c == 0 ? 6 : 5);
                for (int i = 0; i < n; i++) rules.add(rule(rnd, c, id++, interfacesOnly, dialect.flaws()));
                chains.add(rules);
            }
            boolean drop = rnd.nextBoolean();
            String text = dialect.syntax().apply(new Ruleset(chains, drop));
            ImportResult r = dialect.loader().load(t, text);
            Policy forward = UncertaintyAssertions.policy(r, dialect.forward());
            Uncertainty u = new Uncertainty(r);
            for (int k = 0; k < packets; k++) {
                int proto = rnd.nextBoolean() ? TCP : UDP;
                int d = rnd.nextInt(6);
                int port = PORTS[rnd.nextInt(PORTS.length)];
                String in = IFACES[rnd.nextInt(2)];
                Packet pk = new Packet(proto, Addresses.parse("10.0.0.1").first(), 50123, Addresses.parse("10.0.0." + d).first(), port);
                // what the device really does with this packet: one truth (a mark) per unmodelled rule
                Map<Integer, Integer> truth = new HashMap<>();
                Random bits = new Random(rnd.nextLong());
                Action expected = walk(chains, 0, proto, d, port, in, truth, bits);
                Action want = expected != null ? expected : drop ? Action.DENY : Action.PERMIT;
                Evaluation e = UncertaintyAssertions.eval(forward, pk, in);
                boolean sure = true;
                for (Decision dec : e.decisions()) sure &= u.of(dec) == null;
                total++;
                if (!sure) continue;
                certain++;
                assertEquals(want, UncertaintyAssertions.action(e), () -> "packet " + pk + " in " + in
                        + " is called certain, but the kernel may decide " + want + "; truths " + truth + " for\n" + text + "\n"
                        + forward.rules());
            }
        }
        // not vacuous: most decisions stay certain
        assertTrue(certain > total / 3, certain + " certain of " + total);
    }

    private static final Verdict[] VERDICTS = {Verdict.ACCEPT, Verdict.ACCEPT, Verdict.DROP, Verdict.CONTINUE,
        Verdict.RETURN, Verdict.RETURN, Verdict.JUMP, Verdict.JUMP, Verdict.GOTO};

    static Rule rule(Random rnd, int chain, int id, boolean interfacesOnly, Flaws flaws) {
        // user chains get broader rules, so that what their returns let through meets a later rule more often
        int proto = new int[] {0, TCP, TCP, UDP}[rnd.nextInt(4)];
        int port = proto != 0 && rnd.nextInt(chain > 0 ? 4 : 2) == 0 ? PORTS[rnd.nextInt(PORTS.length)] : 0;
        int dLo = -1, dHi = -1;
        if (rnd.nextInt(3) > (chain > 0 ? 1 : 0)) {
            int a = rnd.nextInt(6), b = rnd.nextInt(6);
            dLo = Math.min(a, b);
            dHi = Math.max(a, b);
        }
        Verdict v = VERDICTS[rnd.nextInt(VERDICTS.length)];
        int target = -1;
        if (v == Verdict.JUMP || v == Verdict.GOTO) {
            if (chain == CHAINS - 1) v = Verdict.DROP;
            else target = chain + 1 + rnd.nextInt(CHAINS - 1 - chain);
        }
        // interface-limited returns inside user chains are the interesting (unmodelled) case: make them common
        boolean userReturn = chain > 0 && (v == Verdict.RETURN || v == Verdict.GOTO);
        String iface = rnd.nextInt(userReturn ? 2 : 3) == 0 ? IFACES[rnd.nextInt(2)] : null;
        // flaws are kept rare: a rule set full of them has few certain decisions left to check
        return new Rule(id, proto, dLo, dHi, port, iface, v, target, flaws.draw(rnd, v, iface, interfacesOnly));
    }

    /** Whether the packet meets what the rule says (its interface negated if so flawed). */
    static boolean written(Rule r, int proto, int d, int port, String in) {
        if (r.proto != 0 && r.proto != proto) return false;
        if (r.dLo >= 0 && (d < r.dLo || d > r.dHi)) return false;
        if (r.port != 0 && r.port != port) return false;
        return r.iface == null || r.iface.equals(in) != (r.flaw == Flaw.NOT_IFACE);
    }

    /** The verdict the kernel takes at this rule, or null when it does not match; a map on the mark picks by the packet's mark. */
    static Verdict verdict(Rule r, int proto, int d, int port, String in, Map<Integer, Integer> truth, Random bits) {
        return switch (r.flaw) {
            case MARK -> written(r, proto, d, port, in) && truth.computeIfAbsent(r.id, x -> bits.nextInt(2)) == 1 ? r.verdict : null;
            case UNREADABLE -> truth.computeIfAbsent(r.id, x -> bits.nextInt(2)) == 1 ? r.verdict : null; // whatever the device makes of it
            case MARK_VMAP -> {
                if (!written(r, proto, d, port, in)) yield null;
                int mark = truth.computeIfAbsent(r.id, x -> bits.nextInt(3));
                yield mark == 1 ? Verdict.ACCEPT : mark == 2 ? Verdict.DROP : null;
            }
            default -> written(r, proto, d, port, in) ? r.verdict : null;
        };
    }

    /** The kernel's verdict walking chain {@code c}; null when the packet returns (or falls off the end). */
    static Action walk(List<List<Rule>> chains, int c, int proto, int d, int port, String in, Map<Integer, Integer> truth, Random bits) {
        for (Rule r : chains.get(c)) {
            Verdict v = verdict(r, proto, d, port, in, truth, bits);
            if (v == null) continue;
            switch (v) {
                case ACCEPT -> { return Action.PERMIT; }
                case DROP -> { return Action.DENY; }
                case RETURN -> { return null; }
                case CONTINUE -> { }
                case JUMP, GOTO -> {
                    Action a = walk(chains, r.target, proto, d, port, in, truth, bits);
                    if (a != null || v == Verdict.GOTO) return a;
                }
            }
        }
        return null;
    }
}
