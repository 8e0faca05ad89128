package io.lyncaudit.analysis;

import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of one firewall, as facts for the analysis rules: how much of each required flow it
 * permits ({@link Coverage}), which permits to or from a Lync address nothing justifies
 * ({@link Exposure}), and which permit rules earlier rules hide ({@link Shadowing}). Each query is
 * a set of packets per interface pair the flow crosses, answered by the {@link PolicyEvaluator}.
 */
public final class FirewallChecks {
    private FirewallChecks() {}

    /**
     * The policies that guard what this firewall is in the deployment. An export may hold both the
     * policies of traffic through the box and those of traffic to the box itself (a Linux
     * FORWARD and INPUT chain): importers bind the latter to the {@value Topology#HOST_SIDE}
     * pseudo-interface. A host firewall is judged by those alone, a network firewall by the others.
     */
    public static ImportResult forRole(FirewallSpec fw, ImportResult ir) {
        boolean anyHostBound = ir.policies().stream().anyMatch(FirewallChecks::hostBound);
        if (!anyHostBound) return ir;
        List<Policy> keep = ir.policies().stream().filter(p -> hostBound(p) == (fw.host() != null)).toList();
        return ir.withPolicies(keep);
    }

    private static boolean hostBound(Policy p) {
        return p.binding() != null && p.binding().iface().equals(Topology.HOST_SIDE);
    }

    /** The ports of a catalog flow: a literal, or ${name} for a configured range. */
    public static IntervalSet ports(String text, Deployment d) {
        if (text.startsWith("${") && text.endsWith("}")) {
            IntervalSet s = d.portRanges().get(text.substring(2, text.length() - 1));
            if (s == null) throw new IllegalStateException("catalog names unknown port range " + text);
            return s;
        }
        return Ports.parseRange(text);
    }

    /** Destination ports as reports show them, with the source ports when the requirement names them. */
    public static String portsText(IntervalSet ports, IntervalSet sourcePorts) {
        String p = Ports.format(ports);
        return sourcePorts.equals(Ports.ALL) ? p : p + " (from source ports " + Ports.format(sourcePorts) + ")";
    }

    public static Coverage coverage(RequirementSpec spec, FirewallSpec fw, ImportResult ir, List<Topology.Crossing> crossings,
                                     Topology topo, Deployment d, Uncertainty uncertainty) {
        IntervalSet src = topo.required(spec.flow().from(), fw, false), dst = topo.required(spec.flow().to(), fw, true);
        IntervalSet proto = IntervalSet.point(spec.flow().protocol());
        IntervalSet ports = ports(spec.flow().ports(), d);
        // Source ports narrow only the required set: a rule that leaves them open is as good.
        IntervalSet sourcePorts = spec.flow().sourcePorts() == null ? Ports.ALL : ports(spec.flow().sourcePorts(), d);
        PacketSet required = PacketSet.EMPTY, permitted = PacketSet.EMPTY;
        List<Decision> decisions = new ArrayList<>();
        for (Topology.Crossing x : crossings) {
            IntervalSet s = src.intersect(x.inside()), t = dst.intersect(x.outside());
            if (s.isEmpty() || t.isEmpty()) continue;
            PacketSet q = PacketSet.of(new PacketBox(proto, s, t, sourcePorts, ports)).intersect(PacketSet.SAME_FAMILY);
            if (q.isEmpty()) continue;
            Evaluation ev = PolicyEvaluator.evaluate(ir, q, x.in(), x.out());
            required = required.union(q);
            permitted = permitted.union(ev.permitted());
            decisions.addAll(ev.decisions());
        }
        if (required.isEmpty()) return null;
        Flow flow = new Flow(Protocols.name(spec.flow().protocol()), portsText(ports, sourcePorts),
                topo.label(spec.flow().from(), required.bounds().sources()),
                topo.label(spec.flow().to(), required.bounds().destinations()));
        return new Coverage(spec, fw.name(), required, justification(spec, fw, crossings, topo, d), permitted,
                required.subtract(permitted), decisions, flow, uncertainty.of(decisions));
    }

    /**
     * The packets a requirement justifies on this firewall, on every way through it, whether or not
     * anything of it is required there: a flow whose required servers this firewall never sees (a
     * pool's web ports on its servers, which the load balancer forwards) still allows what the docs
     * allow, so opening it is not EXTRA.
     */
    public static PacketSet justification(RequirementSpec spec, FirewallSpec fw, List<Topology.Crossing> crossings,
                                          Topology topo, Deployment d) {
        IntervalSet jsrc = topo.justified(spec.flow().from(), fw, false), jdst = topo.justified(spec.flow().to(), fw, true);
        IntervalSet proto = IntervalSet.point(spec.flow().protocol());
        IntervalSet ports = ports(spec.flow().ports(), d);
        PacketSet justified = PacketSet.EMPTY;
        for (Topology.Crossing x : crossings) {
            // On a host firewall the network firewalls are the boundary, and the rules Lync Server
            // setup creates accept any remote address: an inbound requirement justifies its
            // ports to the host from every address.
            IntervalSet js = fw.host() != null && x.out().equals(Topology.HOST_SIDE) ? x.inside() : jsrc;
            IntervalSet a = js.intersect(x.inside()), b = jdst.intersect(x.outside());
            if (a.isEmpty() || b.isEmpty()) continue;
            justified = justified.union(PacketSet.of(PacketBox.of(proto, a, b, ports)));
        }
        return justified;
    }

    /**
     * The permits to or from a Lync address that nothing justifies. {@code justified} is what every
     * requirement of the deployment allows on this firewall ({@link #justification}).
     */
    public static List<Exposure> exposures(FirewallSpec fw, ImportResult ir, List<Topology.Crossing> crossings, Topology topo,
                                            PacketSet justified, Uncertainty uncertainty) {
        IntervalSet lync = topo.lyncAddresses();
        IntervalSet internet = topo.side("internet");
        Map<Rule, PacketSet> unjustified = new IdentityHashMap<>();
        Map<Rule, Decision> first = new LinkedHashMap<>();
        PacketSet byDefault = PacketSet.EMPTY;
        Decision defaultDecision = null;
        // per permitting rule (null: the default), the decisions of every stage on its unjustified packets
        Map<Rule, List<Decision>> others = new java.util.HashMap<>();
        for (Topology.Crossing x : crossings) {
            // On a host firewall only inbound traffic to the host can be EXTRA: outbound from a
            // server is open by default (Windows Firewall) and is not what a host firewall guards.
            if (fw.host() != null && !x.out().equals(Topology.HOST_SIDE)) continue;
            // One query per run of Lync addresses: narrow queries let the evaluator skip the
            // many rules that never touch a Lync server by their bounds alone.
            List<PacketSet> queries = new ArrayList<>();
            // a host firewall: everything that reaches the host, whether or not it is a Lync address
            if (fw.host() != null) queries.add(PacketSet.of(new PacketBox(Protocols.ALL, x.inside(), x.outside(), Ports.ALL, Ports.ALL)));
            IntervalSet toLync = fw.host() != null ? IntervalSet.EMPTY : x.outside().intersect(lync);
            IntervalSet fromLync = fw.host() != null ? IntervalSet.EMPTY : x.inside().intersect(lync);
            for (int k = 0; k < toLync.intervalCount(); k++) {
                queries.add(PacketSet.of(new PacketBox(Protocols.ALL, x.inside(),
                        IntervalSet.of(toLync.start(k), toLync.end(k)), Ports.ALL, Ports.ALL)));
            }
            for (int k = 0; k < fromLync.intervalCount(); k++) {
                // traffic between two Lync addresses is already in the queries above
                queries.add(PacketSet.of(new PacketBox(Protocols.ALL, IntervalSet.of(fromLync.start(k), fromLync.end(k)),
                        x.outside().subtract(lync), Ports.ALL, Ports.ALL)));
            }
            for (PacketSet query : queries) {
                PacketSet q = query.intersect(PacketSet.SAME_FAMILY);
                if (q.isEmpty()) continue;
                Evaluation ev = PolicyEvaluator.evaluate(ir, q, x.in(), x.out());
                if (ev.permitted().isEmpty()) continue;
                PacketSet claimed = PacketSet.EMPTY;
                List<Decision> permits = permitsByBlame(ev.decisions());
                boolean stages = false;
                for (Decision dec : permits) stages |= dec.policy() != permits.get(0).policy(); // identity: a Policy record hashes all its rules
                for (Decision dec : permits) {
                    // each permitted packet is blamed on one permit: where several stages let it through, on the filter's rule
                    PacketSet extra = dec.packets().intersect(ev.permitted()).subtract(justified);
                    if (stages) {
                        extra = extra.subtract(claimed);
                        claimed = claimed.union(extra);
                    }
                    // a packet a stage translated is justified when what it became is (a public address to its private one)
                    if (!extra.isEmpty() && !ev.translated().isEmpty()) extra = extra.subtract(ev.imageIn(extra, justified));
                    if (extra.isEmpty()) continue;
                    // every stage of the path decided these packets: any of them may make the permit uncertain
                    if (!uncertainty.isExact()) others.computeIfAbsent(dec.rule(), k -> new ArrayList<>()).addAll(ev.decisionsFor(extra));
                    if (dec.rule() == null) {
                        byDefault = byDefault.union(extra);
                        defaultDecision = dec;
                    } else {
                        unjustified.merge(dec.rule(), extra, PacketSet::union);
                        first.putIfAbsent(dec.rule(), dec);
                    }
                }
            }
        }
        List<Exposure> out = new ArrayList<>();
        for (Map.Entry<Rule, Decision> e : first.entrySet()) {
            PacketSet x = unjustified.get(e.getKey());
            Decision dec = e.getValue();
            String why = uncertainty.of(restricted(others.get(e.getKey()), x, dec.restrictedTo(x)));
            out.add(new Exposure(fw.name(), dec, x, severity(x, internet), why, lync));
        }
        if (defaultDecision != null) {
            String why = uncertainty.of(restricted(others.get(null), byDefault,
                    defaultDecision.restrictedTo(byDefault)));
            out.add(new Exposure(fw.name(), defaultDecision, byDefault, severity(byDefault, internet), why, lync));
        }
        return out;
    }

    /**
     * The permits in the order packets are blamed on them: rules before defaults, and rules of a
     * filtering stage (no hook, or forward, input, output) before those of other stages; in path
     * order otherwise. With one policy on the path this is its decisions. A translation of a NAT
     * stage (a Linux nat chain, a policy that passes what it does not translate) is no permit; a
     * translating rule of a filtering policy without hook is (a FortiGate policy that names a VIP
     * accepts what it translates), blamed after the plain permits of the path.
     */
    private static List<Decision> permitsByBlame(List<Decision> decisions) {
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            // a translating rule of a filtering policy (no hook, default deny: not a NAT stage, which passes what it does not translate)
            boolean filters = d.translation() == null || (d.policy() != null && d.policy().hook() == null
                    && d.policy().defaultAction() == Action.DENY && !d.translation().toHost());
            if (d.action() == Action.PERMIT && filters) out.add(d);
        }
        if (out.size() > 1) out.sort(java.util.Comparator.comparingInt(FirewallChecks::blameRank));
        return out;
    }

    private static int blameRank(Decision d) {
        if (d.rule() == null) return 2;
        if (d.translation() != null) return 1;
        Hook h = d.policy() == null ? null : d.policy().hook();
        return h == null || h == Hook.FORWARD || h == Hook.INPUT || h == Hook.OUTPUT ? 0 : 1;
    }

    /** The decisions on {@code packets}: the permit itself and those of every stage of the path. */
    private static List<Decision> restricted(List<Decision> decisions, PacketSet packets, Decision permit) {
        List<Decision> out = new ArrayList<>();
        out.add(permit);
        if (decisions == null) return out;
        for (Decision d : decisions) {
            PacketSet p = d.packets().intersect(packets);
            if (!p.isEmpty()) out.add(d.restrictedTo(p));
        }
        return out;
    }

    /** High when the internet can start the unjustified traffic, medium otherwise. */
    private static Severity severity(PacketSet x, IntervalSet internet) {
        return x.intersects(new PacketBox(Protocols.ALL, internet, Addresses.ALL, Ports.ALL, Ports.ALL)) ? Severity.HIGH : Severity.MEDIUM;
    }

    /** A permit rule that would cover what is missing, hidden behind earlier rules of the same policy. */
    public static Shadowing shadowing(Coverage c, ImportResult ir) {
        if (c.isSatisfied()) return null;
        for (Policy p : ir.policies()) {
            for (Rule r : p.rules()) {
                if (r.action() != Action.PERMIT || !r.match().intersects(c.uncovered())) continue;
                PacketSet hidden = r.match().intersect(c.uncovered());
                List<Decision> shadowers = new ArrayList<>();
                for (Decision dec : c.decisions()) {
                    if (dec.policy() == p && dec.rule() != null && dec.rule().index() < r.index()
                            && dec.action() == Action.DENY && dec.packets().intersects(hidden)) {
                        shadowers.add(dec);
                    }
                }
                if (!shadowers.isEmpty()) return new Shadowing(c, r, shadowers);
            }
        }
        return null;
    }
}
