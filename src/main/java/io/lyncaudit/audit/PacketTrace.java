package io.lyncaudit.audit;

import io.lyncaudit.analysis.FirewallChecks;
import io.lyncaudit.analysis.Topology;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.policy.Translation;
import io.lyncaudit.policy.Uncertainty;
import io.lyncaudit.report.Trace;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `lyncaudit trace`: what one firewall does with one packet, stage by stage along the packet's
 * path, as the one {@link PolicyEvaluator} decides it.
 *
 * <p>Interfaces: given ones are used as they are ({@code host} is the firewall itself). From a
 * deployment, a missing one is the interface behind which the address lies. Otherwise a missing
 * interface is not guessed: the packet is traced through every pair of interfaces the export names
 * (and one it does not), and when their verdicts differ the verdict is uncertain and says how it
 * depends on them.
 */
public final class PacketTrace {
    /** Stands for an interface the export does not name: no interface condition matches it. */
    private static final String OTHER = "\u0000other";
    /** At most this many interface pairs are tried when the interfaces are not given. */
    static final int MAX_PAIRS = 400;

    private final ImportResult firewall;
    private final Uncertainty uncertainty;
    /** From a deployment: what lies behind each interface; null for a bare export. */
    private final Map<String, IntervalSet> sides;
    private final List<String> names;

    private PacketTrace(ImportResult firewall, Map<String, IntervalSet> sides) {
        this.firewall = firewall;
        this.uncertainty = new Uncertainty(firewall);
        this.sides = sides;
        this.names = interfaceNames(firewall);
    }

    /** Traces through one export, its format detected or given ({@code vendor}, null to detect). */
    public static PacketTrace ofExport(Path file, String display, String vendor) throws BadInputException {
        return ofExport(file, display, vendor, null, null);
    }

    /**
     * As {@link #ofExport(Path, String, String)}, for a spreadsheet without an action column whose rows
     * all mean {@code rowAction} ("permit" or "deny"; null when the sheet says it), the export decoded
     * in {@code encoding} (null: detected).
     *
     * @throws IllegalArgumentException when {@code rowAction} is neither
     */
    public static PacketTrace ofExport(Path file, String display, String vendor, String rowAction, String encoding) throws BadInputException {
        return ofExport(file, display, vendor, rowAction, encoding, null);
    }

    /** As {@link #ofExport(Path, String, String, String, String)}, for the FortiGate VDOM {@code vdom} (null: the export has one). */
    public static PacketTrace ofExport(Path file, String display, String vendor, String rowAction, String encoding, String vdom)
            throws BadInputException {
        return new PacketTrace(Importers.load(file, display, vendor, ImportOptions.of(null, rowAction, true).withEncoding(encoding)
                .withVdom(vdom)), null);
    }

    /** Traces through a firewall of a deployment ({@code name} may be null when the deployment has one firewall). */
    public static PacketTrace ofDeployment(Path deployment, String name) throws BadInputException {
        Deployment d = DeploymentLoader.load(deployment, DeploymentLoader.display(deployment));
        FirewallSpec fw = null;
        List<String> all = d.firewalls().stream().map(FirewallSpec::name).toList();
        if (name == null) {
            if (all.size() != 1) {
                throw new BadInputException(d.displayFile(), 0, "the deployment has " + all.size() + " firewalls; name one with --firewall ("
                        + String.join(", ", all) + ")");
            }
            fw = d.firewalls().get(0);
        } else {
            for (FirewallSpec f : d.firewalls()) if (f.name().equals(name)) fw = f;
            if (fw == null) throw new BadInputException(d.displayFile(), 0, "no firewall '" + name + "' (" + String.join(", ", all) + ")");
        }
        ImportResult ir = FirewallChecks.forRole(fw, FirewallLoader.IMPORTERS.load(fw));
        return new PacketTrace(ir, new Topology(d).interfaces(fw));
    }

    /** A trace of an import already made, for tests and tools. */
    public static PacketTrace of(ImportResult firewall) {
        return new PacketTrace(firewall, null);
    }

    /** The firewall's neutral policy. */
    public ImportResult firewall() {
        return firewall;
    }

    /**
     * What the firewall does with the packet written as {@code packet} (see {@link Packet#parse}),
     * entering at {@code in} and leaving at {@code out} (either null when unknown).
     */
    public Trace trace(String packet, String in, String out) {
        Packet p = Packet.parse(packet);
        List<String> notes = new ArrayList<>();
        if (sides != null) {
            if (in == null) in = side(p.source(), "source", notes);
            if (out == null) out = side(p.destination(), "destination", notes);
        }
        if (in != null && out != null) return trace(p, in, out, notes);
        // not given and not known: try every pair the export could tell apart
        List<String> ins = in != null ? List.of(in) : candidates(), outs = out != null ? List.of(out) : candidates();
        Map<String, List<String>> byVerdict = new LinkedHashMap<>();
        Trace plain = null;
        int tried = 0;
        for (String i : ins) {
            for (String o : outs) {
                if (i.equals(o) && !i.equals(OTHER)) continue;
                if (++tried > MAX_PAIRS) break;
                Trace t = trace(p, i, o, List.of());
                if (i.equals(OTHER) && o.equals(OTHER) || plain == null && (i.equals(OTHER) || o.equals(OTHER))) plain = t;
                String v = t.uncertainty() != null ? "uncertain (" + t.reading() + ")" : t.verdict();
                byVerdict.computeIfAbsent(v, k -> new ArrayList<>()).add(pair(i, o));
            }
        }
        if (plain == null) plain = trace(p, ins.get(0), outs.get(0), List.of());
        if (byVerdict.size() <= 1) {
            notes.add((in == null && out == null ? "no --in/--out given" : in == null ? "no --in given" : "no --out given")
                    + ": the verdict is the same whichever interfaces of this export the packet crosses");
            return relabel(plain, in, out, plain.verdict(), plain.uncertainty(), notes);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byVerdict.entrySet()) {
            List<String> pairs = e.getValue();
            parts.add(e.getKey() + " " + String.join(", ", pairs.subList(0, Math.min(4, pairs.size())))
                    + (pairs.size() > 4 ? " and " + (pairs.size() - 4) + " more" : ""));
        }
        String why = "the verdict depends on the interfaces: " + String.join("; ", parts) + "; give --in and --out";
        notes.add("the stages shown are for interfaces no rule of this export names");
        return relabel(plain, in, out, "uncertain", plain.uncertainty() == null ? why : plain.uncertainty() + "; " + why, notes);
    }

    private static Trace relabel(Trace t, String in, String out, String verdict, String why, List<String> notes) {
        return new Trace(t.packet(), in, out, t.path(), verdict, t.reading(), why, t.translated(), t.stages(), notes);
    }

    private static String pair(String in, String out) {
        return "from " + (in.equals(OTHER) ? "another interface" : in) + " to " + (out.equals(OTHER) ? "another interface" : out);
    }

    private List<String> candidates() {
        List<String> c = new ArrayList<>(names);
        c.add(OTHER);
        return c;
    }

    /** The interface of the deployment behind which {@code address} lies, or null (with a note) when none or several. */
    private String side(BigInteger address, String what, List<String> notes) {
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, IntervalSet> e : sides.entrySet()) {
            if (e.getValue().intersects(IntervalSet.of(address, address))) hits.add(e.getKey());
        }
        if (hits.size() == 1) {
            notes.add("the " + what + " lies behind " + hits.get(0) + " (deployment)");
            return hits.get(0);
        }
        notes.add(hits.isEmpty() ? "the " + what + " lies behind no interface of the deployment"
                : "the " + what + " lies behind several interfaces (" + String.join(", ", hits) + ")");
        return null;
    }

    /** One evaluation with both interfaces known. */
    private Trace trace(Packet p, String in, String out, List<String> notes) {
        PacketSet q = p.toSet();
        Evaluation e = PolicyEvaluator.evaluate(firewall, q, in, out);
        String why = uncertainty.of(e.decisions());
        String reading = e.permitted().isEmpty() ? "deny" : "permit";
        Map<Policy, Decision> byPolicy = new IdentityHashMap<>();
        Decision unbound = null;
        for (Decision d : e.decisions()) {
            if (d.policy() == null) unbound = d;
            else byPolicy.put(d.policy(), d);
        }
        List<Trace.Stage> stages = new ArrayList<>();
        Translation seen = null;
        for (Policy pol : firewall.policies()) {
            if (!pol.appliesTo(in, out)) continue;
            Decision d = byPolicy.get(pol);
            String hook = pol.hook() == null ? null : pol.hook().json();
            String sees = seen == null ? null : see(p, seen);
            if (d == null) {
                if (pol.scoped() && !pol.scope().containsAll(seen == null ? q : seen.apply(q))) {
                    stages.add(new Trace.Stage(pol.name(), hook, "pass", false, null, null, 0, "the policy does not see this address family",
                            null, sees, null));
                } else if (pol.rules().isEmpty() && pol.defaultAction() == Action.PERMIT) {
                    SourceRef s = pol.defaultSource();
                    stages.add(new Trace.Stage(pol.name(), hook, "accept", true, null, s == null ? null : where(s), s == null ? 0 : s.line(),
                            s == null ? "(no rules)" : s.text(), null, sees, null));
                } else {
                    break; // not reached: an earlier stage dropped the packet
                }
                continue;
            }
            stages.add(stage(pol, d, hook, sees));
            if (d.action() == Action.DENY) break;
            if (d.translation() != null) seen = d.translation().after(seen);
        }
        if (unbound != null) {
            stages.add(new Trace.Stage(null, null, unbound.action() == Action.PERMIT ? "accept" : "drop", true, null, firewall.file(), 0,
                    "(no policy of this export sees the packet on this path: the firewall's default)", null, null, null));
        }
        String translated = seen != null && reading.equals("permit") ? see(p, seen) : null;
        return new Trace(p.text(), in.equals(OTHER) ? null : in, out.equals(OTHER) ? null : out, Hook.pathName(in, out),
                why != null ? "uncertain" : reading, reading, why, translated, stages, notes);
    }

    private Trace.Stage stage(Policy pol, Decision d, String hook, String sees) {
        Rule r = d.rule();
        Translation t = d.translation();
        String action = t != null ? (t.toHost() ? "redirect" : "translate") : d.action() == Action.PERMIT ? "accept" : "drop";
        SourceRef s = d.source();
        String text = s != null ? s.text() : "(implicit default " + (d.action() == Action.PERMIT ? "accept" : "drop") + " of " + pol.name() + ")";
        return new Trace.Stage(pol.name(), hook, action, r == null, r == null ? null : r.name(), s == null ? firewall.file() : where(s), s == null ? 0 : s.line(), text,
                t == null ? null : t.describe(), sees, uncertainty.of(d));
    }

    private static String where(SourceRef s) {
        return s.sheet() != null ? s.file() + " [" + s.sheet() + "!" + (s.cell() != null ? s.cell() : "A" + s.line()) + "]" : s.file();
    }

    private static String see(Packet p, Translation t) {
        Packet x = new Packet(p.protocol(), p.source(), p.sourcePort(),
                t.destination() != null ? t.destination().first() : p.destination(), t.destinationPort() != null
                ? (int) t.destinationPort().startLong(0) : p.destinationPort());
        return x.text();
    }

    /**
     * Every interface a binding or a rule of the import tells apart (not the firewall itself): the
     * names it gives, and for a wildcard such as {@code eth+} one name it matches ({@code eth*}).
     */
    private static List<String> interfaceNames(ImportResult fw) {
        Set<String> s = new LinkedHashSet<>();
        for (Policy p : fw.policies()) {
            if (p.binding() != null) s.add(p.binding().iface());
            for (Rule r : p.rules()) {
                for (Set<String> zones : List.of(r.fromZones(), r.toZones())) {
                    for (String z : zones) {
                        String n = z.startsWith("!") ? z.substring(1) : z;
                        s.add(n.endsWith("+") ? n.substring(0, n.length() - 1) + "*" : n);
                    }
                }
            }
        }
        s.remove(Hook.HOST);
        return List.copyOf(s);
    }
}
