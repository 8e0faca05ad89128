package io.lyncaudit.policy;

import java.util.HashSet;
import java.util.Set;

/**
 * The interface (or zone) conditions of a rule, {@link Rule#fromZones()} and {@link Rule#toZones()}:
 * a set of names, where a name ending in {@code +} stands for every interface whose name starts
 * with the rest (iptables' {@code eth+}) and a leading {@code !} excludes (iptables'
 * {@code ! -i lo}). A set admits an interface when some plain or wildcard name matches it (or there
 * is none) and no excluded name does; the empty set admits every interface.
 */
public final class Zones {
    private Zones() {}

    /** True when {@code zones} admit the interface {@code iface} (null, an unknown interface, is admitted). */
    public static boolean admits(Set<String> zones, String iface) {
        if (zones.isEmpty() || iface == null) return true;
        if (zones.size() == 1) {
            String z = zones.iterator().next();
            return z.charAt(0) == '!' ? !matches(z, 1, iface) : matches(z, 0, iface);
        }
        boolean positive = false, hit = false;
        for (String z : zones) {
            if (z.charAt(0) == '!') {
                if (matches(z, 1, iface)) return false;
            } else {
                positive = true;
                hit |= matches(z, 0, iface);
            }
        }
        return !positive || hit;
    }

    private static boolean matches(String z, int from, String iface) {
        int end = z.length();
        if (z.charAt(end - 1) == '+') return iface.startsWith(z.substring(from, end - 1));
        return from == 0 ? z.equals(iface) : iface.equals(z.substring(from));
    }

    /** True when {@code name} is a plain interface name, not a wildcard or an exclusion. */
    public static boolean plain(String name) {
        return !name.isEmpty() && name.charAt(0) != '!' && name.charAt(name.length() - 1) != '+';
    }

    /**
     * Both conditions at once (a rule inside a chain reached under another condition); null when
     * no interface meets both. Exact for plain names and for wildcards that nest; where two
     * wildcards overlap without nesting ({@code eth+} and {@code et+} nest; {@code a+} and {@code b+}
     * do not meet) the result is the longer one.
     */
    public static Set<String> meet(Set<String> a, Set<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        Set<String> pa = positives(a), pb = positives(b), out = new HashSet<>();
        if (pa.isEmpty()) out.addAll(pb);
        else if (pb.isEmpty()) out.addAll(pa);
        else {
            for (String x : pa) {
                for (String y : pb) {
                    String m = meetOne(x, y);
                    if (m != null) out.add(m);
                }
            }
            if (out.isEmpty()) return null;
        }
        for (String z : a) if (z.charAt(0) == '!') out.add(z);
        for (String z : b) if (z.charAt(0) == '!') out.add(z);
        // a plain name that an exclusion removes can never be met
        out.removeIf(z -> z.charAt(0) != '!' && plain(z) && !admits(exclusions(out), z));
        if (!out.isEmpty() && out.stream().allMatch(z -> z.charAt(0) == '!') && !(pa.isEmpty() && pb.isEmpty())) return null;
        return Set.copyOf(out);
    }

    private static Set<String> positives(Set<String> s) {
        Set<String> p = new HashSet<>();
        for (String z : s) if (z.charAt(0) != '!') p.add(z);
        return p;
    }

    private static Set<String> exclusions(Set<String> s) {
        Set<String> p = new HashSet<>();
        for (String z : s) if (z.charAt(0) == '!') p.add(z);
        return p;
    }

    private static String meetOne(String x, String y) {
        boolean wx = x.endsWith("+"), wy = y.endsWith("+");
        if (!wx && !wy) return x.equals(y) ? x : null;
        if (wx && !wy) return matches(x, 0, y) ? y : null;
        if (!wx) return matches(y, 0, x) ? x : null;
        String px = x.substring(0, x.length() - 1), py = y.substring(0, y.length() - 1);
        if (px.startsWith(py)) return x;
        if (py.startsWith(px)) return y;
        return null;
    }
}
