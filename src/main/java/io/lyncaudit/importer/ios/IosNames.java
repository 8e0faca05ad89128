package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.CiscoNames;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Protocols;
import java.util.Locale;
import java.util.Map;

/** Port and protocol keywords of IOS ACLs, and the port operators. */
final class IosNames {
    private IosNames() {}

    /** The IOS port keywords: the ones the ASA shares, and these. */
    static final Map<String, Integer> PORTS = CiscoNames.withCommonNames(Map.ofEntries(
            Map.entry("netbios-ss", 139), Map.entry("non500-isakmp", 4500), Map.entry("onep-plain", 15001),
            Map.entry("onep-tls", 15002)));

    /** The port grammar shared with the other Cisco importer, with this device's names. */
    static final CiscoNames GRAMMAR = new CiscoNames(PORTS, true, "keyword");

    /** A port number or name, or -1. */
    static int port(String token) {
        return GRAMMAR.port(token);
    }

    /** A protocol keyword or number ({@code ip} is every protocol), or null. */
    static IntervalSet protocol(String token) {
        return CiscoNames.protocol(token, PROTOCOLS);
    }

    /** Protocol keywords of IOS beyond the Cisco ones. */
    private static final Map<String, Integer> PROTOCOLS = Map.of("ahp", Protocols.AH);

    /**
     * A protocol keyword or number of an IPv6 access list, or null: {@code ipv6} is every protocol
     * and {@code icmp} is ICMPv6; {@code ip} is not one.
     */
    static IntervalSet protocol6(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        switch (t) {
            case "ipv6" -> { return Protocols.ALL; }
            case "icmp" -> { return IntervalSet.point(Protocols.ICMPV6); }
            case "ip", "tcp-udp", "igrp", "nos" -> { return null; }
            default -> { return protocol(t); }
        }
    }

    /** True when the protocol set is only protocols that carry ports (tcp, udp, sctp). */
    static boolean ported(IntervalSet protocols) {
        return CiscoNames.ported(protocols);
    }

    /**
     * Reads a port operator at {@code t[i]} ({@code eq lt gt neq range}); returns the ports and sets
     * {@code next[0]} past it, or null when there is none. See {@link CiscoNames#operator}.
     */
    static IntervalSet operator(String[] t, int i, int[] next) {
        return GRAMMAR.operator(t, i, next);
    }
}
