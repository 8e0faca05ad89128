package io.lyncaudit.importer.neutral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes an import result in the neutral policy format ({@code contracts/parse.example.json}):
 * keys in contract order, 2-space indent, stable output for golden tests. See docs/neutral-format.md.
 */
public final class NeutralWriter {
    private NeutralWriter() {}

    /** The schema version this writer produces and {@link NeutralImporter} reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final ObjectWriter YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).writer();

    /** The result as pretty-printed JSON, ending with a newline. */
    public static String toJson(ImportResult result) {
        try {
            return JSON.writeValueAsString(tree(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // writing a tree of plain nodes to a string cannot fail
        }
    }

    /** The same document as YAML, for people who edit policies by hand. */
    public static String toYaml(ImportResult result) {
        try {
            return YAML.writeValueAsString(tree(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IPsec input as JSON: its connection-security rules (exempt or not), line counts and diagnostics. */
    public static String toJson(IpsecPolicy policy) {
        try {
            return JSON.writeValueAsString(tree(policy)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as YAML. */
    public static String toYaml(IpsecPolicy policy) {
        try {
            return YAML.writeValueAsString(tree(policy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(IpsecPolicy p) {
        ObjectNode o = F.objectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("file", p.file());
        o.put("format", p.format());
        o.put("kind", "ipsec");
        o.set("lines", lines(p.lines()));
        ArrayNode rules = o.putArray("rules");
        for (IpsecRule r : p.rules()) {
            ObjectNode n = rules.addObject();
            n.put("index", r.index());
            if (r.name() != null) n.put("name", r.name());
            n.put("action", r.exempt() ? "exempt" : "authenticate");
            if (r.authentication() != null) n.put("authentication", r.authentication());
            // both directions: a connection-security rule applies to the way back too
            ArrayNode m = n.putArray("match");
            for (PacketBox box : r.match().boxes()) m.add(box(box));
            n.set("source_ref", source(r.source()));
        }
        ArrayNode diags = o.putArray("diagnostics");
        for (Diagnostic d : p.diagnostics()) diags.add(diagnostic(d, p.file()));
        return o;
    }

    static ObjectNode tree(ImportResult r) {
        ObjectNode o = F.objectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("file", r.file());
        o.put("format", r.format());
        o.set("lines", lines(r.lines()));
        ArrayNode policies = o.putArray("policies");
        for (Policy p : r.policies()) policies.add(policy(p));
        o.put("unboundDefault", r.unboundDefault().json());
        ArrayNode nat = o.putArray("nat");
        for (NatRule n : r.nat()) nat.add(nat(n));
        ArrayNode diags = o.putArray("diagnostics");
        for (Diagnostic d : r.diagnostics()) diags.add(diagnostic(d, r.file()));
        return o;
    }

    private static ObjectNode lines(LineCounts l) {
        ObjectNode o = F.objectNode();
        o.put("total", l.total());
        o.put("used", l.used());
        o.put("ignored", l.ignored());
        o.put("unsupported", l.unsupported());
        o.put("unrecognized", l.unrecognized());
        return o;
    }

    private static ObjectNode policy(Policy p) {
        ObjectNode o = F.objectNode();
        o.put("name", p.name());
        o.put("kind", p.kind().json());
        if (p.binding() == null) {
            o.putNull("binding");
        } else {
            ObjectNode b = o.putObject("binding");
            b.put("interface", p.binding().iface());
            b.put("direction", p.binding().direction().json());
        }
        if (p.scoped()) scope(o, p.scope());
        o.put("defaultAction", p.defaultAction().json());
        if (p.defaultSource() != null) o.set("defaultSource", source(p.defaultSource()));
        ArrayNode rules = o.putArray("rules");
        for (Rule r : p.rules()) rules.add(rule(r));
        return o;
    }

    /** "ipv4" or "ipv6" for the family scopes, otherwise the scope's boxes. */
    private static void scope(ObjectNode o, PacketSet scope) {
        if (scope.equals(PacketSet.IPV4)) {
            o.put("scope", NeutralText.SCOPE_IPV4);
        } else if (scope.equals(PacketSet.IPV6)) {
            o.put("scope", NeutralText.SCOPE_IPV6);
        } else {
            ArrayNode m = o.putArray("scope");
            for (PacketBox box : scope.boxes()) m.add(box(box));
        }
    }

    private static ObjectNode rule(Rule r) {
        ObjectNode o = F.objectNode();
        o.put("index", r.index());
        if (r.name() != null) o.put("name", r.name());
        o.put("action", r.action().json());
        PacketBox b = r.match().bounds();
        o.put("protocol", NeutralText.protocols(b.protocols()));
        o.put("source", NeutralText.addresses(b.sources()));
        o.put("destination", NeutralText.addresses(b.destinations()));
        o.put("ports", NeutralText.ports(b.destinationPorts()));
        if (!b.sourcePorts().equals(Ports.ALL)) o.put("sourcePorts", NeutralText.ports(b.sourcePorts()));
        if (!r.fromZones().isEmpty()) o.set("fromZones", strings(r.fromZones()));
        if (!r.toZones().isEmpty()) o.set("toZones", strings(r.toZones()));
        List<PacketBox> boxes = r.match().boxes();
        if (boxes.size() != 1) {
            // the flat fields above only summarise; the boxes are the exact match
            ArrayNode m = o.putArray("match");
            for (PacketBox box : boxes) m.add(box(box));
        }
        if (r.uncertain()) {
            o.put("uncertain", r.uncertainty());
            if (!r.mayMatch().equals(r.match())) {
                // what the device might match beyond the reading above
                ArrayNode m = o.putArray("mayMatch");
                for (PacketBox box : r.mayMatch().boxes()) m.add(box(box));
            }
        }
        o.set("source_ref", source(r.source()));
        return o;
    }

    private static ObjectNode box(PacketBox b) {
        ObjectNode o = F.objectNode();
        o.put("protocol", NeutralText.protocols(b.protocols()));
        o.put("source", NeutralText.addresses(b.sources()));
        o.put("destination", NeutralText.addresses(b.destinations()));
        o.put("ports", NeutralText.ports(b.destinationPorts()));
        o.put("sourcePorts", NeutralText.ports(b.sourcePorts()));
        return o;
    }

    private static ArrayNode strings(Set<String> s) {
        ArrayNode a = F.arrayNode();
        for (String v : new TreeSet<>(s)) a.add(v);
        return a;
    }

    private static ObjectNode source(SourceRef s) {
        ObjectNode o = F.objectNode();
        o.put("file", s.file());
        o.put("line", s.line());
        if (s.sheet() != null) o.put("sheet", s.sheet());
        if (s.cell() != null) o.put("cell", s.cell());
        o.put("text", s.text());
        return o;
    }

    private static ObjectNode nat(NatRule n) {
        ObjectNode o = F.objectNode();
        o.put("mapped", NeutralText.addresses(n.mapped()));
        o.put("real", NeutralText.addresses(n.real()));
        o.put("aclSeesReal", n.aclSeesReal());
        if (n.source() != null) o.set("source_ref", source(n.source()));
        return o;
    }

    private static ObjectNode diagnostic(Diagnostic d, String resultFile) {
        ObjectNode o = F.objectNode();
        if (d.file() != null && !d.file().equals(resultFile)) o.put("file", d.file());
        o.put("line", d.line());
        o.put("category", d.category().json());
        o.put("text", d.text());
        o.put("message", d.message());
        return o;
    }
}
