package io.lyncaudit.importer.neutral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write, read, write gives the same text, for results that use every part of the format. */
class NeutralRoundTripTest {

    @TempDir
    Path tmp;

    static PacketBox box(IntervalSet proto, String src, String dst, IntervalSet sports, IntervalSet dports) {
        return new PacketBox(proto, Addresses.parse(src), Addresses.parse(dst), sports, dports);
    }

    static ImportResult sample() {
        SourceRef l1 = SourceRef.line("fw.cfg", 10, "access-list outside_in extended permit tcp any host 131.107.155.10 eq 443");
        SourceRef cell = SourceRef.cell("fw.cfg", "Rules", "B7", 7, "any | 10.0.0.1 | 443");
        Rule plain = new Rule(1, null, Action.PERMIT,
                PacketSet.of(PacketBox.of(Protocols.TCP_SET, Addresses.ALL, Addresses.parse("131.107.155.10"), IntervalSet.point(443))),
                Set.of(), Set.of(), l1);
        PacketSet multi = PacketSet.union(List.of(
                box(Protocols.TCP_UDP, "10.0.0.0/8", "2001:db8::1", Ports.parseRange("1024-65535"), IntervalSet.point(5060)),
                box(Protocols.TCP_SET, "10.0.0.0/8", "2001:db8::1", Ports.ALL, Ports.parseRange("5061")),
                box(IntervalSet.point(Protocols.ICMP), "any4", "2001:db8::1", Ports.ALL, Ports.ALL)));
        Rule named = new Rule(2, "multi \"quoted\" name", Action.DENY, multi, Set.of("outside", "partners"), Set.of("dmz"), cell);
        Rule sports = new Rule(3, "sp", Action.PERMIT, PacketSet.of(box(Protocols.UDP_SET, "192.0.2.1-192.0.2.9", "any6",
                Ports.parseRange("53"), Ports.ALL)), Set.of(), Set.of(), SourceRef.line("fw.cfg", 12, null));
        Rule empty = new Rule(4, null, Action.PERMIT, PacketSet.EMPTY, Set.of(), Set.of(), SourceRef.line("fw.cfg", 13, "never matches"));
        Rule odd = new Rule(5, null, Action.PERMIT, PacketSet.of(new PacketBox(Protocols.ALL.subtract(Protocols.TCP_UDP), Addresses.ALL,
                Addresses.ALL, Ports.ALL, Ports.ALL)), Set.of(), Set.of(), SourceRef.line("fw.cfg", 14, "x"));
        Policy in = new Policy("outside_in", PolicyKind.FIRST_MATCH, new Binding("outside", Binding.Direction.IN), Action.DENY,
                List.of(plain, named, sports, empty, odd), SourceRef.line("fw.cfg", 99, "implicit deny"));
        Policy host = new Policy("host", PolicyKind.BLOCK_WINS, new Binding("inside", Binding.Direction.OUT), Action.PERMIT, List.of());
        Policy v4 = new Policy("v4_in", PolicyKind.FIRST_MATCH, new Binding("outside", Binding.Direction.IN), Action.DENY,
                List.of(plain.withIndex(1)), null, PacketSet.IPV4);
        Policy v6 = new Policy("v6_in", PolicyKind.FIRST_MATCH, new Binding("outside", Binding.Direction.IN), Action.DENY,
                List.of(), null, PacketSet.IPV6);
        Policy tcp = new Policy("tcp_only", PolicyKind.FIRST_MATCH, new Binding("dmz", Binding.Direction.OUT), Action.PERMIT, List.of(), null,
                PacketSet.of(box(Protocols.TCP_SET, "10.0.0.0/8", "any", Ports.ALL, Ports.parseRange("1-1023"))));
        NatRule nat = new NatRule(Addresses.parse("131.107.155.10"), Addresses.parse("10.45.16.10"), true, SourceRef.line("fw.cfg", 5, "nat"));
        NatRule nat2 = new NatRule(Addresses.parse("131.107.155.0/28"), Addresses.parse("10.45.16.0/28"), false, null);
        List<Diagnostic> ds = List.of(
                new Diagnostic("fw.cfg", 1, Diagnostic.Category.IGNORED, "hostname fw", "not about filtering"),
                new Diagnostic("fw.cfg", 2, Diagnostic.Category.UNSUPPORTED, "time-range x", "time-range is not modelled"),
                new Diagnostic("included.cfg", 3, Diagnostic.Category.UNRECOGNIZED, null, "unknown"));
        return new ImportResult("fw.cfg", "cisco-asa", List.of(in, host, v4, v6, tcp), List.of(nat, nat2), ds, new LineCounts(20, 5, 1, 1, 1),
                Action.PERMIT);
    }

    @Test
    void jsonWriteReadWriteIsIdentical() throws Exception {
        String json = NeutralWriter.toJson(sample());
        ImportResult back = new NeutralImporter().importFile(Files.writeString(tmp.resolve("p.json"), json), "p.json");
        assertEquals(json, NeutralWriter.toJson(back));
    }

    @Test
    void streamedJsonIsTheTreeWritten() throws Exception {
        ImportResult r = sample();
        assertEquals(NeutralWriter.toJsonViaTree(r), NeutralWriter.toJson(r));
        java.io.StringWriter out = new java.io.StringWriter();
        NeutralWriter.writeJson(r, out);
        assertEquals(NeutralWriter.toJsonViaTree(r), out.toString());
        ImportResult none = new ImportResult("e.cfg", "iptables", List.of(), List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), Action.PERMIT);
        assertEquals(NeutralWriter.toJsonViaTree(none), NeutralWriter.toJson(none));
    }

    @Test
    void yamlWriteReadWriteIsIdentical() throws Exception {
        ImportResult r = sample();
        ImportResult back = new NeutralImporter().importFile(Files.writeString(tmp.resolve("p.yaml"), NeutralWriter.toYaml(r)), "p.yaml");
        assertEquals(NeutralWriter.toJson(r), NeutralWriter.toJson(back));
    }

    @Test
    void readBackMeansTheSame() throws Exception {
        ImportResult r = sample();
        ImportResult back = new NeutralImporter().importFile(Files.writeString(tmp.resolve("p.json"), NeutralWriter.toJson(r)), "p.json");
        assertEquals(r.file(), back.file());
        assertEquals(r.format(), back.format());
        assertEquals(r.lines(), back.lines());
        assertEquals(r.unboundDefault(), back.unboundDefault());
        assertEquals(r.diagnostics(), back.diagnostics());
        assertEquals(r.nat(), back.nat());
        for (int p = 0; p < r.policies().size(); p++) {
            Policy a = r.policies().get(p), b = back.policies().get(p);
            assertEquals(List.of(a.name(), a.kind(), a.binding(), a.defaultAction()), List.of(b.name(), b.kind(), b.binding(), b.defaultAction()));
            assertEquals(a.defaultSource(), b.defaultSource());
            assertEquals(a.scope(), b.scope(), a.name());
            assertEquals(a.scoped(), b.scoped(), a.name());
            for (int i = 0; i < a.rules().size(); i++) {
                Rule x = a.rules().get(i), y = b.rules().get(i);
                assertEquals(x.match(), y.match(), "rule " + x.index());
                assertEquals(x.match().boxes(), y.match().boxes(), "boxes keep their order");
                assertEquals(List.of(x.index(), x.action(), x.fromZones(), x.toZones(), x.source()),
                        List.of(y.index(), y.action(), y.fromZones(), y.toZones(), y.source()));
                assertEquals(x.name(), y.name());
            }
        }
    }

    @Test
    void writerUsesTheContractShape() {
        String json = NeutralWriter.toJson(sample());
        assertTrue(json.startsWith("{\n  \"schemaVersion\": 1,\n  \"file\": \"fw.cfg\",\n  \"format\": \"cisco-asa\",\n  \"lines\": {\n"));
        assertTrue(json.contains("\"nat\": ["));
        assertTrue(json.contains("\"binding\": {\n        \"interface\": \"outside\",\n        \"direction\": \"in\"\n      },"));
        assertTrue(json.contains("\"rules\": []"), "empty arrays are written as []");
        assertTrue(json.contains("\"protocol\": \"ICMP+TCP+UDP\""), "multi-box rules summarise with +");
        assertTrue(json.contains("\"protocol\": \"none\""), "an empty match");
        assertTrue(json.contains("\"direction\": \"in\"\n      },\n      \"scope\": \"ipv4\",\n      \"defaultAction\""),
                "a family scope is one word, after the binding");
        assertTrue(json.contains("\"scope\": \"ipv6\""));
        assertTrue(json.contains("\"scope\": [\n        {\n          \"protocol\": \"TCP\""), "any other scope is a list of boxes");
        assertEquals(3, json.split("\"scope\"").length - 1, "an unscoped policy has no scope key");
        assertFalse(json.contains("\r"));
        assertTrue(json.endsWith("}\n"));
    }

    @Test
    void handWrittenRuleWithoutSourceRefPointsAtItsOwnLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("mine.yaml"), """
                policies:
                  - name: p
                    rules:
                      - action: permit
                        protocol: tcp
                        source: any
                        destination: 10.0.0.1
                        ports: 443
                """);
        ImportResult r = new NeutralImporter().importFile(f, "mine.yaml");
        Rule rule = r.policies().get(0).rules().get(0);
        assertEquals("mine.yaml", rule.source().file());
        assertEquals(4, rule.source().line());
        assertNull(rule.name());
        assertEquals("mine.yaml", r.file());
        assertEquals("neutral", r.format());
        assertEquals(new LineCounts(1, 1, 0, 0, 0), r.lines());
        assertEquals(Action.DENY, r.policies().get(0).defaultAction());
        assertEquals(Action.DENY, r.unboundDefault());
    }

    @Test
    void largeYamlFilesAreRead() throws Exception {
        // more than SnakeYAML's default 3 MB limit: a big firewall's policy in YAML
        StringBuilder y = new StringBuilder("policies:\n  - name: big\n    rules:\n");
        for (int i = 0; i < 25_000; i++) {
            y.append("      - {action: permit, protocol: TCP, source: any, destination: 10.0.").append(i / 250).append('.').append(i % 250)
                    .append(", ports: \"443\", name: rule-number-").append(i).append("-with-a-long-name}\n");
        }
        assertTrue(y.length() > 3 * 1024 * 1024, "fixture size " + y.length());
        ImportResult r = new NeutralImporter().importFile(Files.writeString(tmp.resolve("big.yaml"), y), "big.yaml");
        assertEquals(25_000, r.ruleCount());
    }

    @Test
    void detect() {
        NeutralImporter n = new NeutralImporter();
        assertTrue(n.detect(Path.of("x.json"), "{\n \"schemaVersion\": 1, \"policies\": []}".getBytes()));
        assertTrue(n.detect(Path.of("x.yaml"), "# mine\nschemaVersion: 1\npolicies:\n".getBytes()));
        assertFalse(n.detect(Path.of("x.json"), "{\"Resources\": {}}".getBytes()));
        assertFalse(n.detect(Path.of("x.csv"), "Source,Destination,Port\n".getBytes()));
        assertEquals("neutral", n.format());
    }
}
