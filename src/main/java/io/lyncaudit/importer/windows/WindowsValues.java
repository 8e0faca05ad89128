package io.lyncaudit.importer.windows;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.importer.LineLedger.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The values Windows writes in its rule properties, in both PowerShell and netsh spelling:
 * booleans, directions, profiles, protocols, port and address lists with their keywords.
 * Keywords the audit cannot resolve are reported through {@link WindowsProperties} and read as documented.
 */
final class WindowsValues {
    private WindowsValues() {}

    /** The Windows Firewall network profiles. */
    enum Profile { DOMAIN, PRIVATE, PUBLIC }

    /** Remote-address keywords that stand for addresses only the host knows (read as any). */
    private static final Set<String> HOST_KNOWN = Set.of("localsubnet", "localsubnet4", "localsubnet6", "internet", "intranet",
            "intranetremoteaccess", "dns", "dhcp", "wins", "defaultgateway", "playtodevice", "captiveportaladdresses");

    /** Enabled: True/Yes, False/No, or the CIM enum numbers (True = 1, False = 2). */
    static Boolean bool(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "enabled" -> Boolean.TRUE;
            case "false", "no", "2", "disabled" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** True for inbound, false for outbound, null otherwise. */
    static Boolean inbound(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "in", "inbound", "1" -> Boolean.TRUE;
            case "out", "outbound", "2" -> Boolean.FALSE;
            default -> null;
        };
    }

    static List<String> tokens(String v) {
        List<String> out = new ArrayList<>();
        for (String t : v.trim().split("[,\\s{}]+")) if (!t.isEmpty()) out.add(t);
        return out;
    }

    /**
     * The profiles a rule applies to; "Any", "All" or blank mean all three; the CIM flag number
     * (Any = 0, Domain = 1, Private = 2, Public = 4) is read too; null when unreadable.
     */
    static Set<Profile> profiles(String v) {
        EnumSet<Profile> s = EnumSet.noneOf(Profile.class);
        if (v.trim().matches("[0-7]")) {
            int f = Integer.parseInt(v.trim());
            if (f == 0 || (f & 1) != 0) s.add(Profile.DOMAIN);
            if (f == 0 || (f & 2) != 0) s.add(Profile.PRIVATE);
            if (f == 0 || (f & 4) != 0) s.add(Profile.PUBLIC);
            return s;
        }
        for (String t : tokens(v)) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "any", "all" -> s.addAll(EnumSet.allOf(Profile.class));
                case "domain", "domainauthenticated" -> s.add(Profile.DOMAIN);
                case "private" -> s.add(Profile.PRIVATE);
                case "public" -> s.add(Profile.PUBLIC);
                default -> { return null; }
            }
        }
        return s.isEmpty() ? EnumSet.allOf(Profile.class) : s;
    }

    /** Protocol set: Any, TCP, UDP, ICMPv4, ICMPv6 or a number; the first token decides (netsh appends ICMP type lines). */
    static IntervalSet protocols(String v) {
        List<String> t = tokens(v);
        if (t.isEmpty()) return Protocols.ALL;
        String p = t.get(0).toLowerCase(Locale.ROOT);
        return switch (p) {
            case "any", "*" -> Protocols.ALL;
            case "icmpv4", "icmp" -> IntervalSet.point(Protocols.ICMP);
            case "icmpv6" -> IntervalSet.point(Protocols.ICMPV6);
            default -> {
                int n = Protocols.number(p);
                if (n < 0) throw new IllegalArgumentException("'" + t.get(0) + "' is not a protocol");
                yield IntervalSet.point(n);
            }
        };
    }

    /** True when an ICMP protocol value also names types or codes other than any (netsh "Type Code" lines). */
    static boolean icmpTypes(String v) {
        List<String> t = tokens(v);
        for (String s : t.subList(Math.min(1, t.size()), t.size())) {
            String l = s.toLowerCase(Locale.ROOT);
            if (!l.equals("type") && !l.equals("code") && !l.equals("any") && !l.equals("*")) return true;
        }
        return false;
    }

    /**
     * A port list. RPCEPMap is the endpoint mapper, 135. RPC (dynamic RPC) is read as the
     * default dynamic range 49152-65535, IPHTTPS (IPHTTPSIn/Out) as 443, Teredo (edge traversal) as
     * any; each with an unsupported diagnostic, since the host decides the real port.
     */
    static IntervalSet ports(RawBlock.Field f, WindowsProperties props) {
        return ports(f, props, new LinkedHashSet<>()).read();
    }

    /** A port list as read, and every port the host may really use for it (more than read when the host resolves a keyword). */
    record PortReading(IntervalSet read, IntervalSet may) {}

    /** {@link #ports(RawBlock.Field, WindowsProperties)}, adding to {@code approx} a short reason for each keyword that is not read exactly. */
    static PortReading ports(RawBlock.Field f, WindowsProperties props, Set<String> approx) {
        if (f == null) return new PortReading(Ports.ALL, Ports.ALL);
        IntervalSet s = IntervalSet.EMPTY, may = IntervalSet.EMPTY;
        List<String> ts = tokens(f.value());
        if (ts.isEmpty()) return new PortReading(Ports.ALL, Ports.ALL);
        for (String t : ts) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "any", "*" -> s = s.union(Ports.ALL);
                case "rpcepmap" -> s = s.union(IntervalSet.point(135));
                case "rpc" -> {
                    s = s.union(IntervalSet.of(49152, 65535));
                    may = Ports.ALL; // the dynamic range is configurable
                    props.field(f, Verdict.UNSUPPORTED,
                            "RPC dynamic ports are read as the default dynamic range 49152-65535; the RPC endpoint mapper picks the real port");
                    approx.add("RPC dynamic ports are read as 49152-65535 (the host may use any port)");
                }
                case "iphttps", "iphttpsin", "iphttpsout" -> {
                    s = s.union(IntervalSet.point(443));
                    may = Ports.ALL; // the IP-HTTPS URL may name another port
                    props.field(f, Verdict.UNSUPPORTED, "IPHTTPS is read as port 443");
                    approx.add("IPHTTPS is read as port 443 (the host may use another port)");
                }
                case "teredo", "edgetraversal" -> {
                    s = s.union(Ports.ALL);
                    props.field(f, Verdict.UNSUPPORTED, "Teredo (edge traversal) ports are not modelled; read as any port");
                    approx.add("Teredo ports are read as any port");
                }
                default -> s = s.union(Ports.parseRange(t));
            }
        }
        return new PortReading(s, s.union(may));
    }

    /**
     * An address list: addresses, subnets (prefix or dotted mask), ranges, Any. Keywords the host
     * resolves itself (LocalSubnet, Internet, Intranet, DNS, DHCP, WINS, DefaultGateway, ...) are read as
     * any address, with an unsupported diagnostic: the audit does not know what they stand for.
     */
    static IntervalSet addresses(RawBlock.Field f, WindowsProperties props) {
        return addresses(f, props, new LinkedHashSet<>());
    }

    /** {@link #addresses(RawBlock.Field, WindowsProperties)}, adding to {@code approx} a short reason for each keyword read as any address. */
    static IntervalSet addresses(RawBlock.Field f, WindowsProperties props, Set<String> approx) {
        if (f == null) return Addresses.ALL;
        IntervalSet s = IntervalSet.EMPTY;
        List<String> ts = tokens(f.value());
        if (ts.isEmpty()) return Addresses.ALL;
        for (String t : ts) {
            String l = t.toLowerCase(Locale.ROOT);
            if (HOST_KNOWN.contains(l)) {
                s = s.union(Addresses.ALL);
                props.field(f, Verdict.UNSUPPORTED, "keyword '" + t
                        + "' is resolved by the host, not by the audit; read as any address");
                approx.add(t + " is read as any address");
            } else {
                s = s.union(Addresses.parse(t));
            }
        }
        return s;
    }

    /** True for blank, Any, or "*". */
    static boolean isAny(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("any") || t.equals("*") || t.equals("{}");
    }
}
