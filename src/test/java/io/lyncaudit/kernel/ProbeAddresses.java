package io.lyncaudit.kernel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Which addresses a {@link NetnsLab} probe may use, and one spelling for every address.
 *
 * <p>An address is usable as a probe's source or destination unless it is in one of these ranges
 * ({@link #unusable(String)} names the range and why):
 * <ul>
 *   <li>{@code 198.18.0.0/15} and {@code 2001:2::/48}: the lab's own link addresses (the benchmarking
 *       ranges of RFC 2544 and RFC 5180, chosen because no ruleset under test should use them). R
 *       owns {@code .1} / {@code ::1} of each link and would drop a packet from its own address, the
 *       link broadcast is delivered locally, and other link addresses are answered by nobody.
 *       A probe may still be sent <em>to</em> {@link NetnsLab#address(String)} or
 *       {@link NetnsLab#address6(String)}: that is how a LOCAL case is written.</li>
 *   <li>IPv4 {@code 0.0.0.0/8} (martian before Linux 5.3, forwarded since), {@code 127.0.0.0/8}
 *       (loopback, martian), {@code 224.0.0.0/4} (multicast: dropped as a source, not routed
 *       through the default route as a destination), {@code 240.0.0.0/4} (reserved; Linux forwards it,
 *       other stacks do not, and it holds the broadcast {@code 255.255.255.255}, which R takes for
 *       itself).</li>
 *   <li>IPv6 {@code ::/96} (the unspecified address, loopback and the deprecated IPv4-compatible
 *       form), {@code ::ffff:0:0/96} (IPv4-mapped: one address, two families), {@code fe80::/10}
 *       (link-local, never forwarded) and {@code ff00::/8} (multicast).</li>
 * </ul>
 * The kernel behaviour above was measured on Linux 6.x with no ruleset loaded: every other address
 * tried, including RFC 1918, the documentation ranges, {@code 100.64.0.0/10} and
 * {@code 169.254.0.0/16}, is forwarded.
 */
public final class ProbeAddresses {
    /** The lab's IPv4 link range: link {@code i} is {@code 198.18.i.0/24}, R is {@code .1}, the end {@code .2}. */
    public static final String LINKS_V4 = "198.18.0.0/15";
    /** The lab's IPv6 link range: link {@code i} is {@code 2001:2:0:i::/64}, R is {@code ::1}, the end {@code ::2}. */
    public static final String LINKS_V6 = "2001:2::/48";

    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ProbeAddresses() {}

    /** True when {@code address} (an IPv4 or IPv6 literal) may be a probe's source or destination. */
    public static boolean usable(String address) {
        return unusable(address) == null;
    }

    /** Null when {@code address} is usable, otherwise the range it falls in and why it cannot be used. */
    public static String unusable(String address) {
        byte[] b = bytes(address);
        if (b.length == 4) {
            int first = b[0] & 0xFF;
            if (first == 0) return address + " is in 0.0.0.0/8 ('this network', a martian on older kernels)";
            if (first == 127) return address + " is in 127.0.0.0/8 (loopback, a martian)";
            if (first >= 224 && first < 240) return address + " is in 224.0.0.0/4 (multicast)";
            if (first >= 240) return address + " is in 240.0.0.0/4 (reserved, and 255.255.255.255 is broadcast)";
            if (first == 198 && (b[1] & 0xFE) == 18) return address + " is in " + LINKS_V4 + " (the lab's own link addresses)";
            return null;
        }
        if (allZero(b, 0, 12)) return address + " is in ::/96 (unspecified, loopback or IPv4-compatible)";
        if (allZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return address + " is in ::ffff:0:0/96 (IPv4-mapped)";
        }
        if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) return address + " is in fe80::/10 (link-local, never forwarded)";
        if ((b[0] & 0xFF) == 0xFF) return address + " is in ff00::/8 (multicast)";
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0 && (b[3] & 0xFF) == 0x02 && b[4] == 0 && b[5] == 0) {
            return address + " is in " + LINKS_V6 + " (the lab's own link addresses)";
        }
        return null;
    }

    /** True for an IPv6 literal, false for IPv4; throws for anything else. */
    public static boolean isV6(String address) {
        return bytes(address).length == 16;
    }

    /**
     * The one spelling used in probes and outcomes: dotted quad for IPv4; for IPv6 lower-case hex with
     * the longest run of two or more zero groups shortened to {@code ::} (RFC 5952, without the dotted
     * IPv4 tail), so {@code 2001:DB8:0:0::1} and {@code 2001:db8::1} compare equal.
     */
    public static String canonical(String address) {
        byte[] b = bytes(address);
        if (b.length == 4) return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    /**
     * The 4 or 16 bytes of a literal; an IPv4-mapped IPv6 literal gives 16. Never asks DNS: anything
     * that is not a literal is refused before {@link InetAddress} sees it.
     */
    static byte[] bytes(String address) {
        if (address == null) throw new IllegalArgumentException("no address");
        String a = address.trim();
        if (a.indexOf(':') < 0) {
            if (!V4.matcher(a).matches()) throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
        } else if (!V6.matcher(a).matches()) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address, e);
        }
        if (parsed instanceof Inet4Address && a.indexOf(':') >= 0) {
            // Java reads ::ffff:a.b.c.d as IPv4; keep it the IPv6 address it was written as
            byte[] v4 = parsed.getAddress();
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xFF;
            v6[11] = (byte) 0xFF;
            System.arraycopy(v4, 0, v6, 12, 4);
            return v6;
        }
        if (parsed instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            throw new IllegalArgumentException("scoped addresses are not supported: " + address);
        }
        return parsed.getAddress();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
