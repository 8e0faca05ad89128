package io.lyncaudit.importer.asa;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.asa.AsaConfig.AclEntry;
import io.lyncaudit.importer.asa.AsaConfig.Addr;
import io.lyncaudit.importer.asa.AsaConfig.AddrIface;
import io.lyncaudit.importer.asa.AsaConfig.AddrLiteral;
import io.lyncaudit.importer.asa.AsaConfig.AddrRef;
import io.lyncaudit.importer.asa.AsaConfig.Iface;
import io.lyncaudit.importer.asa.AsaConfig.Kind;
import io.lyncaudit.importer.asa.AsaConfig.Named;
import io.lyncaudit.importer.asa.AsaConfig.NetFqdn;
import io.lyncaudit.importer.asa.AsaConfig.NetLiteral;
import io.lyncaudit.importer.asa.AsaConfig.NetRef;
import io.lyncaudit.importer.asa.AsaConfig.PortGroup;
import io.lyncaudit.importer.asa.AsaConfig.PortLiteral;
import io.lyncaudit.importer.asa.AsaConfig.PortSpec;
import io.lyncaudit.importer.asa.AsaConfig.Proto;
import io.lyncaudit.importer.asa.AsaConfig.ProtoLiteral;
import io.lyncaudit.importer.asa.AsaConfig.ProtoRef;
import io.lyncaudit.importer.asa.AsaConfig.StaticNat;
import io.lyncaudit.importer.asa.AsaConfig.SvcLiteral;
import io.lyncaudit.importer.asa.AsaConfig.SvcRef;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage one: reads running-config lines into {@link AsaConfig}. Line-oriented and linear: a line
 * is split on blanks once, then read left to right; blocks are the indented lines after a
 * top-level statement. Every line gets a verdict in the {@link LineLedger}, here or, for the lines
 * whose verdict depends on what uses them (access-list entries, objects and object-groups), in
 * {@link AsaConversions}; a line neither gives one is unrecognized.
 */
final class AsaParser {
    /** Lines longer than this are not read at all (no ASA statement comes close). */
    static final int MAX_LINE = 16 * 1024;

    private static final Set<String> IGNORED = Set.of("hostname", "domain-name", "enable", "passwd", "banner", "ftp",
            "clock", "dns", "boot", "logging", "mtu", "asdm", "arp", "route", "ipv6", "router", "timeout", "user-identity",
            "aaa", "aaa-server", "http", "snmp-server", "ssh", "telnet", "console", "crypto", "sysopt", "service-policy",
            "policy-map", "class-map", "threat-detection", "webvpn", "tunnel-group", "group-policy", "username", "ntp",
            "dhcpd", "dhcprelay", "prompt", "call-home", "license", "no", "firewall", "failover", "monitor-interface",
            "pager", "terminal", "cryptochecksum:", "dynamic-access-policy-record", "management-access", "service",
            "vpn-sessiondb", "ssl", "jumbo-frame", "xlate", "icmp", "dns-guard", "tls-proxy", "license-server",
            "mac-address", "auto-update", "smtp-server", "wccp", "end", "names", "vpdn", "tftp-server", "password",
            "ca", "quit", "certificate", "snmp-map", "regex", "ip", "flow-export", "nve", "cluster", "fips",
            "object-group-search", "forward-reference", "asp", "to-the-box", "dns-server", "mount");

    private final AsaConfig cfg = new AsaConfig();
    private final LineLedger ledger;
    private final List<String> lines;

    // the current block
    private String block;
    private Iface iface;
    private Named named;

    private AsaParser(List<String> lines, LineLedger ledger) {
        this.lines = lines;
        this.ledger = ledger;
    }

    static AsaConfig parse(List<String> lines, LineLedger ledger) {
        AsaParser p = new AsaParser(lines, ledger);
        for (int i = 0; i < lines.size(); i++) p.line(i + 1, lines.get(i));
        return p.cfg;
    }

    static String[] tokens(String s) {
        return ConfigText.tokens(s);
    }

    private void line(int no, String raw) {
        String unreadable = ConfigText.unreadable(raw, MAX_LINE);
        if (unreadable != null) {
            ledger.unrecognized(no, unreadable);
            return;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.equals("!") || s.startsWith(": ") || s.equals(":") || s.startsWith("!")) {
            // blank lines are no lines of content; "!" and ": ..." are the export's comments and separators
            if (!s.isEmpty()) ledger.comment(no);
            if (!raw.startsWith(" ")) block = null;
            return;
        }
        String[] t = tokens(s);
        boolean indented = raw.charAt(0) == ' ' || raw.charAt(0) == '\t';
        try {
            if (indented && block != null) member(no, t);
            else if (indented) ledger.unrecognized(no, "indented line outside any block");
            else top(no, t);
        } catch (IllegalArgumentException e) {
            ledger.unrecognized(no, e.getMessage());
        }
    }

    // ---- top-level statements ------------------------------------------------------------------

    private void top(int no, String[] t) {
        block = null;
        iface = null;
        named = null;
        String k = t[0].toLowerCase(Locale.ROOT);
        if (k.startsWith("cryptochecksum:")) k = "cryptochecksum:";
        switch (k) {
            case "asa", "pix" -> {
                block = "ignored";
                ledger.ignored(no, "version header");
            }
            case "name" -> {
                need(t, 3, "name ADDRESS ALIAS");
                Addresses.parse(t[1]);
                cfg.names.put(t[2], t[1]);
                ledger.used(no);
            }
            case "interface" -> {
                need(t, 2, "interface HARDWARE-ID");
                iface = new Iface(t[1], no);
                cfg.interfaces.add(iface);
                block = "interface";
                ledger.used(no);
            }
            case "object" -> object(no, t);
            case "object-group" -> objectGroup(no, t);
            case "access-list" -> accessList(no, t);
            case "access-group" -> accessGroup(no, t);
            case "same-security-traffic" -> {
                if (t.length >= 3 && t[2].equalsIgnoreCase("inter-interface")) {
                    cfg.sameSecurityInter = true;
                    ledger.used(no);
                } else if (t.length >= 3 && t[2].equalsIgnoreCase("intra-interface")) {
                    ledger.unsupported(no, "hairpin traffic (in and out of the same interface) is not modelled");
                } else {
                    ledger.unrecognized(no, "expected 'same-security-traffic permit inter-interface|intra-interface'");
                }
            }
            case "nat" -> nat(no, t, null);
            case "time-range" -> {
                block = "ignored";
                ledger.ignored(no, "time-range definition: rules that use it are treated as always active");
            }
            default -> {
                if (IGNORED.contains(k)) {
                    block = "ignored";
                    ledger.ignored(no, "not about filtering");
                } else {
                    block = "unknown";
                    ledger.unrecognized(no, "unknown statement");
                }
            }
        }
    }

    private static void need(String[] t, int n, String syntax) {
        if (t.length < n) throw new IllegalArgumentException("incomplete statement; expected '" + syntax + "'");
    }

    private void object(int no, String[] t) {
        need(t, 3, "object network|service NAME");
        String type = t[1].toLowerCase(Locale.ROOT);
        Kind kind = switch (type) {
            case "network" -> Kind.NETWORK_OBJECT;
            case "service" -> Kind.SERVICE_OBJECT;
            default -> null;
        };
        if (kind == null) {
            block = "ignored";
            cfg.unmodelled.put(t[2], "object type '" + t[1] + "'");
            ledger.unsupported(no, "object type '" + t[1] + "' is not modelled; rules naming it are uncertain");
            return;
        }
        // 'show running-config' opens each object twice: once for its definition and again, further
        // down, for its NAT; the second opening edits the same object
        Named existing = cfg.objects.get(t[2]);
        if (existing != null && existing.kind == kind) {
            named = existing;
        } else {
            named = new Named(t[2], kind, no);
            cfg.objects.put(t[2], named);
        }
        named.lines.add(no); // used or not: the conversion decides
        block = "object";
    }

    private void objectGroup(int no, String[] t) {
        need(t, 3, "object-group network|service|protocol|icmp-type NAME");
        String type = t[1].toLowerCase(Locale.ROOT);
        Kind kind;
        IntervalSet portProtocols = null;
        switch (type) {
            case "network" -> kind = Kind.NETWORK_GROUP;
            case "protocol" -> kind = Kind.PROTOCOL_GROUP;
            case "icmp-type" -> kind = Kind.ICMP_GROUP;
            case "service" -> {
                if (t.length >= 4) {
                    portProtocols = switch (t[3].toLowerCase(Locale.ROOT)) {
                        case "tcp" -> Protocols.TCP_SET;
                        case "udp" -> Protocols.UDP_SET;
                        case "tcp-udp" -> Protocols.TCP_UDP;
                        default -> throw new IllegalArgumentException("service group type must be tcp, udp or tcp-udp");
                    };
                    kind = Kind.PORT_GROUP;
                } else {
                    kind = Kind.SERVICE_GROUP;
                }
            }
            default -> {
                block = "ignored";
                cfg.unmodelled.put(t[2], "object-group type '" + t[1] + "'");
                ledger.unsupported(no, "object-group type '" + t[1] + "' is not modelled; rules naming it are uncertain");
                return;
            }
        }
        named = new Named(t[2], kind, no);
        named.portProtocols = portProtocols;
        cfg.groups.put(t[2], named);
        block = "group";
        defer(named, no);
    }

    /**
     * A line of an object or object-group: the conversion gives it its verdict once it knows
     * whether the object is used. ICMP-type groups are ICMP type operands of ACL entries, which
     * are not modelled: their lines are used as read.
     */
    private void defer(Named n, int no) {
        if (n.kind == Kind.ICMP_GROUP) ledger.used(no);
        else n.lines.add(no);
    }

    // ---- block members --------------------------------------------------------------------------

    private void member(int no, String[] t) {
        String k = t[0].toLowerCase(Locale.ROOT);
        if (k.equals("description")) {
            ledger.ignored(no, "description");
            return;
        }
        switch (block) {
            case "ignored" -> ledger.ignored(no, "part of a block that is not about filtering");
            case "unknown" -> ledger.unrecognized(no, "inside an unrecognized statement");
            case "interface" -> ifaceMember(no, t, k);
            case "object" -> objectMember(no, t, k);
            case "group" -> groupMember(no, t, k);
            default -> ledger.unrecognized(no, "unexpected line");
        }
    }

    private void ifaceMember(int no, String[] t, String k) {
        switch (k) {
            case "nameif" -> {
                need(t, 2, "nameif NAME");
                iface.nameif = t[1];
                iface.nameifLine = no;
                ledger.used(no);
            }
            case "security-level" -> {
                need(t, 2, "security-level 0-100");
                int level;
                try {
                    level = Integer.parseInt(t[1]);
                } catch (NumberFormatException e) {
                    level = -1;
                }
                if (level < 0 || level > 100) throw new IllegalArgumentException("security-level must be 0-100");
                iface.level = level;
                iface.levelLine = no;
                ledger.used(no);
            }
            case "ip" -> {
                if (t.length >= 4 && t[1].equalsIgnoreCase("address") && !t[2].equalsIgnoreCase("dhcp")) {
                    iface.address = iface.address.union(Addresses.parse(resolveName(t[2])));
                    ledger.used(no);
                } else if (t.length >= 3 && t[1].equalsIgnoreCase("address")) {
                    iface.learned = iface.learned.union(Addresses.ALL_V4);
                    ledger.unsupported(no, "address learned at run time; rules naming 'interface' for this interface may match any IPv4 address");
                } else {
                    ledger.ignored(no, "interface setting not about filtering");
                }
            }
            case "ipv6" -> {
                if (t.length >= 3 && t[1].equalsIgnoreCase("address") && t[2].indexOf('/') > 0) {
                    String a = t[2].substring(0, t[2].indexOf('/'));
                    iface.address = iface.address.union(Addresses.parse(a));
                    ledger.used(no);
                } else if (t.length >= 3 && t[1].equalsIgnoreCase("address")
                        && (t[2].equalsIgnoreCase("autoconfig") || t[2].equalsIgnoreCase("dhcp"))) {
                    iface.learned = iface.learned.union(Addresses.ALL_V6);
                    ledger.unsupported(no, "address learned at run time; rules naming 'interface' for this interface may match any IPv6 address");
                } else {
                    ledger.ignored(no, "interface setting not about filtering");
                }
            }
            default -> ledger.ignored(no, "interface setting not about filtering");
        }
    }

    private void objectMember(int no, String[] t, String k) {
        if (named.kind == Kind.NETWORK_OBJECT) {
            switch (k) {
                case "host" -> {
                    need(t, 2, "host ADDRESS");
                    named.nets.add(new NetLiteral(no, Addresses.parse(resolveName(t[1]))));
                    defer(named, no);
                }
                case "subnet" -> {
                    need(t, 2, "subnet ADDRESS MASK");
                    named.nets.add(new NetLiteral(no, t.length >= 3 ? masked(t[1], t[2]) : Addresses.parse(t[1])));
                    defer(named, no);
                }
                case "range" -> {
                    need(t, 3, "range FIRST LAST");
                    named.nets.add(new NetLiteral(no, Addresses.parse(resolveName(t[1]) + "-" + resolveName(t[2]))));
                    defer(named, no);
                }
                case "fqdn" -> {
                    need(t, 2, "fqdn [v4|v6] NAME");
                    String v = t[1].toLowerCase(Locale.ROOT);
                    IntervalSet family = v.equals("v4") ? Addresses.ALL_V4 : v.equals("v6") ? Addresses.ALL_V6 : Addresses.ALL;
                    if (t.length >= 3 && (v.equals("v4") || v.equals("v6"))) {
                        named.nets.add(new NetFqdn(no, t[2], family));
                    } else {
                        named.nets.add(new NetFqdn(no, t[1], Addresses.ALL));
                    }
                    defer(named, no); // unsupported if the object is used (see AsaConversions)
                }
                case "nat" -> nat(no, t, named.name);
                default -> ledger.unrecognized(no, "unknown network object member");
            }
            return;
        }
        if (!k.equals("service")) {
            ledger.unrecognized(no, "unknown service object member");
            return;
        }
        named.svcs.add(serviceObject(no, t, 1));
        defer(named, no);
    }

    private void groupMember(int no, String[] t, String k) {
        if (k.equals("group-object")) {
            need(t, 2, "group-object NAME");
            if (named.kind == Kind.NETWORK_GROUP) named.nets.add(new NetRef(no, t[1], true));
            else named.svcs.add(new SvcRef(no, t[1], true));
            defer(named, no);
            return;
        }
        switch (named.kind) {
            case NETWORK_GROUP -> {
                if (!k.equals("network-object")) throw new IllegalArgumentException("expected network-object or group-object");
                need(t, 2, "network-object host A | A MASK | object NAME");
                String a = t[1].toLowerCase(Locale.ROOT);
                if (a.equals("object")) {
                    need(t, 3, "network-object object NAME");
                    named.nets.add(new NetRef(no, t[2], false));
                } else if (a.equals("host")) {
                    need(t, 3, "network-object host ADDRESS");
                    named.nets.add(new NetLiteral(no, Addresses.parse(resolveName(t[2]))));
                } else if (t.length >= 3) {
                    named.nets.add(new NetLiteral(no, masked(t[1], t[2])));
                } else {
                    named.nets.add(new NetLiteral(no, Addresses.parse(t[1])));
                }
                defer(named, no);
            }
            case PORT_GROUP -> {
                if (!k.equals("port-object")) throw new IllegalArgumentException("expected port-object or group-object");
                int[] next = {0};
                IntervalSet ports = AsaNames.operator(t, 1, next);
                if (ports == null || next[0] != t.length) throw new IllegalArgumentException("expected 'port-object eq|range ...'");
                named.svcs.add(new SvcLiteral(no, named.portProtocols, Ports.ALL, ports));
                defer(named, no);
            }
            case SERVICE_GROUP -> {
                if (!k.equals("service-object")) throw new IllegalArgumentException("expected service-object or group-object");
                named.svcs.add(serviceObject(no, t, 1));
                defer(named, no);
            }
            case PROTOCOL_GROUP -> {
                if (!k.equals("protocol-object")) throw new IllegalArgumentException("expected protocol-object or group-object");
                need(t, 2, "protocol-object PROTOCOL");
                IntervalSet p = AsaNames.protocol(t[1]);
                if (p == null) throw new IllegalArgumentException("unknown protocol '" + t[1] + "'");
                named.svcs.add(new SvcLiteral(no, p, Ports.ALL, Ports.ALL));
                defer(named, no);
            }
            case ICMP_GROUP -> {
                if (!k.equals("icmp-object")) throw new IllegalArgumentException("expected icmp-object or group-object");
                named.svcs.add(new SvcLiteral(no, IntervalSet.point(Protocols.ICMP), Ports.ALL, Ports.ALL));
                defer(named, no);
            }
            default -> ledger.unrecognized(no, "unexpected group member");
        }
    }

    /** {@code PROTO [OP P] | [source OP P] [destination OP P]} or {@code object NAME}, from index i. */
    private AsaConfig.SvcItem serviceObject(int no, String[] t, int i) {
        need(t, i + 1, "service-object PROTOCOL [source OP PORT] [destination OP PORT]");
        if (t[i].equalsIgnoreCase("object")) {
            need(t, i + 2, "service-object object NAME");
            return new SvcRef(no, t[i + 1], false);
        }
        IntervalSet proto = AsaNames.protocol(t[i]);
        if (proto == null) throw new IllegalArgumentException("unknown protocol '" + t[i] + "'");
        IntervalSet src = Ports.ALL, dst = Ports.ALL;
        int j = i + 1;
        int[] next = {0};
        if (proto.equals(IntervalSet.point(Protocols.ICMP)) || proto.equals(IntervalSet.point(Protocols.ICMPV6))) {
            if (t.length > i + 1) {
                // the line is unsupported if the object is used (see AsaConversions)
                return new SvcLiteral(no, proto, Ports.ALL, Ports.ALL,
                        "ICMP types in " + named.name + " are not modelled; the rule is treated as matching every ICMP type");
            }
            return new SvcLiteral(no, proto, Ports.ALL, Ports.ALL);
        }
        while (j < t.length) {
            String w = t[j].toLowerCase(Locale.ROOT);
            if (w.equals("source") || w.equals("destination")) {
                IntervalSet ps = AsaNames.operator(t, j + 1, next);
                if (ps == null) throw new IllegalArgumentException("'" + w + "' needs an operator (eq, lt, gt, neq, range)");
                if (w.equals("source")) src = ps; else dst = ps;
                j = next[0];
            } else {
                IntervalSet ps = AsaNames.operator(t, j, next);
                if (ps == null) throw new IllegalArgumentException("unexpected '" + t[j] + "' in service");
                dst = ps;
                j = next[0];
            }
        }
        if ((!src.equals(Ports.ALL) || !dst.equals(Ports.ALL)) && !AsaNames.ported(proto)) {
            throw new IllegalArgumentException("ports given for a protocol without ports");
        }
        return new SvcLiteral(no, proto, src, dst);
    }

    private IntervalSet masked(String address, String mask) {
        return Addresses.parse(resolveName(address) + "/" + mask);
    }

    private String resolveName(String token) {
        String a = cfg.names.get(token);
        return a != null ? a : token;
    }

    // ---- access lists ---------------------------------------------------------------------------

    private void accessList(int no, String[] t) {
        need(t, 3, "access-list NAME extended|remark ...");
        String acl = t[1];
        String type = t[2].toLowerCase(Locale.ROOT);
        int i = 3;
        if (type.equals("line") && t.length > 4) {
            i = 5;
            type = t[4].toLowerCase(Locale.ROOT);
        }
        switch (type) {
            case "remark" -> {
                ledger.ignored(no, "remark");
                cfg.aclLines.computeIfAbsent(acl, k -> new ArrayList<>()).add(no);
            }
            case "standard" -> ledger.ignored(no, "standard ACLs select routes and VPN traffic; access-group does not use them");
            case "webtype", "ethertype" -> ledger.ignored(no, type + " ACL: not about IP filtering");
            case "extended" -> {
                AclEntry e;
                try {
                    e = entry(no, acl, t, i);
                } catch (IllegalArgumentException x) {
                    Action a = i < t.length ? action(t[i]) : null;
                    // without a readable action nothing sound can stand in for the entry: only the diagnostic remains
                    if (a == null) throw x;
                    // the conversion reports it, as kept in a policy or as part of a list bound to no interface
                    cfg.acls.computeIfAbsent(acl, k -> new ArrayList<>()).add(AclEntry.unreadable(acl, no, a, x.getMessage()));
                    cfg.aclLines.computeIfAbsent(acl, k -> new ArrayList<>()).add(no);
                    return;
                }
                // the conversion gives the line its verdict: used, or ignored when nothing binds the list
                cfg.acls.computeIfAbsent(acl, x -> new ArrayList<>()).add(e);
                cfg.aclLines.computeIfAbsent(acl, k -> new ArrayList<>()).add(no);
            }
            default -> ledger.unrecognized(no, "unknown access-list type '" + t[2] + "'");
        }
    }

    /** permit or deny, or null. */
    private static Action action(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> null;
        };
    }

    private AclEntry entry(int no, String acl, String[] t, int i) {
        need(t, i + 4, "access-list NAME extended permit|deny PROTOCOL SOURCE DESTINATION");
        Action action = action(t[i]);
        if (action == null) throw new IllegalArgumentException("expected permit or deny, found '" + t[i] + "'");
        i++;
        Proto proto;
        String p = t[i].toLowerCase(Locale.ROOT);
        if (p.equals("object-group") || p.equals("object")) {
            need(t, i + 2, "object-group NAME");
            proto = new ProtoRef(t[i + 1], p.equals("object-group"));
            i += 2;
        } else {
            IntervalSet ps = AsaNames.protocol(t[i]);
            if (ps == null) throw new IllegalArgumentException("unknown protocol '" + t[i] + "'");
            proto = new ProtoLiteral(ps);
            i++;
        }
        // ports follow a literal TCP/UDP protocol, or a protocol object-group (the ports then apply to its TCP/UDP members)
        boolean ported = proto instanceof ProtoLiteral pl ? AsaNames.ported(pl.protocols())
                : proto instanceof ProtoRef pr && pr.group() && cfg.groups.get(pr.name()) != null
                        && cfg.groups.get(pr.name()).kind == Kind.PROTOCOL_GROUP;
        int[] next = {i};
        List<String> conditions = new ArrayList<>();
        i = conditions(t, i, conditions);
        Addr src = address(t, i, next);
        i = next[0];
        PortSpec srcPorts = ported ? ports(t, i, next) : null;
        if (srcPorts != null) i = next[0];
        i = conditions(t, i, conditions);
        Addr dst = address(t, i, next);
        i = next[0];
        PortSpec dstPorts = ported ? ports(t, i, next) : null;
        if (dstPorts != null) i = next[0];
        boolean icmpType = false;
        if (proto instanceof ProtoLiteral pl && (pl.protocols().equals(IntervalSet.point(Protocols.ICMP))
                || pl.protocols().equals(IntervalSet.point(Protocols.ICMPV6))) && i < t.length && !option(t[i])) {
            icmpType = true;
            i += t[i].equalsIgnoreCase("object-group") ? 2 : 1;
            if (i < t.length && AsaNames.port(t[i]) >= 0 && !PORT_NAMES_NOT_CODES.contains(t[i])) i++; // icmp code
        }
        boolean inactive = false;
        String timeRange = null;
        while (i < t.length) {
            String w = t[i].toLowerCase(Locale.ROOT);
            switch (w) {
                case "log" -> {
                    i++;
                    while (i < t.length && !t[i].equalsIgnoreCase("inactive") && !t[i].equalsIgnoreCase("time-range")) i++;
                }
                case "inactive" -> {
                    inactive = true;
                    i++;
                }
                case "time-range" -> {
                    need(t, i + 2, "time-range NAME");
                    timeRange = t[i + 1];
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unexpected '" + t[i] + "' in access-list entry");
            }
        }
        return new AclEntry(acl, no, action, proto, src, srcPorts, dst, dstPorts, icmpType, inactive, timeRange,
                List.copyOf(conditions), null);
    }

    /**
     * Skips the identity and TrustSec operands before an address ({@code user X}, {@code user-group X},
     * {@code object-group-user X}, {@code security-group name|tag X}, {@code object-group-security X}),
     * adding their text to {@code out}; returns the index of the address.
     */
    private static int conditions(String[] t, int i, List<String> out) {
        while (i < t.length) {
            String w = t[i].toLowerCase(Locale.ROOT);
            int n = switch (w) {
                case "user", "user-group", "object-group-user", "object-group-security" -> 2;
                case "security-group" -> 3;
                default -> 0;
            };
            if (n == 0) return i;
            need(t, i + n, w.equals("security-group") ? "security-group name|tag VALUE" : w + " NAME");
            out.add(String.join(" ", java.util.Arrays.copyOfRange(t, i, i + n)));
            i += n;
        }
        return i;
    }

    private static final Set<String> PORT_NAMES_NOT_CODES = Set.of("log", "inactive", "time-range");

    private static boolean option(String w) {
        String s = w.toLowerCase(Locale.ROOT);
        return s.equals("log") || s.equals("inactive") || s.equals("time-range");
    }

    private Addr address(String[] t, int i, int[] next) {
        if (i >= t.length) throw new IllegalArgumentException("source or destination missing");
        String w = t[i].toLowerCase(Locale.ROOT);
        switch (w) {
            case "any", "any4", "any6" -> {
                next[0] = i + 1;
                return new AddrLiteral(Addresses.parse(w));
            }
            case "host" -> {
                need(t, i + 2, "host ADDRESS");
                next[0] = i + 2;
                return new AddrLiteral(Addresses.parse(resolveName(t[i + 1])));
            }
            case "interface" -> {
                need(t, i + 2, "interface NAME");
                next[0] = i + 2;
                return new AddrIface(t[i + 1]);
            }
            case "object", "object-group" -> {
                need(t, i + 2, w + " NAME");
                next[0] = i + 2;
                return new AddrRef(t[i + 1], w.equals("object-group"));
            }
            default -> { }
        }
        if (t[i].indexOf('/') > 0) {
            next[0] = i + 1;
            return new AddrLiteral(Addresses.parse(t[i]));
        }
        need(t, i + 2, "ADDRESS MASK");
        next[0] = i + 2;
        return new AddrLiteral(masked(t[i], t[i + 1]));
    }

    /** A port operator or a port group at i, or null (and next untouched) when none is there. */
    private PortSpec ports(String[] t, int i, int[] next) {
        IntervalSet ps = AsaNames.operator(t, i, next);
        if (ps != null) return new PortLiteral(ps);
        if (i + 1 < t.length && t[i].equalsIgnoreCase("object-group")) {
            Named g = cfg.groups.get(t[i + 1]);
            if (g != null && g.kind == Kind.PORT_GROUP) {
                next[0] = i + 2;
                return new PortGroup(t[i + 1]);
            }
        }
        return null;
    }

    private void accessGroup(int no, String[] t) {
        need(t, 3, "access-group ACL in|out interface NAME | access-group ACL global");
        String dir = t[2].toLowerCase(Locale.ROOT);
        if (dir.equals("global")) {
            cfg.accessGroups.add(new AsaConfig.AccessGroup(t[1], null, no, false));
            ledger.used(no);
            return;
        }
        // access-group ACL in interface NAME control-plane (older releases wrote control-plane in place of interface NAME)
        if (t.length >= 4 && t[3].equalsIgnoreCase("control-plane") || t.length >= 6 && t[5].equalsIgnoreCase("control-plane")) {
            cfg.controlPlaneAcls.add(t[1]);
            ledger.ignored(no, "control-plane ACL: traffic to the ASA itself");
            return;
        }
        if (!(dir.equals("in") || dir.equals("out")) || t.length < 5 || !t[3].equalsIgnoreCase("interface")) {
            throw new IllegalArgumentException("expected 'access-group ACL in|out interface NAME' or 'access-group ACL global'");
        }
        Binding b = new Binding(t[4], dir.equals("in") ? Binding.Direction.IN : Binding.Direction.OUT);
        boolean override = t.length > 5 && t[5].equalsIgnoreCase("per-user-override");
        cfg.accessGroups.add(new AsaConfig.AccessGroup(t[1], b, no, override));
        if (override) {
            ledger.unsupported(no, "per-user-override: downloaded user ACLs are not modelled; every decision of this access-group is uncertain");
        } else {
            ledger.used(no);
        }
    }

    // ---- NAT ------------------------------------------------------------------------------------

    /**
     * Object NAT (inside {@code object network OBJECT}) or twice NAT (top level, {@code object == null}).
     * Each static translation is recorded in the direction that opens an inbound path: packets that
     * arrive on the mapped interface addressed to the mapped address go on to the real one (object
     * NAT, twice NAT's source part unless {@code unidirectional}); packets that arrive on the real
     * interface addressed to the destination's mapped address go on to its real one (twice NAT's
     * destination part). Dynamic translations open no inbound path.
     */
    private void nat(int no, String[] t, String object) {
        need(t, 3, "nat (REAL_IF,MAPPED_IF) ...");
        String ifs = t[1];
        if (!ifs.startsWith("(") || !ifs.endsWith(")") || ifs.indexOf(',') < 0) {
            throw new IllegalArgumentException("expected '(real_interface,mapped_interface)' after nat");
        }
        String realIf = ifs.substring(1, ifs.indexOf(','));
        String mappedIf = ifs.substring(ifs.indexOf(',') + 1, ifs.length() - 1);
        int i = 2;
        boolean afterAuto = false;
        while (i < t.length && !t[i].equalsIgnoreCase("source") && !t[i].equalsIgnoreCase("static")
                && !t[i].equalsIgnoreCase("dynamic")) {
            if (t[i].equalsIgnoreCase("after-auto") || t[i].equalsIgnoreCase("after-object")) afterAuto = true;
            i++; // after-auto, after-object, line numbers
        }
        if (i >= t.length) throw new IllegalArgumentException("expected static, dynamic or source in nat");
        Set<String> flags = new java.util.HashSet<>();
        for (String w : t) flags.add(w.toLowerCase(Locale.ROOT));
        if (flags.contains("inactive")) {
            ledger.ignored(no, "inactive: the ASA does not apply this translation");
            return;
        }
        boolean ported = flags.contains("service");
        if (object != null) {
            if (t[i].equalsIgnoreCase("dynamic")) {
                ledger.ignored(no, "dynamic NAT translates outbound connections; it opens no inbound path");
                return;
            }
            if (!t[i].equalsIgnoreCase("static")) throw new IllegalArgumentException("expected static or dynamic");
            need(t, i + 2, "nat (REAL,MAPPED) static MAPPED");
            AsaConfig.NatService service = null;
            for (int k = i + 2; k < t.length; k++) {
                if (!t[k].equalsIgnoreCase("service")) continue;
                // service {tcp|udp|sctp} REAL_PORT MAPPED_PORT
                need(t, k + 4, "service tcp|udp|sctp REAL_PORT MAPPED_PORT");
                IntervalSet proto = AsaNames.protocol(t[k + 1]);
                int real = AsaNames.port(t[k + 2]), mapped = AsaNames.port(t[k + 3]);
                if (proto == null || !AsaNames.ported(proto) || proto.size().intValue() != 1) {
                    throw new IllegalArgumentException("expected tcp, udp or sctp after service, found '" + t[k + 1] + "'");
                }
                if (real < 0) throw new IllegalArgumentException("'" + t[k + 2] + "' is not a port");
                if (mapped < 0) throw new IllegalArgumentException("'" + t[k + 3] + "' is not a port");
                service = new AsaConfig.NatService(proto, real, mapped);
                break;
            }
            cfg.nats.add(new StaticNat(no, new AddrRef(object, false), natAddr(t[i + 1], mappedIf), mappedIf, null, 2, service, false));
            ledger.used(no);
            return;
        }
        // twice NAT: source static|dynamic REAL MAPPED [destination static MAPPED REAL] [service A B] [flags]
        if (!t[i].equalsIgnoreCase("source") || i + 3 >= t.length) {
            throw new IllegalArgumentException("expected 'nat (REAL,MAPPED) source static|dynamic REAL MAPPED ...'");
        }
        String kind = t[i + 1].toLowerCase(Locale.ROOT);
        if (!kind.equals("static") && !kind.equals("dynamic")) throw new IllegalArgumentException("expected static or dynamic after source");
        Addr real = natAddr(t[i + 2], realIf);
        Addr mapped = natAddr(t[i + 3], mappedIf);
        int j = i + 4;
        Addr destMapped = null, destReal = null;
        if (j + 3 < t.length + 0 && t[j].equalsIgnoreCase("destination") && t[j + 1].equalsIgnoreCase("static")) {
            destMapped = natAddr(t[j + 2], realIf);
            destReal = natAddr(t[j + 3], mappedIf);
        }
        int section = afterAuto ? 3 : 1;
        boolean any = false;
        if (kind.equals("static") && !flags.contains("unidirectional")) {
            // the reverse of a static source translation: from the destination's real address (if given) to the mapped source
            cfg.nats.add(new StaticNat(no, real, mapped, mappedIf, destReal, section, null, ported));
            any = true;
        }
        if (destMapped != null) {
            // destination static MAPPED REAL: packets from the real side to MAPPED reach REAL
            cfg.nats.add(new StaticNat(no, destReal, destMapped, realIf, real, section, null, ported));
            any = true;
        }
        if (!any) {
            ledger.ignored(no, kind.equals("static") ? "unidirectional: the translation opens no inbound path"
                    : "dynamic NAT translates outbound connections; it opens no inbound path");
            return;
        }
        natOptions(no, ported);
    }

    private void natOptions(int no, boolean ported) {
        if (ported) {
            ledger.unsupported(no, "port translation with service objects is not modelled; the address translation is recorded "
                    + "and the packets it could change are uncertain");
            return;
        }
        ledger.used(no);
    }

    private Addr natAddr(String token, String ifaceName) {
        String w = token.toLowerCase(Locale.ROOT);
        if (w.equals("any")) return new AddrLiteral(Addresses.ALL);
        if (w.equals("interface")) return new AddrIface(ifaceName);
        String resolved = resolveName(token);
        if (Addresses.isAddress(resolved)) return new AddrLiteral(Addresses.parse(resolved));
        return new AddrRef(token, cfg.groups.containsKey(token) && !cfg.objects.containsKey(token));
    }
}
