package io.lyncaudit.importer.asa;

import io.lyncaudit.importer.Ledger;

import io.lyncaudit.importer.asa.AsaConfig.AccessGroup;
import io.lyncaudit.importer.asa.AsaConfig.AclEntry;
import io.lyncaudit.importer.asa.AsaConfig.Addr;
import io.lyncaudit.importer.asa.AsaConfig.AddrIface;
import io.lyncaudit.importer.asa.AsaConfig.AddrLiteral;
import io.lyncaudit.importer.asa.AsaConfig.AddrRef;
import io.lyncaudit.importer.asa.AsaConfig.Iface;
import io.lyncaudit.importer.asa.AsaConfig.Kind;
import io.lyncaudit.importer.asa.AsaConfig.Named;
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
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 */
final class AsaConversions {
    /** Group nesting beyond this is refused (the ASA's own limit is far lower in practice). */
    static final int MAX_DEPTH = 64;

    private final AsaConfig cfg;
    private final Ledger ledger;
    private final Map<String, Object> netMemo = new HashMap<>();
    private final Map<String, Object> svcMemo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /** The outcome: policies and NAT. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    /** One ACL entry made neutral, before it is placed (and numbered) in a policy. */
    private record Entry(Action action, PacketSet match, SourceRef source) {}

    private AsaConversions(AsaConfig cfg, Ledger ledger) {
        this.cfg = cfg;
        this.ledger = ledger;
    }

    static Converted convert(AsaConfig cfg, Ledger ledger) {
        return new AsaConversions(cfg, ledger).run();
    }

    private Converted run() {
        Map<String, List<Entry>> acls = new LinkedHashMap<>();
        for (Map.Entry<String, List<AclEntry>> e : cfg.acls.entrySet()) {
            List<Entry> out = new ArrayList<>();
            for (AclEntry a : e.getValue()) {
                Entry x = entry(a);
                if (x != null) out.add(x);
            }
            acls.put(e.getKey(), out);
        }
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
        for (AccessGroup g : out.values()) policies.add(policy(g.acl(), g.binding(), acls.get(g.acl())));

        List<NatRule> nat = new ArrayList<>();
        for (StaticNat n : cfg.nats) {
            try {
                IntervalSet real = addresses(n.real(), n.line());
                IntervalSet mapped = addresses(n.mapped(), n.line());
                if (real.isEmpty() || mapped.isEmpty()) throw new IllegalArgumentException("NAT object matches no address");
                nat.add(new NatRule(mapped, real, true, SourceRef.line(ledger.file(), n.line(), ledger.fullText(n.line()))));
            } catch (IllegalArgumentException e) {
                ledger.unrecognized(n.line(), e.getMessage());
            }
        }
        return new Converted(policies, nat);
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
            rules.add(new Rule(rules.size() + 1, null, e.action(), e.match(), Set.of(), Set.of(), e.source()));
        }
        return new Policy(name, PolicyKind.FIRST_MATCH, binding, Action.DENY, rules);
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
                    SourceRef.line(ledger.file(), line, ledger.fullText(line))));
        }
        return new Policy("security-level " + f.nameif, PolicyKind.FIRST_MATCH, new Binding(f.nameif, Binding.Direction.IN),
                Action.DENY, rules);
    }

    // ---- entries --------------------------------------------------------------------------------

    private Entry entry(AclEntry a) {
        int line = a.line();
        if (a.inactive()) {
            ledger.ignored(line, "inactive: the ASA skips this entry");
            return null;
        }
        try {
            IntervalSet src = addresses(a.src(), line);
            IntervalSet dst = addresses(a.dst(), line);
            List<SvcLiteral> svcs = services(a);
            List<PacketBox> boxes = new ArrayList<>();
            for (SvcLiteral s : svcs) {
                boolean ported = AsaNames.ported(s.protocols());
                PacketBox b = new PacketBox(s.protocols(), src, dst, ported ? s.sourcePorts() : Ports.ALL,
                        ported ? s.destinationPorts() : Ports.ALL);
                if (!b.isEmpty()) boxes.add(b);
            }
            if (boxes.isEmpty()) {
                ledger.unsupported(line, src.isEmpty() || dst.isEmpty()
                        ? "the entry matches no address (an fqdn object or an empty group); left out"
                        : "the entry matches no packet; left out");
                return null;
            }
            if (a.timeRange() != null) {
                ledger.unsupported(line, "time-range " + a.timeRange() + " is not modelled; the rule is treated as always active");
            }
            if (a.icmpType()) ledger.unsupported(line, "ICMP types are not modelled; the rule matches every ICMP type");
            return new Entry(a.action(), PacketSet.union(boxes), SourceRef.line(ledger.file(), line, ledger.fullText(line)));
        } catch (IllegalArgumentException e) {
            ledger.unrecognized(line, e.getMessage() + "; the entry is left out");
            return null;
        }
    }

    private List<SvcLiteral> services(AclEntry a) {
        if (a.proto() instanceof ProtoLiteral p) {
            IntervalSet sp = ports(a.srcPorts()), dp = ports(a.dstPorts());
            return List.of(new SvcLiteral(a.line(), p.protocols(), sp, dp));
        }
        ProtoRef r = (ProtoRef) a.proto();
        Named n = r.group() ? cfg.groups.get(r.name()) : cfg.objects.get(r.name());
        if (n == null) throw new IllegalArgumentException((r.group() ? "object-group " : "object ") + r.name() + " is not defined");
        if (n.kind == Kind.PORT_GROUP) {
            // a typed service group in protocol position: its type is the protocol, its ports the destination
            List<SvcLiteral> out = new ArrayList<>();
            for (SvcLiteral s : svc(n, 0)) out.add(s);
            return out;
        }
        if (n.kind != Kind.SERVICE_GROUP && n.kind != Kind.SERVICE_OBJECT && n.kind != Kind.PROTOCOL_GROUP) {
            throw new IllegalArgumentException(r.name() + " is not a service or protocol object");
        }
        if (n.kind == Kind.PROTOCOL_GROUP && (a.srcPorts() != null || a.dstPorts() != null)) {
            // ports after a protocol group restrict its port-carrying members; the others cannot match a port
            IntervalSet sp = ports(a.srcPorts()), dp = ports(a.dstPorts());
            List<SvcLiteral> out = new ArrayList<>();
            for (SvcLiteral s : svc(n, 0)) {
                IntervalSet ported = s.protocols().intersect(Protocols.TCP_UDP.union(IntervalSet.point(132)));
                if (!ported.isEmpty()) out.add(new SvcLiteral(s.line(), ported, sp, dp));
            }
            if (out.isEmpty()) throw new IllegalArgumentException("ports are given but object-group " + r.name() + " has no TCP, UDP or SCTP member");
            return out;
        }
        return svc(n, 0);
    }

    private IntervalSet ports(PortSpec p) {
        if (p == null) return Ports.ALL;
        if (p instanceof PortLiteral l) return l.ports();
        String name = ((PortGroup) p).name();
        IntervalSet out = IntervalSet.EMPTY;
        for (SvcLiteral s : svc(cfg.groups.get(name), 0)) out = out.union(s.destinationPorts());
        return out;
    }

    private IntervalSet addresses(Addr a, int line) {
        if (a instanceof AddrLiteral l) return l.addresses();
        if (a instanceof AddrIface f) {
            for (Iface i : cfg.interfaces) {
                if (f.nameif().equals(i.nameif)) {
                    if (i.address.isEmpty()) throw new IllegalArgumentException("interface " + f.nameif() + " has no static address");
                    return i.address;
                }
            }
            throw new IllegalArgumentException("interface " + f.nameif() + " is not defined (no nameif " + f.nameif() + ")");
        }
        AddrRef r = (AddrRef) a;
        Named n = r.group() ? cfg.groups.get(r.name()) : cfg.objects.get(r.name());
        if (n == null) throw new IllegalArgumentException((r.group() ? "object-group " : "object ") + r.name() + " is not defined");
        return net(n, 0);
    }

    // ---- resolution with cycle and depth checks ---------------------------------------------------

    private IntervalSet net(Named n, int depth) {
        String key = (n.isGroup() ? "g:" : "o:") + n.name;
        Object m = netMemo.get(key);
        if (m == null) {
            m = resolveNet(n, key, depth);
            netMemo.put(key, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (IntervalSet) m;
    }

    private Object resolveNet(Named n, String key, int depth) {
        if (n.kind != Kind.NETWORK_OBJECT && n.kind != Kind.NETWORK_GROUP) return n.name + " is not a network object or group";
        if (depth > MAX_DEPTH) return "groups nested deeper than " + MAX_DEPTH + " (at " + n.name + ")";
        if (!inProgress.add(key)) return "object-group " + n.name + " contains itself";
        try {
            List<IntervalSet> parts = new ArrayList<>();
            for (NetItem item : n.nets) {
                if (item instanceof NetLiteral l) {
                    parts.add(l.addresses());
                } else {
                    NetRef r = (NetRef) item;
                    Named c = r.group() ? cfg.groups.get(r.name()) : cfg.objects.get(r.name());
                    if (c == null) return (r.group() ? "object-group " : "object ") + r.name() + " (in " + n.name + ") is not defined";
                    parts.add(net(c, depth + 1));
                }
            }
            return IntervalSet.unionOf(parts);
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
                    Named c = r.group() ? cfg.groups.get(r.name()) : cfg.objects.get(r.name());
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
