package io.lyncaudit.importer.sheet;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles a column of an IPsec connection-security rule sheet can play, each with the header
 * spellings that name it (Windows Firewall's "Endpoint 1", netsh's "Local Address", a team's
 * "Source"), compared after {@link Column#normalize}. As in rule sheets, two columns naming one role
 * the meaning depends on are an ambiguity reported with both, not a guess.
 */
enum IpsecColumn {
    NAME("the rule name", true, List.of("name", "rulename", "rule", "displayname")),
    ENABLED("whether the rule is on", false, List.of("enabled", "enable", "status", "active", "state", "rulestatus")),
    ENDPOINT1("endpoint 1", false, with(Column.SOURCE, "endpoint1", "endpoint1address", "endpoint1addresses", "localaddress", "localaddresses", "local",
            "localip", "localsubnet", "localnetwork")),
    ENDPOINT2("endpoint 2", false, with(Column.DESTINATION, "endpoint2", "endpoint2address", "endpoint2addresses", "remoteaddress", "remoteaddresses",
            "remote", "remoteip", "remotesubnet", "remotenetwork")),
    PROTOCOL("the protocol", false, List.of("protocol", "protocols", "proto", "ipprotocol", "transport")),
    PORT1("the ports of endpoint 1", false, List.of("endpoint1port", "endpoint1ports", "localport", "localports", "sourceport", "sourceports", "srcport", "srcports",
            "sport")),
    PORT2("the ports of endpoint 2", false, List.of("endpoint2port", "endpoint2ports", "remoteport", "remoteports", "destinationport", "destinationports", "dstport",
            "dstports", "destport", "dport", "port", "ports")),
    AUTHENTICATION("the authentication requirement", false, List.of("authentication", "authenticationrequirement", "authenticationmode", "authmode", "auth", "requirement",
            "action", "inboundsecurity", "security", "ipsecaction"));

    private final String meaning;
    private final boolean informational;
    private final Set<String> spellings;

    IpsecColumn(String meaning, boolean informational, List<String> spellings) {
        this.meaning = meaning;
        this.informational = informational;
        this.spellings = Set.copyOf(spellings);
    }

    private static List<String> with(Column c, String... more) {
        Set<String> s = new HashSet<>(c.spellings());
        s.addAll(List.of(more));
        return List.copyOf(s);
    }

    /** The role a header cell names, or null. */
    static IpsecColumn of(String headerCell) {
        String n = Column.normalize(headerCell);
        if (n.isEmpty()) return null;
        for (IpsecColumn c : values()) {
            if (c.spellings.contains(n)) return c;
        }
        return null;
    }

    private static IpsecColumn none(String headerCell) {
        return null;
    }

    /**
     * Column indexes of a header row, or null when it lacks either endpoint or the authentication column.
     *
     * @throws HeaderRoles.Ambiguous when it has them, but names a role twice
     */
    static Map<IpsecColumn, Integer> header(RawRow r, String sheet) throws HeaderRoles.Ambiguous {
        HeaderRoles<IpsecColumn> roles = HeaderRoles.of(r, IpsecColumn.class, IpsecColumn::of, IpsecColumn::none);
        if (!roles.has(ENDPOINT1) || !roles.has(ENDPOINT2) || !roles.has(AUTHENTICATION)) return null;
        return roles.settle(IpsecColumn.class, c -> c.informational, c -> c.meaning, sheet);
    }

    /** True when the row is an IPsec rule header (an ambiguous one too). */
    static boolean isHeader(RawRow r) {
        try {
            return header(r, null) != null;
        } catch (HeaderRoles.Ambiguous e) {
            return true;
        }
    }

    static String expected() {
        return "an Endpoint 1 column (Endpoint 1, Local Address, Source), an Endpoint 2 column (Endpoint 2, Remote Address, "
                + "Destination) and an Authentication column (Authentication, Action, Requirement)";
    }
}
