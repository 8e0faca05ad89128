package io.lyncaudit.importer.neutral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
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

    /** JSON is streamed with jackson-core alone: setting up an ObjectMapper costs a cold start about 0.2 s. */
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** A new pretty printer (it keeps the nesting depth, so one per generator). */
    private static DefaultPrettyPrinter prettyPrinter() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** The mappers, made on first use only. */
    private static final class Mappers {
        static final ObjectWriter JSON = new ObjectMapper().writer(prettyPrinter());

        static final ObjectWriter YAML = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build()).writer();
    }

    /** The result as pretty-printed JSON, ending with a newline. */
    public static String toJson(ImportResult result) {
        StringWriter out = new StringWriter();
        try {
            writeJson(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing plain nodes to a string cannot fail
        }
        return out.toString();
    }

    /** {@link #toJson} the other way: the whole tree first, then its text (kept to check that both agree). */
    static String toJsonViaTree(ImportResult result) {
        try {
            return Mappers.JSON.writeValueAsString(tree(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same text as {@link #toJson}, streamed to {@code out}: the document of {@link #tree}, but
     * built and written one rule, NAT rule and diagnostic at a time, so neither the whole tree nor
     * the whole text (tens of MB for a 100,000-line config) is held in memory. {@code out} is
     * flushed, not closed.
     */
    public static void writeJson(ImportResult r, Writer out) throws IOException {
        JsonGenerator g = JSON_FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(prettyPrinter());
        g.writeStartObject();
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeStringField("file", r.file());
        g.writeStringField("format", r.format());
        g.writeFieldName("lines");
        write(g, lines(r.lines()));
        g.writeArrayFieldStart("policies");
        for (Policy p : r.policies()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : policyHead(p).properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeArrayFieldStart("rules");
            for (Rule x : p.rules()) write(g, rule(x));
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("unboundDefault", r.unboundDefault().json());
        g.writeArrayFieldStart("nat");
        for (NatRule n : r.nat()) write(g, nat(n));
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : r.diagnostics()) write(g, diagnostic(d, r.file()));
        g.writeEndArray();
        g.writeEndObject();
        g.close(); // flushes into out; AUTO_CLOSE_TARGET is off
        out.write('\n');
        out.flush();
    }

    /** Writes a node of the plain kinds {@link #tree} builds, as the mapper would. */
    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode x : n) write(g, x);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                if (n.isInt()) g.writeNumber(n.intValue());
                else if (n.isLong()) g.writeNumber(n.longValue());
                else throw new IllegalStateException("unexpected number node " + n.numberType());
            }
            default -> throw new IllegalStateException("unexpected node type " + n.getNodeType());
        }
    }

    /** The same document as YAML, for people who edit policies by hand. */
    public static String toYaml(ImportResult result) {
        try {
            return Mappers.YAML.writeValueAsString(tree(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IPsec input as JSON: its connection-security rules (exempt or not), line counts and diagnostics. */
    public static String toJson(IpsecPolicy policy) {
        try {
            return Mappers.JSON.writeValueAsString(tree(policy)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as YAML. */
    public static String toYaml(IpsecPolicy policy) {
        try {
            return Mappers.YAML.writeValueAsString(tree(policy));
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
        ObjectNode o = policyHead(p);
        ArrayNode rules = o.putArray("rules");
        for (Rule r : p.rules()) rules.add(rule(r));
        return o;
    }

    /** A policy's fields before its rules. */
    private static ObjectNode policyHead(Policy p) {
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
        if (p.hook() != null) o.put("hook", p.hook().json());
        if (p.scoped()) scope(o, p.scope());
        o.put("defaultAction", p.defaultAction().json());
        if (p.defaultSource() != null) o.set("defaultSource", source(p.defaultSource()));
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
        if (r.translation() != null) {
            ObjectNode t = o.putObject("translate");
            if (r.translation().destination() != null) t.put("destination", NeutralText.addresses(r.translation().destination()));
            if (r.translation().destinationPort() != null) t.put("port", NeutralText.ports(r.translation().destinationPort()));
            if (r.translation().toHost()) t.put("toHost", true);
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
