package io.lyncaudit.importer.panos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.Protocols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/importer-panos.md states the application table and the limits; the code is what they say.
 * The table is "a table we keep": every row of the page is a row of {@link PanApplications}, with
 * the same ports, and the other way round.
 */
class PanosDocTest {
    static final String DOC;

    static {
        try {
            DOC = Files.readString(Path.of("docs/importer-panos.md"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "tcp/80", "udp/5353", "icmp/*" for each application row of the page. */
    static Map<String, TreeSet<String>> documented() {
        String section = DOC.substring(DOC.indexOf("## The application table"), DOC.indexOf("## Panorama and virtual systems"));
        Map<String, TreeSet<String>> out = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| (.+) \\|$").matcher(section);
        while (row.find()) {
            TreeSet<String> ports = new TreeSet<>();
            String proto = null;
            for (String word : row.group(2).split("[ ,;]+")) {
                switch (word) {
                    case "TCP", "UDP", "ICMP", "ICMPv6" -> {
                        proto = word.toLowerCase(java.util.Locale.ROOT);
                        if (proto.startsWith("icmp")) ports.add(proto + "/*");
                    }
                    default -> {
                        if (word.matches("\\d+")) ports.add(proto + "/" + word);
                    }
                }
            }
            out.put(row.group(1), ports);
        }
        return out;
    }

    static TreeSet<String> coded(String app) {
        TreeSet<String> ports = new TreeSet<>();
        for (PacketBox b : PanApplications.known(app).defaults().boxes()) {
            for (int p = 0; p <= 255; p++) {
                if (!b.protocols().contains(p)) continue;
                String name = p == Protocols.TCP ? "tcp" : p == Protocols.UDP ? "udp" : p == Protocols.ICMP ? "icmp" : "icmpv6";
                if (!Protocols.hasPorts(p)) {
                    ports.add(name + "/*");
                    continue;
                }
                for (int i = 0; i < b.destinationPorts().intervalCount(); i++) {
                    for (long port = b.destinationPorts().startLong(i); port <= b.destinationPorts().endLong(i); port++) ports.add(name + "/" + port);
                }
            }
        }
        return ports;
    }

    @Test
    void theApplicationTableOfThePageIsTheCodes() {
        Map<String, TreeSet<String>> doc = documented();
        assertEquals(new TreeSet<>(PanApplications.names()), new TreeSet<>(doc.keySet()));
        for (String app : doc.keySet()) assertEquals(coded(app), doc.get(app), app);
    }

    @Test
    void theLimitsOfThePageAreTheCodes() {
        String limits = DOC.substring(DOC.indexOf("## Limits and hostile input"));
        assertTrue(limits.contains("| file size | " + (PanosImporter.MAX_BYTES >> 20) + " MiB |"), limits);
        assertTrue(limits.contains((PanSetReader.MAX_LINE >> 10) + " KiB for the set form"), limits);
        assertTrue(limits.contains("| XML nesting | " + PanXmlReader.MAX_DEPTH + " elements |"), limits);
        assertTrue(limits.contains("| group nesting | " + PanObjects.MAX_DEPTH + " "), limits);
        assertTrue(limits.contains(PanObjects.MAX_WILDCARD_BITS + " scattered wildcard bits (" + (1 << PanObjects.MAX_WILDCARD_BITS) + " blocks)")
                || limits.contains(PanObjects.MAX_WILDCARD_BITS + " scattered wildcard bits (4,096 blocks)"), limits);
        String inputLimits;
        try {
            inputLimits = Files.readString(Path.of("docs/input-limits.md"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(inputLimits.contains("| PAN-OS XML and set form (`panos`) | " + (PanosImporter.MAX_BYTES >> 20) + " MiB |"), "input-limits.md");
    }
}
