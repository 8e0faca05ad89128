package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.importer.windows.WindowsFirewallImporter;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the Windows Firewall importer through the neutral writer: each "fe*" fixture under
 * importer/windows/ must produce its committed "*.golden.json", and that JSON must read back unchanged.
 */
class WindowsGoldenTest {
    static final String DIR = "importer/windows/";

    @TempDir
    Path tmp;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("fe") && !n.endsWith(".golden.json")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void matchesGoldenAndRoundTrips(String fixture) throws Exception {
        ImportResult r = new WindowsFirewallImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture);
        String json = NeutralWriter.toJson(r);
        GoldenFiles.assertGolden(DIR + fixture.substring(0, fixture.lastIndexOf('.')) + ".golden.json", json);
        Path written = tmp.resolve("roundtrip.json");
        Files.writeString(written, json);
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(written, "roundtrip.json")), "JSON round trip");
    }
}
