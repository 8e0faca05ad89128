package io.lyncaudit.importer.neutral;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text forms of protocols, addresses and ports in the neutral format. Writing uses the
 * model's format helpers; reading accepts what they write and the looser forms people type.
 */
final class NeutralText {
    private NeutralText() {}

    static final String NONE = "none";
    /** A policy's scope: every IPv4 packet, every IPv6 packet. */
    static final String SCOPE_IPV4 = "ipv4", SCOPE_IPV6 = "ipv6";

    /** List items: "; ", or ", " — a comma followed by exactly three digits is a thousands separator ("50,000"). */
    private static final Pattern PORT_LIST = Pattern.compile("\\s*;\\s*|,\\s+|,(?!\\d{3}(?!\\d))");
    private static final Pattern ADDRESS_LIST = Pattern.compile("[,;\\s]+");
    private static final Pattern PROTOCOL_LIST = Pattern.compile("\\s*[+,;/]\\s*|\\s+");

    static String protocols(IntervalSet s) {
        return s.isEmpty() ? NONE : Protocols.format(s);
    }

    static String addresses(IntervalSet s) {
        return s.isEmpty() ? NONE : Addresses.format(s);
    }

    static String ports(IntervalSet s) {
        return s.isEmpty() ? NONE : Ports.format(s);
    }

    /** "TCP", "TCP+UDP", "any", "ip", "ICMP", protocol numbers and ranges such as "18-46". */
    static IntervalSet parseProtocols(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals(NONE)) return IntervalSet.EMPTY;
        if (t.isEmpty()) throw new IllegalArgumentException("protocol is empty");
        IntervalSet s = IntervalSet.EMPTY;
        for (String p : PROTOCOL_LIST.split(t)) {
            if (p.isEmpty()) continue;
            if (p.equals("any") || p.equals("ip") || p.equals("all") || p.equals("*")) {
                s = s.union(Protocols.ALL);
                continue;
            }
            int n = Protocols.number(p);
            if (n >= 0) {
                s = s.union(IntervalSet.point(n));
                continue;
            }
            s = s.union(protocolRange(p, text));
        }
        return s;
    }

    private static IntervalSet protocolRange(String p, String whole) {
        int dash = p.indexOf('-');
        if (dash > 0) {
            int a = Protocols.number(p.substring(0, dash)), b = Protocols.number(p.substring(dash + 1));
            if (a >= 0 && b >= a && Character.isDigit(p.charAt(0))) return IntervalSet.of(a, b);
        }
        throw new IllegalArgumentException("unknown protocol '" + p + "' in '" + whole.strip() + "'");
    }

    static IntervalSet parseAddresses(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase(NONE)) return IntervalSet.EMPTY;
        if (t.isEmpty()) throw new IllegalArgumentException("address is empty (write 'any' for every address)");
        IntervalSet s = IntervalSet.EMPTY;
        for (String a : ADDRESS_LIST.split(t)) {
            if (!a.isEmpty()) s = s.union(Addresses.parse(a));
        }
        return s;
    }

    static IntervalSet parsePorts(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase(NONE)) return IntervalSet.EMPTY;
        if (t.isEmpty()) throw new IllegalArgumentException("ports are empty (write 'any' for every port)");
        IntervalSet s = IntervalSet.EMPTY;
        for (String p : PORT_LIST.split(t)) {
            if (!p.isBlank()) s = s.union(Ports.parseRange(p));
        }
        return s;
    }
}
