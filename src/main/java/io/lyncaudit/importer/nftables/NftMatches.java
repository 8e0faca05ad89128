package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LinuxServices;
import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.MatchSpan;
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
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Zones;
import io.lyncaudit.policy.Translation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one rule's statements into pieces (its conditions as packet sets, read exactly or with
 * what the device may match, its interfaces and connection states, its verdict or translation),
 * once per rule; {@link NftConversions} places them on the path. Concatenations are one box per
 * element; selectors the model has no dimension for are read as matching every value.
 */
final class NftMatches {
    /** Boxes one rule may read as (concatenations multiply); beyond, the concatenation is not modelled. */
    static final int MAX_BOXES = 10_000;

    private static final IntervalSet TH = Protocols.PORTED;
    private static final Set<String> STATES = Set.of("new", "established", "related", "invalid", "untracked");
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

    /** The addresses of a table's family. */
    static IntervalSet domain(Table t) {
        return switch (t.family) {
            case "ip" -> Addresses.ALL_V4;
            case "ip6" -> Addresses.ALL_V6;
            default -> Addresses.ALL;
        };
    }


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

    /** The pieces of rule {@code r} of table {@code t}. */
    static List<Piece> pieces(Table t, RawRule r) {
        return new NftMatches(t, r).read();
    }

    private final Table t;
    private final RawRule r;
    private final Loc loc;
    private final Reading reading = new Reading();

    private NftMatches(Table t, RawRule r) {
        this.t = t;
        this.r = r;
        this.loc = r.loc();
        reading.conds.add(new Cond(domain(t)));
    }

    private List<Piece> read() {
        return reading.pieces();
    }

    /** The reading of the rule, condition by condition. */
    private final class Reading {
        List<Cond> conds = new ArrayList<>();
        /** What is not modelled in the rule: reported once the rule turns out to decide something (a rule without a verdict changes nothing). */
        final List<String> unsupported = new ArrayList<>();
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

        List<Piece> pieces() {
            return report(read());
        }

        private List<Piece> read() {
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
            later(what + " is not modelled; read as matching no packet (it selects unusual ones)");
            rare.add(what);
        }

        private void later(String message) {
            if (!unsupported.contains(message)) unsupported.add(message);
        }

        /** The rule decides something: what it rests on that is not modelled is reported. */
        private List<Piece> report(List<Piece> pieces) {
            if (!pieces.isEmpty()) for (String m : unsupported) loc.mark(Verdict.UNSUPPORTED, m);
            return pieces;
        }

        private void unmodelled(String what) {
            later(what + " is not modelled; treated as matching every packet");
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
                entries = NftMatches.elements(t, vm.map());
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
                entries = NftMatches.elements(t, n.map());
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
            return new Elements(NftMatches.elements(t, v));
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
                    if (!exact) {
                        String what = "an interface set only known at run time";
                        later(what + " cannot be expressed as zones; the rule applies on every interface");
                        approx.add(what + " (" + key + ")");
                        return;
                    }
                    // "eth*" is every interface whose name starts with eth, "!=" excludes: both exact as zones
                    Set<String> zones = new HashSet<>();
                    for (Value e : values) {
                        String n = text(e);
                        String z = n.endsWith("*") ? n.substring(0, n.length() - 1) + "+" : n;
                        zones.add(neg ? "!" + z : z);
                    }
                    Set<String> met = Zones.meet(key.contains("iif") ? c.in : c.out, Set.copyOf(zones));
                    if (met == null) {
                        // two interface conditions that exclude each other: the rule matches nothing
                        c.narrow(PROTO, IntervalSet.EMPTY, true);
                    } else if (key.contains("iif")) {
                        c.in = met;
                    } else {
                        c.out = met;
                    }
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


    static List<Value> elements(Table t, Value v) {
        if (v instanceof SetOf s) return s.elements();
        if (v instanceof Named n) {
            NamedSet set = t.sets.get(n.name());
            if (set == null) throw new IllegalArgumentException("set @" + n.name() + " is not defined in table " + t.family + " " + t.name);
            return set.elements;
        }
        return List.of(v);
    }

    static String text(Value v) {
        if (v instanceof Single s) return s.text();
        if (v instanceof Range r) return r.from() + "-" + r.to();
        throw new IllegalArgumentException("nested set or map where a value was expected");
    }

    static IntervalSet ports(String p) {
        String s = p.trim();
        if (s.startsWith("<") || s.startsWith(">")) {
            boolean eq = s.length() > 1 && s.charAt(1) == '=';
            int n = LinuxServices.port(s.substring(eq ? 2 : 1));
            if (s.charAt(0) == '<') return eq ? IntervalSet.of(0, n) : n == 0 ? IntervalSet.EMPTY : IntervalSet.of(0, n - 1);
            return eq ? IntervalSet.of(n, Ports.MAX) : n == Ports.MAX ? IntervalSet.EMPTY : IntervalSet.of(n + 1, Ports.MAX);
        }
        int dash = s.indexOf('-', 1);
        if (dash < 0) {
            int n = LinuxServices.port(s);
            return IntervalSet.of(n, n);
        }
        int a = LinuxServices.port(s.substring(0, dash)), b = LinuxServices.port(s.substring(dash + 1));
        if (a > b) throw new IllegalArgumentException("port range '" + s + "' ends before it starts");
        return IntervalSet.of(a, b);
    }

}
