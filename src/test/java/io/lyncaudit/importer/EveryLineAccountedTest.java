package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.windows.WindowsIpsecImporter;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Every line is accounted for", for every importer of the registry ({@link Importers#ALL}) on
 * every fixture under src/test/resources/importer/** (each importer on each file, other vendors'
 * too): either the importer refuses the file ({@link BadInputException}), or
 * <ul>
 *   <li>the counts add up to the total;</li>
 *   <li>no line has two diagnostics, and the diagnostics of each category are as many as its
 *       count: every line that is not used says why, once (diagnostics at line 0 concern the
 *       whole input and count nowhere);</li>
 *   <li>for an input read line by line, the total is its number of non-blank lines and every
 *       diagnostic is at one of them: each non-blank line has exactly one verdict, blank lines none.</li>
 * </ul>
 * The units of a structured input are not its text lines (the rules of a neutral policy, the
 * elements of an nftables JSON array, the rows of a workbook): there the first two hold.
 */
class EveryLineAccountedTest {
    private static final Path ROOT = Path.of("src/test/resources/importer");

    /**
     * Importers not on the one ledger yet: only the counts must add up. The spreadsheet importer
     * is being moved onto LineLedger in its own change; remove it here when it is.
     */
    private static final Set<String> NOT_YET_ON_THE_LEDGER = Set.of();

    static Stream<Object[]> cases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".golden.json")).sorted().toList();
        }
        List<Object[]> out = new ArrayList<>();
        for (Path f : files) {
            for (Importer i : Importers.ALL) out.add(new Object[] {ROOT.relativize(f).toString(), i.format()});
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void everyLineHasExactlyOneVerdict(String fixture, String format) throws Exception {
        Path file = ROOT.resolve(fixture);
        String display = "importer/" + fixture;
        List<Diagnostic> diagnostics;
        LineCounts counts;
        try {
            if (format.equals(WindowsIpsecImporter.FORMAT)) {
                // not a firewall: it reads IPsec policies, with a ledger of their own
                IpsecPolicy p = WindowsIpsecImporter.read(file, display);
                diagnostics = p.diagnostics();
                counts = p.lines();
            } else {
                ImportResult r = Importers.forFormat(format).importFile(file, display);
                diagnostics = r.diagnostics();
                counts = r.lines();
            }
        } catch (BadInputException refused) {
            return; // not this importer's format: nothing was accounted
        }
        assertEquals(counts.total(), counts.used() + counts.ignored() + counts.unsupported() + counts.unrecognized(),
                "the counts add up to the total: " + counts);
        if (NOT_YET_ON_THE_LEDGER.contains(format)) return;

        Map<String, Integer> perLine = new HashMap<>();
        int[] byCategory = new int[Diagnostic.Category.values().length];
        for (Diagnostic d : diagnostics) {
            if (d.line() <= 0) continue; // about the input as a whole
            Integer before = perLine.put(d.file() + ":" + d.line(), 1);
            assertTrue(before == null, "line " + d.file() + ":" + d.line() + " has two diagnostics: " + diagnostics);
            byCategory[d.category().ordinal()]++;
        }
        assertEquals(counts.ignored(), byCategory[Diagnostic.Category.IGNORED.ordinal()], "one diagnostic per ignored line: " + counts);
        assertEquals(counts.unsupported(), byCategory[Diagnostic.Category.UNSUPPORTED.ordinal()], "one per unsupported line: " + counts);
        assertEquals(counts.unrecognized(), byCategory[Diagnostic.Category.UNRECOGNIZED.ordinal()], "one per unrecognized line: " + counts);

        List<String> lines = textLines(file, format);
        if (lines == null) return; // structured: its units are not text lines
        int nonBlank = 0;
        for (String l : lines) if (!LineLedger.blank(l)) nonBlank++;
        assertEquals(nonBlank, counts.total(), "every non-blank line and only those are counted: " + counts);
        for (Diagnostic d : diagnostics) {
            if (d.line() <= 0) continue;
            assertEquals(display, d.file(), "a single-file input");
            assertTrue(d.line() <= lines.size() && !LineLedger.blank(lines.get(d.line() - 1)),
                    "a diagnostic at a line that is no line of content: " + d);
        }
    }

    /**
     * The text lines of an input read line by line, as its importer splits them; null for a
     * structured input (neutral policy, nftables JSON, workbook, an nftables file with includes,
     * whose counts cover the included files too).
     */
    private static List<String> textLines(Path file, String format) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        switch (format) {
            case "neutral" -> {
                return null;
            }
            case "windows-firewall", "windows-ipsec" -> {
                return windowsLines(bytes);
            }
            default -> { }
        }
        String text = decoded(bytes);
        if (format.equals("nftables") && (text.startsWith("{") || text.contains("include \""))) return null;
        if (name.endsWith(".xlsx") || name.endsWith(".xlsx.txt")) return null;
        return ConfigText.lines(text);
    }

    /** The text as the importers decode it (BOM, UTF-16, UTF-8, else Windows-1252); binary bytes read as they come. */
    private static String decoded(byte[] b) {
        try {
            return io.lyncaudit.io.InputText.decode(b, "fixture", null).text();
        } catch (io.lyncaudit.model.BadInputException e) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    /** Lines as the Windows importers split them: UTF-16 by its byte-order mark, at CR, LF or CRLF. */
    private static List<String> windowsLines(byte[] b) {
        String text;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = decoded(b);
        }
        List<String> out = new ArrayList<>();
        for (String l : text.split("\r\n|\r|\n", -1)) out.add(l);
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }
}
