package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.importer.sheet.SpreadsheetImporter;
import io.lyncaudit.importer.sheet.XlsxFixtures;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the spreadsheet importer, seen through the neutral writer: each fixture under
 * importer/sheet/ (CSV as is, "*.xlsx.txt" turned into a workbook first) must produce its
 * committed "*.golden.json", and that JSON must read back and write again unchanged. A fixture
 * without an action column has a "*.action" file next to it saying what its rows mean.
 */
class SpreadsheetGoldenTest {

    static final String DIR = "importer/sheet/";

    @TempDir
    Path tmp;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".xlsx.txt")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void matchesGoldenAndRoundTrips(String fixture) throws Exception {
        Path input = GoldenFiles.resource(DIR + fixture);
        String display = DIR + fixture;
        if (fixture.endsWith(".xlsx.txt")) {
            display = DIR + fixture.substring(0, fixture.length() - 4);
            input = XlsxFixtures.write(tmp.resolve(Path.of(display).getFileName()), Files.readString(input, StandardCharsets.UTF_8));
        }
        // "<fixture>.action" says what every row means for a sheet without an action column (the deployment's 'action:')
        Path action = GoldenFiles.resource(DIR).resolve(fixture + ".action");
        ImportOptions options = Files.exists(action)
                ? ImportOptions.of(null, Files.readString(action, StandardCharsets.UTF_8).strip(), false) : ImportOptions.NONE;
        ImportResult r = new SpreadsheetImporter().importFile(input, display, options);
        String json = NeutralWriter.toJson(r);
        String base = display.substring(0, display.lastIndexOf('.'));
        GoldenFiles.assertGolden(base + ".golden.json", json);

        Path written = tmp.resolve("roundtrip.json");
        Files.writeString(written, json);
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(written, "roundtrip.json")), "JSON round trip");
        Path yaml = tmp.resolve("roundtrip.yaml");
        Files.writeString(yaml, NeutralWriter.toYaml(r));
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(yaml, "roundtrip.yaml")), "YAML round trip");
    }
}
