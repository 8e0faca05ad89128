package io.lyncaudit.importer.sheet;

import java.util.Locale;
import java.util.Set;

/** The roles a spreadsheet column can play, each with the header spellings that name it. */
enum Column {
    SOURCE("Source", "source", "src", "sourceaddress", "sourceaddresses", "sourceip", "srcaddress", "srcip", "from", "sources"),
    DESTINATION("Destination", "destination", "dst", "dest", "destinationaddress", "destinationaddresses", "destinationip",
            "dstaddress", "dstip", "destaddress", "destip", "to", "destinations"),
    SERVICE("Service/Port", "service", "services", "port", "ports", "destinationport", "destinationports", "dstport", "dstports",
            "destport", "dport"),
    SOURCE_PORT("Source Port", "sourceport", "sourceports", "srcport", "srcports", "sport"),
    PROTOCOL("Protocol", "protocol", "protocols", "proto", "transport"),
    ACTION("Action", "action", "permit", "allow", "decision"),
    FROM_ZONE("From Zone", "fromzone", "sourcezone", "srczone", "frominterface", "ingress", "sourceinterface", "ingressinterface"),
    TO_ZONE("To Zone", "tozone", "destinationzone", "dstzone", "tointerface", "egress", "destinationinterface", "egressinterface"),
    ENABLED("Enabled", "enabled", "status", "active", "state"),
    NAME("Name", "name", "rule", "rulename", "id", "ruleid", "#"),
    COMMENT("Comment", "comment", "comments", "description", "notes", "remark", "remarks");

    private final String label;
    private final Set<String> spellings;

    Column(String label, String... spellings) {
        this.label = label;
        this.spellings = Set.of(spellings);
    }

    /** The name used in messages. */
    String label() {
        return label;
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
