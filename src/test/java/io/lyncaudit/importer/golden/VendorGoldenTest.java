package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the text-config vendor importers (Cisco ASA, Cisco IOS): each fixture under
 * importer/VENDOR/ is imported with its format named, written as neutral JSON and compared with
 * its committed "*.golden.json"; the JSON must read back unchanged.
 */
class VendorGoldenTest {

    /** Fixture directory and the format its files are. */
    static final String[][] VENDORS = {{"importer/asa/", "cisco-asa", ".asa"}, {"importer/ios/", "cisco-ios", ".ios"}};

    @TempDir
    Path tmp;

    static Stream<String[]> fixtures() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String[] v : VENDORS) {
            Path dir = GoldenFiles.resource(v[0]);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(v[2])).sorted()
                        .forEach(n -> out.add(new String[] {v[0] + n, v[1]}));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGoldenAndRoundTrips(String fixture, String format) throws Exception {
        Importer importer = Importers.forFormat(format);
        ImportResult r = importer.importFile(GoldenFiles.resource(fixture), fixture);
        String json = NeutralWriter.toJson(r);
        GoldenFiles.assertGolden(fixture.substring(0, fixture.lastIndexOf('.')) + ".golden.json", json);
        Path written = tmp.resolve("roundtrip.json");
        Files.writeString(written, json);
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(written, "roundtrip.json")), "JSON round trip");
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized(),
                "every line is counted once");
    }
}
