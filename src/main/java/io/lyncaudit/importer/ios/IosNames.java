package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.CiscoPorts;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Protocols;
import java.util.Locale;
import java.util.Map;

/** Port and protocol keywords of IOS ACLs, and the port operators. */
final class IosNames {
    private IosNames() {}

    static final Map<String, Integer> PORTS = Map.ofEntries(
            Map.entry("bgp", 179), Map.entry("biff", 512), Map.entry("bootpc", 68), Map.entry("bootps", 67),
            Map.entry("chargen", 19), Map.entry("cmd", 514), Map.entry("daytime", 13), Map.entry("discard", 9),
            Map.entry("dnsix", 195), Map.entry("domain", 53), Map.entry("echo", 7), Map.entry("exec", 512),
            Map.entry("finger", 79), Map.entry("ftp", 21), Map.entry("ftp-data", 20), Map.entry("gopher", 70),
            Map.entry("hostname", 101), Map.entry("ident", 113), Map.entry("irc", 194), Map.entry("isakmp", 500),
            Map.entry("klogin", 543), Map.entry("kshell", 544), Map.entry("login", 513), Map.entry("lpd", 515),
            Map.entry("mobile-ip", 434), Map.entry("nameserver", 42), Map.entry("netbios-dgm", 138),
            Map.entry("netbios-ns", 137), Map.entry("netbios-ss", 139), Map.entry("nntp", 119),
            Map.entry("non500-isakmp", 4500), Map.entry("ntp", 123), Map.entry("onep-plain", 15001),
            Map.entry("onep-tls", 15002), Map.entry("pim-auto-rp", 496), Map.entry("pop2", 109), Map.entry("pop3", 110),
            Map.entry("rip", 520), Map.entry("smtp", 25), Map.entry("snmp", 161), Map.entry("snmptrap", 162),
            Map.entry("sunrpc", 111), Map.entry("syslog", 514), Map.entry("tacacs", 49), Map.entry("talk", 517),
            Map.entry("telnet", 23), Map.entry("tftp", 69), Map.entry("time", 37), Map.entry("uucp", 540),
            Map.entry("who", 513), Map.entry("whois", 43), Map.entry("www", 80), Map.entry("xdmcp", 177),
            Map.entry("https", 443), Map.entry("sip", 5060), Map.entry("ldap", 389), Map.entry("ssh", 22));

    /** The port grammar shared with the other Cisco importer, with this device's names. */
    static final CiscoPorts GRAMMAR = new CiscoPorts(PORTS, true, "keyword");

    /** A port number or name, or -1. */
    static int port(String token) {
        return GRAMMAR.port(token);
    }

    /** A protocol keyword or number ({@code ip} is every protocol), or null. */
    static IntervalSet protocol(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        switch (t) {
            case "ip" -> { return Protocols.ALL; }
            case "tcp-udp" -> { return Protocols.TCP_UDP; }
            case "nos" -> { return IntervalSet.point(94); }
            case "igrp" -> { return IntervalSet.point(9); }
            case "pcp" -> { return IntervalSet.point(108); }
            case "ahp" -> { return IntervalSet.point(Protocols.AH); }
            default -> { }
        }
        int n = Protocols.number(t);
        return n < 0 ? null : IntervalSet.point(n);
    }

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
        return CiscoPorts.ported(protocols);
    }

    /**
     * Reads a port operator at {@code t[i]} ({@code eq lt gt neq range}); returns the ports and sets
     * {@code next[0]} past it, or null when there is none. See {@link CiscoPorts#operator}.
     */
    static IntervalSet operator(String[] t, int i, int[] next) {
        return GRAMMAR.operator(t, i, next);
    }
}
