package io.lyncaudit.importer.iptables;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.LinuxServices;
import io.lyncaudit.importer.MatchSpan;
import io.lyncaudit.importer.NatTarget;

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
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.policy.Translation;
import io.lyncaudit.policy.Zones;
import java.util.ArrayList;
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
    /** Deeper jump nesting is diagnosed; the kernel's own limit is far lower in practice. */
    static final int MAX_DEPTH = 32;
    /** Flattening diamonds of jumps can multiply rules; beyond this the input is refused. */
    static final int MAX_RULES = 500_000;
    /** Rule visits while flattening (a diamond of empty chains emits nothing but still costs). */
    static final int MAX_VISITS = 5_000_000;

    private static final Set<String> NON_DECIDING = Set.of("LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "CT", "NOTRACK",
            "TCPMSS", "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "TRACE", "AUDIT", "SET", "CHECKSUM", "TEE", "SECMARK",
            "CONNSECMARK", "IDLETIMER", "LED", "RATEEST", "HMARK");
    private static final Set<String> STATES = Set.of("NEW", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED", "SNAT", "DNAT");

    /**
     * A rule's condition in neutral terms; {@code span} is null when the rule can never match a new
     * connection, and not exact when the rule depends on something not modelled or could not be read.
     */
    record Match(MatchSpan span, Set<String> in, Set<String> out, int states) {
        Match(MatchSpan span, Set<String> in, Set<String> out) {
            this(span, in, out, ANY_STATE);
        }
    }

    /** A rule's connection-state condition admits tracked new connections (state NEW). */
    static final int NEW_STATE = 1;
    /** A rule's connection-state condition admits untracked packets (state UNTRACKED, after a raw NOTRACK). */
    static final int UNTRACKED_STATE = 2;
    static final int ANY_STATE = NEW_STATE | UNTRACKED_STATE;

    /** The conversion's products. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    private final IptablesRuleset rs;
    private final String file;
    private final LineLedger ledger;
    private final IntervalSet domain;
    private final Map<RawRule, Match> matches = new IdentityHashMap<>();
    private int emitted;
    private int visits;
    /** What the raw table's NOTRACK rules untrack (null: nothing), and the first such rule. */
    private MatchSpan notrack;
    private int notrackLine;
    private String notrackText;

    private IptablesConversions(IptablesRuleset rs, String file, LineLedger ledger) {
        this.rs = rs;
        this.file = file;
        this.ledger = ledger;
        this.domain = rs.ipv6 ? Addresses.ALL_V6 : Addresses.ALL_V4;
    }

    static Converted convert(IptablesRuleset rs, String file, LineLedger ledger) throws BadInputException {
        return new IptablesConversions(rs, file, ledger).run();
    }

    /** One built-in chain of one table: where the kernel calls it, in the kernel's order (hook, then priority). */
    private record Stage(String table, String chain, Hook hook) {}

    /** Every built-in chain of every table, in the order a packet meets them on its hook (raw -300, mangle -150, nat -100, filter 0, security 50, nat 100). */
    private static final List<Stage> STAGES = List.of(
            new Stage("raw", "PREROUTING", Hook.PREROUTING), new Stage("mangle", "PREROUTING", Hook.PREROUTING),
            new Stage("nat", "PREROUTING", Hook.PREROUTING),
            new Stage("mangle", "INPUT", Hook.INPUT), new Stage("filter", "INPUT", Hook.INPUT),
            new Stage("security", "INPUT", Hook.INPUT), new Stage("nat", "INPUT", Hook.INPUT),
            new Stage("mangle", "FORWARD", Hook.FORWARD), new Stage("filter", "FORWARD", Hook.FORWARD),
            new Stage("security", "FORWARD", Hook.FORWARD),
            new Stage("raw", "OUTPUT", Hook.OUTPUT), new Stage("mangle", "OUTPUT", Hook.OUTPUT), new Stage("nat", "OUTPUT", Hook.OUTPUT),
            new Stage("filter", "OUTPUT", Hook.OUTPUT), new Stage("security", "OUTPUT", Hook.OUTPUT),
            new Stage("mangle", "POSTROUTING", Hook.POSTROUTING), new Stage("nat", "POSTROUTING", Hook.POSTROUTING));

    private Converted run() throws BadInputException {
        List<NatRule> nat = new ArrayList<>();
        Table natTable = rs.tables.get("nat");
        if (natTable != null) {
            // the static translations, for the deployment's NAT check (before the conditions are released)
            for (Chain c : natTable.chains.values()) for (RawRule r : c.rules) natRecord(r, nat);
        }
        for (Table t : rs.tables.values()) for (Chain c : t.chains.values()) for (RawRule r : c.rules) match(t, r);
        // the raw table runs before connection tracking: what its NOTRACK rules untrack is known before the other tables are read
        Map<Stage, Policy> built = new java.util.HashMap<>();
        for (Stage st : STAGES) if (st.table().equals("raw")) builtIn(st, built);
        untrack();
        for (Stage st : STAGES) if (!st.table().equals("raw")) builtIn(st, built);
        List<Policy> policies = new ArrayList<>();
        for (Stage st : STAGES) if (built.containsKey(st)) policies.add(built.get(st));
        for (Table t : rs.tables.values()) {
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) {
                    if (ledger.has(r.line)) continue;
                    boolean builtIn = c.policy != null && !c.policy.equals("-");
                    ledger.mark(r.line, r.text, Verdict.IGNORED, builtIn
                            ? "chain " + c.name + " is not a built-in chain of table " + t.name + "; the kernel never calls it"
                            : "chain " + c.name + " of table " + t.name + " is never reached from a built-in chain");
                }
            }
        }
        return new Converted(policies, nat);
    }

    private void builtIn(Stage st, Map<Stage, Policy> built) throws BadInputException {
        Table t = rs.tables.get(st.table());
        Chain chain = t == null ? null : t.chains.get(st.chain());
        if (chain == null || chain.policy == null || chain.policy.equals("-")) return;
        built.put(st, builtIn(t, chain, st));
    }

    /**
     * Narrows every rule with a connection-state condition to the packets whose state it admits:
     * a new connection is NEW, unless a raw NOTRACK rule untracked it, when it is UNTRACKED.
     */
    private void untrack() {
        MatchSpan all = MatchSpan.exact(PacketSet.ALL);
        MatchSpan untracked = notrack == null ? MatchSpan.exact(PacketSet.EMPTY) : notrack;
        MatchSpan tracked = all.minus(untracked);
        for (Table t : rs.tables.values()) {
            if (t.name.equals("raw")) continue;
            for (Chain c : t.chains.values()) {
                for (RawRule r : c.rules) {
                    Match m = matches.get(r);
                    if (m == null || m.span == null || m.states == ANY_STATE) continue;
                    MatchSpan states = m.states == NEW_STATE ? tracked : untracked;
                    MatchSpan span = m.span.intersect(states);
                    if (span.isEmpty()) {
                        ledger.mark(r.line, r.text, Verdict.IGNORED, m.states == NEW_STATE
                                ? "every packet it could match is untracked (raw NOTRACK), so never in state NEW"
                                : "matches only untracked packets, and no raw NOTRACK rule untracks any it could match");
                        matches.put(r, new Match(null, m.in, m.out, m.states));
                    } else {
                        matches.put(r, new Match(span, m.in, m.out, m.states));
                    }
                }
            }
        }
    }

    private Policy builtIn(Table table, Chain chain, Stage st) throws BadInputException {
        Action def = "DROP".equals(chain.policy) ? Action.DENY : Action.PERMIT;
        SourceRef defSrc = chain.policyText != null ? SourceRef.line(file, chain.policyLine, chain.policyText) : null;
        List<Rule> out = new ArrayList<>();
        if (table.name.equals("nat") && notrack != null) {
            // untracked packets never see the nat table: they pass it untranslated
            out.add(notrack.mark(new Rule(1, "untracked (raw NOTRACK): the nat table is skipped", Action.PERMIT, notrack.set(), Set.of(), Set.of(),
                    SourceRef.line(file, notrackLine, notrackText)), notrackLine));
        }
        List<String> stack = new ArrayList<>();
        stack.add(chain.name);
        flatten(table, chain, MatchSpan.exact(PacketSet.of(new PacketBox(Protocols.ALL, Addresses.ALL, Addresses.ALL, Ports.ALL, Ports.ALL))),
                Set.of(), Set.of(), stack, def, out);
        // the filter table is the one people mean: its chains keep their plain names
        String name = table.name.equals("filter") ? chain.name : table.name + " " + chain.name;
        return new Policy(name, PolicyKind.FIRST_MATCH, null, def, out, defSrc, PacketSet.ALL, st.hook());
    }

    /** Every packet of the file's address family. */
    private PacketSet everything() {
        return PacketSet.of(new PacketBox(Protocols.ALL, domain, domain, Ports.ALL, Ports.ALL));
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
            boolean natTable = table.name.equals("nat");
            switch (target) {
                case "ACCEPT" -> emit(out, r, Action.PERMIT, hit, in, outZ);
                case "DROP", "REJECT" -> emit(out, r, Action.DENY, hit, in, outZ);
                case "RETURN" -> live = doReturn(r, top, policy, hit, in, outZ, ctxIn, ctxOut, live, out);
                case "DNAT", "REDIRECT" -> {
                    if (!natTable) {
                        ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, target + " outside the nat table; the rule is skipped");
                        live = undecided(out, live, hit, r, in, outZ, target + " outside the nat table is not modelled and may decide");
                    } else {
                        live = translate(out, r, hit, in, outZ, live);
                    }
                }
                // source translation ends the nat chain; no stage after nat POSTROUTING or INPUT looks at the source
                case "SNAT", "MASQUERADE" -> emit(out, r, Action.PERMIT, hit, in, outZ);
                case "NETMAP", "TPROXY", "SYNPROXY" -> {
                    ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "target " + target + " is not modelled; the rule is skipped");
                    live = undecided(out, live, hit, r, in, outZ, "target " + target + " is not modelled and may decide");
                }
                case "NOTRACK", "CT" -> {
                    if (target.equals("CT") && !r.targetOptions.contains("--notrack")) {
                        ledger.mark(r.line, r.text, Verdict.IGNORED, "CT without --notrack does not decide; the packet continues");
                    } else if (!table.name.equals("raw")) {
                        ledger.mark(r.line, r.text, Verdict.IGNORED, target + " outside the raw table does not decide; the packet continues");
                    } else {
                        // the packet continues, untracked: the nat table skips it, and state matches see UNTRACKED
                        ledger.used(r.line, r.text);
                        if (!in.isEmpty() || !outZ.isEmpty()) {
                            // which packets are untracked is a set of packets; an interface condition cannot be part of it
                            hit = MatchSpan.unknown(hit.may(), r.line, "a NOTRACK limited to an interface is not modelled "
                                    + "(whether a packet is untracked depends on where it came in)", null);
                        }
                        if (notrack == null) {
                            notrack = hit;
                            notrackLine = r.line;
                            notrackText = r.text;
                        } else {
                            notrack = notrack.union(hit);
                        }
                    }
                }
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
        return Zones.meet(a, b);
    }

    /**
     * A DNAT or REDIRECT rule of the nat table: a permit that translates what it matches, read as
     * translating to the first address and port of a range (the kernel picks one per connection,
     * so such a rule is uncertain).
     */
    private MatchSpan translate(List<Rule> out, RawRule r, MatchSpan hit, Set<String> in, Set<String> outZ, MatchSpan live)
            throws BadInputException {
        Translation t;
        String range = null;
        try {
            if (r.target.equals("REDIRECT")) {
                String ports = r.targetOptions.value("--to-ports");
                IntervalSet p = ports == null ? null : ports(ports.replace('-', ':'));
                if (p != null && p.size().compareTo(java.math.BigInteger.ONE) > 0) range = "REDIRECT to a port range";
                t = new Translation(null, p == null ? null : IntervalSet.point(p.startLong(0)), true);
            } else {
                Dest d = destination(r.toDestination);
                if (d.addresses != null && d.addresses.size().compareTo(java.math.BigInteger.ONE) > 0) range = "DNAT to an address range";
                if (d.ports != null && d.ports.size().compareTo(java.math.BigInteger.ONE) > 0) {
                    range = (range == null ? "DNAT to a port range" : range + " and a port range");
                }
                t = new Translation(d.addresses == null ? null : first(d.addresses),
                        d.ports == null ? null : IntervalSet.point(d.ports.startLong(0)), false);
            }
        } catch (IllegalArgumentException e) {
            ledger.mark(r.line, r.text, Verdict.UNRECOGNIZED, e.getMessage() + "; the translation is not used");
            return undecided(out, live, hit, r, in, outZ, "the translation could not be read (" + e.getMessage() + ")");
        }
        if (t.destinationPort() != null && !portsOnly(hit.may())) {
            ledger.mark(r.line, r.text, Verdict.UNRECOGNIZED, "a translation to a port needs -p tcp, udp or sctp "
                    + "(iptables-restore refuses it); the translation is not used");
            return undecided(out, live, hit, r, in, outZ, "the translation could not be read (a port without -p tcp, udp or sctp)");
        }
        emit(out, r, Action.PERMIT, hit, in, outZ);
        Rule emitted = out.remove(out.size() - 1).withTranslation(t);
        if (range != null) {
            emitted = emitted.withUncertainty(range + ": the kernel picks one per connection; the first is read", emitted.match());
        }
        out.add(emitted);
        return live;
    }

    /** True when every packet of {@code s} is of a protocol with ports. */
    private static boolean portsOnly(PacketSet s) {
        for (PacketBox b : s.boxes()) {
            IntervalSet p = b.protocols();
            for (int i = 0; i < p.intervalCount(); i++) {
                for (long v = p.startLong(i); v <= p.endLong(i); v++) if (!Protocols.hasPorts((int) v)) return false;
            }
        }
        return true;
    }

    /** The address and port parts of {@code --to-destination [ADDR[-ADDR]][:PORT[-PORT]]}; null parts are not given. */
    private record Dest(IntervalSet addresses, IntervalSet ports) {}

    private Dest destination(String to) {
        if (to == null || to.isEmpty()) throw new IllegalArgumentException("DNAT without --to-destination");
        NatTarget target = NatTarget.parse(to);
        String addr = target.address(), port = target.port();
        IntervalSet a = null;
        if (addr != null && !addr.isEmpty()) {
            int dash = addr.indexOf('-');
            a = dash < 0 ? Addresses.parse(addr) : Addresses.parse(addr.substring(0, dash) + "-" + addr.substring(dash + 1));
            if (!a.intersects(domain)) throw new IllegalArgumentException("'" + addr + "' is not an address of this file's family");
        }
        IntervalSet p = port == null || port.isEmpty() ? null : ports(port.replace('-', ':'));
        if (a == null && p == null) throw new IllegalArgumentException("DNAT to '" + to + "' names no address nor port");
        return new Dest(a, p);
    }

    private static IntervalSet first(IntervalSet s) {
        return IntervalSet.of(s.startHi(0), s.startLo(0), s.startHi(0), s.startLo(0));
    }

    /** A static translation of the nat table, as the deployment's NAT check reads it; the ledger verdict comes from the walk. */
    private void natRecord(RawRule r, List<NatRule> nat) {
        if (!"DNAT".equals(r.target) || r.toDestination == null) return;
        try {
            Dest d = destination(r.toDestination);
            if (d.addresses == null) return;
            IntervalSet mapped = domain;
            boolean any = false;
            for (Cond n : r.conds) {
                if (n.kind() == Kind.DESTINATION) mapped = restrict(mapped, addresses(n.value()), n.negated());
                if (n.kind() == Kind.DESTINATION_RANGE) mapped = restrict(mapped, Addresses.parse(n.value()), n.negated());
                any |= n.kind() == Kind.DESTINATION || n.kind() == Kind.DESTINATION_RANGE;
            }
            // without a destination match the public address is unknown: nothing to check against the deployment
            if (any) nat.add(new NatRule(mapped, d.addresses, true, SourceRef.line(file, r.line, r.text)));
        } catch (IllegalArgumentException e) {
            // diagnosed when the rule is walked
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

    /** Converts a rule's condition once (cached: user chains can be inlined many times) and records its verdict. */
    private void match(Table t, RawRule r) {
        Match m;
        try {
            m = build(r, ledger, t.name.equals("raw"));
        } catch (IllegalArgumentException e) {
            ledger.mark(r.line, r.text, Verdict.UNRECOGNIZED, e.getMessage() + "; the rule is not used");
            // the device may still apply it: read as matching nothing, it may match any packet that reaches it
            m = new Match(MatchSpan.unknown(everything(), r.line, "the rule could not be read (" + e.getMessage() + ")",
                    "the rule is read as matching nothing"), Set.of(), Set.of());
        }
        matches.put(r, m);
        r.conds = null; // converted: the strings are no longer needed
    }

    private Match build(RawRule r, LineLedger ledger, boolean raw) {
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
        int states = states(r);
        if (states == 0) {
            ledger.mark(r.line, r.text, Verdict.IGNORED, "matches only packets of existing connections (return traffic); "
                    + "the audit asks about new connections");
            return new Match(null, Set.of(), Set.of(), 0);
        }
        if (states != ANY_STATE && raw) {
            // the raw table runs before connection tracking, so a state match there is not about NEW at all
            approx.add("a connection-state match in the raw table (before connection tracking) is not modelled");
            treatedAs.add("always matching");
            ledger.mark(r.line, r.text, Verdict.UNSUPPORTED, "a connection-state match in the raw table is not modelled; "
                    + "treated as matching every packet");
            states = ANY_STATE;
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
                : MatchSpan.over(set, r.line, String.join(", ", approx), "the rule is treated as " + String.join(" and ", treatedAs)), in, out,
                states);
    }

    /**
     * Which states of a new connection's first packet the rule's state conditions admit: NEW (a
     * tracked connection), UNTRACKED (after a raw NOTRACK), both (no condition) or neither (the rule
     * only sees existing connections). {@code ! --syn} never matches a connection's first packet.
     */
    private int states(RawRule r) {
        if (Boolean.FALSE.equals(r.syn)) return 0;
        int admitted = ANY_STATE;
        for (Cond n : r.conds) {
            if (n.kind() != Kind.STATE) continue;
            boolean isNew = false, untracked = false;
            for (String s : n.value().split(",")) {
                String st = s.trim().toUpperCase(Locale.ROOT);
                if (!STATES.contains(st)) throw new IllegalArgumentException("unknown connection state '" + s + "'");
                if (st.equals("NEW")) isNew = true;
                if (st.equals("UNTRACKED")) untracked = true;
            }
            int here = ((isNew != n.negated()) ? NEW_STATE : 0) | ((untracked != n.negated()) ? UNTRACKED_STATE : 0);
            admitted &= here;
        }
        return admitted;
    }

    /** {@code -i eth0}, {@code -i eth+} (every interface whose name starts with eth), {@code ! -i lo}: see {@link Zones}. */
    private static Set<String> iface(RawRule r, Neg n, String opt, LineLedger ledger, List<String> approx, List<String> treatedAs) {
        if (n == null) return Set.of();
        return Set.of(n.negated() ? "!" + n.value() : n.value());
    }

    /** "443", "1024:65535", ":1023", "1024:", "80,443,8000:8080", service names. */
    static IntervalSet ports(String v) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String part : v.split(",")) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon < 0) {
                int n = LinuxServices.port(p);
                s = s.union(IntervalSet.of(n, n));
            } else {
                int a = colon == 0 ? 0 : LinuxServices.port(p.substring(0, colon));
                int b = colon == p.length() - 1 ? Ports.MAX : LinuxServices.port(p.substring(colon + 1));
                if (a > b) throw new IllegalArgumentException("port range '" + p + "' ends before it starts");
                s = s.union(IntervalSet.of(a, b));
            }
        }
        return s;
    }

}
