package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the one line ledger (see {@link LineLedger}). */
class LineLedgerTest {

    @Test
    void aLineNobodyMarkedIsUnrecognizedAndBlankLinesCountNowhere() {
        LineLedger l = new LineLedger("f", List.of("hostname x", "", "   \t", "access-list A permit", "\uFEFF", "mystery"));
        l.ignored(1, "not about filtering");
        l.used(4);
        l.ignored(2, "a verdict for a blank line is dropped");
        assertEquals(new LineCounts(3, 1, 1, 0, 1), l.counts());
        List<Diagnostic> ds = l.diagnostics();
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(new Diagnostic("f", 6, Diagnostic.Category.UNRECOGNIZED, "mystery", LineLedger.NOT_LOOKED_AT), ds.get(1));
        assertFalse(l.has(2));
    }

    @Test
    void theMostSevereVerdictWinsAndOnlyItsMessagesAreKept() {
        LineLedger l = new LineLedger("f", List.of("a", "b", "c", "d"));
        l.ignored(1, "declares chain x");
        l.used(1); // a line that produced something is used even if another pass would ignore it
        l.used(2);
        l.unsupported(2, "time-range");
        l.unsupported(2, "ICMP types");
        l.unsupported(2, "time-range");
        l.ignored(2, "weaker: dropped");
        l.ignored(3, "remark");
        l.ignored(3, "access-list A is bound to no interface: it filters nothing");
        l.unsupported(4, "fqdn");
        l.unrecognized(4, "cannot be read");
        assertEquals(Verdict.USED, l.verdict(1));
        assertEquals(new LineCounts(4, 1, 1, 1, 1), l.counts());
        List<Diagnostic> ds = l.diagnostics();
        assertEquals(List.of("time-range; ICMP types", "remark; access-list A is bound to no interface: it filters nothing", "cannot be read"),
                ds.stream().map(Diagnostic::message).toList());
        assertEquals(List.of(2, 3, 4), ds.stream().map(Diagnostic::line).toList(), "one diagnostic per line that is not used, in line order");
    }

    @Test
    void commentsDoNotShowThatTheInputIsOfTheFormat() {
        LineLedger l = new LineLedger("f", List.of("!", "garbage"));
        l.comment(1);
        l.unrecognized(2, "unknown statement");
        assertFalse(l.anyUnderstood());
        l.ignored(2, "a reason");
        assertTrue(l.anyUnderstood());
        assertEquals("comment", l.diagnostics().get(0).message());
    }

    @Test
    void aLedgerWithoutTheTextCountsWhatItIsToldAndWhatItExpects() {
        LineLedger l = new LineLedger("f.json");
        l.expect(1, "nftables[1] {...}");
        l.expect(2, "nftables[2] {...}");
        l.used(1, "nftables[1] {...}");
        l.mark(5, "row 5", Verdict.IGNORED, "not a rule row");
        assertEquals(new LineCounts(3, 1, 1, 0, 1), l.counts());
        assertEquals(LineLedger.NOT_LOOKED_AT, l.diagnostics().get(0).message(), "line 2, expected, got no verdict");
        assertThrows(IllegalStateException.class, () -> l.text(1));
    }

    @Test
    void fileDiagnosticsComeFirstAndCountNowhere() {
        LineLedger l = new LineLedger("f", List.of("x"));
        l.used(1);
        l.fileDiagnostic(Verdict.IGNORED, "UTF-16LE", "no byte-order mark");
        assertEquals(new LineCounts(1, 1, 0, 0, 0), l.counts());
        assertEquals(0, l.diagnostics().get(0).line());
        assertThrows(IllegalArgumentException.class, () -> l.fileDiagnostic(Verdict.USED, "x", "y"));
    }

    @Test
    void ofTextSplitsAsConfigTextDoes() {
        for (String text : List.of("", "a", "a\n", "a\r\nb", "a\n\nb\n", "\n\n", "x\ry\n")) {
            List<String> expected = ConfigText.lines(text);
            LineLedger l = LineLedger.ofText("f", text);
            for (int i = 1; i <= expected.size(); i++) assertEquals(expected.get(i - 1).strip(), l.text(i), text + " line " + i);
            long nonBlank = expected.stream().filter(s -> !LineLedger.blank(s)).count();
            assertEquals(nonBlank, l.counts().total(), text);
            assertThrows(IllegalArgumentException.class, () -> l.used(expected.size() + 1), "no such line");
        }
    }

    @Test
    void longTextIsClippedSayingHowLongItWas() {
        LineLedger l = new LineLedger("f", List.of("y".repeat(1000)));
        l.unrecognized(1, "too long");
        String t = l.diagnostics().get(0).text();
        assertTrue(t.startsWith("y".repeat(300) + "...") && t.endsWith("(1000 characters)"), t);
        assertNull(l.verdict(2));
    }
}
