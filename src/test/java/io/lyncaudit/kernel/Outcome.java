package io.lyncaudit.kernel;

/**
 * What the kernel did with one {@link Probe}.
 *
 * <p>For FORWARDED, {@code iface} is R's interface the packet left by (the batch's egress unless the
 * ruleset or a translation sent it elsewhere) and the addresses and ports are as the packet arrived
 * in the end namespace behind it, so a DNAT or SNAT shows. For LOCAL they are as the packet reached
 * R's own stack, and {@code iface} is null. For DROPPED every field but {@code kind} is null or 0.
 *
 * @param kind FORWARDED, LOCAL or DROPPED
 * @param iface R's interface it left by (FORWARDED only)
 * @param src source address as received
 * @param sport source port as received
 * @param dst destination address as received
 * @param dport destination port as received
 */
public record Outcome(Kind kind, String iface, String src, int sport, String dst, int dport) {

    /** The three things the kernel can do with a new connection's first packet, as the lab sees them. */
    public enum Kind {
        /** Seen arriving in an end namespace: R routed it out of one of its interfaces. */
        FORWARDED,
        /** Passed R's INPUT path and reached R's own stack (a raw socket in R received it). */
        LOCAL,
        /**
         * Seen neither in an end namespace nor by R's stack within the quiet time. A REJECT counts here:
         * the RST or ICMP error R sends back is not the packet.
         */
        DROPPED
    }

    static final Outcome DROPPED = new Outcome(Kind.DROPPED, null, null, 0, null, 0);

    /**
     * A short form for assertions: {@code "FORWARDED eth1 10.0.0.5:8080"} (interface and destination
     * as received), {@code "LOCAL 198.18.0.1:22"}, {@code "DROPPED"}; IPv6 as {@code [2001:db8::1]:443}.
     */
    public String brief() {
        return switch (kind) {
            case FORWARDED -> "FORWARDED " + iface + " " + endpoint(dst, dport);
            case LOCAL -> "LOCAL " + endpoint(dst, dport);
            case DROPPED -> "DROPPED";
        };
    }

    @Override
    public String toString() {
        return kind == Kind.DROPPED ? brief() : brief() + " from " + endpoint(src, sport);
    }

    static String endpoint(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
