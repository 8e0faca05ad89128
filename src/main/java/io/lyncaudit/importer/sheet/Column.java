package io.lyncaudit.importer.sheet;

import java.util.Locale;
import java.util.Set;

/** The roles a spreadsheet column can play, each with the header spellings that name it. */
enum Column {
    SOURCE("source", "src", "sourceaddress", "sourceaddresses", "sourceip", "srcaddress", "srcip", "from", "sources"),
    DESTINATION("destination", "dst", "dest", "destinationaddress", "destinationaddresses", "destinationip",
            "dstaddress", "dstip", "destaddress", "destip", "to", "destinations"),
    SERVICE("service", "services", "port", "ports", "destinationport", "destinationports", "dstport", "dstports",
            "destport", "dport"),
    SOURCE_PORT("sourceport", "sourceports", "srcport", "srcports", "sport"),
    PROTOCOL("protocol", "protocols", "proto", "transport"),
    ACTION("action", "permit", "allow", "decision"),
    FROM_ZONE("fromzone", "sourcezone", "srczone", "frominterface", "ingress", "sourceinterface", "ingressinterface"),
    TO_ZONE("tozone", "destinationzone", "dstzone", "tointerface", "egress", "destinationinterface", "egressinterface"),
    ENABLED("enabled", "status", "active", "state"),
    NAME("name", "rule", "rulename", "id", "ruleid", "#"),
    COMMENT("comment", "comments", "description", "notes", "remark", "remarks");

    private final Set<String> spellings;

    Column(String... spellings) {
        this.spellings = Set.of(spellings);
    }

    /** The role a header cell names, or null for a column we do not use. */
    static Column of(String headerCell) {
        String n = normalize(headerCell);
        if (n.isEmpty()) return null;
        for (Column c : values()) {
            if (c.spellings.contains(n)) return c;
        }
        return null;
    }

    /** Lower case without spaces, '_', '-' and '.', so "Dst_Port" and "dst port" are the same header. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch != '_' && ch != '-' && ch != '.' && !Character.isWhitespace(ch)) b.append(ch);
        }
        return b.toString();
    }

    /** The spellings we look for, for the "no header" message. */
    static String expected() {
        return "a Source column (Source, Src, Source Address, Source IP, From), a Destination column "
                + "(Destination, Dst, Dest, Destination Address, To) and a Service/Port column "
                + "(Service, Port, Ports, Destination Port, Dst Port, DPort)";
    }
}
