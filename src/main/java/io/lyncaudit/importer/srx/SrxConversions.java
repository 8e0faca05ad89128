package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.MatchSpan;
import io.lyncaudit.importer.srx.SrxConfig.Context;
import io.lyncaudit.importer.srx.SrxConfig.NatRuleSet;
import io.lyncaudit.importer.srx.SrxConfig.Pool;
import io.lyncaudit.importer.srx.SrxConfig.SecurityPolicy;
import io.lyncaudit.importer.srx.SrxConfig.StandIn;
import io.lyncaudit.importer.srx.SrxConfig.Zone;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.policy.Translation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage three: the raw model into the stages of the SRX's packet path (the objects that rules
 * name are resolved by {@link SrxObjects}).
 *
 * <ol>
 *   <li><b>security nat</b> (hook prerouting: before the route and policy lookups, on the way
 *       through the device and to it): static NAT rules, then destination NAT rules, each in the
 *       order of their rule-set's context (interface, then zone, then routing instance: the most
 *       specific wins) and within a rule-set in order. A rule that translates is a permit with
 *       its {@link Translation}; {@code destination-nat off} a permit without one; the default
 *       lets the untranslated rest pass. Later stages see the translated destination.</li>
 *   <li><b>security policies</b> (hook forward: traffic through the device): the policies of
 *       each from-zone to-zone context in order, each limited to its two zones, then the global
 *       policies, then the default policy ({@code deny-all} unless {@code permit-all} is said).</li>
 *   <li><b>host-inbound-traffic</b> (hook input: traffic to the device itself, the
 *       {@value Hook#HOST} pseudo-interface): dropped unless a zone's host-inbound-traffic lets it
 *       in; which system services and protocols it lets in is not modelled (uncertain).</li>
 *   <li><b>security policies from-zone Z to-zone junos-host</b> (hook input): where such policies
 *       exist, traffic from Z to the device must also pass them, ending in the default policy;
 *       policies from junos-host likewise on the device's own traffic (hook output).</li>
 * </ol>
 * Source NAT happens after the policy lookup and changes only the source of what was permitted:
 * it is left out, saying so. Where something that filters cannot be read (a stateless filter on a
 * zone's interface, a group that cannot be inherited) the policies get a stand-in that may match
 * anything between its zones, so the verdicts it could change are uncertain.
 */
final class SrxConversions {
    static final String JUNOS_HOST = "junos-host";

    record Converted(List<Policy> policies, List<NatRule> nat) {}

    private final SrxConfig cfg;
    private final SrxReader reader;
    private final String file;
    private final SrxObjects objects;

    private SrxConversions(SrxReader reader, String file) {
        this.cfg = reader.cfg;
        this.reader = reader;
        this.file = file;
        this.objects = new SrxObjects(reader);
    }

    static Converted convert(SrxReader reader, String file) {
        return new SrxConversions(reader, file).run();
    }

    private Converted run() {
        filters();
        List<Policy> out = new ArrayList<>();
        List<NatRule> nat = new ArrayList<>();
        Policy natStage = natStage(nat);
        if (natStage != null) out.add(natStage);
        out.add(forwardStage());
        out.add(hostInbound());
        out.addAll(hostStages(true));
        out.addAll(hostStages(false));
        zonesUsed(out);
        return new Converted(out, nat);
    }

    /** The statements that define a zone (its interfaces) are used when a rule or stage names the zone. */
    private void zonesUsed(List<Policy> policies) {
        Set<String> named = new HashSet<>();
        for (Policy p : policies) {
            if (p.binding() != null) named.add(p.binding().iface());
            for (Rule r : p.rules()) {
                named.addAll(r.fromZones());
                named.addAll(r.toZones());
            }
        }
        for (String n : named) {
            Zone z = cfg.zones.get(n);
            if (z == null) continue;
            for (SrxStatement st : z.interfaces.values()) if (!st.is(6, "host-inbound-traffic")) objects.use(st);
            for (SrxStatement st : z.statements) if (st.size() == 4) objects.use(st);
        }
    }

    // ------------------------------------------------------------------ security policies

    private static Set<String> zone(String z) {
        return JUNOS_HOST.equals(z) ? Set.of(Hook.HOST) : Set.of(z);
    }

    /** The zones of a global policy's {@code match from-zone}/{@code to-zone} (empty: any), junos-host kept as it is written. */
    private Set<String> globalZones(List<SrxStatement> sts) {
        Set<String> out = new LinkedHashSet<>();
        for (SrxStatement st : sts) {
            objects.use(st);
            String z = st.word(st.size() - 1);
            if (z.equals("any")) return Set.of();
            out.add(z);
        }
        return out;
    }

    /** A policy as a rule between {@code from} and {@code to} (names as the evaluator knows them), or null when it has no action. */
    private Rule policyRule(SecurityPolicy p, Set<String> from, Set<String> to) {
        if (p.actionWord == null) {
            reader.unsupported(p.first, "policy " + p.name + " has no action ('then permit', 'deny' or 'reject'): Junos does not "
                    + "commit such a policy; it is left out");
            return null;
        }
        String zoneFrom = p.global() ? null : p.from, zoneTo = p.global() ? null : p.to;
        SrxObjects.Addrs src = addresses(p.source, zoneFrom, "source-address", p);
        SrxObjects.Addrs dst = addresses(p.destination, zoneTo, "destination-address", p);
        MatchSpan app = names(p.application, s -> objects.application(s.word(s.size() - 1), s), "application", p);
        if (p.sourceExcluded != null) {
            objects.use(p.sourceExcluded);
            src = src.not();
        }
        if (p.destinationExcluded != null) {
            objects.use(p.destinationExcluded);
            dst = dst.not();
        }
        MatchSpan m = src.span(true).intersect(dst.span(false)).intersect(app);
        for (SrxStatement st : p.narrowing) {
            reader.unsupported(st, "'" + st.word(st.words.indexOf("match") + 1) + "' narrows the policy to traffic this reader cannot "
                    + "tell apart; the policy is uncertain");
            m = m.intersect(SrxObjects.over(PacketSet.ALL, "policy " + p.name + " matches only traffic of " + condition(st)));
        }
        objects.useAll(p.dynamicAny);
        if (p.scheduler != null) {
            reader.unsupported(p.scheduler, "a schedule makes the policy apply at some times only; it is uncertain");
            List<SrxStatement> sch = cfg.schedulers.get(p.scheduler.word(p.scheduler.size() - 1));
            if (sch != null) objects.useAll(sch);
            m = m.intersect(SrxObjects.over(PacketSet.ALL, "policy " + p.name + " applies only at the times scheduler "
                    + p.scheduler.word(p.scheduler.size() - 1) + " gives"));
        }
        for (SrxStatement st : p.permitConditions) {
            reader.unsupported(st, "this option of the permit may refuse some of the traffic the policy matches; it is uncertain");
            m = m.intersect(SrxObjects.over(PacketSet.ALL, "policy " + p.name + " permits only what '" + condition(st) + "' lets through"));
        }
        objects.useAll(p.permitOptions);
        SrxStatement ref = p.actionStatements.get(0);
        for (SrxStatement st : p.actionStatements) {
            objects.use(st);
            if (st.words.get(st.size() - 1).equals(p.actionWord)) ref = st;
        }
        Action action = p.actionWord.equals("permit") ? Action.PERMIT : Action.DENY;
        Rule r = new Rule(0, p.name, action, m.set(), from, to, SourceRef.line(file, ref.line, ref.text()));
        return m.mark(r, 0);
    }

    /** What a match or then statement says, for reasons ({@code dynamic-application junos:HTTP}). */
    private static String condition(SrxStatement st) {
        int i = st.words.indexOf("match");
        if (i < 0) i = st.words.indexOf("then");
        return String.join(" ", st.words.subList(i + 1, st.size()));
    }

    /** The addresses a policy names for one side, resolved in the books of {@code zone}. */
    private SrxObjects.Addrs addresses(List<SrxStatement> sts, String zone, String what, SecurityPolicy p) {
        if (sts.isEmpty()) {
            reader.unsupported(p.first, "policy " + p.name + " has no 'match " + what + "' (Junos requires one); it may match anything");
            return SrxObjects.Addrs.unknown(Addresses.ALL, "policy " + p.name + " has no " + what + ": it may match any address");
        }
        SrxObjects.Addrs s = SrxObjects.Addrs.exact(IntervalSet.EMPTY);
        for (SrxStatement st : sts) {
            objects.use(st);
            s = s.union(objects.address(st.word(st.size() - 1), zone, st));
        }
        return s;
    }

    private MatchSpan names(List<SrxStatement> sts, java.util.function.Function<SrxStatement, MatchSpan> resolve, String what,
                            SecurityPolicy p) {
        if (sts.isEmpty()) {
            reader.unsupported(p.first, "policy " + p.name + " has no 'match " + what + "' (Junos requires one); it may match anything");
            return SrxObjects.unknown(PacketSet.ALL, "policy " + p.name + " has no " + what + ": it may match any traffic");
        }
        MatchSpan s = SrxObjects.exact(PacketSet.EMPTY);
        for (SrxStatement st : sts) {
            objects.use(st);
            s = s.union(resolve.apply(st));
        }
        return s;
    }

    private Action defaultAction() {
        if (cfg.defaultPolicy == null) return Action.DENY;
        objects.use(cfg.defaultPolicy);
        return cfg.defaultPolicy.is(3, "permit-all") ? Action.PERMIT : Action.DENY;
    }

    private SourceRef defaultSource() {
        return cfg.defaultPolicy == null ? null : SourceRef.line(file, cfg.defaultPolicy.line, cfg.defaultPolicy.text());
    }

    /** Traffic through the device: every zone context's policies in order, the global policies, the default policy. */
    private Policy forwardStage() {
        List<Rule> rules = new ArrayList<>(standIns());
        for (Map.Entry<Context, Map<String, SecurityPolicy>> e : cfg.contexts.entrySet()) {
            Context c = e.getKey();
            if (JUNOS_HOST.equals(c.from()) || JUNOS_HOST.equals(c.to())) continue;
            for (SecurityPolicy p : e.getValue().values()) {
                Rule r = policyRule(p, Set.of(c.from()), Set.of(c.to()));
                if (r != null) rules.add(r);
            }
        }
        for (SecurityPolicy p : cfg.global.values()) {
            Set<String> from = globalZones(p.fromZones), to = globalZones(p.toZones);
            // traffic to or from the device itself is the host stages' business
            Set<String> fromT = without(from, JUNOS_HOST), toT = without(to, JUNOS_HOST);
            if (fromT == null || toT == null) continue;
            Rule r = policyRule(p, fromT, toT);
            if (r != null) rules.add(r);
        }
        return new Policy("security policies", PolicyKind.FIRST_MATCH, null, defaultAction(), number(rules), defaultSource(),
                PacketSet.ALL, Hook.FORWARD);
    }

    /** The zones without {@code z}; null when {@code z} was the only one (nothing is left), the empty set (any) staying any. */
    private static Set<String> without(Set<String> zones, String z) {
        if (zones.isEmpty() || !zones.contains(z)) return zones;
        Set<String> out = new LinkedHashSet<>(zones);
        out.remove(z);
        return out.isEmpty() ? null : out;
    }

    private static List<Rule> number(List<Rule> rules) {
        List<Rule> out = new ArrayList<>(rules.size());
        for (Rule r : rules) out.add(r.withIndex(out.size() + 1));
        return out;
    }

    /** Stand-ins for what filters and cannot be read: first in the policies, they may decide anything between their zones. */
    private List<Rule> standIns() {
        List<Rule> out = new ArrayList<>();
        for (StandIn s : cfg.standIns) {
            Set<String> from = s.fromZone() == null ? Set.of() : Set.of(s.fromZone());
            Set<String> to = s.toZone() == null ? Set.of() : Set.of(s.toZone());
            SourceRef ref = SourceRef.line(file, s.at().line, s.at().text());
            out.add(new Rule(0, null, Action.DENY, PacketSet.EMPTY, from, to, ref).withUncertainty(s.reason(), PacketSet.ALL));
            if (!s.denyOnly()) {
                out.add(new Rule(0, null, Action.PERMIT, PacketSet.EMPTY, from, to, ref).withUncertainty(s.reason(), PacketSet.ALL));
            }
        }
        return out;
    }

    /** Stateless filters on the interfaces of a zone: not modelled, each a stand-in that may refuse anything through its zone. */
    private void filters() {
        for (SrxReader.FilterUse f : reader.filterUses) {
            String zone = cfg.zoneOf(f.iface());
            if (zone == null) continue;
            String why = "stateless firewall filter " + f.filter() + " on interface " + f.iface() + " (zone " + zone + ", " + (f.input()
                    ? "input" : "output") + ") is not modelled: it may drop any traffic " + (f.input() ? "from" : "to") + " the zone";
            reader.unsupported(f.st(), why);
            List<SrxStatement> def = reader.filters.get(f.filter());
            if (def != null) for (SrxStatement st : def) reader.unsupported(st, "the terms of firewall filter " + f.filter()
                    + " are not modelled (it is applied to an interface of zone " + zone + ")");
            cfg.standIns.add(new StandIn(f.st(), why, f.input() ? zone : null, f.input() ? null : zone, false, true));
        }
    }

    // ------------------------------------------------------------------ traffic to and from the device

    /** Traffic to the device: dropped unless the zone's host-inbound-traffic lets it in (not modelled: uncertain). */
    private Policy hostInbound() {
        List<Rule> rules = new ArrayList<>();
        for (Zone z : cfg.zones.values()) {
            if (z.hostInbound.isEmpty()) continue;
            SrxStatement first = z.hostInbound.get(0);
            String why = "host-inbound-traffic of zone " + z.name + " (which system services and protocols reach the device) is not "
                    + "modelled: traffic to the device from this zone may be accepted";
            for (SrxStatement st : z.hostInbound) reader.unsupported(st, "host-inbound-traffic is not modelled; traffic to the device "
                    + "from zone " + z.name + " is uncertain");
            rules.add(new Rule(0, null, Action.PERMIT, PacketSet.EMPTY, Set.of(z.name), Set.of(),
                    SourceRef.line(file, first.line, first.text())).withUncertainty(why, PacketSet.ALL));
        }
        return new Policy("host-inbound-traffic", PolicyKind.FIRST_MATCH, null, Action.DENY, number(rules), null, PacketSet.ALL, Hook.INPUT);
    }

    /**
     * Policies to junos-host ({@code inbound}: traffic to the device, hook input) or from it (its
     * own traffic, hook output): one policy per zone that has such policies, bound to that zone,
     * ending in the default policy. Traffic of a zone without any passes.
     */
    private List<Policy> hostStages(boolean inbound) {
        Map<String, List<Rule>> perZone = new LinkedHashMap<>();
        for (Map.Entry<Context, Map<String, SecurityPolicy>> e : cfg.contexts.entrySet()) {
            Context c = e.getKey();
            String zone = inbound ? c.from() : c.to();
            if (!JUNOS_HOST.equals(inbound ? c.to() : c.from()) || JUNOS_HOST.equals(zone)) continue;
            List<Rule> rules = perZone.computeIfAbsent(zone, k -> new ArrayList<>());
            for (SecurityPolicy p : e.getValue().values()) {
                Rule r = policyRule(p, zone(c.from()), zone(c.to()));
                if (r != null) rules.add(r);
            }
        }
        List<Map.Entry<SecurityPolicy, Set<String>>> globals = new ArrayList<>();
        for (SecurityPolicy p : cfg.global.values()) {
            Set<String> from = globalZones(p.fromZones), to = globalZones(p.toZones);
            Set<String> host = inbound ? to : from, other = inbound ? from : to;
            if (!host.contains(JUNOS_HOST)) continue;
            globals.add(Map.entry(p, other));
            if (other.isEmpty()) {
                for (String z : cfg.zones.keySet()) perZone.computeIfAbsent(z, k -> new ArrayList<>());
            } else {
                for (String z : other) if (!JUNOS_HOST.equals(z)) perZone.computeIfAbsent(z, k -> new ArrayList<>());
            }
        }
        List<Policy> out = new ArrayList<>();
        for (Map.Entry<String, List<Rule>> e : perZone.entrySet()) {
            String z = e.getKey();
            List<Rule> rules = new ArrayList<>(e.getValue());
            for (Map.Entry<SecurityPolicy, Set<String>> g : globals) {
                if (!g.getValue().isEmpty() && !g.getValue().contains(z)) continue;
                Set<String> zs = Set.of(z), host = Set.of(Hook.HOST);
                Rule r = policyRule(g.getKey(), inbound ? zs : host, inbound ? host : zs);
                if (r != null) rules.add(r);
            }
            String name = inbound ? "security policies from-zone " + z + " to-zone junos-host"
                    : "security policies from-zone junos-host to-zone " + z;
            out.add(new Policy(name, PolicyKind.FIRST_MATCH, new Binding(z, inbound ? Binding.Direction.IN : Binding.Direction.OUT),
                    defaultAction(), number(rules), defaultSource(), PacketSet.ALL, inbound ? Hook.INPUT : Hook.OUTPUT));
        }
        return out;
    }

    // ------------------------------------------------------------------ NAT

    /** Where a rule-set applies: the zones, how specific its context is (0 interface, 1 zone, 2 routing instance), and why inexact. */
    private record Where(Set<String> zones, int rank, String why) {}

    private List<Where> contexts(NatRuleSet rs) {
        List<Where> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SrxStatement st : rs.from) {
            String kind = st.word(6), name = st.word(7);
            if (!seen.add(kind + " " + name)) continue; // said twice, set once
            switch (kind) {
                case "zone" -> out.add(new Where(Set.of(name), 1, null));
                case "interface" -> {
                    String zone = cfg.zoneOf(name);
                    if (zone == null) continue;
                    int n = cfg.zones.get(zone).interfaces.size();
                    out.add(new Where(Set.of(zone), 0, n <= 1 ? null : "rule-set " + rs.name + " applies to traffic from interface "
                            + name + " only, one of the " + n + " interfaces of zone " + zone));
                }
                default -> {
                    Map<String, SrxStatement> ri = cfg.routingInstances.getOrDefault(name, Map.of());
                    for (Zone z : cfg.zones.values()) {
                        int in = 0;
                        for (String i : z.interfaces.keySet()) {
                            boolean member = name.equals("default") ? !inAnyInstance(i) : ri.containsKey(i);
                            if (member) in++;
                        }
                        if (in == 0) continue;
                        if (!name.equals("default")) for (String i : z.interfaces.keySet()) if (ri.containsKey(i)) objects.use(ri.get(i));
                        out.add(new Where(Set.of(z.name), 2, in == z.interfaces.size() ? null : "rule-set " + rs.name
                                + " applies to traffic from routing instance " + name + ", which holds " + in + " of the "
                                + z.interfaces.size() + " interfaces of zone " + z.name));
                    }
                }
            }
        }
        return out;
    }

    private boolean inAnyInstance(String iface) {
        for (Map<String, SrxStatement> m : cfg.routingInstances.values()) if (m.containsKey(iface)) return true;
        return false;
    }

    private Policy natStage(List<NatRule> nat) {
        List<Rule> rules = new ArrayList<>();
        for (boolean isStatic : new boolean[] {true, false}) {
            Map<String, NatRuleSet> sets = isStatic ? cfg.staticNat : cfg.destinationNat;
            // the most specific context first: interface, zone, routing instance
            for (int rank = 0; rank <= 2; rank++) {
                for (NatRuleSet rs : sets.values()) {
                    List<Where> ws = contexts(rs);
                    for (Where w : ws) {
                        if (w.rank != rank) continue;
                        for (SrxConfig.NatRule r : rs.rules.values()) {
                            Rule rule = natRule(rs, r, w, nat);
                            if (rule != null) {
                                rules.add(rule);
                                objects.useAll(rs.from);
                            }
                        }
                    }
                }
            }
            for (NatRuleSet rs : sets.values()) {
                if (rs.from.isEmpty()) {
                    for (SrxConfig.NatRule r : rs.rules.values()) {
                        for (SrxStatement st : r.then) reader.unsupported(st, "rule-set " + rs.name + " says no 'from' context: Junos does "
                                + "not commit it; its rules are left out");
                    }
                }
            }
        }
        if (rules.isEmpty()) return null;
        return new Policy("security nat", PolicyKind.FIRST_MATCH, null, Action.PERMIT, number(rules), null, PacketSet.ALL, Hook.PREROUTING);
    }

    /** One NAT rule in one context: a permit that translates (or not, for {@code destination-nat off}); null when it cannot be read at all. */
    private Rule natRule(NatRuleSet rs, SrxConfig.NatRule r, Where w, List<NatRule> nat) {
        String label = (rs.isStatic ? "static" : "destination") + " NAT rule " + rs.name + "/" + r.name;
        if (r.then.isEmpty()) {
            reader.unsupported(r.first, label + " has no 'then': Junos does not commit it; it is left out");
            return null;
        }
        List<String> whys = new ArrayList<>();
        // the mapped (destination) addresses: inline prefixes or names of the global address book
        MatchSpan dst = SrxObjects.exact(PacketSet.EMPTY);
        IntervalSet mapped = IntervalSet.EMPTY;
        boolean anyDst = false;
        for (SrxStatement st : r.destination) {
            objects.use(st);
            try {
                IntervalSet a = Addresses.parse(st.word(st.size() - 1));
                mapped = mapped.union(a);
                dst = dst.union(SrxObjects.exact(SrxObjects.side(a, false)));
                anyDst = true;
            } catch (IllegalArgumentException e) {
                reader.unsupported(st, "'" + st.word(st.size() - 1) + "' is not an address or prefix");
                dst = dst.union(SrxObjects.unknown(PacketSet.ALL, label + ": its destination address cannot be read"));
                anyDst = true;
            }
        }
        for (SrxStatement st : r.destinationName) {
            objects.use(st);
            SrxObjects.Addrs s = objects.address(st.word(st.size() - 1), null, st);
            dst = dst.union(s.span(false));
            if (s.exact()) mapped = mapped.union(s.set());
            anyDst = true;
        }
        if (!anyDst) {
            if (rs.isStatic) {
                reader.unsupported(r.first, label + " has no 'match destination-address' (Junos requires one); it is left out");
                return null;
            }
            dst = SrxObjects.exact(PacketSet.ALL);
        }
        MatchSpan src = null;
        for (SrxStatement st : r.source) {
            objects.use(st);
            MatchSpan s;
            try {
                s = SrxObjects.exact(SrxObjects.side(Addresses.parse(st.word(st.size() - 1)), true));
            } catch (IllegalArgumentException e) {
                reader.unsupported(st, "'" + st.word(st.size() - 1) + "' is not an address or prefix");
                s = SrxObjects.unknown(PacketSet.ALL, label + ": a source address cannot be read");
            }
            src = src == null ? s : src.union(s);
        }
        for (SrxStatement st : r.sourceName) {
            objects.use(st);
            MatchSpan s = objects.address(st.word(st.size() - 1), null, st).span(true);
            src = src == null ? s : src.union(s);
        }
        MatchSpan m = src == null ? dst : dst.intersect(src);
        // destination ports (with the protocols named, or every protocol with ports) and applications
        IntervalSet dports = null;
        for (SrxStatement st : r.destinationPort) {
            objects.use(st);
            IntervalSet p = natPorts(st);
            if (p == null) {
                reader.unsupported(st, "'" + String.join(" ", st.words.subList(st.words.indexOf("destination-port") + 1, st.size()))
                        + "' is not a port or range");
                whys.add(label + ": its destination port cannot be read");
                p = Ports.ALL;
            }
            dports = dports == null ? p : dports.union(p);
        }
        IntervalSet protos = null;
        for (SrxStatement st : r.protocol) {
            objects.use(st);
            int p = SrxDefaults.protocol(st.word(st.size() - 1));
            if (p < 0) {
                reader.unsupported(st, "unknown protocol '" + st.word(st.size() - 1) + "'");
                whys.add(label + ": a protocol cannot be read");
                continue;
            }
            protos = protos == null ? IntervalSet.point(p) : protos.union(IntervalSet.point(p));
        }
        if (dports != null || protos != null) {
            IntervalSet ps = protos != null ? protos : Protocols.PORTED;
            PacketSet svc = PacketSet.EMPTY;
            for (int i = 0; i < ps.intervalCount(); i++) {
                for (long p = ps.startLong(i); p <= ps.endLong(i); p++) {
                    svc = svc.union(SrxDefaults.box((int) p, dports != null && Protocols.hasPorts((int) p) ? dports : Ports.ALL));
                }
            }
            m = m.intersect(SrxObjects.exact(svc));
        }
        if (!r.application.isEmpty()) {
            MatchSpan apps = SrxObjects.exact(PacketSet.EMPTY);
            for (SrxStatement st : r.application) {
                objects.use(st);
                apps = apps.union(objects.application(st.word(st.size() - 1), st));
            }
            m = m.intersect(apps);
        }
        for (SrxStatement st : r.unmodelled) {
            reader.unsupported(st, "this NAT condition is not modelled; the rule is uncertain");
            m = m.intersect(SrxObjects.over(PacketSet.ALL, label + " matches only traffic of " + condition(st)));
        }
        if (w.why != null) m = m.intersect(SrxObjects.over(PacketSet.ALL, w.why));
        for (String why : whys) m = m.intersect(SrxObjects.over(PacketSet.ALL, why));
        // the translation
        Translation t = null;
        SrxStatement ref = r.then.get(0);
        List<String> tWhy = new ArrayList<>();
        IntervalSet real = null;
        if (rs.isStatic) {
            Static st = staticTarget(r, label);
            if (st == null) return null;
            ref = st.ref;
            real = st.prefix;
            if (st.why != null) tWhy.add(st.why);
            IntervalSet to = first(st.prefix);
            if (!st.prefix.size().equals(BigInteger.ONE) || !mapped.size().equals(BigInteger.ONE)) {
                tWhy.add(label + " translates " + (mapped.isEmpty() ? "its addresses" : Addresses.format(mapped)) + " to "
                        + Addresses.format(st.prefix) + ", each address to its own: read as all to " + Addresses.format(to));
            }
            IntervalSet port = null;
            if (st.port != null) {
                port = first(st.port);
                if (!st.port.size().equals(BigInteger.ONE)) {
                    tWhy.add(label + " maps ports " + Ports.format(st.port) + " each to its own: read as all to " + Ports.format(port));
                }
            }
            t = new Translation(to, port, false);
        } else {
            SrxStatement then = null;
            for (SrxStatement s : r.then) {
                then = s;
                objects.use(s);
            }
            ref = then;
            int i = then.words.indexOf("destination-nat");
            String how = then.word(i + 1);
            if ("off".equals(how)) {
                t = null;
            } else if ("pool".equals(how) && then.word(i + 2) != null) {
                Target pt = poolTarget(then.word(i + 2), then, label);
                if (pt == null) {
                    m = m.intersect(SrxObjects.over(PacketSet.ALL, label + ": pool " + then.word(i + 2) + " cannot be read"));
                    t = null;
                    tWhy.add(label + " translates to pool " + then.word(i + 2) + ", which cannot be read: read as not translating");
                } else {
                    real = pt.address;
                    if (pt.why != null) tWhy.add(pt.why);
                    t = new Translation(first(pt.address), pt.port, false);
                }
            } else {
                reader.unsupported(then, "expected 'destination-nat pool NAME' or 'destination-nat off'");
                return null;
            }
        }
        if (m.isEmpty()) return null;
        Rule rule = new Rule(0, rs.name + "/" + r.name, Action.PERMIT, m.set(), w.zones, Set.of(),
                SourceRef.line(file, ref.line, ref.text()));
        rule = m.mark(rule, 0);
        if (t != null) rule = rule.withTranslation(t);
        if (!tWhy.isEmpty()) rule = rule.withUncertainty(String.join("; ", tWhy), m.may());
        // the address pair of a translation (of some ports or all) is what the audit checks against the deployment's pairs
        if (real != null && !mapped.isEmpty() && mapped.intervalCount() == 1 && real.intervalCount() == 1 && mapped.size().equals(real.size())) {
            NatRule n = new NatRule(mapped, real, true, SourceRef.line(file, ref.line, ref.text()));
            if (!nat.contains(n)) nat.add(n); // one rule of a rule-set of several zones is one pair

        }
        return rule;
    }

    /** The destination port condition of a NAT rule: {@code destination-port P} or {@code destination-port P to Q}. */
    private static IntervalSet natPorts(SrxStatement st) {
        int i = st.words.indexOf("destination-port");
        String a = st.word(i + 1);
        if (a == null) return null;
        if (st.is(i + 2, "to") && st.word(i + 3) != null) {
            IntervalSet x = SrxObjects.ports(a), y = SrxObjects.ports(st.word(i + 3));
            if (x == null || y == null || x.intervalCount() != 1 || y.intervalCount() != 1 || x.startLong(0) > y.startLong(0)) return null;
            return IntervalSet.of(x.startLong(0), y.startLong(0));
        }
        return st.size() == i + 2 ? SrxObjects.ports(a) : null;
    }

    private static IntervalSet first(IntervalSet s) {
        return IntervalSet.of(s.start(0), s.start(0));
    }

    /** What a static NAT rule translates to: a prefix, maybe ports, and why it is not exact. */
    private record Static(IntervalSet prefix, IntervalSet port, String why, SrxStatement ref) {}

    private Static staticTarget(SrxConfig.NatRule r, String label) {
        IntervalSet prefix = null, port = null;
        String why = null;
        SrxStatement ref = null;
        for (SrxStatement st : r.then) {
            int i = st.words.indexOf("static-nat");
            String how = st.word(i + 1);
            if ("prefix".equals(how)) {
                String v = st.word(i + 2);
                if (v == null) continue;
                if (v.equals("mapped-port")) {
                    IntervalSet p = st.is(i + 4, "to") ? SrxObjects.ports(st.word(i + 3) + "-" + st.word(i + 5)) : SrxObjects.ports(st.word(i + 3));
                    if (p == null) {
                        reader.unsupported(st, "the mapped port cannot be read");
                        return null;
                    }
                    port = p;
                    objects.use(st);
                } else if (v.equals("routing-instance")) {
                    objects.use(st);
                } else {
                    try {
                        prefix = Addresses.parse(v);
                        ref = st;
                        objects.use(st);
                        // display set puts mapped-port on the same line as the prefix in some releases
                        int mp = st.words.indexOf("mapped-port");
                        if (mp > 0 && st.word(mp + 1) != null) {
                            port = st.is(mp + 2, "to") ? SrxObjects.ports(st.word(mp + 1) + "-" + st.word(mp + 3)) : SrxObjects.ports(st.word(mp + 1));
                        }
                    } catch (IllegalArgumentException e) {
                        reader.unsupported(st, "'" + v + "' is not an address or prefix");
                        return null;
                    }
                }
            } else if ("prefix-name".equals(how) && st.word(i + 2) != null) {
                SrxObjects.Addrs s = objects.address(st.word(i + 2), null, st);
                objects.use(st);
                ref = st;
                if (!s.exact() || s.set().isEmpty()) {
                    reader.unsupported(st, "the translated address " + st.word(i + 2) + " cannot be resolved to one prefix");
                    return null;
                }
                prefix = s.set();
                if (prefix.intervalCount() != 1) {
                    why = label + ": the translated address " + st.word(i + 2) + " is not one prefix";
                }
            } else {
                reader.unsupported(st, "'static-nat " + how + "' (NAT64 or NPTv6 translation) is not modelled; the rule is left out");
                return null;
            }
        }
        if (prefix == null) {
            for (SrxStatement st : r.then) reader.unsupported(st, label + " says no translated prefix; it is left out");
            return null;
        }
        return new Static(prefix, port, why, ref);
    }

    /** What a destination NAT pool translates to. */
    private record Target(IntervalSet address, IntervalSet port, String why) {}

    private Target poolTarget(String name, SrxStatement ref, String label) {
        Pool p = cfg.pools.get(name);
        if (p == null || p.address.isEmpty()) {
            reader.unsupported(ref, "pool " + name + " is not defined (or has no address)");
            return null;
        }
        IntervalSet addr = null, port = null;
        String why = null;
        for (SrxStatement st : p.address) {
            objects.use(st);
            String v = st.word(6);
            if ("port".equals(v)) {
                port = SrxObjects.ports(st.word(7));
                continue;
            }
            try {
                IntervalSet a = Addresses.parse(v);
                if (st.is(7, "to") && st.word(8) != null) {
                    a = Addresses.parse(v.split("/")[0] + "-" + st.word(8).split("/")[0]);
                } else if (st.is(7, "port") && st.word(8) != null) {
                    port = SrxObjects.ports(st.word(8));
                }
                addr = addr == null ? a : addr.union(a);
            } catch (IllegalArgumentException e) {
                reader.unsupported(st, "'" + v + "' is not an address or prefix");
                return null;
            }
        }
        if (addr == null) return null;
        if (!addr.size().equals(BigInteger.ONE)) {
            why = label + ": pool " + name + " holds " + Addresses.format(addr) + ", one address per session: read as "
                    + Addresses.format(first(addr));
        }
        if (p.other.size() > 0) objects.useAll(p.other);
        return new Target(addr, port, why);
    }
}
