package io.lyncaudit.importer.sheet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles a column of an IPsec connection-security rule sheet can play, each with the header
 * spellings that name it (Windows Firewall's "Endpoint 1", netsh's "Local Address", a team's "Source").
 */
enum IpsecColumn {
    NAME("name", "rulename", "rule", "displayname"),
    ENABLED("enabled", "status", "active", "state"),
    ENDPOINT1("endpoint1", "endpoint1address", "endpoint1addresses", "localaddress", "localaddresses", "local", "source", "src",
            "sourceaddress", "sourceip"),
    ENDPOINT2("endpoint2", "endpoint2address", "endpoint2addresses", "remoteaddress", "remoteaddresses", "remote", "destination",
            "dst", "dest", "destinationaddress", "destinationip"),
    PROTOCOL("protocol", "protocols", "proto"),
    PORT1("endpoint1port", "endpoint1ports", "localport", "localports", "sourceport", "sourceports", "srcport", "sport"),
    PORT2("endpoint2port", "endpoint2ports", "remoteport", "remoteports", "destinationport", "destinationports", "dstport", "dport",
            "port", "ports"),
    AUTHENTICATION("authentication", "authenticationrequirement", "authenticationmode", "requirement", "action",
            "inboundsecurity", "security");

    private final Set<String> spellings;

    IpsecColumn(String... spellings) {
        this.spellings = Set.of(spellings);
    }

    /** The role a header cell names, or null. */
    static IpsecColumn of(String headerCell) {
        String n = Column.normalize(headerCell);
        for (IpsecColumn c : values()) {
            if (c.spellings.contains(n)) return c;
        }
        return null;
    }

    /** Column indexes of a header row, or null when it lacks either endpoint or the authentication column. */
    static Map<IpsecColumn, Integer> header(RawRow r) {
        Map<IpsecColumn, Integer> cols = new EnumMap<>(IpsecColumn.class);
        for (int c = 0; c < r.cells().size(); c++) {
            IpsecColumn role = of(r.cells().get(c));
            if (role != null) cols.putIfAbsent(role, c);
        }
        return cols.containsKey(ENDPOINT1) && cols.containsKey(ENDPOINT2) && cols.containsKey(AUTHENTICATION) ? cols : null;
    }

    /** Position of the first header row among the first rows, or -1. */
    static int find(List<RawRow> rows) {
        for (int i = 0; i < rows.size() && rows.get(i).number() <= Header.SEARCH_ROWS; i++) {
            if (header(rows.get(i)) != null) return i;
        }
        return -1;
    }

    static String expected() {
        return "an Endpoint 1 column (Endpoint 1, Local Address, Source), an Endpoint 2 column (Endpoint 2, Remote Address, "
                + "Destination) and an Authentication column (Authentication, Action, Requirement)";
    }
}
