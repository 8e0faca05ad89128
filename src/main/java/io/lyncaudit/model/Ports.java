package io.lyncaudit.model;

/** TCP/UDP port sets (0-65535): parsing of "443", "50,000-59,999", "1024-65535" and rendering. */
public final class Ports {
    private Ports() {}

    public static final int MAX = 65535;
    public static final IntervalSet ALL = IntervalSet.of(0, MAX);

    /** A single port or range, digits may carry thousands separators; throws with a readable message. */
    public static IntervalSet parseRange(String text) {
        String t = text.trim().replace(",", "").replace(" ", "").replace('\u2013', '-').replace('\u2014', '-');
        if (t.equalsIgnoreCase("any") || t.equals("*") || t.isEmpty()) {
            return ALL;
        }
        int dash = t.indexOf('-', 1);
        long a, b;
        try {
            if (dash < 0) {
                a = b = Long.parseLong(t);
            } else {
                a = Long.parseLong(t.substring(0, dash));
                b = Long.parseLong(t.substring(dash + 1));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a port or port range");
        }
        if (a < 0 || a > MAX || b < 0 || b > MAX) {
            throw new IllegalArgumentException("port " + (a < 0 || a > MAX ? a : b) + " is outside 0-65535");
        }
        if (a > b) {
            throw new IllegalArgumentException("port range '" + text.trim() + "' ends before it starts");
        }
        return IntervalSet.of(a, b);
    }

    public static String format(IntervalSet set) {
        if (set.equals(ALL)) return "any";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < set.intervalCount(); i++) {
            if (i > 0) s.append(", ");
            long a = set.startLong(i), b = set.endLong(i);
            s.append(a);
            if (a != b) s.append('-').append(b);
        }
        return s.toString();
    }
}
