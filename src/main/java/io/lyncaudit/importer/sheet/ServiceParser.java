package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service/port cell: "443, 5061", "TCP_50000-59999", "tcp/443", "UDP:3478", "443/tcp",
 * "TCP_22-25,UDP_139", "TCP/UDP 3478", "TCP 5061 5062", "53 UDP", "https", "any". Each item keeps its
 * own protocol and ports (never a cross product of all protocols and all ports named). A protocol
 * written alone applies to the ports right after it, or, when none follow, to the bare ports right
 * before it.
 *
 * <p>A value malformed as written (port 70000, "44a3", a range that ends before it starts, an
 * ambiguous "53,123") throws {@link CellException}; a well-formed name the sheet does not define
 * (a service object, an ICMP type) becomes an {@link ServiceItem.Kind#UNKNOWN} item.
 */
final class ServiceParser {
    private ServiceParser() {}

    private static final Pattern PORT_FIRST = Pattern.compile("(\\d[\\d-]*)/([a-z][a-z0-9+&/]*)");
    private static final Pattern PROTOCOL_LIST = Pattern.compile("[/+&]");
    private static final java.util.Set<String> JOINING_WORDS = java.util.Set.of("and", "&", "+", "or");

    static List<ServiceItem> parse(String cell) {
        List<String> tokens = CellText.serviceTokens(cell);
        List<ServiceItem> items = new ArrayList<>();
        IntervalSet pending = null; // protocols written alone ("TCP 5061"), waiting for ports
        boolean pendingUsed = false;
        int bareRun = 0;            // how many BARE items end the list (a trailing protocol may claim them)
        int suffixed = -1;          // start of the items a trailing protocol just claimed ("3478 tcp udp")
        for (int k = 0; k < tokens.size(); k++) {
            String written = tokens.get(k);
            String t = written.toLowerCase(Locale.ROOT);
            if (JOINING_WORDS.contains(t)) continue; // "TCP & UDP 3478", "tcp and udp"
            IntervalSet alone = protocolList(t);
            if (alone != null) {
                boolean portsFollow = k + 1 < tokens.size() && isPortToken(tokens.get(k + 1));
                if (!portsFollow && (bareRun > 0 || suffixed >= 0) && (pending == null || pendingUsed)) {
                    // "53 UDP", "80, 443 TCP": the protocol belongs to the ports before it
                    int from = bareRun > 0 ? items.size() - bareRun : suffixed;
                    for (int i = from; i < items.size(); i++) {
                        ServiceItem it = items.get(i);
                        IntervalSet p = it.kind() == ServiceItem.Kind.BARE ? alone : it.protocols().union(alone);
                        items.set(i, new ServiceItem(p, it.ports(), ServiceItem.Kind.EXPLICIT, it.token() + " " + written));
                    }
                    suffixed = from;
                    bareRun = 0;
                    continue;
                }
                suffixed = -1;
                if (pending != null && !pendingUsed) {
                    pending = pending.union(alone); // "tcp udp 3478"
                } else {
                    pending = alone;
                    pendingUsed = false;
                }
                continue;
            }
            suffixed = -1;
            if (pending != null && isPortToken(t)) {
                items.add(new ServiceItem(pending, ports(t), ServiceItem.Kind.EXPLICIT, written));
                pendingUsed = true;
                bareRun = 0;
                continue;
            }
            if (pending != null && !pendingUsed) {
                items.add(new ServiceItem(pending, Ports.ALL, ServiceItem.Kind.EXPLICIT, written));
            }
            pending = null;
            ServiceItem it = token(t, written);
            items.add(it);
            bareRun = it.kind() == ServiceItem.Kind.BARE ? bareRun + 1 : 0;
        }
        if (pending != null && !pendingUsed) {
            items.add(new ServiceItem(pending, Ports.ALL, ServiceItem.Kind.EXPLICIT, cell.strip()));
        }
        return items;
    }

    private static boolean isPortToken(String t) {
        return !t.isEmpty() && Character.isDigit(t.charAt(0)) && t.indexOf('/') < 0;
    }

    /** The protocols of a token that is only protocol names ("tcp", "icmp", "tcp/udp", "TCP+UDP"), else null. */
    static IntervalSet protocolList(String t) {
        if (t.isEmpty() || Character.isDigit(t.charAt(0)) || isAny(t)) return null;
        IntervalSet s = IntervalSet.EMPTY;
        for (String name : PROTOCOL_LIST.split(t, -1)) {
            if (name.isEmpty() || Character.isDigit(name.charAt(0))) return null;
            int p = Protocols.number(name);
            if (p < 0) return null;
            s = s.union(IntervalSet.point(p));
        }
        return s;
    }

    /** A port or range as written ("443", "50,000-59,999"); a token too long to be one is refused without echoing it whole. */
    static IntervalSet ports(String t) {
        if (t.length() > 24) throw new CellException(Excerpt.quote(t) + " is not a port or port range");
        return Ports.parseRange(t);
    }

    static boolean isAny(String t) {
        return t.equals("any") || t.equals("*") || t.equals("all") || t.equals("ip") || t.equals("-1");
    }

    /** One token; {@code t} is the lower-case form used for matching, {@code written} the one for messages. */
    private static ServiceItem token(String t, String written) {
        if (isAny(t)) {
            return new ServiceItem(null, Ports.ALL, ServiceItem.Kind.ANY, written);
        }
        if (Character.isDigit(t.charAt(0))) {
            Matcher m = PORT_FIRST.matcher(t);
            if (m.matches()) {
                IntervalSet p = protocolList(m.group(2));
                if (p == null) throw new CellException("unknown protocol in " + Excerpt.quote(written));
                return new ServiceItem(p, ports(m.group(1)), ServiceItem.Kind.EXPLICIT, written);
            }
            return new ServiceItem(null, ports(t), ServiceItem.Kind.BARE, written);
        }
        // the longest prefix of protocol names followed by a separator: "tcp/udp:3478", "tcp-5060-5061", "UDP_139"
        for (int i = t.length() - 2; i > 0; i--) {
            char sep = t.charAt(i);
            if (sep != '/' && sep != '_' && sep != ':' && sep != '-') continue;
            IntervalSet p = protocolList(t.substring(0, i));
            if (p == null) continue;
            return qualified(p, t.substring(i + 1), written);
        }
        NamedServices.Named n = NamedServices.lookup(t);
        if (n != null) {
            return new ServiceItem(n.protocols(), n.ports(), ServiceItem.Kind.NAMED, written);
        }
        if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
            // "=400+43", "#REF!": text that names nothing, not an object the sheet leaves out
            throw new CellException(Excerpt.quote(written) + " is not a port, a protocol or a service name");
        }
        return new ServiceItem(null, Ports.ALL, ServiceItem.Kind.UNKNOWN, written,
                "unknown service name " + Excerpt.quote(written) + " (a service object the sheet does not define)");
    }

    /** "tcp/443", "udp:any", "tcp/https", "icmp/8": protocols {@code p} with what follows the separator. */
    private static ServiceItem qualified(IntervalSet p, String rest, String written) {
        boolean ported = !p.intersect(Protocols.PORTED).isEmpty();
        if (isAny(rest)) return new ServiceItem(p, Ports.ALL, ServiceItem.Kind.EXPLICIT, written);
        if (!ported) {
            // "icmp/8", "icmp:echo-request": a type or code of a protocol without ports, which is not modelled
            return new ServiceItem(p, Ports.ALL, ServiceItem.Kind.UNKNOWN, written,
                    Excerpt.quote(written) + " is a type or code of " + Protocols.format(p) + ", and those are not modelled");
        }
        if (Character.isDigit(rest.charAt(0))) return new ServiceItem(p, ports(rest), ServiceItem.Kind.EXPLICIT, written);
        NamedServices.Named n = NamedServices.lookup(rest);
        if (n != null) return new ServiceItem(p, n.ports(), ServiceItem.Kind.EXPLICIT, written);
        return new ServiceItem(p, Ports.ALL, ServiceItem.Kind.UNKNOWN, written,
                "unknown service name " + Excerpt.quote(written) + " (a service object the sheet does not define)");
    }
}
