package io.lyncaudit.importer.iptables;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.MatchSpan;

import io.lyncaudit.importer.iptables.IptablesRuleset.Chain;
import io.lyncaudit.importer.iptables.IptablesRuleset.Cond;
import io.lyncaudit.importer.iptables.IptablesRuleset.Kind;
import io.lyncaudit.importer.iptables.IptablesRuleset.Neg;
import io.lyncaudit.importer.iptables.IptablesRuleset.RawRule;
import io.lyncaudit.importer.iptables.IptablesRuleset.Table;
import io.lyncaudit.importer.LineLedger.Verdict;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Second stage: the raw iptables model into neutral first-match policies (user chains flattened)
 * and NAT rules. See the package documentation for the decisions taken here.
 */
final class IptablesConversions {
    /** Traffic to the box itself leaves through the "host" pseudo-interface of the audit (a host firewall's guarded side). */
    static final String HOST = "host";

    /** Deeper jump nesting is diagnosed; the kernel's own limit is far lower in practice. */
    static final int MAX_DEPTH = 32;
    /** Flattening diamonds of jumps can multiply rules; beyond this the input is refused. */
    static final int MAX_RULES = 500_000;
    /** Rule visits while flattening (a diamond of empty chains emits nothing but still costs). */
    static final int MAX_VISITS = 5_000_000;

    private static final Set<String> NON_DECIDING = Set.of("LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "CT", "NOTRACK",
            "TCPMSS", "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "TRACE", "AUDIT", "SET", "CHECKSUM", "TEE", "SECMARK",
            "CONNSECMARK", "IDLETIMER", "LED", "RATEEST", "SYNPROXY", "TPROXY", "HMARK");
    private static final Set<String> STATES = Set.of("NEW", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED", "SNAT", "DNAT");
    private static final Map<String, Integer> SERVICES = Map.ofEntries(Map.entry("http", 80), Map.entry("https", 443),
            Map.entry("ssh", 22), Map.entry("domain", 53), Map.entry("sip", 5060), Map.entry("sip-tls", 5061),
            Map.entry("sips", 5061), Map.entry("ldap", 389), Map.entry("ldaps", 636), Map.entry("smtp", 25),
            Map.entry("ntp", 123), Map.entry("snmp", 161), Map.entry("kerberos", 88), Map.entry("microsoft-ds", 445),
            Map.entry("ftp", 21), Map.entry("telnet", 23), Map.entry("www", 80), Map.entry("rdp", 3389), Map.entry("ms-wbt-server", 3389));

    /**
     * A rule's condition in neutral terms; {@code span} is null when the rule can never match a new
     * connection, and not exact when the rule depends on something not modelled or could not be read.
     */
    record Match(MatchSpan span, Set<String> in, Set<String> out) {}

    /** The conversion's products. */
    record Converted(List<Policy> policies, List<NatRule> nat, boolean hasFilter) {}

    private final IptablesRuleset rs;
    private final String file;
    private final LineLedger ledger;
    private final IntervalSet domain;
    private final Map<RawRule, Match> matches = new IdentityHashMap<>();
    private int emitted;
    private int visits;

    private IptablesConversions(IptablesRuleset rs, String file, LineLedger ledger) {
        this.rs = rs;
        this.file = file;
        this.ledger = ledger;
        this.domain = rs.ipv6 ? Addresses.ALL_V6 : Addresses.ALL_V4;
    }

    static Converted convert(IptablesRuleset rs, String file, LineLedger ledger) throws BadInputException {
        return new IptablesConversions(rs, file, ledger).run();
    }

    private Converted run() throws BadInputException {
        List<Policy> policies = new ArrayList<>();
        List<NatRule> nat = new ArrayList<>();
        Table filter = rs.tables.get("filter");
        if (filter != null) {
            for (Chain c : filter.chains.values()) for (RawRule r : c.rules) match(r);
            List<Rule> forwardDrops = new ArrayList<>(), inputDrops = new ArrayList<>();
            otherTableDrops(forwardDrops, inputDrops);
            policies.add(builtIn(filter, "FORWARD", null, forwardDrops));
            if (filter.chains.containsKey("INPUT")) {
                policies.add(builtIn(filter, "INPUT", new Binding(HOST, Binding.Direction.OUT), inputDrops));
            }
            for (Chain c : filter.chains.values()) {
                for (RawRule r : c.rules) {
                    if (ledger.has(r.line)) continue;
                    ledger.mark(r.line, r.text, Verdict.IGNORED, c.name.equals("OUTPUT")
                            ? "OUTPUT filters traffic the firewall itself sends; not audited"
                            : "chain " + c.name + " is never reached from FORWARD or INPUT");
                }
            }
        }
        for (Table t : rs.tables.values()) {
            if (t.name.equals("filter")) continue;
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) otherTable(t, c, r, nat);
            }
        }
        return new Converted(policies, nat, filter != null);
    }

    private Policy builtIn(Table filter, String name, Binding binding, List<Rule> first) throws BadInputException {
        Chain chain = filter.chains.get(name);
        Action def = chain != null && "DROP".equals(chain.policy) ? Action.DENY : Action.PERMIT;
        SourceRef defSrc = chain != null && chain.policyText != null ? SourceRef.line(file, chain.policyLine, chain.policyText) : null;
        List<Rule> out = new ArrayList<>();
        for (Rule r : first) out.add(r.withIndex(out.size() + 1));
        if (chain != null) {
            List<String> stack = new ArrayList<>();
            stack.add(name);
            flatten(filter, chain, MatchSpan.exact(PacketSet.of(new PacketBox(Protocols.ALL, Addresses.ALL, Addresses.ALL, Ports.ALL, Ports.ALL))),
                    Set.of(), Set.of(), stack, def, out);
        }
        return new Policy(name, PolicyKind.FIRST_MATCH, binding, def, out, defSrc);
    }

    /** Every packet of the file's address family. */
    private PacketSet everything() {
        return PacketSet.of(new PacketBox(Protocols.ALL, domain, domain, Ports.ALL, Ports.ALL));
    }

    /**
     * DROP and REJECT rules of the mangle, raw and security tables are not modelled, but they may
     * drop what the filter table accepts. Each becomes a deny rule that matches nothing as read and
     * may match what its own condition covers, first in the FORWARD and INPUT policies its hook
     * feeds: whatever their order in the kernel, a drop there makes any accept uncertain, and no
     * drop. User chains of those tables may be reached from any hook.
     */
    private void otherTableDrops(List<Rule> forward, List<Rule> input) {
        for (Table t : rs.tables.values()) {
            if (t.name.equals("filter") || t.name.equals("nat")) continue;
            for (Chain c : t.chains.values()) {
                boolean user = c.policy == null || c.policy.equals("-");
                boolean toForward = user || c.name.equals("PREROUTING") || c.name.equals("FORWARD") || c.name.equals("POSTROUTING");
                boolean toInput = user || c.name.equals("PREROUTING") || c.name.equals("INPUT");
                if (!toForward && !toInput) continue;
                for (RawRule r : c.rules) {
                    if (!"DROP".equals(r.target) && !"REJECT".equals(r.target)) continue;
                    Match m;
                    try {
                        // read quietly: the line's verdict is given by otherTable, whatever its options
                        m = build(r, new LineLedger(file));
                    } catch (IllegalArgumentException e) {
                        m = new Match(MatchSpan.exact(everything()), Set.of(), Set.of());
                    }
                    if (m.span == null) continue; // existing connections only
                    Rule placeholder = new Rule(1, r.comment, Action.DENY, PacketSet.EMPTY, m.in, m.out, SourceRef.line(file, r.line, r.text))
                            .withUncertainty(r.target + " in the " + t.name + " table is not modelled; it may drop these packets", m.span.may());
                    if (toForward) forward.add(placeholder);
                    if (toInput) input.add(placeholder);
                }
            }
        }
    }

    /**
     * Emits the rules of {@code chain} restricted to {@code ctx} and the context interfaces. Returns
     * nothing: packets a RETURN (or goto) removes simply stop matching the rest of this chain.
     */
    private void flatten(Table table, Chain chain, MatchSpan ctx, Set<String> ctxIn, Set<String> ctxOut, List<String> stack,
                         Action policy, List<Rule> out) throws BadInputException {
        boolean top = stack.size() == 1;
        // the packets that reach the current rule: surely, as read, possibly (see MatchSpan)
        MatchSpan live = ctx;
        for (RawRule r : chain.rules) {
            if (live.isEmpty()) break;
            if (++visits > MAX_VISITS) {
                throw new BadInputException(file, r.line, "flattening the user chains takes more than " + MAX_VISITS
                        + " rule visits (jumps fan out too much)");
            }
            Match m = matches.get(r);
            if (m == null || m.span == null) continue;
            Set<String> in = meet(ctxIn, m.in), outZ = meet(ctxOut, m.out);
            if (in == null || outZ == null) continue;
            MatchSpan hit = top && live == ctx ? m.span : m.span.intersect(live);
            if (hit.isEmpty()) {
                ledger.used(r.line, r.text);
                continue;
            }
            String target = r.target;
            if (target == null) {
                ledger.mark(r.line, r.text, Verdict.IGNORED, "no target: the rule only counts packets");
                continue;
            }
            switch (target) {
                case "ACCEPT" -> emit(out, r, Action.PERMIT, hit, in, outZ);
                case "DROP", "REJECT" -> emit(out, r, Action.DENY, hit, in, outZ);
                case "RETURN" -> live = doReturn(r, top, policy, hit, in, outZ, ctxIn, ctxOut, live, out);
                default -> {
                    Chain next = table.chains.get(target);
                    if (next != null && next.policy != null && !next.policy.equals("-")) next = null; // built-in chains are not jump targets
                    if (next == null) {
                        if (NON_DECIDING.contains(target)) {
                            ledger.mark(r.line, r.text, Verdict.IGNORED, target + " does not decide; the packet continues");
                        } else {
                            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "target " + target
                                    + " is not a chain of table " + table.name + " nor a modelled target; the rule is skipped");
                            live = undecided(out, live, hit, r, in, outZ, "target " + target + " is not modelled and may decide");
                        }
                        continue;
                    }
                    if (stack.contains(target)) {
                        ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "jump loop " + String.join(" -> ", stack) + " -> " + target
                                + "; the jump is skipped");
                        live = undecided(out, live, hit, r, in, outZ, "the jump to " + target + " is skipped (jump loop) and may decide");
                        continue;
                    }
                    if (stack.size() >= MAX_DEPTH) {
                        ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "jumps nested deeper than " + MAX_DEPTH + "; the jump is skipped");
                        live = undecided(out, live, hit, r, in, outZ, "the jump to " + target + " is skipped (nested too deep) and may decide");
                        continue;
                    }
                    ledger.used(r.line, r.text);
                    stack.add(target);
                    flatten(table, next, hit, in, outZ, stack, policy, out);
                    stack.remove(stack.size() - 1);
                    // -g: when the target chain falls off its end, the packet returns to our caller
                    if (r.isGoto) live = doReturn(r, top, policy, hit, in, outZ, ctxIn, ctxOut, live, out);
                }
            }
        }
    }

    private MatchSpan doReturn(RawRule r, boolean top, Action policy, MatchSpan hit, Set<String> in, Set<String> outZ,
                               Set<String> ctxIn, Set<String> ctxOut, MatchSpan live, List<Rule> out) throws BadInputException {
        if (top) {
            // RETURN from a built-in chain: the chain policy decides
            emit(out, r, policy, hit, in, outZ);
            return live;
        }
        ledger.used(r.line, r.text);
        if (!in.equals(ctxIn) || !outZ.equals(ctxOut)) {
            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED,
                    "a return limited to an interface inside a user chain is not modelled; the packets continue in the chain");
            // read as not returning; on the device some of these packets leave the chain here
            return live.minus(MatchSpan.unknown(hit.may(), r.line, "a return limited to an interface is not modelled", null));
        }
        return live.minus(hit);
    }

    /**
     * What reaches the rules after {@code r}, a rule whose target is not modelled: read as
     * continuing, but the device may decide some of {@code hit} there, either way. Two placeholders
     * that match nothing for sure stand for it, one permit and one deny, each with {@code hit} as
     * what it may match: then every later decision on those packets, the chain policy's included,
     * is uncertain whichever way it goes.
     */
    private MatchSpan undecided(List<Rule> out, MatchSpan live, MatchSpan hit, RawRule r, Set<String> in, Set<String> outZ,
                                String reason) throws BadInputException {
        for (Action a : new Action[] {Action.PERMIT, Action.DENY}) {
            if (++emitted > MAX_RULES) {
                throw new BadInputException(file, r.line, "flattening the user chains gives more than " + MAX_RULES + " rules");
            }
            out.add(new Rule(out.size() + 1, r.comment, a, PacketSet.EMPTY, in, outZ, SourceRef.line(file, r.line, r.text))
                    .withUncertainty(reason, hit.may()));
        }
        return live.minus(MatchSpan.unknown(hit.may(), r.line, reason, null));
    }

    private void emit(List<Rule> out, RawRule r, Action a, MatchSpan hit, Set<String> in, Set<String> outZ) throws BadInputException {
        if (++emitted > MAX_RULES) {
            throw new BadInputException(file, r.line, "flattening the user chains gives more than " + MAX_RULES + " rules");
        }
        ledger.used(r.line, r.text);
        out.add(hit.mark(new Rule(out.size() + 1, r.comment, a, hit.set(), in, outZ, SourceRef.line(file, r.line, r.text)), r.line));
    }

    /** The intersection of two zone conditions (empty = any); null when they exclude each other. */
    private static Set<String> meet(Set<String> a, Set<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        Set<String> s = new HashSet<>(a);
        s.retainAll(b);
        return s.isEmpty() ? null : Set.copyOf(s);
    }

    private void otherTable(Table t, Chain c, RawRule r, List<NatRule> nat) {
        String target = r.target == null ? "" : r.target;
        if (t.name.equals("nat") && target.equals("DNAT")) {
            dnat(r, nat);
        } else if (t.name.equals("nat")) {
            ledger.mark(r.line, r.text, Verdict.IGNORED, (target.isEmpty() ? "rule" : target) + " in the nat table does not filter"
                    + (target.equals("SNAT") || target.equals("MASQUERADE") ? " (source NAT happens after FORWARD)" : ""));
        } else if (target.equals("DROP") || target.equals("REJECT")) {
            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "filtering in the " + t.name + " table is not modelled");
        } else {
            ledger.mark(r.line, r.text, Verdict.IGNORED, "the " + t.name + " table does not filter");
        }
    }

    private void dnat(RawRule r, List<NatRule> nat) {
        if (r.toDestination == null) {
            ledger.mark(r.line, r.text, Verdict.UNRECOGNIZED, "DNAT without --to-destination");
            return;
        }
        String to = r.toDestination;
        String addr = to, port = null;
        if (to.startsWith("[")) {
            int close = to.indexOf(']');
            addr = close > 0 ? to.substring(1, close) : to;
            if (close > 0 && close + 1 < to.length() && to.charAt(close + 1) == ':') port = to.substring(close + 2);
        } else if (to.indexOf(':') == to.lastIndexOf(':') && to.indexOf(':') >= 0) {
            addr = to.substring(0, to.indexOf(':'));
            port = to.substring(to.indexOf(':') + 1);
        }
        IntervalSet real, mapped = domain;
        try {
            real = Addresses.parse(addr);
            for (Cond n : r.conds) {
                if (n.kind() == Kind.DESTINATION) mapped = restrict(mapped, addresses(n.value()), n.negated());
                if (n.kind() == Kind.DESTINATION_RANGE) mapped = restrict(mapped, Addresses.parse(n.value()), n.negated());
            }
        } catch (IllegalArgumentException e) {
            ledger.mark(r.line, r.text, Verdict.UNRECOGNIZED, e.getMessage());
            return;
        }
        if (!r.has(Kind.DESTINATION) && !r.has(Kind.DESTINATION_RANGE)) {
            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "DNAT without a destination match: the public address is unknown, not recorded");
            return;
        }
        nat.add(new NatRule(mapped, real, true, SourceRef.line(file, r.line, r.text)));
        if (port != null && !port.isEmpty()) {
            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "port translation to " + port
                    + " is not modelled; the address translation is recorded");
        } else {
            ledger.used(r.line, r.text);
        }
    }

    private static IntervalSet restrict(IntervalSet cur, IntervalSet s, boolean negated) {
        return negated ? cur.subtract(s) : cur.intersect(s);
    }

    private static IntervalSet addresses(String v) {
        if (v.indexOf(',') < 0) return Addresses.parse(v);
        IntervalSet s = IntervalSet.EMPTY;
        for (String part : v.split(",")) s = s.union(Addresses.parse(part));
        return s;
    }

    /** Converts a filter rule's condition once (cached: user chains can be inlined many times) and records its verdict. */
    private void match(RawRule r) {
        Match m;
        try {
            m = build(r, ledger);
        } catch (IllegalArgumentException e) {
            ledger.mark(r.line, r.text, Verdict.UNRECOGNIZED, e.getMessage() + "; the rule is not used");
            // the device may still apply it: read as matching nothing, it may match any packet that reaches it
            m = new Match(MatchSpan.unknown(everything(), r.line, "the rule could not be read (" + e.getMessage() + ")",
                    "the rule is read as matching nothing"), Set.of(), Set.of());
        }
        matches.put(r, m);
        r.conds = null; // converted: the strings are no longer needed
    }

    private Match build(RawRule r, LineLedger ledger) {
        if (!r.unrecognized.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", r.unrecognized));
        }
        for (String u : r.unsupported) {
            if (r.target == null || NON_DECIDING.contains(r.target)) {
                // a rule that decides nothing (LOG, MARK, ...) cannot change a verdict, whatever it matches
                ledger.mark(r.line, r.text, Verdict.IGNORED, u + " is not modelled, which cannot matter here");
            } else {
                ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, u + " is not modelled; treated as matching every packet");
            }
        }
        // over-approximations: each cause, and what the rule is then treated as
        List<String> approx = new ArrayList<>(2), treatedAs = new ArrayList<>(2);
        if (!r.unmodelled.isEmpty()) {
            approx.add(String.join(", ", r.unmodelled) + (r.unmodelled.size() == 1 ? " is" : " are") + " not modelled");
            treatedAs.add("always matching");
        }
        IntervalSet proto = Protocols.ALL;
        if (r.protocol != null) {
            String p = r.protocol.value().toLowerCase(Locale.ROOT);
            IntervalSet ps;
            if (p.equals("all") || p.equals("0")) {
                ps = Protocols.ALL;
            } else {
                int num = Protocols.number(p);
                if (num < 0) throw new IllegalArgumentException("unknown protocol '" + r.protocol.value() + "'");
                ps = IntervalSet.point(num);
            }
            proto = restrict(proto, ps, r.protocol.negated());
        }
        IntervalSet src = domain, dst = domain;
        IntervalSet sp = Ports.ALL, dp = Ports.ALL, either = Ports.ALL;
        boolean hasPorts = false;
        for (Cond n : r.conds) {
            switch (n.kind()) {
                case SOURCE -> src = restrict(src, addresses(n.value()), n.negated());
                case SOURCE_RANGE -> src = restrict(src, Addresses.parse(n.value()), n.negated());
                case DESTINATION -> dst = restrict(dst, addresses(n.value()), n.negated());
                case DESTINATION_RANGE -> dst = restrict(dst, Addresses.parse(n.value()), n.negated());
                case SOURCE_PORT -> sp = restrict(sp, ports(n.value()), n.negated());
                case DESTINATION_PORT -> dp = restrict(dp, ports(n.value()), n.negated());
                case EITHER_PORT -> either = restrict(either, ports(n.value()), n.negated());
                case STATE -> { }
            }
            hasPorts |= n.kind() == Kind.SOURCE_PORT || n.kind() == Kind.DESTINATION_PORT || n.kind() == Kind.EITHER_PORT;
        }
        if (hasPorts) {
            for (int i = 0; i < proto.intervalCount(); i++) {
                for (long p = proto.startLong(i); p <= proto.endLong(i); p++) {
                    if (!Protocols.hasPorts((int) p)) throw new IllegalArgumentException("a port match needs -p tcp, udp or sctp");
                }
            }
        }
        if (!newConnection(r)) {
            ledger.mark(r.line, r.text, Verdict.IGNORED, "matches only packets of existing connections (return traffic); "
                    + "the audit asks about new connections");
            return new Match(null, Set.of(), Set.of());
        }
        Set<String> in = iface(r, r.inIface, "-i", ledger, approx, treatedAs), out = iface(r, r.outIface, "-o", ledger, approx, treatedAs);
        PacketSet set;
        if (either.equals(Ports.ALL)) {
            set = PacketSet.of(new PacketBox(proto, src, dst, sp, dp));
        } else {
            set = PacketSet.union(List.of(new PacketBox(proto, src, dst, sp.intersect(either), dp),
                    new PacketBox(proto, src, dst, sp, dp.intersect(either))));
        }
        return new Match(approx.isEmpty() ? MatchSpan.exact(set)
                : MatchSpan.over(set, r.line, String.join(", ", approx), "the rule is treated as " + String.join(" and ", treatedAs)), in, out);
    }

    private boolean newConnection(RawRule r) {
        if (Boolean.FALSE.equals(r.syn)) return false;
        boolean newOk = true;
        for (Cond n : r.conds) {
            if (n.kind() != Kind.STATE) continue;
            boolean has = false;
            for (String s : n.value().split(",")) {
                String st = s.trim().toUpperCase(Locale.ROOT);
                if (!STATES.contains(st)) throw new IllegalArgumentException("unknown connection state '" + s + "'");
                if (st.equals("NEW")) has = true;
            }
            newOk &= has != n.negated();
        }
        return newOk;
    }

    private static Set<String> iface(RawRule r, Neg n, String opt, LineLedger ledger, List<String> approx, List<String> treatedAs) {
        if (n == null) return Set.of();
        if (n.negated() || n.value().endsWith("+")) {
            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, (n.negated() ? "a negated interface (! " + opt + " " : "an interface wildcard (" + opt + " ")
                    + n.value() + ") cannot be expressed as zones; the rule applies on every interface");
            approx.add("'" + (n.negated() ? "! " : "") + opt + " " + n.value() + "' cannot be expressed as zones");
            if (!treatedAs.contains("applying on every interface")) treatedAs.add("applying on every interface");
            return Set.of();
        }
        return Set.of(n.value());
    }

    /** "443", "1024:65535", ":1023", "1024:", "80,443,8000:8080", service names. */
    static IntervalSet ports(String v) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String part : v.split(",")) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon < 0) {
                int n = port(p);
                s = s.union(IntervalSet.of(n, n));
            } else {
                int a = colon == 0 ? 0 : port(p.substring(0, colon));
                int b = colon == p.length() - 1 ? Ports.MAX : port(p.substring(colon + 1));
                if (a > b) throw new IllegalArgumentException("port range '" + p + "' ends before it starts");
                s = s.union(IntervalSet.of(a, b));
            }
        }
        return s;
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
}
