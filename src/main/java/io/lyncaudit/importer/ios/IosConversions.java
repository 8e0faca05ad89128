package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.ios.IosConfig.Addr;
import io.lyncaudit.importer.ios.IosConfig.AddrHull;
import io.lyncaudit.importer.ios.IosConfig.AddrLiteral;
import io.lyncaudit.importer.ios.IosConfig.AccessGroup;
import io.lyncaudit.importer.ios.IosConfig.Entry;
import io.lyncaudit.importer.ios.IosConfig.Group;
import io.lyncaudit.importer.ios.IosConfig.ProtoGroup;
import io.lyncaudit.importer.ios.IosConfig.ProtoLiteral;
import io.lyncaudit.importer.ios.IosConfig.Svc;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage two: {@link IosConfig} into neutral policies. Each {@code ip access-group} becomes one
 * first-match policy on its interface and direction, ending in the implicit deny, with scope IPv4:
 * an IPv4 access list neither permits nor denies IPv6. Each {@code ipv6 traffic-filter} becomes
 * one with scope IPv6, ending in the implicit {@code permit icmp any any nd-na}, {@code nd-ns}
 * (uncertain, as ICMPv6 types are not modelled) and {@code deny ipv6 any any}. Traffic that no
 * access list of its family filters is permitted (the import's unbound default). An access-group
 * or traffic-filter naming an ACL that does not exist (or has no entries) filters nothing on IOS,
 * and is reported.
 *
 * <p>{@code established} matches TCP segments with ACK or RST set: return traffic of connections
 * opened the other way. The audit asks about new connections, so such entries match none of them
 * and are left out, with an ignored diagnostic saying so.
 *
 * <p>Entries that depend on something not modelled become uncertain rules ({@link Rule#uncertain()}):
 * read broader than the device matches (time-range, ICMP types, TCP flags, dscp, fragments) they
 * keep their match as the bound. Dynamic (lock-and-key) entries, entries with a non-contiguous
 * wildcard or an unresolvable or unmodelled object-group, and entries whose action alone could be
 * read keep their place as placeholders that match nothing for sure, bounded by what can be read
 * (at most every packet of the list's family). {@code reflect} entries match as written; {@code evaluate} is a
 * placeholder permit bounded by the mirror of what the entries reflecting into its list may match.
 *
 * <p>An access list that no {@code ip access-group} or {@code ipv6 traffic-filter} binds filters
 * nothing: it is not converted (its {@code reflect} entries fill nothing), and each of its lines is
 * ignored, saying so. So is each line of an object-group that no converted entry and no group in
 * use names.
 */
final class IosConversions {
    static final int MAX_DEPTH = 64;

    private final IosConfig cfg;
    private final LineLedger ledger;
    /** The object-groups a converted entry or a group in use names. */
    private final Set<Group> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Object> netMemo = new HashMap<>();
    private final Map<String, Object> svcMemo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Set<String> policyNames = new HashSet<>();

    private IosConversions(IosConfig cfg, LineLedger ledger) {
        this.cfg = cfg;
        this.ledger = ledger;
    }

    static List<Policy> convert(IosConfig cfg, LineLedger ledger) {
        return new IosConversions(cfg, ledger).run();
    }

    /** Every IPv4 packet: the most an IPv4 access list can match, and what an {@code ip access-group} sees. */
    static final PacketSet IPV4 = PacketSet.IPV4;
    /** Every IPv6 packet: the most an IPv6 access list can match, and what an {@code ipv6 traffic-filter} sees. */
    static final PacketSet IPV6 = PacketSet.IPV6;

    /** Every ICMPv6 packet: how the implicit neighbour-discovery permits of an IPv6 access list are read. */
    static final PacketSet ICMPV6 = PacketSet.of(new PacketBox(IntervalSet.point(Protocols.ICMPV6), Addresses.ALL_V6, Addresses.ALL_V6,
            Ports.ALL, Ports.ALL));

    /** The implicit entries every IPv6 access list ends with before its implicit {@code deny ipv6 any any}. */
    static final List<String> IMPLICIT_ND = List.of("permit icmp any any nd-na", "permit icmp any any nd-ns");

    /** An entry made neutral: {@code match} is the importer's reading, {@code may} what the device might match, {@code why} null when exact. */
    private record Converted(PacketSet match, PacketSet may, String why) {}

    /** An address operand: what the importer reads, every address the device might match (a superset), and why they differ. */
    private record Side(IntervalSet sure, IntervalSet may, List<String> why) {}

    /** The services of an entry, as {@link Side} for addresses. */
    private record Svcs(List<Svc> sure, List<Svc> may, List<String> why) {}

    private List<Policy> run() {
        // only the lists an access-group or traffic-filter binds filter anything: the others are not converted
        Set<String> bound = new HashSet<>(), bound6 = new HashSet<>();
        for (AccessGroup g : cfg.accessGroups) (g.ipv6() ? bound6 : bound).add(g.acl());
        unbound(cfg.aclLines, cfg.acls, bound, "access-list ");
        unbound(cfg.ipv6AclLines, cfg.acls6, bound6, "ipv6 access-list ");
        // what each reflexive list may come to hold: the mirror of every session its reflect entries may permit
        Map<String, PacketSet> reflected = new HashMap<>();
        Map<String, List<Converted>> converted = convertAll(cfg.acls, bound, false, reflected);
        Map<String, List<Converted>> converted6 = convertAll(cfg.acls6, bound6, true, reflected);
        Map<String, List<Rule>> rules = rules(cfg.acls, converted, reflected);
        Map<String, List<Rule>> rules6 = rules(cfg.acls6, converted6, reflected);
        for (Map.Entry<String, List<Rule>> e : rules6.entrySet()) e.setValue(withImplicitNd(e.getKey(), e.getValue()));
        List<Policy> policies = new ArrayList<>();
        for (AccessGroup g : cfg.accessGroups) {
            List<Entry> entries = (g.ipv6() ? cfg.acls6 : cfg.acls).get(g.acl());
            if (entries == null || entries.isEmpty()) {
                // an IPv6 list without entries has no implicit entries either
                ledger.unsupported(g.line(), (g.ipv6() ? "ipv6 access-list " : "access-list ") + g.acl()
                        + (entries == null ? " is not defined" : " has no entries") + "; IOS then filters nothing "
                        + (g.ipv6() ? "of IPv6 " : "") + "on this interface");
                continue;
            }
            String name = g.acl();
            if (!policyNames.add(name)) {
                String at = g.binding().iface() + " " + g.binding().direction().json();
                name = g.acl() + " (" + (g.ipv6() ? "ipv6 " : "") + at + ")";
                for (int k = 2; !policyNames.add(name); k++) name = g.acl() + " (" + (g.ipv6() ? "ipv6 " : "") + at + " " + k + ")";
            }
            // an IPv4 access list filters IPv4 only, an IPv6 one IPv6 only: the other family passes it untouched
            policies.add(new Policy(name, PolicyKind.FIRST_MATCH, g.binding(), Action.DENY,
                    (g.ipv6() ? rules6 : rules).get(g.acl()), null, g.ipv6() ? IPV6 : IPV4));
        }
        groups();
        return policies;
    }

    /**
     * Each line of an access list that nothing binds is ignored, as the list filters nothing; the
     * opening of one that is bound is used. {@code what} names the kind of list in messages.
     */
    private void unbound(Map<String, List<Integer>> lines, Map<String, List<Entry>> acls, Set<String> bound, String what) {
        for (Map.Entry<String, List<Integer>> e : lines.entrySet()) {
            String acl = e.getKey();
            if (bound.contains(acl)) {
                // the opening line of a named list (entries and remarks have their own verdicts)
                for (int line : e.getValue()) if (!ledger.has(line) && isOpening(acls.get(acl), line)) ledger.used(line);
                continue;
            }
            String why = what + acl + " is bound to no interface: it filters no traffic through the router (an access-class on the vty lines, if any, filters only logins to it)";
            for (int line : e.getValue()) ledger.ignored(line, why);
            for (Entry x : acls.getOrDefault(acl, List.of())) {
                // a line that cannot be read stays unrecognized: the binding it lacks might be one that could not be read either
                if (x.proto() == null && x.evaluate() == null) ledger.unrecognized(x.line(), x.placeholder() + "; " + why);
            }
        }
    }

    /** True when {@code line} is no entry of the list: its {@code ip access-list} / {@code ipv6 access-list} line. */
    private static boolean isOpening(List<Entry> entries, int line) {
        if (entries != null) for (Entry x : entries) if (x.line() == line) return false;
        return true;
    }

    /**
     * The lines of every object-group: used when a converted entry or a group in use names it (ICMP
     * type members unsupported), else ignored.
     */
    private void groups() {
        for (Group g : cfg.groups.values()) {
            if (!used.contains(g)) {
                for (int line : g.lines) {
                    ledger.ignored(line, "object-group " + g.name + " is named by no access-list bound to an interface: it filters nothing");
                }
                continue;
            }
            for (Map.Entry<Integer, String> b : g.broaderLines.entrySet()) ledger.unsupported(b.getKey(), b.getValue());
            for (int line : g.lines) ledger.used(line);
        }
    }

    /** Every entry of the bound access lists made neutral (null where left out, or for evaluate); records what reflect entries fill. */
    private Map<String, List<Converted>> convertAll(Map<String, List<Entry>> acls, Set<String> bound, boolean v6,
                                                    Map<String, PacketSet> reflected) {
        Map<String, List<Converted>> converted = new HashMap<>();
        for (Map.Entry<String, List<Entry>> e : acls.entrySet()) {
            if (!bound.contains(e.getKey())) continue;
            List<Converted> out = new ArrayList<>();
            for (Entry x : e.getValue()) {
                Converted c = x.evaluate() != null ? null : convert(x, v6);
                out.add(c);
                if (c != null && x.reflect() != null) reflected.merge(x.reflect(), mirror(c.may()), PacketSet::union);
            }
            converted.put(e.getKey(), out);
        }
        return converted;
    }

    private Map<String, List<Rule>> rules(Map<String, List<Entry>> acls, Map<String, List<Converted>> converted,
                                          Map<String, PacketSet> reflected) {
        Map<String, List<Rule>> rules = new HashMap<>();
        for (Map.Entry<String, List<Entry>> e : acls.entrySet()) {
            List<Converted> cs = converted.get(e.getKey());
            if (cs == null) continue; // bound to no interface
            List<Rule> out = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                Entry x = e.getValue().get(i);
                Converted c = x.evaluate() != null ? evaluate(x, reflected.getOrDefault(x.evaluate(), PacketSet.EMPTY)) : cs.get(i);
                if (c == null) continue;
                SourceRef src = SourceRef.line(ledger.file(), x.line(), ledger.text(x.line()));
                // the index is the position in the ACL: placeholders count like any entry
                Rule r = new Rule(out.size() + 1, null, x.action(), c.match(), Set.of(), Set.of(), src);
                out.add(c.why() == null ? r : r.withUncertainty(c.why(), c.may()));
            }
            rules.put(e.getKey(), out);
        }
        return rules;
    }

    /**
     * The rules of an IPv6 access list followed by its implicit {@code permit icmp any any nd-na}
     * and {@code nd-ns}; the implicit {@code deny ipv6 any any} is the policy's default. ICMPv6
     * types are not modelled, so they read, as an explicit entry naming an ICMP type does, as
     * every ICMPv6 packet, and are uncertain. They point at the {@code ipv6 access-list} line.
     */
    private List<Rule> withImplicitNd(String acl, List<Rule> rules) {
        List<Rule> out = new ArrayList<>(rules);
        int line = cfg.acl6Lines.getOrDefault(acl, 0);
        for (String text : IMPLICIT_ND) {
            SourceRef src = SourceRef.line(ledger.file(), line, text + " (implicit, at the end of ipv6 access-list " + acl + ")");
            out.add(new Rule(out.size() + 1, null, Action.PERMIT, ICMPV6, Set.of(), Set.of(), src)
                    .withUncertainty("implicit '" + text + "': ICMPv6 types are not modelled; the entry is treated as matching "
                            + "every ICMPv6 type", ICMPV6));
        }
        return out;
    }

    /** The same packets in the other direction: what a reflexive list permits back for a session. */
    private static PacketSet mirror(PacketSet s) {
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox b : s.boxes()) {
            out.add(new PacketBox(b.protocols(), b.destinations(), b.sources(), b.destinationPorts(), b.sourcePorts()));
        }
        return PacketSet.union(out);
    }

    /** {@code evaluate LIST}: a permit of whatever the reflexive list holds at run time, which is bounded by what fills it. */
    private Converted evaluate(Entry e, PacketSet bound) {
        if (bound.isEmpty()) {
            ledger.ignored(e.line(), "no entry reflects into " + e.evaluate() + ", so evaluating it matches nothing; left out");
            return null;
        }
        String why = "reflexive access-list " + e.evaluate() + " is not modelled; it may permit the return traffic of sessions "
                + "its reflect entries permit";
        ledger.unsupported(e.line(), why);
        return new Converted(PacketSet.EMPTY, bound, why);
    }

    /** The entry's match (of an IPv6 access list when {@code v6}), or null when it is left out. */
    private Converted convert(Entry e, boolean v6) {
        int line = e.line();
        PacketSet family = v6 ? IPV6 : IPV4;
        String fam = v6 ? "IPv6" : "IPv4";
        if (e.proto() == null) {
            // only the action could be read: the placeholder keeps its position and action
            ledger.unrecognized(line, e.placeholder() + "; kept as an uncertain " + e.action().json() + " that may match any " + fam + " packet");
            return new Converted(PacketSet.EMPTY, family, "the entry could not be read (" + e.placeholder() + "); it may match any "
                    + fam + " packet");
        }
        if (e.established()) {
            ledger.ignored(line, "'established' matches return traffic only (TCP with ACK or RST); "
                    + "it decides no new connection, so the entry is left out");
            return null;
        }
        Side src = side(e.src(), line, v6);
        Side dst = side(e.dst(), line, v6);
        Svcs svcs = services(e);
        PacketSet match = boxes(svcs.sure(), src.sure(), dst.sure());
        PacketSet may = boxes(svcs.may(), src.may(), dst.may());
        if (v6) {
            // an object-group may hold IPv4 members: an IPv6 list never matches them
            match = match.intersect(IPV6);
            may = may.intersect(IPV6);
        }
        Set<String> why = new LinkedHashSet<>(svcs.why());
        why.addAll(src.why());
        why.addAll(dst.why());
        if (e.unsupported() != null) {
            ledger.unsupported(line, e.unsupported());
            why.add(e.unsupported());
        }
        if (e.placeholder() != null) {
            ledger.unsupported(line, e.placeholder());
            match = PacketSet.EMPTY;
            why.add(e.placeholder());
        }
        if (may.isEmpty()) {
            ledger.ignored(line, "the entry matches no packet; left out");
            return null;
        }
        ledger.used(line);
        return new Converted(match, may, why.isEmpty() ? null : String.join("; ", why));
    }

    private static PacketSet boxes(List<Svc> svcs, IntervalSet src, IntervalSet dst) {
        List<PacketBox> boxes = new ArrayList<>();
        for (Svc s : svcs) {
            boolean ported = IosNames.ported(s.protocols());
            PacketBox b = new PacketBox(s.protocols(), src, dst, ported ? s.sourcePorts() : Ports.ALL,
                    ported ? s.destinationPorts() : Ports.ALL);
            if (!b.isEmpty()) boxes.add(b);
        }
        return PacketSet.union(boxes);
    }

    private Svcs services(Entry e) {
        if (e.proto() instanceof ProtoLiteral p) {
            List<Svc> s = List.of(new Svc(p.protocols(), e.srcPorts(), e.dstPorts()));
            return new Svcs(s, s, List.of());
        }
        String name = ((ProtoGroup) e.proto()).name();
        try {
            List<Svc> s = svc(group(name, false), 0);
            List<String> why = new ArrayList<>();
            for (Svc x : s) {
                if (x.broader() != null && !why.contains(x.broader())) {
                    ledger.unsupported(e.line(), x.broader());
                    why.add(x.broader());
                }
            }
            return new Svcs(s, s, why);
        } catch (IllegalArgumentException x) {
            String kind = cfg.unmodelled.get(name);
            String why = (kind != null ? "object-group " + name + " (" + kind + ") is not modelled" : x.getMessage())
                    + "; it may match any protocol and port";
            if (kind != null) ledger.unsupported(e.line(), why);
            else ledger.unrecognized(e.line(), why);
            return new Svcs(List.of(), List.of(new Svc(Protocols.ALL, Ports.ALL, Ports.ALL)), List.of(why));
        }
    }

    private Group group(String name, boolean network) {
        Group g = cfg.groups.get(name);
        if (g == null) throw new IllegalArgumentException("object-group " + name + " is not defined");
        used.add(g);
        if (g.network != network) throw new IllegalArgumentException("object-group " + name + " is not a " + (network ? "network" : "service") + " group");
        return g;
    }

    /** An address operand; what cannot be resolved may be any address of the list's family. */
    private Side side(Addr a, int line, boolean v6) {
        if (a instanceof AddrLiteral l) return new Side(l.addresses(), l.addresses(), List.of());
        if (a instanceof AddrHull h) {
            ledger.unsupported(line, h.why());
            return new Side(IntervalSet.EMPTY, h.hull(), List.of(h.why()));
        }
        String name = ((IosConfig.AddrGroup) a).name();
        try {
            IntervalSet s = net(group(name, true), 0);
            return new Side(s, s, List.of());
        } catch (IllegalArgumentException x) {
            String kind = cfg.unmodelled.get(name);
            String why = (kind != null ? "object-group " + name + " (" + kind + ") is not modelled" : x.getMessage())
                    + "; it may match any " + (v6 ? "IPv6" : "IPv4") + " address";
            if (kind != null) ledger.unsupported(line, why);
            else ledger.unrecognized(line, why);
            return new Side(IntervalSet.EMPTY, v6 ? Addresses.ALL_V6 : Addresses.ALL_V4, List.of(why));
        }
    }

    private IntervalSet net(Group g, int depth) {
        Object m = netMemo.get(g.name);
        if (m == null) {
            m = resolveNet(g, depth);
            netMemo.put(g.name, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (IntervalSet) m;
    }

    private Object resolveNet(Group g, int depth) {
        if (depth > MAX_DEPTH) return "object-groups nested deeper than " + MAX_DEPTH + " (at " + g.name + ")";
        if (!inProgress.add(g.name)) return "object-group " + g.name + " contains itself";
        try {
            List<IntervalSet> parts = new ArrayList<>(g.addresses);
            for (String n : g.nested) parts.add(net(group(n, true), depth + 1));
            return IntervalSet.unionOf(parts);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } finally {
            inProgress.remove(g.name);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Svc> svc(Group g, int depth) {
        Object m = svcMemo.get(g.name);
        if (m == null) {
            m = resolveSvc(g, depth);
            svcMemo.put(g.name, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (List<Svc>) m;
    }

    private Object resolveSvc(Group g, int depth) {
        if (depth > MAX_DEPTH) return "object-groups nested deeper than " + MAX_DEPTH + " (at " + g.name + ")";
        if (!inProgress.add(g.name)) return "object-group " + g.name + " contains itself";
        try {
            List<Svc> out = new ArrayList<>(g.services);
            for (String n : g.nested) out.addAll(svc(group(n, false), depth + 1));
            return List.copyOf(out);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } finally {
            inProgress.remove(g.name);
        }
    }
}
