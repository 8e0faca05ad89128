package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.fortigate.FortiGateImporter;
import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the FortiGate importer: each fixture under importer/fortigate/ is imported (a
 * multi-VDOM export for the VDOM named here), written as neutral JSON and compared with its
 * committed "*.golden.json"; the JSON must read back unchanged.
 */
class FortiGateGoldenTest {
    static final String DIR = "importer/fortigate/";
    /** The VDOM to read, for the fixtures with several. */
    static final Map<String, String> VDOM = Map.of("multi-vdom.conf", "edge");

    @TempDir
    Path tmp;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGoldenAndRoundTrips(String name) throws Exception {
        ImportResult r = new FortiGateImporter().importFile(GoldenFiles.resource(DIR + name), DIR + name,
                ImportOptions.NONE.withVdom(VDOM.get(name)));
        String json = NeutralWriter.toJson(r);
        GoldenFiles.assertGolden(DIR + name.substring(0, name.lastIndexOf('.')) + ".golden.json", json);
        Path written = tmp.resolve("roundtrip.json");
        Files.writeString(written, json);
        assertEquals(json, NeutralWriter.toJson(new NeutralImporter().importFile(written, "roundtrip.json")), "JSON round trip");
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized(),
                "every line is counted once");
    }
}
