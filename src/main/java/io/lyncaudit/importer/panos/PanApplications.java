package io.lyncaudit.importer.panos;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.Map;

/**
 * The App-ID applications whose default ports this importer knows, as Applipedia (Palo Alto
 * Networks' application catalogue) states them: an application named in a rule with service
 * {@code application-default} matches exactly these ports. Only applications with fixed, well-known
 * standard ports are listed; an application that is not here (its ports dynamic, negotiated, or not
 * stated) is read as an uncertain stand-in. Kept short on purpose: every row is a claim.
 */
final class PanApplications {
    private PanApplications() {}

    /** An application's default ports and the transports it runs on. */
    record App(PacketSet defaults, PacketSet transports) {}

    private static final Map<String, App> TABLE = Map.ofEntries(
            Map.entry("web-browsing", app(tcp(80))),
            Map.entry("ssl", app(tcp(443))),
            Map.entry("dns", app(tcp(53).union(udp(53, 5353)))),
            Map.entry("ntp", app(tcp(123).union(udp(123)))),
            Map.entry("ssh", app(tcp(22))),
            Map.entry("telnet", app(tcp(23))),
            Map.entry("ftp", app(tcp(21))),
            Map.entry("smtp", app(tcp(25, 587))),
            Map.entry("pop3", app(tcp(110))),
            Map.entry("ldap", app(tcp(389, 636, 3268, 3269).union(udp(389, 3268)))),
            Map.entry("snmp", app(tcp(161).union(udp(161)))),
            Map.entry("ms-ds-smb", app(tcp(139, 445).union(udp(445)))),
            Map.entry("netbios-ss", app(tcp(139))),
            Map.entry("mssql-db", app(tcp(1433).union(udp(1433)))),
            Map.entry("mssql-mon", app(udp(1434))),
            Map.entry("ms-kms", app(tcp(1688))),
            Map.entry("bgp", app(tcp(179).union(udp(179)))),
            Map.entry("dhcp", app(tcp(67, 68).union(udp(67, 68)))),
            Map.entry("icmp", app(protocol(Protocols.ICMP))),
            Map.entry("ipv6-icmp", app(protocol(Protocols.ICMPV6))));

    /** The application's row, or null when its default ports are not known here. */
    static App known(String name) {
        return TABLE.get(name);
    }

    /** Every known application's name, for the documentation test. */
    static java.util.Set<String> names() {
        return TABLE.keySet();
    }

    private static App app(PacketSet defaults) {
        PacketSet transports = PacketSet.EMPTY;
        for (PacketBox b : defaults.boxes()) transports = transports.union(protocol(b.protocols()));
        return new App(defaults, transports);
    }

    static PacketSet tcp(int... ports) {
        return ports(Protocols.TCP_SET, ports);
    }

    static PacketSet udp(int... ports) {
        return ports(Protocols.UDP_SET, ports);
    }

    private static PacketSet ports(IntervalSet protocol, int... ports) {
        IntervalSet p = IntervalSet.EMPTY;
        for (int port : ports) p = p.union(IntervalSet.point(port));
        return PacketSet.of(new PacketBox(protocol, Addresses.ALL, Addresses.ALL, Ports.ALL, p));
    }

    /** Every packet of one protocol, on any port. */
    static PacketSet protocol(int protocol) {
        return protocol(IntervalSet.point(protocol));
    }

    static PacketSet protocol(IntervalSet protocols) {
        return PacketSet.of(new PacketBox(protocols, Addresses.ALL, Addresses.ALL, Ports.ALL, Ports.ALL));
    }
}
