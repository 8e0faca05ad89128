package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cell text in messages: at most a short excerpt of a cell, with control, escape and bidi-override
 * characters made visible, in every message, diagnostic, rule name, source text and uncertainty the
 * sheet importers produce.
 */
class SpreadsheetExcerptTest {

    @TempDir
    Path tmp;

    private static final String ESC = "\u001b[31m";
    private static final String RLO = "\u202e";

    /** True when the text holds a character a terminal would act on or that reorders what it shows (a tab is fine). */
    static boolean hidden(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) return true;
        }
        return false;
    }

    private static List<String> texts(ImportResult r) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            out.add(d.message());
            out.add(d.text());
        }
        for (Policy p : r.policies()) {
            out.add(p.name());
            for (Rule x : p.rules()) {
                out.add(x.name());
                out.add(x.uncertainty());
                out.add(x.source().text());
                out.add(x.source().sheet());
                out.addAll(x.fromZones());
            }
        }
        return out;
    }

    @Test
    void escapesInCellsAreMadeVisibleEverywhere() throws Exception {
        String longName = "svc" + "x".repeat(500);
        Path f = Files.writeString(tmp.resolve("hostile.csv"), "Name,Source,Destination,Service,Action,From Zone\n"
                + "red" + ESC + ",any,10.0.0.1,ht" + ESC + "tps,permit,out" + ESC + "side\n"
                + "rlo,any,Edge" + RLO + "VIP,443,permit,\n"
                + "long,any,10.0.0.1," + longName + ",permit,\n"
                + "bell,any,10.0.0.1,443,\u0007permit,\n", StandardCharsets.UTF_8);
        ImportResult r = new SpreadsheetImporter().importFile(f, "hostile.csv");
        for (String t : texts(r)) assertFalse(hidden(t), () -> "raw control character in: " + t);
        String all = String.join("\n", r.diagnostics().stream().map(Diagnostic::message).toList());
        assertTrue(all.contains("'ht\\u001b[31mtps'"), all);
        assertTrue(all.contains("Edge\\u202eVIP"), all);
        assertTrue(all.contains("'svc" + "x".repeat(77) + "\u2026 (503 characters)'"), all);
        assertFalse(all.contains("x".repeat(100)), "never the whole cell");
        assertEquals("red\\u001b[31m", r.policies().get(0).rules().get(0).name());
        assertTrue(r.policies().get(0).rules().get(0).source().text().contains("\\u001b"));

        BadInputException e = assertThrows(BadInputException.class,
                () -> new SpreadsheetImporter().importFile(f, "hostile.csv", new ImportOptions(null, null, true)));
        assertFalse(hidden(e.getMessage()), e.getMessage());
        assertEquals("hostile.csv:5: cell E5: '\\u0007permit' is not an action (permit, allow, accept, pass, yes; deny, drop, block, "
                + "reject, no)", e.getMessage());
    }

    @Test
    void aLongMalformedCellIsQuotedShort() throws Exception {
        Path f = Files.writeString(tmp.resolve("long.csv"), "Source,Destination,Port,Action\nany,10.0.0.1," + "9".repeat(5000) + ",permit\n"
                + "any," + "1.2.3.4".repeat(2000) + ",443,permit\n");
        ImportResult r = new SpreadsheetImporter().importFile(f, "long.csv");
        for (Diagnostic d : r.diagnostics()) assertTrue(d.message().length() < 300, d.message());
        assertEquals("C2: '" + "9".repeat(80) + "\u2026 (5000 characters)' is not a port or port range", r.diagnostics().get(0).message());
        String text = r.diagnostics().get(0).text();
        assertTrue(text.length() < 300 && text.contains("(5,020 characters, #"), text);
    }

    @Test
    void theIpsecSheetsQuoteCellsTheSameWay() throws Exception {
        Path f = Files.writeString(tmp.resolve("ipsec.csv"), "Name,Endpoint 1,Endpoint 2,Protocol,Authentication\n"
                + "x" + ESC + ",any,10.0.0.1,UDP,Do not authenticate\n"
                + "y,any,10.0.0." + "9".repeat(300) + ",UDP,Do not authenticate\n"
                + "z,any,10.0.0.1,UDP," + ESC + "maybe\n");
        IpsecPolicy p = IpsecSpreadsheetImporter.read(f, "ipsec.csv");
        assertEquals("x\\u001b[31m", p.rules().get(0).name());
        for (Diagnostic d : p.diagnostics()) {
            assertFalse(hidden(d.message()) || hidden(d.text()), d.toString());
            assertTrue(d.message().length() < 300, d.message());
        }
    }
}
