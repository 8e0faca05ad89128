package io.lyncaudit.cli;

import io.lyncaudit.importer.Importers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lyncaudit parse`: the neutral policy of one export, as contracts/parse.example.json shows it. */
class ParseCommandTest {

    private static final Path INTERNAL_CSV = Path.of("samples/contoso-single-edge-nat/edge-internal-rules.csv");

    @TempDir
    Path tmp;

    @Test
    void spreadsheetAsNeutralJson() throws IOException {
        Cli.Result r = Cli.run("parse", INTERNAL_CSV);
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals("", r.err());
        // the spacing of contracts/parse.example.json, not Jackson's default pretty printer (" : ")
        assertTrue(r.out().contains("\n  \"format\": \"spreadsheet\",\n"), r::toString);

        JsonNode p = new ObjectMapper().readTree(r.out());
        assertEquals(1, p.get("schemaVersion").asInt());
        assertEquals(Cli.shown(INTERNAL_CSV), p.get("file").asText());
        assertEquals(9, p.at("/lines/total").asInt(), "the header row is a row too");
        assertEquals(9, p.at("/lines/used").asInt(), "eight rules and the header");
        assertEquals(1, p.get("policies").size());
        JsonNode rules = p.at("/policies/0/rules");
        assertEquals(8, rules.size());
        List<Integer> lines = new ArrayList<>();
        for (JsonNode rule : rules) lines.add(rule.at("/source_ref/line").asInt());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), lines, "each rule points at its CSV line");
        assertEquals("deny", rules.get(7).get("action").asText());
        assertEquals(0, p.get("diagnostics").size());
    }

    @Test
    void anIpsecExportShowsItsConnectionSecurityRules() throws IOException {
        Path f = Path.of("samples/contoso-scaled-dns-nat/ipsec-rules.txt");
        Cli.Result r = Cli.run("parse", f);
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        JsonNode p = new ObjectMapper().readTree(r.out());
        assertEquals("windows-ipsec", p.get("format").asText());
        assertEquals("ipsec", p.get("kind").asText());
        assertEquals(p.at("/lines/total").asInt(), p.at("/lines/used").asInt() + p.at("/lines/ignored").asInt());
        JsonNode rules = p.get("rules");
        assertEquals(7, rules.size());
        assertEquals("authenticate", rules.get(0).get("action").asText());
        assertEquals("exempt", rules.get(1).get("action").asText());
        assertEquals(2, rules.get(0).at("/source_ref/line").asInt());
        // a connection-security rule covers both directions: Edge internal addresses as source and as destination
        String match = rules.get(1).get("match").toString();
        assertTrue(match.contains("\"destination\":\"172.25.34.11-172.25.34.12\"") && match.contains("\"source\":\"172.25.34.11-172.25.34.12\""), match);
    }

    @Test
    void anIpsecSpreadsheetIsNamedWithVendor() throws IOException {
        Path f = Path.of("samples/contoso-clean-public/ipsec-rules.csv");
        Cli.Result r = Cli.run("parse", f, "--vendor", "ipsec-spreadsheet", "--format", "yaml");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("\nkind: ipsec\n"), r::toString);
        assertTrue(r.out().contains("name: Clients\n"), r::toString);
    }

    @Test
    void yamlOnRequest() {
        Cli.Result r = Cli.run("parse", INTERNAL_CSV, "--format", "yaml");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("\nformat: spreadsheet\n"), r::toString);
    }

    @Test
    void aBadCellIsADiagnosticHereNotAnError() throws IOException {
        // parse shows what the importer understood; only audit makes value errors fatal
        Path f = Cli.write(tmp.resolve("fw.csv"), "Source,Destination,Port\nany,10.0.10.5,443\nany,10.0.10.5,70000\n");
        Cli.Result r = Cli.run("parse", f, "--action", "permit");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        JsonNode d = new ObjectMapper().readTree(r.out()).at("/diagnostics/0");
        assertEquals(3, d.get("line").asInt());
        assertEquals("unrecognized", d.get("category").asText());
        assertEquals("C3: port 70000 is outside 0-65535", d.get("message").asText());
    }

    @Test
    void aSheetWithoutAnActionColumnNeedsActionAndIsNeverReadAsAllPermit() throws IOException {
        Path f = Cli.write(tmp.resolve("flows.csv"), ",Source,Destination,Port/Protocol\n0,10.0.0.1,10.0.10.5,443/TCP\n1,10.0.0.2,10.0.10.5,UDP:3478\n");
        String m = Cli.badInput(Cli.run("parse", f));
        assertTrue(m.startsWith(Cli.shown(f) + ":1: the header row (row 1) has no action column (Action, Rule Action, Decision, Permit/Deny"), m);
        assertTrue(m.contains("'action: permit' on this firewall in the deployment file") && m.contains("--action permit"), m);

        Cli.Result r = Cli.run("parse", f, "--action", "permit");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        JsonNode p = new ObjectMapper().readTree(r.out());
        assertEquals(2, p.at("/policies/0/rules").size());
        assertEquals("TCP", p.at("/policies/0/rules/0/protocol").asText());
        assertEquals("443", p.at("/policies/0/rules/0/ports").asText());
        assertEquals("UDP", p.at("/policies/0/rules/1/protocol").asText());

        assertEquals("--action: 'maybe' is not a row action; expected permit (every row is an opening) or deny",
                Cli.badInput(Cli.run("parse", f, "--action", "maybe")));
        assertTrue(Cli.badInput(Cli.run("parse", Path.of("samples/contoso-scaled-dns-nat/edge-external.asa"), "--action", "permit"))
                .contains("--action is for spreadsheets without an action column"));
    }

    @Test
    void missingFile() {
        Path nope = tmp.resolve("nope.csv");
        assertEquals(Cli.shown(nope) + ": file not found", Cli.badInput(Cli.run("parse", nope)));
    }

    @Test
    void undetectableFile() {
        Path f = Cli.write(tmp.resolve("notes.txt"), "not a firewall export\n");
        assertEquals(Cli.shown(f) + ": cannot tell the format of this file: none of the formats matches its first 64 KiB (looked for "
                + Importers.looksFor() + "); name it with 'format:' in the deployment file or --vendor (supported: " + Importers.names() + ")", Cli.badInput(Cli.run("parse", f)));
    }

    @Test
    void unknownVendor() {
        assertEquals("unknown vendor 'nope' (supported: " + Importers.names() + ", ipsec-spreadsheet)", Cli.badInput(Cli.run("parse", INTERNAL_CSV, "--vendor", "nope")));
    }

    @Test
    void unknownFormat() {
        assertEquals("unknown format 'xml' (json, yaml)", Cli.badInput(Cli.run("parse", INTERNAL_CSV, "--format", "xml")));
    }
}
