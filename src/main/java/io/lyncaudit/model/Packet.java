package io.lyncaudit.model;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One concrete packet: protocol number, addresses on the 128-bit line and ports. A protocol
 * without ports (ICMP, GRE ...) has both ports 0, which {@link #toSet()} reads as "any port".
 */
public record Packet(int protocol, BigInteger source, int sourcePort, BigInteger destination, int destinationPort) {

    /** PROTO SRC[:PORT] -> DST[:PORT], IPv6 addresses in brackets when a port follows. */
    private static final Pattern TEXT = Pattern.compile("\\s*(\\S+)\\s+(\\[[^\\]]*]|[^\\s\\[]+?)(?::(\\d+))?\\s*->\\s*(\\[[^\\]]*]|[^\\s\\[]+?)(?::(\\d+))?\\s*");

    /**
     * Reads a packet written as {@code tcp 203.0.113.5:40000 -> 10.45.16.10:5061}
     * ({@code udp [2001:db8::1]:5000 -> [2001:db8::2]:3478}, {@code icmp 192.0.2.1 -> 10.0.0.1}):
     * TCP, UDP and SCTP need both ports, other protocols take none. Throws with a readable message.
     */
    public static Packet parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a packet; write it as PROTO SRC:SPORT -> DST:DPORT, "
                    + "e.g. \"tcp 203.0.113.5:40000 -> 10.45.16.10:5061\" (IPv6 in brackets: [2001:db8::1]:40000)");
        }
        int proto = Protocols.number(m.group(1));
        if (proto < 0) throw new IllegalArgumentException("unknown protocol '" + m.group(1) + "' (tcp, udp, sctp, icmp, icmpv6, gre, esp, ah or a number)");
        BigInteger src = address(m.group(2)), dst = address(m.group(4));
        if ((Addresses.ALL_V4.contains(U128.hiOf(src), U128.loOf(src))) != (Addresses.ALL_V4.contains(U128.hiOf(dst), U128.loOf(dst)))) {
            throw new IllegalArgumentException("source and destination are of different address families");
        }
        if (Protocols.hasPorts(proto)) {
            if (m.group(3) == null || m.group(5) == null) {
                throw new IllegalArgumentException(Protocols.name(proto) + " needs a source and a destination port: "
                        + "PROTO SRC:SPORT -> DST:DPORT");
            }
            return new Packet(proto, src, port(m.group(3)), dst, port(m.group(5)));
        }
        if (m.group(3) != null || m.group(5) != null) throw new IllegalArgumentException(Protocols.name(proto) + " has no ports");
        return new Packet(proto, src, 0, dst, 0);
    }

    private static BigInteger address(String s) {
        String a = s.startsWith("[") ? s.substring(1, s.length() - 1) : s;
        IntervalSet set = Addresses.parse(a);
        if (!set.size().equals(BigInteger.ONE)) throw new IllegalArgumentException("'" + a + "' is not one address");
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
