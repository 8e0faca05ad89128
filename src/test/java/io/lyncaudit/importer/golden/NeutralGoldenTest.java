package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written neutral policies under importer/neutral/ read into their committed golden JSON, which then round-trips. */
class NeutralGoldenTest {

    static final String DIR = "importer/neutral/";

    @TempDir
    Path tmp;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> (n.endsWith(".yaml") || n.endsWith(".json")) && !n.endsWith(".golden.json")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsIntoGoldenAndRoundTrips(String fixture) throws Exception {
        ImportResult r = new NeutralImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture);
        String json = NeutralWriter.toJson(r);
        String base = fixture.substring(0, fixture.lastIndexOf('.'));
        GoldenFiles.assertGolden(DIR + base + "." + fixture.substring(fixture.lastIndexOf('.') + 1) + ".golden.json", json);
        Path again = Files.writeString(tmp.resolve("again.json"), json);
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(again, "again.json")));
    }
}
