package io.lyncaudit.importer.srx;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The predefined applications of Junos (its hidden {@code junos-defaults} group) and the port names
 * it reads, from the table {@code junos-defaults.txt} next to this class, which cites the Juniper
 * document each entry comes from. A {@code junos-*} name the table does not hold is unknown, never
 * guessed.
 */
final class SrxDefaults {
    static final String RESOURCE = "junos-defaults.txt";

    /** How exactly a term of an application is modelled. */
    enum Exactness {
        /** The packets, exactly. */
        EXACT,
        /** At most the packets (an ICMP type read as the whole protocol). */
        OVER,
        /** Some of the packets, chosen at run time (RPC ports negotiated by the endpoint mapper): read as none. */
        DYNAMIC
    }

    /** One term of an application: its packets, how exactly, and why not exactly. */
    record Term(PacketSet packets, Exactness exactness, String why) {}

    /** A predefined application or application-set: its terms, or the names of its members. */
    record Definition(String name, List<Term> terms, List<String> members) {}

    private static final Map<String, Definition> APPLICATIONS = new HashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();

    static {
        try (InputStream in = SrxDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] f = s.split("\\s+");
                // the last field names the sources
                List<String> body = List.of(f).subList(1, f.length - 1);
                switch (f[0]) {
                    case "application" -> {
                        List<Term> terms = new ArrayList<>();
                        for (String t : body.subList(1, body.size())) terms.add(term(t));
                        APPLICATIONS.put(body.get(0), new Definition(body.get(0), List.copyOf(terms), List.of()));
                    }
                    case "application-set" -> APPLICATIONS.put(body.get(0), new Definition(body.get(0), List.of(),
                            List.copyOf(body.subList(1, body.size()))));
                    case "port" -> PORTS.put(body.get(0), Integer.parseInt(body.get(1)));
                    default -> throw new IllegalStateException(RESOURCE + ": unknown entry '" + f[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SrxDefaults() {}

    private static Term term(String t) {
        int colon = t.indexOf(':');
        String proto = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        if (proto.equals("dynamic")) {
            int p = protocol(arg);
            return new Term(box(p, Ports.ALL), Exactness.DYNAMIC, "its " + arg.toUpperCase(Locale.ROOT)
                    + " ports are negotiated through the RPC endpoint mapper at run time");
        }
        int p = protocol(proto);
        if (p < 0) throw new IllegalStateException(RESOURCE + ": unknown protocol in '" + t + "'");
        if (arg == null) return new Term(box(p, Ports.ALL), Exactness.EXACT, null);
        if (p == Protocols.ICMP || p == Protocols.ICMPV6) {
            return new Term(box(p, Ports.ALL), Exactness.OVER, "ICMP type " + arg + " is read as every " + Protocols.name(p) + " message");
        }
        return new Term(box(p, Ports.parseRange(arg)), Exactness.EXACT, null);
    }

    /** Every packet of protocol {@code p} to the ports {@code dports} (every port for a protocol without ports). */
    static PacketSet box(int p, IntervalSet dports) {
        return PacketSet.of(new PacketBox(IntervalSet.point(p), Addresses.ALL, Addresses.ALL, Ports.ALL,
                Protocols.hasPorts(p) ? dports : Ports.ALL));
    }

    /** The predefined application or application-set named so, or null when the table does not hold it. */
    static Definition application(String name) {
        return APPLICATIONS.get(name);
    }

    /** The port a Junos port name stands for, or null. */
    static Integer port(String name) {
        return PORTS.get(name.toLowerCase(Locale.ROOT));
    }

    /** The protocol number of a Junos protocol name or number, or -1. */
    static int protocol(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "egp" -> 8;
            case "rsvp" -> 46;
            case "ipip" -> 4;
            case "icmp6", "icmpv6" -> Protocols.ICMPV6;
            default -> Protocols.number(s);
        };
    }
}
