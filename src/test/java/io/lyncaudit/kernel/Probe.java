package io.lyncaudit.kernel;

import java.util.Locale;

/**
 * One new-connection packet for {@link NetnsLab#send}: a TCP SYN or a UDP datagram from
 * {@code src:sport} to {@code dst:dport}. Addresses are kept in {@link ProbeAddresses#canonical} form.
 *
 * @param protocol TCP or UDP
 * @param src source address, IPv4 or IPv6 (the same family as {@code dst})
 * @param sport source port, 1 to 65535
 * @param dst destination address
 * @param dport destination port, 1 to 65535
 */
public record Probe(Protocol protocol, String src, int sport, String dst, int dport) {

    /** The transport protocols a probe can carry. */
    public enum Protocol { TCP, UDP }

    /** Checks the ports and the address family, and writes both addresses the one canonical way. */
    public Probe {
        if (protocol == null) throw new IllegalArgumentException("no protocol");
        src = ProbeAddresses.canonical(src);
        dst = ProbeAddresses.canonical(dst);
        if (ProbeAddresses.isV6(src) != ProbeAddresses.isV6(dst)) {
            throw new IllegalArgumentException("source and destination of different families: " + src + " " + dst);
        }
        checkPort(sport);
        checkPort(dport);
    }

    /** A TCP SYN. */
    public static Probe tcp(String src, int sport, String dst, int dport) {
        return new Probe(Protocol.TCP, src, sport, dst, dport);
    }

    /** A UDP datagram. */
    public static Probe udp(String src, int sport, String dst, int dport) {
        return new Probe(Protocol.UDP, src, sport, dst, dport);
    }

    /** True for an IPv6 probe. */
    public boolean v6() {
        return ProbeAddresses.isV6(src);
    }

    @Override
    public String toString() {
        return protocol.name().toLowerCase(Locale.ROOT) + " " + Outcome.endpoint(src, sport) + " -> " + Outcome.endpoint(dst, dport);
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port outside 1-65535: " + port);
    }
}
