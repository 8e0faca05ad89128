package io.lyncaudit.importer.asa;

import io.lyncaudit.importer.CiscoNames;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Protocols;
import java.util.Locale;
import java.util.Map;

/** The port and protocol names the ASA writes in its configuration (it prints names, not numbers, where it knows one). */
final class AsaNames {
    private AsaNames() {}

    /** The ASA's port names: the ones IOS shares, and these. */
    static final Map<String, Integer> PORTS = CiscoNames.withCommonNames(Map.ofEntries(
            Map.entry("aol", 5190), Map.entry("cifs", 3020), Map.entry("citrix-ica", 1494), Map.entry("ctiqbe", 2748),
            Map.entry("h323", 1720), Map.entry("http", 80), Map.entry("imap4", 143), Map.entry("kerberos", 750),
            Map.entry("ldaps", 636), Map.entry("lotusnotes", 1352), Map.entry("netbios-ssn", 139), Map.entry("nfs", 2049),
            Map.entry("pcanywhere-data", 5631), Map.entry("pcanywhere-status", 5632), Map.entry("pptp", 1723),
            Map.entry("radius", 1645), Map.entry("radius-acct", 1646), Map.entry("rsh", 514), Map.entry("rtsp", 554),
            Map.entry("secureid-udp", 5510), Map.entry("sqlnet", 1521), Map.entry("vxlan", 4789)));

    /** The port grammar shared with the other Cisco importer, with this device's names. */
    static final CiscoNames GRAMMAR = new CiscoNames(PORTS, false, "name");

    /** A port number or name, or -1. */
    static int port(String token) {
        return GRAMMAR.port(token);
    }

    /** A protocol name or number as the ASA writes it ({@code ip} is every protocol), or null. */
    static IntervalSet protocol(String token) {
        return CiscoNames.protocol(token, PROTOCOLS);
    }

    /** Protocol keywords of the ASA beyond the Cisco ones. */
    private static final Map<String, Integer> PROTOCOLS = Map.of("icmp6", Protocols.ICMPV6, "ipsec", Protocols.ESP, "snp", 109);

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
