package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.MatchSpan;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.Entry;
import io.lyncaudit.importer.nftables.NftRuleset.Loc;
import io.lyncaudit.importer.nftables.NftRuleset.Mapping;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.NamedSet;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.Nat;
import io.lyncaudit.importer.nftables.NftRuleset.Notrack;
import io.lyncaudit.importer.nftables.NftRuleset.Other;
import io.lyncaudit.importer.nftables.NftRuleset.Range;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.SetUpdate;
import io.lyncaudit.importer.nftables.NftRuleset.Single;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
import io.lyncaudit.importer.nftables.NftRuleset.Undecided;
import io.lyncaudit.importer.nftables.NftRuleset.Unread;
import io.lyncaudit.importer.nftables.NftRuleset.VMap;
import io.lyncaudit.importer.nftables.NftRuleset.Value;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
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
import io.lyncaudit.policy.Translation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Second stage: the raw nftables model into the stages of the packet path (one first-match policy
 * per base chain, the nat chains of a hook as one stage, regular chains inlined, maps expanded)
 * and the static NAT rules of the deployment's NAT check. See the package documentation for the
 * decisions taken here.
 */
final class NftConversions {
    static final int MAX_DEPTH = 32;
    static final int MAX_RULES = 500_000;
    static final int MAX_VISITS = 5_000_000;
    /** Elements read per named set. */
    static final int MAX_ELEMENTS = 1_000_000;
    /** Boxes one rule may read as (concatenations multiply); beyond, the concatenation is not modelled. */
    static final int MAX_BOXES = 10_000;

    private static final IntervalSet TH = Protocols.TCP_UDP.union(IntervalSet.point(132));
    private static final Set<String> STATES = Set.of("new", "established", "related", "invalid", "untracked");
    private static final Map<String, Integer> SERVICES = Map.ofEntries(Map.entry("http", 80), Map.entry("https", 443),
            Map.entry("ssh", 22), Map.entry("domain", 53), Map.entry("sip", 5060), Map.entry("sips", 5061),
            Map.entry("ldap", 389), Map.entry("ldaps", 636), Map.entry("smtp", 25), Map.entry("ntp", 123),
            Map.entry("microsoft-ds", 445), Map.entry("ms-wbt-server", 3389), Map.entry("kerberos", 88), Map.entry("www", 80),
            Map.entry("http-alt", 8080), Map.entry("telnet", 23), Map.entry("ftp", 21), Map.entry("snmp", 161));
    private static final Map<String, Integer> MORE_PROTOCOLS = Map.of("udplite", 136, "dccp", 33, "comp", 108, "ipcomp", 108,
            "ipv6-icmp", Protocols.ICMPV6, "icmp6", Protocols.ICMPV6);
    /** The selectors the model has dimensions for; a match on any other is read as matching every packet, uncertainly. */
    private static final Set<String> MODELLED = Set.of("ip saddr", "ip daddr", "ip6 saddr", "ip6 daddr", "tcp dport", "tcp sport",
            "udp dport", "udp sport", "sctp dport", "sctp sport", "th dport", "th sport", "meta l4proto", "ip protocol", "ip6 nexthdr",
            "meta nfproto", "meta protocol", "ether type", "meta iifname", "meta oifname", "meta iif", "meta oif", "ct state");

    /** Connection states a rule's condition admits for a new connection's first packet: tracked (NEW), untracked, both. */
    static final int NEW = 1, UNTRACKED = 2, ANY_STATE = 3;

    /** One decision-bearing piece of a rule: packets, interfaces, admitted states, the verdict, and a translation. */
    record Piece(MatchSpan span, Set<String> in, Set<String> out, int states, String kind, String target, Translation translation,
                 String rangeWhy, boolean notrack) {}

    /** The products. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    private final NftRuleset rs;
    private final Map<RawRule, List<Piece>> pieces = new IdentityHashMap<>();
    private int emitted;
    private int visits;
    /** What notrack rules untrack, on the way in (ingress, prerouting) and out (output). */
    private MatchSpan untrackIn = MatchSpan.exact(PacketSet.EMPTY), untrackOut = MatchSpan.exact(PacketSet.EMPTY);
    private Loc untrackInLoc, untrackOutLoc;

    private NftConversions(NftRuleset rs) {
        this.rs = rs;
    }

    static Converted convert(NftRuleset rs) throws BadInputException {
        return new NftConversions(rs).run();
    }

    // ------------------------------------------------------------------ the stages

    /** How a stage's rules are read: a filter chain, the nat chains of a hook, or a chain that may not meet the crossing at all. */
    private enum Mode { FILTER, NAT, PLACEHOLDER }

    /**
     * One stage of the path: the chains it runs (several for the nat chains of a hook), its hook,
     * its order within the hook (rank, then priority, then declaration), its device binding and
     * scope, and why its chains may not meet a crossing (placeholders only).
     */
    private static final class Stage {
        final Table table;
        final List<Chain> chains = new ArrayList<>();
        final List<Table> tables = new ArrayList<>();
        final Hook hook;
        final int rank;
        final int priority;
        final int order;
        final Mode mode;
        final Binding binding;
        final String name;
        /** Connection tracking has not run yet: ct state is not known (ingress, and prerouting and output before priority -200). */
        final boolean beforeConntrack;
        String placeholderWhy;

        Stage(Table table, Chain chain, Hook hook, int rank, int priority, Mode mode, Binding binding, String name, boolean beforeConntrack) {
            this.table = table;
            if (chain != null) {
                chains.add(chain);
                tables.add(table);
            }
            this.hook = hook;
            this.rank = rank;
            this.priority = priority;
            this.order = chain == null ? Integer.MAX_VALUE : chain.order;
            this.mode = mode;
            this.binding = binding;
            this.name = name;
            this.beforeConntrack = beforeConntrack;
        }
    }

    private Converted run() throws BadInputException {
        // sets that rules add to hold what the traffic put there: only known at run time
        for (Table t : rs.tables.values()) {
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) {
                    for (Stmt s : r.stmts()) {
                        if (s instanceof SetUpdate u && t.sets.containsKey(u.set()) && !u.op().equals("delete")) {
                            t.sets.get(u.set()).runtime("rules add to it at run time (" + r.loc().where() + ")");
                        } else if (s instanceof SetUpdate u && t.sets.containsKey(u.set())) {
                            t.sets.get(u.set()).runtime("rules delete from it at run time (" + r.loc().where() + ")");
                        }
                    }
                }
            }
        }
        List<NatRule> nat = new ArrayList<>();
        for (Table t : rs.tables.values()) {
            boolean ipLike = t.family.equals("ip") || t.family.equals("ip6") || t.family.equals("inet")
                    || t.family.equals("netdev") || t.family.equals("bridge");
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) {
                    if (!ipLike) {
                        r.loc().mark(Verdict.IGNORED, "family " + t.family + " does not filter IP traffic");
                        continue;
                    }
                    pieces.put(r, new Reading(t, r).pieces());
                    if ("nat".equals(c.type) && c.hook != null) natRecord(t, r, nat);
                }
            }
        }
        List<Stage> stages = stages();
        Map<Stage, Policy> built = new LinkedHashMap<>();
        // what notrack untracks is known before connection tracking: those stages are read first
        for (Stage st : stages) if (st.beforeConntrack) built.put(st, build(st));
        for (Stage st : stages) if (!st.beforeConntrack) built.put(st, build(st));
        List<Policy> policies = new ArrayList<>();
        for (Stage st : stages) if (built.get(st) != null) policies.add(built.get(st));
        for (Table t : rs.tables.values()) {
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) {
                    if (r.loc().has()) continue;
                    r.loc().mark(Verdict.IGNORED, c.hook != null ? "chain " + c.name + " is not a stage of the packet path"
                            : "chain " + c.name + " is not reached from a base chain");
                }
            }
        }
        return new Converted(policies, nat);
    }

    /** Every base chain as a stage, in path order; diagnoses those that are not. */
    private List<Stage> stages() {
        List<Stage> out = new ArrayList<>();
        Map<Hook, Stage> natStages = new LinkedHashMap<>();
        for (Table t : rs.tables.values()) {
            for (Chain c : t.chains.values()) {
                if (c.hook == null) continue;
                Loc hl = c.hookLoc != null ? c.hookLoc : c.decl;
                if (t.dormant != null) {
                    if (hl != null) hl.mark(Verdict.IGNORED, "table " + t.family + " " + t.name + " is dormant (" + t.dormant.where()
                            + "): its chains filter nothing");
                    for (RawRule r : c.rules) r.loc().mark(Verdict.IGNORED, "table " + t.family + " " + t.name + " is dormant");
                    continue;
                }
                if (t.family.equals("arp")) {
                    if (hl != null) hl.mark(Verdict.IGNORED, "family arp filters ARP packets, not IP traffic");
                    continue;
                }
                Integer prio = NftHooks.priority(t.family, c.priority);
                if (prio == null) {
                    if (hl != null) hl.mark(Verdict.UNSUPPORTED, "priority '" + c.priority + "' is not a number nor a standard name of family "
                            + t.family + "; read as 0 (the order among the chains of hook " + c.hook + " may differ)");
                    prio = 0;
                }
                String type = c.type == null ? "filter" : c.type;
                String name = t.family + " " + t.name + " " + c.name;
                switch (t.family) {
                    case "bridge" -> {
                        Hook h = NftHooks.bridgeHook(c.hook);
                        if (h == null) {
                            unknownHook(t, c, hl);
                            continue;
                        }
                        Stage st = new Stage(t, c, h, h == Hook.POSTROUTING ? 2 : 0, prio, Mode.PLACEHOLDER, null, name, true);
                        st.placeholderWhy = "bridge family chain " + name + " sees only frames crossing a bridge; whether this box "
                                + "bridges the interfaces of a crossing is not in the ruleset";
                        out.add(st);
                        used(c, hl);
                    }
                    case "netdev" -> {
                        boolean egress = "egress".equals(c.hook);
                        if (!"ingress".equals(c.hook) && !egress) {
                            unknownHook(t, c, hl);
                            continue;
                        }
                        devices(out, t, c, egress ? Hook.POSTROUTING : Hook.INGRESS, egress ? 3 : 0, prio, name, hl);
                    }
                    default -> {
                        Hook h = NftHooks.ipHook(c.hook);
                        if (h == null) {
                            unknownHook(t, c, hl);
                            continue;
                        }
                        if (type.equals("nat")) {
                            if (h == Hook.FORWARD || h == Hook.INGRESS) {
                                if (hl != null) hl.mark(Verdict.UNRECOGNIZED, "a nat chain cannot hook " + c.hook + " (nft refuses it)");
                                continue;
                            }
                            Stage st = natStages.get(h);
                            if (st == null) {
                                int p = h == Hook.PREROUTING || h == Hook.OUTPUT ? NftHooks.NAT_DST : NftHooks.NAT_SRC;
                                st = new Stage(t, null, h, 1, p, Mode.NAT, null, null, false);
                                natStages.put(h, st);
                                out.add(st);
                            }
                            st.chains.add(c);
                            st.tables.add(t);
                            used(c, hl);
                            continue;
                        }
                        if (!type.equals("filter") && !type.equals("route")) {
                            if (hl != null) hl.mark(Verdict.UNRECOGNIZED, "chain type '" + type + "' is not filter, route or nat");
                            continue;
                        }
                        if (h == Hook.INGRESS) {
                            devices(out, t, c, Hook.INGRESS, 0, prio, name, hl);
                            continue;
                        }
                        boolean early = (h == Hook.PREROUTING || h == Hook.OUTPUT) && prio < NftHooks.CONNTRACK;
                        out.add(new Stage(t, c, h, 1, prio, Mode.FILTER, null, name, early));
                        used(c, hl);
                    }
                }
            }
        }
        // the nat chains of a hook, in their priority order; the stage takes the declaration order of its first chain
        List<Stage> sorted = new ArrayList<>();
        for (Stage st : out) {
            if (st.mode != Mode.NAT) {
                sorted.add(st);
                continue;
            }
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < st.chains.size(); i++) idx.add(i);
            idx.sort(Comparator.comparingInt((Integer i) -> prio(st.tables.get(i), st.chains.get(i))).thenComparingInt(i -> st.chains.get(i).order));
            List<String> names = new ArrayList<>();
            for (int i : idx) names.add(st.tables.get(i).family + " " + st.tables.get(i).name + " " + st.chains.get(i).name);
            Stage ns = new Stage(st.tables.get(idx.get(0)), null, st.hook, st.rank, st.priority, Mode.NAT, null, String.join(" + ", names), false);
            for (int i : idx) {
                ns.chains.add(st.chains.get(i));
                ns.tables.add(st.tables.get(i));
            }
            sorted.add(ns);
        }
        sorted.sort(Comparator.comparingInt((Stage s) -> s.hook.ordinal()).thenComparingInt(s -> s.rank)
                .thenComparingInt(s -> s.priority).thenComparingInt(NftConversions::firstOrder));
        return sorted;
    }

    private static int firstOrder(Stage s) {
        int o = Integer.MAX_VALUE;
        for (Chain c : s.chains) o = Math.min(o, c.order);
        return o;
    }

    private static int prio(Table t, Chain c) {
        Integer p = NftHooks.priority(t.family, c.priority);
        return p == null ? 0 : p;
    }

    private static void used(Chain c, Loc hl) {
        if (hl != null) hl.used();
        if (c.policyLoc != null && c.policyLoc != hl) c.policyLoc.used();
    }

    private static void unknownHook(Table t, Chain c, Loc hl) {
        if (hl != null) hl.mark(Verdict.UNRECOGNIZED, "hook '" + c.hook + "' is not a hook of family " + t.family);
    }

    /** An ingress (or egress) chain: one stage per device it is bound to; without devices in the export, a placeholder. */
    private void devices(List<Stage> out, Table t, Chain c, Hook h, int rank, int prio, String name, Loc hl) {
        used(c, hl);
        if (c.devices.isEmpty()) {
            Stage st = new Stage(t, c, h, rank, prio, Mode.PLACEHOLDER, null, name, h == Hook.INGRESS);
            st.placeholderWhy = "the devices of " + c.hook + " chain " + name + " are not in the export; it may or may not see a crossing";
            out.add(st);
            return;
        }
        for (String d : c.devices) {
            Binding b = new Binding(d, h == Hook.INGRESS ? Binding.Direction.IN : Binding.Direction.OUT);
            out.add(new Stage(t, c, h, rank, prio, Mode.FILTER, b, c.devices.size() == 1 ? name : name + " (" + d + ")", h == Hook.INGRESS));
        }
    }

    /** The packets of a table's family. */
    private static PacketSet everything(Table t) {
        IntervalSet d = domain(t);
        return PacketSet.of(new PacketBox(Protocols.ALL, d, d, Ports.ALL, Ports.ALL));
    }

    private static IntervalSet domain(Table t) {
        return switch (t.family) {
            case "ip" -> Addresses.ALL_V4;
            case "ip6" -> Addresses.ALL_V6;
            default -> Addresses.ALL;
        };
    }

    /** The policy of one stage. */
    private Policy build(Stage st) throws BadInputException {
        Walk w = new Walk(st);
        List<Rule> out = w.out;
        Action def = Action.PERMIT;
        Loc defLoc = null;
        if (st.mode == Mode.NAT) {
            // untracked packets never meet the nat chains: they pass them untranslated
            MatchSpan untracked = untracked(st.hook);
            Loc ul = st.hook == Hook.OUTPUT ? untrackOutLoc : untrackInLoc;
            if (!untracked.isEmpty() && ul != null) emitTo(out, ul, null, Action.PERMIT, untracked, Set.of(), Set.of(), null);
            for (int i = 0; i < st.chains.size(); i++) {
                Chain c = st.chains.get(i);
                Table t = st.tables.get(i);
                w.table = t;
                Flat f = flatten(w, c, MatchSpan.exact(everything(t)), Set.of(), Set.of(), stack(c));
                // a nat chain's drop policy drops what reaches its end; accept lets it on to the next nat chain
                if ("drop".equals(c.policy) && !f.live.isEmpty()) emitTo(out, c.policyLoc != null ? c.policyLoc : c.decl, null, Action.DENY, f.live,
                        Set.of(), Set.of(), null);
            }
            String name = st.name;
            return new Policy(name, PolicyKind.FIRST_MATCH, null, Action.PERMIT, out, null, PacketSet.ALL, st.hook);
        }
        Chain c = st.chains.get(0);
        Table t = st.table;
        w.table = t;
        if ("drop".equals(c.policy)) def = Action.DENY;
        defLoc = c.policyLoc != null ? c.policyLoc : c.hookLoc;
        Flat f = flatten(w, c, MatchSpan.exact(everything(t)), Set.of(), Set.of(), stack(c));
        if (st.mode == Mode.PLACEHOLDER) return placeholder(st, out, def, f, defLoc);
        Policy p = new Policy(st.name, PolicyKind.FIRST_MATCH, st.binding, def, out, defLoc != null ? defLoc.ref() : null, PacketSet.ALL, st.hook);
        // an ip table sees IPv4 packets only, an ip6 table IPv6 only: its chain policy says nothing of the other family
        return switch (t.family) {
            case "ip" -> p.withScope(PacketSet.IPV4);
            case "ip6" -> p.withScope(PacketSet.IPV6);
            default -> p;
        };
    }

    private static List<String> stack(Chain c) {
        List<String> s = new ArrayList<>();
        s.add(c.name);
        return s;
    }

    /**
     * A chain that may or may not meet a crossing: it permits everything for sure, and each of its
     * drops (its drop policy included) is a deny rule that matches nothing for sure but may match
     * what the drop may, so every decision it could change is uncertain.
     */
    private Policy placeholder(Stage st, List<Rule> rules, Action def, Flat f, Loc defLoc) throws BadInputException {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.action() != Action.DENY || r.mayMatch().isEmpty()) continue;
            out.add(new Rule(out.size() + 1, r.name(), Action.DENY, PacketSet.EMPTY, r.fromZones(), r.toZones(), r.source())
                    .withUncertainty(st.placeholderWhy + (r.uncertain() ? "; " + r.uncertainty() : ""), r.mayMatch()));
        }
        // what may reach the end: what the walk left, less what an exactly read rule surely took
        PacketSet end = f.live.may();
        for (Rule r : rules) if (!r.uncertain()) end = end.subtract(r.match());
        if (def == Action.DENY && !end.isEmpty()) {
            Loc l = defLoc != null ? defLoc : st.chains.get(0).decl;
            out.add(new Rule(out.size() + 1, null, Action.DENY, PacketSet.EMPTY, Set.of(), Set.of(), l == null ? null : l.ref())
                    .withUncertainty(st.placeholderWhy + " (its drop policy)", end));
        }
        return new Policy(st.name, PolicyKind.FIRST_MATCH, null, Action.PERMIT, out, null, PacketSet.ALL, st.hook);
    }

    /** What notrack rules untrack, as the stages of {@code hook} see it (postrouting: from either way in). */
    private MatchSpan untracked(Hook hook) {
        return switch (hook) {
            case OUTPUT -> untrackOut;
            case POSTROUTING -> {
                if (untrackIn.isExact() && untrackOut.isExact() && untrackIn.set().equals(untrackOut.set())) yield untrackIn;
                // a packet from the box met the output notrack rules, one through it the prerouting ones
                yield untrackIn.intersect(untrackOut).union(MatchSpan.unknown(untrackIn.may().union(untrackOut.may()), 0,
                        "whether the packet was untracked depends on the way it came (notrack rules on prerouting and output differ)", null));
            }
            default -> untrackIn;
        };
    }

    // ------------------------------------------------------------------ walking a chain

    /** The state of one stage's walk. */
    private final class Walk {
        final Stage stage;
        final List<Rule> out = new ArrayList<>();
        Table table;
        /** Interfaces known at this hook: no output interface before routing. */
        final boolean oifKnown;

        Walk(Stage stage) {
            this.stage = stage;
            this.oifKnown = stage.hook != Hook.INGRESS && stage.hook != Hook.PREROUTING && stage.hook != Hook.INPUT;
        }

        boolean nat() {
            return stage.mode == Mode.NAT;
        }

        /** The packets in the connection states {@code states}, at this stage. */
        MatchSpan states(int states, Loc at) {
            if (stage.beforeConntrack) {
                return MatchSpan.over(PacketSet.ALL, at.id, at.label(), "a ct state match before connection tracking (priority "
                        + NftHooks.CONNTRACK + ") is not modelled", "the rule is treated as matching every state");
            }
            MatchSpan untracked = untracked(stage.hook);
            if (states == UNTRACKED) return untracked;
            return MatchSpan.exact(PacketSet.ALL).minus(untracked);
        }
    }

    /** What a walk of a chain leaves: the packets that ended the base chain with accept (nat stages) and those that fell off its end. */
    private record Flat(MatchSpan ended, MatchSpan live) {}

    private static final MatchSpan NONE = MatchSpan.exact(PacketSet.EMPTY);

    private Flat flatten(Walk w, Chain chain, MatchSpan ctx, Set<String> ctxIn, Set<String> ctxOut, List<String> stack) throws BadInputException {
        boolean top = stack.size() == 1;
        // the packets that reach the current rule: surely, as read, possibly (see MatchSpan)
        MatchSpan live = ctx;
        MatchSpan ended = NONE;
        for (RawRule r : chain.rules) {
            List<Piece> ps = pieces.get(r);
            if (ps == null) continue;
            for (Piece p : ps) {
                if (live.isEmpty()) return new Flat(ended, live);
                if (++visits > MAX_VISITS) {
                    throw new BadInputException(r.loc().file.display, r.loc().line, "flattening the chains takes more than " + MAX_VISITS
                            + " rule visits (jumps fan out too much)");
                }
                Set<String> in = meet(ctxIn, p.in), outZ = meet(ctxOut, p.out);
                if (in == null || outZ == null) continue;
                if (!outZ.isEmpty() && !w.oifKnown) {
                    if (!r.loc().has()) r.loc().mark(Verdict.IGNORED, "the output interface is not known on hook " + w.stage.hook.json()
                            + " (before routing): the rule never matches there");
                    continue;
                }
                MatchSpan hit = p.span.intersect(live);
                if (p.states != ANY_STATE) hit = hit.intersect(w.states(p.states, r.loc()));
                boolean untracks = w.stage.beforeConntrack && w.stage.mode != Mode.PLACEHOLDER;
                if (p.kind.equals("notrack") && !untracks) {
                    r.loc().mark(Verdict.IGNORED, "notrack after connection tracking (priority " + NftHooks.CONNTRACK + ") has no effect");
                    continue;
                }
                r.loc().used();
                if (hit.isEmpty()) continue;
                if (r.unplaced()) {
                    live = undecided(w, live, hit, r, in, outZ, "the rule's position in chain " + chain.name + " is not known");
                    continue;
                }
                if (p.notrack) untrack(w, hit, r);
                switch (p.kind) {
                    case "accept" -> {
                        if (w.nat()) {
                            ended = ended.union(hit);
                            live = live.minus(hit);
                        } else {
                            emit(w, r, Action.PERMIT, hit, in, outZ);
                        }
                    }
                    case "drop", "reject" -> emit(w, r, Action.DENY, hit, in, outZ);
                    case "continue", "notrack" -> { }
                    case "return" -> {
                        Flat f = doReturn(w, r, top, chain, hit, in, outZ, ctxIn, ctxOut, live);
                        live = f.live;
                        ended = ended.union(f.ended);
                    }
                    case "jump", "goto" -> {
                        Chain next = w.table.chains.get(p.target);
                        String skip = next == null || next.hook != null ? "chain " + p.target + " is not a regular chain of table "
                                + w.table.family + " " + w.table.name
                                : stack.contains(p.target) ? "jump loop " + String.join(" -> ", stack) + " -> " + p.target
                                : stack.size() >= MAX_DEPTH ? "jumps nested deeper than " + MAX_DEPTH : null;
                        if (skip != null) {
                            r.loc().mark(Verdict.UNSUPPORTED, skip + "; the jump is skipped");
                            String why = next == null || next.hook != null ? "not a regular chain" : stack.contains(p.target) ? "jump loop"
                                    : "nested too deep";
                            live = undecided(w, live, hit, r, in, outZ, "the " + p.kind + " to " + p.target + " is skipped (" + why + ") and may decide");
                            continue;
                        }
                        stack.add(p.target);
                        Flat f = flatten(w, next, hit, in, outZ, stack);
                        stack.remove(stack.size() - 1);
                        if (w.nat() && !f.ended.isEmpty()) {
                            live = live.minus(f.ended);
                            ended = ended.union(f.ended);
                        }
                        if (p.kind.equals("goto")) {
                            Flat g = doReturn(w, r, top, chain, hit.minus(f.ended), in, outZ, ctxIn, ctxOut, live);
                            live = g.live;
                            ended = ended.union(g.ended);
                        }
                    }
                    case "dnat", "redirect" -> {
                        if (!w.nat()) {
                            r.loc().mark(Verdict.UNSUPPORTED, p.kind + " outside a nat chain (nft refuses it); the rule is skipped");
                            live = undecided(w, live, hit, r, in, outZ, p.kind + " outside a nat chain is not modelled and may decide");
                        } else {
                            translate(w, r, p, hit, in, outZ);
                        }
                    }
                    case "snat", "masquerade" -> {
                        if (!w.nat()) {
                            r.loc().mark(Verdict.UNSUPPORTED, p.kind + " outside a nat chain (nft refuses it); the rule is skipped");
                            live = undecided(w, live, hit, r, in, outZ, p.kind + " outside a nat chain is not modelled and may decide");
                        } else {
                            // source translation ends the nat chains of the hook; no later stage is judged on the source
                            emit(w, r, Action.PERMIT, hit, in, outZ);
                        }
                    }
                    default -> {
                        String what = p.kind.equals("undecided") ? p.target : "verdict " + p.kind;
                        r.loc().mark(Verdict.UNSUPPORTED, what + (p.kind.equals("undecided") ? " is not modelled; what it decides is uncertain"
                                : " is not modelled; the rule is skipped"));
                        live = undecided(w, live, hit, r, in, outZ, what + " is not modelled and may decide");
                    }
                }
            }
        }
        return new Flat(ended, live);
    }

    /** A return (or the end of a goto's chain): back to the caller, or at the top the base chain's policy decides. */
    private Flat doReturn(Walk w, RawRule r, boolean top, Chain chain, MatchSpan hit, Set<String> in, Set<String> outZ,
                          Set<String> ctxIn, Set<String> ctxOut, MatchSpan live) throws BadInputException {
        if (top) {
            boolean drop = "drop".equals(chain.policy);
            if (!w.nat()) {
                emit(w, r, drop ? Action.DENY : Action.PERMIT, hit, in, outZ);
                return new Flat(NONE, live);
            }
            if (drop) {
                emit(w, r, Action.DENY, hit, in, outZ);
                return new Flat(NONE, live);
            }
            return new Flat(hit, live.minus(hit));
        }
        if (!in.equals(ctxIn) || !outZ.equals(ctxOut)) {
            r.loc().mark(Verdict.UNSUPPORTED, "a return limited to an interface inside a regular chain is not modelled; the packets continue in the chain");
            // read as not returning; on the device some of these packets leave the chain here
            return new Flat(NONE, live.minus(MatchSpan.unknown(hit.may(), r.loc().id, r.loc().label(),
                    "a return limited to an interface is not modelled", null)));
        }
        return new Flat(NONE, live.minus(hit));
    }

    /**
     * What reaches the rules after {@code r}, a rule whose verdict is not modelled (queue, a skipped
     * jump): read as continuing, but the device may decide some of {@code hit} there, either way. A
     * permit and a deny placeholder that match nothing for sure stand for it, each with {@code hit}
     * as what it may match, so every later decision on those packets, the chain policy's included,
     * is uncertain.
     */
    private MatchSpan undecided(Walk w, MatchSpan live, MatchSpan hit, RawRule r, Set<String> in, Set<String> outZ, String reason)
            throws BadInputException {
        for (Action a : new Action[] {Action.PERMIT, Action.DENY}) {
            count(r.loc());
            w.out.add(new Rule(w.out.size() + 1, r.comment(), a, PacketSet.EMPTY, in, outZ, r.loc().ref()).withUncertainty(reason, hit.may()));
        }
        return live.minus(MatchSpan.unknown(hit.may(), r.loc().id, r.loc().label(), reason, null));
    }

    private void count(Loc at) throws BadInputException {
        if (++emitted > MAX_RULES) throw new BadInputException(at.file.display, at.line, "flattening the chains gives more than " + MAX_RULES + " rules");
    }

    private void emit(Walk w, RawRule r, Action a, MatchSpan hit, Set<String> in, Set<String> outZ) throws BadInputException {
        emitTo(w.out, r.loc(), r.comment(), a, hit, in, outZ, null);
    }

    private void emitTo(List<Rule> out, Loc at, String name, Action a, MatchSpan hit, Set<String> in, Set<String> outZ, Translation t)
            throws BadInputException {
        count(at);
        Rule rule = hit.mark(new Rule(out.size() + 1, name, a, hit.set(), in, outZ, at.ref()), at.id);
        out.add(t == null ? rule : rule.withTranslation(t));
    }

    /** A dnat or redirect of a nat stage: a permit that translates what it matches. */
    private void translate(Walk w, RawRule r, Piece p, MatchSpan hit, Set<String> in, Set<String> outZ) throws BadInputException {
        count(r.loc());
        Rule rule = hit.mark(new Rule(w.out.size() + 1, r.comment(), Action.PERMIT, hit.set(), in, outZ, r.loc().ref()), r.loc().id)
                .withTranslation(p.translation);
        if (p.rangeWhy != null) rule = rule.withUncertainty(p.rangeWhy + ": the kernel picks one per connection; the first is read", rule.match());
        w.out.add(rule);
    }

    /** Records what a notrack rule untracks: exactly before connection tracking on prerouting and output; it may at ingress. */
    private void untrack(Walk w, MatchSpan hit, RawRule r) {
        Hook h = w.stage.hook;
        if (w.stage.mode == Mode.PLACEHOLDER || !w.stage.beforeConntrack) {
            r.loc().mark(Verdict.IGNORED, "notrack after connection tracking (priority " + NftHooks.CONNTRACK + ") has no effect");
            return;
        }
        MatchSpan s = h == Hook.INGRESS ? MatchSpan.unknown(hit.may(), r.loc().id, r.loc().label(),
                "notrack at the ingress hook is not modelled (the packet may reach connection tracking untracked)", null) : hit;
        if (h == Hook.OUTPUT) {
            untrackOut = untrackOut.union(s);
            if (untrackOutLoc == null) untrackOutLoc = r.loc();
        } else {
            untrackIn = untrackIn.union(s);
            if (untrackInLoc == null) untrackInLoc = r.loc();
        }
    }

    private static Set<String> meet(Set<String> a, Set<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        Set<String> s = new HashSet<>(a);
        s.retainAll(b);
        return s.isEmpty() ? null : Set.copyOf(s);
    }

    // ------------------------------------------------------------------ reading a rule

    private static final int PROTO = 0, SRC = 1, DST = 2, SPORT = 3, DPORT = 4;

    /** A rule's condition as it is being built: one box as read, one box the device may match, interfaces and states. */
    private static final class Cond {
        final IntervalSet[] r = new IntervalSet[5], m = new IntervalSet[5];
        Set<String> in = Set.of(), out = Set.of();
        int states = ANY_STATE;

        Cond(IntervalSet domain) {
            r[PROTO] = m[PROTO] = Protocols.ALL;
            r[SRC] = m[SRC] = domain;
            r[DST] = m[DST] = domain;
            r[SPORT] = m[SPORT] = Ports.ALL;
            r[DPORT] = m[DPORT] = Ports.ALL;
        }

        private Cond(Cond o) {
            System.arraycopy(o.r, 0, r, 0, 5);
            System.arraycopy(o.m, 0, m, 0, 5);
            in = o.in;
            out = o.out;
            states = o.states;
        }

        Cond copy() {
            return new Cond(this);
        }

        void narrow(int dim, IntervalSet s, boolean exact) {
            r[dim] = r[dim].intersect(s);
            if (exact) m[dim] = m[dim].intersect(s);
        }

        PacketBox read() {
            return new PacketBox(r[PROTO], r[SRC], r[DST], r[SPORT], r[DPORT]);
        }

        PacketBox may() {
            return new PacketBox(m[PROTO], m[SRC], m[DST], m[SPORT], m[DPORT]);
        }
    }

    /** A translation as read, the address family it needs, and why it is uncertain (a range: the first is read). */
    private record Xlat(Translation t, IntervalSet family, String rangeWhy) {}

    /** Reads one rule into pieces. */
    private final class Reading {
        final Table t;
        final RawRule r;
        final Loc loc;
        List<Cond> conds = new ArrayList<>();
        /** Conditions treated as matching every packet, each once. */
        final Set<String> approx = new LinkedHashSet<>();
        /** Conditions read as matching no packet (they select unusual ones: a rate over its limit, a failed route lookup), each once. */
        final Set<String> rare = new LinkedHashSet<>();
        /** Sets whose content is only known at run time, each once. */
        final Set<String> runtime = new LinkedHashSet<>();
        /** Why the rule cannot be read exactly; it then stays at its place, read as matching nothing. */
        String unknown;
        /** The current condition is read from a set only known at run time: it narrows the reading only. */
        boolean exact = true;

        Reading(Table t, RawRule r) {
            this.t = t;
            this.r = r;
            this.loc = r.loc();
            conds.add(new Cond(domain(t)));
        }

        List<Piece> pieces() {
            List<Piece> out = new ArrayList<>();
            boolean notrack = false;
            for (Stmt s : r.stmts()) {
                if (s instanceof Match m) {
                    try {
                        match(m.key(), m.negated(), m.value());
                    } catch (IllegalArgumentException e) {
                        loc.mark(Verdict.UNRECOGNIZED, e.getMessage() + "; the rule is not used");
                        if (unknown == null) unknown = "the rule could not be read (" + e.getMessage() + ")";
                    }
                } else if (s instanceof NftRuleset.Verdict v) {
                    if (v.kind().equals("continue")) continue;
                    return finish(out, v.kind(), v.target(), notrack);
                } else if (s instanceof VMap vm) {
                    return vmap(vm, notrack);
                } else if (s instanceof Nat n) {
                    return nat(n, notrack);
                } else if (s instanceof Notrack) {
                    notrack = true;
                } else if (s instanceof Undecided u) {
                    return finish(out, "undecided", "'" + u.what() + "'", notrack);
                } else if (s instanceof SetUpdate u) {
                    if (!t.sets.containsKey(u.set())) {
                        loc.mark(Verdict.UNRECOGNIZED, "set @" + u.set() + " is not defined in table " + t.family + " " + t.name);
                    }
                    if (u.filtering()) unmodelled("a limit inside '" + u.op() + " @" + u.set() + "'");
                } else if (s instanceof Other o) {
                    if (o.rare()) rarely("'" + o.what() + "'");
                    else if (o.filtering()) unmodelled(o.what().startsWith("'") ? o.what() : "'" + o.what() + "'");
                } else if (s instanceof Unread u) {
                    // diagnosed by the parser
                    if (u.verdicts().isEmpty()) {
                        if (unknown == null) unknown = "the rule could not be read (" + u.why() + ")";
                        continue;
                    }
                    // its verdicts are the only thing known
                    conds = new ArrayList<>(List.of(new Cond(domain(t))));
                    unknown = "the rule could not be read (" + u.why() + ")";
                    for (NftRuleset.Verdict v : u.verdicts()) out.addAll(group(v.kind(), v.target(), null, null, false));
                    return out;
                }
            }
            if (notrack) return finish(out, "notrack", null, true);
            if (unknown == null) loc.mark(Verdict.IGNORED, "no verdict: the rule only counts or logs");
            return out;
        }

        private void rarely(String what) {
            loc.mark(Verdict.UNSUPPORTED, what + " is not modelled; read as matching no packet (it selects unusual ones)");
            rare.add(what);
        }

        private void unmodelled(String what) {
            loc.mark(Verdict.UNSUPPORTED, what + " is not modelled; treated as matching every packet");
            approx.add(what);
        }

        private List<Piece> finish(List<Piece> out, String kind, String target, boolean notrack) {
            List<Piece> ps = group(kind, target, null, null, notrack);
            if (ps.isEmpty() && unknown == null && !conds.isEmpty() && conds.stream().allMatch(c -> c.states == 0)) onlyOld();
            out.addAll(ps);
            return out;
        }

        private void onlyOld() {
            loc.mark(Verdict.IGNORED, "matches only packets of existing connections (return traffic); the audit asks about new connections");
        }

        /** The current conditions as pieces, one per interface pair and states (a concatenation with interfaces may give several). */
        private List<Piece> group(String kind, String target, Translation tr, String rangeWhy, boolean notrack) {
            Map<List<Object>, List<Cond>> groups = new LinkedHashMap<>();
            for (Cond c : conds) {
                if (c.states == 0) continue;
                groups.computeIfAbsent(List.of(c.in, c.out, c.states), k -> new ArrayList<>()).add(c);
            }
            List<Piece> out = new ArrayList<>();
            for (List<Cond> g : groups.values()) {
                List<PacketBox> read = new ArrayList<>(), may = new ArrayList<>();
                for (Cond c : g) {
                    read.add(c.read());
                    may.add(c.may());
                }
                PacketSet rs = PacketSet.union(read), ms = PacketSet.union(may);
                out.add(new Piece(span(rs, ms), g.get(0).in, g.get(0).out, g.get(0).states, kind, target, tr, rangeWhy, notrack));
            }
            return out;
        }

        /** Exact, read as matching more than the device may (ignored conditions, run-time sets), or unknown (read as matching nothing). */
        private MatchSpan span(PacketSet read, PacketSet may) {
            if (unknown != null) return MatchSpan.unknown(may, loc.id, loc.label(), unknown, "the rule is read as matching nothing");
            if (!rare.isEmpty()) {
                return MatchSpan.unknown(may, loc.id, loc.label(), String.join(", ", rare) + (rare.size() == 1 ? " is" : " are")
                        + " not modelled", "the rule is read as matching nothing");
            }
            MatchSpan s = MatchSpan.exact(read);
            if (!approx.isEmpty()) {
                s = MatchSpan.over(read, loc.id, loc.label(), String.join(", ", approx) + (approx.size() == 1 ? " is" : " are") + " not modelled",
                        "the rule is treated as always matching");
            }
            if (!runtime.isEmpty() && !may.equals(read)) {
                s = s.union(MatchSpan.over(read, loc.id, loc.label(), String.join("; ", runtime), "the rule is read with the elements listed"))
                        .union(MatchSpan.unknown(may, loc.id, loc.label(), String.join("; ", runtime), "the rule is read with the elements listed"));
            }
            return s;
        }

        private List<Piece> vmap(VMap vm, boolean notrack) {
            List<Value> entries;
            try {
                entries = NftConversions.elements(t, vm.map());
            } catch (IllegalArgumentException e) {
                // the verdicts are unknown: nothing can stand for them
                loc.mark(Verdict.UNRECOGNIZED, e.getMessage() + "; the rule is not used");
                return List.of();
            }
            List<Cond> base = conds;
            List<Piece> out = new ArrayList<>();
            String rt = runtimeMap(vm.map());
            // a map filled at run time may hold other entries: any verdict may apply to the rule's packets
            if (rt != null) out.addAll(group("undecided", rt, null, null, notrack));
            boolean anyNew = false;
            for (Value e : entries) {
                if (!(e instanceof Entry en)) {
                    loc.mark(Verdict.UNRECOGNIZED, "verdict map element without a verdict; the rule is not used");
                    return List.of();
                }
                conds = copy(base);
                String saved = unknown;
                try {
                    match(vm.key(), false, new SetOf(List.of(en.key())));
                } catch (IllegalArgumentException ex) {
                    loc.mark(Verdict.UNRECOGNIZED, ex.getMessage() + "; the rule is not used");
                    if (unknown == null) unknown = "the rule could not be read (" + ex.getMessage() + ")";
                }
                List<Piece> ps = group(en.verdict().kind(), en.verdict().target(), null, null, notrack);
                anyNew |= !ps.isEmpty();
                if (!en.verdict().kind().equals("continue")) out.addAll(ps);
                unknown = saved;
            }
            conds = base;
            if (!anyNew && !entries.isEmpty() && unknown == null) onlyOld();
            return out;
        }

        /** A NAT statement: one piece, or one per element of its map. */
        private List<Piece> nat(Nat n, boolean notrack) {
            if (n.kind().equals("snat") || n.kind().equals("masquerade")) {
                if (n.map() == null) return group(n.kind(), null, null, null, notrack);
            }
            if (n.map() == null) {
                Xlat x;
                try {
                    x = xlat(n.kind(), n.addr(), n.port());
                } catch (IllegalArgumentException e) {
                    loc.mark(Verdict.UNRECOGNIZED, e.getMessage() + "; the translation is not used");
                    return group("undecided", "a translation that could not be read (" + e.getMessage() + ")", null, null, notrack);
                }
                if (x.family != null) for (Cond c : conds) {
                    c.narrow(SRC, x.family, true);
                    c.narrow(DST, x.family, true);
                }
                return group(n.kind(), null, x.t, x.rangeWhy, notrack);
            }
            List<Value> entries;
            try {
                entries = NftConversions.elements(t, n.map());
            } catch (IllegalArgumentException e) {
                loc.mark(Verdict.UNRECOGNIZED, e.getMessage() + "; the translation is not used");
                return group("undecided", "a translation map that could not be read", null, null, notrack);
            }
            List<Cond> base = conds;
            List<Piece> out = new ArrayList<>();
            String rt = runtimeMap(n.map());
            if (rt != null) out.addAll(group("undecided", rt, null, null, notrack));
            for (Value e : entries) {
                if (!(e instanceof Mapping mp)) {
                    loc.mark(Verdict.UNRECOGNIZED, "a translation map element without data; the rule is not used");
                    return List.of();
                }
                conds = copy(base);
                String saved = unknown;
                try {
                    match(n.mapKey(), false, new SetOf(List.of(mp.key())));
                    Xlat x = null;
                    if (!n.kind().equals("snat")) {
                        String data = text(mp.data());
                        String[] parts = data.split(" \\. ");
                        x = xlat(n.kind(), parts[0].trim(), parts.length > 1 ? parts[1].trim() : null);
                        if (x.family != null) for (Cond c : conds) {
                            c.narrow(SRC, x.family, true);
                            c.narrow(DST, x.family, true);
                        }
                    }
                    out.addAll(group(n.kind(), null, x == null ? null : x.t, x == null ? null : x.rangeWhy, notrack));
                } catch (IllegalArgumentException ex) {
                    loc.mark(Verdict.UNRECOGNIZED, ex.getMessage() + "; the element is not used");
                    unknown = "a map element could not be read (" + ex.getMessage() + ")";
                    out.addAll(group("undecided", "a translation map element that could not be read", null, null, notrack));
                }
                unknown = saved;
            }
            conds = base;
            return out;
        }

        /** Why a named map's entries are only known at run time, or null. */
        private String runtimeMap(Value v) {
            if (v instanceof Named n && t.sets.get(n.name()) != null && t.sets.get(n.name()).runtime != null) {
                return "map @" + n.name() + " is only known at run time (" + t.sets.get(n.name()).runtime + ")";
            }
            return null;
        }

        private List<Cond> copy(List<Cond> cs) {
            List<Cond> out = new ArrayList<>(cs.size());
            for (Cond c : cs) out.add(c.copy());
            return out;
        }

        /** Applies one match (a selector or a concatenation of them) to every condition. */
        void match(String key, boolean neg, Value v) {
            if (!key.contains(" . ")) {
                Elements els = elements(v, key);
                for (Cond c : conds) apply(c, key, neg, els.values);
                exact = true;
                return;
            }
            String[] parts = key.split(" \\. ");
            if (neg) {
                unmodelled("a negated concatenation (" + key + ")");
                return;
            }
            Elements els = elements(v, key);
            if ((long) conds.size() * Math.max(1, els.values.size()) > MAX_BOXES) {
                unmodelled("a concatenation with more than " + MAX_BOXES + " elements (" + key + ")");
                exact = true;
                return;
            }
            List<Cond> next = new ArrayList<>();
            for (Cond c : conds) {
                for (Value e : els.values) {
                    String[] vs = text(e).split(" \\. ");
                    if (vs.length != parts.length) {
                        throw new IllegalArgumentException("element '" + text(e) + "' does not have the " + parts.length + " parts of " + key);
                    }
                    Cond k = c.copy();
                    for (int i = 0; i < parts.length; i++) apply(k, parts[i].trim(), false, List.of(new Single(vs[i].trim())));
                    next.add(k);
                }
            }
            conds = next;
            exact = true;
        }

        /** The elements of a value; a set only known at run time narrows the reading only. */
        private Elements elements(Value v, String key) {
            if (v instanceof Named n) {
                NamedSet set = t.sets.get(n.name());
                if (set == null) throw new IllegalArgumentException("set @" + n.name() + " is not defined in table " + t.family + " " + t.name);
                if (set.runtime != null) {
                    runtime.add("set @" + n.name() + " is only known at run time (" + set.runtime + ")");
                    exact = false;
                }
                return new Elements(set.elements);
            }
            return new Elements(NftConversions.elements(t, v));
        }

        private void apply(Cond c, String key, boolean neg, List<Value> values) {
            if (!MODELLED.contains(key)) {
                if (key.equals("fib") || key.startsWith("fib ")) {
                    rarely("'fib'");
                    return;
                }
                // a header field of a protocol holds only for that protocol (nft adds the dependency): exact; the field itself is not modelled
                dependency(c, key);
                unmodelled("'" + key + "'");
                return;
            }
            switch (key) {
                case "ip saddr", "ip daddr", "ip6 saddr", "ip6 daddr" -> {
                    IntervalSet fam = key.startsWith("ip6") ? Addresses.ALL_V6 : Addresses.ALL_V4;
                    List<IntervalSet> parts = new ArrayList<>(values.size());
                    for (Value e : values) parts.add(Addresses.parse(text(e)));
                    IntervalSet s = IntervalSet.unionOf(parts);
                    s = neg ? fam.subtract(s) : s.intersect(fam);
                    c.narrow(SRC, fam, true);
                    c.narrow(DST, fam, true);
                    c.narrow(key.endsWith("saddr") ? SRC : DST, s, exact);
                }
                case "tcp dport", "tcp sport", "udp dport", "udp sport", "sctp dport", "sctp sport", "th dport", "th sport" -> {
                    String l4 = key.substring(0, key.indexOf(' '));
                    c.narrow(PROTO, l4.equals("th") ? TH : IntervalSet.point(Protocols.number(l4)), true);
                    List<IntervalSet> parts = new ArrayList<>(values.size());
                    for (Value e : values) parts.add(ports(text(e)));
                    IntervalSet s = IntervalSet.unionOf(parts);
                    if (neg) s = Ports.ALL.subtract(s);
                    c.narrow(key.endsWith("dport") ? DPORT : SPORT, s, exact);
                }
                case "meta l4proto", "ip protocol", "ip6 nexthdr" -> {
                    IntervalSet s = IntervalSet.EMPTY;
                    for (Value e : values) {
                        for (String name : text(e).split(",")) s = s.union(IntervalSet.point(protocol(name)));
                    }
                    c.narrow(PROTO, neg ? Protocols.ALL.subtract(s) : s, exact);
                    if (key.startsWith("ip ")) {
                        c.narrow(SRC, Addresses.ALL_V4, true);
                        c.narrow(DST, Addresses.ALL_V4, true);
                    }
                    if (key.startsWith("ip6 ")) {
                        c.narrow(SRC, Addresses.ALL_V6, true);
                        c.narrow(DST, Addresses.ALL_V6, true);
                    }
                }
                case "meta nfproto", "meta protocol", "ether type" -> {
                    IntervalSet fam = IntervalSet.EMPTY;
                    for (Value e : values) {
                        for (String f : text(e).split(",")) {
                            switch (f.trim().toLowerCase(Locale.ROOT)) {
                                case "ipv4", "ip" -> fam = fam.union(Addresses.ALL_V4);
                                case "ipv6", "ip6" -> fam = fam.union(Addresses.ALL_V6);
                                case "arp", "8021q", "8021ad", "vlan", "ipx", "rarp" -> {
                                    // not IP (a VLAN tag hides the IP header from this match): no packet of the model
                                }
                                default -> throw new IllegalArgumentException("unknown family '" + f + "'");
                            }
                        }
                    }
                    if (neg) fam = Addresses.ALL.subtract(fam);
                    c.narrow(SRC, fam, exact);
                    c.narrow(DST, fam, exact);
                }
                case "meta iifname", "meta oifname", "meta iif", "meta oif" -> {
                    Set<String> names = new HashSet<>();
                    for (Value e : values) names.add(text(e));
                    boolean wildcard = names.stream().anyMatch(n -> n.endsWith("*"));
                    if (neg || wildcard || !exact) {
                        String what = neg ? "a negated interface" : wildcard ? "an interface wildcard" : "an interface set only known at run time";
                        loc.mark(Verdict.UNSUPPORTED, what + " cannot be expressed as zones; the rule applies on every interface");
                        approx.add(what + " (" + key + ")");
                        return;
                    }
                    if (key.contains("iif")) c.in = c.in.isEmpty() ? Set.copyOf(names) : intersect(c.in, names);
                    else c.out = c.out.isEmpty() ? Set.copyOf(names) : intersect(c.out, names);
                    // two interface conditions that exclude each other: the rule matches nothing
                    if ((key.contains("iif") ? c.in : c.out).isEmpty()) c.narrow(PROTO, IntervalSet.EMPTY, true);
                }
                case "ct state" -> {
                    boolean isNew = false, untracked = false;
                    for (Value e : values) {
                        for (String st : text(e).split(",")) {
                            String s = st.trim().toLowerCase(Locale.ROOT);
                            if (!STATES.contains(s)) throw new IllegalArgumentException("unknown connection state '" + st.trim() + "'");
                            isNew |= s.equals("new");
                            untracked |= s.equals("untracked");
                        }
                    }
                    int here = ((isNew != neg) ? NEW : 0) | ((untracked != neg) ? UNTRACKED : 0);
                    if (!exact) {
                        approx.add("a connection-state set only known at run time");
                        return;
                    }
                    c.states &= here;
                }
                default -> throw new IllegalArgumentException("match on '" + key + "' is not understood");
            }
        }

        /** Narrows {@code c} to the protocol and family whose header {@code key} reads ({@code icmp type}: ICMP over IPv4). */
        private void dependency(Cond c, String key) {
            String proto = key.substring(0, Math.max(0, key.indexOf(' ')));
            Integer p = switch (proto) {
                case "tcp" -> Protocols.TCP;
                case "udp" -> Protocols.UDP;
                case "sctp" -> 132;
                case "udplite" -> 136;
                case "dccp" -> 33;
                case "icmp" -> Protocols.ICMP;
                case "icmpv6" -> Protocols.ICMPV6;
                case "igmp" -> 2;
                case "esp" -> Protocols.ESP;
                case "ah" -> Protocols.AH;
                case "comp" -> 108;
                default -> null;
            };
            if (p != null) c.narrow(PROTO, IntervalSet.point(p), true);
            IntervalSet fam = proto.equals("ip") || proto.equals("icmp") || proto.equals("igmp") ? Addresses.ALL_V4
                    : proto.equals("ip6") || proto.equals("icmpv6") ? Addresses.ALL_V6 : null;
            if (fam != null) {
                c.narrow(SRC, fam, true);
                c.narrow(DST, fam, true);
            }
        }

        /** The translation of a dnat or redirect: one address and one port, the first of a range. */
        private Xlat xlat(String kind, String addr, String port) {
            IntervalSet p = port == null || port.isEmpty() ? null : ports(port);
            String why = null;
            if (p != null && p.size().compareTo(BigInteger.ONE) > 0) why = kind.equals("redirect") ? "a redirect to a port range" : "a port range";
            IntervalSet pt = p == null ? null : IntervalSet.point(p.startLong(0));
            if (kind.equals("redirect")) return new Xlat(new Translation(null, pt, true), null, why);
            if (addr == null || addr.isEmpty()) {
                if (pt == null) throw new IllegalArgumentException("dnat without an address");
                return new Xlat(new Translation(null, pt, false), null, why);
            }
            IntervalSet a = Addresses.parse(addr);
            if (a.size().compareTo(BigInteger.ONE) > 0) why = why == null ? "an address range" : "an address range and a port range";
            IntervalSet first = IntervalSet.of(a.startHi(0), a.startLo(0), a.startHi(0), a.startLo(0));
            IntervalSet fam = Addresses.ALL_V4.containsAll(first) ? Addresses.ALL_V4 : Addresses.ALL_V6;
            if (!fam.intersects(domain(t))) throw new IllegalArgumentException("'" + addr + "' is not an address of family " + t.family);
            return new Xlat(new Translation(first, pt, false), fam, why == null ? null : "DNAT to " + why);
        }
    }

    /** The elements of a set value. */
    private record Elements(List<Value> values) {}

    private static int protocol(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        Integer more = MORE_PROTOCOLS.get(s);
        if (more != null) return more;
        int p = Protocols.number(s);
        if (p < 0) throw new IllegalArgumentException("unknown protocol '" + name.trim() + "'");
        return p;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.retainAll(b);
        return Set.copyOf(s);
    }

    private static List<Value> elements(Table t, Value v) {
        if (v instanceof SetOf s) return s.elements();
        if (v instanceof Named n) {
            NamedSet set = t.sets.get(n.name());
            if (set == null) throw new IllegalArgumentException("set @" + n.name() + " is not defined in table " + t.family + " " + t.name);
            return set.elements;
        }
        return List.of(v);
    }

    private static String text(Value v) {
        if (v instanceof Single s) return s.text();
        if (v instanceof Range r) return r.from() + "-" + r.to();
        throw new IllegalArgumentException("nested set or map where a value was expected");
    }

    static IntervalSet ports(String p) {
        String s = p.trim();
        if (s.startsWith("<") || s.startsWith(">")) {
            boolean eq = s.length() > 1 && s.charAt(1) == '=';
            int n = port(s.substring(eq ? 2 : 1));
            if (s.charAt(0) == '<') return eq ? IntervalSet.of(0, n) : n == 0 ? IntervalSet.EMPTY : IntervalSet.of(0, n - 1);
            return eq ? IntervalSet.of(n, Ports.MAX) : n == Ports.MAX ? IntervalSet.EMPTY : IntervalSet.of(n + 1, Ports.MAX);
        }
        int dash = s.indexOf('-', 1);
        if (dash < 0) {
            int n = port(s);
            return IntervalSet.of(n, n);
        }
        int a = port(s.substring(0, dash)), b = port(s.substring(dash + 1));
        if (a > b) throw new IllegalArgumentException("port range '" + s + "' ends before it starts");
        return IntervalSet.of(a, b);
    }

    private static int port(String p) {
        Integer named = SERVICES.get(p.toLowerCase(Locale.ROOT));
        if (named != null) return named;
        try {
            int n = Integer.parseInt(p);
            if (n < 0 || n > Ports.MAX) throw new IllegalArgumentException("port " + n + " is outside 0-65535");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + p + "' is not a port");
        }
    }

    // ------------------------------------------------------------------ static NAT for the deployment's check

    /** A dnat of a nat chain to one address, for the deployment's NAT check: the public address is what its {@code ip daddr} matches. */
    private void natRecord(Table t, RawRule r, List<NatRule> nat) {
        try {
            IntervalSet mapped = null;
            for (Stmt s : r.stmts()) {
                if (s instanceof Match m && (m.key().equals("ip daddr") || m.key().equals("ip6 daddr")) && !m.negated()) {
                    IntervalSet set = IntervalSet.EMPTY;
                    for (Value e : elements(t, m.value())) set = set.union(Addresses.parse(text(e)));
                    mapped = mapped == null ? set : mapped.intersect(set);
                }
                if (!(s instanceof Nat n) || !n.kind().equals("dnat")) continue;
                if (n.map() != null) {
                    // dnat to ip daddr map { public : private }: one pair per element
                    String[] keys = n.mapKey().split(" \\. ");
                    int at = -1;
                    for (int i = 0; i < keys.length; i++) if (keys[i].trim().equals("ip daddr") || keys[i].trim().equals("ip6 daddr")) at = i;
                    if (at < 0) continue;
                    for (Value e : elements(t, n.map())) {
                        if (!(e instanceof Mapping mp)) continue;
                        String[] k = text(mp.key()).split(" \\. ");
                        IntervalSet real = Addresses.parse(text(mp.data()).split(" \\. ")[0].trim());
                        if (k.length == keys.length && real.size().equals(BigInteger.ONE)) {
                            nat.add(new NatRule(Addresses.parse(k[at].trim()), real, true, r.loc().ref()));
                        }
                    }
                } else if (n.addr() != null && mapped != null) {
                    IntervalSet real = Addresses.parse(n.addr());
                    if (real.size().equals(BigInteger.ONE)) nat.add(new NatRule(mapped, real, true, r.loc().ref()));
                }
            }
        } catch (IllegalArgumentException e) {
            // diagnosed when the rule is read
        }
    }
}
