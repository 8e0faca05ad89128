package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Protocols;
import java.util.Map;

/** Well-known service names that rule spreadsheets use instead of port numbers. */
final class NamedServices {
    private NamedServices() {}

    /** A named service: its default transport and port. */
    record Named(IntervalSet protocols, IntervalSet ports) {
        static Named tcp(int port) {
            return new Named(Protocols.TCP_SET, IntervalSet.point(port));
        }

        static Named udp(int port) {
            return new Named(Protocols.UDP_SET, IntervalSet.point(port));
        }

        static Named both(int port) {
            return new Named(Protocols.TCP_UDP, IntervalSet.point(port));
        }
    }

    // Only names whose meaning is not in doubt; anything else is reported, never guessed.
    private static final Map<String, Named> NAMES = Map.ofEntries(
            Map.entry("http", Named.tcp(80)), Map.entry("www", Named.tcp(80)),
            Map.entry("https", Named.tcp(443)), Map.entry("ssl", Named.tcp(443)),
            Map.entry("dns", Named.both(53)), Map.entry("domain", Named.both(53)),
            Map.entry("sip", Named.both(5060)), Map.entry("sips", Named.tcp(5061)), Map.entry("sip-tls", Named.tcp(5061)),
            Map.entry("stun", Named.udp(3478)), Map.entry("xmpp", Named.tcp(5269)), Map.entry("xmpp-server", Named.tcp(5269)),
            Map.entry("ssh", Named.tcp(22)), Map.entry("telnet", Named.tcp(23)), Map.entry("ftp", Named.tcp(21)),
            Map.entry("smtp", Named.tcp(25)), Map.entry("rdp", Named.tcp(3389)), Map.entry("ldap", Named.tcp(389)),
            Map.entry("ldaps", Named.tcp(636)), Map.entry("kerberos", Named.both(88)), Map.entry("ntp", Named.udp(123)),
            Map.entry("snmp", Named.udp(161)), Map.entry("msrpc", Named.tcp(135)), Map.entry("smb", Named.tcp(445)),
            Map.entry("microsoft-ds", Named.tcp(445)));

    /** The service for a lower-case name, or null. */
    static Named lookup(String name) {
        return NAMES.get(name);
    }
}
