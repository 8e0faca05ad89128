package io.lyncaudit.waiver;

import io.lyncaudit.finding.FindingType;
import io.lyncaudit.io.YamlTree;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a waiver file ({@code contracts/waivers.example.yaml}, schema version 1). Anything that does
 * not fit is a {@link BadInputException} naming the file and line.
 */
public final class WaiverLoader {
    private static final List<String> TOP = List.of("schemaVersion", "waivers");
    private static final List<String> FIELDS = List.of("type", "requirement", "firewall", "flow", "finding", "reason", "owner", "expires");
    private static final List<String> FLOW = List.of("protocol", "ports", "source", "destination");

    private WaiverLoader() {}

    public static List<Waiver> load(Path file, String display) throws BadInputException {
        YamlTree root = YamlTree.load(file, display);
        if (!root.isMap()) throw root.error("a waiver file is a mapping with schemaVersion: 1 and waivers: [...]");
        root.allowOnly(TOP);
        YamlTree version = root.require("schemaVersion");
        if (version.integer() != 1) throw version.error("unsupported schemaVersion " + version.text() + " (this version reads 1)");
        YamlTree list = root.get("waivers");
        List<Waiver> out = new ArrayList<>();
        if (list == null || list.isNull()) return out;
        for (YamlTree w : list.items()) out.add(waiver(w, display));
        return out;
    }

    private static Waiver waiver(YamlTree w, String display) throws BadInputException {
        if (!w.isMap()) throw w.error("each waiver is a mapping (type:, reason:, owner:, expires: ...)");
        w.allowOnly(FIELDS);
        YamlTree typeNode = w.require("type");
        FindingType type;
        try {
            type = FindingType.valueOf(typeNode.text().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw typeNode.error("unknown finding type '" + typeNode.text() + "' ("
                    + Arrays.stream(FindingType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
        String reason = nonBlank(w.require("reason"));
        String owner = nonBlank(w.require("owner"));
        YamlTree exp = w.require("expires");
        LocalDate expires;
        try {
            expires = LocalDate.parse(exp.text().trim());
        } catch (DateTimeParseException e) {
            throw exp.error("expected a date as yyyy-mm-dd, found '" + exp.text() + "'");
        }
        return new Waiver(type, optional(w, "requirement"), optional(w, "firewall"), flow(w.get("flow")), optional(w, "finding"),
                reason, owner, expires, display, w.line());
    }

    private static String nonBlank(YamlTree t) throws BadInputException {
        String s = t.text().trim();
        if (s.isEmpty()) throw t.error("must not be empty");
        return s;
    }

    private static String optional(YamlTree w, String key) throws BadInputException {
        YamlTree t = w.get(key);
        return t == null || t.isNull() ? null : nonBlank(t);
    }

    private static WaiverFlow flow(YamlTree f) throws BadInputException {
        if (f == null || f.isNull()) return null;
        if (!f.isMap()) throw f.error("expected a mapping { protocol, ports, source, destination }");
        f.allowOnly(FLOW);
        IntervalSet proto = Protocols.ALL, ports = Ports.ALL, src = Addresses.ALL, dst = Addresses.ALL;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, YamlTree> e : f.entries().entrySet()) {
            YamlTree v = e.getValue();
            String s = v.text().trim();
            try {
                switch (e.getKey()) {
                    case "protocol" -> proto = WaiverFlow.protocols(s);
                    case "ports" -> ports = WaiverFlow.ports(s);
                    case "source" -> src = WaiverFlow.addresses(s);
                    case "destination" -> dst = WaiverFlow.addresses(s);
                    default -> throw v.error("unknown field");
                }
            } catch (IllegalArgumentException ex) {
                throw v.error(ex.getMessage());
            }
            if (text.length() > 0) text.append(' ');
            text.append(e.getKey()).append('=').append(s);
        }
        return new WaiverFlow(proto, ports, src, dst, text.toString());
    }
}
