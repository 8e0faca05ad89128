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
}
