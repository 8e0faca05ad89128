package io.lyncaudit.model;

import java.util.Locale;
import java.util.Map;

/** IP protocol numbers (0-255) as interval sets, with the names users and vendors write. */
public final class Protocols {
    private Protocols() {}

    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int GRE = 47;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int ICMPV6 = 58;

    public static final IntervalSet ALL = IntervalSet.of(0, 255);
    public static final IntervalSet TCP_SET = IntervalSet.point(TCP);
    public static final IntervalSet UDP_SET = IntervalSet.point(UDP);
    public static final IntervalSet TCP_UDP = TCP_SET.union(UDP_SET);
    /** The protocols whose packets carry ports: TCP, UDP and SCTP (132). */
    public static final IntervalSet PORTED = TCP_UDP.union(IntervalSet.point(132));

    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("icmp", ICMP), Map.entry("tcp", TCP), Map.entry("udp", UDP), Map.entry("gre", GRE),
            Map.entry("esp", ESP), Map.entry("ah", AH), Map.entry("icmpv6", ICMPV6), Map.entry("icmp6", ICMPV6),
            Map.entry("ipv6-icmp", ICMPV6), Map.entry("igmp", 2), Map.entry("ipinip", 4), Map.entry("sctp", 132),
            Map.entry("ospf", 89), Map.entry("pim", 103), Map.entry("eigrp", 88));

    /** The protocol number for a name or number, or -1 when unknown. */
    public static int number(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        Integer n = NAMES.get(s);
        if (n != null) return n;
        try {
            int v = Integer.parseInt(s);
            return v >= 0 && v <= 255 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static String name(int number) {
        return switch (number) {
            case TCP -> "TCP";
            case UDP -> "UDP";
            case ICMP -> "ICMP";
            case ICMPV6 -> "ICMPv6";
            case ESP -> "ESP";
            case AH -> "AH";
            case GRE -> "GRE";
            default -> Integer.toString(number);
        };
    }

    /** True when the protocol carries ports (only then are port sets meaningful). */
    public static boolean hasPorts(int number) {
        return number == TCP || number == UDP || number == 132;
    }

    /** For people: as {@link #format}, or "any except TCP+UDP" when the complement is shorter to say. */
    public static String describe(IntervalSet set) {
        IntervalSet rest = ALL.subtract(set);
        if (!set.isEmpty() && !rest.isEmpty() && rest.intervalCount() < set.intervalCount()) return "any except " + format(rest);
        return format(set);
    }

    /** "TCP+UDP", "1-5+GRE", "any": the form the neutral format and the spreadsheets read back. */
    public static String format(IntervalSet set) {
        if (set.equals(ALL)) return "any";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < set.intervalCount(); i++) {
            long a = set.startLong(i), b = set.endLong(i);
            if (b - a > 3) {
                if (s.length() > 0) s.append('+');
                s.append(a).append('-').append(b);
                continue;
            }
            for (long p = a; p <= b; p++) {
                if (s.length() > 0) s.append('+');
                s.append(name((int) p));
            }
        }
        return s.toString();
    }
}
