package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.MatchSpan;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.Loc;
import io.lyncaudit.importer.nftables.NftRuleset.Mapping;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.Nat;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SetUpdate;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
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
import java.util.List;
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
    /** The products. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    private final NftRuleset rs;
    private final Map<RawRule, List<NftMatches.Piece>> pieces = new IdentityHashMap<>();
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
                    try {
                        pieces.put(r, NftMatches.pieces(t, r));
                    } catch (RuntimeException e) {
                        // whatever it does, it may decide for any packet that reaches it
                        String why = "the rule could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
                        r.loc().mark(Verdict.UNRECOGNIZED, why);
                        pieces.put(r, List.of(new NftMatches.Piece(MatchSpan.unknown(everything(t), r.loc().id, r.loc().label(), why, null),
                                Set.of(), Set.of(), NftMatches.ANY_STATE, "undecided", why, null, null, false)));
                    }
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
        IntervalSet d = NftMatches.domain(t);
        return PacketSet.of(new PacketBox(Protocols.ALL, d, d, Ports.ALL, Ports.ALL));
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
            if (states == NftMatches.UNTRACKED) return untracked;
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
            List<NftMatches.Piece> ps = pieces.get(r);
            if (ps == null) continue;
            for (NftMatches.Piece p : ps) {
                if (live.isEmpty()) return new Flat(ended, live);
                if (++visits > MAX_VISITS) {
                    throw new BadInputException(r.loc().file.display, r.loc().line, "flattening the chains takes more than " + MAX_VISITS
                            + " rule visits (jumps fan out too much)");
                }
                Set<String> in = meet(ctxIn, p.in()), outZ = meet(ctxOut, p.out());
                if (in == null || outZ == null) continue;
                if (!outZ.isEmpty() && !w.oifKnown) {
                    if (!r.loc().has()) r.loc().mark(Verdict.IGNORED, "the output interface is not known on hook " + w.stage.hook.json()
                            + " (before routing): the rule never matches there");
                    continue;
                }
                MatchSpan hit = p.span().intersect(live);
                if (p.states() != NftMatches.ANY_STATE) hit = hit.intersect(w.states(p.states(), r.loc()));
                boolean untracks = w.stage.beforeConntrack && w.stage.mode != Mode.PLACEHOLDER;
                if (p.kind().equals("notrack") && !untracks) {
                    r.loc().mark(Verdict.IGNORED, "notrack after connection tracking (priority " + NftHooks.CONNTRACK + ") has no effect");
                    continue;
                }
                r.loc().used();
                if (hit.isEmpty()) continue;
                if (r.unplaced()) {
                    live = undecided(w, live, hit, r, in, outZ, "the rule's position in chain " + chain.name + " is not known");
                    continue;
                }
                if (p.notrack()) untrack(w, hit, r, in, outZ);
                switch (p.kind()) {
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
                        Chain next = w.table.chains.get(p.target());
                        String skip = next == null || next.hook != null ? "chain " + p.target() + " is not a regular chain of table "
                                + w.table.family + " " + w.table.name
                                : stack.contains(p.target()) ? "jump loop " + String.join(" -> ", stack) + " -> " + p.target()
                                : stack.size() >= MAX_DEPTH ? "jumps nested deeper than " + MAX_DEPTH : null;
                        if (skip != null) {
                            r.loc().mark(Verdict.UNSUPPORTED, skip + "; the jump is skipped");
                            String why = next == null || next.hook != null ? "not a regular chain" : stack.contains(p.target()) ? "jump loop"
                                    : "nested too deep";
                            live = undecided(w, live, hit, r, in, outZ, "the " + p.kind() + " to " + p.target() + " is skipped (" + why + ") and may decide");
                            continue;
                        }
                        stack.add(p.target());
                        Flat f = flatten(w, next, hit, in, outZ, stack);
                        stack.remove(stack.size() - 1);
                        if (w.nat() && !f.ended.isEmpty()) {
                            live = live.minus(f.ended);
                            ended = ended.union(f.ended);
                        }
                        if (p.kind().equals("goto")) {
                            Flat g = doReturn(w, r, top, chain, hit.minus(f.ended), in, outZ, ctxIn, ctxOut, live);
                            live = g.live;
                            ended = ended.union(g.ended);
                        }
                    }
                    case "dnat", "redirect" -> {
                        if (!w.nat()) {
                            r.loc().mark(Verdict.UNSUPPORTED, p.kind() + " outside a nat chain (nft refuses it); the rule is skipped");
                            live = undecided(w, live, hit, r, in, outZ, p.kind() + " outside a nat chain is not modelled and may decide");
                        } else {
                            translate(w, r, p, hit, in, outZ);
                        }
                    }
                    case "snat", "masquerade" -> {
                        if (!w.nat()) {
                            r.loc().mark(Verdict.UNSUPPORTED, p.kind() + " outside a nat chain (nft refuses it); the rule is skipped");
                            live = undecided(w, live, hit, r, in, outZ, p.kind() + " outside a nat chain is not modelled and may decide");
                        } else {
                            // source translation ends the nat chains of the hook; no later stage is judged on the source
                            emit(w, r, Action.PERMIT, hit, in, outZ);
                        }
                    }
                    default -> {
                        String what = p.kind().equals("undecided") ? p.target() : "verdict " + p.kind();
                        r.loc().mark(Verdict.UNSUPPORTED, what + (p.kind().equals("undecided") ? " is not modelled; what it decides is uncertain"
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
    private void translate(Walk w, RawRule r, NftMatches.Piece p, MatchSpan hit, Set<String> in, Set<String> outZ) throws BadInputException {
        count(r.loc());
        Rule rule = hit.mark(new Rule(w.out.size() + 1, r.comment(), Action.PERMIT, hit.set(), in, outZ, r.loc().ref()), r.loc().id)
                .withTranslation(p.translation());
        if (p.rangeWhy() != null) rule = rule.withUncertainty(p.rangeWhy() + ": the kernel picks one per connection; the first is read", rule.match());
        w.out.add(rule);
    }

    /** Records what a notrack rule untracks: exactly before connection tracking on prerouting and output; it may at ingress. */
    private void untrack(Walk w, MatchSpan hit, RawRule r, Set<String> in, Set<String> outZ) {
        Hook h = w.stage.hook;
        if (w.stage.mode == Mode.PLACEHOLDER || !w.stage.beforeConntrack) {
            r.loc().mark(Verdict.IGNORED, "notrack after connection tracking (priority " + NftHooks.CONNTRACK + ") has no effect");
            return;
        }
        MatchSpan s = h == Hook.INGRESS ? MatchSpan.unknown(hit.may(), r.loc().id, r.loc().label(),
                "notrack at the ingress hook is not modelled (the packet may reach connection tracking untracked)", null)
                // which packets are untracked is a set of packets; an interface condition cannot be part of it
                : !in.isEmpty() || !outZ.isEmpty() ? MatchSpan.unknown(hit.may(), r.loc().id, r.loc().label(),
                "notrack limited to an interface is not modelled (whether a packet is untracked depends on where it came in)", null)
                : hit;
        if (h == Hook.OUTPUT) {
            untrackOut = untrackOut.union(s);
            if (untrackOutLoc == null) untrackOutLoc = r.loc();
        } else {
            untrackIn = untrackIn.union(s);
            if (untrackInLoc == null) untrackInLoc = r.loc();
        }
    }

    private static Set<String> meet(Set<String> a, Set<String> b) {
        return io.lyncaudit.policy.Zones.meet(a, b);
    }

    // ------------------------------------------------------------------ static NAT for the deployment's check

    /** A dnat of a nat chain to one address, for the deployment's NAT check: the public address is what its {@code ip daddr} matches. */
    private void natRecord(Table t, RawRule r, List<NatRule> nat) {
        try {
            IntervalSet mapped = null;
            for (Stmt s : r.stmts()) {
                if (s instanceof Match m && (m.key().equals("ip daddr") || m.key().equals("ip6 daddr")) && !m.negated()) {
                    IntervalSet set = IntervalSet.EMPTY;
                    for (Value e : NftMatches.elements(t, m.value())) set = set.union(Addresses.parse(NftMatches.text(e)));
                    mapped = mapped == null ? set : mapped.intersect(set);
                }
                if (!(s instanceof Nat n) || !n.kind().equals("dnat")) continue;
                if (n.map() != null) {
                    // dnat to ip daddr map { public : private }: one pair per element
                    String[] keys = n.mapKey().split(" \\. ");
                    int at = -1;
                    for (int i = 0; i < keys.length; i++) if (keys[i].trim().equals("ip daddr") || keys[i].trim().equals("ip6 daddr")) at = i;
                    if (at < 0) continue;
                    for (Value e : NftMatches.elements(t, n.map())) {
                        if (!(e instanceof Mapping mp)) continue;
                        String[] k = NftMatches.text(mp.key()).split(" \\. ");
                        IntervalSet real = Addresses.parse(NftMatches.text(mp.data()).split(" \\. ")[0].trim());
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
