package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console renderer against its golden file, and its width, colour and sanitising rules. */
class ConsoleReportRendererTest extends RendererContractTest {

    @Override
    protected ReportRenderer renderer() {
        return new ConsoleReportRenderer();
    }

    @Override
    protected ReportFormat format() {
        return ReportFormat.CONSOLE;
    }

    @Override
    protected void assertMatchesExpected(byte[] rendered) throws IOException {
        Golden.assertText("console.txt", new String(rendered, StandardCharsets.UTF_8));
    }

    private static String text(ConsoleReportRenderer r, Report report) throws IOException {
        return new String(render(r, report), StandardCharsets.UTF_8);
    }

    @Test
    void narrowTerminalGetsGoldenOutputToo() throws IOException {
        Golden.assertText("console-60.txt", text(new ConsoleReportRenderer(60, false), ReportFixtures.sample()));
    }

    @Test
    void everyLineFitsTheWidth() throws IOException {
        for (int width : new int[] {40, 57, 80, 120, 200}) {
            for (String line : text(new ConsoleReportRenderer(width, false), ReportFixtures.sample()).split("\n")) {
                assertTrue(line.codePointCount(0, line.length()) <= width, width + ": " + line);
            }
        }
    }

    @Test
    void longCellsAreCutWithAnEllipsis() throws IOException {
        String out = text(new ConsoleReportRenderer(80, false), ReportFixtures.sample());
        assertTrue(out.contains("\u2026"));
    }

    @Test
    void noAnsiUnlessAskedFor() throws IOException {
        assertFalse(text(new ConsoleReportRenderer(), ReportFixtures.sample()).contains("\u001b"),
                "input escapes are neutralised and no colour is added");
        String coloured = text(new ConsoleReportRenderer(120, true), ReportFixtures.sample());
        assertTrue(coloured.contains("Gate: \u001b[31mFAIL\u001b[0m"));
        assertTrue(coloured.contains("\u001b[31mcritical\u001b[0m"));
    }

    @Test
    void inputControlCharactersAreNeutralised() throws IOException {
        String out = text(new ConsoleReportRenderer(200, false), ReportFixtures.sample());
        assertTrue(out.contains("banner motd ?[31mHACKED?[0m"), out);
        assertEquals("a b?c?d", ConsoleText.clean("a\tb\u0007c\u202Ed"));
        assertEquals("a b c?d?e", ConsoleText.clean("a\u2028b\u2029c\u001bd\u009be"), "line separators, ESC and the C1 CSI too");
    }

    @Test
    void findingsAreSortedBySeverityThenFirewallThenRequirement() throws IOException {
        String out = text(new ConsoleReportRenderer(200, false), ReportFixtures.sample());
        List<String> order = new ArrayList<>();
        for (String line : out.split("\n")) {
            String t = line.strip();
            for (String s : new String[] {"critical", "high", "medium", "low", "info"}) {
                if (t.startsWith(s + " ")) order.add(t.replaceAll("\\s+", " ").split(" ")[2]);
            }
        }
        assertEquals(List.of("L13-EDGE-EXT-003", "L13-EDGE-EXT-009", "-", "L13-EDGE-EXT-011", "L13-IPSEC-001",
                "L13-EDGE-INT-002", "L13-IPSEC-002"), order);
    }

    @Test
    void listsTwentyDiagnosticsAndCountsTheRest() throws IOException {
        List<Report.ReportDiagnostic> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) many.add(new Report.ReportDiagnostic("fw.asa", i, "warning", i % 2 == 0 ? "ignored" : "unsupported", "line " + i, "why"));
        String out = text(new ConsoleReportRenderer(), ReportFixtures.with(ReportFixtures.sample(), List.of(), many));
        assertTrue(out.contains("  fw.asa: ignored 12, unsupported 13\n"), out);
        assertTrue(out.contains("fw.asa:20 "));
        assertFalse(out.contains("fw.asa:21 "));
        assertTrue(out.contains("... and 5 more"));
        assertTrue(out.contains("Findings (0)\n  none\n"));
    }

    @Test
    void emptyReportSaysNone() throws IOException {
        String out = text(new ConsoleReportRenderer(), ReportFixtures.empty());
        assertTrue(out.contains("Gate: PASS (fail-on high)"));
        assertTrue(out.contains("Inputs (0)\n  none\n"));
        assertTrue(out.endsWith("Diagnostics (0)\n  none\n"));
    }

    @Test
    void aCutMessageIsRepeatedInFullBelowItsRow() throws IOException {
        String out = text(new ConsoleReportRenderer(100, false), ReportFixtures.sample());
        assertTrue(out.contains("\n      Only TCP 50000-54999 is permitted from the A/V Edge to the internet; 55000-59999 is denied.\n"), out);
    }

    @Test
    void wrapBreaksAtSpacesAndInsideOverlongWords() {
        assertEquals(List.of("aaa bb", "cccccc", "ccc d"), ConsoleText.wrap("aaa bb ccccccccc d", 6));
        assertEquals(List.of(), ConsoleText.wrap("", 6));
    }
}
