package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown summary against its golden file, its limits and its escaping. */
class MarkdownReportRendererTest extends RendererContractTest {

    @Override
    protected ReportRenderer renderer() {
        return new MarkdownReportRenderer();
    }

    @Override
    protected ReportFormat format() {
        return ReportFormat.MD;
    }

    @Override
    protected void assertMatchesExpected(byte[] rendered) throws IOException {
        Golden.assertText("report.md", new String(rendered, StandardCharsets.UTF_8));
    }

    private static String md(Report r) throws IOException {
        return new String(render(new MarkdownReportRenderer(), r), StandardCharsets.UTF_8);
    }

    @Test
    void verdictComesFirst() throws IOException {
        assertTrue(md(ReportFixtures.sample()).startsWith("## lyncaudit: gate ❌ **FAIL** (fail on high)\n"));
        assertTrue(md(ReportFixtures.empty()).startsWith("## lyncaudit: gate ✅ **PASS**"));
    }

    @Test
    void escapesEverythingThatCouldBreakTheTable() {
        assertEquals("a\\|b \\`x\\` &lt;img&gt; \\*\\_\\[l\\]\\(u\\) c", MarkdownReportRenderer.escape("a|b `x` <img> *_[l](u)\nc"));
    }

    @Test
    void hostileInputStaysInItsCell() throws IOException {
        Report s = ReportFixtures.sample();
        Finding f = s.findings().get(2);
        Finding evil = new Finding(f.id(), f.type(), f.severity(), null, "fw|<script>", f.flow(), null, f.message(),
                List.of(new Evidence("x|y`.asa", 3, "t", "permits", null)), f.witness(), false, false);
        String out = md(ReportFixtures.with(s, List.of(evil), List.of()));
        String row = out.lines().filter(l -> l.startsWith("| high | EXTRA")).findFirst().orElseThrow();
        assertEquals(9, row.split("(?<!\\\\)\\|", -1).length, row); // 7 cells between 8 unescaped pipes
        assertFalse(out.contains("<script>"));
    }

    @Test
    void showsAtMostTwentyFindings() throws IOException {
        Report s = ReportFixtures.sample();
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) many.add(s.findings().get(i % s.findings().size()));
        String out = md(ReportFixtures.with(s, many, List.of()));
        assertTrue(out.contains("### Top findings (20 of 30)"));
        assertEquals(20, out.lines().filter(l -> l.matches("\\| (info|low|medium|high|critical) \\|.*")).count());
    }
}
