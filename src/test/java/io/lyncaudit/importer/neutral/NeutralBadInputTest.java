package io.lyncaudit.importer.neutral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lyncaudit.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad neutral file is one BadInputException naming the file and the line of the offending node. */
class NeutralBadInputTest {

    @TempDir
    Path tmp;

    private String error(String name, String text) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), text);
        BadInputException e = assertThrows(BadInputException.class, () -> new NeutralImporter().importFile(f, "policies/" + name));
        assertEquals("policies/" + name, e.file());
        return e.getMessage();
    }

    private static String yamlRule(String... lines) {
        StringBuilder s = new StringBuilder("schemaVersion: 1\npolicies:\n  - name: p\n    rules:\n      - action: permit\n");
        for (String l : lines) s.append("        ").append(l).append('\n');
        return s.toString();
    }

    @Test
    void portOutOfRangeInYaml() throws Exception {
        assertEquals("policies/a.yaml:9: 'ports' in rule: port 70000 is outside 0-65535",
                error("a.yaml", yamlRule("protocol: TCP", "source: any", "destination: 10.0.0.1", "ports: 443, 70000")));
    }

    @Test
    void badCidrInJson() throws Exception {
        String json = """
                {
                  "policies": [
                    { "name": "p", "rules": [
                      { "action": "permit", "protocol": "TCP",
                        "source": "10.0.0.0/33",
                        "destination": "any" }
                    ] }
                  ]
                }
                """;
        assertEquals("policies/b.json:5: 'source' in rule: '10.0.0.0/33' is not a valid address: prefix length 33 is outside 0-32",
                error("b.json", json));
    }

    @Test
    void unknownProtocolAndAction() throws Exception {
        assertEquals("policies/c.yaml:6: 'protocol' in rule: unknown protocol 'tcpp' in 'tcpp'",
                error("c.yaml", yamlRule("protocol: tcpp", "source: any", "destination: any")));
        assertEquals("policies/d.yaml:5: 'action' in rule: 'allow' is not permit or deny",
                error("d.yaml", yamlRule("protocol: tcp", "source: any", "destination: any").replace("action: permit", "action: allow")));
    }

    @Test
    void unknownKeyIsATypoNotSilence() throws Exception {
        assertEquals("policies/e.yaml:8: unknown key 'destinaton' in rule (expected action, destination, fromZones, index, match, mayMatch, "
                        + "name, ports, protocol, source, sourcePorts, source_ref, toZones, translate, uncertain)",
                error("e.yaml", yamlRule("protocol: tcp", "source: any", "destinaton: 10.0.0.1")));
    }

    @Test
    void missingRequiredField() throws Exception {
        assertEquals("policies/f.yaml:5: rule has no 'destination'", error("f.yaml", yamlRule("protocol: tcp", "source: any")));
        assertEquals("policies/g.yaml:1: the document has no 'policies' list", error("g.yaml", "schemaVersion: 1\n"));
    }

    @Test
    void portsOnAProtocolWithoutPorts() throws Exception {
        assertEquals("policies/h.yaml:9: ports apply only to TCP, UDP and SCTP, but protocol is any; "
                        + "name the protocols (e.g. TCP+UDP) or use a 'match' list",
                error("h.yaml", yamlRule("protocol: any", "source: any", "destination: any", "ports: 443")));
    }

    @Test
    void summaryThatDisagreesWithMatch() throws Exception {
        String m = error("i.yaml", yamlRule("protocol: UDP", "source: any", "destination: any",
                "match: [{protocol: TCP, source: any, destination: any, ports: 443}]"));
        assertEquals("policies/i.yaml:6: 'protocol' does not summarise the rule's 'match' list; "
                + "edit 'match' (the exact rule) or remove the summary fields", m);
    }

    @Test
    void wrongSchemaVersionDuplicateKeyAndSyntax() throws Exception {
        assertEquals("policies/j.yaml:2: schemaVersion 2 is not supported (this version reads 1)",
                error("j.yaml", "# v2\nschemaVersion: 2\npolicies: []\n"));
        assertEquals("policies/k.yaml:8: duplicate key 'source'",
                error("k.yaml", yamlRule("protocol: tcp", "source: any", "source: 10.0.0.1", "destination: any")));
        String m = error("l.json", "{\n  \"policies\": [\n    {\"name\": \"p\",, }\n  ]\n}\n");
        assertEquals("policies/l.json:3: not valid JSON: ", m.substring(0, "policies/l.json:3: not valid JSON: ".length()));
        String y = error("m.yaml", "policies:\n  - name: p\n    rules: [\n");
        assertEquals("policies/m.yaml:", y.substring(0, "policies/m.yaml:".length()));
    }

    @Test
    void badScope() throws Exception {
        assertEquals("policies/q.yaml:3: 'scope' in policy must be ipv4, ipv6, all or a list of "
                        + "{protocol, source, destination, ports, sourcePorts}",
                error("q.yaml", "policies:\n  - name: p\n    scope: ipv5\n    rules: []\n"));
        assertEquals("policies/r.yaml:4: unknown key 'port' in scope entry (expected destination, ports, protocol, source, sourcePorts)",
                error("r.yaml", "policies:\n  - name: p\n    scope:\n      - {protocol: TCP, source: any, destination: any, port: 80}\n"
                        + "    rules: []\n"));
    }

    @Test
    void wrongTypes() throws Exception {
        assertEquals("policies/n.yaml:1: 'policies' in the document must be a list", error("n.yaml", "policies: 3\n"));
        assertEquals("policies/o.yaml:5: 'index' in rule must be a whole number",
                error("o.yaml", yamlRule("protocol: tcp", "source: any", "destination: any").replace("- action: permit", "- index: one\n        action: permit")));
        assertEquals("policies/p.yaml:3: binding must be an object",
                error("p.yaml", "policies:\n  - name: p\n    binding: outside\n    rules: []\n"));
    }

    @Test
    void wholeFileProblems() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new NeutralImporter().importFile(tmp.resolve("nope.yaml"), "nope.yaml"));
        assertEquals("nope.yaml: file not found", e.getMessage());
        assertEquals("policies/q.yaml: empty: no policy document", error("q.yaml", "# nothing\n"));
        Path bin = Files.write(tmp.resolve("r.json"), new byte[] {(byte) 0xC3, 0x28, 0x00});
        BadInputException b = assertThrows(BadInputException.class, () -> new NeutralImporter().importFile(bin, "r.json"));
        assertEquals("r.json:1:3: binary content, not text: a NUL character (encodings tried: utf-8 (byte 0xC3 at line 1, "
                + "column 1 is not valid utf-8), windows-1252)", b.getMessage());
    }
}
