package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.importer.panos.PanosImporter;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written PAN-OS exports under importer/panos/ (XML and set form, as saved from the CLI, the
 * API, PuTTY or Windows PowerShell) import into their committed golden neutral JSON, which reads
 * back unchanged; the *.bad ones are refused.
 */
class PanosGoldenTest {

    static final String DIR = "importer/panos/";

    @TempDir
    Path tmp;

    static Stream<String> good() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".bad") && !n.contains(".golden.")).sorted()
                    .toList().stream();
        }
    }

    static Stream<String> bad() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bad")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("good")
    void importsIntoGoldenAndReadsBack(String fixture) throws Exception {
        ImportResult r = new PanosImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture);
        for (Policy p : r.policies()) {
            for (Rule x : p.rules()) assertTrue(x.mayMatch().containsAll(x.match()), "what a rule may match holds what it matches: " + x);
        }
        String json = NeutralWriter.toJson(r);
        GoldenFiles.assertGolden(DIR + fixture + ".golden.json", json);
        Path written = tmp.resolve("roundtrip.json");
        Files.writeString(written, json);
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(written, "roundtrip.json")), "JSON round trip");
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusesWhatIsNotAReadablePanosConfiguration(String fixture) {
        assertThrows(BadInputException.class, () -> new PanosImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture));
    }

    /**
     * The sample's exports (a 1,900-line GUI export and a PuTTY log of the set form) are outside the
     * fixture walk of EveryLineAccountedTest; the same properties hold for them: every non-blank
     * line counted once, and one diagnostic for each line that is not used.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"samples/woodgrove-panos-edge/edge-external.xml",
            "samples/woodgrove-panos-edge/edge-internal.log"})
    void everyLineOfTheSampleIsAccountedFor(String sample) throws Exception {
        Path f = Path.of(sample);
        ImportResult r = new PanosImporter().importFile(f, sample);
        java.util.List<String> lines = io.lyncaudit.importer.ConfigText.lines(Files.readString(f));
        long nonBlank = lines.stream().filter(l -> !io.lyncaudit.importer.LineLedger.blank(l)).count();
        assertEquals(nonBlank, r.lines().total());
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (io.lyncaudit.policy.Diagnostic d : r.diagnostics()) {
            if (d.line() > 0) assertTrue(seen.add(d.line()), "two diagnostics for line " + d.line());
        }
        assertEquals(r.lines().total() - r.lines().used(), seen.size());
    }
}
