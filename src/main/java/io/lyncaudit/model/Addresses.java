package io.lyncaudit.model;

import java.math.BigInteger;
import java.util.Locale;

/**
 * IPv4 and IPv6 address sets on one 128-bit line: IPv4 addresses live at their IPv4-mapped place
 * (::ffff:a.b.c.d), so one set can hold both families and "any" is the whole line.
 */
public final class Addresses {
    private Addresses() {}

    private static final long V4_PREFIX_LO = 0x0000_FFFF_0000_0000L;

    public static final IntervalSet ALL = IntervalSet.of(0L, 0L, -1L, -1L);
    public static final IntervalSet ALL_V4 = IntervalSet.of(0L, V4_PREFIX_LO, 0L, V4_PREFIX_LO | 0xFFFF_FFFFL);
    public static final IntervalSet ALL_V6 = ALL.subtract(ALL_V4);

    /** Parses a single address, CIDR, range "a-b", or any / any4 / any6; throws a readable message. */
    public static IntervalSet parse(String text) {
        String t = text.trim();
        String low = t.toLowerCase(Locale.ROOT);
        switch (low) {
            case "any", "*", "all", "0.0.0.0/0 ::/0" -> { return ALL; }
            case "any4", "0.0.0.0/0" -> { return ALL_V4; }
            case "any6", "::/0" -> { return ALL_V6; }
            default -> { }
        }
        int slash = t.indexOf('/');
        if (slash >= 0) {
            long[] a = parseAddress(t.substring(0, slash), text);
            boolean v4 = t.indexOf(':') < 0;
            int len;
            try {
                len = Integer.parseInt(t.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                // dotted netmask, e.g. 10.0.0.0/255.0.0.0
                if (v4) {
                    len = maskLength(parseAddress(t.substring(slash + 1), text)[1] & 0xFFFF_FFFFL, text);
                } else {
                    throw bad(text, "prefix length is not a number");
                }
            }
            int max = v4 ? 32 : 128;
            if (len < 0 || len > max) throw bad(text, "prefix length " + len + " is outside 0-" + max);
            int hostBits = max - len;
            return prefix(a[0], a[1], hostBits, text);
        }
        int dash = t.indexOf('-');
        if (dash > 0) {
            long[] a = parseAddress(t.substring(0, dash), text);
            long[] b = parseAddress(t.substring(dash + 1), text);
            if (U128.compare(a[0], a[1], b[0], b[1]) > 0) throw bad(text, "range ends before it starts");
            return IntervalSet.of(a[0], a[1], b[0], b[1]);
        }
        long[] a = parseAddress(t, text);
        return IntervalSet.of(a[0], a[1], a[0], a[1]);
    }

    /** True when the text parses as an address set. */
    public static boolean isAddress(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int maskLength(long mask, String text) {
        int len = Long.bitCount(mask);
        long expect = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
        if (mask != expect) throw bad(text, "netmask is not contiguous");
        return len;
    }

    private static IntervalSet prefix(long hi, long lo, int hostBits, String text) {
        long sh, sl, eh, el;
        if (hostBits >= 64) {
            long m = hostBits == 128 ? 0 : (-1L << (hostBits - 64));
            sh = hi & m;
            sl = 0;
            eh = sh | ~m;
            el = -1L;
        } else {
            long m = hostBits == 0 ? -1L : (-1L << hostBits);
            sh = eh = hi;
            sl = lo & m;
            el = sl | ~m;
        }
        if (sh != hi || sl != lo) {
            throw bad(text, "host bits are set (did you mean " + formatPoint(sh, sl) + "/" + (hostBits > 32 || hi != 0 || (lo >>> 32) != 0xFFFFL ? 128 - hostBits : 32 - hostBits) + "?)");
        }
        return IntervalSet.of(sh, sl, eh, el);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("'" + text.trim() + "' is not a valid address: " + why);
    }

    /** Returns {hi, lo} of an IPv4 or IPv6 literal. Never resolves names. */
    static long[] parseAddress(String s, String whole) {
        String t = s.trim();
        if (t.indexOf(':') >= 0) return parseV6(t, whole);
        long v = parseV4(t, whole);
        return new long[] {0L, V4_PREFIX_LO | v};
    }

    private static long parseV4(String t, String whole) {
        int dots = 0;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) == '.') dots++;
        if (dots != 3) throw bad(whole, "expected four dotted numbers");
        long v = 0;
        int start = 0;
        for (int k = 0; k < 4; k++) {
            int end = k < 3 ? t.indexOf('.', start) : t.length();
            int len = end - start, o = 0;
            boolean digits = len > 0 && len <= 3;
            for (int i = start; digits && i < end; i++) {
                char ch = t.charAt(i);
                if (ch < '0' || ch > '9') digits = false;
                else o = o * 10 + (ch - '0');
            }
            if (!digits) throw bad(whole, "'" + t.substring(start, end) + "' is not an octet");
            if (o > 255) throw bad(whole, "octet " + o + " is over 255");
            v = (v << 8) | o;
            start = end + 1;
        }
        return v;
    }

    private static long[] parseV6(String t, String whole) {
        int[] groups = new int[8];
        String head = t, tail = "";
        int dc = t.indexOf("::");
        if (dc >= 0) {
            if (t.indexOf("::", dc + 1) >= 0) throw bad(whole, "'::' appears twice");
            head = t.substring(0, dc);
            tail = t.substring(dc + 2);
        }
        int[] h = v6Groups(head, whole, dc >= 0);
        int[] tl = dc >= 0 ? v6Groups(tail, whole, true) : new int[0];
        if (dc < 0 && h.length != 8) throw bad(whole, "an IPv6 address has eight groups");
        if (dc >= 0 && h.length + tl.length > 7) throw bad(whole, "too many groups");
        System.arraycopy(h, 0, groups, 0, h.length);
        System.arraycopy(tl, 0, groups, 8 - tl.length, tl.length);
        long hi = 0, lo = 0;
        for (int i = 0; i < 4; i++) hi = (hi << 16) | groups[i];
        for (int i = 4; i < 8; i++) lo = (lo << 16) | groups[i];
        return new long[] {hi, lo};
    }

    private static int[] v6Groups(String s, String whole, boolean mayBeEmpty) {
        if (s.isEmpty()) {
            if (mayBeEmpty) return new int[0];
            throw bad(whole, "empty group");
        }
        String[] parts = s.split(":", -1);
        int extra = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] g = new int[parts.length + extra];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && extra == 1) {
                long v4 = parseV4(p, whole);
                g[i] = (int) (v4 >>> 16);
                g[i + 1] = (int) (v4 & 0xFFFF);
                break;
            }
            if (p.isEmpty() || p.length() > 4) throw bad(whole, "'" + p + "' is not an IPv6 group");
            try {
                g[i] = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                throw bad(whole, "'" + p + "' is not hexadecimal");
            }
        }
        return g;
    }

    static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xFFFFL;
    }

    public static String formatPoint(long hi, long lo) {
        return appendPoint(new StringBuilder(), hi, lo).toString();
    }

    private static StringBuilder appendPoint(StringBuilder out, long hi, long lo) {
        if (isV4(hi, lo)) {
            long v = lo & 0xFFFF_FFFFL;
            return out.append((v >>> 24) & 255).append('.').append((v >>> 16) & 255).append('.').append((v >>> 8) & 255)
                    .append('.').append(v & 255);
        }
        StringBuilder s = new StringBuilder();
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
        for (int i = 0; i < 4; i++) g[4 + i] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
        // longest run of zero groups becomes ::
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(g[i]));
        }
        return out.append(s);
    }

    public static String formatPoint(BigInteger v) {
        return formatPoint(U128.hiOf(v), U128.loOf(v));
    }

    /** Readable rendering: "any", "any4", single addresses, CIDR blocks or a-b ranges. */
    public static String format(IntervalSet set) {
        if (set.isEmpty()) return "none";
        if (set.equals(ALL)) return "any";
        if (set.equals(ALL_V4)) return "any4";
        if (set.equals(ALL_V6)) return "any6";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < set.intervalCount(); i++) {
            if (i > 0) s.append(", ");
            appendInterval(s, set.startHi(i), set.startLo(i), set.endHi(i), set.endLo(i));
        }
        return s.toString();
    }

    /** One interval [a, b] as a point, a CIDR block (size a power of two, a aligned to it) or a range; 128-bit math on longs. */
    private static void appendInterval(StringBuilder out, long ah, long al, long bh, long bl) {
        if (ah == bh && al == bl) {
            appendPoint(out, ah, al);
            return;
        }
        // size = b - a + 1, as (sh, sl); it wraps to 0 only for the whole 128-bit space
        long dl = bl - al;
        long dh = bh - ah - (Long.compareUnsigned(bl, al) < 0 ? 1 : 0);
        long sl = dl + 1;
        long sh = dh + (sl == 0 ? 1 : 0);
        int hostBits = -1;
        if (sh == 0 && sl == 0) hostBits = 128;
        else if (sh == 0 && Long.bitCount(sl) == 1) hostBits = Long.numberOfTrailingZeros(sl);
        else if (sl == 0 && Long.bitCount(sh) == 1) hostBits = 64 + Long.numberOfTrailingZeros(sh);
        if (hostBits >= 0 && alignedTo(ah, al, hostBits)) {
            boolean v4 = isV4(ah, al) && hostBits <= 32;
            appendPoint(out, ah, al).append('/').append((v4 ? 32 : 128) - hostBits);
            return;
        }
        appendPoint(out, ah, al).append('-');
        appendPoint(out, bh, bl);
    }

    /** True when the low {@code bits} bits of (hi, lo) are all zero. */
    private static boolean alignedTo(long hi, long lo, int bits) {
        if (bits < 64) return (lo & ((1L << bits) - 1)) == 0;
        if (lo != 0) return false;
        if (bits == 64) return true;
        if (bits == 128) return hi == 0;
        return (hi & ((1L << (bits - 64)) - 1)) == 0;
    }
}
