package io.lyncaudit.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.FindingType;
import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiver file: the contract example as written, and a clear file:line for each kind of mistake. */
class WaiverLoaderTest {
    private static final Path CONTRACT = Path.of(System.getProperty("lyncaudit.shared", "../shared"), "contracts", "waivers.example.yaml");

    @TempDir
    Path tmp;

    private String error(String yaml) throws IOException {
        Path f = tmp.resolve("w.yaml");
        Files.writeString(f, yaml);
        return assertThrows(BadInputException.class, () -> WaiverLoader.load(f, "w.yaml")).getMessage();
    }

    @Test
    void readsAWaiverFileInUtf16OrWindows1252() throws Exception {
        String text = Files.readString(CONTRACT).replace("reason: ", "reason: Dérogation – ");
        List<Waiver> utf8 = WaiverLoader.load(CONTRACT, "w");
        for (java.nio.charset.Charset cs : List.of(java.nio.charset.StandardCharsets.UTF_16, java.nio.charset.Charset.forName("windows-1252"))) {
            Path f = Files.write(tmp.resolve("w-" + cs.name() + ".yaml"), text.getBytes(cs)); // Java's UTF-16 writes a big-endian BOM
            List<Waiver> ws = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> WaiverLoader.load(f, "w"));
            assertEquals(utf8.size(), ws.size());
            assertTrue(ws.get(0).reason().startsWith("Dérogation – "), ws.get(0).reason());
        }
    }

    @Test
    void readsTheContractExampleAsWritten() throws Exception {
        List<Waiver> ws = WaiverLoader.load(CONTRACT, "waivers.example.yaml");
        assertEquals(2, ws.size());
        Waiver extra = ws.get(0);
        assertEquals(FindingType.EXTRA, extra.type());
        assertEquals("edge-external", extra.firewall());
        assertEquals(LocalDate.of(2027, 3, 31), extra.expires());
        assertEquals("netsec@contoso.com", extra.owner());
        assertEquals(4, extra.line());
        assertTrue(extra.flow().text().contains("ports=3389"), extra.flow().text());
        Waiver missing = ws.get(1);
        assertEquals("L13-EDGE-EXT-010", missing.requirement());
        assertNull(missing.flow());
        assertEquals("waivers.example.yaml:10", missing.where());
    }

    @Test
    void readsTheSample() throws Exception {
        assertEquals(3, WaiverLoader.load(Path.of("samples/contoso-waivers/waivers.yaml"), "w").size());
    }

    @Test
    void missingReasonNamesTheLine() throws IOException {
        assertEquals("w.yaml:3: waivers[0]: missing required field 'reason'",
                error("schemaVersion: 1\nwaivers:\n  - type: EXTRA\n    owner: a@b\n    expires: 2027-01-01\n"));
    }

    @Test
    void badDateNamesTheLine() throws IOException {
        assertEquals("w.yaml:6: waivers[0].expires: expected a date as yyyy-mm-dd, found '31.03.2027'",
                error("schemaVersion: 1\nwaivers:\n  - type: EXTRA\n    reason: r\n    owner: o\n    expires: 31.03.2027\n"));
    }

    @Test
    void unknownTypeFieldAndBadFlowAreNamed() throws IOException {
        assertTrue(error("schemaVersion: 1\nwaivers:\n  - type: EXTRAS\n    reason: r\n    owner: o\n    expires: 2027-01-01\n")
                .startsWith("w.yaml:3: waivers[0].type: unknown finding type 'EXTRAS'"));
        assertTrue(error("schemaVersion: 1\nwaivers:\n  - type: EXTRA\n    reason: r\n    owner: o\n    expires: 2027-01-01\n    expiry: 2027-01-01\n")
                .startsWith("w.yaml:7: waivers[0].expiry: unknown field 'expiry'"));
        assertEquals("w.yaml:4: waivers[0].flow.ports: port 70000 is outside 0-65535",
                error("schemaVersion: 1\nwaivers:\n  - type: EXTRA\n    flow: { ports: \"70000\" }\n    reason: r\n    owner: o\n    expires: 2027-01-01\n"));
    }

    @Test
    void syntaxErrorsAndVersionsAreBadInput() throws IOException {
        assertTrue(error("schemaVersion: 1\nwaivers:\n  - type: [EXTRA\n").startsWith("w.yaml:"));
        assertEquals("w.yaml:1: schemaVersion: unsupported schemaVersion 2 (this version reads 1)", error("schemaVersion: 2\nwaivers: []\n"));
    }
}
