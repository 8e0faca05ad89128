package io.lyncaudit.importer.windows;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
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
 * diagnostic. Program or service conditions are not modelled: an allow rule is read as allowing its
 * ports for every program (ignored diagnostic: requirements ask whether the port is open for the
 * Lync service), a block rule as blocking for every program (unsupported diagnostic).
 */
final class WindowsFirewallConversions {
    static final String HOST = "host";
    /** Filter properties; a rule with none of them was exported without its filters and says nothing about ports. */
    static final String[] FILTERS = {"protocol", "localport", "remoteport", "localaddress", "remoteaddress", "localip", "remoteip"};

    private WindowsFirewallConversions() {}

    /** One rule before numbering: its direction and the neutral rule. */
    record Converted(boolean inbound, Action action, String name, PacketSet match, SourceRef source) {}

    static List<Policy> policies(List<RawBlock> blocks, WindowsValues.Profile active, Ledger ledger) {
        List<Rule> in = new ArrayList<>(), out = new ArrayList<>();
        for (RawBlock b : blocks) {
            Converted c = convert(b, active, ledger);
            if (c == null) continue;
            if (c.inbound()) in.add(new Rule(in.size() + 1, c.name(), c.action(), c.match(), Set.of(), Set.of(HOST), c.source()));
            else out.add(new Rule(out.size() + 1, c.name(), c.action(), c.match(), Set.of(HOST), Set.of(), c.source()));
        }
        return List.of(new Policy("inbound", PolicyKind.BLOCK_WINS, new Binding(HOST, Binding.Direction.OUT), Action.DENY, in),
                new Policy("outbound", PolicyKind.BLOCK_WINS, new Binding(HOST, Binding.Direction.IN), Action.PERMIT, out));
    }

    /** The rule, or null after reporting why the block is not one. */
    static Converted convert(RawBlock b, WindowsValues.Profile active, Ledger ledger) {
        String name = b.value("displayname", "rulename", "name");
        RawBlock.Field dir = b.field("direction"), act = b.field("action");
        if (dir == null || act == null) {
            ledger.report(b, Diagnostic.Category.UNRECOGNIZED, (name.isEmpty() ? "a block" : "rule '" + name + "'")
                    + " without " + (dir == null ? "Direction" : "Action") + " (truncated export?); not read");
            return null;
        }
        RawBlock.Field en = b.field("enabled");
        if (en != null) {
            Boolean on = WindowsValues.bool(en.value());
            if (on == null) {
                ledger.report(b, Diagnostic.Category.UNRECOGNIZED, "Enabled '" + en.value() + "' is not True/False or Yes/No; rule not read");
                return null;
            }
            if (!on) {
                ledger.report(b, Diagnostic.Category.IGNORED, "rule disabled");
                return null;
            }
        }
        RawBlock.Field prof = b.field("profile", "profiles");
        if (prof != null) {
            Set<WindowsValues.Profile> ps = WindowsValues.profiles(prof.value());
            if (ps == null) {
                ledger.report(b, Diagnostic.Category.UNRECOGNIZED, "Profile '" + prof.value() + "' is not Domain, Private, Public or Any; rule not read");
                return null;
            }
            if (!ps.contains(active)) {
                ledger.report(b, Diagnostic.Category.IGNORED, "rule applies to profile " + prof.value() + ", not the active profile "
                        + active.name().charAt(0) + active.name().substring(1).toLowerCase(Locale.ROOT));
                return null;
            }
        }
        Boolean inbound = WindowsValues.inbound(dir.value());
        if (inbound == null) {
            ledger.report(b, Diagnostic.Category.UNRECOGNIZED, "Direction '" + dir.value() + "' is not In or Out; rule not read");
            return null;
        }
        Action action;
        switch (act.value().trim().toLowerCase(Locale.ROOT)) {
            case "allow", "2" -> action = Action.PERMIT;
            case "block", "4" -> action = Action.DENY;
            case "bypass" -> {
                action = Action.PERMIT;
                ledger.report(act, Diagnostic.Category.UNSUPPORTED, "Bypass (authenticated bypass) is read as Allow");
            }
            default -> {
                ledger.report(b, Diagnostic.Category.UNRECOGNIZED, "Action '" + act.value() + "' is not Allow or Block; rule not read");
                return null;
            }
        }
        if (b.field(FILTERS) == null) {
            ledger.report(b, Diagnostic.Category.UNRECOGNIZED, "rule '" + name + "' has no protocol, port or address property: export "
                    + "Get-NetFirewallRule joined with Get-NetFirewallPortFilter and Get-NetFirewallAddressFilter; rule not read");
            return null;
        }
        IntervalSet protocols, local, remote, lports, rports;
        try {
            RawBlock.Field pf = b.field("protocol");
            protocols = pf == null ? Protocols.ALL : WindowsValues.protocols(pf.value());
            if (pf != null && WindowsValues.icmpTypes(pf.value())) {
                ledger.report(pf, Diagnostic.Category.UNSUPPORTED, "ICMP types and codes are not modelled; read as every ICMP type");
            }
            RawBlock.Field icmp = b.field("icmptype");
            if (icmp != null && !WindowsValues.isAny(icmp.value())) {
                ledger.report(icmp, Diagnostic.Category.UNSUPPORTED, "ICMP types and codes are not modelled; read as every ICMP type");
            }
            lports = WindowsValues.ports(b.field("localport"), ledger);
            rports = WindowsValues.ports(b.field("remoteport"), ledger);
            local = WindowsValues.addresses(b.field("localaddress", "localip"), ledger);
            remote = WindowsValues.addresses(b.field("remoteaddress", "remoteip"), ledger);
        } catch (IllegalArgumentException e) {
            ledger.report(b, Diagnostic.Category.UNRECOGNIZED, e.getMessage() + "; rule not read");
            return null;
        }
        boolean ported = protocols.intersect(Protocols.TCP_UDP.union(IntervalSet.point(132))).equals(protocols);
        if (!ported && !(lports.equals(Ports.ALL) && rports.equals(Ports.ALL))) {
            ledger.report(b, Diagnostic.Category.UNRECOGNIZED, "ports are given, but protocol " + Protocols.format(protocols)
                    + " has none; rule not read");
            return null;
        }
        conditions(b, action, ledger);
        PacketBox box = inbound
                ? new PacketBox(protocols, remote, local, rports, lports)
                : new PacketBox(protocols, local, remote, lports, rports);
        return new Converted(inbound, action, name.isEmpty() ? null : name, PacketSet.of(box),
                SourceRef.line(ledger.file(), b.line(), b.text()));
    }

    /** Conditions the neutral rule cannot express: reported, the rule kept as documented above. */
    private static void conditions(RawBlock b, Action action, Ledger ledger) {
        for (String k : List.of("program", "service", "package")) {
            RawBlock.Field f = b.field(k);
            if (f == null || WindowsValues.isAny(f.value()) || f.value().equalsIgnoreCase("System")) continue;
            if (action == Action.PERMIT) {
                ledger.note(b, f, Diagnostic.Category.IGNORED, "the rule is limited to " + f.key() + " " + f.value()
                        + "; read as allowing its ports for every program");
            } else {
                ledger.report(f, Diagnostic.Category.UNSUPPORTED, "the block rule is limited to " + f.key() + " " + f.value()
                        + "; not modelled, read as blocking for every program");
            }
        }
        RawBlock.Field itf = b.field("interfacetypes", "interfacetype", "interfacealias");
        if (itf != null && !WindowsValues.isAny(itf.value())) {
            ledger.report(itf, Diagnostic.Category.UNSUPPORTED, "interface conditions are not modelled; read as every interface");
        }
        RawBlock.Field sec = b.field("security", "authentication");
        if (sec != null && !WindowsValues.isAny(sec.value()) && !sec.value().equalsIgnoreCase("NotRequired")) {
            ledger.report(sec, Diagnostic.Category.UNSUPPORTED, "security condition '" + sec.value()
                    + "' (IPsec-authenticated connections only) is not modelled; read as unconditional");
        }
        for (String k : List.of("remoteuser", "remotemachine", "localuser", "remoteusers", "remotecomputers", "localusers")) {
            RawBlock.Field f = b.field(k);
            if (f != null && !WindowsValues.isAny(f.value())) {
                ledger.report(f, Diagnostic.Category.UNSUPPORTED, "user and computer conditions are not modelled; read as anyone");
            }
        }
    }
}
