package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.Ledger;

import io.lyncaudit.importer.ios.IosConfig.Addr;
import io.lyncaudit.importer.ios.IosConfig.AddrLiteral;
import io.lyncaudit.importer.ios.IosConfig.AccessGroup;
import io.lyncaudit.importer.ios.IosConfig.Entry;
import io.lyncaudit.importer.ios.IosConfig.Group;
import io.lyncaudit.importer.ios.IosConfig.ProtoGroup;
import io.lyncaudit.importer.ios.IosConfig.ProtoLiteral;
import io.lyncaudit.importer.ios.IosConfig.Svc;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage two: {@link IosConfig} into neutral policies. Each {@code ip access-group} becomes one
 * first-match policy on its interface and direction, ending in the implicit deny; traffic through
 * interfaces without an ACL is permitted (the import's unbound default). An access-group naming an
 * ACL that does not exist (or has no entries) filters nothing on IOS, and is reported.
 *
 * <p>{@code established} matches TCP segments with ACK or RST set: return traffic of connections
 * opened the other way. The audit asks about new connections, so such entries match none of them
 * and are left out, with an ignored diagnostic saying so.
 */
final class IosConversions {
    static final int MAX_DEPTH = 64;

    private final IosConfig cfg;
    private final Ledger ledger;
    private final Map<String, Object> netMemo = new HashMap<>();
    private final Map<String, Object> svcMemo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Set<String> policyNames = new HashSet<>();

    private IosConversions(IosConfig cfg, Ledger ledger) {
        this.cfg = cfg;
        this.ledger = ledger;
    }

    static List<Policy> convert(IosConfig cfg, Ledger ledger) {
        return new IosConversions(cfg, ledger).run();
    }

    private List<Policy> run() {
        Map<String, List<Rule>> rules = new HashMap<>();
        for (Map.Entry<String, List<Entry>> e : cfg.acls.entrySet()) {
            List<Rule> out = new ArrayList<>();
            for (Entry x : e.getValue()) {
                PacketSet m = match(x);
                if (m != null) {
                    SourceRef src = SourceRef.line(ledger.file(), x.line(), ledger.fullText(x.line()));
                    out.add(new Rule(out.size() + 1, null, x.action(), m, Set.of(), Set.of(), src));
                }
            }
            rules.put(e.getKey(), out);
        }
        List<Policy> policies = new ArrayList<>();
        for (AccessGroup g : cfg.accessGroups) {
            List<Entry> entries = cfg.acls.get(g.acl());
            if (entries == null || entries.isEmpty()) {
                ledger.unsupported(g.line(), "access-list " + g.acl() + (entries == null ? " is not defined" : " has no entries")
                        + "; IOS then filters nothing on this interface");
                continue;
            }
            String name = g.acl();
            if (!policyNames.add(name)) {
                name = g.acl() + " (" + g.binding().iface() + " " + g.binding().direction().json() + ")";
                policyNames.add(name);
            }
            policies.add(new Policy(name, PolicyKind.FIRST_MATCH, g.binding(), Action.DENY, rules.get(g.acl())));
        }
        return policies;
    }

    private PacketSet match(Entry e) {
        int line = e.line();
        if (e.established()) {
            ledger.ignored(line, "'established' matches return traffic only (TCP with ACK or RST); "
                    + "it decides no new connection, so the entry is left out");
            return null;
        }
        try {
            IntervalSet src = addresses(e.src());
            IntervalSet dst = addresses(e.dst());
            List<Svc> svcs = e.proto() instanceof ProtoLiteral p
                    ? List.of(new Svc(p.protocols(), e.srcPorts(), e.dstPorts()))
                    : svc(group(((ProtoGroup) e.proto()).name(), false), 0);
            List<PacketBox> boxes = new ArrayList<>();
            for (Svc s : svcs) {
                boolean ported = IosNames.ported(s.protocols());
                PacketBox b = new PacketBox(s.protocols(), src, dst, ported ? s.sourcePorts() : Ports.ALL,
                        ported ? s.destinationPorts() : Ports.ALL);
                if (!b.isEmpty()) boxes.add(b);
            }
            if (boxes.isEmpty()) {
                ledger.ignored(line, "the entry matches no packet; left out");
                return null;
            }
            if (e.unsupported() != null) ledger.unsupported(line, e.unsupported());
            return PacketSet.union(boxes);
        } catch (IllegalArgumentException x) {
            ledger.unrecognized(line, x.getMessage() + "; the entry is left out");
            return null;
        }
    }

    private Group group(String name, boolean network) {
        Group g = cfg.groups.get(name);
        if (g == null) throw new IllegalArgumentException("object-group " + name + " is not defined");
        if (g.network != network) throw new IllegalArgumentException("object-group " + name + " is not a " + (network ? "network" : "service") + " group");
        return g;
    }

    private IntervalSet addresses(Addr a) {
        if (a instanceof AddrLiteral l) return l.addresses();
        return net(group(((IosConfig.AddrGroup) a).name(), true), 0);
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
