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
 * "TCP 5061 5062", "https", "any". A protocol written alone applies to the ports after it.
 */
final class ServiceParser {
    private ServiceParser() {}

    private static final Pattern PROTO_FIRST = Pattern.compile("([a-z][a-z0-9]*)[/_:](.+)");
    private static final Pattern PORT_FIRST = Pattern.compile("(\\d[\\d-]*)/([a-z][a-z0-9]*)");

    static List<ServiceItem> parse(String cell) {
        List<ServiceItem> items = new ArrayList<>();
        IntervalSet pending = null; // protocols written alone ("TCP 5061"), waiting for ports
        boolean pendingUsed = false;
        for (String written : CellText.serviceTokens(cell)) {
            String t = written.toLowerCase(Locale.ROOT);
            IntervalSet alone = protocolAlone(t);
            if (alone != null) {
                if (pending != null && !pendingUsed) {
                    pending = pending.union(alone); // "tcp udp 3478"
                } else {
                    pending = alone;
                    pendingUsed = false;
                }
                continue;
            }
            if (pending != null && Character.isDigit(t.charAt(0)) && t.indexOf('/') < 0) {
                items.add(new ServiceItem(pending, Ports.parseRange(t), ServiceItem.Kind.EXPLICIT, written));
                pendingUsed = true;
                continue;
            }
            if (pending != null && !pendingUsed) {
                items.add(new ServiceItem(pending, Ports.ALL, ServiceItem.Kind.EXPLICIT, written));
            }
            pending = null;
            items.add(token(t, written));
        }
        if (pending != null && !pendingUsed) {
            items.add(new ServiceItem(pending, Ports.ALL, ServiceItem.Kind.EXPLICIT, cell.strip()));
        }
        return items;
    }

    /** The protocol of a token that is only a protocol name ("tcp", "icmp"), else null. */
    private static IntervalSet protocolAlone(String t) {
        if (Character.isDigit(t.charAt(0)) || isAny(t)) return null;
        int p = Protocols.number(t);
        return p >= 0 ? IntervalSet.point(p) : null;
    }

    static boolean isAny(String t) {
        return t.equals("any") || t.equals("*") || t.equals("all") || t.equals("ip");
    }

    /** One token; {@code t} is the lower-case form used for matching, {@code written} the one for messages. */
    private static ServiceItem token(String t, String written) {
        if (isAny(t)) {
            return new ServiceItem(null, Ports.ALL, ServiceItem.Kind.ANY, written);
        }
        if (Character.isDigit(t.charAt(0))) {
            Matcher m = PORT_FIRST.matcher(t);
            if (m.matches()) {
                return new ServiceItem(protocol(m.group(2)), Ports.parseRange(m.group(1)), ServiceItem.Kind.EXPLICIT, written);
            }
            return new ServiceItem(null, Ports.parseRange(t), ServiceItem.Kind.BARE, written);
        }
        Matcher m = PROTO_FIRST.matcher(t);
        if (m.matches() && Protocols.number(m.group(1)) >= 0) {
            return new ServiceItem(protocol(m.group(1)), portSpec(m.group(2)), ServiceItem.Kind.EXPLICIT, written);
        }
        NamedServices.Named n = NamedServices.lookup(t);
        if (n != null) {
            return new ServiceItem(n.protocols(), n.ports(), ServiceItem.Kind.NAMED, written);
        }
        throw new CellException("unknown service name '" + written + "'");
    }

    private static IntervalSet protocol(String name) {
        int p = Protocols.number(name);
        if (p < 0) throw new CellException("unknown protocol '" + name + "'");
        return IntervalSet.point(p);
    }

    private static IntervalSet portSpec(String s) {
        if (isAny(s)) return Ports.ALL;
        if (Character.isDigit(s.charAt(0))) return Ports.parseRange(s);
        NamedServices.Named n = NamedServices.lookup(s);
        if (n == null) throw new CellException("unknown service name '" + s + "'");
        return n.ports();
    }
}
