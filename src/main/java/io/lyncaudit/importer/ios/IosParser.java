package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.ios.IosConfig.Addr;
import io.lyncaudit.importer.ios.IosConfig.AddrGroup;
import io.lyncaudit.importer.ios.IosConfig.AddrHull;
import io.lyncaudit.importer.ios.IosConfig.AddrLiteral;
import io.lyncaudit.importer.ios.IosConfig.Entry;
import io.lyncaudit.importer.ios.IosConfig.Group;
import io.lyncaudit.importer.ios.IosConfig.Proto;
import io.lyncaudit.importer.ios.IosConfig.ProtoGroup;
import io.lyncaudit.importer.ios.IosConfig.ProtoLiteral;
import io.lyncaudit.importer.ios.IosConfig.Svc;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage one: reads IOS {@code show running-config} lines into {@link IosConfig}. Line-oriented and
 * linear; blocks are the indented lines after a top-level statement; banners are skipped to their
 * delimiter. Every line gets a verdict in the {@link LineLedger}, here or, for the lines whose
 * verdict depends on what uses them (access lists and object-groups), in {@link IosConversions};
 * a line neither gives one is unrecognized.
 */
final class IosParser {
    static final int MAX_LINE = 16 * 1024;

    private static final Set<String> IGNORED = Set.of("version", "hostname", "service", "boot", "boot-start-marker",
            "boot-end-marker", "enable", "aaa", "clock", "logging", "snmp-server", "ntp", "line", "router", "crypto",
            "username", "control-plane", "end", "license", "redundancy", "spanning-tree", "vlan", "archive", "voice",
            "dial-peer", "no", "memory-size", "security", "multilink", "vtp", "cdp", "lldp", "mpls", "key", "track",
            "route-map", "alias", "scheduler", "event", "file", "platform", "subscriber", "diagnostic",
            "vrf", "call-home", "transceiver", "netconf-yang", "restconf", "login", "privilege", "tftp-server",
            "errdisable", "port-channel", "system", "hw-module", "mac", "policy-map", "class-map", "service-policy",
            "monitor", "flow", "sampler", "zone", "zone-pair", "parameter-map", "template", "mls", "wsma", "telemetry",
            "authentication", "dot1x", "radius", "radius-server", "tacacs", "tacacs-server", "banner-end");
    /** "ip ..." statements that are not about ACL filtering. */
    private static final Set<String> IGNORED_IP = Set.of("domain", "domain-name", "domain-lookup", "name-server", "route",
            "cef", "ssh", "http", "forward-protocol", "dhcp", "tftp", "scp", "ftp", "multicast-routing", "routing",
            "classless", "subnet-zero", "nat", "sla", "prefix-list", "as-path", "community-list", "vrf", "host",
            "bootp", "finger", "source-route", "tcp", "flow-export", "flow-cache", "igmp", "pim", "radius", "tacacs",
            "audit", "admission", "inspect", "local", "dns", "name", "default-gateway", "options", "icmp", "arp",
            "device", "explicit-path", "ospf", "bgp-community", "extcommunity-list", "wccp", "sftp", "rcmd", "gratuitous-arps");

    private final IosConfig cfg = new IosConfig();
    private final LineLedger ledger;

    private String block;
    private String acl;
    private boolean standard;
    /** The current access-list block is an {@code ipv6 access-list}. */
    private boolean ipv6;
    private Group group;
    private String iface;
    private String bannerEnd;

    private IosParser(LineLedger ledger) {
        this.ledger = ledger;
    }

    static IosConfig parse(List<String> lines, LineLedger ledger) {
        IosParser p = new IosParser(ledger);
        for (int i = 0; i < lines.size(); i++) p.line(i + 1, lines.get(i));
        return p.cfg;
    }

    static String[] tokens(String s) {
        return ConfigText.tokens(s);
    }

    private void line(int no, String raw) {
        if (raw.length() > MAX_LINE) {
            ledger.unrecognized(no, ConfigText.unreadable(raw, MAX_LINE));
            return;
        }
        if (bannerEnd != null) {
            ledger.ignored(no, "banner text");
            if (raw.contains(bannerEnd)) bannerEnd = null;
            return;
        }
        String unreadable = ConfigText.unreadable(raw, MAX_LINE);
        if (unreadable != null) {
            ledger.unrecognized(no, unreadable);
            return;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.startsWith("!")) {
            // blank lines are no lines of content; "!" starts the config's comments and separators
            if (!s.isEmpty()) ledger.comment(no);
            if (s.startsWith("!") && !raw.startsWith(" ")) block = null;
            return;
        }
        if (s.startsWith("Building configuration") || s.startsWith("Current configuration")) {
            ledger.ignored(no, "output of show running-config around the configuration");
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

    private static void need(String[] t, int n, String syntax) {
        if (t.length < n) throw new IllegalArgumentException("incomplete statement; expected '" + syntax + "'");
    }

    private void top(int no, String[] t) {
        block = null;
        String k = t[0].toLowerCase(Locale.ROOT);
        switch (k) {
            case "interface" -> {
                need(t, 2, "interface NAME");
                iface = String.join(" ", java.util.Arrays.copyOfRange(t, 1, t.length));
                block = "interface";
                ledger.used(no);
            }
            case "ip" -> ipTop(no, t);
            case "ipv6" -> ipv6Top(no, t);
            case "access-list" -> numbered(no, t);
            case "object-group" -> {
                need(t, 3, "object-group network|service NAME");
                String type = t[1].toLowerCase(Locale.ROOT);
                if (!type.equals("network") && !type.equals("service")) {
                    block = "ignored";
                    cfg.unmodelled.put(t[2], "object-group type '" + t[1] + "'");
                    ledger.unsupported(no, "object-group type '" + t[1] + "' is not modelled; rules naming it are uncertain");
                    return;
                }
                group = new Group(t[2], type.equals("network"), no);
                group.lines.add(no); // used or not: the conversion decides
                cfg.groups.put(t[2], group);
                block = "group";
            }
            case "banner" -> {
                ledger.ignored(no, "banner");
                if (t.length >= 3) {
                    String d = t[2].startsWith("^C") ? "^C" : t[2].substring(0, 1);
                    String rest = String.join(" ", java.util.Arrays.copyOfRange(t, 2, t.length)).substring(d.length());
                    if (!rest.contains(d)) bannerEnd = d;
                }
            }
            case "time-range" -> {
                block = "ignored";
                ledger.ignored(no, "time-range definition: entries that use it are treated as always active");
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

    private void ipTop(int no, String[] t) {
        need(t, 2, "ip ...");
        String w = t[1].toLowerCase(Locale.ROOT);
        if (w.equals("access-list")) {
            need(t, 4, "ip access-list extended|standard NAME");
            String type = t[2].toLowerCase(Locale.ROOT);
            if (type.equals("extended") || type.equals("standard")) {
                acl = t[3];
                standard = type.equals("standard");
                ipv6 = false;
                cfg.acls.computeIfAbsent(acl, x -> new ArrayList<>());
                own(acl, false, no);
                block = "acl";
            } else {
                block = "ignored";
                ledger.ignored(no, "ip access-list " + t[2] + ": not an interface filter");
            }
            return;
        }
        if (IGNORED_IP.contains(w)) {
            block = "ignored";
            ledger.ignored(no, "not about filtering");
        } else {
            block = "unknown";
            ledger.unrecognized(no, "unknown statement");
        }
    }

    /** {@code ipv6 access-list NAME} opens an IPv6 access list; every other {@code ipv6 ...} statement is not about filtering. */
    private void ipv6Top(int no, String[] t) {
        if (t.length >= 2 && t[1].equalsIgnoreCase("access-list")) {
            need(t, 3, "ipv6 access-list NAME");
            if (t.length > 3) {
                // log-update, cache, role-based: settings of IPv6 access lists in general, not one list
                block = "ignored";
                ledger.ignored(no, "ipv6 access-list " + t[2] + ": not an interface filter");
                return;
            }
            acl = t[2];
            standard = false;
            ipv6 = true;
            cfg.acls6.computeIfAbsent(acl, x -> new ArrayList<>());
            cfg.acl6Lines.putIfAbsent(acl, no);
            own(acl, true, no);
            block = "acl";
            return;
        }
        block = "ignored";
        ledger.ignored(no, "not about filtering");
    }

    /** {@code access-list N permit|deny|remark ...}: 1-99, 1300-1999 standard; 100-199, 2000-2699 extended. */
    private void numbered(int no, String[] t) {
        need(t, 3, "access-list NUMBER permit|deny|remark ...");
        int n;
        try {
            n = Integer.parseInt(t[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("access-list number expected, found '" + t[1] + "'");
        }
        boolean std = (n >= 1 && n <= 99) || (n >= 1300 && n <= 1999);
        boolean ext = (n >= 100 && n <= 199) || (n >= 2000 && n <= 2699);
        if (!std && !ext) {
            ledger.ignored(no, "access-list " + n + " is not an IP access list");
            return;
        }
        if (t[2].equalsIgnoreCase("remark")) {
            ledger.ignored(no, "remark");
            own(t[1], false, no);
            return;
        }
        String dynamic = null;
        int i = 2;
        if (t[2].equalsIgnoreCase("dynamic")) {
            need(t, 4, "access-list NUMBER dynamic NAME [timeout MINUTES] permit|deny ...");
            dynamic = t[3];
            i = skipTimeout(t, 4);
        }
        entry(no, t[1], std, false, t, i, dynamic);
    }

    /** Records a line of an access list: the conversion gives it its verdict, or adds why when nothing binds the list. */
    private void own(String aclName, boolean v6, int no) {
        (v6 ? cfg.ipv6AclLines : cfg.aclLines).computeIfAbsent(aclName, k -> new ArrayList<>()).add(no);
    }

    private static int skipTimeout(String[] t, int i) {
        return i + 1 < t.length && t[i].equalsIgnoreCase("timeout") ? i + 2 : i;
    }

    /**
     * Reads the entry at {@code i} into {@code aclName} (an IPv6 access list when {@code v6}); a
     * dynamic entry ({@code dynamic} its name) is kept as a placeholder.
     */
    private void entry(int no, String aclName, boolean std, boolean v6, String[] t, int i, String dynamic) {
        Map<String, List<Entry>> acls = v6 ? cfg.acls6 : cfg.acls;
        Entry e;
        try {
            e = std ? standardEntry(no, t, i) : extendedEntry(no, t, i, v6);
        } catch (IllegalArgumentException x) {
            Action a = i < t.length ? readAction(t[i]) : null;
            // without a readable action nothing sound can stand in for the entry: only the diagnostic remains
            if (a == null) throw x;
            int r = indexOf(t, "reflect");
            // the conversion reports it, as kept in a policy or as part of a list bound to no interface
            acls.computeIfAbsent(aclName, k -> new ArrayList<>()).add(Entry.unreadable(no, a, x.getMessage(),
                    r >= 0 && r + 1 < t.length ? t[r + 1] : null));
            own(aclName, v6, no);
            return;
        }
        if (dynamic != null) {
            // a lock-and-key entry opens, once a user authenticates, a copy limited to the user's address
            e = e.asPlaceholder("dynamic (lock-and-key) entry " + dynamic + " is not modelled; it may match part of what it names once a user authenticates");
        }
        // the conversion gives the line its verdict: used, or ignored when nothing binds the list
        acls.computeIfAbsent(aclName, k -> new ArrayList<>()).add(e);
        own(aclName, v6, no);
    }

    private static int indexOf(String[] t, String word) {
        for (int i = 0; i < t.length; i++) if (t[i].equalsIgnoreCase(word)) return i;
        return -1;
    }

    private void member(int no, String[] t) {
        String k = t[0].toLowerCase(Locale.ROOT);
        switch (block) {
            case "ignored" -> ledger.ignored(no, "part of a block that is not about filtering");
            case "unknown" -> ledger.unrecognized(no, "inside an unrecognized statement");
            case "interface" -> {
                if (k.equals("ip") && t.length >= 4 && t[1].equalsIgnoreCase("access-group")) {
                    String dir = t[3].toLowerCase(Locale.ROOT);
                    if (!dir.equals("in") && !dir.equals("out")) throw new IllegalArgumentException("expected in or out");
                    cfg.accessGroups.add(new IosConfig.AccessGroup(t[2],
                            new Binding(iface, dir.equals("in") ? Binding.Direction.IN : Binding.Direction.OUT), no, false));
                    ledger.used(no);
                } else if (k.equals("ipv6") && t.length >= 2 && t[1].equalsIgnoreCase("traffic-filter")) {
                    need(t, 4, "ipv6 traffic-filter NAME in|out");
                    String dir = t[3].toLowerCase(Locale.ROOT);
                    if (!dir.equals("in") && !dir.equals("out")) throw new IllegalArgumentException("expected in or out");
                    cfg.accessGroups.add(new IosConfig.AccessGroup(t[2],
                            new Binding(iface, dir.equals("in") ? Binding.Direction.IN : Binding.Direction.OUT), no, true));
                    ledger.used(no);
                } else {
                    ledger.ignored(no, "interface setting not about filtering");
                }
            }
            case "acl" -> {
                int i = 0;
                if (isNumber(t[0])) i = 1; // sequence number
                else if (ipv6 && k.equals("sequence")) {
                    // IPv6 entries state their number as "sequence N" (first, or among the options)
                    if (t.length < 2 || !isNumber(t[1])) throw new IllegalArgumentException("'sequence' needs a number");
                    i = 2;
                }
                if (i >= t.length) throw new IllegalArgumentException("sequence number without an entry");
                String w = t[i].toLowerCase(Locale.ROOT);
                if (w.equals("remark")) {
                    ledger.ignored(no, "remark");
                    own(acl, ipv6, no);
                    return;
                }
                if (w.equals("evaluate")) {
                    need(t, i + 2, "evaluate NAME");
                    (ipv6 ? cfg.acls6 : cfg.acls).get(acl).add(Entry.evaluate(no, t[i + 1])); // reported when converted
                    own(acl, ipv6, no);
                    return;
                }
                String dynamic = null;
                if (w.equals("dynamic")) {
                    need(t, i + 3, "dynamic NAME [timeout MINUTES] permit|deny ...");
                    dynamic = t[i + 1];
                    i = skipTimeout(t, i + 2);
                }
                entry(no, acl, standard, ipv6, t, i, dynamic);
            }
            case "group" -> groupMember(no, t, k);
            default -> ledger.unrecognized(no, "unexpected line");
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 10) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private void groupMember(int no, String[] t, String k) {
        if (k.equals("description")) {
            ledger.ignored(no, "description");
            return;
        }
        if (k.equals("group-object")) {
            need(t, 2, "group-object NAME");
            group.nested.add(t[1]);
            group.nestedLines.add(no);
            group.lines.add(no);
            return;
        }
        if (group.network) {
            IntervalSet a;
            switch (k) {
                case "host" -> {
                    need(t, 2, "host ADDRESS");
                    a = Addresses.parse(t[1]);
                }
                case "any" -> a = Addresses.ALL;
                case "range" -> {
                    need(t, 3, "range FIRST LAST");
                    a = Addresses.parse(t[1] + "-" + t[2]);
                }
                default -> {
                    // network-object groups take a subnet mask (not a wildcard), or a prefix
                    a = t.length >= 2 ? Addresses.parse(t[0] + "/" + t[1]) : Addresses.parse(t[0]);
                }
            }
            group.addresses.add(a);
            group.lines.add(no);
            return;
        }
        IntervalSet proto = IosNames.protocol(t[0]);
        if (proto == null) throw new IllegalArgumentException("unknown protocol '" + t[0] + "' in service group");
        IntervalSet src = Ports.ALL, dst = Ports.ALL;
        int[] next = {0};
        int j = 1;
        boolean icmp = proto.equals(IntervalSet.point(Protocols.ICMP));
        if (!icmp) {
            if (j < t.length && t[j].equalsIgnoreCase("source")) {
                src = IosNames.operator(t, j + 1, next);
                if (src == null) throw new IllegalArgumentException("'source' needs an operator");
                j = next[0];
            }
            if (j < t.length) {
                dst = IosNames.operator(t, j, next);
                if (dst == null) throw new IllegalArgumentException("unexpected '" + t[j] + "' in service group");
                j = next[0];
            }
            if (j < t.length) throw new IllegalArgumentException("unexpected '" + t[j] + "' in service group");
            if ((!src.equals(Ports.ALL) || !dst.equals(Ports.ALL)) && !IosNames.ported(proto)) {
                throw new IllegalArgumentException("ports given for a protocol without ports");
            }
        } else if (t.length > 1) {
            group.lines.add(no);
            group.broaderLines.put(no, "ICMP types are not modelled; the member matches every ICMP type");
            group.services.add(new Svc(proto, src, dst, "ICMP types in object-group " + group.name
                    + " are not modelled; the rule is treated as matching every ICMP type"));
            return;
        }
        group.services.add(new Svc(proto, src, dst));
        group.lines.add(no);
    }

    // ---- entries --------------------------------------------------------------------------------

    private static Action action(String w) {
        Action a = readAction(w);
        if (a == null) throw new IllegalArgumentException("expected permit or deny, found '" + w + "'");
        return a;
    }

    /** permit or deny, or null. */
    private static Action readAction(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> null;
        };
    }

    private Entry standardEntry(int no, String[] t, int i) {
        need(t, i + 2, "permit|deny SOURCE [WILDCARD]");
        Action a = action(t[i]);
        String w = t[i + 1].toLowerCase(Locale.ROOT);
        Addr src;
        int j;
        if (w.equals("any")) {
            src = new AddrLiteral(Addresses.ALL_V4);
            j = i + 2;
        } else if (w.equals("host")) {
            need(t, i + 3, "host ADDRESS");
            src = new AddrLiteral(Addresses.parse(t[i + 2]));
            j = i + 3;
        } else if (i + 2 < t.length && t[i + 2].indexOf('.') > 0) {
            src = wildcard(t[i + 1], t[i + 2]);
            j = i + 3;
        } else {
            src = new AddrLiteral(Addresses.parse(t[i + 1]));
            j = i + 2;
        }
        String unsupported = null;
        while (j < t.length) {
            String o = t[j].toLowerCase(Locale.ROOT);
            if (o.equals("log")) j = t.length;
            else throw new IllegalArgumentException("unexpected '" + t[j] + "' in standard access-list entry");
        }
        return new Entry(no, a, new ProtoLiteral(Protocols.ALL), src, Ports.ALL,
                new AddrLiteral(Addresses.ALL_V4), Ports.ALL, false, unsupported, null, null, null);
    }

    /** An extended IPv4 entry, or an IPv6 entry when {@code v6}: the same shape, with IPv6 operands and options. */
    private Entry extendedEntry(int no, String[] t, int i, boolean v6) {
        need(t, i + 4, "permit|deny PROTOCOL SOURCE DESTINATION");
        Action a = action(t[i++]);
        Proto proto;
        if (t[i].equalsIgnoreCase("object-group")) {
            need(t, i + 2, "object-group NAME");
            proto = new ProtoGroup(t[i + 1]);
            i += 2;
        } else {
            IntervalSet p = v6 ? IosNames.protocol6(t[i]) : IosNames.protocol(t[i]);
            if (p == null) throw new IllegalArgumentException("unknown protocol '" + t[i] + "'" + (v6 ? " in an IPv6 access list" : ""));
            proto = new ProtoLiteral(p);
            i++;
        }
        boolean ported = proto instanceof ProtoLiteral pl && IosNames.ported(pl.protocols());
        boolean icmp = proto instanceof ProtoLiteral pl && pl.protocols().equals(IntervalSet.point(v6 ? Protocols.ICMPV6 : Protocols.ICMP));
        Set<String> options = v6 ? OPTIONS6 : OPTIONS;
        int[] next = {i};
        Addr src = address(t, i, next, v6);
        i = next[0];
        IntervalSet sp = ported ? IosNames.operator(t, i, next) : null;
        if (sp != null) i = next[0];
        Addr dst = address(t, i, next, v6);
        i = next[0];
        IntervalSet dp = ported ? IosNames.operator(t, i, next) : null;
        if (dp != null) i = next[0];
        boolean established = false;
        String reflect = null;
        List<String> unsupported = new ArrayList<>();
        if (icmp && i < t.length && !options.contains(t[i].toLowerCase(Locale.ROOT))) {
            unsupported.add("ICMP types are not modelled; the entry matches every ICMP" + (v6 ? "v6" : "") + " type");
            i++;
            if (i < t.length && isNumber(t[i])) i++;
        }
        while (i < t.length) {
            String o = t[i].toLowerCase(Locale.ROOT);
            if (v6) {
                int after = ipv6Option(t, i, unsupported);
                if (after > i) {
                    i = after;
                    continue;
                }
            }
            switch (o) {
                case "established" -> {
                    if (!ported) throw new IllegalArgumentException("'established' needs tcp");
                    established = true;
                    i++;
                }
                case "reflect" -> {
                    // the entry matches as written; the sessions it sees fill the reflexive list (see evaluate)
                    need(t, i + 2, "reflect NAME [timeout SECONDS]");
                    reflect = t[i + 1];
                    i = skipTimeout(t, i + 2);
                }
                case "log", "log-input" -> {
                    i++;
                    if (i < t.length && !options.contains(t[i].toLowerCase(Locale.ROOT))) i++; // log cookie
                }
                case "time-range" -> {
                    need(t, i + 2, "time-range NAME");
                    unsupported.add("time-range " + t[i + 1] + " is not modelled; the entry is treated as always active");
                    i += 2;
                }
                case "dscp", "precedence", "tos", "ttl", "option" -> {
                    if (v6 && !o.equals("dscp")) throw new IllegalArgumentException("unexpected '" + t[i] + "' in IPv6 access-list entry");
                    unsupported.add("'" + o + "' matching is not modelled; the entry matches regardless");
                    i += o.equals("ttl") ? 3 : 2;
                }
                case "fragments" -> {
                    unsupported.add("'fragments' is not modelled; the entry is treated as matching whole packets");
                    i++;
                }
                case "ack", "syn", "fin", "rst", "psh", "urg", "match-all", "match-any" -> {
                    unsupported.add("TCP flag matching is not modelled; the entry matches regardless of flags");
                    i++;
                    while (i < t.length && (t[i].startsWith("+") || t[i].startsWith("-"))) i++;
                }
                default -> throw new IllegalArgumentException("unexpected '" + t[i] + "' in access-list entry");
            }
        }
        return new Entry(no, a, proto, src, sp != null ? sp : Ports.ALL, dst, dp != null ? dp : Ports.ALL, established,
                unsupported.isEmpty() ? null : String.join("; ", unsupported), reflect, null, null);
    }

    private static final Set<String> OPTIONS = Set.of("established", "reflect", "log", "log-input", "time-range", "dscp", "precedence",
            "tos", "ttl", "option", "fragments", "ack", "syn", "fin", "rst", "psh", "urg", "match-all", "match-any");

    /** The options of an IPv6 entry: those it shares with IPv4 and the IPv6 header matches. */
    private static final Set<String> OPTIONS6 = Set.of("established", "reflect", "log", "log-input", "time-range", "dscp",
            "fragments", "ack", "syn", "fin", "rst", "psh", "urg", "match-all", "match-any", "sequence", "flow-label",
            "dest-option-type", "routing-type", "mobility-type", "hbh", "routing", "mobility", "undetermined-transport");

    /**
     * An option only IPv6 entries have, at {@code t[i]}: returns the index after it, or {@code i}
     * when there is none. What is not modelled is added to {@code unsupported}.
     */
    private static int ipv6Option(String[] t, int i, List<String> unsupported) {
        String o = t[i].toLowerCase(Locale.ROOT);
        switch (o) {
            case "sequence" -> {
                // the entry's number: the order of the running-config is the order of the numbers
                if (i + 1 >= t.length || !isNumber(t[i + 1])) throw new IllegalArgumentException("'sequence' needs a number");
                return i + 2;
            }
            case "flow-label" -> {
                need(t, i + 2, "flow-label VALUE");
                unsupported.add("'flow-label' matching is not modelled; the entry matches regardless");
                return i + 2;
            }
            case "dest-option-type", "routing-type", "mobility-type" -> {
                unsupported.add("'" + o + "' matching is not modelled; the entry matches regardless");
                // the type is optional
                return i + 1 < t.length && !OPTIONS6.contains(t[i + 1].toLowerCase(Locale.ROOT)) ? i + 2 : i + 1;
            }
            case "hbh", "routing", "mobility", "undetermined-transport" -> {
                unsupported.add("'" + o + "' matching (IPv6 extension headers) is not modelled; the entry matches regardless");
                return i + 1;
            }
            default -> {
                return i;
            }
        }
    }

    private Addr address(String[] t, int i, int[] next, boolean v6) {
        if (i >= t.length) throw new IllegalArgumentException("source or destination missing");
        String w = t[i].toLowerCase(Locale.ROOT);
        switch (w) {
            case "any" -> {
                next[0] = i + 1;
                return new AddrLiteral(v6 ? Addresses.ALL_V6 : Addresses.ALL_V4);
            }
            case "host" -> {
                need(t, i + 2, "host ADDRESS");
                next[0] = i + 2;
                return new AddrLiteral(v6 ? ipv6(t[i + 1]) : Addresses.parse(t[i + 1]));
            }
            case "object-group" -> {
                need(t, i + 2, "object-group NAME");
                next[0] = i + 2;
                return new AddrGroup(t[i + 1]);
            }
            default -> { }
        }
        if (v6) {
            // X:X::X/LEN: IPv6 access lists take prefixes, not wildcards
            if (t[i].indexOf('/') < 0) throw new IllegalArgumentException("expected any, host ADDRESS or PREFIX/LENGTH, found '" + t[i] + "'");
            next[0] = i + 1;
            return new AddrLiteral(ipv6(t[i]));
        }
        need(t, i + 2, "ADDRESS WILDCARD");
        next[0] = i + 2;
        return wildcard(t[i], t[i + 1]);
    }

    /** An IPv6 address or prefix; an IPv4 one is refused, as IOS does in an IPv6 access list. */
    private static IntervalSet ipv6(String text) {
        if (text.indexOf(':') < 0) throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        // IPv4-mapped addresses (::ffff:0:0/96) are where this model keeps IPv4: an IPv6 list never sees them
        return Addresses.parse(text).intersect(Addresses.ALL_V6);
    }

    /**
     * {@code A W}: W is an inverse mask. Only contiguous wildcards are modelled; a non-contiguous
     * one matches some addresses of the prefix its leading fixed bits make, which bounds it.
     */
    static Addr wildcard(String address, String wildcard) {
        long w = Addresses.parse(wildcard).first().longValue() & 0xFFFF_FFFFL;
        long mask = ~w & 0xFFFF_FFFFL;
        int len = Long.bitCount(mask);
        long expect = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
        long a = Addresses.parse(address).first().longValue() & 0xFFFF_FFFFL;
        if (mask == expect) return new AddrLiteral(prefix(a, len));
        int fixed = Long.numberOfLeadingZeros(w) - 32; // the leading bits the wildcard keeps
        IntervalSet hull = prefix(a, fixed);
        return new AddrHull(hull, "wildcard " + address + " " + wildcard + " is not contiguous and is not modelled; it may match any address of "
                + Addresses.format(hull));
    }

    private static IntervalSet prefix(long address, int len) {
        long mask = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
        long a = address & mask;
        return Addresses.parse(((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255) + "/" + len);
    }
}
