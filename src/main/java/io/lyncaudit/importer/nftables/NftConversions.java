package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.MatchSpan;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftRuleset.Chain;
import io.lyncaudit.importer.nftables.NftRuleset.Dnat;
import io.lyncaudit.importer.nftables.NftRuleset.Entry;
import io.lyncaudit.importer.nftables.NftRuleset.Match;
import io.lyncaudit.importer.nftables.NftRuleset.NamedSet;
import io.lyncaudit.importer.nftables.NftRuleset.Named;
import io.lyncaudit.importer.nftables.NftRuleset.Other;
import io.lyncaudit.importer.nftables.NftRuleset.Range;
import io.lyncaudit.importer.nftables.NftRuleset.RawRule;
import io.lyncaudit.importer.nftables.NftRuleset.SetOf;
import io.lyncaudit.importer.nftables.NftRuleset.Single;
import io.lyncaudit.importer.nftables.NftRuleset.Stmt;
import io.lyncaudit.importer.nftables.NftRuleset.Table;
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
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Second stage: the raw nftables model into first-match policies (regular chains inlined, verdict maps expanded) and NAT rules. */
final class NftConversions {
    /** Traffic to the box itself leaves through the "host" pseudo-interface of the audit (a host firewall's guarded side). */
    static final String HOST = "host";

    static final int MAX_DEPTH = 32;
    static final int MAX_RULES = 500_000;
    static final int MAX_VISITS = 5_000_000;

    private static final IntervalSet TH = Protocols.TCP_UDP.union(IntervalSet.point(132));
    private static final Set<String> STATES = Set.of("new", "established", "related", "invalid", "untracked");
    private static final Map<String, Integer> SERVICES = Map.ofEntries(Map.entry("http", 80), Map.entry("https", 443),
            Map.entry("ssh", 22), Map.entry("domain", 53), Map.entry("sip", 5060), Map.entry("sips", 5061),
            Map.entry("ldap", 389), Map.entry("ldaps", 636), Map.entry("smtp", 25), Map.entry("ntp", 123),
            Map.entry("microsoft-ds", 445), Map.entry("ms-wbt-server", 3389), Map.entry("kerberos", 88), Map.entry("www", 80));

    /**
     * Selectors understood but not modelled (marks, lengths, header fields, sockets, time ...): a
     * match on one is treated as matching every packet, and the rule is uncertain.
     */
    private static final Set<String> UNMODELLED_KEYS = Set.of("meta mark", "meta length", "meta priority", "meta skuid",
            "meta skgid", "meta pkttype", "meta cpu", "meta cgroup", "meta iiftype", "meta oiftype", "meta iifgroup", "meta oifgroup",
            "meta iifkind", "meta oifkind", "meta rtclassid", "meta secmark", "meta secpath", "meta ipsec", "meta random", "meta time",
            "meta day", "meta hour", "meta nftrace", "meta protocol", "meta ibrname", "meta obrname", "meta ibrpvid", "meta ibrvproto",
            "meta sdif", "meta sdifname", "meta broute", "ct mark", "ct zone", "ct direction", "ct status", "ct expiration", "ct helper",
            "ct label", "ct bytes", "ct packets", "ct avgpkt", "ct count", "ct id", "ct l3proto", "ct protocol", "ct proto-src",
            "ct proto-dst", "ct original", "ct reply", "ct saddr", "ct daddr", "ct event", "ct secmark", "ip dscp", "ip ecn",
            "ip length", "ip ttl", "ip id", "ip frag-off", "ip checksum", "ip hdrlength", "ip version", "ip6 dscp", "ip6 ecn",
            "ip6 flowlabel", "ip6 hoplimit", "ip6 length", "ip6 version");

    /** Every packet, exactly: what reaches the first rule of a base chain. */
    private static final MatchSpan ALL = MatchSpan.exact(PacketSet.ALL);

    /** One decision-bearing piece of a rule: its packets (see {@link MatchSpan}) and interfaces, and the verdict (kind, target). */
    record Piece(MatchSpan span, Set<String> in, Set<String> out, String kind, String target) {}

    /** The products. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    private final String file;
    private final LineLedger ledger;
    private final Map<RawRule, List<Piece>> pieces = new IdentityHashMap<>();
    private int emitted;
    private int visits;

    private NftConversions(String file, LineLedger ledger) {
        this.file = file;
        this.ledger = ledger;
    }

    static Converted convert(NftRuleset rs, String file, LineLedger ledger) throws BadInputException {
        return new NftConversions(file, ledger).run(rs);
    }

    private Converted run(NftRuleset rs) throws BadInputException {
        List<Policy> policies = new ArrayList<>();
        List<NatRule> nat = new ArrayList<>();
        for (Table t : rs.tables.values()) {
            for (Chain c : t.chains.values()) {
                boolean natChain = "nat".equals(c.type);
                for (RawRule r : c.rules) {
                    if (natChain) dnat(t, r, nat);
                    else if (isFiltering(t)) pieces.put(r, pieces(t, r));
                    else ledger.mark(r.key(), r.text(), Verdict.IGNORED, "family " + t.family + " does not filter IP traffic between networks");
                }
            }
        }
        for (Table t : rs.tables.values()) {
            if (!isFiltering(t)) continue;
            for (Chain c : t.chains.values()) {
                if (c.hook == null || !"filter".equals(c.type)) continue;
                Binding b;
                if (c.hook.equals("forward")) b = null;
                else if (c.hook.equals("input")) b = new Binding(HOST, Binding.Direction.OUT);
                else {
                    ledger.mark(c.line, c.text, Verdict.IGNORED, "hook " + c.hook + " is not audited (forward is; input is kept for hosts)");
                    continue;
                }
                Action def = "drop".equals(c.policy) ? Action.DENY : Action.PERMIT;
                List<Rule> out = new ArrayList<>();
                List<String> stack = new ArrayList<>();
                stack.add(c.name);
                flatten(t, c, ALL, Set.of(), Set.of(), stack, def, out);
                Policy p = new Policy(t.family + " " + t.name + " " + c.name, PolicyKind.FIRST_MATCH, b, def, out,
                        c.text != null ? SourceRef.line(file, c.line, c.text) : null);
                // an ip table sees IPv4 packets only, an ip6 table IPv6 only: its chain policy says nothing of the other family
                policies.add(switch (t.family) {
                    case "ip" -> p.withScope(PacketSet.IPV4);
                    case "ip6" -> p.withScope(PacketSet.IPV6);
                    default -> p;
                });
            }
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) {
                    if (!ledger.has(r.key())) {
                        ledger.mark(r.key(), r.text(), Verdict.IGNORED, "chain " + c.name + " is not reached from a forward or input hook");
                    }
                }
            }
        }
        return new Converted(policies, nat);
    }

    private static boolean isFiltering(Table t) {
        return t.family.equals("ip") || t.family.equals("ip6") || t.family.equals("inet");
    }

    private void flatten(Table table, Chain chain, MatchSpan ctx, Set<String> ctxIn, Set<String> ctxOut, List<String> stack,
                         Action policy, List<Rule> out) throws BadInputException {
        boolean top = stack.size() == 1;
        // the packets that reach the current rule: surely, as read, possibly (see MatchSpan)
        MatchSpan live = ctx;
        for (RawRule r : chain.rules) {
            List<Piece> ps = pieces.get(r);
            if (ps == null) continue;
            for (Piece p : ps) {
                if (live.isEmpty()) return;
                if (++visits > MAX_VISITS) {
                    throw new BadInputException(file, r.line(), "flattening the chains takes more than " + MAX_VISITS
                            + " rule visits (jumps fan out too much)");
                }
                Set<String> in = meet(ctxIn, p.in), outZ = meet(ctxOut, p.out);
                if (in == null || outZ == null) continue;
                MatchSpan hit = live == ALL ? p.span : p.span.intersect(live);
                ledger.used(r.key(), r.text());
                if (hit.isEmpty()) continue;
                switch (p.kind) {
                    case "accept" -> emit(out, r, Action.PERMIT, hit, in, outZ);
                    case "drop", "reject" -> emit(out, r, Action.DENY, hit, in, outZ);
                    case "return" -> live = doReturn(r, top, policy, hit, in, outZ, ctxIn, ctxOut, live, out);
                    case "jump", "goto" -> {
                        Chain next = table.chains.get(p.target);
                        if (next == null || next.hook != null) {
                            ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "chain " + p.target + " is not a regular chain of table "
                                    + table.family + " " + table.name + "; the jump is skipped");
                            live = undecided(out, live, hit, r, in, outZ, "the " + p.kind + " to " + p.target + " is skipped (not a regular chain) and may decide");
                            continue;
                        }
                        if (stack.contains(p.target)) {
                            ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "jump loop " + String.join(" -> ", stack) + " -> "
                                    + p.target + "; the jump is skipped");
                            live = undecided(out, live, hit, r, in, outZ, "the " + p.kind + " to " + p.target + " is skipped (jump loop) and may decide");
                            continue;
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "jumps nested deeper than " + MAX_DEPTH + "; the jump is skipped");
                            live = undecided(out, live, hit, r, in, outZ, "the " + p.kind + " to " + p.target + " is skipped (nested too deep) and may decide");
                            continue;
                        }
                        stack.add(p.target);
                        flatten(table, next, hit, in, outZ, stack, policy, out);
                        stack.remove(stack.size() - 1);
                        if (p.kind.equals("goto")) live = doReturn(r, top, policy, hit, in, outZ, ctxIn, ctxOut, live, out);
                    }
                    default -> {
                        ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "verdict " + p.kind + " is not modelled; the rule is skipped");
                        live = undecided(out, live, hit, r, in, outZ, "verdict " + p.kind + " is not modelled and may decide");
                    }
                }
            }
        }
    }

    private MatchSpan doReturn(RawRule r, boolean top, Action policy, MatchSpan hit, Set<String> in, Set<String> outZ,
                               Set<String> ctxIn, Set<String> ctxOut, MatchSpan live, List<Rule> out) throws BadInputException {
        if (top) {
            emit(out, r, policy, hit, in, outZ);
            return live;
        }
        if (!in.equals(ctxIn) || !outZ.equals(ctxOut)) {
            ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED,
                    "a return limited to an interface inside a regular chain is not modelled; the packets continue in the chain");
            // read as not returning; on the device some of these packets leave the chain here
            return live.minus(MatchSpan.unknown(hit.may(), r.line(), "a return limited to an interface is not modelled", null));
        }
        return live.minus(hit);
    }

    /**
     * What reaches the rules after {@code r}, a rule whose verdict is not modelled (queue, a skipped
     * jump): read as continuing, but the device may decide some of {@code hit} there, either way. A
     * permit and a deny placeholder that match nothing for sure stand for it, each with {@code hit}
     * as what it may match, so every later decision on those packets, the chain policy's included,
     * is uncertain.
     */
    private MatchSpan undecided(List<Rule> out, MatchSpan live, MatchSpan hit, RawRule r, Set<String> in, Set<String> outZ,
                                String reason) throws BadInputException {
        for (Action a : new Action[] {Action.PERMIT, Action.DENY}) {
            if (++emitted > MAX_RULES) throw new BadInputException(file, r.line(), "flattening the chains gives more than " + MAX_RULES + " rules");
            out.add(new Rule(out.size() + 1, r.comment(), a, PacketSet.EMPTY, in, outZ, SourceRef.line(file, r.line(), r.text()))
                    .withUncertainty(reason, hit.may()));
        }
        return live.minus(MatchSpan.unknown(hit.may(), r.line(), reason, null));
    }

    private void emit(List<Rule> out, RawRule r, Action a, MatchSpan hit, Set<String> in, Set<String> outZ) throws BadInputException {
        if (++emitted > MAX_RULES) throw new BadInputException(file, r.line(), "flattening the chains gives more than " + MAX_RULES + " rules");
        out.add(hit.mark(new Rule(out.size() + 1, r.comment(), a, hit.set(), in, outZ, SourceRef.line(file, r.line(), r.text())), r.line()));
    }

    private static Set<String> meet(Set<String> a, Set<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        Set<String> s = new HashSet<>(a);
        s.retainAll(b);
        return s.isEmpty() ? null : Set.copyOf(s);
    }

    /** A rule's condition as it is being built: one box and two interface sets. */
    private static final class Cond {
        IntervalSet proto = Protocols.ALL, src, dst, sp = Ports.ALL, dp = Ports.ALL;
        Set<String> in = Set.of(), out = Set.of();
        boolean newOk = true;

        Cond(IntervalSet domain) {
            src = domain;
            dst = domain;
        }

        Cond copy() {
            Cond c = new Cond(src);
            c.proto = proto;
            c.dst = dst;
            c.sp = sp;
            c.dp = dp;
            c.in = in;
            c.out = out;
            c.newOk = newOk;
            return c;
        }

        PacketSet set() {
            return PacketSet.of(new PacketBox(proto, src, dst, sp, dp));
        }
    }

    private static IntervalSet domain(Table t) {
        return switch (t.family) {
            case "ip" -> Addresses.ALL_V4;
            case "ip6" -> Addresses.ALL_V6;
            default -> Addresses.ALL;
        };
    }

    private RawRule current;
    /** Over-approximations of the rule being read (conditions treated as matching every packet), each once. */
    private Set<String> approx;

    private List<Piece> pieces(Table t, RawRule r) {
        current = r;
        approx = new LinkedHashSet<>();
        Cond c = new Cond(domain(t));
        // why the rule cannot be read exactly; it then stays at its place, read as matching nothing
        String unknown = null;
        List<Piece> out = new ArrayList<>();
        for (Stmt s : r.stmts()) {
            if (s instanceof Match m) {
                if (m.key().contains(" . ")) {
                    ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "concatenated match (" + m.key() + ") is not modelled; the rule is left out");
                    if (unknown == null) unknown = "the concatenated match (" + m.key() + ") is not modelled";
                    if (!m.negated()) c = concatBound(t, c, m.key(), m.value());
                    continue;
                }
                try {
                    apply(t, c, m.key(), m.negated(), m.value());
                } catch (IllegalArgumentException e) {
                    ledger.mark(r.key(), r.text(), Verdict.UNRECOGNIZED, e.getMessage() + "; the rule is not used");
                    if (unknown == null) unknown = "the rule could not be read (" + e.getMessage() + ")";
                }
            } else if (s instanceof NftRuleset.Verdict v) {
                if (!c.newOk) return onlyOld(r);
                if (v.kind().equals("continue")) continue;
                out.add(piece(r, c, unknown, v.kind(), v.target()));
                return out;
            } else if (s instanceof VMap vm) {
                if (vm.key().contains(" . ")) {
                    ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "verdict map on a concatenation (" + vm.key() + ") is not modelled; the rule is left out");
                    if (unknown == null) unknown = "the verdict map on a concatenation (" + vm.key() + ") is not modelled";
                }
                if (!c.newOk) return onlyOld(r);
                List<Value> entries;
                try {
                    entries = elements(t, vm.map());
                } catch (IllegalArgumentException e) {
                    // the verdicts are unknown: nothing can stand for them
                    ledger.mark(r.key(), r.text(), Verdict.UNRECOGNIZED, e.getMessage() + "; the rule is not used");
                    return List.of();
                }
                for (Value e : entries) {
                    if (!(e instanceof Entry en)) {
                        ledger.mark(r.key(), r.text(), Verdict.UNRECOGNIZED, "verdict map element without a verdict; the rule is not used");
                        return List.of();
                    }
                    Cond k = c.copy();
                    String entryUnknown = unknown;
                    if (vm.key().contains(" . ")) {
                        k = concatBound(t, k, vm.key(), en.key());
                    } else if (entryUnknown == null) {
                        try {
                            apply(t, k, vm.key(), false, en.key());
                        } catch (IllegalArgumentException ex) {
                            ledger.mark(r.key(), r.text(), Verdict.UNRECOGNIZED, ex.getMessage() + "; the rule is not used");
                            entryUnknown = "the rule could not be read (" + ex.getMessage() + ")";
                        }
                    }
                    out.add(piece(r, k, entryUnknown, en.verdict().kind(), en.verdict().target()));
                }
                return out;
            } else if (s instanceof Other o) {
                if (o.filtering()) {
                    ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "'" + o.what() + "' is not modelled; treated as matching every packet");
                    approx.add("'" + o.what() + "'");
                }
            } else if (s instanceof Dnat) {
                ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "dnat outside a nat chain");
            } else if (s instanceof Unread u) {
                // diagnosed by the parser
                if (u.verdicts().isEmpty()) {
                    if (unknown == null) unknown = "the rule could not be read (" + u.why() + ")";
                    continue;
                }
                // its verdicts are the only thing known
                for (NftRuleset.Verdict v : u.verdicts()) {
                    out.add(piece(r, new Cond(domain(t)), "the rule could not be read (" + u.why() + ")", v.kind(), v.target()));
                }
                return out;
            }
        }
        if (unknown == null) ledger.mark(r.key(), r.text(), Verdict.IGNORED, "no verdict: the rule only counts or logs");
        return List.of();
    }

    /**
     * {@code c} narrowed by what a concatenated match implies for each of its parts (the part's
     * values over all elements): a bound on the packets the device may match, not the match itself.
     * Unchanged when the values cannot be read part by part.
     */
    private Cond concatBound(Table t, Cond c, String key, Value v) {
        String[] parts = key.split(" \\. ");
        try {
            List<List<Value>> values = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) values.add(new ArrayList<>());
            for (Value e : elements(t, v)) {
                String[] vs = text(e).split(" \\. ");
                if (vs.length != parts.length) return c;
                for (int i = 0; i < parts.length; i++) values.get(i).add(new Single(vs[i].trim()));
            }
            Cond k = c.copy();
            for (int i = 0; i < parts.length; i++) {
                if (UNMODELLED_KEYS.contains(parts[i])) continue;
                apply(t, k, parts[i], false, new SetOf(values.get(i)));
            }
            return k;
        } catch (IllegalArgumentException e) {
            return c;
        }
    }

    /** One piece: exact, read as matching more than the device may (ignored conditions), or unknown (read as matching nothing). */
    private Piece piece(RawRule r, Cond c, String unknown, String kind, String target) {
        MatchSpan span;
        if (unknown != null) {
            // bounded by the conditions that could be read
            span = MatchSpan.unknown(c.set(), r.line(), unknown, "the rule is read as matching nothing");
        } else if (!approx.isEmpty()) {
            span = MatchSpan.over(c.set(), r.line(), String.join(", ", approx) + (approx.size() == 1 ? " is" : " are") + " not modelled",
                    "the rule is treated as always matching");
        } else {
            span = MatchSpan.exact(c.set());
        }
        return new Piece(span, c.in, c.out, kind, target);
    }

    private List<Piece> onlyOld(RawRule r) {
        ledger.mark(r.key(), r.text(), Verdict.IGNORED, "matches only packets of existing connections (return traffic); "
                + "the audit asks about new connections");
        return List.of();
    }

    private void apply(Table t, Cond c, String key, boolean neg, Value v) {
        if (UNMODELLED_KEYS.contains(key)) {
            ledger.mark(current.key(), current.text(), Verdict.UNSUPPORTED, "'" + key + "' is not modelled; treated as matching every packet");
            approx.add("'" + key + "'");
            return;
        }
        switch (key) {
            case "ip saddr", "ip daddr", "ip6 saddr", "ip6 daddr" -> {
                IntervalSet fam = key.startsWith("ip6") ? Addresses.ALL_V6 : Addresses.ALL_V4;
                IntervalSet s = IntervalSet.EMPTY;
                for (Value e : elements(t, v)) s = s.union(Addresses.parse(text(e)));
                s = neg ? fam.subtract(s) : s.intersect(fam);
                c.src = c.src.intersect(fam);
                c.dst = c.dst.intersect(fam);
                if (key.endsWith("saddr")) c.src = c.src.intersect(s);
                else c.dst = c.dst.intersect(s);
            }
            case "tcp dport", "tcp sport", "udp dport", "udp sport", "sctp dport", "sctp sport", "th dport", "th sport" -> {
                String l4 = key.substring(0, key.indexOf(' '));
                c.proto = c.proto.intersect(l4.equals("th") ? TH : IntervalSet.point(Protocols.number(l4)));
                IntervalSet s = IntervalSet.EMPTY;
                for (Value e : elements(t, v)) s = s.union(ports(text(e)));
                if (neg) s = Ports.ALL.subtract(s);
                if (key.endsWith("dport")) c.dp = c.dp.intersect(s);
                else c.sp = c.sp.intersect(s);
            }
            case "meta l4proto", "ip protocol", "ip6 nexthdr" -> {
                IntervalSet s = IntervalSet.EMPTY;
                for (Value e : elements(t, v)) {
                    int p = Protocols.number(text(e));
                    if (p < 0) throw new IllegalArgumentException("unknown protocol '" + text(e) + "'");
                    s = s.union(IntervalSet.point(p));
                }
                c.proto = c.proto.intersect(neg ? Protocols.ALL.subtract(s) : s);
                if (key.startsWith("ip ")) { c.src = c.src.intersect(Addresses.ALL_V4); c.dst = c.dst.intersect(Addresses.ALL_V4); }
                if (key.startsWith("ip6 ")) { c.src = c.src.intersect(Addresses.ALL_V6); c.dst = c.dst.intersect(Addresses.ALL_V6); }
            }
            case "meta nfproto" -> {
                String f = text(v);
                IntervalSet fam = f.equals("ipv4") ? Addresses.ALL_V4 : f.equals("ipv6") ? Addresses.ALL_V6 : null;
                if (fam == null) throw new IllegalArgumentException("unknown family '" + f + "'");
                if (neg) fam = Addresses.ALL.subtract(fam);
                c.src = c.src.intersect(fam);
                c.dst = c.dst.intersect(fam);
            }
            case "meta iifname", "meta oifname", "meta iif", "meta oif" -> {
                Set<String> names = new HashSet<>();
                for (Value e : elements(t, v)) names.add(text(e));
                boolean wildcard = names.stream().anyMatch(n -> n.endsWith("*"));
                if (neg || wildcard) {
                    ledger.mark(current.key(), current.text(), Verdict.UNSUPPORTED, (neg ? "a negated interface" : "an interface wildcard")
                            + " cannot be expressed as zones; the rule applies on every interface");
                    approx.add((neg ? "a negated interface" : "an interface wildcard") + " (" + key + ")");
                    return;
                }
                if (key.contains("iif")) c.in = c.in.isEmpty() ? Set.copyOf(names) : intersect(c.in, names);
                else c.out = c.out.isEmpty() ? Set.copyOf(names) : intersect(c.out, names);
            }
            case "ct state" -> {
                boolean has = false;
                for (Value e : elements(t, v)) {
                    for (String st : text(e).split(",")) {
                        String s = st.trim().toLowerCase(Locale.ROOT);
                        if (!STATES.contains(s)) throw new IllegalArgumentException("unknown connection state '" + st + "'");
                        has |= s.equals("new");
                    }
                }
                c.newOk &= has != neg;
            }
            default -> throw new IllegalArgumentException("match on '" + key + "' is not understood");
        }
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
            if (s.charAt(0) == '<') return IntervalSet.of(0, eq ? n : Math.max(0, n - 1));
            return IntervalSet.of(eq ? n : Math.min(Ports.MAX, n + 1), Ports.MAX);
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

    private void dnat(Table t, RawRule r, List<NatRule> nat) {
        Dnat d = null;
        IntervalSet mapped = null;
        try {
            for (Stmt s : r.stmts()) {
                if (s instanceof Dnat x) d = x;
                if (s instanceof Match m && (m.key().equals("ip daddr") || m.key().equals("ip6 daddr")) && !m.negated()) {
                    IntervalSet set = IntervalSet.EMPTY;
                    for (Value e : elements(t, m.value())) set = set.union(Addresses.parse(text(e)));
                    mapped = mapped == null ? set : mapped.intersect(set);
                }
            }
            if (d == null) {
                ledger.mark(r.key(), r.text(), Verdict.IGNORED, "nat rule without dnat does not change what the forward hook sees");
                return;
            }
            IntervalSet real = Addresses.parse(d.addr());
            if (mapped == null) {
                ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "dnat without an ip daddr match: the public address is unknown, not recorded");
                return;
            }
            nat.add(new NatRule(mapped, real, true, SourceRef.line(file, r.line(), r.text())));
            if (d.port() != null) {
                ledger.mark(r.key(), r.text(), Verdict.UNSUPPORTED, "port translation to " + d.port() + " is not modelled; the address translation is recorded");
            } else {
                ledger.used(r.key(), r.text());
            }
        } catch (IllegalArgumentException e) {
            ledger.mark(r.key(), r.text(), Verdict.UNRECOGNIZED, e.getMessage());
        }
    }
}
