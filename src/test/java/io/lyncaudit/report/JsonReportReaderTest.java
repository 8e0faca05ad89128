package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.FindingType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader's defaults for absent optional keys and its messages for input that is not a report. */
class JsonReportReaderTest {

    private static Report read(String json) throws IOException {
        return JsonReportReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "b.json");
    }

    private static String error(String json) {
        return assertThrows(IOException.class, () -> read(json)).getMessage();
    }

    @Test
    void absentOptionalKeysGetDefaults() throws IOException {
        Report r = read("""
                {"schemaVersion": 1, "summary": {"findings": {"EXTRA": 2}},
                 "findings": [{"id": "f-1", "type": "EXTRA", "severity": "low", "requirement": null,
                               "evidence": [{"file": "a", "line": 3, "text": "t", "role": "permits"}], "waived": false},
                              {"id": "f-2", "type": "MISSING", "severity": "HIGH",
                               "requirement": {"id": "R", "title": "T", "source": {"file": "d.md", "table": 1, "row": 2}}}]}
                """);
        assertTrue(r.requirements().isEmpty());
        assertTrue(r.inputs().isEmpty());
        assertEquals(2, r.summary().findings().get(FindingType.EXTRA));
        assertEquals(0, r.summary().findings().get(FindingType.MISSING), "every type is present");
        assertNull(r.findings().get(0).requirement());
        assertNull(r.findings().get(0).evidence().get(0).cell());
        assertFalse(r.findings().get(0).uncertain());
        assertEquals(1, r.findings().get(1).requirement().sources().size(), "sources falls back to source");
        assertEquals("d.md", r.findings().get(1).requirement().source().file());
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        assertEquals(0, read("{\"schemaVersion\": 1, \"later\": {\"x\": [1]}}").findings().size());
    }

    @Test
    void rejectsWhatIsNotAReport() {
        assertTrue(error("[1, 2]").contains("not a lyncaudit JSON report"));
        assertTrue(error("{\"version\": 1}").contains("no schemaVersion"));
        assertTrue(error("{\"schemaVersion\": 2}").contains("unsupported schema version 2"));
        assertTrue(error("{\"schemaVersion\": 1,").startsWith("b.json: not valid JSON"));
        assertTrue(error("{\"schemaVersion\": 1} {}").startsWith("b.json: not valid JSON"));
    }

    @Test
    void errorsNameTheJsonPath() {
        assertEquals("b.json: $.findings[0].type: unknown finding type 'LOST'",
                error("{\"schemaVersion\": 1, \"findings\": [{\"type\": \"LOST\"}]}"));
        assertEquals("b.json: $.findings[0].evidence[1].line: expected an integer",
                error("{\"schemaVersion\": 1, \"findings\": [{\"evidence\": [{}, {\"line\": \"7\"}]}]}"));
        assertEquals("b.json: $.findings[0].severity: unknown severity 'urgent' (info, low, medium, high, critical)",
                error("{\"schemaVersion\": 1, \"findings\": [{\"severity\": \"urgent\"}]}"));
        assertEquals("b.json: $.inputs: expected an array", error("{\"schemaVersion\": 1, \"inputs\": {}}"));
        assertEquals("b.json: $.diagnostics[0].line: expected an integer",
                error("{\"schemaVersion\": 1, \"diagnostics\": [{\"line\": 1.5}]}"));
    }

    @Test
    void leavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        var in = new ByteArrayInputStream("{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonReportReader.read(in, "s.json");
        assertFalse(closed[0]);
    }
}
