package io.lyncaudit.importer.asa;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.asa.AsaConfig.AccessGroup;
import io.lyncaudit.importer.asa.AsaConfig.AclEntry;
import io.lyncaudit.importer.asa.AsaConfig.Addr;
import io.lyncaudit.importer.asa.AsaConfig.AddrIface;
import io.lyncaudit.importer.asa.AsaConfig.AddrLiteral;
import io.lyncaudit.importer.asa.AsaConfig.AddrRef;
import io.lyncaudit.importer.asa.AsaConfig.Iface;
import io.lyncaudit.importer.asa.AsaConfig.Kind;
import io.lyncaudit.importer.asa.AsaConfig.Named;
import io.lyncaudit.importer.asa.AsaConfig.NetFqdn;
import io.lyncaudit.importer.asa.AsaConfig.NetItem;
import io.lyncaudit.importer.asa.AsaConfig.NetLiteral;
import io.lyncaudit.importer.asa.AsaConfig.NetRef;
import io.lyncaudit.importer.asa.AsaConfig.PortGroup;
import io.lyncaudit.importer.asa.AsaConfig.PortLiteral;
import io.lyncaudit.importer.asa.AsaConfig.PortSpec;
import io.lyncaudit.importer.asa.AsaConfig.ProtoLiteral;
import io.lyncaudit.importer.asa.AsaConfig.ProtoRef;
import io.lyncaudit.importer.asa.AsaConfig.StaticNat;
import io.lyncaudit.importer.asa.AsaConfig.SvcItem;
import io.lyncaudit.importer.asa.AsaConfig.SvcLiteral;
import io.lyncaudit.importer.asa.AsaConfig.SvcRef;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.policy.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage two: the raw {@link AsaConfig} into neutral policies and NAT rules. Per ingress interface
 * one first-match policy: its {@code in} ACL followed by the global ACL, or the global ACL alone,
 * or, with neither, the security-level rule (to lower levels only, to equal levels with
 * {@code same-security-traffic permit inter-interface}); each ends in the implicit deny. Each
 * {@code out} ACL is its own policy on the egress interface. Object and twice NAT become
 * {@link NatRule}s with {@code aclSeesReal}: since 8.3 ACLs name the real (untranslated) address,
 * which is what audit queries use.
 *
 * <p>Entries that depend on something not modelled become uncertain rules ({@link Rule#uncertain()}):
 * read broader than the device matches (time-range, ICMP types) they keep their match as the bound;
 * read narrower (fqdn objects, addresses learned at run time) they keep the resolved part as the
 * match and widen the unresolved operand to any address for {@code mayMatch}; entries that cannot
 * be resolved or read, or that carry identity operands, keep their place as placeholders matching
 * nothing for sure, bounded by what can be read of them. Leaving such an entry out would let the
 * rules after it decide its packets with no sign that they might not.
 *
 * <p>An access list that no {@code access-group} binds filters nothing: it is not converted, and
 * each of its lines is ignored, saying so. So is each line of an object or object-group that no
 * converted entry, no other group in use and no NAT names.
 */
final class AsaConversions {
    /** Group nesting beyond this is refused (the ASA's own limit is far lower in practice). */
    static final int MAX_DEPTH = 64;

    private final AsaConfig cfg;
    private final LineLedger ledger;
    /** The objects and groups that a converted entry, a group in use or a NAT names. */
    private final Set<Named> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Object> netMemo = new HashMap<>();
    private final Map<String, Object> svcMemo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /** The outcome: policies and NAT. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    /**
     * One ACL entry made neutral, before it is placed (and numbered) in a policy: {@code match} is
     * the importer's reading, {@code may} every packet the device might match with it and
     * {@code why} the reason they may differ (null when the entry is exact).
     */
    private record Entry(String name, Action action, PacketSet match, PacketSet may, String why, SourceRef source) {}

    /** An address operand: what the importer reads, every address the device might match (a superset), and why they differ. */
    private record Side(IntervalSet sure, IntervalSet may, List<String> why) {
        static Side exact(IntervalSet a) {
            return new Side(a, a, List.of());
        }
    }

    /** An entry's services, as {@link Side} for addresses. */
    private record Svcs(List<SvcLiteral> sure, List<SvcLiteral> may, List<String> why) {}

    /** A resolved network object or group: see {@link Side}. */
    private record Net(IntervalSet sure, IntervalSet may, Set<String> why) {}

    private AsaConversions(AsaConfig cfg, LineLedger ledger) {
        this.cfg = cfg;
        this.ledger = ledger;
    }

    static Converted convert(AsaConfig cfg, LineLedger ledger) {
        return new AsaConversions(cfg, ledger).run();
    }

    private Converted run() {
        // only the lists an access-group binds filter anything: the others are not converted
        Set<String> bound = new HashSet<>();
        for (AccessGroup g : cfg.accessGroups) bound.add(g.acl());
        Map<String, List<Entry>> acls = new LinkedHashMap<>();
        for (Map.Entry<String, List<AclEntry>> e : cfg.acls.entrySet()) {
            if (!bound.contains(e.getKey())) continue;
            List<Entry> out = new ArrayList<>();
            for (AclEntry a : e.getValue()) {
                Entry x = entry(a);
                if (x != null) out.add(x);
            }
            acls.put(e.getKey(), out);
        }
        unbound(bound);
        Map<String, AccessGroup> in = new LinkedHashMap<>(), out = new LinkedHashMap<>();
        AccessGroup global = null;
        for (AccessGroup g : cfg.accessGroups) {
            if (!acls.containsKey(g.acl())) {
                ledger.unrecognized(g.line(), "access-list " + g.acl() + " is not defined; the ASA refuses this access-group");
                continue;
            }
            if (g.binding() == null) global = g;
            else if (g.binding().direction() == Binding.Direction.IN) in.put(g.binding().iface(), g);
            else out.put(g.binding().iface(), g);
        }
        Map<String, Iface> byName = new LinkedHashMap<>();
        for (Iface f : cfg.interfaces) if (f.nameif != null) byName.put(f.nameif, f);
        Set<String> names = new LinkedHashSet<>(byName.keySet());
        names.addAll(in.keySet());

        List<Policy> policies = new ArrayList<>();
        for (String name : names) {
            AccessGroup g = in.get(name);
            if (g != null || global != null) {
                List<Entry> rules = new ArrayList<>();
                String pname = global != null ? global.acl() : null;
                if (g != null) {
                    if (g.perUserOverride()) rules.addAll(perUserOverride(g));
                    rules.addAll(acls.get(g.acl()));
                    pname = global != null ? g.acl() + " + " + global.acl() : g.acl();
                }
                if (global != null) rules.addAll(acls.get(global.acl()));
                policies.add(policy(pname, new Binding(name, Binding.Direction.IN), rules));
            } else if (byName.containsKey(name)) {
                policies.add(securityLevel(byName.get(name), byName));
            }
        }
        if (global != null && names.isEmpty()) policies.add(policy(global.acl(), null, acls.get(global.acl())));
        for (AccessGroup g : out.values()) {
            List<Entry> rules = new ArrayList<>();
            if (g.perUserOverride()) rules.addAll(perUserOverride(g));
            rules.addAll(acls.get(g.acl()));
            policies.add(policy(g.acl(), g.binding(), rules));
        }

        List<NatRule> nat = new ArrayList<>();
        Policy stage = natStage(nat);
        if (stage != null) policies.add(0, stage);
        objects();
        return new Converted(policies, nat);
    }

    /** A static translation with its addresses read: {@code real}, {@code mapped} and {@code peer} null when it cannot be read. */
    private record ReadNat(StaticNat nat, IntervalSet real, IntervalSet mapped, IntervalSet peer, String unreadable) {}

    /**
     * The NAT table as a stage in front of the access lists, in the ASA's order: manual (twice) NAT
     * in config order, then object NAT (static translations of fewer real addresses first), then
     * manual NAT after-auto. A packet arriving on a translation's mapped side addressed to its mapped
     * address goes on to the real one, and since 8.3 the access lists see that real address; the
     * first translation that matches decides (identity NAT translates nothing, and stops the look).
     * A translation of one address to one address is exact; of a block to a block each address maps
     * to its own, which a {@link Translation} (one address) cannot hold, so those packets are
     * uncertain; so are those of a translation with ports ({@code service}). Also fills
     * {@code natOut}, the address pairs the deployment's public addresses are checked against.
     *
     * @return the stage, or null when the configuration translates nothing inbound
     */
    private Policy natStage(List<NatRule> natOut) {
        List<ReadNat> read = new ArrayList<>();
        for (StaticNat n : cfg.nats) {
            try {
                IntervalSet real = natAddresses(n.real());
                IntervalSet mapped = natAddresses(n.mapped());
                if (real.isEmpty() || mapped.isEmpty()) throw new IllegalArgumentException("NAT object matches no address");
                IntervalSet peer = n.peer() == null ? Addresses.ALL : natAddresses(n.peer());
                read.add(new ReadNat(n, real, mapped, peer, null));
                natOut.add(new NatRule(mapped, real, true, SourceRef.line(ledger.file(), n.line(), ledger.text(n.line()))));
            } catch (IllegalArgumentException e) {
                ledger.unrecognized(n.line(), e.getMessage() + "; kept as an uncertain translation of any packet arriving on "
                        + n.arrivesOn());
                read.add(new ReadNat(n, null, null, null, e.getMessage()));
            }
        }
        if (read.isEmpty()) return null;
        List<ReadNat> ordered = new ArrayList<>();
        for (int section = 1; section <= 3; section++) {
            List<ReadNat> part = new ArrayList<>();
            for (ReadNat r : read) if (r.nat().section() == section) part.add(r);
            if (section == 2) {
                // object NAT: static translations by the number of real addresses, then by the first of them
                part.sort(java.util.Comparator.comparing((ReadNat r) -> r.real() == null ? java.math.BigInteger.ZERO : r.real().size())
                        .thenComparing(r -> r.real() == null || r.real().isEmpty() ? java.math.BigInteger.ZERO : r.real().start(0)));
            }
            ordered.addAll(part);
        }
        List<Rule> rules = new ArrayList<>();
        for (ReadNat r : ordered) {
            StaticNat n = r.nat();
            SourceRef src = SourceRef.line(ledger.file(), n.line(), ledger.text(n.line()));
            Set<String> from = n.arrivesOn().equalsIgnoreCase("any") ? Set.of() : Set.of(n.arrivesOn());
            String name = "nat (" + n.arrivesOn() + ")";
            if (r.unreadable() != null) {
                rules.add(new Rule(rules.size() + 1, name, Action.PERMIT, PacketSet.EMPTY, from, Set.of(), src)
                        .withUncertainty("the translation could not be read (" + r.unreadable() + "); it may translate any packet "
                                + "arriving on " + n.arrivesOn(), PacketSet.ALL));
                continue;
            }
            AsaConfig.NatService svc = n.service();
            PacketSet match = svc == null ? PacketSet.of(PacketBox.of(Protocols.ALL, r.peer(), r.mapped(), Ports.ALL))
                    : PacketSet.of(PacketBox.of(svc.protocol(), r.peer(), r.mapped(), IntervalSet.point(svc.mappedPort())));
            Rule rule = new Rule(rules.size() + 1, name, Action.PERMIT, match, from, Set.of(), src);
            IntervalSet port = svc == null || svc.realPort() == svc.mappedPort() ? null : IntervalSet.point(svc.realPort());
            if (!r.real().equals(r.mapped()) || port != null) {
                if (r.real().size().equals(java.math.BigInteger.ONE) && r.mapped().size().equals(java.math.BigInteger.ONE)) {
                    rule = rule.withTranslation(new Translation(r.real().equals(r.mapped()) ? null : r.real(), port, false));
                } else {
                    rule = new Rule(rule.index(), name, Action.PERMIT, PacketSet.EMPTY, from, Set.of(), src)
                            .withUncertainty("static NAT of " + Addresses.format(r.mapped()) + " to " + Addresses.format(r.real())
                                    + " maps each address to its own, and only a translation to one address is modelled: where "
                                    + "these packets go, and so what the access lists see, is uncertain", match);
                }
            }
            if (n.ported()) {
                rule = rule.withUncertainty("the translation is limited to and changes the ports of service objects, which is not "
                        + "modelled", match);
            }
            rules.add(rule);
        }
        return new Policy("nat", PolicyKind.FIRST_MATCH, null, Action.PERMIT, rules);
    }

    /** Each line of an access list that no access-group binds: ignored, as the list filters nothing. */
    private void unbound(Set<String> bound) {
        for (Map.Entry<String, List<Integer>> e : cfg.aclLines.entrySet()) {
            String acl = e.getKey();
            if (bound.contains(acl)) continue;
            String why = cfg.controlPlaneAcls.contains(acl)
                    ? "access-list " + acl + " is bound to the control plane only: it filters traffic to the ASA itself, which the audit does not ask about"
                    : "access-list " + acl + " is bound to no interface: it filters nothing";
            for (int line : e.getValue()) ledger.ignored(line, why);
            for (AclEntry a : cfg.acls.getOrDefault(acl, List.of())) {
                // a line that cannot be read stays unrecognized: the binding it lacks might be one that could not be read either
                if (a.unreadable() != null) ledger.unrecognized(a.line(), a.unreadable() + "; " + why);
            }
        }
    }

    /**
     * The lines of every object and object-group: used when something converted names it (the
     * members the audit cannot resolve, fqdn and ICMP types, unsupported), else ignored.
     */
    private void objects() {
        List<Named> all = new ArrayList<>(cfg.objects.values());
        all.addAll(cfg.groups.values());
        for (Named n : all) {
            if (!used.contains(n)) {
                String why = (n.isGroup() ? "object-group " : "object ") + n.name
                        + " is named by no access-list bound to an interface and by no NAT: it filters nothing";
                for (int line : n.lines) ledger.ignored(line, why);
                continue;
            }
            for (NetItem item : n.nets) {
                if (item instanceof NetFqdn f) {
                    ledger.unsupported(f.line(), "fqdn objects are not resolved; rules using the object may match any address it resolves to");
                }
            }
            for (SvcItem item : n.svcs) {
                if (item instanceof SvcLiteral l && l.broader() != null) {
                    ledger.unsupported(l.line(), "ICMP types are not modelled; the service matches every ICMP type");
                }
            }
            for (int line : n.lines) ledger.used(line);
        }
    }

    /** The object ({@code group} false) or object-group named, or null; a named one is in use. */
    private Named named(String name, boolean group) {
        Named n = group ? cfg.groups.get(name) : cfg.objects.get(name);
        if (n != null) used.add(n);
        return n;
    }

    private final Set<String> policyNames = new HashSet<>();

    /** Policy names are unique: an ACL bound more than once is named with its interface and direction. */
    private Policy policy(String acl, Binding binding, List<Entry> entries) {
        String name = acl;
        if (!policyNames.add(name) && binding != null) {
            name = acl + " (" + binding.iface() + " " + binding.direction().json() + ")";
            policyNames.add(name);
        }
        List<Rule> rules = new ArrayList<>();
        for (Entry e : entries) {
            // the index is the position in the policy: placeholders count like any entry
            Rule r = new Rule(rules.size() + 1, e.name(), e.action(), e.match(), Set.of(), Set.of(), e.source());
            rules.add(e.why() == null ? r : r.withUncertainty(e.why(), e.may()));
        }
        return new Policy(name, PolicyKind.FIRST_MATCH, binding, Action.DENY, rules);
    }

    /**
     * With per-user-override, an ACL downloaded for an authenticated user replaces this access-group
     * for that user's traffic, and it may permit or deny anything. Two placeholders in front, a
     * permit and a deny that match nothing for sure but may match any packet, make every decision
     * of the policy uncertain, whichever way it goes.
     */
    private List<Entry> perUserOverride(AccessGroup g) {
        SourceRef src = SourceRef.line(ledger.file(), g.line(), ledger.text(g.line()));
        String why = "per-user-override: an ACL downloaded for an authenticated user replaces access-list " + g.acl()
                + " for that user's traffic; it may ";
        return List.of(new Entry("per-user-override", Action.PERMIT, PacketSet.EMPTY, PacketSet.ALL, why + "permit any packet", src),
                new Entry("per-user-override", Action.DENY, PacketSet.EMPTY, PacketSet.ALL, why + "deny any packet", src));
    }

    private static int level(Iface f) {
        if (f.level != null) return f.level;
        return "inside".equalsIgnoreCase(f.nameif) ? 100 : 0; // the ASA's defaults
    }

    private Policy securityLevel(Iface f, Map<String, Iface> all) {
        Set<String> lower = new LinkedHashSet<>();
        for (Iface o : all.values()) {
            if (o == f) continue;
            if (level(f) > level(o) || (level(f) == level(o) && cfg.sameSecurityInter)) lower.add(o.nameif);
        }
        List<Rule> rules = new ArrayList<>();
        int line = f.levelLine > 0 ? f.levelLine : f.nameifLine;
        if (!lower.isEmpty()) {
            rules.add(new Rule(1, "security-level", Action.PERMIT, PacketSet.ALL, Set.of(f.nameif), lower,
                    SourceRef.line(ledger.file(), line, ledger.text(line))));
        }
        return new Policy("security-level " + f.nameif, PolicyKind.FIRST_MATCH, new Binding(f.nameif, Binding.Direction.IN),
                Action.DENY, rules);
    }

    // ---- entries --------------------------------------------------------------------------------

    private Entry entry(AclEntry a) {
        int line = a.line();
        SourceRef source = SourceRef.line(ledger.file(), line, ledger.text(line));
        if (a.unreadable() != null) {
            // the placeholder keeps its position and action
            ledger.unrecognized(line, a.unreadable() + "; kept as an uncertain " + a.action().json() + " that may match any packet");
            return new Entry(null, a.action(), PacketSet.EMPTY, PacketSet.ALL,
                    "the entry could not be read (" + a.unreadable() + "); it may match any packet", source);
        }
        if (a.inactive()) {
            ledger.ignored(line, "inactive: the ASA skips this entry");
            return null;
        }
        Side src = side(a.src(), line);
        Side dst = side(a.dst(), line);
        Svcs svcs = services(a);
        PacketSet match = boxes(svcs.sure(), src.sure(), dst.sure());
        PacketSet may = boxes(svcs.may(), src.may(), dst.may());
        List<String> why = new ArrayList<>(svcs.why());
        why.addAll(src.why());
        why.addAll(dst.why());
        if (!a.conditions().isEmpty()) {
            // such operands only narrow the entry: the device matches part of what the rest names
            match = PacketSet.EMPTY;
            why.add(unsupported(line, "identity or TrustSec condition '" + String.join("', '", a.conditions())
                    + "' is not modelled; the rule may match part of what it names"));
        }
        if (a.timeRange() != null) {
            why.add(unsupported(line, "time-range " + a.timeRange() + " is not modelled; the rule is treated as always active"));
        }
        if (a.icmpType()) why.add(unsupported(line, "ICMP types are not modelled; the rule is treated as matching every ICMP type"));
        if (may.isEmpty()) {
            ledger.ignored(line, "the entry matches no packet; left out");
            return null;
        }
        ledger.used(line);
        return new Entry(null, a.action(), match, may, why.isEmpty() ? null : String.join("; ", new LinkedHashSet<>(why)), source);
    }

    private String unsupported(int line, String reason) {
        ledger.unsupported(line, reason);
        return reason;
    }

    private static PacketSet boxes(List<SvcLiteral> svcs, IntervalSet src, IntervalSet dst) {
        List<PacketBox> boxes = new ArrayList<>();
        for (SvcLiteral s : svcs) {
            boolean ported = AsaNames.ported(s.protocols());
            PacketBox b = new PacketBox(s.protocols(), src, dst, ported ? s.sourcePorts() : Ports.ALL,
                    ported ? s.destinationPorts() : Ports.ALL);
            if (!b.isEmpty()) boxes.add(b);
        }
        return PacketSet.union(boxes);
    }

    /** The services of an entry; one that cannot be resolved may be any protocol and port. */
    private Svcs services(AclEntry a) {
        int line = a.line();
        List<String> why = new ArrayList<>();
        List<SvcLiteral> sure;
        List<SvcLiteral> may;
        if (a.proto() instanceof ProtoLiteral p) {
            IntervalSet sp = ports(a.srcPorts(), line, why), dp = ports(a.dstPorts(), line, why);
            sure = List.of(new SvcLiteral(line, p.protocols(), sp == null ? IntervalSet.EMPTY : sp, dp == null ? IntervalSet.EMPTY : dp));
            may = List.of(new SvcLiteral(line, p.protocols(), sp == null ? Ports.ALL : sp, dp == null ? Ports.ALL : dp));
            return new Svcs(sure, may, why);
        }
        ProtoRef r = (ProtoRef) a.proto();
        try {
            sure = serviceRef(a, r);
            may = sure;
        } catch (IllegalArgumentException e) {
            String kind = cfg.unmodelled.get(r.name());
            String reason = kind != null
                    ? (r.group() ? "object-group " : "object ") + r.name() + " (" + kind + ") is not modelled; it may match any protocol and port"
                    : e.getMessage() + "; it may match any protocol and port";
            if (kind != null) ledger.unsupported(line, reason);
            else ledger.unrecognized(line, reason);
            return new Svcs(List.of(), List.of(new SvcLiteral(line, Protocols.ALL, Ports.ALL, Ports.ALL)), List.of(reason));
        }
        for (SvcLiteral s : sure) {
            if (s.broader() != null && !why.contains(s.broader())) {
                ledger.unsupported(line, s.broader());
                why.add(s.broader());
            }
        }
        return new Svcs(sure, may, why);
    }

    private List<SvcLiteral> serviceRef(AclEntry a, ProtoRef r) {
        Named n = named(r.name(), r.group());
        if (n == null) throw new IllegalArgumentException((r.group() ? "object-group " : "object ") + r.name() + " is not defined");
        if (n.kind == Kind.PORT_GROUP) {
            // a typed service group in protocol position: its type is the protocol, its ports the destination
            return svc(n, 0);
        }
        if (n.kind != Kind.SERVICE_GROUP && n.kind != Kind.SERVICE_OBJECT && n.kind != Kind.PROTOCOL_GROUP) {
            throw new IllegalArgumentException(r.name() + " is not a service or protocol object");
        }
        if (n.kind == Kind.PROTOCOL_GROUP && (a.srcPorts() != null || a.dstPorts() != null)) {
            // ports after a protocol group restrict its port-carrying members; the others cannot match a port
            IntervalSet sp = ports(a.srcPorts()), dp = ports(a.dstPorts());
            List<SvcLiteral> out = new ArrayList<>();
            for (SvcLiteral s : svc(n, 0)) {
                IntervalSet ported = s.protocols().intersect(Protocols.PORTED);
                if (!ported.isEmpty()) out.add(new SvcLiteral(s.line(), ported, sp, dp, s.broader()));
            }
            if (out.isEmpty()) throw new IllegalArgumentException("ports are given but object-group " + r.name() + " has no TCP, UDP or SCTP member");
            return out;
        }
        return svc(n, 0);
    }

    /** A port operand, or null when it is a port group that cannot be resolved (then it may be any port). */
    private IntervalSet ports(PortSpec p, int line, List<String> why) {
        try {
            return ports(p);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage() + "; it may match any port";
            ledger.unrecognized(line, reason);
            why.add(reason);
            return null;
        }
    }

    private IntervalSet ports(PortSpec p) {
        if (p == null) return Ports.ALL;
        if (p instanceof PortLiteral l) return l.ports();
        String name = ((PortGroup) p).name();
        IntervalSet out = IntervalSet.EMPTY;
        for (SvcLiteral s : svc(named(name, true), 0)) out = out.union(s.destinationPorts());
        return out;
    }

    /** An address operand of an ACL entry; what cannot be resolved may be any address. */
    private Side side(Addr a, int line) {
        if (a instanceof AddrLiteral l) return Side.exact(l.addresses());
        if (a instanceof AddrIface f) {
            Iface i = iface(f.nameif());
            if (i != null && !i.learned.isEmpty()) {
                String reason = "interface " + f.nameif() + " has an address learned at run time; it may match any "
                        + family(i.learned) + "address";
                ledger.unsupported(line, reason);
                return new Side(i.address, i.address.union(i.learned), List.of(reason));
            }
            if (i != null && !i.address.isEmpty()) return Side.exact(i.address);
            String reason = (i == null ? "interface " + f.nameif() + " is not defined (no nameif " + f.nameif() + ")"
                    : "interface " + f.nameif() + " has no address") + "; it may match any address";
            ledger.unrecognized(line, reason);
            return new Side(IntervalSet.EMPTY, Addresses.ALL, List.of(reason));
        }
        AddrRef r = (AddrRef) a;
        Named n = named(r.name(), r.group());
        String reason;
        try {
            if (n == null) {
                String kind = cfg.unmodelled.get(r.name());
                if (kind != null) {
                    reason = (r.group() ? "object-group " : "object ") + r.name() + " (" + kind + ") is not modelled; it may match any address";
                    ledger.unsupported(line, reason);
                    return new Side(IntervalSet.EMPTY, Addresses.ALL, List.of(reason));
                }
                throw new IllegalArgumentException((r.group() ? "object-group " : "object ") + r.name() + " is not defined");
            }
            Net net = net(n, 0);
            for (String w : net.why()) ledger.unsupported(line, w);
            return new Side(net.sure(), net.may(), List.copyOf(net.why()));
        } catch (IllegalArgumentException e) {
            reason = e.getMessage() + "; it may match any address";
            ledger.unrecognized(line, reason);
            return new Side(IntervalSet.EMPTY, Addresses.ALL, List.of(reason));
        }
    }

    private static String family(IntervalSet s) {
        return Addresses.ALL_V4.containsAll(s) ? "IPv4 " : Addresses.ALL_V6.containsAll(s) ? "IPv6 " : "";
    }

    private Iface iface(String nameif) {
        for (Iface i : cfg.interfaces) if (nameif.equals(i.nameif)) return i;
        return null;
    }

    /** A NAT operand: what the importer reads; NAT is not a matter of rule matching, so what is unresolved is only reported. */
    private IntervalSet natAddresses(Addr a) {
        if (a instanceof AddrLiteral l) return l.addresses();
        if (a instanceof AddrIface f) {
            Iface i = iface(f.nameif());
            if (i == null) throw new IllegalArgumentException("interface " + f.nameif() + " is not defined (no nameif " + f.nameif() + ")");
            if (i.address.isEmpty()) throw new IllegalArgumentException("interface " + f.nameif() + " has no static address");
            return i.address;
        }
        AddrRef r = (AddrRef) a;
        Named n = named(r.name(), r.group());
        if (n == null) throw new IllegalArgumentException((r.group() ? "object-group " : "object ") + r.name() + " is not defined");
        return net(n, 0).sure();
    }

    // ---- resolution with cycle and depth checks ---------------------------------------------------

    private Net net(Named n, int depth) {
        String key = (n.isGroup() ? "g:" : "o:") + n.name;
        Object m = netMemo.get(key);
        if (m == null) {
            m = resolveNet(n, key, depth);
            netMemo.put(key, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (Net) m;
    }

    private Object resolveNet(Named n, String key, int depth) {
        if (n.kind != Kind.NETWORK_OBJECT && n.kind != Kind.NETWORK_GROUP) return n.name + " is not a network object or group";
        if (depth > MAX_DEPTH) return "groups nested deeper than " + MAX_DEPTH + " (at " + n.name + ")";
        if (!inProgress.add(key)) return "object-group " + n.name + " contains itself";
        try {
            List<IntervalSet> parts = new ArrayList<>();
            List<IntervalSet> mays = new ArrayList<>();
            Set<String> why = new LinkedHashSet<>();
            for (NetItem item : n.nets) {
                if (item instanceof NetLiteral l) {
                    parts.add(l.addresses());
                } else if (item instanceof NetFqdn f) {
                    // the name resolves at run time: read as no address, but it may be any address of its family
                    mays.add(f.family());
                    why.add("fqdn object " + n.name + " is not resolved; it may match any " + family(f.family()) + "address");
                } else {
                    NetRef r = (NetRef) item;
                    Named c = named(r.name(), r.group());
                    if (c == null && cfg.unmodelled.containsKey(r.name())) {
                        mays.add(Addresses.ALL);
                        why.add((r.group() ? "object-group " : "object ") + r.name() + " (" + cfg.unmodelled.get(r.name())
                                + ", in " + n.name + ") is not modelled; it may match any address");
                        continue;
                    }
                    if (c == null) return (r.group() ? "object-group " : "object ") + r.name() + " (in " + n.name + ") is not defined";
                    Net sub = net(c, depth + 1);
                    parts.add(sub.sure());
                    mays.add(sub.may());
                    why.addAll(sub.why());
                }
            }
            IntervalSet sure = IntervalSet.unionOf(parts);
            mays.add(sure);
            return new Net(sure, IntervalSet.unionOf(mays), why);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } finally {
            inProgress.remove(key);
        }
    }

    @SuppressWarnings("unchecked")
    private List<SvcLiteral> svc(Named n, int depth) {
        String key = (n.isGroup() ? "g:" : "o:") + n.name;
        Object m = svcMemo.get(key);
        if (m == null) {
            m = resolveSvc(n, key, depth);
            svcMemo.put(key, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (List<SvcLiteral>) m;
    }

    private Object resolveSvc(Named n, String key, int depth) {
        if (n.kind == Kind.NETWORK_OBJECT || n.kind == Kind.NETWORK_GROUP) return n.name + " is not a service, port or protocol group";
        if (depth > MAX_DEPTH) return "groups nested deeper than " + MAX_DEPTH + " (at " + n.name + ")";
        if (!inProgress.add(key)) return "object-group " + n.name + " contains itself";
        try {
            List<SvcLiteral> out = new ArrayList<>();
            for (SvcItem item : n.svcs) {
                if (item instanceof SvcLiteral l) {
                    out.add(l);
                } else {
                    SvcRef r = (SvcRef) item;
                    Named c = named(r.name(), r.group());
                    if (c == null) return (r.group() ? "object-group " : "object ") + r.name() + " (in " + n.name + ") is not defined";
                    if (n.kind == Kind.PORT_GROUP && c.kind != Kind.PORT_GROUP) return c.name + " (in " + n.name + ") is not a port group";
                    out.addAll(svc(c, depth + 1));
                }
            }
            return List.copyOf(out);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } finally {
            inProgress.remove(key);
        }
    }
}
