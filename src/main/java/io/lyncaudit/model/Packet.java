package io.lyncaudit.model;

import java.math.BigInteger;

/**
 * One concrete packet: protocol number, addresses on the 128-bit line and ports. A protocol
 * without ports (ICMP, GRE ...) has both ports 0, which {@link #toSet()} reads as "any port".
 */
public record Packet(int protocol, BigInteger source, int sourcePort, BigInteger destination, int destinationPort) {

    /**
     * Reads a packet written as {@code tcp 203.0.113.5:40000 -> 10.45.16.10:5061}
     * ({@code udp [2001:db8::1]:5000 -> [2001:db8::2]:3478}, {@code icmp 192.0.2.1 -> 10.0.0.1}):
     * TCP, UDP and SCTP need both ports, other protocols take none. Throws with a readable message.
     */
    public static Packet parse(String text) {
        String t = text.strip();
        int sp = t.indexOf(' '), arrow = t.indexOf("->");
        if (sp < 0 || arrow < sp) {
            throw new IllegalArgumentException("'" + t + "' is not a packet; write it as PROTO SRC:SPORT -> DST:DPORT, "
                    + "e.g. \"tcp 203.0.113.5:40000 -> 10.45.16.10:5061\" (IPv6 in brackets: [2001:db8::1]:40000)");
        }
        int proto = Protocols.number(t.substring(0, sp));
        if (proto < 0) {
            throw new IllegalArgumentException("unknown protocol '" + t.substring(0, sp) + "' (tcp, udp, sctp, icmp, icmpv6, gre, esp, ah or a number)");
        }
        String[] a = endpoint(t.substring(sp + 1, arrow).strip(), t), b = endpoint(t.substring(arrow + 2).strip(), t);
        BigInteger src = address(a[0]), dst = address(b[0]);
        if (Addresses.ALL_V4.intersects(IntervalSet.of(src, src)) != Addresses.ALL_V4.intersects(IntervalSet.of(dst, dst))) {
            throw new IllegalArgumentException("source and destination are of different address families");
        }
        if (Protocols.hasPorts(proto)) {
            if (a[1] == null || b[1] == null) {
                throw new IllegalArgumentException(Protocols.name(proto) + " needs a source and a destination port: "
                        + "PROTO SRC:SPORT -> DST:DPORT");
            }
            return new Packet(proto, src, port(a[1]), dst, port(b[1]));
        }
        if (a[1] != null || b[1] != null) throw new IllegalArgumentException(Protocols.name(proto) + " has no ports");
        return new Packet(proto, src, 0, dst, 0);
    }

    /** An address and its port (null when none): "a.b.c.d:p", "[v6]:p", "a.b.c.d", "v6" or "[v6]". */
    private static String[] endpoint(String e, String whole) {
        if (e.isEmpty() || e.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("'" + whole + "' is not a packet; write it as PROTO SRC:SPORT -> DST:DPORT");
        }
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("'" + e + "' opens a bracket it does not close");
            String rest = e.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) throw new IllegalArgumentException("'" + e + "' is not ADDRESS:PORT");
            return new String[] {e.substring(1, close), rest.isEmpty() ? null : rest.substring(1)};
        }
        int first = e.indexOf(':');
        if (first >= 0 && first == e.lastIndexOf(':')) return new String[] {e.substring(0, first), e.substring(first + 1)};
        return new String[] {e, null};
    }

    private static BigInteger address(String s) {
        IntervalSet set = Addresses.parse(s);
        if (!set.size().equals(BigInteger.ONE)) throw new IllegalArgumentException("'" + s + "' is not one address");
        return set.first();
    }

    private static int port(String s) {
        int p;
        try {
            p = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > Ports.MAX) throw new IllegalArgumentException("port " + s + " is outside 0-65535");
        return p;
    }

    /** The set holding just this packet (any ports for a protocol without them). */
    public PacketSet toSet() {
        boolean ports = Protocols.hasPorts(protocol);
        return PacketSet.of(new PacketBox(IntervalSet.point(protocol), IntervalSet.of(source, source), IntervalSet.of(destination, destination),
                ports ? IntervalSet.point(sourcePort) : Ports.ALL, ports ? IntervalSet.point(destinationPort) : Ports.ALL));
    }

    /** As written for {@link #parse}: {@code tcp 203.0.113.5:40000 -> 10.45.16.10:5061}, IPv6 in brackets. */
    public String text() {
        boolean ports = Protocols.hasPorts(protocol);
        return Protocols.name(protocol).toLowerCase(java.util.Locale.ROOT) + " " + end(sourceText(), ports ? sourcePort : -1)
                + " -> " + end(destinationText(), ports ? destinationPort : -1);
    }

    private static String end(String address, int port) {
        if (port < 0) return address;
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    public String sourceText() {
        return Addresses.formatPoint(source);
    }

    public String destinationText() {
        return Addresses.formatPoint(destination);
    }

    @Override
    public String toString() {
        return Protocols.name(protocol) + " " + sourceText() + ":" + sourcePort + " -> " + destinationText() + ":" + destinationPort;
    }
}
