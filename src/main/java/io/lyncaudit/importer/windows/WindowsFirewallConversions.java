package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage two for Windows Firewall: raw rule blocks into two block-wins policies of a host firewall.
 *
 * <p>Windows combines rules without order: a matching block rule wins over any allow rule, and
 * traffic no rule matches gets the profile default, inbound block and outbound allow. So:
 * <ul>
 *   <li>{@code inbound}: the inbound rules, each with {@code toZones={"host"}}, source = remote
 *   address and ports, destination = local address and ports; bound to the pseudo-interface
 *   {@code host} OUT (inbound traffic leaves the firewall at the host); default deny.</li>
 *   <li>{@code outbound}: the outbound rules, {@code fromZones={"host"}}, source = local side;
 *   bound to {@code host} IN; default permit.</li>
 * </ul>
 * A rule applies when its profiles include the active profile (Domain unless told otherwise:
 * Lync servers are domain members). Disabled rules and rules of other profiles are ignored, with a
 * diagnostic. Program, service, package or owner conditions are not modelled: an allow rule is read
 * as allowing its ports for every program (ignored diagnostic: requirements ask whether the port is
 * open for the Lync service), a block rule as blocking for every program (unsupported diagnostic).
 *
 * <p>A rule read as matching more than Windows may (program, interface, dynamic-target, security,
 * encryption or user conditions dropped, host-resolved address keywords read as any, ICMP types,
 * Bypass or OverrideBlockRules, a property the audit does not know) is marked uncertain; where the
 * host may use other ports than read (RPC, IPHTTPS) its possible match covers every port. A rule
 * that cannot be read but whose action is known stays as a rule matching nothing that may match
 * what its readable filters allow. Since block wins, an uncertain rule makes uncertain every
 * decision of the other action on packets it may match (see {@link io.lyncaudit.policy.Uncertainty}).
 * Every line of a rule gets its verdict through {@link WindowsProperties}.
 */
final class WindowsFirewallConversions {
    static final String HOST = io.lyncaudit.policy.Hook.HOST;
    /** The uncertainty of an authenticated-bypass rule; the block rules it meets are marked too (see {@link #overridable}). */
    private static final String BYPASS = "Bypass is read as Allow (for authenticated connections it may override block rules)";
    /** Filter properties; a rule with none of them was exported without its filters and says nothing about ports. */
    static final String[] FILTERS = {"protocol", "localport", "remoteport", "localaddress", "remoteaddress", "localip", "remoteip"};

    private WindowsFirewallConversions() {}

    /**
     * One rule before numbering: its direction ({@code null}: unknown, the rule goes into both
     * policies), its action and match, and when it is not exact, every packet it may match and why;
     * {@code bypass} for an authenticated-bypass rule, which may override block rules.
     */
    record Converted(Boolean inbound, Action action, String name, PacketSet match, SourceRef source, PacketSet mayMatch,
                     String uncertainty, boolean bypass) {

        Rule rule(int index, Set<String> from, Set<String> to) {
            Rule r = new Rule(index, name, action, match, from, to, source);
            return uncertainty == null ? r : r.withUncertainty(uncertainty, mayMatch);
        }
    }

    static List<Policy> policies(List<RawBlock> blocks, WindowsValues.Profile active, WindowsProperties props) {
        List<Rule> in = new ArrayList<>(), out = new ArrayList<>(), inBypass = new ArrayList<>(), outBypass = new ArrayList<>();
        for (RawBlock b : blocks) {
            for (Converted c : convert(b, active, props)) {
                if (c.inbound() == null || c.inbound()) add(in, c.rule(in.size() + 1, Set.of(), Set.of(HOST)), c.bypass() ? inBypass : null);
                if (c.inbound() == null || !c.inbound()) add(out, c.rule(out.size() + 1, Set.of(HOST), Set.of()), c.bypass() ? outBypass : null);
            }
        }
        return List.of(new Policy("inbound", PolicyKind.BLOCK_WINS, new Binding(HOST, Binding.Direction.OUT), Action.DENY, overridable(in, inBypass)),
                new Policy("outbound", PolicyKind.BLOCK_WINS, new Binding(HOST, Binding.Direction.IN), Action.PERMIT, overridable(out, outBypass)));
    }

    private static void add(List<Rule> rules, Rule r, List<Rule> bypass) {
        rules.add(r);
        if (bypass != null) bypass.add(r);
    }

    /**
     * Block rules an authenticated-bypass rule may override: a block normally wins whatever the
     * allow rules say, so its decisions are certain, but not where a Bypass rule meets it.
     */
    static List<Rule> overridable(List<Rule> rules, List<Rule> bypass) {
        if (bypass.isEmpty()) return rules;
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            Rule x = r;
            if (r.action() == Action.DENY) {
                for (Rule b : bypass) {
                    if (b.mayMatch().intersects(r.mayMatch())) {
                        x = x.withUncertainty("the Bypass rule at " + b.source().where() + " may override it for authenticated connections",
                                PacketSet.EMPTY);
                    }
                }
            }
            out.add(x);
        }
        return out;
    }

    /**
     * The rule, or the stand-in of a rule that could not be read; none after reporting why the
     * block is not one (disabled, another profile) or is one whose action is unknown.
     */
    static List<Converted> convert(RawBlock b, WindowsValues.Profile active, WindowsProperties props) {
        String name = b.value("displayname", "rulename", "name");
        RawBlock.Field dir = b.field("direction"), act = b.field("action");
        Action action = act == null ? null : action(act.value());
        Boolean inbound = dir == null ? null : WindowsValues.inbound(dir.value());
        if (dir == null || act == null) {
            props.rule(b, Verdict.UNRECOGNIZED, (name.isEmpty() ? "a block" : "rule '" + name + "'")
                    + " without " + (dir == null ? "Direction" : "Action") + " (truncated export?); not read");
            return placeholder(b, props, name, action, inbound, "the rule has no " + (dir == null ? "Direction" : "Action") + " (truncated export?)");
        }
        RawBlock.Field en = b.field("enabled");
        if (en != null) {
            Boolean on = WindowsValues.bool(en.value());
            if (on == null) {
                props.rule(b, Verdict.UNRECOGNIZED, "Enabled '" + en.value() + "' is not True/False or Yes/No; rule not read");
                return placeholder(b, props, name, action, inbound, "Enabled '" + en.value().trim() + "' could not be read");
            }
            if (!on) {
                props.rule(b, Verdict.IGNORED, "rule disabled");
                return List.of();
            }
        }
        RawBlock.Field prof = b.field("profile", "profiles");
        if (prof != null) {
            Set<WindowsValues.Profile> ps = WindowsValues.profiles(prof.value());
            if (ps == null) {
                props.rule(b, Verdict.UNRECOGNIZED, "Profile '" + prof.value() + "' is not Domain, Private, Public or Any; rule not read");
                return placeholder(b, props, name, action, inbound, "Profile '" + prof.value().trim() + "' could not be read");
            }
            if (!ps.contains(active)) {
                props.rule(b, Verdict.IGNORED, "rule applies to profile " + prof.value() + ", not the active profile "
                        + active.name().charAt(0) + active.name().substring(1).toLowerCase(Locale.ROOT));
                return List.of();
            }
        }
        if (inbound == null) {
            props.rule(b, Verdict.UNRECOGNIZED, "Direction '" + dir.value() + "' is not In or Out; rule not read");
            return placeholder(b, props, name, action, null, "Direction '" + dir.value().trim() + "' could not be read");
        }
        // over-approximations: the device matches a subset of what is read (short reasons, each once)
        Set<String> approx = new LinkedHashSet<>();
        if (action == null) {
            // the action is unknown, and a rule needs allow or block: only the diagnostic stands for it
            props.rule(b, Verdict.UNRECOGNIZED, "Action '" + act.value() + "' is not Allow or Block; rule not read");
            return List.of();
        }
        if (bypass(b)) {
            RawBlock.Field override = b.field("overrideblockrules");
            props.field(override != null && Boolean.TRUE.equals(WindowsValues.bool(override.value())) ? override : act,
                    Verdict.UNSUPPORTED, "Bypass (authenticated bypass) is read as Allow");
            // bypass allows authenticated connections only, but even where a block rule matches: block decisions are uncertain too
            approx.add(BYPASS);
        }
        if (b.field(FILTERS) == null) {
            props.rule(b, Verdict.UNRECOGNIZED, "rule '" + name + "' has no protocol, port or address property: export "
                    + "Get-NetFirewallRule joined with Get-NetFirewallPortFilter and Get-NetFirewallAddressFilter; rule not read");
            return placeholder(b, props, name, action, inbound, "the export has no protocol, port or address for the rule");
        }
        IntervalSet protocols, local, remote;
        WindowsValues.PortReading lports, rports;
        try {
            RawBlock.Field pf = b.field("protocol");
            protocols = pf == null ? Protocols.ALL : WindowsValues.protocols(pf.value());
            if (pf != null && WindowsValues.icmpTypes(pf.value())) {
                props.field(pf, Verdict.UNSUPPORTED, "ICMP types and codes are not modelled; read as every ICMP type");
                approx.add("ICMP types and codes are read as every ICMP type");
            }
            RawBlock.Field icmp = b.field("icmptype");
            if (icmp != null && !WindowsValues.isAny(icmp.value())) {
                props.field(icmp, Verdict.UNSUPPORTED, "ICMP types and codes are not modelled; read as every ICMP type");
                approx.add("ICMP types and codes are read as every ICMP type");
            }
            lports = WindowsValues.ports(b.field("localport"), props, approx);
            rports = WindowsValues.ports(b.field("remoteport"), props, approx);
            local = WindowsValues.addresses(b.field("localaddress", "localip"), props, approx);
            remote = WindowsValues.addresses(b.field("remoteaddress", "remoteip"), props, approx);
        } catch (IllegalArgumentException e) {
            props.rule(b, Verdict.UNRECOGNIZED, e.getMessage() + "; rule not read");
            return placeholder(b, props, name, action, inbound, "the rule could not be read (" + e.getMessage() + ")");
        }
        boolean ported = ported(protocols);
        if (!ported && !(lports.read().equals(Ports.ALL) && rports.read().equals(Ports.ALL))) {
            props.rule(b, Verdict.UNRECOGNIZED, "ports are given, but protocol " + Protocols.format(protocols)
                    + " has none; rule not read");
            return placeholder(b, props, name, action, inbound, "ports are given for protocol " + Protocols.format(protocols) + ", which has none");
        }
        conditions(b, action, props, approx);
        // a property the audit does not know is a further condition Windows may apply
        approx.addAll(props.kept(b));
        PacketSet match = PacketSet.of(box(inbound, protocols, local, remote, lports.read(), rports.read()));
        PacketSet may = PacketSet.of(box(inbound, protocols, local, remote, lports.may(), rports.may()));
        return List.of(new Converted(inbound, action, name.isEmpty() ? null : name, match, SourceRef.line(props.file(), b.line(), b.text()),
                may, approx.isEmpty() ? null : String.join("; ", approx), bypass(b)));
    }

    /**
     * True for an authenticated-bypass rule: Action Bypass (netsh), or OverrideBlockRules True
     * (the security filter of Get-NetFirewallRule, with Action Allow).
     */
    private static boolean bypass(RawBlock b) {
        RawBlock.Field act = b.field("action"), override = b.field("overrideblockrules");
        return act != null && act.value().trim().equalsIgnoreCase("bypass")
                || override != null && Boolean.TRUE.equals(WindowsValues.bool(override.value()));
    }

    private static Action action(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "allow", "2", "bypass" -> Action.PERMIT;
            case "block", "4" -> Action.DENY;
            default -> null;
        };
    }

    private static boolean ported(IntervalSet protocols) {
        return protocols.intersect(Protocols.PORTED).equals(protocols);
    }

    private static PacketBox box(boolean inbound, IntervalSet protocols, IntervalSet local, IntervalSet remote, IntervalSet lports,
                                 IntervalSet rports) {
        return inbound ? new PacketBox(protocols, remote, local, rports, lports) : new PacketBox(protocols, local, remote, lports, rports);
    }

    /**
     * A rule Windows may apply although it could not be read: it matches nothing as read and may
     * match what its readable filters allow (every packet when the direction is unknown, in both
     * policies). None when the action is unknown too: a rule needs allow or block, so only the
     * diagnostic stands for it (as for a Cisco entry whose action cannot be read).
     */
    private static List<Converted> placeholder(RawBlock b, WindowsProperties props, String name, Action action, Boolean inbound, String why) {
        if (action == null) return List.of();
        PacketSet may = inbound == null ? PacketSet.ALL : PacketSet.of(bound(b, inbound));
        return List.of(new Converted(inbound, action, name.isEmpty() ? null : name, PacketSet.EMPTY,
                SourceRef.line(props.file(), b.line(), b.text()), may, why + "; the rule is read as matching nothing", bypass(b)));
    }

    /** What the readable filters of {@code b} allow at most; a filter that cannot be read allows anything. */
    private static PacketBox bound(RawBlock b, boolean inbound) {
        WindowsProperties quiet = WindowsProperties.quiet();
        Set<String> ignored = new LinkedHashSet<>();
        IntervalSet protocols = Protocols.ALL, local = Addresses.ALL, remote = Addresses.ALL, lports = Ports.ALL, rports = Ports.ALL;
        RawBlock.Field pf = b.field("protocol");
        try {
            if (pf != null) protocols = WindowsValues.protocols(pf.value());
        } catch (IllegalArgumentException e) {
            protocols = Protocols.ALL;
        }
        try {
            local = WindowsValues.addresses(b.field("localaddress", "localip"), quiet, ignored);
        } catch (IllegalArgumentException e) {
            local = Addresses.ALL;
        }
        try {
            remote = WindowsValues.addresses(b.field("remoteaddress", "remoteip"), quiet, ignored);
        } catch (IllegalArgumentException e) {
            remote = Addresses.ALL;
        }
        if (ported(protocols)) {
            try {
                lports = WindowsValues.ports(b.field("localport"), quiet, ignored).may();
            } catch (IllegalArgumentException e) {
                lports = Ports.ALL;
            }
            try {
                rports = WindowsValues.ports(b.field("remoteport"), quiet, ignored).may();
            } catch (IllegalArgumentException e) {
                rports = Ports.ALL;
            }
        }
        return box(inbound, protocols, local, remote, lports, rports);
    }

    /** Conditions the neutral rule cannot express: reported, the rule kept as documented above. */
    private static void conditions(RawBlock b, Action action, WindowsProperties props, Set<String> approx) {
        for (String k : List.of("program", "service", "package", "owner")) {
            RawBlock.Field f = b.field(k);
            if (f == null || WindowsValues.isAny(f.value()) || f.value().equalsIgnoreCase("System")) continue;
            approx.add("limited to " + f.key() + " " + f.value().trim() + " (read as every program)");
            if (action == Action.PERMIT) {
                props.note(b, f, "the rule is limited to " + f.key() + " " + f.value()
                        + "; read as allowing its ports for every program");
            } else {
                props.field(f, Verdict.UNSUPPORTED, "the block rule is limited to " + f.key() + " " + f.value()
                        + "; not modelled, read as blocking for every program");
            }
        }
        for (String k : List.of("interfacetypes", "interfacetype", "interfacealias")) {
            RawBlock.Field itf = b.field(k);
            if (itf != null && !WindowsValues.isAny(itf.value())) {
                props.field(itf, Verdict.UNSUPPORTED, "interface conditions are not modelled; read as every interface");
                approx.add(itf.key() + " " + itf.value().trim() + " is read as every interface");
            }
        }
        RawBlock.Field target = b.field("dynamictarget");
        if (target != null && !WindowsValues.isAny(target.value())) {
            props.field(target, Verdict.UNSUPPORTED, "dynamic-target conditions are not modelled; read as every target");
            approx.add(target.key() + " " + target.value().trim() + " is read as every target");
        }
        for (String k : List.of("security", "authentication", "encryption")) {
            RawBlock.Field sec = b.field(k);
            if (sec != null && !WindowsValues.isAny(sec.value()) && !sec.value().trim().equalsIgnoreCase("NotRequired")) {
                props.field(sec, Verdict.UNSUPPORTED, (k.equals("encryption") ? "encryption" : "security") + " condition '" + sec.value()
                        + "' (IPsec-" + (k.equals("encryption") ? "encrypted" : "authenticated") + " connections only) is not modelled; "
                        + "read as unconditional");
                approx.add(sec.key() + " " + sec.value().trim() + " is read as unconditional");
            }
        }
        for (String k : List.of("remoteuser", "remotemachine", "localuser", "remoteusers", "remotecomputers", "localusers")) {
            RawBlock.Field f = b.field(k);
            if (f != null && !WindowsValues.isAny(f.value())) {
                props.field(f, Verdict.UNSUPPORTED, "user and computer conditions are not modelled; read as anyone");
                approx.add(f.key() + " condition is read as anyone");
            }
        }
    }
}
