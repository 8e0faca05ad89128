package io.lyncaudit.importer.sheet;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The roles a column of a firewall-rule sheet can play, each with the header spellings that name
 * it, compared after {@link #normalize}: vendor exports (Palo Alto, FortiGate, Check Point, Cisco
 * FMC, Azure and AWS listings) and change-request templates name the same things many ways.
 *
 * <p>A role the meaning depends on may be named by one column only: two columns that could both be
 * the action (or the source, the ports ...) are an ambiguity the importer reports, naming both,
 * rather than a guess. Weak spellings ({@code CIDR} for the source) count only when no column has
 * a strong one. Informational roles (name, index, comment) take their first column.
 */
enum Column {
    SOURCE("the source", false,
            List.of("source", "sources", "src", "srcs", "from", "sourceaddress", "sourceaddresses", "sourceaddr", "srcaddress",
                    "srcaddresses", "srcaddr", "sourceip", "sourceips", "srcip", "srcips", "sourceipaddress", "sourceipaddresses",
                    "srcipaddress", "sourcenetwork", "sourcenetworks", "srcnetwork", "srcnet", "sourcesubnet", "sourcesubnets",
                    "sourcecidr", "srccidr", "sourceiprange", "sourcerange", "sourceipsubnet", "sourceipcidr", "sourcehostip"),
            List.of("cidr", "cidrs", "cidrip", "cidrblock", "cidrblocks", "cidrrange", "ipv4cidr", "ipv6cidr", "cidripv4", "cidripv6")),
    DESTINATION("the destination", false,
            List.of("destination", "destinations", "dst", "dsts", "dest", "to", "destinationaddress", "destinationaddresses",
                    "destinationaddr", "dstaddress", "dstaddresses", "dstaddr", "destaddress", "destaddresses", "destaddr",
                    "destinationip", "destinationips", "dstip", "dstips", "destip", "destips", "destinationipaddress",
                    "destinationipaddresses", "dstipaddress", "destipaddress", "destinationnetwork", "destinationnetworks",
                    "dstnetwork", "dstnet", "destnetwork", "destnet", "destinationsubnet", "destinationsubnets", "dstsubnet",
                    "destsubnet", "destinationcidr", "dstcidr", "destcidr", "destinationiprange", "destinationrange",
                    "destinationipsubnet", "destipsubnet", "dstipsubnet", "destinationipcidr", "destinationhostip"),
            List.of()),
    SERVICE("the service or destination port", false,
            List.of("service", "services", "port", "ports", "destinationport", "destinationports", "dstport", "dstports",
                    "destport", "destports", "dport", "dports", "serviceport", "serviceports", "portservice", "portsservices",
                    "servicesports", "portprotocol", "portsprotocols", "portprotocols", "protocolport", "protocolports",
                    "portproto", "protoport", "servicesapplications", "serviceapplication", "portrange", "portranges",
                    "destinationportrange", "dstportrange", "destportrange", "tcpudpport", "tcpudpports", "destinationservice",
                    "destinationservices", "dstservice"),
            List.of()),
    SOURCE_PORT("the source port", false,
            List.of("sourceport", "sourceports", "srcport", "srcports", "sport", "sports", "sourceportrange", "srcportrange"),
            List.of()),
    PORT_FROM("the start of the destination port range", false,
            List.of("fromport", "portfrom", "startport", "portstart", "portrangestart", "beginport", "firstport", "lowport",
                    "minport", "portmin", "portlow"),
            List.of()),
    PORT_TO("the end of the destination port range", false,
            List.of("toport", "portto", "endport", "portend", "portrangeend", "lastport", "highport", "maxport", "portmax", "porthigh"),
            List.of()),
    PROTOCOL("the protocol", false,
            List.of("protocol", "protocols", "proto", "protos", "transport", "ipprotocol", "ipproto", "l4protocol", "layer4protocol"),
            List.of()),
    ACTION("the action", false,
            List.of("action", "actions", "ruleaction", "policyaction", "decision", "verdict", "permit", "allow", "permitdeny",
                    "allowdeny", "acceptdeny", "acceptdrop", "allowblock", "permitblock", "accessaction", "access"),
            List.of()),
    FROM_ZONE("the source zone or interface", false,
            List.of("fromzone", "sourcezone", "sourcezones", "srczone", "srczones", "frominterface", "ingress", "ingressinterface",
                    "ingresszone", "sourceinterface", "srcinterface", "srcintf", "inboundinterface", "inzone", "fromintf"),
            List.of()),
    TO_ZONE("the destination zone or interface", false,
            List.of("tozone", "destinationzone", "destinationzones", "dstzone", "dstzones", "destzone", "tointerface", "egress",
                    "egressinterface", "egresszone", "destinationinterface", "dstinterface", "dstintf", "destinterface",
                    "outboundinterface", "outzone", "tointf"),
            List.of()),
    ENABLED("whether the rule is on", false,
            List.of("enabled", "enable", "status", "rulestatus", "state", "rulestate", "active", "isenabled"),
            List.of()),
    DISABLED("whether the rule is off", false, List.of("disabled", "isdisabled", "ruledisabled"), List.of()),
    NAME("the rule name", true, List.of("name", "rulename", "rule", "policyname", "flowname"), List.of()),
    INDEX("the rule number", true,
            List.of("#", "no", "nr", "num", "number", "ruleno", "rulenum", "rulenumber", "rule#", "ruleid", "id", "policyid", "seq",
                    "seqno", "sequence", "sequenceno", "sequencenumber", "index", "line", "lineno", "position", "pos", "order"),
            List.of()),
    COMMENT("a comment", true,
            List.of("comment", "comments", "description", "descr", "notes", "note", "remark", "remarks", "justification",
                    "businessjustification", "purpose", "reason", "details"),
            List.of());

    private final String meaning;
    private final boolean informational;
    private final Set<String> spellings;
    private final Set<String> weak;

    Column(String meaning, boolean informational, List<String> spellings, List<String> weak) {
        this.meaning = meaning;
        this.informational = informational;
        this.spellings = Set.copyOf(spellings);
        this.weak = Set.copyOf(weak);
    }

    /** What the column says, for messages ("the action"). */
    String meaning() {
        return meaning;
    }

    /** True for columns no verdict depends on (name, number, comment): their first column is taken. */
    boolean informational() {
        return informational;
    }

    /** The role a header cell names with a strong spelling, or null. */
    static Column strong(String headerCell) {
        String n = normalize(headerCell);
        if (n.isEmpty()) return null;
        for (Column c : values()) {
            if (c.spellings.contains(n)) return c;
        }
        return null;
    }

    /** The role a header cell names with a weak spelling, or null. */
    static Column weak(String headerCell) {
        String n = normalize(headerCell);
        for (Column c : values()) {
            if (c.weak.contains(n)) return c;
        }
        return null;
    }

    /** The normalized spellings of a role, for other sheet kinds that share them (the IPsec sheets' endpoints). */
    Set<String> spellings() {
        return spellings;
    }

    /**
     * Lower case, letters, digits and '#' only: "Dst_Port", "dst port", "Dst-Port" and "DST.PORT" are the
     * same header, and so are "Permit/Deny", "Permit / Deny" and "PermitDeny".
     */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 64));
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length() && b.length() <= 64; i++) {
            char ch = lower.charAt(i);
            if (Character.isLetterOrDigit(ch) || ch == '#') b.append(ch);
        }
        return b.toString();
    }

    /** The spellings we look for, for the "no header" message. */
    static String expected() {
        return "a Source column (Source, Src, Source Address, Source IP, From, CIDR), a Destination column "
                + "(Destination, Dst, Dest, Destination Address, To) and a Service/Port column "
                + "(Service, Port, Services, Ports, Port/Protocol, Destination Port, Dst Port, DPort, or From Port and To Port)";
    }

    /** The action spellings, for the "no action column" message. */
    static String actionSpellings() {
        return "Action, Rule Action, Decision, Permit/Deny, Allow/Deny, Access";
    }
}
